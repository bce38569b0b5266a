"""Source-side mentions: glossary spellings (longest match, Arabic proclitics), then names not in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.align import (arabic_names, common_words, head_places, latin_acronyms, longer_names, namesakes,
                             qualified_names, regional_bodies)
from workbench.align.arabic_words import TANWEEN, adjective
from workbench.align.arabic_places import listed_places
from workbench.align.glossary_forms import (family_names, joined_mentions, joined_names, last_words, quoted_mentions,
                                           surname_mentions, with_heads)
from workbench.align.capnames import (ARTICLES, COMMON_ENDINGS, LINKING, LOWER_PLACES, NAME_ADJECTIVES, NAME_HEADS,
                                      SAYING, STOP, VERBS, acronym_phrases, capitalised_names, extend_names,
                                      facility_names, french_lower_names, glued_start, head_kind)
from workbench.names.lookup import Lexicon, is_facility
from workbench.align.spans import Found, Segment, make_found
from workbench.text.tokens import key_of, proclitic_forms, word_key
from workbench.vocabulary import GLOSSARY

GLOSSARY_LANGS = {"ar": ("ar",), "fr": ("fr", "en"), "en": ("en", "fr")}

# optional extra name finder: (text, lang) -> [(start, end)] character spans (a NER model)
NameFinder = Callable[[str, str], list[tuple[int, int]]]
LISTED_CONFIDENCE = 0.9  # a well-known organisation of ``names/data/organisations.tsv``
NER_CONFIDENCE = 0.75  # a name from the Arabic NER model is proposed, never accepted on that alone
FORCES = "قوات"  # "forces of": what follows is the group they belong to
UNSURE_COMMON_NOUN = "a common noun too, described by"  # opens the cue; the linker only suggests the entity
UNSURE_WIDER = "a wider place too:"  # opens the cue of a spelling in ``WIDER_PLACES``; only suggested too
# one-word spellings of a glossary place that name a wider one in other texts (folded): Kurdistan is the
# Kurdistan Region in Iraqi news, greater Kurdistan in Kurdish writing (أجزاء كوردستان الأربعة)
WIDER_PLACES = {"كردستان": "greater Kurdistan", "كوردستان": "greater Kurdistan"}
SECTS = frozenset(("الشيعي", "الشيعيه", "السني", "السنيه"))  # folded: adjectives that describe a group


def glossary_mentions(side: str, seg: Segment, lang: str, langs: tuple[str, ...], lexicon: Lexicon,
                      total: int) -> list[Found]:
    """Longest-leftmost glossary matches over the segment's untaken tokens (a list looked up after the
    glossary never overlaps what it found)."""
    out: list[Found] = []
    i, n = 0, len(seg.tokens)
    opens = lexicon.opens
    tokens, taken = seg.tokens, seg.taken
    stop = [0] * n  # token k -> the first taken token after it (tokens taken here are behind k)
    while i < n:
        if taken[i] or not opens(tokens[i].text):
            i += 1
            continue
        if stop[i] <= i:
            stop[i:] = _untaken_runs(taken, i)
        hit = lexicon.match_at(tokens, i, langs, stop[i])
        if hit is None:
            i += 1
            continue
        if hit.first > i:  # a descriptor left out in front (groupe État islamique): a longer name may start after it
            bare = lexicon.match_at(tokens, hit.first, langs, stop[i])
            if bare is not None and bare.first + bare.count > hit.first + hit.count:
                hit = bare  # (le groupe État islamique en Irak et au Levant)
        found = make_found(side, seg, hit.first, hit.count, hit.prefix, lang, GLOSSARY, total)
        found.entries = hit.entries
        out.append(found)
        i = hit.first + hit.count + hit.trim[1]
    return out


def _untaken_runs(taken: list[bool], first: int) -> list[int]:
    """For each token from ``first``: the index of the first taken token after it (or the end)."""
    out = [0] * (len(taken) - first)
    nxt = len(taken)
    for k in range(len(taken) - 1, first - 1, -1):
        out[k - first] = nxt
        if taken[k]:
            nxt = k
    return out


@dataclass
class Memory:
    """Names found earlier in one article: their later short forms are mentions too (خليل الوحش ...
    اعتقال الوحش; Cadre de coordination ... le Cadre)."""

    words: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded word -> (type, full name)
    firsts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a person's first word -> name words
    pairs: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # an org's first two words
    heads: set[str] = field(default_factory=set)  # French head words that opened a name (cadre)
    head_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # such a head -> (entity, glossary name)
    last_words: set[str] = field(default_factory=set)  # French: last words of names of several words
    # French: a glossary person's family name (its article dropped) -> (entity, name as written)
    families: dict[str, tuple[str, str]] = field(default_factory=dict)
    openings: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # French: long names' words
    # parts of longer organisation names that are another organisation's spelling (``longer_names``)
    within: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    # Arabic: a glossary person's first word -> (entity, name as written), from his full name (``namesakes``)
    given: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Arabic: the last word of a glossary person named in full later in the article -> ("person", name): a
    # headline's bare family name before the full name (بين الشرع وعبدي ... أحمد الشرع ... مظلوم عبدي)
    ahead: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Arabic: word keys of glossary organisations' spellings the article uses for another body of that name
    # (``regional_bodies``: an Iraqi body in the Kurdistan Region, a party's branch): each mention is that body
    regional: frozenset[tuple[str, ...]] = frozenset()
    # Arabic: word keys of glossary words the article uses as common words (``common_words``: القاعدة, a base)
    common: frozenset[tuple[str, ...]] = frozenset()


@dataclass
class Ahead:
    """What an article says further on, for the pairs before (``Memory.ahead``, ``Memory.within``,
    ``Memory.regional``, ``Memory.common`` and ``Memory.last_words`` to start from): ``people_ahead``,
    ``orgs_ahead``, ``last_words_ahead`` and the ``in_article`` of ``regional_bodies`` and ``common_words`` in
    a whole run, or ``reread.named_ahead`` of its stored mentions and the article's text."""

    people: dict[str, tuple[str, str]] = field(default_factory=dict)
    parts: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    regional: frozenset[tuple[str, ...]] | None = None  # ``regional_bodies.in_article`` (None: not read yet)
    common: frozenset[tuple[str, ...]] | None = None  # ``common_words.in_article`` (None: not read yet)
    last_words: frozenset[str] = frozenset()  # French: ``last_words_ahead``

    def memory(self) -> Memory:
        """A fresh memory for the article that knows these names."""
        return Memory(within=dict(self.parts), ahead=dict(self.people), regional=self.regional or frozenset(),
                      common=self.common or frozenset(), last_words=set(self.last_words))


def detect(seg: Segment, lang: str, lexicon: Lexicon, total: int,
           finder: NameFinder | None = None, index=None, memory: Memory | None = None) -> list[Found]:
    """Mentions in one source segment: glossary first (grown to the longer names they are part of,
    when the glossary ``index`` is given), then NER spans or capitalised names, Arabic cues and places;
    ``memory`` carries the names of the article's earlier segments and learns this one's."""
    found = glossary_mentions("source", seg, lang, GLOSSARY_LANGS[lang], lexicon, total)
    if lang == "ar":
        found = with_heads(seg, found, lexicon, total) + quoted_mentions(seg, total, lexicon)
        found += latin_acronyms.mentions(seg, lexicon, total)
        found = sorted(found + joined_mentions(seg, total, joined_names(lexicon)), key=lambda f: f.start)
    if index is not None and found:
        found = grow(seg, found, lang, index, total)
    if lang in ("fr", "en"):
        if lang == "fr" and memory is not None:
            learn_heads(found, memory)
            memory.last_words |= last_words_ahead(found, lexicon)
        others = other_names("source", seg, lang, total, finder, memory)
        # a glossary name inside a longer name is part of it (Agence antiterroriste du Kurdistan)
        found = [f for f in found if not any(o.start <= f.start and f.end <= o.end for o in others)]
        found = outlet_names(seg, sorted(found + others, key=lambda f: f.start), lexicon, lang, total)
        found = listed_organisations(seg, found, total, lang)  # over the capitals they cut (Quai, Orsay; Casques)
        if lang == "fr" and index is not None:
            found = qualified_names.french_regions(seg, french_tails(seg, found, index, total), lexicon, index, total)
            found = qualified_names.french_branches(seg, found, lexicon, index, total)
            found = surname_pairs(seg, found, index, total)
            found = given_before_surname(seg, found, index, total)
        if lang == "fr" and memory is not None:
            found += short_forms(seg, total, memory)
            head_short_forms(found, memory)
            family_short_forms(found, memory, lexicon)
            learn_openings(found, memory)
    elif lang == "ar":
        if memory is not None:
            found = common_words.drop(found, memory.common, lexicon)
            regional_bodies.mark(seg, found, memory.regional, lexicon)
        found = qualified_names.beside(seg, context_guard(seg, found, lexicon), lexicon, total)
        namesakes.other_person(found, memory, lexicon, index)  # علي الكاظمي ... الكاظمي: not the glossary's
        found = listed_organisations(seg, found, total)  # before the cues: هيومن رايتس ووتش whole, not منظمة هيومن
        # a glossary person's last word after "the forces of" before the cues take the head (قوات الأسد)
        found += surname_mentions(seg, total, {}, last_words(lexicon))
        cued = arabic_cued_names(seg, total, memory, *known_tokens(seg, found, lexicon))
        # a glossary place after a generic head stays the place (ما يسمى «ولاية كركوك», «موقع الموصل»); the
        # place list decides whether a head is in a name (مطار السليمانية, مخيم مخمور: no; مدينة الصدر: yes)
        cued = head_places.heads_by_place_list(seg, head_places.place_kept(seg, cued, found, lexicon), total)
        # a glossary name inside a quoted name is part of it («مجلس دير الزور العسكري»)
        found = [f for f in found if not any(c.start <= f.start and f.end <= c.end for c in cued)]
        found += cued + surname_mentions(seg, total, family_names(lexicon), last_words(lexicon))
        found += gazetteer_places(seg, total)
        found += list_places(seg, found, lexicon, total)
        if finder is not None:  # camel-tools' NER, when the user installed it (align.arabic_ner)
            found += arabic_ner_names(seg, total, finder)
        if memory is not None:
            found += remembered(seg, total, memory)
            namesakes.new_peoples_short_forms(found, memory, index)  # محمد البغدادي ... البغدادي: not the glossary's
            found += namesakes.quoted_given_names(seg, total, memory)
            learn(found, memory, lexicon)
    if lang in ("ar", "fr"):
        longer_names.mark(seg, found, memory.within if memory is not None else {}, lexicon)
        if memory is not None:
            longer_names.learn(found, memory.within, lexicon)
    return sorted(found, key=lambda f: f.start)


def short_forms(seg: Segment, total: int, memory: Memory) -> list[Found]:
    """The first two words of an organisation's name found earlier in the article, in lower case and
    nothing after them: the name cut short (Forces démocratiques syriennes ... des forces démocratiques
    comprenant ...)."""
    out: list[Found] = []
    tokens, taken = seg.tokens, seg.taken
    for k in range(len(tokens) - 1):
        if taken[k] or taken[k + 1] or not tokens[k].joins or not tokens[k].text.islower():
            continue
        name = memory.openings.get((tokens[k].text, tokens[k + 1].text.casefold()))
        after = tokens[k + 2].text if k + 2 < len(tokens) and tokens[k + 1].joins else ""
        if name is None or after == name[2] or after in ("de", "du", "des", "d"):
            continue  # the whole name, or another one (le conseil démocratique de la ville)
        found = make_found("source", seg, k, 2, 0, "fr", "cue", total)
        found.etype, found.cue = "org", f"{namesakes.EARLIER} '{' '.join(name)}'"
        out.append(found)
    return out


def learn_heads(found: list[Found], memory: Memory) -> None:
    """The head word opening a French glossary name of several words (Observatoire syrien des droits de
    l'homme): alone later in the article it is a name, as after a name the capitalised runs found, and
    that entity's (when the name is one entity's spelling)."""
    for f in found:
        if f.entries and opens_with_head(f.words):
            head = f.words[0].casefold()
            memory.heads.add(head)
            if len(set(f.entity_ids)) == 1:
                memory.head_names.setdefault(head, (f.entity_ids[0], f.stem))


def opens_with_head(words) -> bool:
    """A French name of several words opened by a singular head (Cadre de coordination, Conseil militaire
    de Manbij): the memory learns its head."""
    return len(words) > 1 and words[0].casefold() in NAME_HEADS and not words[0].casefold().endswith(("s", "x"))


def head_short_forms(found: list[Found], memory: Memory) -> None:
    """A lone head word met after the glossary name it opened (le Cadre after le Cadre de coordination) is
    suggested as that name's entity: ``Found.within``, evidence the linker weighs below acceptance."""
    for f in found:
        if not f.entries and f.within is None and len(f.words) == 1:
            hit = memory.head_names.get(f.words[0].casefold())
            if hit is not None:
                f.within = hit


def family_short_forms(found: list[Found], memory: Memory, lexicon: Lexicon) -> None:
    """A lone capitalised word that is the family name of a glossary person the article named in full
    (M. Fayyadh after Faleh al-Fayyadh) is that person, suggested (``Found.within``); the memory learns
    this segment's glossary people first."""
    for f in found:
        ids = set(f.entity_ids)
        if f.entries and len(f.words) >= 2 and len(ids) == 1 and lexicon.types.get(f.entity_ids[0]) == "person":
            memory.families.setdefault(_family_key(f.words[-1]), (f.entity_ids[0], f.stem))
    for f in found:
        if not f.entries and f.within is None and len(f.words) == 1 and f.detector == "caps":
            hit = memory.families.get(_family_key(f.words[0]))
            if hit is not None:
                f.within, f.etype = hit, "person"


def _family_key(word: str) -> str:
    from workbench.names.normalize import normalize

    return normalize(word, "fr")  # al-Fayyadh and Fayyadh alike


def learn_openings(found: list[Found], memory: Memory) -> None:
    """Remember the French names of three words or more that a head and its adjective open
    (Forces démocratiques syriennes; not Unités de protection ...)."""
    for f in found:
        if opens_long_name(f.words):
            memory.openings.setdefault((f.words[0].casefold(), f.words[1]), f.words)


def opens_long_name(words) -> bool:
    """A French name of three words or more that a head and its adjective open (Forces démocratiques
    syriennes; not Unités de protection ...): the memory learns its opening."""
    return len(words) >= 3 and words[0].casefold() in NAME_HEADS and words[1].islower() and words[1] not in LINKING


def known_tokens(seg: Segment, found: list[Found], lexicon: Lexicon) -> tuple[set[int], frozenset[int], frozenset[int]]:
    """The tokens of glossary mentions that name places only (an organisation's name may hold them),
    of one-word family names of glossary people (another person's name may end on them), and of
    glossary people (a title before them names them, not a name after them)."""
    start_of = {tok.start: k for k, tok in enumerate(seg.tokens)}
    places: set[int] = set()
    surnames: set[int] = set()
    people: set[int] = set()
    for f in found:
        k = start_of.get(f.start)
        types = {lexicon.types.get(e) for e in f.entity_ids}
        if k is None or not types:
            continue
        if types == {"place"}:
            places.update(range(k, k + len(f.words)))
        elif types == {"person"}:
            people.update(range(k, k + len(f.words)))
            if len(f.words) == 1 and not f.prefix and f.stem.startswith("ال"):
                surnames.add(k)
    return places, frozenset(surnames), frozenset(people)


def context_guard(seg: Segment, found: list[Found], lexicon: Lexicon) -> list[Found]:
    """Glossary names whose context contradicts their entity's kind become new names: a facility after
    a place head is the place (حي غويران: the neighbourhood, not Ghwayran prison); a one-word place
    that speaks is a person (وقال كوباني، في تصريح: not the town). A spelling with the accusative
    ending (تركياً) is an adverb and one followed by a nationality a common noun: no mention."""
    tokens = seg.tokens
    start_of = {tok.start: k for k, tok in enumerate(tokens)}
    t = arabic_names.tables()
    tanween = TANWEEN  # تركياً (Turkish-, by Turkey) is an adverb, not the country
    words = [f for f in found if f.surface.endswith((tanween, tanween + "ا")) or _common_noun(seg, f, start_of, t)
             or _outlet_number(seg, f, start_of, lexicon, t)]
    for f in words:
        seg.taken[start_of[f.start]:start_of[f.start] + len(f.words)] = [False] * len(f.words)
    # (an adjective stays taken: no list of places finds the town in it again)
    adjectives = [f for f in found if _participle_place(seg, f, start_of, lexicon, t)
                  or _nisba_place(seg, f, start_of, lexicon)]
    found = [f for f in found if f not in words and f not in adjectives]
    for f in found:
        if _described_common_noun(seg, f, start_of, t, lexicon):
            f.cue = f"{UNSURE_COMMON_NOUN} '{seg.tokens[start_of[f.start] + 1].text}'"
        elif len(f.words) == 1 and arabic_names.fold(f.stem) in WIDER_PLACES:
            f.cue = f"{UNSURE_WIDER} {WIDER_PLACES[arabic_names.fold(f.stem)]}"
    for f in found:
        k = start_of.get(f.start)
        ids = f.entity_ids
        if not k or not ids or not tokens[k - 1].joins:
            continue
        before = {arabic_names.fold(stem) for _, stem in proclitic_forms(tokens[k - 1].text)}
        if before & t["place_head"] and all(is_facility(lexicon.canonical.get(e)) for e in ids):
            f.etype, f.cue = "place", f"place head '{tokens[k - 1].text}'"
        elif before & t["speech"] and len(f.words) == 1 and _clause_ends(seg, f.end) \
                and all(lexicon.types.get(e) == "place" for e in ids):
            f.etype, f.cue = "person", f"speaks after '{tokens[k - 1].text}'"
        else:
            continue
        f.entries, f.detector = [], "cue"
        f.confidence = arabic_names.CONFIDENCE["title"]
    return found


def _common_noun(seg: Segment, f: Found, start_of: dict[int, int], t: dict) -> bool:
    """A one-word glossary spelling with the article followed by a nationality is the common noun it
    also is (القاعدة التركية: a base), unless forces are said to be it (قوات البيشمركة الكردية)."""
    k = start_of.get(f.start)
    nxt = k + 1 if k is not None else len(seg.tokens)
    forces = bool(k) and seg.tokens[k - 1].joins and any(
        arabic_names.fold(stem) == FORCES for _, stem in proclitic_forms(seg.tokens[k - 1].text))
    return len(f.words) == 1 and f.stem.startswith("ال") and nxt < len(seg.tokens) and seg.tokens[k].joins \
        and arabic_names.fold(seg.tokens[nxt].text) in t["nationality"] and not forces


def _participle_place(seg: Segment, f: Found, start_of: dict[int, int], lexicon: Lexicon, t: dict) -> bool:
    """A one-word glossary place spelled like a definite active participle (القائم, al-Qaim; فاعل) that
    agrees with the definite noun before it (الوضع القائم, the existing situation) or opens a clause after a
    comma (المنزل، القائم في ...: located in) is that adjective, not the town."""
    k = start_of.get(f.start)
    stem = arabic_names.fold(f.stem)
    if k is None or f.prefix or len(f.words) != 1 or not stem.startswith("ال") or len(stem) != 6 or stem[3] != "ا" \
            or not f.entity_ids or any(lexicon.types.get(e) != "place" for e in f.entity_ids) or not k:
        return False
    gap = seg.text[seg.tokens[k - 1].end:seg.tokens[k].start].strip()
    before = [stem for _, stem in proclitic_forms(seg.tokens[k - 1].text)]
    if gap in ("،", ","):
        return k + 1 < len(seg.tokens) and arabic_names.fold(seg.tokens[k + 1].text) in t["closing"]
    return not gap and any(arabic_names.fold(b).startswith("ال") or arabic_names.fold(b).endswith(("هم", "ها", "ه"))
                           for b in before) and not any(arabic_names.fold(b) in t["place_head"]
                                                        or arabic_names.fold(b) in t["facility_head"] for b in before)


# the country's feminine nisba (سورية, Syrian) after a noun it may describe: a feminine singular, a plural in
# ات or one of these broken plurals (مصادر سورية، ليرة سورية، مناطق سورية)
_NISBA_PLACES = frozenset(map(arabic_names.fold, ("سورية", "سوريه")))
_BROKEN_PLURALS = frozenset(map(arabic_names.fold, """مصادر مناطق قبائل عشائر فصائل أراض أراضي مدن قرى أطراف وسائل
مواقع أخبار شخصيات جهات أوساط دوائر""".split()))


def _nisba_place(seg: Segment, f: Found, start_of: dict[int, int], lexicon: Lexicon) -> bool:
    """A glossary country spelled like its feminine nisba (سورية) right after a noun that such an
    adjective describes (مصادر سورية, Syrian sources; ليرة سورية) is the adjective, not the country (after a
    preposition, a direction or a verb it is the country: في سورية، شمال شرقي سورية، يهدد سورية)."""
    k = start_of.get(f.start)
    if not k or f.prefix or len(f.words) != 1 or arabic_names.fold(f.stem) not in _NISBA_PLACES \
            or not seg.tokens[k - 1].joins or seg.taken[k - 1]:
        return False
    before = arabic_names.fold(seg.tokens[k - 1].text)
    bare = before[1:] if before[:1] == "و" and len(before) > 4 else before
    return not bare.startswith("ال") and len(bare) >= 4 and (
        bare in _BROKEN_PLURALS or bare.endswith("ات") or bare.endswith("ه") and not bare.startswith(("ي", "ت")))


def _outlet_number(seg: Segment, f: Found, start_of: dict[int, int], lexicon: Lexicon, t: dict) -> bool:
    """A glossary place followed by an outlet's number names the outlet (كوردستان 24، السويداء 24), not the
    place (a count after it, حلب 83, leaves it the place)."""
    k = start_of.get(f.start)
    j = k + len(f.words) if k is not None else len(seg.tokens)
    return j < len(seg.tokens) and seg.tokens[j - 1].joins and seg.tokens[j].text.isdigit() \
        and seg.tokens[j].text in t["outlet_end"] and arabic_names.outlet_context(seg.tokens, k, seg.text, t) \
        and bool(f.entity_ids) and all(lexicon.types.get(e) == "place" for e in f.entity_ids)


def _described_common_noun(seg: Segment, f: Found, start_of: dict[int, int], t: dict, lexicon: Lexicon) -> bool:
    """A one-word organisation spelling with the article that a definite adjective describes may be the
    common noun it also is (القاعدة الجوية: the air base, not al-Qaeda; الحشد العسكري: a build-up): the
    link is only suggested (a nationality after it is ``_common_noun``, no mention at all)."""
    k = start_of.get(f.start)
    ids = set(f.entity_ids)
    if k is None or len(f.words) != 1 or not f.stem.startswith("ال") or not ids \
            or any(lexicon.types.get(e) != "org" for e in ids) or k + 1 >= len(seg.tokens) or not seg.tokens[k].joins:
        return False
    word = arabic_names.fold(seg.tokens[k + 1].text)
    if k and seg.tokens[k - 1].joins and any(arabic_names.fold(stem) in t["facility_head"]
                                             for _, stem in proclitic_forms(seg.tokens[k - 1].text)):
        return False  # مستشفى الحشد الميداني: the adjective describes the facility
    return word.startswith("ال") and (adjective(word) or word in t["describing"]) \
        and word not in t["nationality"] and word not in SECTS  # النجباء الشيعية: a group, described


def _clause_ends(seg: Segment, end: int) -> bool:
    """A comma or إن / أن follows: the subject of a verb of saying ends there."""
    rest = seg.text[end:end + 4].lstrip()
    return rest[:1] in ("،", ",") or rest[:2] in ("إن", "أن", "ان")


def remembered(seg: Segment, total: int, memory: Memory) -> list[Found]:
    """Untaken words that are a short form of a name found earlier in the article: the end of a
    person's name (خلف المختار after علي خلف المختار), a family name, an organisation's first two words,
    a word of a person's name after a verb of saying (وأضاف رفعت after رفعت سمو)."""
    out: list[Found] = []
    tokens, taken = seg.tokens, seg.taken
    speech = arabic_names.tables()["speech"]
    for k, token in enumerate(tokens):
        if taken[k]:
            continue
        for prefix, stem in proclitic_forms(token.text):
            key = arabic_names.fold(stem)
            hit, count = _name_end(tokens, taken, k, key, memory), 2
            if hit is None:
                hit, count = memory.words.get(key), 1
            note = namesakes.EARLIER
            if hit is None and key in memory.ahead:
                hit, note = memory.ahead[key], namesakes.LATER
            if hit is None and k + 1 < len(tokens) and token.joins and not taken[k + 1]:
                hit, count = memory.pairs.get((key, arabic_names.fold(tokens[k + 1].text))), 2
            if hit is None and k and tokens[k - 1].joins and {
                    arabic_names.fold(s) for _, s in proclitic_forms(tokens[k - 1].text)} & speech:
                name = next((w for w in memory.firsts.values() if key in w), None)
                hit, count = (("person", " ".join(name)), 1) if name else (None, 1)
            if hit is not None:
                found = make_found("source", seg, k, count, prefix, "ar", "cue", total)
                found.etype, found.confidence = hit[0], arabic_names.CONFIDENCE["title"]
                found.cue = f"{note} '{hit[1]}'"
                out.append(found)
                break
    return out


def _name_end(tokens: list, taken: list[bool], k: int, key: str, memory: Memory) -> tuple[str, str] | None:
    """A person found earlier whose name ends with the two words at ``k`` (its first word left out)."""
    if k + 1 >= len(tokens) or not tokens[k].joins or taken[k + 1]:
        return None
    pair = (key, arabic_names.fold(tokens[k + 1].text))
    for words in memory.firsts.values():
        if len(words) >= 3 and words[-2:] == pair:
            return "person", " ".join(words)
    return None


def people_ahead(found: list[Found], lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    """``Memory.ahead`` from an article's Arabic mentions in order: the last word of each glossary person
    named in full (two words or more), with the name as first written."""
    out: dict[str, tuple[str, str]] = {}
    for f in found:
        if f.lang == "ar" and f.side == "source" and f.entries and len(f.words) >= 2 \
                and all(lexicon.types.get(e) == "person" for e in f.entity_ids):
            out.setdefault(arabic_names.fold(f.words[-1]), ("person", f.stem))
    return out


def orgs_ahead(found: list[Found], lexicon: Lexicon) -> dict[tuple[str, ...], tuple[str, str]]:
    """``Memory.within`` from an article's mentions in order: the parts of its longer organisation names
    that are another organisation's spelling (كتائب حزب الله: حزب الله), for the pairs before the longer
    name (a headline's “حزب الله” in an article about the Kataib)."""
    parts: dict[tuple[str, ...], tuple[str, str]] = {}
    longer_names.learn([f for f in found if f.side == "source"], parts, lexicon)
    return parts


def part_before(found: list[Found], parts: dict[tuple[str, ...], tuple[str, str]], lexicon: Lexicon) -> bool:
    """Whether a mention is an organisation's spelling that ``parts`` gives to the longer name (one
    before the longer name: those after it were marked as they were found)."""
    return any(f.side == "source" and f.within is None and f.entries
               and all(lexicon.types.get(e) == "org" for e in f.entity_ids)
               and (hit := parts.get(tuple(word_key(w) for w in f.words))) is not None and hit[0] not in f.entity_ids
               for f in found)


def said_before(groups: list, found: list[Found], ahead: dict[str, tuple[str, str]]) -> bool:
    """Whether a word of ``ahead`` may stand in a pair before the one that names its person in full
    (``groups``: the article's pairs, ``found``: their mentions); a word inside another counts too (the
    check may say yes for nothing, never no for something)."""
    first: dict[str, int] = {}
    pair_of = {sid: k for k, (sources, _) in enumerate(groups) for sid, _ in sources}
    for f in found:
        key = arabic_names.fold(f.words[-1]) if f.words else ""
        if key in ahead and ahead[key][1] == f.stem and f.segment_id in pair_of:
            first.setdefault(key, pair_of[f.segment_id])
    for k in range(max(first.values(), default=0)):
        text = arabic_names.fold(" ".join(text for _, text in groups[k][0]))
        if any(k < at and key in text for key, at in first.items()):
            return True
    return False


def learn(found: list[Found], memory: Memory, lexicon: Lexicon) -> None:
    """Remember the new names of a segment: a person's family name and rare first word, an
    organisation's head and first word, a one-word name as it is; the last word of a glossary person's
    name; and the colloquial short form of a two-word glossary place, its first word with the article
    (دير الزور ... الدير, للدير)."""
    t = arabic_names.tables()
    given, heads = t["given"], t["facility_head"] | t["place_head"]
    for f in found:
        first = arabic_names.fold(f.words[0])
        if f.entries and len(f.words) == 2 and not first.startswith("ال") and first not in heads \
                and all(lexicon.types.get(e) == "place" for e in f.entity_ids):
            memory.words.setdefault("ال" + first, ("place", f.stem))  # not السجن after سجن غويران
        if f.entries and len(f.words) >= 2 and all(lexicon.types.get(e) == "person" for e in f.entity_ids):
            # a glossary person's last word, even a common noun: بوزير الصدر after مقتدى الصدر
            memory.words.setdefault(arabic_names.fold(f.words[-1]), ("person", f.stem))
            if len(set(f.entity_ids)) == 1:  # his first word, quoted alone later (“مظلوم”)
                memory.given.setdefault(first, (f.entity_ids[0], f.stem))
        if f.detector != "cue" or f.cue.startswith((namesakes.EARLIER, namesakes.LATER)):
            continue
        words = tuple(arabic_names.fold(w) for w in f.words)
        if len(words) == 1:
            memory.words.setdefault(words[0], (f.etype or "org", f.stem))
        elif f.etype == "person":
            if len(words[-1]) >= 4 and words[-1] not in given:
                memory.words.setdefault(words[-1], ("person", f.stem))
            memory.firsts.setdefault(words[0], words)
        elif f.etype == "org":
            memory.pairs.setdefault(words[:2], ("org", f.stem))


GROWN_MIN = 0.9  # the matcher's score for the longer name (and it must accept it)
GROWN_SAME = 0.8  # the matcher's score for a name qualified by its country (Kurdistan d'Irak): same entity


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
                if hits and _grows(hits[0], f, seg, first, a, prefix):
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


def _grows(hit, f: Found, seg: Segment, first: int, a: int, prefix: int) -> bool:
    """Whether the matcher's best entity for the longer span (from token ``a``) makes it one name:
    accepted, and for the same entity not by a descriptor or a title alone (قوات التحالف الدولي stays
    التحالف الدولي; اللواء خليل الجبوري stays خليل الجبوري: the matcher ignores the title, the name does
    not hold it)."""
    if not (hit.accepted and hit.score >= GROWN_MIN):
        return False
    if hit.entity_id not in f.entity_ids:
        return True
    from workbench.names.lookup import FRONT_WORDS
    from workbench.names.normalize import normalize
    from workbench.names.titles import TITLES
    from workbench.text.tokens import stem_surface, word_key

    if a == first:
        return True
    word = stem_surface(seg.tokens[a].text, prefix)
    return word_key(word) not in FRONT_WORDS and normalize(word, f.lang) not in TITLES


def _extensions(seg: Segment, first: int, last: int, prefix: int, lang: str):
    """Longer token spans around a glossary match that could be one name, longest first."""
    tokens, taken = seg.tokens, seg.taken
    n = len(tokens)
    can_left = first > 0 and not taken[first - 1] and tokens[first - 1].joins \
        and _left_ok(tokens[first - 1].text, lang, _hyphen_after(seg, first - 1)) is not None
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
            grown_prefix = prefix if left == 0 else _left_ok(tokens[a].text, lang, _hyphen_after(seg, a))
            if grown_prefix is None or not all(_right_ok(tokens[k].text, lang) for k in range(last + 1, b + 1)):
                continue
            options.append((b - a, a, b, grown_prefix))
    return [(a, b, p) for _, a, b, p in sorted(options, key=lambda o: -o[0])]


def _hyphen_after(seg: Segment, k: int) -> bool:
    return seg.text[seg.tokens[k].end:seg.tokens[k].end + 1] in ("-", "‐", "‑")


def _left_ok(word: str, lang: str, hyphen: bool = False) -> int | None:
    """The proclitic length under which a word may open a longer name (None: it may not); a
    descriptor (تنظيم داعش, province de Ninive) stays outside the name; an Arabic article joined by a
    hyphen opens it (al-Hassakeh)."""
    from workbench.names.lookup import DESCRIPTORS
    from workbench.text.tokens import word_key

    if word_key(word) in DESCRIPTORS:
        return None
    if lang == "ar":
        heads = arabic_names.tables()["org_head"]
        for prefix, stem in proclitic_forms(word):
            if arabic_names.fold(stem) in heads:
                return prefix
        return None
    if hyphen and word.casefold() in ARTICLES:
        return 0
    return 0 if word[:1].isupper() and word.casefold() not in STOP else None


def _right_ok(word: str, lang: str) -> bool:
    if lang == "ar":
        return word.startswith("ال") and len(word) > 3
    return word[:1].isupper() and word.casefold() not in STOP


FACILITY_HEADS_FR = {"prison", "camp", "aéroport", "base"}


def french_tails(seg: Segment, found: list[Found], index, total: int) -> list[Found]:
    """French names longer than what was found: a facility head before a facility's own name (a
    glossary facility: prison Ghwayran; a name with the Arabic article: prison d'al-Sina'a; not la
    prison de Hassaké: the city) when the matcher accepts the whole for a facility; a glossary organisation followed by an adjective of its own name
    (Armée syrienne libre is not the Syrian army: a new name); a glossary name qualified by the
    country it is in (Kurdistan d'Irak), when the matcher still finds its entity in the whole."""
    from workbench.align.capnames import LINKING

    tokens = seg.tokens
    start_of = {t.start: k for k, t in enumerate(tokens)}
    end_of = {t.end: k for k, t in enumerate(tokens)}
    out: list[Found] = []
    by_start = {f.start: f for f in found}
    merged: set[int] = set()
    for f in found:
        first, last = start_of.get(f.start), end_of.get(f.end)
        if id(f) in merged:
            continue
        if first is None or last is None:
            out.append(f)
            continue
        chain = _qualifiers(seg, last, by_start, end_of) if f.entries else []
        whole = None
        for m in range(len(chain), 0, -1):  # the longest qualified name the matcher still gives the entity
            hits = index.candidates(seg.text[f.start:chain[m - 1].end], "fr")
            if hits and hits[0].entity_id in f.entity_ids and hits[0].score >= GROWN_SAME \
                    and len(key_of(hits[0].variant)) > len(key_of(f.stem)):  # a spelling with the place in it
                merged.update(id(c) for c in chain[:m])
                whole = make_found("source", seg, first, end_of[chain[m - 1].end] - first + 1, 0, "fr", GLOSSARY, total)
                whole.entries = f.entries
                break
        if whole is not None:
            out.append(whole)
            continue
        a = first - 1
        if a > 0 and tokens[a].text.casefold() in LINKING and tokens[a - 1].joins:
            a -= 1
        if a >= 0 and tokens[a].joins and tokens[a].text.casefold() in FACILITY_HEADS_FR and not seg.taken[a] \
                and (f.entries or tokens[first].text.casefold() in ARTICLES):
            hits = index.candidates(seg.text[tokens[a].start:f.end], "fr")
            eid = hits[0].entity_id if hits else None
            if hits and hits[0].accepted and hits[0].score >= GROWN_MIN and index.lookup.types.get(eid) == "place" \
                    and is_facility(index.lookup.canonical.get(eid)):
                out.append(make_found("source", seg, a, last - a + 1, 0, "fr", "grown", total))
                continue
        nxt = last + 1
        anti = _anti_adjective(seg, nxt) if f.entries and tokens[last].joins else 0
        if anti and all(lexicon_type == "org" for lexicon_type in
                        (index.lookup.types.get(e) for e in f.entity_ids)):
            inner = by_start.get(tokens[nxt + 1].start) if anti == 2 else None
            if inner is not None:
                merged.add(id(inner))
            grown = make_found("source", seg, first, nxt - first + anti, 0, "fr", GLOSSARY, total)
            grown.entries = f.entries  # la coalition internationale antidjihadiste: the same coalition
            out.append(grown)
            continue
        # the adjective may have been found alone by its capital (Armée Syrienne Libre): it joins the name
        alone = by_start.get(tokens[nxt].start) if nxt < len(tokens) and seg.taken[nxt] else None
        if f.entries and tokens[first].text.casefold() in NAME_HEADS and nxt < len(tokens) \
                and tokens[last].joins and tokens[nxt].text.casefold() in NAME_ADJECTIVES \
                and (not seg.taken[nxt] or alone is not None and not alone.entries and len(alone.words) == 1):
            hits = index.candidates(seg.text[f.start:tokens[nxt].end], "fr")
            if not (hits and hits[0].accepted and hits[0].entity_id in f.entity_ids):
                if alone is not None:
                    merged.add(id(alone))
                out.append(make_found("source", seg, first, nxt - first + 1, 0, "fr", "caps", total))
                continue
        out.append(f)
    return sorted(out, key=lambda x: x.start)


def _anti_adjective(seg: Segment, k: int) -> int:
    """How many tokens from ``k`` make an untaken "anti-" adjective after an organisation's name
    (antidjihadiste, antiterroristes, anti-EI, anti-Daech): 0, 1 or 2."""
    tokens = seg.tokens
    if k >= len(tokens) or seg.taken[k] or not tokens[k].text.casefold().startswith("anti"):
        return 0
    if tokens[k].text.casefold() == "anti":
        joined = k + 1 < len(tokens) and seg.text[tokens[k].end:tokens[k + 1].start] == "-"
        return 2 if joined else 0  # (anti-EI: the acronym a glossary name too, taken into the adjective)
    return 1 if tokens[k].text.islower() else 0


SURNAME_MIN = 0.8  # the matcher's score for a glossary person's family name alone (Maliki: 0.84)


def surname_pairs(seg: Segment, found: list[Found], index, total: int) -> list[Found]:
    """Two family names joined by a hyphen are two people (le bloc Maliki-Ameri, l'axe Sadr-Hakim):
    a capitalised pair the matcher does not accept whole, each of whose words it takes for a different
    glossary person."""
    tokens = seg.tokens
    start_of = {t.start: k for k, t in enumerate(tokens)}
    out: list[Found] = []
    for f in found:
        k = start_of.get(f.start)
        if f.detector != "caps" or k is None or len(f.words) != 2 or seg.text[tokens[k].end:tokens[k + 1].start] != "-":
            out.append(f)
            continue
        whole = index.candidates(f.stem, "fr")
        parts = [index.candidates(tokens[j].text, "fr") for j in (k, k + 1)]
        best = [p[0] for p in parts if p and p[0].score >= SURNAME_MIN
                and index.lookup.types.get(p[0].entity_id) == "person"]
        if (whole and whole[0].accepted) or len(best) != 2 or best[0].entity_id == best[1].entity_id:
            out.append(f)
            continue
        out += [make_found("source", seg, j, 1, 0, "fr", "caps", total) for j in (k, k + 1)]
    return out


def given_before_surname(seg: Segment, found: list[Found], index, total: int) -> list[Found]:
    """A capitalised word right before a glossary person's name, when it is the first word of one of
    his spellings, is his given name: one mention of him (Recep Erdogan, not Recep and Erdogan)."""
    tokens = seg.tokens
    start_of = {t.start: k for k, t in enumerate(tokens)}
    out: list[Found] = []
    for f in sorted(found, key=lambda f: f.start):
        given = out[-1] if out else None
        ids = set(f.entity_ids)
        person = ids.pop() if len(ids) == 1 else None
        if given is not None and person is not None and given.detector == "caps" and len(given.words) == 1 \
                and given.start in start_of and seg.text[given.end:f.start] == " " \
                and index.lookup.types.get(person) == "person" \
                and any(spelling.split()[0].casefold() == given.words[0].casefold()
                        for spelling in index.spellings(person, "fr") if " " in spelling):
            name = make_found("source", seg, start_of[given.start], len(f.words) + 1, 0, "fr", "glossary", total)
            name.entries = f.entries
            out[-1] = name
            continue
        out.append(f)
    return out


QUALIFIERS = {"de", "d", "du", "des", "en", "au", "aux"}  # before a place that qualifies a name


def _qualifiers(seg: Segment, last: int, by_start: dict, end_of: dict) -> list[Found]:
    """Glossary names that follow token ``last`` as its qualifiers: d'Irak, en Irak et en Syrie."""
    tokens, chain, k = seg.tokens, [], last
    while k + 2 < len(tokens) and tokens[k].joins:
        j = k + 1
        if chain and tokens[j].text.casefold() == "et" and tokens[j].joins:
            j += 1
        linking = 0
        while j < len(tokens) and linking < 2 and tokens[j].text.casefold() in QUALIFIERS and tokens[j].joins:
            j, linking = j + 1, linking + 1
        after = by_start.get(tokens[j].start) if linking and j < len(tokens) else None
        if after is None or not after.entries or after.end not in end_of:
            break
        chain.append(after)
        k = end_of[after.end]
    return chain


def list_places(seg: Segment, found: list[Found], lexicon: Lexicon, total: int) -> list[Found]:
    """Unknown items of a list of known places (glossary, cue or GeoNames places) are places too."""
    start_of = {tok.start: k for k, tok in enumerate(seg.tokens)}
    places = {start_of[f.start]: len(f.words) for f in found if f.start in start_of and (
        f.etype == "place" or (f.entity_ids and all(lexicon.types.get(e) == "place" for e in f.entity_ids)))}
    out = []
    for cue in listed_places(seg.tokens, seg.taken, places, arabic_names.tables()):
        f = make_found("source", seg, cue.first, cue.count, cue.prefix, "ar", "cue", total)
        f.etype, f.confidence, f.cue = "place", cue.confidence, f"list of places after '{cue.word}'"
        out.append(f)
    return out


def gazetteer_places(seg: Segment, total: int) -> list[Found]:
    """Arabic place names from the GeoNames list and the town list (after the glossary: only what it left
    untaken)."""
    from workbench.names.places import place_lookup, place_source

    out = []
    for found in glossary_mentions("source", seg, "ar", ("ar",), place_lookup("ar"), total):
        if _pronoun_ending(found):
            k = next(k for k, tok in enumerate(seg.tokens) if tok.start == found.start)
            seg.taken[k] = False  # the word is free for the other rules
            continue
        out.append(found)
    for found in out:
        found.detector, found.etype, found.confidence = "gazetteer", "place", head_places.GAZETTEER_CONFIDENCE
        found.place = found.entries[0].entity_id
        found.cue = f"listed place ({place_source(found.place)})"
        found.entries = []  # not glossary evidence: the linker treats it as a name to propose
    return out


def listed_organisations(seg: Segment, found: list[Found], total: int, lang: str = "ar") -> list[Found]:
    """``found`` with the names of well-known organisations (``names.organisations``: الأمم المتحدة، هيومن
    رايتس ووتش; in French casques blancs, pasdaran) in what the glossary left, proposed as new names like a
    name a cue found. A listed name longer than the glossary names inside it takes their place (حماس العراق,
    not العراق)."""
    from workbench.names.organisations import org_lookup

    tokens, taken = seg.tokens, seg.taken
    spans = {id(f): [k for k, tok in enumerate(tokens) if tok.start < f.end and tok.end > f.start]
             for f in found if f.entries or f.cue.startswith(qualified_names.REGION_CUE)  # a region holds a glossary place
             or f.detector == "caps"}  # (French: capitalised words a listed name holds, Quai and Orsay)
    held = list(taken)
    for ks in spans.values():
        for k in ks:
            taken[k] = False
    listed = glossary_mentions("source", seg, lang, GLOSSARY_LANGS[lang], org_lookup("ar" if lang == "ar" else "latin"),
                               total)
    taken[:] = held
    out, dropped = [], set()
    endings = arabic_names.tables()["outlet_end"]
    end_of = {tok.end: k for k, tok in enumerate(tokens)}
    for hit in listed:
        after = end_of.get(hit.end, len(tokens)) + 1
        if after < len(tokens) and arabic_names.fold(tokens[after].text) in endings:
            continue  # يكيتي ميديا: an outlet named after the party, found by its ending
        inner = [f for f in found if f.start < hit.end and f.end > hit.start]
        if any(id(f) not in spans or (hit.end - hit.start <= f.end - f.start if f.entries or f.detector != "caps"
                                      else not hit.start <= f.start <= f.end <= hit.end) for f in inner):
            continue  # the glossary's name, a name no glossary spelling is part of or a longer capitalised one stays
        dropped.update(id(f) for f in inner)
        for k, tok in enumerate(tokens):
            if tok.start < hit.end and tok.end > hit.start:
                taken[k] = True
        listed_as = hit.entries[0].text
        if lang != "ar":
            hit = _capitalised_core(seg, hit, total)  # coalition de l'État de droit: État de droit
        hit.detector, hit.etype, hit.confidence = "cue", "org", LISTED_CONFIDENCE
        hit.cue = f"known organisation '{listed_as}'"
        hit.entries = []  # not glossary evidence: the linker treats it as a name to propose
        out.append(hit)
    return [f for f in found if id(f) not in dropped] + out


def _capitalised_core(seg: Segment, hit: Found, total: int) -> Found:
    """A listed Latin name that opens in lower case before capitalised words (parti islamique Dawa) is named
    by those words (Dawa), as a French text writes a generic head before a name; one all in lower case
    (casques blancs), opening with a capital or whose capital is a common noun (département d'État)
    stays whole."""
    ks = [k for k, tok in enumerate(seg.tokens) if tok.start < hit.end and tok.end > hit.start]
    first = next((k for k in ks if seg.tokens[k].text[:1].isupper()), None)
    if first is None or first == ks[0] or first == ks[-1] and seg.tokens[first].text.casefold() in STOP:
        return hit
    core = make_found("source", seg, first, ks[-1] - first + 1, 0, hit.lang, "cue", total)
    core.entries = hit.entries
    return core


def _pronoun_ending(found: Found) -> bool:
    """A one-word place without the article written with ه for its ة: the ه is as likely the pronoun
    "his" on a common noun (في حديثه، in his talk: not Haditha); an article rules the pronoun out."""
    return len(found.words) == 1 and not found.stem.startswith("ال") and found.stem.endswith("ه") \
        and found.entries[0].text.endswith("ة")


def arabic_cued_names(seg: Segment, total: int, memory: Memory | None = None, places: set[int] | None = None,
                      surnames: frozenset[int] = frozenset(), people: frozenset[int] = frozenset()) -> list[Found]:
    """Arabic names outside the glossary, found by titles, heads and the structure of names; a
    person's name seen earlier in the article ends where it ended then (الشيخ طليوش عُرف);
    ``places``: tokens of glossary places, which an organisation's name may hold; ``surnames``:
    glossary family names alone, which may close another person's name; ``people``: tokens of glossary
    people."""
    out: list[Found] = []
    for cue in arabic_names.find(seg.tokens, list(seg.taken), seg.text, places, surnames, people):
        if memory is not None and cue.type == "org" and memory.words.get(
                arabic_names.fold(seg.tokens[cue.first].text[cue.prefix:]), ("",))[0] == "person":
            continue  # كتلة الفياض after فالح الفياض: the man the bloc is named after (``remembered``)
        if memory is not None and cue.type == "person" and cue.count > 1:
            words = [arabic_names.fold(t.text) for t in seg.tokens[cue.first:cue.first + cue.count]]
            words[0] = words[0][cue.prefix:]
            if cue.cue == "title" and cue.count == 2 and memory.words.get(words[0], ("",))[0] == "person" \
                    and words[1] not in memory.words.get(words[0])[1]:
                continue  # الرئيس بارزاني يهتم after مسعود بارزاني: the man named earlier (``remembered``)
            known = memory.firsts.get(words[0], ())
            common = 0
            while common < min(len(words), len(known)) and _bare(words[common]) == _bare(known[common]):
                common += 1  # عبد القادر الدخيل after عبد القادر دخيل: the article aside, the same name
            # a title reaches one word too far (الشيخ فرحان عرف); a name by its structure (محمود
            # البنّات after محمود إبراهيم البنات, أحمد عبيد عيسى after أحمد الحاصود) is another form or person
            overreach = cue.cue == "title" and cue.count == 2 and not (words[1] in known or words[1].startswith("ال"))
            if common >= 2 or (common == 1 and (overreach or words[0] not in arabic_names.tables()["name_start"])):
                cue.count = common
        found = make_found("source", seg, cue.first, cue.count, cue.prefix, "ar", "cue", total)
        found.etype, found.confidence = cue.type, cue.confidence
        found.cue = f"{cue.cue} '{cue.word}'"
        out.append(found)
    return out


def _bare(word: str) -> str:
    """A folded word without the article."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def arabic_ner_names(seg: Segment, total: int, finder) -> list[Found]:
    """Names the Arabic NER model finds on words no other rule took, typed by its label."""
    out: list[Found] = []
    for start, end, prefix, etype in finder(seg.text):
        idx = [k for k, t in enumerate(seg.tokens) if t.start >= start and t.end <= end]
        if idx and not any(seg.taken[k] for k in idx):
            found = make_found("source", seg, idx[0], len(idx), prefix, "ar", "ner", total)
            found.etype, found.cue, found.confidence = etype, "NER model (camel-tools)", NER_CONFIDENCE
            out.append(found)
    return out


def other_names(side: str, seg: Segment, lang: str, total: int, finder: NameFinder | None,
                memory: Memory | None = None) -> list[Found]:
    """Names outside the glossary: spans from ``finder`` if given, else capitalised runs; in French a
    head word alone (Forces, République) is a common noun unless a name of the article began with it."""
    out: list[Found] = []
    if finder is not None:
        for start, end in finder(seg.text, lang):
            idx = [k for k, t in enumerate(seg.tokens) if t.start >= start and t.end <= end]
            if idx and not any(seg.taken[k] for k in idx) and idx == list(range(idx[0], idx[-1] + 1)):
                out.append(make_found(side, seg, idx[0], len(idx), 0, lang, "ner", total))
        return out
    earlier = memory.last_words if memory is not None and lang == "fr" else frozenset()
    runs = capitalised_names(seg.text, seg.tokens, seg.taken, french=lang == "fr", earlier=earlier)
    if lang == "fr":
        runs = facility_names(seg.tokens, seg.taken, extend_names(seg.text, seg.tokens, seg.taken, runs))
        lower = [(a, c) for a, c in french_lower_names(seg.text, seg.tokens, seg.taken)
                 if not (seg.tokens[a].text in LOWER_PLACES and any(x < a and a + c <= x + y for x, y in runs))]
        # (a place inside a longer name is part of it: Unités de protection de la plaine de Ninive)
        for a, c in acronym_phrases(seg.text, seg.tokens):
            if seg.taken[a] or any(x < a + c and a < x + y for x, y in lower):
                continue
            end = a + c  # a name opening before the spelled one and running into it holds it (Comité ... de l'AANES)
            a = min([a] + [x for x, y in runs if x < a < x + y])
            lower.append((a, end - a))
        runs = sorted([r for r in runs if not any(a < r[0] + r[1] and r[0] < a + c for a, c in lower)] + lower)
    for first, count in runs:
        head = seg.tokens[first].text.casefold()
        if lang == "fr" and head in NAME_HEADS:
            if count == 1 and (memory is None or head not in memory.heads):
                continue
            if memory is not None and not head.endswith(("s", "x")):
                memory.heads.add(head)  # le Cadre after Cadre de coordination; les Forces stay common
        found = make_found(side, seg, first, count, glued_start(seg.tokens[first].text), lang, "caps", total)
        if lang == "fr":
            found.etype, found.cue = head_kind(found.stem) or (None, "")
        out.append(found)
        last = french_last_word(tuple(t.text for t in seg.tokens[first:first + count]))
        if memory is not None and lang == "fr" and last:
            memory.last_words.add(last)  # Ahmed Mukhlaf: a later Mukhlaf opening a sentence is him
    return out


# English words that make an outlet's name of the place before them (Baghdad Today, Rudaw News)
OUTLET_WORDS = {"today", "news", "post", "times", "press", "tv", "daily", "network", "monitor", "observer",
                "herald", "tribune", "info", "online", "media", "now"}


def outlet_names(seg: Segment, found: list[Found], lexicon: Lexicon, lang: str, total: int) -> list[Found]:
    """A glossary place followed by a capitalised outlet word is an outlet's name, one mention (Bagdad
    Today), not the place and a word; ``found`` in order."""
    out: list[Found] = []
    start_of = {tok.start: k for k, tok in enumerate(seg.tokens)}
    for f in found:
        before = out[-1] if out else None
        if before is not None and len(f.words) == 1 and f.words[0][:1].isupper() \
                and f.words[0].casefold() in OUTLET_WORDS and seg.text[before.end:f.start] == " " \
                and before.entries and all(lexicon.types.get(e) == "place" for e in before.entity_ids) \
                and before.start in start_of:
            first = start_of[before.start]
            name = make_found("source", seg, first, len(before.words) + 1, before.prefix, lang, "caps", total)
            name.etype, name.cue = "org", f"outlet word '{f.words[0]}'"
            out[-1] = name
            continue
        out.append(f)
    return out


def french_last_word(words: tuple[str, ...]) -> str | None:
    """The last word of a French capitalised name of several words that, opening a sentence alone, is
    that name's short form (Ahmed Mukhlaf: Mukhlaf a dit); None for a one-word name, a head (Forces ...)
    or a short or common last word."""
    if len(words) < 2 or words[0].casefold() in NAME_HEADS:
        return None
    last = words[-1]
    folded = last.casefold()
    return last if last[:1].isupper() and len(last) >= 4 and folded not in STOP and folded not in SAYING \
        and folded not in VERBS else None


def last_words_ahead(found: list[Found], lexicon: Lexicon) -> frozenset[str]:
    """``Ahead.last_words`` from a French article's mentions: the last words of its capitalised names of
    several words and of its glossary people named in full, for a headline or a sentence before the
    full name (Mukhlaf annonce ... Ahmed Mukhlaf), or one after it (Haider al-Abadi ... Abadi, lui, ...);
    and its capitalised names of one word, found inside a sentence, for the sentence they open
    (Qaraqosh, connue aussi ... De passage à Qaraqosh)."""
    return frozenset(last for f in found if f.lang == "fr" and f.side == "source"
                     and (f.detector == "caps"
                          or f.entries and all(lexicon.types.get(e) == "person" for e in f.entity_ids))
                     and (last := french_last_word(f.words) or f.detector == "caps" and french_one_word(f.words)))


def french_one_word(words: tuple[str, ...]) -> str | None:
    """A French capitalised name of one word that may stand alone at a sentence's start: not a title,
    a verb or a word with a common noun's ending."""
    if len(words) != 1:
        return None
    word = words[0]
    folded = word.casefold()
    return word if word[:1].isupper() and not word.isupper() and len(word) >= 4 and folded not in STOP \
        and folded not in SAYING and folded not in VERBS and folded not in NAME_HEADS \
        and not folded.endswith(COMMON_ENDINGS) else None


def opened_before(groups: list, found: list[Found], words: frozenset[str]) -> bool:
    """Whether a word of ``words`` stands, unfound, in a pair of ``groups`` (the check may say yes for
    nothing, never no for something): then the article is worth reading again knowing them."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        if f.side == "source":
            covered.setdefault(f.segment_id, []).append((f.start, f.end))
    for sources, _ in groups:
        for sid, text in sources:
            for word in words:
                at = text.find(word)
                while at >= 0:
                    if not any(a <= at < b for a, b in covered.get(sid, ())):
                        return True
                    at = text.find(word, at + 1)
    return False
