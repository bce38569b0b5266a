"""Glossary organisations an article uses for another body of the same name: an Iraqi state body it places
in the Kurdistan Region (جهاز مكافحة الإرهاب في إقليم كردستان: the region has bodies of its own by the same
names) or a party it names with a country after a dash (الديمقراطي الكردستاني - سوريا: its branch there).
Every mention of that spelling in the article is then the other body, proposed as new, the glossary's
only a candidate."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.align.arabic_words import CONFIDENCE, fold
from workbench.align.spans import Found, Segment
from workbench.names.lookup import Lexicon
from workbench.text.tokens import proclitic_forms, word_key, words

CUE = "another body of this name in the article"  # opens the cue of such a mention
FEDERAL = "iraqi "  # a canonical English name that opens so is a body of the Iraqi state (Iraqi Army ...)
_REGION_WORDS = ("كردستان", "كوردستان", "الإقليم", "الاقليم")
_REGION = frozenset(map(fold, ("كردستان", "كوردستان")))
_THE_REGION = frozenset(map(fold, ("الإقليم", "إقليم")))
_IN = frozenset(map(fold, ("في", "داخل")))
_KURDISH = frozenset(map(fold, ("الكردستاني", "الكردستانية", "الكوردستاني", "الكوردستانية")))
_QUOTES = set(" \u00a0\"'«»“”")
_IRAQI = frozenset(map(fold, ("العراقي", "العراقية", "العراقيه", "العراق")))


def in_article(texts: Iterable[str], lexicon: Lexicon) -> frozenset[tuple[str, ...]]:
    """Word keys of the glossary spellings of Iraqi state bodies that one of ``texts`` (an article's
    Arabic sentences) places in the Kurdistan Region: followed by في (إقليم) كردستان, في الإقليم,
    بإقليم كردستان or the adjective الكردستاني; not a spelling that itself names Iraq (الجيش العراقي)."""
    out: set[tuple[str, ...]] = set()
    for text in texts:
        if not any(w in text for w in _REGION_WORDS):
            continue  # the article's other sentences cost nothing
        tokens = words(text)
        i = 0
        while i < len(tokens):
            hit = lexicon.match_at(tokens, i, ("ar",))
            if hit is None:
                i += 1
                continue
            end = hit.first + hit.count
            if (_federal(hit.entries, lexicon) and not _says_iraqi(tokens[hit.first:end])
                    and _in_the_region(text, tokens, end + hit.trim[1])) \
                    or _branch(text, tokens, end + hit.trim[1], hit.entries, lexicon):
                out.add(tuple(word_key(t.text) for t in tokens[hit.first:end]))
            i = max(end, i + 1)
    return frozenset(out)


def mark(seg: Segment, found: list[Found], keys: frozenset[tuple[str, ...]], lexicon: Lexicon) -> None:
    """Glossary mentions of a spelling in ``keys`` become the other body: no glossary entries, an
    organisation found by that cue (the linker does not give it to the glossary's by its spelling); the
    one a dash and a country follow is left to ``qualified_names.branches``, which takes them in."""
    if not keys:
        return
    end_of = {tok.end: k for k, tok in enumerate(seg.tokens)}
    for f in found:
        k = end_of.get(f.end)
        if f.entries and all(lexicon.types.get(e) == "org" for e in f.entity_ids) \
                and tuple(word_key(w) for w in f.words) in keys \
                and not (k is not None and _branch(seg.text, seg.tokens, k + 1, f.entries, lexicon)):
            f.entries, f.detector, f.etype = [], "cue", "org"
            f.confidence = CONFIDENCE["org head"]
            f.cue = f"{CUE} ('{f.stem}' in the Kurdistan Region or in another country)"


def _branch(text: str, tokens, k: int, entries, lexicon: Lexicon) -> bool:
    """A dash and a country's name (one word) follow an organisation: its branch in that country."""
    from workbench.names.places import countries

    if k >= len(tokens) or text[tokens[k - 1].end:tokens[k].start].strip(" \u00a0\"'«»“”") not in ("-", "–", "—") \
            or any(lexicon.types.get(e.entity_id) != "org" for e in entries):
        return False
    hit = lexicon.match_at(tokens, k, ("ar",), limit=k + 1)
    return hit is not None and not hit.prefix and all(
        lexicon.canonical.get(e.entity_id, "").casefold() in countries() for e in hit.entries)


def _says_iraqi(tokens) -> bool:
    """The spelling itself names Iraq (الجيش العراقي في إقليم كردستان: the federal army, deployed there)."""
    return any(fold(t.text) in _IRAQI for t in tokens)


def _federal(entries, lexicon: Lexicon) -> bool:
    ids = {e.entity_id for e in entries}
    return bool(ids) and all(lexicon.types.get(e) == "org" and lexicon.canonical.get(e, "").casefold().startswith(FEDERAL)
                             for e in ids)


def _in_the_region(text: str, tokens, k: int) -> bool:
    """Tokens from ``k`` say "in the Kurdistan Region" (a closing quote before them allowed)."""
    n = len(tokens)
    if k >= n or (k and not set(text[tokens[k - 1].end:tokens[k].start]) <= _QUOTES):
        return False
    first = fold(tokens[k].text)
    if first in _KURDISH:
        return True
    rest = [fold(t.text) for t in tokens[k + 1:k + 3]]
    if first in _IN:
        return bool(rest) and (rest[0] in _REGION or rest[0] in _THE_REGION and (
            rest[0].startswith("ال") or len(rest) > 1 and rest[1] in _REGION))
    for prefix, stem in proclitic_forms(tokens[k].text):  # بإقليم كردستان، بكردستان
        if prefix and tokens[k].text[:prefix] in ("ب", "وب") and (
                fold(stem) in _REGION or fold(stem) in _THE_REGION and rest and rest[0] in _REGION):
            return True
    return False
