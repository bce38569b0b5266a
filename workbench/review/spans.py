"""Span editing: the analyst moves a mention's start and end; it is re-matched to the glossary at once.

Offsets are characters of the mention's sentence: the source segment's text (source side) or the
English of its sentence pair (English side), as ``workbench mentions --json`` prints them. A span is
snapped to the words it covers; one that cuts a word, covers none or overlaps another mention of the
same side is refused. The edited mention is matched as the aligner matches one (``align.linker``),
marked as the analyst's (``align.spans.EDITED``: re-aligning keeps it and matches it again), and logged as two rows of one
batch: the span (``target = 'span'``, with its candidates) and the link; ``undo`` restores both.
"""

from __future__ import annotations

import json
import sqlite3

from workbench import vocabulary
from workbench.align.edited import matched, sentence_of
from workbench.align.run import keeps_candidates
from workbench.align.spans import EDITED, Found
from workbench.config import current_user
from workbench.errors import UserError
from workbench.names.index import glossary_index
from workbench.review.links import Log, Outcome, link_state, mention_of, write_link
from workbench.store import implied
from workbench.store.db import transaction
from workbench.text.tokens import words

SPAN_FIELDS = ("start", "end", "surface", "norm", "prefix", "detector")
CANDIDATE_FIELDS = ("rank", "entity_id", "score", "variant", "why")
LEFT, RIGHT = "left", "right"
STOPS = frozenset(",;:.!?()[]{}،؛؟")
"""Punctuation a span key does not widen a name across (quotes it does: كتائب "حزب الله")."""


def _row(conn: sqlite3.Connection, mention_id: int) -> dict:
    mention_of(conn, mention_id)  # one message for an id that names no mention
    keys = ("id", "segment_id", "side", "lang", "counterpart_id", *SPAN_FIELDS)
    columns = ", ".join(implied.detector("mentions") if k == "detector" else k for k in keys)
    row = conn.execute(f"SELECT {columns} FROM mentions WHERE id = ?", (mention_id,)).fetchone()
    return dict(zip(keys, row))


def span_state(conn: sqlite3.Connection, mention_id: int) -> dict:
    """What a span edit replaces: the span, its spelling and the candidates stored for it."""
    state = {k: v for k, v in _row(conn, mention_id).items() if k in SPAN_FIELDS}
    state["candidates"] = [list(r) for r in conn.execute(
        f"SELECT {', '.join(CANDIDATE_FIELDS)} FROM candidates WHERE mention_id = ? ORDER BY rank", (mention_id,))]
    return state


# ---- where the span may go --------------------------------------------------------------------------


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
    text = sentence_of(conn, m["segment_id"], m["side"])
    tokens = words(text)
    inside = [k for k, t in enumerate(tokens) if t.end > m["start"] and t.start < m["end"]]
    first, last = inside[0], inside[-1]
    if edge == LEFT:
        first -= words_by
    else:
        last += words_by
    if first > last:
        raise UserError(f"{m['surface']!r} is one word: it cannot be narrower")
    if first < 0 or last >= len(tokens):
        raise UserError(f"{m['surface']!r} already reaches the {'start' if first < 0 else 'end'} of its sentence")
    if words_by > 0:  # the word taken in must not lie beyond a comma, a full stop, a bracket ...
        a, b = (first, inside[0]) if edge == LEFT else (inside[-1], last)
        stop = next((ch for ch in text[tokens[a].end:tokens[b].start] if ch in STOPS), None)
        if stop is not None:
            raise UserError(f"{m['surface']!r} ends at “{stop}” on that side: a name does not run over it")
        return _quotes_closed(text, tokens[first].start, tokens[last].end, m["surface"])
    return tokens[first].start, tokens[last].end


QUOTES = {'"': '"', "«": "»", "“": "”", "„": "“"}  # opening -> closing


def _quotes_closed(text: str, start: int, end: int, surface: str) -> tuple[int, int]:
    """A widened span that now holds one quotation mark of a pair takes in its partner right beside it
    (كتائب "حزب الله" whole, not كتائب "حزب الله); with none there, the name would run out of its quotes
    (Moqtada » et): refused."""
    span = text[start:end]
    for opening, closing in QUOTES.items():
        if opening == closing:  # "...": an odd one has its partner on either side
            unpaired = span.count(opening) % 2
            after, before = unpaired, unpaired
        else:
            opened = span.count(opening) - span.count(closing)
            after, before = opened > 0, opened < 0
        if after and text[end:end + 1] == closing:
            end += 1
        elif before and start and text[start - 1] == opening:
            start -= 1
        elif after or before:
            mark = opening if after and opening != closing else closing
            raise UserError(f"{surface!r} would run across the quotation mark “{mark}” without its partner: "
                            "a name does not run out of its quotes")
    return start, end


# ---- writing -----------------------------------------------------------------------------------------


def edit_span(conn: sqlite3.Connection, mention_id: int, start: int, end: int, *, user: str | None = None) -> Outcome:
    """Move the mention to ``[start, end)`` of its sentence and re-match it; one logged, undoable batch."""
    mention = _row(conn, mention_id)
    found = matched(conn, glossary_index(conn), None, mention, start, end)
    if (found.start, found.end) == (mention["start"], mention["end"]):
        raise UserError(f"mention {mention_id} already spans {found.start}-{found.end} ({mention['surface']!r})")
    _overlap(conn, mention, found.start, found.end)
    log = Log(conn, user or current_user())
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
        write_link(conn, mention_id, after_link)
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
                 (*(implied.stored(state[k], vocabulary.GLOSSARY) if k == "detector" else state[k]
                    for k in SPAN_FIELDS), mention_id))
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
