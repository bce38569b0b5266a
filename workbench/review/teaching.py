"""Whether a confirmed spelling may become a glossary spelling: not a short form that needs its article."""

from __future__ import annotations

import sqlite3

from workbench.align.linker import short_form
from workbench.align.namesakes import EARLIER, LATER
from workbench.names.normalize import normalize
from workbench.names.scoring import PARTIAL_KIND


def why_not_taught(conn: sqlite3.Connection, mention: dict, entity_id: str, stem: str, before: dict | None) -> str | None:
    """Why confirming ``mention`` as ``entity_id`` must not teach its spelling corpus-wide, or None.

    A short form (the family name, the head of an organisation, a word of a place: الوحش for خليل الوحش,
    le Cadre for le Cadre de coordination, Badia for البادية الغربية) means the entity in this article,
    where the long form came first; taught as a spelling it would be accepted in every article, where it
    is as often a common word or another name. The confirmation stands; the glossary is left as it is."""
    why = (before or {}).get("why") or ""
    proposal = (before or {}).get("proposal") or ""
    if any(note in why or note in proposal for note in (EARLIER, LATER)):
        return "found as a short form of a name elsewhere in its article"
    if PARTIAL_KIND in why:
        return "only part of the glossary name"
    words = len(normalize(stem, mention["lang"]).split())
    for (text,) in conn.execute("SELECT text FROM variants WHERE entity_id = ? AND lang = ? AND deleted_at IS NULL",
                                (entity_id, mention["lang"])):
        if len(normalize(text, mention["lang"]).split()) > words \
                and short_form(stem, mention["lang"], [text], None):  # any of its words: a given name too
            return f"a short form of “{text}”"
    return None
