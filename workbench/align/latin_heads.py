"""The kind of a French or English name from the words just before it: the village of X, President X."""

from __future__ import annotations

import re

PLACE_HEADS = {
    "en": {"village", "town", "city", "province", "governorate", "district", "region", "neighbourhood",
           "neighborhood", "camp", "suburb", "outskirts", "countryside", "subdistrict", "hamlet"},
    "fr": {"village", "ville", "localité", "bourg", "province", "gouvernorat", "district", "région",
           "quartier", "camp", "banlieue", "périphérie", "environs", "campagne", "hameau"},
}
PERSON_TITLES = {
    "en": {"president", "minister", "sheikh", "sheik", "general", "colonel", "brigadier", "spokesman",
           "spokeswoman", "commander", "mr", "mrs", "ms", "governor", "mayor", "imam", "cleric", "leader",
           "deputy", "mp", "lawmaker"},
    "fr": {"président", "ministre", "cheikh", "général", "colonel", "porte-parole", "commandant", "m",
           "mme", "gouverneur", "maire", "imam", "dirigeant", "chef", "député", "députée"},
}
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
    if m and m.group(1).casefold() in PERSON_TITLES[lang]:
        return "person", f"title '{m.group(1)}'"
    return None
