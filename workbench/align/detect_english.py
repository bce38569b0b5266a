"""English-side mentions: glossary spellings, then names by capitalisation (or a NER finder)."""

from __future__ import annotations

from workbench.align.detect_source import NameFinder, glossary_mentions, other_names
from workbench.names.lookup import Lexicon
from workbench.align.spans import Found, Segment

ENGLISH_LANGS = ("en", "fr")


def detect(seg: Segment, lexicon: Lexicon, finder: NameFinder | None = None) -> list[Found]:
    """Mentions in the English of a sentence pair (``seg.base`` is 0: one English text per pair)."""
    total = len(seg.text)
    found = glossary_mentions("english", seg, "en", ENGLISH_LANGS, lexicon, total)
    found += other_names("english", seg, "en", total, finder)
    return sorted(found, key=lambda f: f.start)
