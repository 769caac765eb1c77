"""What never goes into a log or a crash report: national register numbers (NISS), IBANs,
e-mail addresses, people's names and secrets (tokens, passwords, passphrases).

``redact(text)`` rewrites a text; :class:`RedactingFilter` does it to every record a logging
handler writes (message, arguments, traceback, stack), on the client (``logfile``) and the
server (``sync.server.cli``). Numbers and secrets are found by their shape; names cannot be, so
a filter may be given a *names source*: a callable returning the names of the people of the
working copy (``store.people.names``), read again now and then. Plain Python, shared by client
and server; no I/O of its own.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable

NISS_MARK = "[NISS]"
IBAN_MARK = "[IBAN]"
EMAIL_MARK = "[e-mail]"
NAME_MARK = "[nom]"
SECRET_MARK = "[secret]"

# 11 digits as written in any usual way: 01020312345, 01.02.03-123.45, 010203 123 45.
_NISS = re.compile(r"(?<![\d])\d{2}[.\s/-]?\d{2}[.\s/-]?\d{2}[.\s/-]?\d{3}[.\s/-]?\d{2}(?![\d])")
# An IBAN as stored and printed (upper case): country, check digits, 8 to 30 more letters or
# digits, compact or spaced by 4.
_IBAN = re.compile(
    r"\b[A-Z]{2}\d{2}(?:[A-Z0-9]{8,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\b"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# key=value, key: value, "key": "value" for the names secrets go by.
_KEYED = re.compile(
    r"(?i)(\b(?:access_token|refresh_token|token|password|passphrase|mot_de_passe|secret|"
    r"authorization|x-offa-key)[\"']?\s*[:=]\s*[\"']?)([^\s\"',;}]+)"
)
_BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+")
# Opaque secrets: a long run of base64url characters mixing upper case, lower case and digits
# (access tokens, refresh tokens, keys). Lower-case UUIDs and hex digests do not mix cases.
_OPAQUE = re.compile(r"[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]{10,})?")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A word as a name is looked for: a whole run of letters, not touching a digit or another letter
# (so never a piece of an id like d02fa1da), and never a segment of a UUID (an all-letter
# segment such as "-beef-" would otherwise be one).
_UUID = r"[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}"
# An id standing on its own (not a piece of a longer run of a token's characters).
_UUID_SPLIT = re.compile(rf"(?<![A-Za-z0-9_-])({_UUID})(?![A-Za-z0-9_-])")
_NAME_OR_ID = re.compile(
    rf"(?P<id>{_UUID})|(?<![^\W_])(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)(?![^\W_])"
)
# Particles that are parts of names but name nobody on their own.
_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "les", "van", "von", "der", "den", "di", "da", "el", "al",
     "d", "l", "y", "e", "ter", "op", "het", "mc", "mac", "st", "saint", "sainte"}
)


def _opaque(match: re.Match[str]) -> str:
    text = match.group(0)
    if (
        any(c.isupper() for c in text)
        and any(c.islower() for c in text)
        and any(c.isdigit() for c in text)
    ):
        return SECRET_MARK
    return text


def name_words(names: Iterable[str | None]) -> frozenset[str]:
    """The words of people's names, case-folded, as :func:`redact` compares them."""
    text = "\n".join({str(n) for n in names if n}).casefold()
    return frozenset(w for w in set(_WORD.findall(text)) if len(w) > 1 and w not in _PARTICLES)


def redact(text: str, names: frozenset[str] = frozenset()) -> str:
    """``text`` with NISS, IBANs, e-mail addresses, secrets and the words of ``names``
    (from :func:`name_words`) replaced by marks. Record ids (UUIDs) stay whole: 11 of their
    digits in a row, hyphens or not, would otherwise read as a NISS (1 UUID in 140)."""
    if not text:
        return text
    # Secrets by their names first, even one shaped as an id.
    text = _BEARER.sub(lambda m: f"{m.group(1)} {SECRET_MARK}", text)
    text = _KEYED.sub(lambda m: m.group(1) + SECRET_MARK, text)
    pieces = _UUID_SPLIT.split(text)
    if len(pieces) > 1:  # the ids at odd places, kept; what lies between them, redacted
        return "".join(p if i % 2 else _redact(p, names) for i, p in enumerate(pieces))
    return _redact(text, names)


def _redact(text: str, names: frozenset[str]) -> str:
    text = _EMAIL.sub(EMAIL_MARK, text)
    text = _IBAN.sub(IBAN_MARK, text)
    text = _OPAQUE.sub(_opaque, text)
    text = _NISS.sub(NISS_MARK, text)
    if names:
        text = _NAME_OR_ID.sub(
            lambda m: NAME_MARK
            if m.group("word") is not None and m.group("word").casefold() in names
            else m.group(0),
            text,
        )
    return text


class NamesSource:
    """People's names read by ``loader`` on a background thread: the first time a record needs
    them (that record waits for this first reading, at most ``first_wait`` seconds), then again
    once they are ``max_age`` seconds old or :meth:`forget` was called, while records go on with
    the names known so far (reading 100,000 contracts' names takes a second or two).

    A loader that fails leaves the names known so far (logging goes on; numbers and secrets are
    still redacted by their shape)."""

    def __init__(
        self,
        loader: Callable[[], Iterable[str | None]],
        max_age: float = 120.0,
        first_wait: float = 10.0,
    ) -> None:
        self.loader = loader
        self.max_age = max_age
        self.first_wait = first_wait
        self._words: frozenset[str] = frozenset()
        self._loaded_at: float | None = None
        self._stale = True
        self._lock = threading.Lock()
        self._running: threading.Thread | None = None
        self._first = threading.Event()

    def words(self) -> frozenset[str]:
        due = self._stale or (
            self._loaded_at is not None and time.monotonic() - self._loaded_at >= self.max_age
        )
        if due:
            self._start()
        if not self._first.is_set() and threading.current_thread() is not self._running:
            self._first.wait(self.first_wait)
        return self._words

    def _start(self) -> None:
        with self._lock:
            if self._running is not None and self._running.is_alive():
                return
            self._stale = False
            self._running = threading.Thread(
                target=self._load, name="offa-log-names", daemon=True
            )
            self._running.start()

    def _load(self) -> None:
        try:
            self._words = name_words(self.loader())
        except Exception:  # noqa: BLE001 - a log line must never fail for this
            pass
        finally:
            self._loaded_at = time.monotonic()
            self._first.set()

    def forget(self) -> None:
        """Read the names again at the next record (after a sync brought new people)."""
        self._stale = True

    def wait(self, timeout: float = 10.0) -> None:
        """Until the reading under way (if any) is done (tests, a command's end)."""
        running = self._running
        if running is not None:
            running.join(timeout)


class RedactingFilter(logging.Filter):
    """A handler filter: each record leaves with its message, traceback and stack redacted.

    The record is rewritten in place (``msg`` becomes the redacted text, ``args`` empty), so
    every handler after this one sees the redacted record too."""

    def __init__(self, names: NamesSource | None = None) -> None:
        super().__init__()
        self.names = names

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_offa_redacted", False):
            return True
        words = self.names.words() if self.names is not None else frozenset()
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string: log what we have
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message, words)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, words)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, words)
        record._offa_redacted = True
        return True
