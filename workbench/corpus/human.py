"""Stores an article's existing English version as sentence-aligned ``human`` translations.

Runs inside the caller's transaction (the import of one file is all-or-nothing). A ``human`` row
is never overwritten by machine translation: ``workbench translate`` only fills segments with no row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from workbench.text import segment
from workbench.store import search
from workbench.store.fingerprints import UNDATED
from workbench.corpus import bitext


def store_human_translation(
    conn: sqlite3.Connection, segments: Sequence[tuple[int, str]], english_text: str
) -> list[bitext.Row]:
    """Align ``english_text`` to the ``(segment_id, source_text)`` list and write one row per segment.

    Segments that already have a translation keep it. Returns the rows computed (in segment order).
    """
    english = [english_text[a:b] for a, b in segment.split(english_text, "en")]
    if not segments or not english:
        return []
    sources = [text for _, text in segments]
    rows = bitext.to_rows(bitext.align(sources, english), english, len(sources))
    ids = [sid for sid, _ in segments]
    taken = {
        r[0] for r in conn.execute(
            f"SELECT segment_id FROM translations WHERE segment_id IN ({','.join('?' * len(ids))})", ids
        )
    }
    fresh = [(ids[r.index], r.text, int(r.merged)) for r in rows if ids[r.index] not in taken]
    conn.executemany(
        "INSERT INTO translations (segment_id, engine, model, text, merged, created_at)"
        " VALUES (?, 'human', NULL, ?, ?, ?)",
        ((sid, text, merged, UNDATED) for sid, text, merged in fresh),
    )
    search.sync_segments(conn, (sid for sid, _, _ in fresh))
    return rows
