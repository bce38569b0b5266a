"""Glossary names behind a generic head word, and other names the dev9 split showed missed (my own
sentences, no article text)."""

from __future__ import annotations

from tests.test_detect_context import index, run  # noqa: F401 (index is a fixture)
from workbench.align.detect_source import Memory


def test_a_glossary_place_after_a_generic_head_in_quotes_stays_the_place(index):
    (found,) = run(index, "ar", 'ونشر ما يسمى "موقع الموصل" صورا للحريق.')
    assert [(f.stem, f.entity_id, f.status) for f in found] == [("الموصل", "mosul", "accepted")]
    (found,) = run(index, "ar", "وأعلن ما يسمى «ولاية كركوك» مسؤوليته عن التفجير.")
    assert [(f.stem, f.entity_id) for f in found] == [("كركوك", "kirkuk")]


def test_a_body_named_after_a_glossary_place_is_still_a_name_of_its_own(index):
    (found,) = run(index, "ar", 'ونشر ما يسمى "مجلس الموصل" صورا للحريق.')
    assert [(f.stem, f.etype, f.entity_id) for f in found] == [("مجلس الموصل", "org", None)]


def test_the_capital_before_a_glossary_city_is_left_out(index):
    (found,) = run(index, "ar", "ووصل الوفد إلى العاصمة بغداد مساء الأحد.")
    assert [(f.stem, f.entity_id) for f in found] == [("بغداد", "baghdad")]
    (found,) = run(index, "ar", "وتظاهر المئات بالعاصمة بغداد.")
    assert [(f.stem, f.entity_id) for f in found] == [("بغداد", "baghdad")]


def test_a_latin_acronym_in_arabic_text_is_the_glossary_acronym(index):
    (found,) = run(index, "ar", "وتبنى عناصر من PKK الهجوم، بحسب قناة RT الروسية.")
    assert [(f.stem, f.entity_id, f.status) for f in found] == [
        ("PKK", "kurdistan-workers-party", "accepted"), ("RT", "russia-today", "accepted")]


def test_a_latin_word_in_a_latin_phrase_or_in_lower_case_is_no_acronym(index):
    (found,) = run(index, "ar", "نشر المقال by PKK Press أمس وكتب عنه pkk.")
    assert [f.stem for f in found if f.entity_id == "kurdistan-workers-party"] == []


def test_a_mountain_head_is_part_of_the_name(index):
    (found,) = run(index, "ar", "وقصفت المدفعية قرى جبل الغراب وجبال البشري ليلا.")
    assert [(f.stem, f.etype) for f in found] == [("جبل الغراب", "place"), ("جبال البشري", "place")]
    (found,) = run(index, "ar", "ووصلت التعزيزات إلى قرية الغراب ليلا.")
    assert [f.stem for f in found] == ["الغراب"]  # other place heads stay outside


def test_a_glossary_family_name_after_another_person_of_that_name_is_that_person(index):
    memory = Memory()
    first, later = run_ar(index, memory, "واتهم حسن الكاظمي الحكومة بالتقصير.", "وأضاف الكاظمي أن الكتلة لن تنسحب.")
    assert [(f.stem, f.etype, f.entity_id) for f in first] == [("حسن الكاظمي", "person", None)]
    (f,) = later
    assert (f.stem, f.etype, f.status, f.entity_id) == ("الكاظمي", "person", "new", None)
    assert f.candidates[0][0] == "mustafa-al-kadhimi"  # still offered, below a suggestion


def test_a_glossary_family_name_stays_the_glossary_person_when_the_article_named_him(index):
    *_, later = run_ar(index, Memory(), "وقال رئيس الوزراء مصطفى الكاظمي إن الاتفاق صامد.",
                       "واتهم حسن الكاظمي الحكومة بالتقصير.", "وأضاف الكاظمي أن الحكومة لن تستقيل.")
    assert [(f.stem, f.status, f.entity_id) for f in later] == [("الكاظمي", "accepted", "mustafa-al-kadhimi")]
    # and a long form of the glossary person (his father's name inside) is no other person
    _, later = run_ar(index, Memory(), "وقال مصطفى عبد اللطيف الكاظمي إن الاتفاق صامد.", "وأضاف الكاظمي أن الحكومة باقية.")
    assert [(f.stem, f.entity_id) for f in later] == [("الكاظمي", "mustafa-al-kadhimi")]


def run_ar(index, memory, *sentences):
    return run(index, "ar", *sentences, memory=memory)


def test_a_police_force_named_by_its_level_or_country_is_an_organisation(index):
    (found,) = run(index, "ar", "وانتشرت قوات الشرطة الاتحادية وعناصر للشرطة السورية في البلدة.")
    assert [(f.stem, f.etype) for f in found] == [("الشرطة الاتحادية", "org"), ("الشرطة السورية", "org")]
    (found,) = run(index, "ar", "ووصلت الشرطة المحلية إلى المكان.")
    assert found == []  # a description, not a name


def test_a_facility_named_only_after_its_city_is_the_city(index):
    (found,) = run(index, "ar", "وسقطت قذائف قرب مطار السليمانية ليلا.")
    assert [(f.stem, f.etype, f.status) for f in found] == [("السليمانية", "place", "new")]
    assert found[0].place  # the GeoNames place is proposed
    (found,) = run(index, "ar", "وسقطت قذائف قرب حقل الجفرة ليلا.")
    assert [(f.stem, f.etype) for f in found] == [("حقل الجفرة", "place")]  # a name of its own keeps its head


def test_a_council_named_by_its_place_alone_is_the_council(index):
    (found,) = run(index, "ar", "ودعا أعضاء في مجلس كركوك إلى حل الحكومة المحلية.")
    assert [(f.stem, f.etype, f.entity_id) for f in found] == [("مجلس كركوك", "org", None)]
    (found,) = run(index, "ar", "ودعا تحالف كركوك إلى حل الحكومة المحلية.")
    assert [(f.stem, f.entity_id) for f in found] == [("كركوك", "kirkuk")]  # other heads need more


def test_a_participle_after_an_outlets_name_describes_it(index):
    (found,) = run(index, "ar", "ونقلت وكالة الرافدين المختصة بأخبار الجنوب النبأ.")
    assert [(f.stem, f.etype) for f in found] == [("الرافدين", "org")]


def test_a_city_quoted_alone_after_an_agreement_is_a_place(index):
    (found,) = run(index, "ar", "وبحث الوفد بنود اتفاق «لوزان» ومسار «دايتون» مع الوسطاء.")
    assert [(f.stem, f.etype) for f in found] == [("لوزان", "place"), ("دايتون", "place")]
    (found,) = run(index, "ar", 'ووقع الطرفان "اتفاق تهدئة" أمس.')
    assert found == []  # the kind of agreement, quoted with its head


def test_the_outlet_that_received_a_copy_of_a_statement(index):
    (found,) = run(index, "ar", "وقال المتحدث في بيان تلقت أنباء الساحل نسخة منه إن الطريق مفتوح.")
    assert [(f.stem, f.etype, f.status) for f in found] == [("أنباء الساحل", "org", "new")]
    (found,) = run(index, "ar", "وجاء في البيان الذي تلقت وكالة الفجر نسخة منه أن الطريق مفتوح.")
    assert [(f.stem, f.etype) for f in found] == [("الفجر", "org")]
    (found,) = run(index, "ar", "وقال إنه تلقى نسخة منه أمس.")
    assert found == []


def test_a_one_word_organisation_spelling_described_by_an_adjective_is_only_suggested(index):
    (found,) = run(index, "ar", "وقصفت الطائرات القاعدة الجوية قرب المدينة.")
    assert [(f.stem, f.entity_id, f.status) for f in found] == [("القاعدة", "al-qaeda", "suggested")]
    (found,) = run(index, "ar", "وتبنت القاعدة الهجوم على المدينة.")
    assert [(f.stem, f.status) for f in found] == [("القاعدة", "accepted")]
    # a sect describes a group; an adjective after a facility's head describes the facility
    (found,) = run(index, "ar", "وهاجمت العصائب الشيعية المدينة ونقل الجرحى إلى مستشفى الحشد الميداني.")
    assert [(f.stem, f.status) for f in found if f.entries] == [("العصائب", "accepted"), ("الحشد", "accepted")]


def test_a_glossary_persons_first_name_quoted_alone_later_is_suggested_as_him(index):
    first, later = run_ar(index, Memory(), "واستقبل الوفد قائد قوات سوريا الديمقراطية مظلوم عبدي أمس.",
                          "وأشاد الوفد بمواقف “مظلوم” الأخيرة.")
    assert [(f.stem, f.entity_id, f.status) for f in later] == [("مظلوم", "mazloum-abdi", "suggested")]
    (alone,) = run(index, "ar", "وأشاد الوفد بمواقف “مظلوم” الأخيرة.")
    assert alone == []  # no full name before: nothing to suggest


def test_a_short_form_of_a_new_person_is_not_suggested_as_a_glossary_person(index):
    _, later = run_ar(index, Memory(), "وقال الباحث محمد البغدادي إن الوضع هادئ.", "وأضاف البغدادي أن الحل سياسي.")
    assert [(f.stem, f.status, f.entity_id) for f in later] == [("البغدادي", "new", None)]
    _, later = run_ar(index, Memory(), "والتقى الوزير بالشيخ حسين الصدر أمس.", "وأكد الصدر دعمه للحكومة.")
    assert [(f.stem, f.status, f.entity_id) for f in later] == [("الصدر", "new", None)]
    # after the glossary person's own name the short form is still suggested as him
    _, later = run_ar(index, Memory(), "وقال زعيم التيار مقتدى الصدر إن الحكومة باقية.", "وأكد الصدر دعمه للحكومة.")
    assert [(f.stem, f.entity_id) for f in later] == [("الصدر", "muqtada-al-sadr")]
