"""Reading the compact store in tests: article texts kept in their sentences, the contentless full-text
index (it keeps no text to select or update), which tests also damage."""

from __future__ import annotations

import sqlite3

from workbench.store.article_text import expression
from workbench.store.search import _sizes

_VALUES = ("SELECT id, workbench_index_form(text), workbench_index_form((SELECT text FROM translations"
           " WHERE segment_id = segments.id)) FROM segments WHERE id = ?")


def words(conn: sqlite3.Connection, segment_id: int) -> list[int] | None:
    """The index row's number of words in the source and the English; None when the row is missing."""
    row = conn.execute("SELECT sz FROM segments_fts_docsize WHERE id = ?", (segment_id,)).fetchone()
    return _sizes(row[0]) if row else None


def unindex(conn: sqlite3.Connection, segment_id: int) -> None:
    """Take a sentence's row out of the index, as a lost write would have left it."""
    conn.execute("INSERT INTO segments_fts (segments_fts, rowid, source, english) SELECT 'delete', * FROM ("
                 + _VALUES + ")", (segment_id,))


def drift(conn: sqlite3.Connection, segment_id: int, source: str | None = None, english: str | None = None) -> None:
    """Index a sentence with other words than its own (``None``: that column as it should be)."""
    _, src, eng = conn.execute(_VALUES, (segment_id,)).fetchone()
    unindex(conn, segment_id)
    conn.execute("INSERT INTO segments_fts (rowid, source, english) VALUES (?, ?, ?)",
                 (segment_id, src if source is None else source, eng if english is None else english))


def articles(db) -> list[dict]:
    """The rows of ``articles`` (sqlite-utils ``db``), each with its whole text."""
    rows = list(db.query(f"SELECT a.*, {expression()} AS whole FROM articles a ORDER BY a.id"))
    for row in rows:
        row["text"] = row.pop("whole")
    return rows
