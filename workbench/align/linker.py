"""Links a mention to a glossary entity with a score, a status and an explanation.

Evidence for an entity: an exact glossary spelling (1.0, shared by the entities that have it; ``WITHIN_OWN``
when it is part of another organisation's longer name that the article names, which gets ``WITHIN``), the
names matcher's fuzzy or cross-script score, and the entity of the counterpart on the other side of
the sentence pair (weighted by how alike the two spellings are). Independent evidence combines as
``1 - (1 - a)(1 - b)``. At or above ``ACCEPT`` the link is made ('accepted' by 'auto'); above
``SUGGEST`` it is 'suggested'; with no plausible entity the mention is 'new', with a proposal.
A (spelling, entity) pair the analyst rejected is never proposed. A remembered non-name
(``workbench.glossary.not_names``) is 'dismissed' unless a glossary entity has that very spelling.
"""

from __future__ import annotations

from workbench.align.detect_source import UNSURE_COMMON_NOUN, UNSURE_WIDER
from workbench.align.namesakes import GIVEN_NOTE, NOTE as NAMESAKE_NOTE
from workbench.align.regional_bodies import CUE as OTHER_BODY_CUE
from workbench.align.spans import Found
from workbench.names import latin_given
from workbench.names.arabic_cues import cue_fold, tables
from workbench.names.index import GlossaryIndex
from workbench.names.lookup import is_facility
from workbench.names.normalize import normalize
from workbench.text.tokens import is_arabic
from workbench.vocabulary import ACCEPT, ACCEPTED, DISMISSED, NEW, SUGGEST, SUGGESTED
UNSURE_FUZZY = 0.7  # weight of a fuzzy candidate the matcher itself is not confident about
# the same for a name an Arabic cue or the place list found as a name of its own (قرية الضلوعية) that is no short form of
# the entity's spellings (``short_form``): a sound-alike (Diyala) stays a candidate but is no suggestion
# alone, the name is proposed as new
UNSURE_FUZZY_CUE = 0.55
OWN_NAME = ("cue", "gazetteer")  # detectors that find a name of its own, not a glossary spelling
VOWEL_LETTERS = str.maketrans("", "", "اوي")
# an organisation's spelling inside another's longer name that the article names (حزب الله after كتائب حزب الله):
# the longer name's entity is suggested, its own stays a candidate; neither is accepted on this alone
WITHIN, WITHIN_OWN = 0.8, 0.7
# a glossary person's family name that the article gave another person earlier (علي الكاظمي ... الكاظمي,
# ``namesakes``): the glossary's person stays a candidate, below a suggestion; the name is proposed as new
NAMESAKE = 0.45
OTHER_BODY = 0.3  # the glossary body of a name an article uses for another body (``regional_bodies``): a candidate only
# a one-word glossary spelling that an adjective describes (القاعدة الجوية: the air base): suggested, not accepted
COMMON_NOUN = 0.7
KEEP_CANDIDATES = 3
MATCHER_WHY = "names matcher"  # how a fuzzy candidate's explanation starts (``workbench.align.affected`` finds them by it)


def counterpart_evidence(sim: float) -> float:
    """Weight of 'the other side of the pair is this entity', from the spellings' similarity."""
    return 0.55 + 0.35 * max(0.0, min(sim, 1.0))


def link(found: Found, index: GlossaryIndex, rejected: set[tuple[str, str]]) -> None:
    """Fill ``entity_id``, ``status``, ``score``, ``why``, ``candidates`` and ``proposal``."""
    lexicon = index.lookup
    exact = found.entity_ids
    unsure = found.cue.startswith((UNSURE_COMMON_NOUN, UNSURE_WIDER))  # القاعدة الجوية: may be a common noun
    if len(exact) == 1 and found.within is None and not unsure and (found.norm, exact[0]) not in rejected \
            and exact[0] in lexicon.canonical:
        entry = found.entries[0]  # the common case: one entity has this very spelling
        why = f"glossary spelling '{entry.text}' ({entry.lang})"
        cp = found.counterpart
        if cp is not None and exact[0] in cp.entity_ids:
            why += f"; aligned with '{cp.surface}' ({cp.side})"
        found.entity_id, found.score, found.why, found.status, found.proposal = exact[0], 1.0, why, ACCEPTED, None
        found.candidates = [(exact[0], 1.0, entry.text, why)]
        return
    evidence: dict[str, list[tuple[float, str, str]]] = {}  # entity -> [(score, variant, why)]

    def add(eid: str, score: float, variant: str, why: str) -> None:
        if (found.norm, eid) in rejected or eid not in lexicon.canonical:
            return
        evidence.setdefault(eid, []).append((score, variant, why))

    for entry in found.entries:
        if unsure:
            if entry.entity_id in evidence:
                continue  # once an entity: two spellings alike are no more evidence
            add(entry.entity_id, COMMON_NOUN / len(exact), entry.text,
                f"glossary spelling '{entry.text}' ({entry.lang}), but {found.cue}")
        elif found.within is None:
            add(entry.entity_id, 1.0 / len(exact), entry.text, f"glossary spelling '{entry.text}' ({entry.lang})")
        elif entry.entity_id not in evidence:  # once an entity: two spellings alike are no more evidence
            add(entry.entity_id, WITHIN_OWN, entry.text, f"glossary spelling '{entry.text}' ({entry.lang})")
    if found.within is not None:
        eid, longer = found.within
        add(eid, WITHIN, longer, f"part of '{longer}', named in the article")
    cp = found.counterpart
    if cp is not None:
        if cp.entity_ids:
            sim = found.counterpart_similarity()
        for eid in cp.entity_ids:
            add(eid, counterpart_evidence(sim), cp.surface,
                f"aligned with '{cp.surface}' ({cp.side}), a spelling of it; similarity {sim:.2f}")
    acronym = is_acronym(found)
    lone_given = _lone_given_name(found)
    listed = _listed_place(found) if not exact else None  # Libye is a country of the place list: no Alep
    if not exact and (acronym or sounds_like_a_name(found)):
        for c in index.candidates(found.stem, found.lang):
            if listed and not c.accepted:
                continue  # a place of the place list is that place, not a glossary name alike by sound
            if acronym and not c.acronym:
                continue  # an acronym links as one only (ASL is not Islamic State, RIC is not Raqqa)
            if acronym and not c.accepted and len(found.stem) <= 2 and lexicon.types.get(c.entity_id) != "org":
                continue  # two letters by a name's initials: an organisation's only (AA is an agency, not
                # Aïn al-Arab; a state's may be longer: RAS, the République arabe syrienne)
            if not acronym and not c.accepted and _acronym_text(c.variant):
                continue  # nor is a word a sound-alike of one (Al Amin is not AMN, Al-Masdar News)
            if not type_fits(found, lexicon.types.get(c.entity_id)) or \
                    (found.cue.startswith("place head") and is_facility(lexicon.canonical.get(c.entity_id))):
                continue  # a person's name never links to a place on sound alone, nor حي غويران to a prison
            if found.cue.endswith(GIVEN_NOTE):
                continue  # a first name alone sounds like many: the person named in full is only suggested
            if found.cue.startswith(OTHER_BODY_CUE):
                add(c.entity_id, OTHER_BODY, c.variant, f"{MATCHER_WHY} {c.score:.2f}: the glossary's body of that "
                    "name; the article uses it for another one")
                continue  # جهاز مكافحة الإرهاب في إقليم كردستان: the region's own, the federal one only listed
            if found.lang != "ar" and not acronym and len(found.words) == 1 and not c.accepted \
                    and (" " in c.variant or "-" in c.variant) \
                    and not is_arabic(c.variant) \
                    and normalize(found.stem, found.lang) not in normalize(c.variant, found.lang).split():
                continue  # one Latin word stands for a longer name only as one of its words (Paris is not Press TV,
                # Ur is not CJTF-OIR)
            across = found.lang != "ar" and is_arabic(c.variant)
            if lone_given and lone_given not in _words_of(c.variant) and not (across and any(
                    lone_given in _words_of(s) for s in index.spellings(c.entity_id, found.lang))):
                continue  # nor does a lone first name stand for a glossary name by sound (علي ~ Al-Wali), nor a
                # Latin one read across scripts for a man no spelling in its script names so (Mohammed ~ محمد
                # الباز; Bachar ~ بشار الأسد is Bachar al-Assad's)
            if found.cue.endswith(NAMESAKE_NOTE):
                add(c.entity_id, round(min(c.score, 1.0) * NAMESAKE, 4), c.variant,
                    f"{MATCHER_WHY} {c.score:.2f}, but the article gave this family name to another person")
                continue
            weight = 1.0 if c.accepted else UNSURE_FUZZY if found.detector not in OWN_NAME or short_form(
                found.stem, found.lang, index.spellings(c.entity_id, found.lang), lexicon.types.get(c.entity_id)) else UNSURE_FUZZY_CUE
            add(c.entity_id, round(c.score * weight, 4), c.variant,
                f"{MATCHER_WHY} {c.score:.2f}{'' if c.accepted else ' (not confident)'}: {c.why or c.variant}")
    ranked = []
    for eid, items in evidence.items():
        items.sort(key=lambda x: -x[0])
        miss = 1.0
        for score, _, _ in items:
            miss *= 1.0 - min(score, 1.0)
        total = round(1.0 - miss, 4)
        ranked.append((total, eid, items[0][1], "; ".join(why for _, _, why in items)))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    found.candidates = [(eid, score, variant, why) for score, eid, variant, why in ranked[:KEEP_CANDIDATES]]
    if ranked and ranked[0][0] >= SUGGEST:
        score, eid, _, why = ranked[0]
        found.entity_id, found.score, found.why = eid, score, why
        found.status = ACCEPTED if score >= ACCEPT else SUGGESTED
        found.proposal = None
        return
    found.entity_id = None
    found.status = NEW
    found.score = ranked[0][0] if ranked else 0.0
    found.why = "no glossary entity matches this name"
    if found.cue:
        found.why += f"; a name by its {found.cue}"
    found.proposal = proposal(found)


def _listed_place(found: Found) -> str | None:
    """The place-list id of a Latin capitalised name that is exactly a listed place's spelling, or None."""
    if found.lang == "ar" or found.detector != "caps" or found.side != "source" or found.stem.isupper():
        return None  # (an acronym links as one: RAS)
    from workbench.names.places import place_named

    return place_named(found.stem, found.lang)


def _lone_given_name(found: Found) -> str | None:
    """The folded word of a name of one word that is a common given name (علي، محمد; Mohammed, Adil), or None."""
    if len(found.words) != 1:
        return None
    if found.lang != "ar":
        word = latin_given.key(found.stem)
        return word if word in latin_given.GIVEN else None
    word = cue_fold(found.stem)
    return word if word in tables()["given"] else None


def _words_of(variant: str) -> set[str]:
    """A variant's words folded both ways, to find a given name among them (محمد الباز, Mohammed al-Halbousi)."""
    return {cue_fold(w) for w in variant.split()} | {latin_given.key(w) for w in variant.split()}


def short_form(stem: str, lang: str, spellings: list[str], entity_type: str | None) -> bool:
    """Whether the mention is one of these spellings cut short (الاتحاد الوطني, حزب الله, الدير for دير
    الزور): each of its words is a word of the spelling (a leading proclitic aside; a word may differ by
    a long vowel letter, كوردستاني, when another is the same), and a person keeps the family name (the
    spelling's last word: البغدادي, not عبد العزيز or إبراهيم alone); or a person's spelling with more
    names between the first and the last. A sound-alike (البصيرة ~ البصرة) is none."""
    words = normalize(stem, lang).split()
    for spelling in spellings:
        theirs = normalize(spelling, lang).split()
        if entity_type == "person" and len(theirs) >= 2 and theirs[0] == words[0] and theirs[-1] == words[-1] \
                and set(theirs) <= set(words):
            return True  # the long form: مصطفى عبد اللطيف الكاظمي, the father's name inside
        exact, near = 0, 0
        for k, word in enumerate(words):
            options = [word] + ([word[1:]] if k == 0 and len(word) > 3 and word[0] in "وفبلك" else [])
            if any(w in theirs for w in options):
                exact += 1
            elif len(word) >= 4 and word.translate(VOWEL_LETTERS) in {t.translate(VOWEL_LETTERS) for t in theirs}:
                near += 1
        if words and exact and exact + near == len(words) and (
                entity_type != "person" or theirs[-1] in words or (near and len(words) == len(theirs))):
            return True
    return False


def dismiss_known(found: Found, not_names: set[tuple[str, str]], rejected: set[tuple[str, str]]) -> None:
    """A remembered non-name is dismissed, unless an entity not rejected for it has this very spelling."""
    if (found.lang, found.norm) not in not_names:
        return
    if any((found.norm, eid) not in rejected for eid in found.entity_ids):
        return  # the glossary's entity wins over a non-name
    found.entity_id, found.status, found.score, found.proposal, found.candidates = None, DISMISSED, 0.0, None, []
    found.why = "remembered as not a name"


def proposal(found: Found) -> dict:
    """A new entity suggested from the English side and the spellings seen."""
    cp = found.counterpart
    english = found if found.side == "english" or found.lang == "en" else cp
    canonical = english.stem if english is not None else found.stem
    spellings: dict[str, list[str]] = {found.lang: [found.stem]}
    if cp is not None and cp.stem not in spellings.get(cp.lang, []):
        spellings.setdefault(cp.lang, []).append(cp.stem)
    out = {"canonical_en": canonical, "spellings": spellings}
    etype = found.etype or (cp.etype if cp is not None else None)
    if etype:
        out["type"] = etype
    if found.cue:
        out["cue"], out["confidence"] = found.cue, found.confidence
    place = found.place
    if place is None and etype in (None, "place") and found.side == "source":
        # found by a cue or by its capitals, and a listed place: Manbij, ريف منبج
        from workbench.names.places import place_named

        place = place_named(found.stem, found.lang)
    if etype == "org" and english is None:  # a well-known organisation: its English name
        from workbench.names.organisations import org_named

        listed = org_named(found.stem, found.lang)
        if listed:
            out["canonical_en"] = listed[1]
    if place:
        from workbench.names.places import place_names

        out["geonames"], out["type"] = place, "place"
        if english is None:
            out["canonical_en"] = place_names().get(place, canonical)
    return out


def _acronym_text(text: str) -> bool:
    """A Latin acronym as written (AMN, SDF): one word of at most six capital letters."""
    return " " not in text and text.isupper() and len(text) <= 6 and text.isascii()


def is_acronym(found: Found) -> bool:
    """A Latin acronym (EIIS, SDF): it links only to what it abbreviates, in some language."""
    stem = found.stem
    return found.lang != "ar" and " " not in stem and stem.isupper() and len(stem) <= 6


def sounds_like_a_name(found: Found) -> bool:
    """Whether fuzzy matching may link this mention: not an acronym (it links as one: ``is_acronym``)
    nor a lone French head noun (le Cadre)."""
    from workbench.align.capnames import NAME_HEADS

    if is_acronym(found):
        return False
    return not (found.lang == "fr" and found.stem.casefold() in NAME_HEADS)


def type_fits(found: Found, entity_type: str | None) -> bool:
    """Whether an entity of this type may be what the mention names (unknown types always fit)."""
    return not found.etype or not entity_type or entity_type == "other" or entity_type == found.etype
