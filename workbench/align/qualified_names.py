"""A glossary name that words beside it make another name: أمريكا اللاتينية (Amérique latine) is Latin
America, not the United States; أمريكا الجنوبية (Amérique du Sud) South America; الجيش السوري الحر the Free
Syrian Army, not the Syrian Arab Army; جبل سنجار Mount Sinjar, not the town; شمال وشرق سوريا a region;
المجلس الوطني الكردستاني a council, not the PUK (الوطني الكردستاني); صلاح الدين أحمد a man, not the province."""

from __future__ import annotations

from workbench.align import arabic_names
from workbench.align.arabic_words import CONFIDENCE, definite_participle, joined, name_word
from workbench.align.capnames import nationality_word
from workbench.align.spans import Found, Segment, make_found
from workbench.names.lookup import Lexicon
from workbench.names.places import countries
from workbench.text.tokens import proclitic_forms, word_key

_fold = arabic_names.fold
# after a place, whatever comes before it: a continent's or a region's part (آسيا الوسطى، أمريكا اللاتينية)
REGION_ALWAYS = frozenset(map(_fold, ("اللاتينية", "الوسطى")))
# after a place with no noun before it that the word could describe instead: كوريا الشمالية, but in
# ريف إدلب الجنوبي or أحياء حلب الشرقية the word describes the countryside, the neighbourhoods
REGION_DIRECTIONS = frozenset(map(_fold, ("الشمالية", "الجنوبية", "الشرقية", "الغربية")))
# what may stand before such a place: prepositions and conjunctions, not a noun
PARTICLES = frozenset(map(_fold, ("في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "و", "أو", "ثم", "حتى", "نحو",
                                  "عبر", "داخل", "خارج", "تجاه", "ضد")))
# after an organisation: another one (الجيش السوري الحر the Free Syrian Army, الجيش السوري الوطني the Syrian
# National Army: neither is the Syrian Arab Army)
FREE = frozenset(map(_fold, ("الحر", "الحرة", "الوطني", "الوطنية")))
REGION_CUE = "directions"  # opens the cue of a region's name (شمال وشرق سوريا)
# heads of a body of its own before an organisation's short form in a construct: غرفة العمليات المشتركة
# (an operations room) is not قيادة العمليات المشتركة
OWN_BODIES = frozenset(map(_fold, ("غرفة", "مركز")))


def beside(seg: Segment, found: list[Found], lexicon: Lexicon, total: int) -> list[Found]:
    """The Arabic rules of this module in turn: ``nationality_named``, ``epithet``, ``regions``,
    ``qualified``, ``mountains``, ``headed``, ``person_named``, ``branches``."""
    for rule in (nationality_named, epithet, regions, qualified, mountains, headed, person_named):
        found = _replaced(seg, found, lexicon, total, rule)
    return branches(seg, found, lexicon, total)


def nationality_named(seg: Segment, f: Found, k: int, lexicon: Lexicon, total: int) -> Found | None:
    """A glossary spelling ending in a nationality whose rest is another entity's spelling (حزب الله
    العراقي, Kataib Hezbollah; حزب الله alone, the Lebanese party): that entity, its mention without the
    nationality, which stands after the name as after any (الحرس الثوري الإيراني)."""
    if len(f.words) < 2 or _fold(f.words[-1]) not in arabic_names.tables()["nationality"]:
        return None
    rest = {e.entity_id for e in lexicon.index.get(tuple(word_key(w) for w in f.words[:-1]), ())}
    if not rest or not rest.isdisjoint(f.entity_ids):
        return None
    name = make_found("source", seg, k, len(f.words) - 1, f.prefix, "ar", "glossary", total)
    name.entries = f.entries
    return name


# honorific epithets of holy cities, part of the name as written (كربلاء المقدسة، النجف الأشرف)
EPITHETS = frozenset(map(_fold, ("المقدسة", "الأشرف", "الاشرف", "المكرمة", "المنورة")))


def epithet(seg: Segment, f: Found, k: int, lexicon: Lexicon, total: int) -> Found | None:
    """A glossary place followed by its epithet (كربلاء المقدسة): one mention of that place, the epithet in it."""
    j = k + len(f.words)
    if j >= len(seg.tokens) or not joined(seg.tokens, j - 1) or _fold(seg.tokens[j].text) not in EPITHETS \
            or any(lexicon.types.get(e) != "place" for e in f.entity_ids):
        return None
    name = make_found("source", seg, k, len(f.words) + 1, f.prefix, "ar", "glossary", total)
    name.entries = f.entries
    return name


def branches(seg: Segment, found: list[Found], lexicon: Lexicon, total: int) -> list[Found]:
    """A glossary organisation, a dash, then a country (الحزب الديمقراطي الكردستاني - سوريا): the party's
    branch in that country, an organisation of its own, found by its cue and proposed as new (the country
    inside it no mention of its own)."""
    from workbench.names.places import countries

    start_of = {tok.start: k for k, tok in enumerate(seg.tokens)}
    by_start = {f.start: f for f in found}
    out, dropped = [], set()
    for f in found:
        k = start_of.get(f.start)
        j = k + len(f.words) if k is not None else None
        country = by_start.get(seg.tokens[j].start) if j is not None and j < len(seg.tokens) else None
        if country is None or not f.entity_ids or any(lexicon.types.get(e) != "org" for e in f.entity_ids) \
                or seg.text[seg.tokens[j - 1].end:seg.tokens[j].start].strip() not in ("-", "–", "—") \
                or len(country.words) != 1 or not country.entity_ids or country.prefix \
                or any(lexicon.canonical.get(e, "").casefold() not in countries() for e in country.entity_ids):
            out.append(f)
            continue
        branch = _named(seg, k, len(f.words) + 1, f.prefix, "org", f"a country after a dash: '{country.stem}'", total)
        dropped.add(id(country))
        out.append(branch)
    return [f for f in out if id(f) not in dropped]


def _replaced(seg: Segment, found: list[Found], lexicon: Lexicon, total: int, rule) -> list[Found]:
    """``found`` with each glossary name that ``rule`` (name, its first token, ...) makes another name
    replaced by that name."""
    start_of = {tok.start: k for k, tok in enumerate(seg.tokens)}
    out = []
    for f in found:
        k = start_of.get(f.start)
        other = rule(seg, f, k, lexicon, total) if k is not None and f.entity_ids else None
        out.append(other or f)
    return out


def _named(seg: Segment, first: int, count: int, prefix: int, etype: str, cue: str, total: int) -> Found:
    """A new name over tokens ``[first, first + count)``, found by its cue and proposed as new."""
    name = make_found("source", seg, first, count, prefix, "ar", "cue", total)
    name.etype, name.confidence = etype, CONFIDENCE["place head" if etype == "place" else "org head"]
    name.cue = cue
    return name


def regions(seg: Segment, f: Found, k: int, lexicon: Lexicon, total: int) -> Found | None:
    """A country after two directions joined by و is a region's name (شمال وشرق سوريا, North and East
    Syria): one new place, the country inside it not a mention of its own. A province or a city keeps its
    name (شمال وشرق دير الزور: the directions only say where in it)."""
    from workbench.names.places import countries

    tokens = seg.tokens
    directions = arabic_names.tables()["direction"]
    if k < 2 or f.prefix or any(lexicon.types.get(e) != "place" for e in f.entity_ids) \
            or any(lexicon.canonical.get(e, "").casefold() not in countries() for e in f.entity_ids) \
            or not joined(tokens, k - 2) or not joined(tokens, k - 1) or tokens[k - 1].text[:1] != "و" \
            or _fold(tokens[k - 1].text[1:]) not in directions or seg.taken[k - 2] or seg.taken[k - 1]:
        return None
    prefix = next((p for p, stem in proclitic_forms(tokens[k - 2].text) if _fold(stem) in directions), None)
    if prefix is None:
        return None
    return _named(seg, k - 2, 2 + len(f.words), prefix, "place",
                  f"{REGION_CUE} '{tokens[k - 2].text} {tokens[k - 1].text}'", total)


def qualified(seg: Segment, f: Found, k: int, lexicon: Lexicon, total: int) -> Found | None:
    """A glossary name followed by a word that names something else with it is that longer name, found by
    its cue and proposed as new (never linked to the shorter name's entity)."""
    tokens = seg.tokens
    j = k + len(f.words)
    etype = _kind(seg, f, k, j, lexicon) if j < len(tokens) and not seg.taken[j] and joined(tokens, j - 1) else None
    if etype is None:
        return None
    return _named(seg, k, len(f.words) + 1, f.prefix, etype, f"'{tokens[j].text}' after a {etype}'s name", total)


def mountains(seg: Segment, f: Found, k: int, lexicon: Lexicon, total: int) -> Found | None:
    """A glossary place after a mountain head (جبل، جبال) is the mountain: a place of its own, its head in
    its name (as the cues keep it in جبل الزاوية), proposed as new."""
    tokens = seg.tokens
    if not k or f.prefix or seg.taken[k - 1] or not joined(tokens, k - 1) \
            or any(lexicon.types.get(e) != "place" for e in f.entity_ids):
        return None
    heads = arabic_names.tables()["kept_place_head"]
    head = next((p for p, stem in proclitic_forms(tokens[k - 1].text) if _fold(stem) in heads), None)
    if head is None:
        return None
    return _named(seg, k - 1, len(f.words) + 1, head, "place", f"place head '{tokens[k - 1].text}'", total)


def headed(seg: Segment, f: Found, k: int, lexicon: Lexicon, total: int) -> Found | None:
    """An organisation's short form that its glossary entity also writes after a head (الوطني الكردستاني,
    الاتحاد الوطني الكردستاني) after another organisation's head is that other organisation's name, found
    by the head and proposed as new: a definite head makes one phrase with the short form's adjectives
    (المجلس الوطني الكردستاني, a council), and a few heads name a body of their own in a construct (غرفة
    العمليات المشتركة, an operations room). A glossary spelling with that head would have matched first."""
    tokens = seg.tokens
    ids = set(f.entity_ids)
    if not k or f.prefix or seg.taken[k - 1] or not joined(tokens, k - 1) \
            or any(lexicon.types.get(e) != "org" for e in ids):
        return None
    key = tuple(word_key(w) for w in f.words)
    # one word says too little about what stands before it (الحشد)
    heads = {long[0] for long in lexicon.endings.get(key, ()) if len(key) >= 2
             and ids & {e.entity_id for e in lexicon.index[long]}}
    if not heads:
        return None
    definite = all(h.startswith("ال") for h in heads)
    org_heads = arabic_names.tables()["org_head"]
    for prefix, stem in proclitic_forms(tokens[k - 1].text):
        word = _fold(stem)
        if word in org_heads and (word_key(stem), *key) not in lexicon.index \
                and (word.startswith("ال") if definite else word in OWN_BODIES):
            return _named(seg, k - 1, len(f.words) + 1, prefix, "org",
                          f"org head '{tokens[k - 1].text}' before a short form", total)
    return None


def person_named(seg: Segment, f: Found, k: int, lexicon: Lexicon, total: int) -> Found | None:
    """A glossary place spelled like a compound given name (صلاح الدين, the province) followed by a given
    or a family name is a man of that name (صلاح الدين الأيوبي، صلاح الدين أحمد), proposed as new; an
    adjective after it (صلاح الدين الغربية) or a place head or a governor before it leaves it the place."""
    tokens, t = seg.tokens, arabic_names.tables()
    j = k + len(f.words)
    if len(f.words) != 2 or _fold(f.words[1]) != arabic_names.DIN or _fold(f.words[0]) not in t["given"] \
            or any(lexicon.types.get(e) != "place" for e in f.entity_ids) \
            or j >= len(tokens) or seg.taken[j] or not joined(tokens, j - 1) \
            or (k and any(_fold(stem) in t["place_head"] or _fold(stem) in t["title_of_place"]
                          for _, stem in proclitic_forms(tokens[k - 1].text))):
        return None  # (عن محافظة صلاح الدين مشعان الجبوري، محافظ صلاح الدين أحمد ...: the province, then the man)
    word = _fold(tokens[j].text)
    if word in t["nationality"] or word in t["describing"] or word in t["not_name"] or definite_participle(word) \
            or not (word in t["given"] or (word.startswith("ال") and name_word(tokens[j], t))):
        return None
    name = _named(seg, k, len(f.words) + 1, f.prefix, "person", f"a name after '{f.stem}'", total)
    name.confidence = CONFIDENCE["title"]
    return name


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
    if word in REGION_DIRECTIONS and all(lexicon.canonical.get(e, "").casefold() in countries() for e in ids) and (
            f.prefix or k == 0 or not joined(seg.tokens, k - 1) or any(
            _fold(stem) in PARTICLES for _, stem in proclitic_forms(seg.tokens[k - 1].text))):
        return "place"  # a country's (أمريكا الجنوبية); a city's is its part (في حلب الغربية: western Aleppo)
    return None


# French: after a place, a part of the world of its own (Amérique latine, Amérique centrale, Amérique du Sud)
REGION_FR = frozenset(("latine", "centrale", "orientale", "occidentale", "septentrionale", "méridionale"))
POINTS_FR = frozenset(("Nord", "Sud"))  # after "du"
# a capitalised point of the compass after a place names its part (Alep-Est, Mossoul Ouest, Kurdistan-Occidental)
PARTS_FR = frozenset(("Est", "Ouest", "Nord", "Sud", "Occidental", "Oriental", "Occidentale", "Orientale"))
# regions split among countries: with a nationality, one country's part (Kurdistan iranien, syrien ...)
SPLIT_REGIONS = frozenset(("kurdistan",))


def french_regions(seg: Segment, found: list[Found], lexicon: Lexicon, index, total: int) -> list[Found]:
    """French glossary places of one word followed by a qualifier that names another region become that
    region's name, proposed as new, unless the glossary's matcher gives the whole to the same entity."""
    tokens = seg.tokens
    start_of = {tok.start: k for k, tok in enumerate(tokens)}
    out = []
    for f in found:
        k = start_of.get(f.start)
        count = _french_region(seg, k) if k is not None and len(f.words) == 1 and f.entries \
            and {lexicon.types.get(e) for e in f.entity_ids} == {"place"} else 0
        if count:
            hits = index.candidates(seg.text[f.start:tokens[k + count - 1].end], "fr")
            if not (hits and hits[0].accepted and hits[0].entity_id in f.entity_ids):
                name = make_found("source", seg, k, count, 0, "fr", "cue", total)
                name.etype, name.confidence = "place", CONFIDENCE["place head"]
                name.cue = f"'{seg.text[tokens[k + 1].start:tokens[k + count - 1].end]}' after a place's name"
                out.append(name)
                continue
        out.append(f)
    regions = [f for f in out if f.cue and f.cue.endswith("after a place's name")]
    return [f for f in out if not any(r is not f and r.start <= f.start and f.end <= r.end for r in regions)]


def _french_region(seg: Segment, k: int) -> int:
    """How many words the region named from the place at ``k`` takes (0: none)."""
    tokens = seg.tokens
    j = k + 1
    if j >= len(tokens) or not tokens[k].joins or seg.taken[j] and tokens[j].text not in PARTS_FR:
        return 0  # (a part's word may have been taken as a capitalised name of its own: Occidental)
    if tokens[j].text in REGION_FR or tokens[j].text in PARTS_FR \
            or (tokens[k].text.casefold() in SPLIT_REGIONS and nationality_word(tokens[j].text)):
        return 2  # (Kurdistan iranien: the Iranian part, not the Kurdistan Region; Kobané syrien is Kobani)
    if tokens[j].text == "du" and j + 1 < len(tokens) and tokens[j].joins and not seg.taken[j + 1] \
            and tokens[j + 1].text in POINTS_FR:
        return 3
    return 0


def french_branches(seg: Segment, found: list[Found], lexicon: Lexicon, index, total: int) -> list[Found]:
    """A French glossary organisation followed by d' / de / du and a glossary country is that party's or
    body's branch there (Parti démocratique du Kurdistan d'Iran: not the Iraqi KDP), one new name over
    all of it, as ``branches`` makes of the Arabic dash and country; not when the place is in one of the
    organisation's own spellings (``index``: the glossary)."""
    from workbench.names.places import countries

    tokens = seg.tokens
    start_of = {tok.start: k for k, tok in enumerate(tokens)}
    by_start = {f.start: f for f in found}
    out, dropped = [], set()
    for f in found:
        k = start_of.get(f.start)
        j = k + len(f.words) if k is not None else None
        place = by_start.get(tokens[j + 1].start) if j is not None and j + 1 < len(tokens) else None
        if place is None or not f.entity_ids or any(lexicon.types.get(e) != "org" for e in f.entity_ids) \
                or tokens[j].text.casefold() not in ("d", "de", "du") or not tokens[j - 1].joins \
                or not tokens[j].joins or not place.entity_ids or len(place.words) != 1 \
                or any(lexicon.canonical.get(e, "").casefold() not in countries() for e in place.entity_ids) \
                or any(place.stem.casefold() in s.casefold() for e in f.entity_ids for s in index.spellings(e, "fr")):
            out.append(f)  # (État islamique d'Irak et du Levant: a spelling of the same name, the place in it)
            continue
        branch = make_found("source", seg, k, len(f.words) + 2, 0, "fr", "cue", total)
        branch.etype, branch.confidence = "org", CONFIDENCE["org head"]
        branch.cue = f"a place after an organisation's name: '{place.stem}'"
        dropped.add(id(place))
        out.append(branch)
    return [f for f in out if id(f) not in dropped]
