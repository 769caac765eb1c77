"""The names of the people of a working copy, for the log's redaction filter
(``domain.redaction``): learners, their legal representatives, tutors, contracts' referents and
signatories, users. sqlite3 (SQLCipher for an encrypted copy) alone, read-only: the filter reads
them from any thread, at any time, without SQLAlchemy and without taking a write lock."""

from __future__ import annotations

from pathlib import Path

from offa_desktop.store import cipher

# One query a column, DISTINCT along its index (a UNION would sort every value again).
_NAMES = (
    "SELECT DISTINCT first_name FROM learners",
    "SELECT DISTINCT last_name FROM learners",
    "SELECT json_extract(representative, '$.name') FROM learners"
    " WHERE representative IS NOT NULL AND json_valid(representative)",
    "SELECT DISTINCT first_name FROM tutors",
    "SELECT DISTINCT last_name FROM tutors",
    "SELECT DISTINCT referent_name FROM contracts",
    "SELECT DISTINCT company_signatory FROM contracts",
    "SELECT DISTINCT display_name FROM users",
)


def names(path: Path) -> list[str]:
    """Every distinct person's name of the copy at ``path`` (none when it is absent or not yet
    a working copy)."""
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        conn = cipher.connect(path, readonly=True, timeout=5)
    except cipher.Unreadable:
        return []  # encrypted and its key not (or not yet) given: no names to hide yet
    found: set[str] = set()
    try:
        for query in _NAMES:
            found.update(row[0] for row in conn.execute(query) if isinstance(row[0], str))
    except cipher.Error:
        pass  # what was read so far
    finally:
        conn.close()
    return list(found)
