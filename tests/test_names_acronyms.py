"""Acronyms across languages: a Latin or Arabic acronym reaches an entity spelled out in another language."""

from __future__ import annotations

import pytest

from workbench.align.affected import matcher_keys
from workbench.glossary.model import Entity, Variant
from workbench.names.acronyms import expansions, spelled
from workbench.names.forms import analyse
from workbench.names.matcher import CROSS_ACRONYM, Matcher
from workbench.names.normalize import bare_arabic_words, normalize


def entity(eid: str, etype: str, *spellings: tuple[str, str]) -> Entity:
    return Entity(eid, etype, eid, variants=[Variant(lang, text, "test") for lang, text in spellings])


@pytest.fixture(scope="module")
def arabic_only():
    """Organisations known only by their Arabic names, beside people and places that share letters."""
    return Matcher.from_entities([
        entity("northern-guard", "org", ("ar", "حرس الشمال الديمقراطي")),  # Democratic Northern Guard
        entity("state-of-the-valley", "org", ("ar", "دولة الوادي الإسلامية"), ("ar", "دوي")),
        entity("valley-region-government", "org", ("ar", "حكومة إقليم الوادي")),
        entity("united-states", "place", ("ar", "الولايات المتحدة")),
        entity("a-person", "person", ("ar", "غازي حسن درويش")),
        entity("a-town", "place", ("ar", "الفياضية")),
    ], include_canonical=False)


@pytest.fixture(scope="module")
def english_only():
    return Matcher.from_entities([
        entity("northern-guard", "org", ("en", "Democratic Northern Guard")),
        entity("a-town", "place", ("en", "Gharbiya")),
    ], include_canonical=False)


def top(matcher: Matcher, text: str, lang: str):
    found = matcher.match(text, lang)
    return found[0] if found else None


@pytest.mark.parametrize("text, lang, eid", [
    ("GND", "en", "northern-guard"),  # English order: Democratic Northern Guard (concepts guard, north, democratic)
    ("GDN", "fr", "northern-guard"),  # French order: Garde démocratique du Nord
    ("the GND", "en", "northern-guard"),
    ("GRW", "fr", "valley-region-government"),  # gouvernement régional du Wadi: a name keeps its first sound
    ("U.S.", "en", "united-states"),  # a phrase: united states / etats unis
    ("EU", "fr", "united-states"),
])
def test_latin_acronym_reaches_arabic_only_entity(arabic_only, text, lang, eid):
    best = top(arabic_only, text, lang)
    assert best is not None and best.entity_id == eid
    assert best.score == CROSS_ACRONYM and not best.accepted  # a suggestion: a person reviews it
    assert "acronym" in best.why


def test_arabic_acronym_reaches_latin_only_entity(english_only):
    # حرس → guard, شمال → north, ديمقراطي → democratic: ح ش د in any order
    assert top(english_only, "حشد", "ar").entity_id == "northern-guard"
    assert top(english_only, "لحشد", "ar").entity_id == "northern-guard"  # a proclitic on the acronym


def test_words_and_lower_case_are_not_acronyms(arabic_only):
    assert not spelled("Gnd", analyse(normalize("Gnd", "en"), True))  # a capitalised word
    assert not spelled("gnd", analyse(normalize("gnd", "en"), True))
    assert not spelled("Democratic Guard", analyse(normalize("Democratic Guard", "en"), True))
    text = "الحشد"  # with the article: a word
    assert not spelled(text, analyse(normalize(text, "ar"), True, bare_arabic_words(text)))
    best = top(arabic_only, "GHD", "en")  # the person's initials in another order: no acronym
    assert best is None or best.score < CROSS_ACRONYM


def test_people_and_one_word_names_have_no_expansions():
    assert not expansions(analyse(normalize("غازي حسن درويش", "ar")))  # no common word: a person
    assert not expansions(analyse(normalize("Gharbiya", "en")))
    assert expansions(analyse(normalize("حرس الشمال الديمقراطي", "ar")))


def test_a_glossary_change_reaches_the_acronym_mentions():
    # re-linking after an edit looks for mentions that share a key: the acronym's and the name's meet
    def acronym_keys(text, lang):
        return {k for k in matcher_keys(normalize(text, lang)) if k.startswith("x")}

    assert acronym_keys("GND", "en") & acronym_keys("حرس الشمال الديمقراطي", "ar")
    assert acronym_keys("GND", "en") and not acronym_keys("غازي حسن درويش", "ar")


def test_two_different_common_words_are_not_alike():
    # américaine and irakienne sound somewhat alike, but the lexicon knows them as two nationalities
    matcher = Matcher.from_entities([entity("iraqi-army", "org", ("fr", "armée irakienne"))], include_canonical=False)
    found = matcher.match("armée américaine", "fr")
    assert not found or found[0].score < 0.6
