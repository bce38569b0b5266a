"""Reading the compact store in tests: article texts kept in their sentences, the contentless full-text
index (it keeps no text to select or update), which tests also damage; mentions as before migration 0017."""

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


def as_before_0017(conn: sqlite3.Connection) -> None:
    """The layout migrations 0001-0016 left: the unique span and the counterpart's key with their indexes,
    'glossary' and 'auto' written out."""
    kept = [r[0] for r in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'mentions' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        " AND name NOT IN ('mentions_segment', 'mentions_counterpart_gone')")]
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("""CREATE TABLE mentions_old (
        id INTEGER PRIMARY KEY,
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        side TEXT NOT NULL CHECK (side IN ('source', 'english')),
        start INTEGER NOT NULL, end INTEGER NOT NULL, surface TEXT NOT NULL, norm TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('ar', 'fr', 'en')),
        detector TEXT NOT NULL,
        counterpart_id INTEGER REFERENCES mentions(id) ON DELETE SET NULL,
        prefix INTEGER NOT NULL DEFAULT 0,
        UNIQUE (segment_id, side, start, end))""")
    conn.execute("INSERT INTO mentions_old SELECT id, segment_id, side, start, end, surface, norm, lang,"
                 " coalesce(detector, 'glossary'), counterpart_id, prefix FROM mentions")
    conn.execute("DROP TABLE mentions")
    conn.execute("PRAGMA legacy_alter_table = ON")
    conn.execute("ALTER TABLE mentions_old RENAME TO mentions")
    conn.execute("PRAGMA legacy_alter_table = OFF")
    for sql in [*kept, "CREATE INDEX mentions_counterpart ON mentions(counterpart_id)"]:
        conn.execute(sql)
    conn.execute("UPDATE links SET decided_by = 'auto' WHERE decided_by IS NULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0017_compact_mentions'")
