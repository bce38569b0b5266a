"""Streams sentence pairs (source, English) with their entity spans from the database, in constant memory."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from workbench.corpus.pairs import LINKED, PairAssembler, SentencePair, entity_names
from workbench.store.db import transaction

STATUSES = ("confirmed", "all")
SOURCE_LANGS = ("ar", "fr")


@dataclass
class PairCounts:
    """What the stream passed over, filled in as it runs."""

    pairs: int = 0  # pairs yielded
    untranslated: int = 0  # skipped: no English yet
    no_english: int = 0  # skipped: aligned to nothing (1:0)
    source_spans: int = 0
    english_spans: int = 0
    dropped_spans: int = 0  # offsets outside their text: inconsistent data, left out


def languages(lang: str | None) -> tuple[str, ...]:
    """Source languages exported: the one asked for, else Arabic and French (never English sources)."""
    return (lang,) if lang else SOURCE_LANGS


def count_pairs(conn: sqlite3.Connection, langs: Sequence[str]) -> int:
    """How many pairs (exported or skipped) the stream will visit: the total for a progress bar."""
    marks = ",".join("?" * len(langs))
    return conn.execute(
        f"""SELECT count(*) FROM articles a JOIN segments s ON s.article_id = a.id
            LEFT JOIN translations t ON t.segment_id = s.id
            WHERE a.lang IN ({marks}) AND coalesce(t.merged, 0) = 0""",
        list(langs),
    ).fetchone()[0]


def present_languages(conn: sqlite3.Connection, langs: Sequence[str]) -> list[str]:
    """Which of ``langs`` have at least one article."""
    return [
        lang for lang in langs
        if conn.execute("SELECT 1 FROM articles WHERE lang = ? LIMIT 1", (lang,)).fetchone()
    ]


_SEGMENTS = """
SELECT a.id, s.seq, s.id, s.text, t.text, t.merged, a.lang, a.title, a.url, a.date, t.truncated
FROM articles a
JOIN segments s ON s.article_id = a.id
LEFT JOIN translations t ON t.segment_id = s.id
WHERE {lang} IN ({marks})
ORDER BY a.id, s.seq
"""
_MENTIONS = """
SELECT a.id, s.seq, m.side, m.start, m.end, l.entity_id, l.status, l.score, NULL, NULL
FROM articles a
CROSS JOIN segments s ON s.article_id = a.id
CROSS JOIN mentions m ON m.segment_id = s.id
{join} links l ON l.mention_id = m.id{only}
WHERE {lang} IN ({marks})
ORDER BY a.id, s.seq
"""
# For one language the articles_lang index already yields articles in id order. For several, SQLite
# would use that index and then sort the whole result in a temp b-tree; ``+a.lang`` makes it scan
# articles in id order instead, so rows stream in order with no sort at all. ``+l.status`` likewise
# keeps the links_status index from being used, and CROSS JOIN keeps SQLite from reordering the
# joins (it would start from links and sort).
_CONFIRMED_SQL = f" AND +l.status IN ({', '.join(repr(s) for s in sorted(LINKED))}) AND l.entity_id IS NOT NULL"


def iter_pairs(
    conn: sqlite3.Connection,
    status: str = "confirmed",
    langs: Sequence[str] = SOURCE_LANGS,
    counts: PairCounts | None = None,
    yield_skipped: bool = False,
) -> Iterator[SentencePair | None]:
    """Sentence pairs with English, in article and segment order, streamed in constant memory.

    Two cursors walk the same (article, segment) order, one over segments and their English, one over
    their mentions, and are merged as they go. ``status='confirmed'`` keeps only spans whose link is
    confirmed or accepted and points to a live entity; ``status='all'`` keeps every mention with its
    link status (None when unlinked). Pairs without English are skipped and counted in ``counts``;
    with ``yield_skipped`` a None is yielded for each, so a caller can show progress and stop even
    while nothing is exported.
    Both cursors read one snapshot: a transaction is opened unless one is already open.
    """
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
    counts = counts if counts is not None else PairCounts()
    only_confirmed = status == "confirmed"
    segments = mentions = None
    with transaction(conn, write=False):
        try:
            assembler = PairAssembler(entity_names(conn), linked_only=only_confirmed)
            marks = ",".join("?" * len(langs))
            lang = "+a.lang" if len(langs) > 1 else "a.lang"
            segments = conn.execute(_SEGMENTS.format(lang=lang, marks=marks), list(langs))
            mentions = conn.execute(_MENTIONS.format(
                lang=lang, marks=marks, join="CROSS JOIN" if only_confirmed else "LEFT JOIN",
                only=_CONFIRMED_SQL if only_confirmed else ""), list(langs))
            for pair in assembler.pairs(segments, mentions):
                counts.dropped_spans = assembler.dropped
                if pair.english is None:
                    counts.untranslated += 1
                elif not pair.english:
                    counts.no_english += 1
                else:
                    counts.pairs += 1
                    counts.source_spans += len(pair.source_mentions)
                    counts.english_spans += len(pair.english_mentions)
                    yield pair
                    continue
                if yield_skipped:
                    yield None
            counts.dropped_spans = assembler.dropped
        finally:
            for cursor in (segments, mentions):
                if cursor is not None:
                    cursor.close()
