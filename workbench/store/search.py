"""Full-text search over source and English sentences (FTS5 over normalised text)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from workbench.text.fold import has_arabic, search_form
from workbench.text.tokens import bare_word


_TOKEN = re.compile(r"\w+", re.UNICODE)
CHUNK = 500  # segment ids per statement (SQLite's variable limit is 999 on old builds)


def index_form(text: str) -> str:
    """What the index holds of a text: ``search_form``, each Arabic word that has proclitics or the
    article followed by its bare form (``text.tokens.bare_word``), which queries look for."""
    form = search_form(text)
    if not has_arabic(form):
        return form
    return _TOKEN.sub(lambda m: _with_bare(m.group()), form)


def _with_bare(word: str) -> str:
    bare = bare_word(word)
    return word if bare == word else f"{word} {bare}"


def sync_segments(conn: sqlite3.Connection, segment_ids: Iterable[int]) -> None:
    """Bring the index rows of ``segment_ids`` in step with their text and English.

    The one writer of ``segments_fts``: every code path that inserts segments or translations calls
    it (inside its own transaction) with the ids it touched; the rows are read back from the
    tables, so the index cannot disagree with them. Deleted rows leave the index by triggers
    (migration 0006).
    """
    ids = list(dict.fromkeys(segment_ids))
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"""SELECT s.id, s.text, t.text FROM segments s LEFT JOIN translations t ON t.segment_id = s.id
                WHERE s.id IN ({marks})""", chunk,
        ).fetchall()
        conn.execute(f"DELETE FROM segments_fts WHERE rowid IN ({marks})", chunk)
        conn.executemany(
            "INSERT INTO segments_fts (rowid, source, english) VALUES (?, ?, ?)",
            ((sid, index_form(src), index_form(eng or "")) for sid, src, eng in rows),
        )


def rebuild(conn: sqlite3.Connection) -> int:
    """Rewrite the whole index from the tables (inside the caller's transaction); returns its rows."""
    conn.execute("DELETE FROM segments_fts")
    ids = [r[0] for r in conn.execute("SELECT id FROM segments ORDER BY id")]
    sync_segments(conn, ids)
    return len(ids)


def out_of_step(conn: sqlite3.Connection) -> list[int]:
    """Segment ids (or stray index rowids) whose index row disagrees with the tables; [] when in step."""
    indexed = {rowid: (src, eng) for rowid, src, eng in conn.execute(
        "SELECT rowid, source, english FROM segments_fts")}
    wrong = []
    for sid, src, eng in conn.execute(
        "SELECT s.id, s.text, t.text FROM segments s LEFT JOIN translations t ON t.segment_id = s.id"
    ):
        if indexed.pop(sid, None) != (index_form(src), index_form(eng or "")):
            wrong.append(sid)
    return sorted(wrong + list(indexed))




def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what the user typed: every word must match, the last as a prefix.

    An Arabic word is looked for bare: الحسكة finds والحسكة and the other way round.
    """
    words = [bare_word(w) for w in _TOKEN.findall(search_form(text))]
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
