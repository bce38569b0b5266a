"""Source-side mentions: glossary spellings (longest match, Arabic proclitics), then names not in it."""

from __future__ import annotations

from collections.abc import Callable

from workbench.align import arabic_names
from workbench.align.capnames import STOP, capitalised_names, extend_names
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
           finder: NameFinder | None = None, index=None) -> list[Found]:
    """Mentions in one source segment: glossary first (grown to the longer names they are part of,
    when the glossary ``index`` is given), then NER spans or capitalised names, Arabic cues and places."""
    found = glossary_mentions("source", seg, lang, GLOSSARY_LANGS[lang], lexicon, total)
    if index is not None and found:
        found = grow(seg, found, lang, index, total)
    if lang in ("fr", "en"):
        others = other_names("source", seg, lang, total, finder)
        # a glossary name inside a longer name is part of it (Agence antiterroriste du Kurdistan)
        found = [f for f in found if not any(o.start <= f.start and f.end <= o.end for o in others)]
        found += others
    elif lang == "ar":
        found += gazetteer_places(seg, total)
        found += arabic_cued_names(seg, total)
    return sorted(found, key=lambda f: f.start)


GROWN_MIN = 0.9  # the matcher's score for the longer name (and it must accept it)


def grow(seg: Segment, found: list[Found], lang: str, index, total: int) -> list[Found]:
    """A glossary spelling that is part of a longer name becomes that name, when the names matcher
    accepts the longer span for an entity: a given name before a glossary surname (Moqatada al Sadr),
    an organisation head before a place (قوات سورية الديمقراطية: not Syria)."""
    tokens = seg.tokens
    start_of = {t.start: k for k, t in enumerate(tokens)}
    end_of = {t.end: k for k, t in enumerate(tokens)}
    out: list[Found] = []
    for f in found:
        first, last = start_of.get(f.start), end_of.get(f.end)
        best = None
        if first is not None and last is not None:
            for a, b, prefix in _extensions(seg, first, last, f.prefix, lang):
                text = seg.text[tokens[a].start + prefix:tokens[b].end]
                hits = index.candidates(text, lang)
                if hits and hits[0].accepted and hits[0].score >= GROWN_MIN and \
                        not (a == first and hits[0].entity_id in f.entity_ids and b - last == 0):
                    best = (a, b, prefix)
                    break
        if best is None:
            out.append(f)
            continue
        a, b, prefix = best
        for k in range(first, last + 1):
            seg.taken[k] = False
        out.append(make_found("source", seg, a, b - a + 1, prefix, lang, "grown", total))
    return out


def _extensions(seg: Segment, first: int, last: int, prefix: int, lang: str):
    """Longer token spans around a glossary match that could be one name, longest first."""
    tokens, taken = seg.tokens, seg.taken
    n = len(tokens)
    can_left = first > 0 and not taken[first - 1] and tokens[first - 1].joins \
        and _left_ok(tokens[first - 1].text, lang) is not None
    can_right = last + 1 < n and not taken[last + 1] and tokens[last].joins and _right_ok(tokens[last + 1].text, lang)
    if not (can_left or can_right):
        return []  # the common case: nothing around the match could belong to it
    options = []
    for left in (1, 0):
        for right in (2, 1, 0):
            a, b = first - left, last + right
            if (left, right) == (0, 0) or a < 0 or b >= len(tokens):
                continue
            if any(taken[k] for k in range(a, first)) or any(taken[k] for k in range(last + 1, b + 1)):
                continue
            if not all(tokens[k].joins for k in range(a, b)):
                continue
            grown_prefix = prefix if left == 0 else _left_ok(tokens[a].text, lang)
            if grown_prefix is None or not all(_right_ok(tokens[k].text, lang) for k in range(last + 1, b + 1)):
                continue
            options.append((b - a, a, b, grown_prefix))
    return [(a, b, p) for _, a, b, p in sorted(options, key=lambda o: -o[0])]


def _left_ok(word: str, lang: str) -> int | None:
    """The proclitic length under which a word may open a longer name (None: it may not); a
    descriptor (تنظيم داعش, province de Ninive) stays outside the name."""
    from workbench.names.lookup import DESCRIPTORS
    from workbench.text.tokens import word_key

    if word_key(word) in DESCRIPTORS:
        return None
    if lang == "ar":
        heads = arabic_names.tables()["org_head"]
        for prefix, stem in arabic_names.proclitic_forms(word):
            if arabic_names.fold(stem) in heads:
                return prefix
        return None
    return 0 if word[:1].isupper() and word.casefold() not in STOP else None


def _right_ok(word: str, lang: str) -> bool:
    if lang == "ar":
        return word.startswith("ال") and len(word) > 3
    return word[:1].isupper() and word.casefold() not in STOP


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
