"""Sentence pairs of an article as the analyst reads them: source, raw English, canonical English."""

from __future__ import annotations

import sqlite3

from workbench.corpus.canonical import render_canonical
from workbench.align.run import sentence_groups

SHOWN = ("accepted", "confirmed")


def sentence_pairs(conn: sqlite3.Connection, article_id: int) -> list[dict]:
    """Each pair: segment ids, source, English (raw), canonical English and the mentions of both sides."""
    _, groups = sentence_groups(conn, article_id)
    out = []
    for sources, english in groups:
        ids = [sid for sid, _ in sources]
        mentions = conn.execute(
            f"""SELECT m.id, m.segment_id, m.side, m.start, m.end, m.surface, l.entity_id, l.status,
                       e.canonical_en
                FROM mentions m LEFT JOIN links l ON l.mention_id = m.id
                LEFT JOIN entities e ON e.id = l.entity_id AND e.deleted_at IS NULL
                WHERE m.segment_id IN ({','.join('?' * len(ids))}) ORDER BY m.segment_id, m.start""",
            ids,
        ).fetchall()
        keys = ("id", "segment", "side", "start", "end", "surface", "entity_id", "status", "canonical")
        rows = [dict(zip(keys, r)) for r in mentions]
        eng_rows = [r for r in rows if r["side"] == "english"]
        text = english[1] if english else None
        out.append({
            "segments": ids,
            "source": " ".join(t for _, t in sources),
            "english": text,
            "canonical": canonical_english(text, eng_rows) if text is not None else None,
            "source_mentions": [r for r in rows if r["side"] == "source"],
            "english_mentions": eng_rows,
        })
    return out


def canonical_english(text: str, mentions: list[dict]) -> str:
    """``text`` with every linked (accepted or confirmed) span replaced by its canonical name."""
    spans, end = [], -1
    for m in sorted(mentions, key=lambda m: m["start"]):
        if m["status"] in SHOWN and m["canonical"] and m["start"] >= end:
            spans.append((m["start"], m["end"], m["canonical"]))
            end = m["end"]
    return render_canonical(text, spans)
