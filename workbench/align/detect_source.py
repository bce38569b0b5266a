"""Source-side mentions: glossary spellings (longest match, Arabic proclitics), then names not in it."""

from __future__ import annotations

from collections.abc import Callable

from workbench.align import arabic_names
from workbench.align.capnames import capitalised_names, extend_names
from workbench.names.lookup import Lexicon
from workbench.align.spans import Found, Segment, make_found

GLOSSARY_LANGS = {"ar": ("ar",), "fr": ("fr", "en"), "en": ("en", "fr")}

# optional extra name finder: (text, lang) -> [(start, end)] character spans (a NER model)
NameFinder = Callable[[str, str], list[tuple[int, int]]]


def glossary_mentions(side: str, seg: Segment, lang: str, langs: tuple[str, ...], lexicon: Lexicon,
                      total: int) -> list[Found]:
    """Longest-leftmost glossary matches over the segment's tokens."""
    out: list[Found] = []
    i, n = 0, len(seg.tokens)
    opens = lexicon.opens
    tokens = seg.tokens
    while i < n:
        if seg.taken[i] or not opens(tokens[i].text):
            i += 1
            continue
        hit = lexicon.match_at(tokens, i, langs)
        if hit is None:
            i += 1
            continue
        found = make_found(side, seg, hit.first, hit.count, hit.prefix, lang, "glossary", total)
        found.entries = hit.entries
        out.append(found)
        i += hit.count
    return out


def detect(seg: Segment, lang: str, lexicon: Lexicon, total: int,
           finder: NameFinder | None = None) -> list[Found]:
    """Mentions in one source segment: glossary first, then NER spans or capitalised names."""
    found = glossary_mentions("source", seg, lang, GLOSSARY_LANGS[lang], lexicon, total)
    if lang in ("fr", "en"):
        others = other_names("source", seg, lang, total, finder)
        # a glossary name inside a longer name is part of it (Agence antiterroriste du Kurdistan)
        found = [f for f in found if not any(o.start <= f.start and f.end <= o.end for o in others)]
        found += others
    elif lang == "ar":
        found += gazetteer_places(seg, total)
        found += arabic_cued_names(seg, total)
    return sorted(found, key=lambda f: f.start)


def gazetteer_places(seg: Segment, total: int) -> list[Found]:
    """Arabic place names from the GeoNames list (after the glossary: only what it left untaken)."""
    from workbench.names.places import place_lookup

    out = glossary_mentions("source", seg, "ar", ("ar",), place_lookup(), total)
    for found in out:
        found.detector, found.etype, found.confidence = "gazetteer", "place", 0.9
        found.place = found.entries[0].entity_id
        found.cue = f"GeoNames place {found.place}"
        found.entries = []  # not glossary evidence: the linker treats it as a name to propose
    return out


def arabic_cued_names(seg: Segment, total: int) -> list[Found]:
    """Arabic names outside the glossary, found by titles, heads and the structure of names."""
    out: list[Found] = []
    for cue in arabic_names.find(seg.tokens, list(seg.taken)):
        found = make_found("source", seg, cue.first, cue.count, cue.prefix, "ar", "cue", total)
        found.etype, found.confidence = cue.type, cue.confidence
        found.cue = f"{cue.cue} '{cue.word}'"
        out.append(found)
    return out


def other_names(side: str, seg: Segment, lang: str, total: int, finder: NameFinder | None) -> list[Found]:
    """Names outside the glossary: spans from ``finder`` if given, else capitalised runs."""
    out: list[Found] = []
    if finder is not None:
        for start, end in finder(seg.text, lang):
            idx = [k for k, t in enumerate(seg.tokens) if t.start >= start and t.end <= end]
            if idx and not any(seg.taken[k] for k in idx) and idx == list(range(idx[0], idx[-1] + 1)):
                out.append(make_found(side, seg, idx[0], len(idx), 0, lang, "ner", total))
        return out
    runs = capitalised_names(seg.text, seg.tokens, seg.taken)
    if lang == "fr":
        runs = extend_names(seg.text, seg.tokens, seg.taken, runs)
    for first, count in runs:
        out.append(make_found(side, seg, first, count, 0, lang, "caps", total))
    return out
