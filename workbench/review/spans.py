"""Span editing: the analyst moves a mention's start and end; it is re-matched to the glossary at once.

Offsets are characters of the mention's sentence: the source segment's text (source side) or the
English of its sentence pair (English side), as ``workbench mentions --json`` prints them. A span is
snapped to the words it covers; one that cuts a word, covers none or overlaps another mention of the
same side is refused. The edited mention is matched as the aligner matches one (``align.linker``),
marked as the analyst's (``align.spans.EDITED``: re-aligning keeps it), and logged as two rows of one
batch: the span (``target = 'span'``, with its candidates) and the link; ``undo`` restores both.
"""

from __future__ import annotations

import json
import sqlite3

from workbench import vocabulary
from workbench.align import linker
from workbench.align.detect_english import ENGLISH_LANGS
from workbench.align.detect_source import GLOSSARY_LANGS
from workbench.align.run import keeps_candidates
from workbench.align.spans import EDITED, Found, Segment, make_found
from workbench.config import current_user
from workbench.errors import UserError
from workbench.names.index import GlossaryIndex, glossary_index
from workbench.names.normalize import normalize
from workbench.review.decisions import Outcome, _Log, _mention, _write_link, link_state
from workbench.store.db import transaction
from workbench.text.tokens import Token, words

SPAN_FIELDS = ("start", "end", "surface", "norm", "prefix", "detector")
CANDIDATE_FIELDS = ("rank", "entity_id", "score", "variant", "why")
LEFT, RIGHT = "left", "right"


def sentence_of(conn: sqlite3.Connection, segment_id: int, side: str) -> str:
    """The text a mention's offsets count in: its segment (source) or its pair's English."""
    if side == "source":
        return conn.execute("SELECT text FROM segments WHERE id = ?", (segment_id,)).fetchone()[0]
    from workbench.corpus.pairs import pair_of_segment

    pair = pair_of_segment(conn, segment_id, mentions=False)
    return (pair.english or "") if pair is not None else ""


def _row(conn: sqlite3.Connection, mention_id: int) -> dict:
    _mention(conn, mention_id)  # one message for an id that names no mention
    keys = ("id", "segment_id", "side", "lang", "counterpart_id", *SPAN_FIELDS)
    row = conn.execute(f"SELECT {', '.join(keys)} FROM mentions WHERE id = ?", (mention_id,)).fetchone()
    return dict(zip(keys, row))


def span_state(conn: sqlite3.Connection, mention_id: int) -> dict:
    """What a span edit replaces: the span, its spelling and the candidates stored for it."""
    state = {k: v for k, v in _row(conn, mention_id).items() if k in SPAN_FIELDS}
    state["candidates"] = [list(r) for r in conn.execute(
        f"SELECT {', '.join(CANDIDATE_FIELDS)} FROM candidates WHERE mention_id = ? ORDER BY rank", (mention_id,))]
    return state


# ---- where the span may go --------------------------------------------------------------------------


def covered(tokens: list[Token], start: int, end: int, text: str) -> tuple[int, int]:
    """The first token and the count of tokens that ``[start, end)`` covers; refuses a cut word."""
    if end <= start:
        raise UserError(f"span {start}-{end} is empty: END must be greater than START")
    if not 0 <= start < end <= len(text):
        raise UserError(f"span {start}-{end} is not inside its sentence (0-{len(text)}): "
                        "START and END count characters of the sentence")
    inside = [k for k, t in enumerate(tokens) if t.end > start and t.start < end]
    if not inside:
        raise UserError(f"span {start}-{end} ({text[start:end]!r}) holds no word")
    for k in (inside[0], inside[-1]):
        t = tokens[k]
        if t.start < start or t.end > end:
            raise UserError(f"span {start}-{end} cuts the word {t.text!r} ({t.start}-{t.end}); "
                            "start and end on whole words")
    return inside[0], len(inside)


def _overlap(conn: sqlite3.Connection, mention: dict, start: int, end: int) -> None:
    row = conn.execute(
        """SELECT id, surface, start, end FROM mentions WHERE segment_id = ? AND side = ? AND id <> ?
           AND start < ? AND end > ? ORDER BY start LIMIT 1""",
        (mention["segment_id"], mention["side"], mention["id"], end, start)).fetchone()
    if row is not None:
        raise UserError(f"span {start}-{end} overlaps mention {row[0]} {row[1]!r} ({row[2]}-{row[3]}); "
                        "a span may not cover another name: choose a span beside it")


def stepped(conn: sqlite3.Connection, mention_id: int, edge: str, words_by: int) -> tuple[int, int]:
    """The span one word wider (``words_by`` 1) or narrower (-1) on the ``edge`` side."""
    m = _row(conn, mention_id)
    tokens = words(sentence_of(conn, m["segment_id"], m["side"]))
    inside = [k for k, t in enumerate(tokens) if t.end > m["start"] and t.start < m["end"]]
    first, last = inside[0], inside[-1]
    if edge == LEFT:
        first -= words_by
    else:
        last += words_by
    if first > last:
        raise UserError(f"{m['surface']!r} is one word: it cannot be narrower")
    if first < 0 or last >= len(tokens):
        raise UserError(f"{m['surface']!r} already reaches the {'start' if edge == LEFT else 'end'} of its sentence")
    return tokens[first].start, tokens[last].end


# ---- matching ----------------------------------------------------------------------------------------


def found_at(conn: sqlite3.Connection, index: GlossaryIndex, mention: dict, start: int, end: int,
             text: str | None = None) -> Found:
    """The mention over ``[start, end)`` as the aligner would hold it: surface, stem, norm, glossary entries."""
    text = sentence_of(conn, mention["segment_id"], mention["side"]) if text is None else text
    tokens = words(text)
    first, count = covered(tokens, start, end, text)
    langs = GLOSSARY_LANGS[mention["lang"]] if mention["side"] == "source" else ENGLISH_LANGS
    hit = index.lookup.match_at(tokens, first, langs, limit=first + count)
    exact = hit is not None and (hit.first, hit.count) == (first, count)
    if exact:
        prefix = hit.prefix
    else:  # not a glossary spelling: the proclitics the mention had, while it starts on the same word
        prefix = mention["prefix"] if tokens[first].start == mention["start"] else 0
    seg = Segment(mention["segment_id"], text, 0, tokens, [False] * len(tokens))
    found = make_found(mention["side"], seg, first, count, prefix, mention["lang"], EDITED, len(text))
    found.entries = hit.entries if exact else []
    found.norm = normalize(found.stem, found.lang)
    return found


def rematch(conn: sqlite3.Connection, mention: dict, start: int, end: int) -> Found:
    """Find and link the span against the glossary, beside the mention's counterpart."""
    index = glossary_index(conn)
    found = found_at(conn, index, mention, start, end)
    cp = mention.get("counterpart_id")
    if cp is not None:
        other = _row(conn, cp)
        found.counterpart = found_at(conn, index, other, other["start"], other["end"])
    rejected = set(conn.execute("SELECT norm, entity_id FROM rejections WHERE norm = ?", (found.norm,)).fetchall())
    linker.link(found, index, rejected)
    return found


# ---- writing -----------------------------------------------------------------------------------------


def edit_span(conn: sqlite3.Connection, mention_id: int, start: int, end: int, *, user: str | None = None) -> Outcome:
    """Move the mention to ``[start, end)`` of its sentence and re-match it; one logged, undoable batch."""
    mention = _row(conn, mention_id)
    found = rematch(conn, mention, start, end)
    if (found.start, found.end) == (mention["start"], mention["end"]):
        raise UserError(f"mention {mention_id} already spans {found.start}-{found.end} ({mention['surface']!r})")
    _overlap(conn, mention, found.start, found.end)
    log = _Log(conn, user or current_user())
    with transaction(conn):
        before_span, before_link = span_state(conn, mention_id), link_state(conn, mention_id)
        after_span = {"start": found.start, "end": found.end, "surface": found.surface, "norm": found.norm,
                      "prefix": found.prefix, "detector": EDITED,
                      "candidates": [[rank, *c] for rank, c in enumerate(found.candidates, start=1)]
                      if keeps_candidates(found) else []}
        after_link = {"entity_id": found.entity_id, "status": found.status, "score": found.score,
                      "why": found.why, "proposal": _proposal(found), "decided_by": vocabulary.AUTO,
                      "updated_at": log.at}
        write_span(conn, mention_id, after_span)
        _write_link(conn, mention_id, after_link)
        log.write(vocabulary.EDIT_SPAN, "span", mention_id, before_span, after_span)
        log.write(vocabulary.EDIT_SPAN, "mention", mention_id, before_link, after_link)
    return Outcome(log.batch, log.ids, [mention_id], found.entity_id)


def _proposal(found: Found) -> str | None:
    return json.dumps(found.proposal, ensure_ascii=False) if found.proposal else None


def write_span(conn: sqlite3.Connection, mention_id: int, state: dict) -> None:
    """Put a span state (``span_state``'s shape) on the mention, candidates included."""
    taken = conn.execute(
        """SELECT o.id FROM mentions m JOIN mentions o ON o.segment_id = m.segment_id AND o.side = m.side
           WHERE m.id = ? AND o.id <> m.id AND o.start = ? AND o.end = ?""",
        (mention_id, state["start"], state["end"])).fetchone()
    if taken is not None:
        raise UserError(f"mention {taken[0]} now holds {state['start']}-{state['end']}: "
                        f"mention {mention_id} cannot go back there")
    conn.execute(f"UPDATE mentions SET {', '.join(f'{k} = ?' for k in SPAN_FIELDS)} WHERE id = ?",
                 (*(state[k] for k in SPAN_FIELDS), mention_id))
    conn.execute("DELETE FROM candidates WHERE mention_id = ?", (mention_id,))
    conn.executemany(
        f"INSERT INTO candidates (mention_id, {', '.join(CANDIDATE_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?)",
        ((mention_id, *c) for c in state["candidates"]))


def undo_span(conn: sqlite3.Connection, mention_id: int, before: dict) -> dict | None:
    """Put the span back as ``before`` (``undo``); returns the state replaced (None: the mention is gone)."""
    if conn.execute("SELECT 1 FROM mentions WHERE id = ?", (mention_id,)).fetchone() is None:
        return None
    now_state = span_state(conn, mention_id)
    write_span(conn, mention_id, before)
    return now_state
