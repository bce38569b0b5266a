"""A glossary name that the word after it makes another name: أمريكا اللاتينية is Latin America, not the
United States; كوريا الشمالية North Korea; الجيش السوري الحر the Free Syrian Army, not the Syrian Arab Army."""

from __future__ import annotations

from workbench.align import arabic_names
from workbench.align.arabic_words import CONFIDENCE, joined
from workbench.align.spans import Found, Segment, make_found
from workbench.names.lookup import Lexicon
from workbench.text.tokens import proclitic_forms

_fold = arabic_names.fold
# after a place, whatever comes before it: a continent's or a region's part (آسيا الوسطى، أمريكا اللاتينية)
REGION_ALWAYS = frozenset(map(_fold, ("اللاتينية", "الوسطى")))
# after a place with no noun before it that the word could describe instead: كوريا الشمالية, but in
# ريف إدلب الجنوبي or أحياء حلب الشرقية the word describes the countryside, the neighbourhoods
REGION_DIRECTIONS = frozenset(map(_fold, ("الشمالية", "الجنوبية", "الشرقية", "الغربية")))
# what may stand before such a place: prepositions and conjunctions, not a noun
PARTICLES = frozenset(map(_fold, ("في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "و", "أو", "ثم", "حتى", "نحو",
                                  "عبر", "داخل", "خارج", "تجاه", "ضد")))
# after an organisation: another one (الجيش السوري الحر، الجيش الحر)
FREE = frozenset(map(_fold, ("الحر", "الحرة")))


def qualified(seg: Segment, found: list[Found], lexicon: Lexicon, total: int) -> list[Found]:
    """Arabic glossary names followed by a word that names something else with them become that longer
    name, found by its cue and proposed as new (never linked to the shorter name's entity)."""
    tokens = seg.tokens
    start_of = {tok.start: k for k, tok in enumerate(tokens)}
    out = []
    for f in found:
        k = start_of.get(f.start)
        j = k + len(f.words) if k is not None else len(tokens)
        etype = _kind(seg, f, k, j, lexicon) if j < len(tokens) and not seg.taken[j] and joined(tokens, j - 1) else None
        if etype is None:
            out.append(f)
            continue
        name = make_found("source", seg, k, len(f.words) + 1, f.prefix, "ar", "cue", total)
        name.etype, name.confidence = etype, CONFIDENCE["place head" if etype == "place" else "org head"]
        name.cue = f"'{tokens[j].text}' after a {etype}'s name"
        out.append(name)
    return out


def _kind(seg: Segment, f: Found, k: int, j: int, lexicon: Lexicon) -> str | None:
    """The type of the longer name the word at ``j`` makes of ``f`` (tokens ``k`` to ``j``), or None."""
    ids = f.entity_ids
    types = {lexicon.types.get(e) for e in ids}
    word = _fold(seg.tokens[j].text)
    if not ids or len(types) != 1:
        return None
    if types == {"org"}:
        return "org" if word in FREE else None
    if types != {"place"} or len(f.words) != 1 or f.stem.startswith("ال"):
        return None  # a country's or a continent's name has no article (أمريكا، كوريا؛ not الرقة)
    if word in REGION_ALWAYS:
        return "place"
    if word in REGION_DIRECTIONS and (f.prefix or k == 0 or not joined(seg.tokens, k - 1) or any(
            _fold(stem) in PARTICLES for _, stem in proclitic_forms(seg.tokens[k - 1].text))):
        return "place"
    return None
