"""Glossary spellings an article uses as the common word they also are: القاعدة (al-Qaeda) in an article about
a military base (قاعدة عين الأسد، القاعدة الجوية), where the bare word is the base."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.align.arabic_words import fold, name_word
from workbench.align.spans import Found
from workbench.names.lookup import Lexicon
from workbench.text.tokens import key_of, proclitic_forms, words

BASE = fold("قاعدة")
THE_BASE = key_of("القاعدة")
_BASES = frozenset(map(fold, ("قاعدة", "قواعد")))
_OF_A_BASE = frozenset(map(fold, ("العسكرية", "الجوية", "الامريكية", "الأميركية", "الأمريكية", "التركية", "الروسية",
                                  "الإيرانية", "العراقية", "الجويه", "العسكريه")))


def in_article(texts: Iterable[str], t: dict) -> frozenset[tuple[str, ...]]:
    """Word keys of the glossary words an article (its Arabic sentences) uses as common words: القاعدة when
    it names a base (قاعدة X, قواعد X) or describes one (القاعدة الجوية, العسكرية, a country's)."""
    for text in texts:
        if "قاعد" not in text and "قواعد" not in text:
            continue
        tokens = words(text)
        for k, token in enumerate(tokens[:-1]):
            if not token.joins:
                continue
            stems = {fold(stem) for _, stem in proclitic_forms(token.text)}
            nxt = fold(tokens[k + 1].text)
            if stems & _BASES and name_word(tokens[k + 1], t) and not nxt.startswith("بيان"):
                return frozenset({THE_BASE})  # قاعدة عين الأسد، بقاعدة حرير (not قاعدة بيانات, a database)
            if fold("القاعدة") in stems and nxt in _OF_A_BASE:
                return frozenset({THE_BASE})
    return frozenset()


def drop(found: list[Found], keys: frozenset[tuple[str, ...]], lexicon: Lexicon) -> list[Found]:
    """``found`` without the one-word glossary organisations whose spelling is in ``keys`` (their tokens stay
    taken: no other list finds the word again)."""
    if not keys:
        return found
    return [f for f in found if not (f.entries and len(f.words) == 1 and key_of(f.stem) in keys
                                     and all(lexicon.types.get(e) == "org" for e in f.entity_ids))]
