"""Full-text search over source and English sentences (FTS5 over normalised text)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from workbench.store.chunks import CHUNK
from workbench.text.fold import has_arabic, search_form
from workbench.text.tokens import bare_word


_TOKEN = re.compile(r"\w+", re.UNICODE)
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


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
    tables, so the index cannot disagree with them. The index keeps no copy of the text (contentless,
    migration 0016): a row leaves it by a 'delete' given the very values it was indexed with. A
    sentence is written once and its English once, so those values are known: the sentence, and its
    English if the row holds any English words (``_sizes``), else ''. Deleted rows leave the index by
    triggers (migration 0016).
    """
    ids = list(dict.fromkeys(segment_ids))
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        marks = ",".join("?" * len(chunk))
        gone, fresh = [], []
        for sid, src, eng, size in conn.execute(
            f"""SELECT s.id, s.text, t.text, d.sz FROM segments s LEFT JOIN translations t ON t.segment_id = s.id
                LEFT JOIN segments_fts_docsize d ON d.id = s.id WHERE s.id IN ({marks})""", chunk,
        ):
            if size is not None and (not eng or _sizes(size)[1]):
                continue  # indexed with its sentence and with the English it has
            source = index_form(src)
            if size is not None:
                gone.append((sid, source, ""))  # indexed before its English came
            fresh.append((sid, source, index_form(eng or "")))
        if gone and contentless(conn):
            conn.executemany(
                "INSERT INTO segments_fts (segments_fts, rowid, source, english) VALUES ('delete', ?, ?, ?)", gone)
        elif gone:  # a database not yet migrated to 0016 (an earlier migration indexing): deleted by id
            conn.executemany("DELETE FROM segments_fts WHERE rowid = ?", [(sid,) for sid, _, _ in gone])
        conn.executemany("INSERT INTO segments_fts (rowid, source, english) VALUES (?, ?, ?)", fresh)


def contentless(conn: sqlite3.Connection) -> bool:
    """True once migration 0016 made the index keep no text (it is deleted from by 'delete' commands)."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'segments_fts'").fetchone()[0]
    return "content=''" in sql.replace(" ", "")


def _sizes(blob: bytes) -> list[int]:
    """The words of each column of an index row: FTS5's ``docsize`` record, one varint a column."""
    out, value = [], 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            out.append(value)
            value = 0
    return out


def rebuild(conn: sqlite3.Connection) -> int:
    """Rewrite the whole index from the tables (inside the caller's transaction); returns its rows."""
    conn.execute("INSERT INTO segments_fts (segments_fts) VALUES ('delete-all')" if contentless(conn)
                 else "DELETE FROM segments_fts")
    ids = [r[0] for r in conn.execute("SELECT id FROM segments ORDER BY id")]
    sync_segments(conn, ids)
    return len(ids)


def out_of_step(conn: sqlite3.Connection) -> list[int]:
    """Segment ids (or stray index rowids) whose index row disagrees with the tables; [] when in step.

    The index holds no text to compare, so the expected one is built in a temporary index: rows whose
    number of words differ are out of step, and for each word the two indexes do not hold alike, the
    rows that have it in one and not the other (if that finds none, every row that has such a word).
    """
    conn.execute("DROP TABLE IF EXISTS temp.segments_fts_expected")
    conn.execute(f"CREATE VIRTUAL TABLE temp.segments_fts_expected USING fts5(source, english, content='', {TOKENIZE})")
    try:
        conn.executemany(
            "INSERT INTO temp.segments_fts_expected (rowid, source, english) VALUES (?, ?, ?)",
            ((sid, index_form(src), index_form(eng or "")) for sid, src, eng in conn.execute(
                "SELECT s.id, s.text, t.text FROM segments s LEFT JOIN translations t ON t.segment_id = s.id")))
        wrong = {r[0] for r in conn.execute(
            """SELECT coalesce(a.id, b.id) FROM main.segments_fts_docsize a
                   FULL JOIN temp.segments_fts_expected_docsize b ON a.id = b.id
               WHERE a.sz IS NOT b.sz""")}
        conn.execute("CREATE VIRTUAL TABLE temp.segments_fts_terms USING fts5vocab(main, segments_fts, 'row')")
        conn.execute("CREATE VIRTUAL TABLE temp.segments_fts_expected_terms USING fts5vocab(temp, segments_fts_expected, 'row')")
        mine, theirs = "temp.segments_fts_terms", "temp.segments_fts_expected_terms"
        terms = {r[0] for a, b in ((mine, theirs), (theirs, mine))
                 for r in conn.execute(f"SELECT term, doc, cnt FROM {a} EXCEPT SELECT term, doc, cnt FROM {b}")}
        alike: set[int] = set()  # rows holding a word the two count otherwise, though the same rows
        for term in sorted(terms):
            phrase = '"' + term.replace('"', '""') + '"'
            have = {r[0] for r in conn.execute("SELECT rowid FROM segments_fts WHERE segments_fts MATCH ?", (phrase,))}
            want = {r[0] for r in conn.execute(
                "SELECT rowid FROM temp.segments_fts_expected WHERE segments_fts_expected MATCH ?", (phrase,))}
            wrong |= have ^ want
            alike |= have | want
    finally:
        for table in ("segments_fts_expected_terms", "segments_fts_terms", "segments_fts_expected"):
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    return sorted(wrong or alike)


def query_words(text: str) -> list[str]:
    """The index's words to look for ``text`` by: an Arabic word bare (الحسكة finds والحسكة, and the
    other way round)."""
    return [bare_word(w) for w in _TOKEN.findall(search_form(text))]


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what the user typed: every word must match, the last as a prefix."""
    words = query_words(text)
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
