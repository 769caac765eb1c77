"""Headless commands of the worklist: ``radar``, ``check`` and ``export``.

With ``--json`` (radar, check) and always for export, standard output holds JSON lines, the
summary last; logs go to the data folder's log file and to standard error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path

from offa_desktop import paths
from offa_desktop.cli_output import EXIT_OK, emit, failure, gone_failure, setup_logging, unlock_copy
from offa_desktop.domain.radar import RULES
from offa_desktop.domain.values import brussels_today, format_date_fr
from offa_desktop.store.copy_errors import WorkingCopyGone
from offa_desktop.store.db import WorkingCopy

log = logging.getLogger("offa.worklist")

EXIT_PROBLEMS = 2


def _copy(args: argparse.Namespace) -> Path | int | None:
    """The data folder's working copy, its key registered, checked and migrated; None when
    there is none, an exit code when its key could not be had (the failure said); WorkingCopyGone
    when the folder had one that is now empty, missing or damaged."""
    folder = paths.data_dir(args.data_dir)
    setup_logging(folder)
    file = paths.working_copy_path(folder)
    if not file.exists():
        return None
    failed = unlock_copy(file)  # its key first (issue 16)
    if failed is not None:
        return failed
    WorkingCopy.open(file).close()
    return file


def _today(text: str | None) -> date:
    if not text:
        return brussels_today()
    return date.fromisoformat(text)


NO_COPY = "Aucune copie de travail dans ce dossier : connectez-vous et synchronisez d'abord."


def run(args: argparse.Namespace) -> int:
    """Run ``args.command``; the process exit code."""
    try:
        try:
            today = _today(getattr(args, "today", None))
        except ValueError:
            return failure(log, "bad_date",
                           f"Date invalide : « {args.today} » (attendu AAAA-MM-JJ).")
        try:
            file = _copy(args)
        except WorkingCopyGone as exc:  # never replaced in silence (issue 12)
            return gone_failure(exc)
        if file is None:
            return failure(log, "no_working_copy", NO_COPY)
        if isinstance(file, int):
            return file
        if args.command == "radar":
            return _radar(file, today, args)
        if args.command == "check":
            return _check(file, args)
        return _export(file, args)
    except Exception:  # our bug or the environment's: logged in full, said in French
        log.exception("%s failed", args.command)
        return failure(log,
            "internal",
            "Erreur inattendue ; le détail est dans le journal (dossier logs des données).",
        )


def _radar(file: Path, today: date, args: argparse.Namespace) -> int:
    from offa_desktop.ops.radar import compute

    radar = compute(file, today)
    if args.within is not None:
        radar = radar.within(args.within)
    if args.json:
        for item in radar.items:
            emit(item.to_json())
        emit({"ok": True, "items": len(radar.items), "by_rule": radar.by_rule()})
        return EXIT_OK
    out = sys.stdout
    out.write(f"À faire au {format_date_fr(today)} : {len(radar.items)} ligne(s)\n")
    order = {r.code: r for r in RULES}
    for rule, items in radar.groups():
        out.write(f"\n{order[rule].label} ({len(items)})\n")
        for item in items:
            late = " EN RETARD" if item.due < today else ""
            out.write(f"  {format_date_fr(item.due)}{late}  {item.record}  ({item.detail})\n")
    return EXIT_OK


def _export(file: Path, args: argparse.Namespace) -> int:
    """The file, then ``{"ok", "rows", "out"}``."""
    from offa_desktop.domain.schema import COLLECTIONS
    from offa_desktop.ops import export

    collection = args.collection
    if collection not in COLLECTIONS:
        known = ", ".join(sorted(COLLECTIONS))
        return failure(log, "unknown_collection",
                     f"Collection inconnue : « {collection} » (connues : {known}).")
    try:
        filters = export.parse_filters(collection, args.filter)
    except ValueError as exc:
        return failure(log, "bad_filter", str(exc))
    out = Path(args.out).expanduser()
    try:
        rows = export.write(out, args.format, export.collection_columns(collection),
                            export.collection_rows(file, collection, filters))
    except OSError as exc:
        return failure(log, "write_failed", f"Impossible d'écrire {out} : {exc.strerror or exc}.")
    emit({"ok": True, "rows": rows, "out": str(out.resolve())})
    return EXIT_OK


def _check(file: Path, args: argparse.Namespace) -> int:
    """One line per problem, then ``{"ok", "records", "problems"}``; exit 0 when none, 2."""
    from offa_desktop.domain.schema import COLLECTIONS
    from offa_desktop.ops import preflight

    today = date.fromisoformat(args.today) if getattr(args, "today", None) else None
    wc = WorkingCopy.open(file)
    try:
        report = preflight.check(wc, today=today)
    finally:
        wc.close()
    if args.json:
        for p in report.problems:
            emit(p.to_json())
        emit({"ok": not report.problems, "records": report.records,
              "problems": len(report.problems)})
    else:
        sys.stdout.write(report.headline() + "\n")
        for reason, found in report.groups():
            sys.stdout.write(f"\n{reason} ({len(found)})\n")
            for p in found:
                sys.stdout.write(f"  {COLLECTIONS[p.collection].label} {p.id}\n")
    return EXIT_PROBLEMS if report.problems else EXIT_OK
