"""Well-known organisations the glossary does not hold (names/data/organisations.tsv): found whole in Arabic,
proposed as new with their English name, and never over a glossary name they do not hold."""

from __future__ import annotations

from workbench.names.organisations import ORGANISATIONS, _rows, org_named
from workbench.names.places import read_places
from workbench.text.tokens import key_of
from tests.test_detect_context import index, run  # noqa: F401  (the bundled glossary's index)


def found(index, sentence: str) -> list[tuple]:
    (out,) = run(index, "ar", sentence)
    return [(f.stem, f.etype, f.status, f.entity_id) for f in out]


def test_a_known_organisation_is_found_whole_and_proposed_with_its_english_name(index):
    (out,) = run(index, "ar", "وذكرت منظمة هيومن رايتس ووتش في تقرير أن الأمم المتحدة لم ترد.")
    assert [(f.stem, f.etype, f.status, f.entity_id) for f in out] == [
        ("هيومن رايتس ووتش", "org", "new", None), ("الأمم المتحدة", "org", "new", None)]
    assert [f.proposal["canonical_en"] for f in out] == ["Human Rights Watch", "United Nations"]
    assert all("known organisation" in f.cue for f in out)


def test_a_known_name_with_a_proclitic_and_beside_glossary_names(index):
    assert found(index, "ودعا مجلس الأمن الدولي والاتحاد الأوروبي العراق وسوريا إلى التهدئة.") == [
        ("مجلس الأمن الدولي", "org", "new", None), ("الاتحاد الأوروبي", "org", "new", None),
        ("العراق", None, "accepted", "iraq"), ("سوريا", None, "accepted", "syria")]


def test_a_known_name_holding_a_glossary_name_takes_its_place(index):
    """حماس العراق is an organisation of its own, not Iraq."""
    assert found(index, "وأعلنت «حماس العراق» مسؤوليتها.") == [("حماس العراق", "org", "new", None)]


def test_a_known_name_takes_only_the_glossary_names_it_holds(index):
    """حماس and العراق apart are two names: the glossary's stays linked."""
    assert found(index, "وقالت حركة حماس إن العراق لم يرد.") == [
        ("حركة حماس", "org", "new", None), ("العراق", None, "accepted", "iraq")]


def test_a_news_agency_word_before_a_known_agency_is_no_name(index):
    """لوكالة أنباء أسوشيتد برس: the agency is أسوشيتد برس; أنباء (news) is not a name of its own."""
    assert [s for s, *_ in found(index, "وقال لوكالة أنباء أسوشيتد برس إن الهجوم فشل.")] == ["أسوشيتد برس"]


def test_the_list_holds_no_glossary_spelling_and_names_every_row(index):
    """A listed spelling that is also a glossary spelling would hide the glossary's entity."""
    rows = read_places(ORGANISATIONS, "org")
    assert rows == list(_rows()) and len(rows) >= 40
    assert all(oid.startswith("known:") and name and spellings for oid, _, name, spellings in rows)
    glossary = set(index.lookup.index)
    clashes = [s for *_, spellings in rows for _, s in spellings if key_of(s) in glossary]
    assert clashes == []
    assert org_named("اليونيسف") == ("known:unicef", "UNICEF") and org_named("العراق") is None


def test_iraqi_and_syrian_parties_and_forces_are_known_too(index):
    got = found(index, "واعتقلت الأسايش عنصرين من جبهة النصرة بعد اجتماع لائتلاف دولة القانون.")
    assert got == [("الأسايش", "org", "new", None), ("جبهة النصرة", "org", "new", None),
                   ("ائتلاف دولة القانون", "org", "new", None)]


def test_a_known_name_holding_a_region_takes_its_place(index):
    """The region شمال وشرق سوريا is part of the Autonomous Administration's name here."""
    assert found(index, "وقال مسؤول في الإدارة الذاتية لشمال وشرق سوريا إن المعبر مغلق.") == [
        ("الإدارة الذاتية لشمال وشرق سوريا", "org", "new", None)]


def test_a_time_word_after_a_known_body_is_no_name(index):
    got = found(index, "وقال رئيس جهاز الأمن الوطني آنذاك حميد الشطري إن الملف أغلق.")
    assert got[:2] == [("جهاز الأمن الوطني", "org", "new", None), ("حميد الشطري", "person", "new", None)]
