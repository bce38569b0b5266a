"""Full-text search over source and English sentences (FTS5 over normalised text)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from workbench.text.fold import search_form


def index_segments(conn: sqlite3.Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Add ``(segment_id, source_text, english_text)`` rows to the index."""
    conn.executemany(
        "INSERT INTO segments_fts (rowid, source, english) VALUES (?, ?, ?)",
        ((sid, search_form(src), search_form(eng or "")) for sid, src, eng in rows),
    )


def set_english(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Replace the indexed English of ``(segment_id, english_text)`` rows."""
    conn.executemany(
        "UPDATE segments_fts SET english = ? WHERE rowid = ?",
        ((search_form(eng or ""), sid) for sid, eng in rows),
    )


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what the user typed: every word must match, the last as a prefix."""
    words = _TOKEN.findall(search_form(text))
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_articles(conn: sqlite3.Connection, text: str, limit: int = 200) -> list[int]:
    """Ids of articles with a sentence matching ``text`` (source or English), best first."""
    query = fts_query(text)
    if query is None:
        return []
    rows = conn.execute(
        """SELECT s.article_id, min(f.rank) AS best
           FROM segments_fts f JOIN segments s ON s.id = f.rowid
           WHERE segments_fts MATCH ?
           GROUP BY s.article_id ORDER BY best LIMIT ?""",
        (query, limit),
    ).fetchall()
    return [r[0] for r in rows]
