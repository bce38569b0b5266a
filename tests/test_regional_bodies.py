"""Iraqi state bodies an article places in the Kurdistan Region (my own sentences)."""

from __future__ import annotations

from tests.test_detect_context import index  # noqa: F401 (a fixture)
from workbench.align.regional_bodies import in_article
from workbench.text.tokens import key_of

CTS = key_of("جهاز مكافحة الإرهاب")


def test_the_ways_an_article_places_a_body_in_the_region(index):
    for sentence in ("وقال جهاز مكافحة الإرهاب في إقليم كردستان إن ...",
                     "وقال جهاز مكافحة الإرهاب في الإقليم إن ...",
                     "وقال جهاز مكافحة الإرهاب بإقليم كردستان إن ...",
                     "وقال جهاز مكافحة الإرهاب في كوردستان إن ...",
                     "وقال جهاز مكافحة الإرهاب الكردستاني إن ...",
                     "وقال “جهاز مكافحة الإرهاب” في إقليم كردستان إن ..."):
        assert in_article(["خبر أول.", sentence], index.lookup) == {CTS}, sentence


def test_a_body_named_apart_from_the_region_or_not_a_state_body_is_not_placed(index):
    assert in_article(["وقال جهاز مكافحة الإرهاب إن الهجوم على كردستان فشل."], index.lookup) == frozenset()
    assert in_article(["وأعلن جهاز مكافحة الإرهاب مقتل قيادي في إقليم كردستان."], index.lookup) == frozenset()
    # the Peshmerga are the region's own already: not an Iraqi state body of the glossary
    assert in_article(["وقالت البيشمركة في إقليم كردستان إن ..."], index.lookup) == frozenset()


def test_a_spelling_that_names_iraq_is_the_federal_body_wherever_it_stands(index):
    assert in_article(["وانتشر الجيش العراقي في إقليم كردستان أمس."], index.lookup) == frozenset()


def test_a_party_named_with_a_country_after_a_dash_is_its_branch_in_the_whole_article(index):
    from tests.test_detect_context import run
    from workbench.align.detect_source import Memory

    texts = ["واعتقلت الأسايش أعضاء من الحزب الديمقراطي الكردستاني أمس.", "وقال الحزب الديمقراطي الكردستاني - سوريا إن ..."]
    keys = in_article(texts, index.lookup)
    assert keys == {key_of("الحزب الديمقراطي الكردستاني")}  # that spelling only, not the party's others
    first, second = run(index, "ar", *texts, memory=Memory(regional=keys))
    assert [(f.stem, f.status, f.entity_id) for f in first if "الكردستاني" in f.stem] == [
        ("الحزب الديمقراطي الكردستاني", "new", None)]
    assert [f.stem for f in second if "الكردستاني" in f.stem] == ["الحزب الديمقراطي الكردستاني - سوريا"]
    # without the branch, the party is the glossary's
    (alone,) = run(index, "ar", texts[0])
    assert [(f.stem, f.entity_id) for f in alone if "الكردستاني" in f.stem] == [
        ("الحزب الديمقراطي الكردستاني", "kurdistan-democratic-party")]


def test_an_article_about_a_military_base_uses_al_qaeda_s_name_as_the_base(index):
    from workbench.align import arabic_names
    from workbench.align.common_words import THE_BASE, in_article

    t = arabic_names.tables()
    assert in_article(["سقطت صواريخ على قاعدة عين الأسد.", "وأصابت الصواريخ القاعدة."], t) == {THE_BASE}
    assert in_article(["وقالت القاعدة الجوية إن ..."], t) == {THE_BASE}
    assert in_article(["وأعلن تنظيم القاعدة مسؤوليته.", "وبنى قاعدة بيانات للمقاتلين."], t) == frozenset()
