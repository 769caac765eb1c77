"""Printing use cases: one document as bytes, a batch in a process pool (the headless
``print`` command is ``offa_desktop/cli_print.py``).

- ``render(kind, record_id, wc)``: the PDF bytes of one document (the UI's preview and print).
- ``print_batch(wc, kind, ids, out_dir, progress=..., cancel=...)``: many PDFs, gathered in the
  calling thread (a Qt worker's own session) and laid out in a pool of processes, with a
  progress callback ``(done, total)`` and a ``threading.Event`` to cancel between documents.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offa_desktop.domain.documents import BLANK_KINDS
from offa_desktop.domain.values import brussels_today
from offa_desktop.printing import facts
from offa_desktop.printing.data import PrintData, PrintError
from offa_desktop.printing.render import render as render_data

if TYPE_CHECKING:  # the store (SQLAlchemy, Alembic) loads only when a working copy is read
    from offa_desktop.store.db import WorkingCopy

log = logging.getLogger("offa.print")

EXIT_OK = 0
EXIT_FAILED = 1
_PAGE = re.compile(rb"/Type /Page\b(?!s)")

Progress = Callable[[int, int], None]


def page_count(pdf: bytes) -> int:
    """Pages of a PDF made by reportlab (its page objects), without a PDF reader."""
    return len(_PAGE.findall(pdf))


def render(
    kind: str, record_id: str | None, wc: WorkingCopy | None, *, today: date | None = None
) -> bytes:
    """The PDF of one document; PrintError (French) when the record cannot be printed.

    ``wc`` may be None for a blank form (no working copy yet)."""
    from offa_desktop.ops.printing.gathering import gather

    if wc is None:
        if kind not in BLANK_KINDS:
            raise PrintError("Aucune copie de travail : connectez-vous et synchronisez d'abord.")
        return render_data(PrintData(kind=kind, printed_on=today or brussels_today()))
    with wc.session() as session:
        data = gather(session, kind, record_id, today=today)
    return render_data(data)


def render_to_folder(kind: str, record_id: str, wc: WorkingCopy, folder: Path) -> Path:
    """One document written into ``folder`` under a name people recognise
    (:func:`~offa_desktop.printing.facts.file_name`); its path."""
    from offa_desktop.ops.printing.gathering import gather

    with wc.session() as session:
        data = gather(session, kind, record_id)
    path = folder / facts.file_name(data)
    write_pdf(path, render_data(data))
    return path


def write_pdf(path: Path, pdf: bytes) -> None:
    """Write through a temporary file, so a half-written PDF never carries the name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(pdf)
    os.replace(tmp, path)


def render_to_file(data: PrintData, out: str) -> int:
    """Lay out ``data`` and write it to ``out``; the size in bytes. Runs in pool processes."""
    pdf = render_data(data)
    write_pdf(Path(out), pdf)
    return len(pdf)


@dataclass
class BatchResult:
    """What a batch did: files written, records that failed (id, French message), cancelled."""

    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0


def batch_file_name(data: PrintData) -> str:
    """«contrat-dupont-marie-7F3A2B91.pdf»: whose document it is, and its reference."""
    return facts.file_name(data)


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``-3``... when a document of the batch already has it (two
    contracts of one learner whose references share their digits)."""
    stem, suffix = name.rsplit(".", 1)
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}.{suffix}"
    taken.add(candidate)
    return candidate


def render_many(
    documents: Iterable[PrintData | tuple[str, str]],
    out_dir: str | os.PathLike[str],
    *,
    total: int,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
    mp_context: Any = None,
    executor: ProcessPoolExecutor | None = None,
) -> BatchResult:
    """Render ``documents`` (PrintData, or (record id, French error) for one that could not be
    gathered) to ``out_dir`` in a process pool. Documents are pulled lazily, a few ahead of the
    pool, so gathering overlaps layout; ``cancel`` stops between documents (those running
    finish, nothing half-written stays). ``executor``: a pool to reuse (the app may keep one
    warm); otherwise one is started ("spawn": safe beside Qt's threads) and shut down."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    result = BatchResult(total=total)
    taken: set[str] = set()  # file names given in this batch
    workers = workers or max(1, os.cpu_count() or 1)
    context = mp_context or multiprocessing.get_context("spawn")  # safe beside Qt threads
    done = 0
    source: Iterator[PrintData | tuple[str, str]] = iter(documents)

    def report() -> None:
        if progress is not None:
            progress(done, total)

    pool = executor or ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        running: dict[Future[int], tuple[str, Path]] = {}
        exhausted = False
        while True:
            while not exhausted and len(running) < 2 * workers:
                if cancel is not None and cancel.is_set():
                    exhausted = True
                    break
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                if isinstance(item, tuple):
                    result.failed.append(item)
                    done += 1
                    report()
                    continue
                path = folder / _unique(batch_file_name(item), taken)
                running[pool.submit(render_to_file, item, str(path))] = (
                    item.record_id or "",
                    path,
                )
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                record_id, path = running.pop(future)
                error = future.exception()
                if error is None:
                    result.written.append(path)
                else:
                    log.error("printing %s failed: %s", record_id, error)
                    result.failed.append((record_id, f"Impression impossible : {error}"))
                done += 1
                report()
    finally:
        if pool is not executor:
            pool.shutdown(wait=True, cancel_futures=True)
    result.cancelled = bool(cancel is not None and cancel.is_set() and done < total)
    return result


def print_batch(
    wc: WorkingCopy,
    kind: str,
    record_ids: Sequence[str],
    out_dir: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
    today: date | None = None,
    executor: ProcessPoolExecutor | None = None,
) -> BatchResult:
    """Print ``kind`` for each record into ``out_dir`` (``<kind>-<id>.pdf``); run it in a worker
    thread: it blocks until the batch ends or is cancelled."""
    from offa_desktop.ops.printing.gathering import gather

    def documents() -> Iterator[PrintData | tuple[str, str]]:
        with wc.session() as session:
            for record_id in record_ids:
                try:
                    yield gather(session, kind, record_id, today=today)
                except PrintError as exc:
                    yield record_id, str(exc)

    return render_many(
        documents(),
        out_dir,
        total=len(record_ids),
        progress=progress,
        cancel=cancel,
        workers=workers,
        executor=executor,
    )
