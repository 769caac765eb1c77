"""The names of the people of a working copy, for the log's redaction filter
(``domain.redaction``): learners, their legal representatives, tutors, contracts' referents and
signatories, users. sqlite3 alone, read-only: the filter reads them from any thread, at any time,
without SQLAlchemy and without taking a write lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

_NAMES = (
    "SELECT first_name FROM learners UNION SELECT last_name FROM learners"
    " UNION SELECT json_extract(representative, '$.name') FROM learners"
    " WHERE json_valid(representative)"
    " UNION SELECT first_name FROM tutors UNION SELECT last_name FROM tutors"
    " UNION SELECT referent_name FROM contracts UNION SELECT company_signatory FROM contracts"
    " UNION SELECT display_name FROM users"
)


def names(path: Path) -> list[str]:
    """Every distinct person's name of the copy at ``path`` (none when it is absent or not yet
    a working copy)."""
    if not path.exists() or path.stat().st_size == 0:
        return []
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        return [row[0] for row in conn.execute(_NAMES) if isinstance(row[0], str)]
    except sqlite3.Error:
        return []
    finally:
        conn.close()
