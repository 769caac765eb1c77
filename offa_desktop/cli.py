"""``offa-desktop``: the window by default, or a headless command (no Qt imported for those).

Standard output of a headless command holds only JSON; logs go to the log file and stderr.
Each command lives beside this file (``cli_sync.py``, ``cli_print.py``; their output in
``cli_output.py``), calls the use cases of ``ops/`` and returns the process exit code.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import threading
from collections.abc import Sequence

from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.domain.documents import KINDS as PRINT_KINDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offa-desktop",
        description="Poste de travail des opérateurs de l'alternance (OFFA).",
    )
    parser.add_argument("--data-dir", help="dossier des données (copie de travail, journaux)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="démarre le serveur de référence intégré avec des données de démonstration",
    )
    parser.add_argument("--demo-size", type=int, default=2000, help=argparse.SUPPRESS)
    parser.add_argument(
        "--demo-user",
        choices=[a.username for a in DEMO_ACCOUNTS],
        metavar="COMPTE",
        help="avec --demo : le compte de démonstration à utiliser (secretariat, coach, offa…)",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="vérifie l'installation (fenêtre, base, PDF, trousseau, synchronisation) puis quitte",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")

    login = commands.add_parser("login", help="se connecter à un serveur OPLA")
    login.add_argument("--server", required=True, help="adresse du serveur")
    login.add_argument("--username", required=True, help="nom d'utilisateur")
    logout = commands.add_parser(
        "logout", help="se déconnecter (refuse s'il reste des modifications, et les liste)"
    )
    logout.add_argument(
        "--discard-forbidden",
        action="store_true",
        help="abandonner d'abord les modifications que le serveur refuse pour votre rôle",
    )
    sync = commands.add_parser("sync", help="synchroniser une fois")
    sync.add_argument(
        "--verify",
        action="store_true",
        help="vérifier aussi toute la copie de travail contre le serveur et la réparer",
    )
    commands.add_parser("dump", help="exporter toute la copie de travail en lignes JSON")
    forget = commands.add_parser(
        "forget",
        help="oublier cet ordinateur : dernière synchronisation, puis effacer copie de "
        "travail, sauvegardes, pièces jointes et jetons (refuse s'il reste des modifications)",
    )
    forget.add_argument(
        "--export",
        metavar="FICHIER",
        help="exporter d'abord les modifications non envoyées (lignes JSON) dans ce fichier",
    )
    imp = commands.add_parser(
        "import",
        help="importer un fichier (lignes JSON, CSV, XLSX) : tout ou rien, sans doublons",
    )
    imp.add_argument("file", help="fichier .jsonl, .csv (UTF-8, ; ou ,) ou .xlsx (1re feuille)")
    imp.add_argument("--collection", help="la collection des lignes (learners, companies…)")
    imp.add_argument(
        "--keep-valid", action="store_true",
        help="importer les lignes valides même si d'autres sont refusées",
    )  # fmt: skip
    imp.add_argument(
        "--dry-run", action="store_true", help="vérifier et dire ce qui serait fait, sans écrire"
    )
    restore = commands.add_parser(
        "restore",
        help="restaurer la copie de travail (dernière sauvegarde, un fichier, ou une copie vide)",
    )
    which = restore.add_mutually_exclusive_group()
    which.add_argument("--from", dest="source", metavar="FICHIER", help="fichier à restaurer")
    which.add_argument(
        "--empty", action="store_true", help="repartir d'une copie vide (choix explicite)"
    )
    which.add_argument(
        "--forgotten-passphrase",
        action="store_true",
        help="phrase de passe oubliée : mettre de côté (sans l'effacer) la copie chiffrée, sa "
        "clé et ses sauvegardes, puis repartir d'une copie neuve qu'une synchronisation "
        "remplira (les modifications non envoyées qu'elle contiendrait sont perdues, sauf si "
        "la phrase de passe est retrouvée)",
    )
    prt = commands.add_parser("print", help="produire un document PDF")
    prt.add_argument("kind", choices=PRINT_KINDS)
    prt.add_argument("--id", dest="record_id", help="identifiant de la fiche")
    prt.add_argument("--out", required=True, help="fichier PDF à écrire")
    radar = commands.add_parser("radar", help="échéances à traiter (la liste « À faire »)")
    radar.add_argument("--within", type=int, metavar="JOURS",
                       help="seulement ce qui échoit dans ce nombre de jours (retards compris)")
    radar.add_argument("--json", action="store_true", help="une ligne JSON par échéance")
    radar.add_argument("--today", metavar="AAAA-MM-JJ", help="calculer à une autre date")
    check = commands.add_parser(
        "check", help="contrôle avant synchronisation des modifications en attente"
    )
    check.add_argument("--json", action="store_true", help="une ligne JSON par problème")
    check.add_argument("--today", metavar="AAAA-MM-JJ", help=argparse.SUPPRESS)
    export = commands.add_parser("export", help="exporter une liste en XLSX ou CSV")
    export.add_argument("collection", help="collection à exporter (contracts, learners…)")
    export.add_argument("--filter", action="append", default=[], metavar="CHAMP=VALEUR",
                        help="ne garder que les fiches où CHAMP vaut VALEUR (répétable)")
    export.add_argument("--format", required=True, choices=("xlsx", "csv"))
    export.add_argument("--out", required=True, help="fichier à écrire")
    scans = commands.add_parser(
        "scans", help="importer des documents signés (PDF, JPEG, PNG) reconnus par leur QR code"
    )
    scans.add_argument("files", nargs="+", metavar="FICHIER|DOSSIER", help="scans à importer")
    scans.add_argument(
        "--signed-on", metavar="AAAA-MM-JJ", help="date de signature (par défaut : celle du scan)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return _run(build_parser().parse_args(argv))


def console() -> None:
    """The ``offa-desktop`` command (and ``python -m offa_desktop``): :func:`main`, then, when a
    headless command succeeded and left no other thread, the process ends without the
    interpreter's teardown (freeing every object and module one by one: 0.09 s of a first
    sync's 3.6, measured), its output flushed and its exit handlers run first (logging's files
    closed, temporary files' finalizers), so nothing is left undone but freeing memory. The
    window, a failure, or a thread still running (a page fetched ahead when a sync stopped)
    exit as Python does."""
    args = build_parser().parse_args()
    code = _run(args)
    if args.command is not None and code == 0 and threading.active_count() == 1:
        _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed, or a pipe already gone
            pass
    atexit._run_exitfuncs()
    os._exit(code)


def _run(args: argparse.Namespace) -> int:
    if args.command in ("login", "logout", "sync", "dump", "import", "forget"):
        from offa_desktop import cli_sync

        return cli_sync.run(args)
    if args.command == "restore":
        from offa_desktop import cli_restore

        return cli_restore.run(args)
    if args.command == "scans":
        from offa_desktop import cli_scans

        return cli_scans.run(args)
    if args.command in ("radar", "check", "export"):
        from offa_desktop import cli_radar

        return cli_radar.run(args)
    if args.command == "print":
        from offa_desktop import cli_print

        return cli_print.run(args)
    if args.self_check:
        from offa_desktop.ui import selfcheck  # loads Qt: it opens the window

        return selfcheck.run(args)
    from offa_desktop import app  # the only path that loads Qt

    return app.main(args)


if __name__ == "__main__":
    console()
