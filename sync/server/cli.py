"""``offa-server``: init, create-user, seed-demo, serve (DESIGN.md). Output is one JSON line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from offa_desktop.domain.redaction import RedactingFilter
from sync.server.db import default_database_url, make_engine


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offa-server", description="Serveur de référence compatible OPLA (API v1)."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")

    def db(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--database",
            default=None,
            help="URL SQLAlchemy (postgresql:// = psycopg 3); défaut : $OFFA_SERVER_DATABASE, "
            "puis un fichier SQLite dans le dossier de données",
        )

    db(commands.add_parser("init", help="créer ou migrer le schéma, charger les référentiels"))
    user = commands.add_parser("create-user", help="créer ou mettre à jour un compte")
    db(user)
    user.add_argument("--username", required=True, help="nom d'utilisateur")
    user.add_argument(
        "--password-stdin",
        action="store_true",
        help="lire le mot de passe sur l'entrée standard (sinon $OFFA_PASSWORD, sinon une "
        "invite quand le terminal est interactif)",
    )
    # Kept so that older scripts still run, hidden and warned against: a password on the
    # command line is visible to every user of the machine (ps, /proc).
    user.add_argument("--password", help=argparse.SUPPRESS)
    user.add_argument(
        "--role", required=True, choices=("coach", "secretariat", "offa"), help="rôle"
    )
    user.add_argument("--operator", help="code de l'opérateur (secrétariats)")
    user.add_argument("--sector", action="append", default=[], help="secteur (coachs, répétable)")
    user.add_argument("--display-name", help="nom affiché")
    seed = commands.add_parser("seed-demo", help="données de démonstration réalistes")
    db(seed)
    seed.add_argument("--size", type=int, default=200, help="nombre de contrats")
    seed.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    serve = commands.add_parser("serve", help="servir l'API")
    db(serve)
    serve.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="port d'écoute (8765)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processus serveurs (PostgreSQL ; SQLite n'en garde qu'un, un seul écrivain)",
    )
    serve.add_argument(
        "--min-client-version",
        default=os.environ.get("OFFA_SERVER_MIN_CLIENT_VERSION"),
        help="plus ancienne version du client servie (sinon toutes)",
    )
    return parser


def _out(payload: dict[str, object]) -> None:
    print(json.dumps(payload, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    for handler in logging.getLogger().handlers:  # no NISS, IBAN or token in the server's log
        handler.addFilter(RedactingFilter())
    url = args.database or default_database_url()
    engine = make_engine(url)
    from sync.server import passwords, setup

    if args.command == "init":
        from offa_desktop import reference_data

        setup.upgrade(engine)
        written = setup.load_reference(engine, reference_data.load())
        setup.purge_tombstones(engine)
        _out({"status": "ok", "reference_records_written": written})
        return 0
    setup.upgrade(engine)  # every command works on a fresh database too
    if args.command == "create-user":
        if args.role == "secretariat" and not args.operator:
            print("Un secrétariat doit avoir un --operator.", file=sys.stderr)
            return 2
        try:
            password = passwords.read(args, setup.user_exists(engine, args.username))
        except passwords.PasswordError as error:
            print(error.message, file=sys.stderr)
            return 2
        try:
            uid, created = setup.put_user(
                engine,
                username=args.username,
                password=password,
                role=args.role,
                operator_code=args.operator,
                sectors=args.sector,
                display_name=args.display_name,
            )
        except ValueError:
            print(passwords.REQUIRED, file=sys.stderr)
            return 2
        _out({"status": "ok", "id": uid, "created": created})
        return 0
    if args.command == "seed-demo":
        from sync.server.seed import seed_demo

        counts = seed_demo(engine, args.size, args.seed)
        _out({"status": "ok", **counts})
        return 0
    if args.command == "serve":
        from sync.server.db import is_sqlite
        from sync.server.serving import serve

        setup.purge_tombstones(engine)  # tombstones older than 180 days, at each start
        engine.dispose()
        workers = max(1, args.workers)
        if workers > 1 and is_sqlite(url):
            print(
                "SQLite n'a qu'un écrivain : un seul processus serveur tourne (--workers 1). "
                "Pour plusieurs processus, utilisez PostgreSQL (--database postgresql://...).",
                file=sys.stderr,
            )
            workers = 1
        serve(
            url,
            host=args.host,
            port=args.port,
            workers=workers,
            min_client_version=args.min_client_version,
        )
        return 0
    return 2  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
