"""What the search's FTS5 indexes hold, read back from the indexes themselves: since migration
0027 they keep no copy of the text they index, so the tests compare each document's words as
indexed (folded, in their order) under the record its number names."""

from __future__ import annotations

from typing import Any


def indexed_words(conn: Any, index: str = "search_fts") -> list[tuple[str, str, str]]:
    """(collection, record id, its words joined by a space) of each document of ``index``,
    sorted; a document that holds no word is there with ''."""
    vocab = f"temp.{index}_instances"
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, {index}, instance)"
    )
    rows = conn.exec_driver_sql(
        "SELECT d.collection, d.record_id, coalesce(w.words, '') "
        f"FROM {index}_docsize s JOIN search_docs d ON d.docid = s.id LEFT JOIN ("
        f"SELECT doc, group_concat(term, ' ' ORDER BY offset) AS words FROM {vocab} "
        "GROUP BY doc) w ON w.doc = s.id ORDER BY 1, 2"
    ).all()
    return [(str(c), str(r), str(w)) for c, r, w in rows]


def indexed_records(conn: Any, index: str = "search_fts") -> list[tuple[str, str]]:
    """(collection, record id) of each document of ``index`` whose number ``search_docs``
    knows, sorted."""
    rows = conn.exec_driver_sql(
        f"SELECT d.collection, d.record_id FROM search_docs d JOIN {index}_docsize s "
        "ON s.id = d.docid ORDER BY 1, 2"
    ).all()
    return [(str(c), str(r)) for c, r in rows]
