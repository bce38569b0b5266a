"""What an article is aligned against besides the glossary: a fingerprint of its translations.

A human translation and an English article's own text (engine ``source``) are written once, with
their article, and never replaced: they are stored ``UNDATED`` (25 bytes a sentence otherwise). A
machine translation keeps its time, which is what tells a re-translation apart.
"""

from __future__ import annotations

import hashlib
import sqlite3

UNDATED = ""  # translations.created_at of a human translation or of an English article's own text


def translation_signatures(conn: sqlite3.Connection) -> dict[int, str]:
    """Article id -> fingerprint of its translations (what an article is aligned against besides the glossary)."""
    rows = conn.execute(
        """SELECT s.article_id, count(t.segment_id), coalesce(max(t.created_at), ''),
                  coalesce(sum(length(t.text)), 0), coalesce(group_concat(t.engine), '')
           FROM segments s JOIN translations t ON t.segment_id = s.id GROUP BY s.article_id""")
    return {aid: hashlib.sha1(repr(rest).encode()).hexdigest()[:16] for aid, *rest in rows}
