"""Plain data for glossary entities and their variants, shared by every glossary format.

Light on purpose (no imports beyond the standard library): the command-line parser reads
``ENTITY_TYPES`` and ``VARIANT_LANGS`` from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("person", "place", "org", "other")
TYPES = ENTITY_TYPES  # the older name
VARIANT_LANGS = ("ar", "fr", "en")


@dataclass
class Variant:
    """One spelling of an entity's name in one language."""

    lang: str
    text: str
    source: str = ""  # file, csv, review, manual ...
    learned: bool = False  # confirmed in review and not yet written to a glossary file
    line: int | None = None  # where it was read, for error messages


@dataclass
class NotName:
    """A spelling in one language that is not a name (dismissed in review, or listed in a glossary file)."""

    lang: str
    spelling: str
    source: str = ""
    line: int | None = None


@dataclass
class Entity:
    """A person, place or organisation with its canonical English name and known spellings."""

    id: str
    type: str
    canonical: str
    wikidata: str | None = None
    note: str | None = None
    variants: list[Variant] = field(default_factory=list)
    line: int | None = None
    origin: str | None = None  # where the database got it (a file, "review", "manual"); read from the database

    def spellings(self, lang: str) -> list[str]:
        return [v.text for v in self.variants if v.lang == lang]
