"""Where ``offa-server create-user`` takes a password from, never the command line.

In order: ``--password-stdin`` (a line on standard input: ``pass show offa/marie |
offa-server create-user ... --password-stdin``), ``$OFFA_PASSWORD`` (scripts), a prompt when
the terminal is interactive (typed twice for a new account; Enter keeps an existing account's
password). ``--password`` still works for older scripts, with a warning: the command line of a
process is visible to every user of the machine.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from offa_desktop.domain.errors import OffaError

MIN_LENGTH = 8
REQUIRED = (
    "Mot de passe requis pour un nouveau compte : tapez-le à l'invite, ou donnez-le par "
    "--password-stdin ou $OFFA_PASSWORD."
)
ON_COMMAND_LINE = (
    "Attention : --password laisse le mot de passe visible dans la liste des processus (ps). "
    "Préférez l'invite, --password-stdin ou $OFFA_PASSWORD."
)


class PasswordError(OffaError):
    """A password refused (too short, unreadable...): ``message`` says why, in French."""

    code = "bad_password"


def _checked(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise PasswordError(f"Le mot de passe doit compter au moins {MIN_LENGTH} caractères.")
    return password


def read(args: argparse.Namespace, exists: bool) -> str | None:
    """The new password, or None to keep an existing account's (error when a new one has
    none)."""
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise PasswordError("Aucun mot de passe lu sur l'entrée standard.")
        return _checked(line)
    if args.password:
        print(ON_COMMAND_LINE, file=sys.stderr)
        return _checked(args.password)
    from_env = os.environ.get("OFFA_PASSWORD")
    if from_env:
        return _checked(from_env)
    if sys.stdin.isatty():
        return _prompt(args.username, exists)
    if exists:
        return None
    raise PasswordError(REQUIRED)


def _prompt(username: str, exists: bool) -> str | None:
    if exists:
        typed = getpass.getpass(f"Nouveau mot de passe de {username} (Entrée : garder l'actuel) : ")
        if not typed:
            return None
    else:
        typed = getpass.getpass(f"Mot de passe de {username} : ")
        if not typed:
            raise PasswordError(REQUIRED)
    _checked(typed)
    if getpass.getpass("Confirmez le mot de passe : ") != typed:
        raise PasswordError("Les deux mots de passe ne sont pas identiques : rien n'a changé.")
    return typed
