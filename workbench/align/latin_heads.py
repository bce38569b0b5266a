"""The kind of a French or English name from the words just before it: the village of X, President X."""

from __future__ import annotations

import re

from workbench.names.normalize import normalize
from workbench.names.titles import TITLES

PLACE_HEADS = {
    "en": {"village", "town", "city", "province", "governorate", "district", "region", "neighbourhood",
           "neighborhood", "camp", "suburb", "outskirts", "countryside", "subdistrict", "hamlet"},
    "fr": {"village", "ville", "localité", "bourg", "province", "gouvernorat", "district", "région",
           "quartier", "camp", "banlieue", "périphérie", "environs", "campagne", "hameau"},
}
# titles before a person's name: every Latin title the names matcher knows, and a few it strips nowhere
PERSON_TITLES = frozenset(t for t in TITLES if t.isascii()) | {"cleric", "lawmaker", "spokeswoman", "deputee"}
_OF = re.compile(r"(\w+)\s+(?:of|de|du)\s+$|(\w+)\s+d['’]$")
_TITLE = re.compile(r"([\w-]+)\.?\s+$")


def kind_before(text: str, start: int, lang: str) -> tuple[str, str] | None:
    """``(type, cue)`` when the words before ``text[start:]`` say what the name is, else None."""
    if lang not in PLACE_HEADS:
        return None
    left = text[max(0, start - 40):start]
    m = _OF.search(left)
    if m:
        head = (m.group(1) or m.group(2)).casefold()
        if head in PLACE_HEADS[lang]:
            return "place", f"place head '{head}'"
        return None
    m = _TITLE.search(left)
    if m and normalize(m.group(1).rsplit("-", 1)[-1], lang) in PERSON_TITLES:  # porte-parole: parole
        return "person", f"title '{m.group(1)}'"
    return None
