"""Streams sentence pairs (source, English) with their entity spans from the database, in constant memory."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from workbench.corpus.canonical import render_canonical_with_offsets

# link statuses exported by ``--status confirmed``: confirmed by the analyst, or accepted
# automatically above the linking threshold
CONFIRMED = frozenset({"confirmed", "accepted"})
STATUSES = ("confirmed", "all")
SOURCE_LANGS = ("ar", "fr")


@dataclass(slots=True)
class Span:
    """One entity mention in a pair; ``start``/``end`` are code-point offsets into the pair's text."""

    start: int
    end: int
    surface: str
    entity_id: str | None
    canonical: str | None
    status: str | None  # link status; None when the mention has no link row
    score: float | None


@dataclass(slots=True)
class Pair:
    """A sentence pair: one or more consecutive source segments (2:1 merges) and their English."""

    article_id: int
    title: str | None
    url: str | None
    date: str | None
    lang: str
    seqs: tuple[int, int]  # first and last segment seq in the article
    segment_ids: list[int]
    source: str
    english: str
    source_spans: list[Span] = field(default_factory=list)
    english_spans: list[Span] = field(default_factory=list)
    truncated: bool = False  # machine English that stopped at the model's output length cap

    @property
    def key(self) -> str:
        """Stable id of the pair: ``article:seq`` or ``article:first-last`` for merged segments."""
        first, last = self.seqs
        return f"{self.article_id}:{first}" if first == last else f"{self.article_id}:{first}-{last}"

    def canonical_english(self) -> tuple[str, list[Span]]:
        """The English with confirmed names replaced by canonical names, and those spans moved."""
        chosen: list[Span] = []
        end = -1
        for span in self.english_spans:  # sorted by start; keep the first of overlapping spans
            if span.status in CONFIRMED and span.canonical and span.start >= end:
                chosen.append(span)
                end = span.end
        text, moved = render_canonical_with_offsets(
            self.english, [(s.start, s.end, s.canonical) for s in chosen]
        )
        return text, [
            Span(a, b, s.canonical, s.entity_id, s.canonical, s.status, s.score)
            for s, (a, b) in zip(chosen, moved)
        ]


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


def _entity_names(conn: sqlite3.Connection) -> dict[str, tuple[str, str] | None]:
    """Entity id -> (final id after merges, canonical name); None for a deleted entity.

    The glossary is small next to the corpus (thousands of entities), so it is read once.
    """
    rows = {
        r[0]: (r[1], r[2], r[3])
        for r in conn.execute("SELECT id, canonical_en, merged_into, deleted_at FROM entities")
    }
    resolved: dict[str, tuple[str, str] | None] = {}
    for start in rows:
        current, seen = start, set()
        while True:
            canonical, merged_into, deleted_at = rows[current]
            if merged_into and merged_into in rows and merged_into not in seen:
                seen.add(current)
                current = merged_into
                continue
            resolved[start] = None if deleted_at else (current, canonical)
            break
    return resolved


_SEGMENTS = """
SELECT a.id, s.seq, s.id, s.text, t.text, t.merged, a.lang, a.title, a.url, a.date, t.truncated
FROM articles a
JOIN segments s ON s.article_id = a.id
LEFT JOIN translations t ON t.segment_id = s.id
WHERE {lang} IN ({marks})
ORDER BY a.id, s.seq
"""
_MENTIONS = """
SELECT a.id, s.seq, m.side, m.start, m.end, l.entity_id, l.status, l.score
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
_CONFIRMED_SQL = " AND +l.status IN ('confirmed', 'accepted') AND l.entity_id IS NOT NULL"


def iter_pairs(
    conn: sqlite3.Connection,
    status: str = "confirmed",
    langs: Sequence[str] = SOURCE_LANGS,
    counts: PairCounts | None = None,
    yield_skipped: bool = False,
) -> Iterator[Pair | None]:
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
    own_snapshot = not conn.in_transaction
    if own_snapshot:
        conn.execute("BEGIN")
    segments = mentions = None
    try:
        names = _entity_names(conn)
        marks = ",".join("?" * len(langs))
        lang = "+a.lang" if len(langs) > 1 else "a.lang"
        segments = conn.execute(_SEGMENTS.format(lang=lang, marks=marks), list(langs))
        mentions = conn.execute(_MENTIONS.format(
            lang=lang, marks=marks, join="CROSS JOIN" if only_confirmed else "LEFT JOIN",
            only=_CONFIRMED_SQL if only_confirmed else ""), list(langs))
        yield from _group(segments, mentions, names, only_confirmed, counts, yield_skipped)
    finally:
        for cursor in (segments, mentions):
            if cursor is not None:
                cursor.close()
        if own_snapshot and conn.in_transaction:
            conn.execute("COMMIT")


def _group(segments: sqlite3.Cursor, mentions: sqlite3.Cursor, names: dict, only_confirmed: bool,
           counts: PairCounts, yield_skipped: bool) -> Iterator[Pair | None]:
    """Assemble pairs from segment rows, attaching the mention rows of each segment."""
    pair: _Building | None = None
    mention = next(mentions, None)
    for row in segments:
        article_id, seq, seg_id, text, english, merged = row[:6]
        if pair is not None and merged and pair.article_id == article_id and english is not None:
            pair.extend(seg_id, seq, text, english)
        else:
            if pair is not None:
                done = pair.finish(counts)
                if done is not None or yield_skipped:
                    yield done
            pair = _Building(row, english)
        while mention is not None:
            m_article, m_seq, side, start, end, entity_id, link_status, score = mention
            if m_article != article_id or m_seq != seq:
                if (m_article, m_seq) > (article_id, seq):
                    break  # belongs to a later segment
                mention = next(mentions, None)  # a segment that vanished: never in practice
                continue
            resolved = names.get(entity_id) if entity_id else None
            if resolved is not None or not only_confirmed:
                pair.add_span(side, start, end, resolved, link_status, score, counts)
            mention = next(mentions, None)
    if pair is not None:
        done = pair.finish(counts)
        if done is not None or yield_skipped:
            yield done


class _Building:
    """A pair being assembled from consecutive segment rows."""

    __slots__ = ("article_id", "meta", "seqs", "segment_ids", "sources", "englishes",
                 "src_offset", "en_offset", "src_spans", "en_spans", "untranslated", "truncated")

    def __init__(self, row: tuple, english: str | None) -> None:
        self.article_id = row[0]
        self.meta = row[6:10]  # lang, title, url, date
        self.seqs = [row[1], row[1]]
        self.segment_ids = [row[2]]
        self.sources = [row[3]]
        self.untranslated = english is None
        self.truncated = bool(row[10])
        self.englishes = [english] if english else []
        self.src_offset = 0  # where the current segment's text starts in the joined source
        self.en_offset = 0  # where the current segment's English starts in the joined English
        self.src_spans: list[tuple] = []
        self.en_spans: list[tuple] = []

    def extend(self, seg_id: int, seq: int, text: str, english: str) -> None:
        """Add a segment whose English was given with the previous one (2:1 alignment)."""
        self.src_offset = sum(len(s) + 1 for s in self.sources)
        self.sources.append(text)
        self.segment_ids.append(seg_id)
        self.seqs[1] = seq
        if english:
            self.en_offset = sum(len(e) + 1 for e in self.englishes)
            self.englishes.append(english)
        else:
            self.en_offset = -1  # this segment has no English of its own to point into

    def add_span(self, side, start, end, resolved, status, score, counts: PairCounts) -> None:
        if side == "source":
            length = len(self.sources[-1])
            offset = self.src_offset
            target = self.src_spans
        else:
            if self.en_offset < 0 or not self.englishes:
                counts.dropped_spans += 1
                return
            length = len(self.englishes[-1])
            offset = self.en_offset
            target = self.en_spans
        if not 0 <= start <= end <= length or start == end:
            counts.dropped_spans += 1
            return
        entity_id, canonical = resolved if resolved else (None, None)
        target.append((offset + start, offset + end, entity_id, canonical, status, score))

    def finish(self, counts: PairCounts) -> Pair | None:
        if self.untranslated:
            counts.untranslated += 1
            return None
        if not self.englishes:
            counts.no_english += 1
            return None
        source = " ".join(self.sources) if len(self.sources) > 1 else self.sources[0]
        english = " ".join(self.englishes) if len(self.englishes) > 1 else self.englishes[0]
        lang, title, url, date = self.meta
        pair = Pair(self.article_id, title, url, date, lang, (self.seqs[0], self.seqs[1]),
                    self.segment_ids, source, english,
                    _spans(self.src_spans, source), _spans(self.en_spans, english), self.truncated)
        counts.pairs += 1
        counts.source_spans += len(pair.source_spans)
        counts.english_spans += len(pair.english_spans)
        return pair


def _spans(raw: list[tuple], text: str) -> list[Span]:
    if len(raw) > 1:
        raw.sort(key=lambda r: (r[0], r[1]))
    # the surface is read from the text itself, so offsets always slice it exactly
    return [Span(a, b, text[a:b], e, c, st, sc) for a, b, e, c, st, sc in raw]
