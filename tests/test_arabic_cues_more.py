"""Arabic names by roles after them, appointments, quotes, places inside organisations, and their guards
(my own sentences, no article text)."""

from __future__ import annotations

from tests.test_detect_context import index, run as run_sentences  # noqa: F401 (index is a fixture)
from workbench.align import arabic_names
from workbench.align.detect_source import Memory
from workbench.text.tokens import words


def found(text: str, taken_words: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(name, type, cue) of every cue; ``taken_words`` stand for glossary names, ``places`` for glossary places."""
    tokens = words(text)
    taken = [t.text in taken_words + places for t in tokens]
    place_idx = {k for k, t in enumerate(tokens) if t.text in places}
    return [(text[tokens[c.first].start + c.prefix:tokens[c.first + c.count - 1].end], c.type, c.cue)
            for c in arabic_names.find(tokens, taken, text, place_idx)]


def run(index, *sentences: str) -> list[list]:
    """Detect and link each Arabic sentence of one article in turn (one memory)."""
    return run_sentences(index, "ar", *sentences, memory=Memory())


def test_a_name_opening_a_sentence_before_a_comma_and_a_role():
    assert found("كريم داود، مدير ناحية الصفا، قال إن الطريق مفتوح.")[0] == ("كريم داود", "person", "role after")
    # a time phrase before a comma and a role is not a name
    assert found("بعد ساعات، مدير المستشفى أعلن الحصيلة.") == []


def test_a_name_in_a_list_of_appointments_ends_before_its_role():
    text = "وصوت المجلس على انتخاب سامر وليد حمدان قائممقام للقضاء، وزياد ناصر شعلان مديرا للناحية."
    names = [n for n, kind, _ in found(text) if kind == "person"]
    assert names == ["سامر وليد حمدان", "زياد ناصر شعلان"]


def test_one_word_after_an_appointment_is_not_a_name():
    assert found("وقرر الوزير تعيين لجنة تحقيق في الحادث.") == []
    assert found("وطالب الأهالي بإقالة مدير الناحية.") == []


def test_a_title_word_after_abd_is_part_of_the_name():
    assert ("عبد الملك الراوي", "person", "given name") in found("وترأس الاجتماع عبد الملك الراوي أمس.")


def test_after_a_family_name_only_another_one_follows():
    assert ("كريم الساعدي", "person", "title") in found("برئاسة اللواء كريم الساعدي وحضور ممثلين عن العشائر.")


def test_a_noun_behind_a_preposition_after_a_title_is_not_a_name():
    assert [kind for _, kind, _ in found("وقال القاضي السابق بمحكمة الاستئناف إن القرار نهائي.")] == ["org"]
    assert found("وقال معاون المحافظ للشؤون الفنية إن العمل مستمر.") == []
    assert found("وكان المختار مطلوبا للقضاء.") == []  # an adjective in the accusative
    # a foreign name that starts with the letter ب is still a name
    assert ("بوتين", "person", "title") in found("واتصل الرئيس بوتين بنظيره.")


def test_kaf_is_not_read_as_a_proclitic_before_a_given_name():
    assert found("وأحرق المسلحون كامل أفراد المنزل.") == []


def test_a_quoted_name_opened_by_a_given_name_is_a_person():
    assert ("سالم حمد المختار", "person", "quoted name") in found('وقتل "سالم حمد المختار" قائد المجموعة.')


def test_a_quoted_name_after_fighters_of_is_an_armed_group():
    assert ("النصر المبين", "org", "quoted after") in found('واندلعت اشتباكات بين عناصر "النصر المبين" والأهالي.')


def test_a_bracketed_name_after_a_place_is_its_other_name_but_not_a_dateline():
    assert ("تل حمام", "place", "place head") in found("وقال مدير ناحية الرشيدية (تل حمام) إن المياه عادت.")
    assert [kind for _, kind, _ in found("بغداد (رويترز) - قال مسؤول إن الطريق مفتوح.", places=("بغداد",))] == ["org"]


def test_an_organisation_may_hold_a_glossary_place():
    assert ("مجلس محافظة كركوك", "org", "org head") in found("واجتمع مجلس محافظة كركوك أمس.", places=("كركوك",))
    assert ("تحالف الأنبار الموحد", "org", "org head") in found("وأعلن تحالف الأنبار الموحد مقاطعة الجلسة.",
                                                             places=("الأنبار",))
    assert ("وحدات حماية كركوك", "org", "org head") in found("وانتشرت وحدات حماية كركوك ليلا.", places=("كركوك",))
    # a facility named after its city is the city: the organisation does not hold it
    assert not any("الحسكة" in name for name, _, _ in found("وأعلنت إدارة سجن الحسكة الاستنفار.", places=("الحسكة",)))
    # a place described by a nationality is not an organisation's name
    assert found("وأعلن مجلس بغداد العراقي القرار.", places=("بغداد",)) == []
    # a describing word closes a council's name; the tribes of a province have a council too
    assert ("مجلس كركوك العسكري", "org", "org head") in found("وهاجم مقاتلو مجلس كركوك العسكري الموقع.",
                                                             places=("كركوك",))
    assert ("مجلس عشائر كركوك", "org", "org head") in found("وطالب مجلس عشائر كركوك بالتهدئة.", places=("كركوك",))


def test_an_outlet_named_after_a_place():
    assert ("كركوك ناو", "org", "news outlet") in found("وقال في تصريح لـ(كركوك ناو) إن الوضع هادئ.",
                                                         places=("كركوك",))


def test_a_militia_head_is_left_out_of_the_name():
    assert ("حراس الفجر", "org", "org head") in found("وهاجم مسلحون تابعون لميليشيا حراس الفجر حاجزا للجيش.")
    assert ("الدفاع الذاتي", "org", "org head") in found("وانتشرت مليشيات الدفاع الذاتي في البلدة.")


def test_a_shrine_name_keeps_its_title():
    assert ("مرقد الشيخ عدي", "place", "place head") in found("وتجمع الزوار قرب مرقد الشيخ عدي صباحا.")


def test_a_title_phrase_naming_a_place_then_a_comma_then_the_name():
    text = "وقال مدير شرطة كركوك، سالم حميد الجاف، إن الوضع مستقر."
    assert ("سالم حميد الجاف", "person", "title") in found(text, places=("كركوك",))
    # one word after the comma is not enough
    assert found("وقال مدير شرطة كركوك، أمس، إن الوضع مستقر.", places=("كركوك",)) == []


def test_an_organisation_among_a_titles_complements():
    got = found("وقال رئيس مجلس محافظة ديالى أحمد سالم الزركوشي إن الجلسة أجلت.", places=("ديالى",))
    assert ("مجلس محافظة ديالى", "org", "org head") in got
    assert ("أحمد سالم الزركوشي", "person", "title") in got


def test_an_adverb_in_the_accusative_is_not_the_country(index):
    (got,) = run(index, "وقتل مسلح من الفصائل المدعومة تركياً قرب البلدة.")
    assert [f.stem for f in got if f.entity_id == "turkey"] == []
    (got,) = run(index, "وزار الوفد تركيا أمس.")
    assert [f.entity_id for f in got] == ["turkey"]


def test_memory_finds_the_end_of_a_name_and_a_first_name_after_a_verb_of_saying(index):
    _, second, third, fourth = run(index, 'وقتل "سالم حمد المختار" قائد المجموعة.',
                                   "وكان حمد المختار مطلوبا للقضاء.",
                                   "كريم داود، مدير الناحية، قال إن الوضع هادئ.", "وأضاف كريم أن الطريق مفتوح.")
    assert [f.stem for f in second] == ["حمد المختار"]
    assert [f.stem for f in third] == ["كريم داود"] and [f.stem for f in fourth] == ["كريم"]


def test_a_name_by_its_structure_is_not_cut_to_its_given_name(index):
    _, later = run(index, "وقتل محمود صالح العبيدي أمس.", "وكان محمود العبيدي معروفا.")
    assert [f.stem for f in later] == ["محمود العبيدي"]


def test_a_glossary_family_name_closes_another_persons_name(index):
    (got,) = run(index, "وقال النائب معين الكاظمي إن الجلسة تأجلت.")
    assert [(f.stem, f.etype, f.status) for f in got] == [("معين الكاظمي", "person", "new")]
    (got,) = run(index, "وقال رئيس الوزراء الكاظمي إن الجلسة تأجلت.")
    assert [(f.stem, f.entity_id) for f in got] == [("الكاظمي", "mustafa-al-kadhimi")]


def test_a_long_name_ending_on_a_glossary_family_name_can_still_be_that_person(index):
    (got,) = run(index, "وقال رئيس الوزراء مصطفى عبد اللطيف الكاظمي إن الجلسة تأجلت.")
    assert [(f.stem, f.entity_id) for f in got] == [("مصطفى عبد اللطيف الكاظمي", "mustafa-al-kadhimi")]


def test_a_preposition_before_a_place_does_not_extend_a_title_phrase():
    got = found("وصل رئيس الوزراء سامي الهاشمي إلى كركوك، والتقى بالوفد.", places=("كركوك",))
    assert [name for name, kind, _ in got if kind == "person"] == ["سامي الهاشمي"]


def names(text: str, **kw) -> list[str]:
    return [name for name, _, _ in found(text, **kw)]


def test_a_plural_head_names_a_whole_list_of_places():
    assert names("وتعرضت قرى الحمرة والعطشانة وتل جابر للقصف.") == ["الحمرة", "العطشانة", "تل جابر"]
    assert names("وقصفت القوات قرى حردانة وعرب عزة ليلا.") == ["حردانة", "عرب عزة"]


def test_a_head_described_is_not_named():
    assert found("وشهدت مناطق ريفية اشتباكات متقطعة.") == []
    assert found("وقصفت الطائرات قاعدة تركية قرب الحدود.") == []
    assert found("وتوجهت القوات إلى منطقة النزاع المسلح فجرا.") == []
    # after a singular head a name may end like a nisba
    assert names("ووصلت الدورية إلى ناحية زماري صباحا.") == ["زماري"]


def test_a_place_name_stops_before_a_verb_or_a_preposition():
    assert names("وتسبب قصف ريف زاخو يتسبب بأضرار.") == ["زاخو"]
    assert names("وتتعرض أطراف ريف قباسين بشكل مستمر للقصف.") == ["قباسين"]


def test_a_title_opens_a_village_name():
    assert ("الشيخ عيسى", "place", "place head") in found("ووقع الانفجار في قرية الشيخ عيسى شمال المدينة.")


def test_a_noun_governing_a_glossary_name_is_not_a_place():
    assert found("وشهدت الجلسة مقاطعة كتلتي الحزب الديمقراطي.", taken_words=("الحزب", "الديمقراطي")) == []


def test_numbered_units_and_names_cut_by_a_glossary_name_are_not_organisations():
    assert found("ووصلت قوات الفرقة الرابعة إلى المدينة.") == []
    assert found("وانتشرت قوات حكومة دمشق في الحي.", places=("دمشق",)) == []


def test_a_military_council_keeps_its_adjective_and_its_outer_head_is_left_out():
    assert ("مجلس جرابلس العسكري", "org", "org head") in found("وهاجمت قوات مجلس جرابلس العسكري الموقع.")
    # المركز الإعلامي is the media centre: no journalist follows
    assert found("ووفق المركز الإعلامي لمجلس جرابلس العسكري سقطت القذائف.") == [
        ("مجلس جرابلس العسكري", "org", "org head")]


def test_a_name_after_a_title_stops_at_the_next_item_of_a_list():
    assert ("حامد", "person", "title") in found("والتقى الشيخ حامد والمحافظ في المدينة.")


def test_a_glossary_common_noun_with_a_nationality_is_that_noun(index):
    (got,) = run(index, "وقصفت الطائرات القاعدة التركية قرب البلدة.")
    assert [f.entity_id for f in got if f.entity_id] == []
    (got,) = run(index, "وتبنى تنظيم القاعدة الهجوم.")
    assert "al-qaeda" in [f.entity_id for f in got]


def test_a_list_goes_on_after_a_singular_head_but_not_into_a_person_or_a_verb():
    assert names("وتعرضت مقاطعة كوردان والرابية للقصف.") == ["كوردان", "الرابية"]
    assert names("وعين مديرا لناحية الصفا وفؤاد سالم الخطيب مديرا لناحية أخرى.")[:1] == ["الصفا"]
    assert "الصفا" in names("وطوقت القوات منطقة الصفا وتشن عمليات تفتيش.")
    assert "تشن" not in names("وطوقت القوات منطقة الصفا وتشن عمليات تفتيش.")


def test_a_dual_tribe_head_names_both_tribes():
    assert names("واندلع نزاع بين عشيرتي الجوابر والسواعد أمس.") == ["الجوابر", "السواعد"]


def test_a_quoted_outlet_after_a_lone_lam():
    assert ("الأفق", "org", "quoted after") in found("وقال مصدر ل «الأفق» إن الوضع هادئ.")


def test_an_accusative_adverb_ends_a_place_name():
    assert names("وتشهد قرى قضاء زمار انخفاضاً في عدد السكان.") == ["زمار"]


def test_participles_and_governing_nouns_after_a_head_are_not_names():
    assert found("وبقيت عشر قرى مأهولة فقط.") == []
    assert found("وانسحب المسلحون إلى مناطق سيطرة النظام.") == []
    assert names("ووصلت الدورية إلى قضاء زمار الذي يبعد عن المدينة.") == ["زمار"]


def test_a_place_head_before_brackets_or_known_as_names_a_place():
    assert ("كاني ماسي", "place", "place head") in found("وقصفت الطائرات قرية (كاني ماسي) شمال المدينة.")
    assert names('وتقع في المنطقة المعروفة باسم "وادي الذئاب" جنوبا.') == ["وادي الذئاب"]


def test_a_governors_place_is_a_place_and_the_person_after_the_comma():
    got = found("وقال قائممقام زاخو، سالم حسن البرواري، إن الطريق مفتوح.")
    assert got == [("زاخو", "place", "office"), ("سالم حسن البرواري", "person", "title")]
    assert found("وطالب الأهالي بتنصيب قائممقام وتشكيل إدارة جديدة.") == []


def test_a_word_before_an_organisation_head_is_what_the_title_heads():
    assert [kind for _, kind, _ in found("وقال مسؤول فرع حزب التقدم في البلدة إن الوضع هادئ.")] == ["org"]


def test_the_article_after_lam_is_read_back_for_heads():
    assert ("لإدارة الذاتية", "org", "org head") in found("وانتشرت القوات التابعة للإدارة الذاتية في المدينة.")


def test_an_outlet_named_with_a_number_but_not_a_duration():
    assert ("كوردستان 24", "org", "news outlet") in found("وقال مصدر لكوردستان 24 إن الوضع هادئ.")
    assert found("وتوقف القصف خلال 24 ساعة.") == []


def test_any_word_of_a_known_person_after_a_verb_of_saying(index):
    _, later = run(index, "وكان جوان ابراهيم قائد القوات قد صرح للصحفيين.", "وأضاف ابراهيم أن الوضع هادئ.")
    assert [f.stem for f in later] == ["ابراهيم"]


def test_a_quoted_name_without_its_nationality_and_without_an_honorific():
    assert ("الحرس الوطني", "org", "quoted head") in found("وتعرضت نقطة لميليشيا “الحرس الوطني الإيراني” للقصف.")
    assert ("سلمان", "person", "title") in found("وعين قائدا جديدا خلفا لـ “حج سلمان” أمس.")
    # fighters of a group named after a person: the group, not the person
    assert ("السلطان سليم", "org", "quoted after") in found("واشتبك مسلحو فرقة مع مسلحي “السلطان سليم” ليلا.")


def test_adjectives_and_participles_after_heads_are_not_names():
    assert found("وتقع منطقة عسكرية قرب المطار.") == []
    assert found("وتسيطر القوات على مناطق واسعة من المحافظة.") == []
    assert found("ويقود الحرس ميليشيات مدعومة من الخارج.") == []


def test_a_broadcaster_named_after_a_glossary_place():
    assert ("تلفزيون كركوك", "org", "news outlet") in found("وبث تلفزيون كركوك الخبر.", places=("كركوك",))


def test_guards_met_on_new_text():
    """Common phrases that looked like names to the cues (stop 25)."""
    assert found("قتل زوار في منطقة تقع شمال المدينة.") == []  # a verb after a place head
    assert found("وتأتي الخطوة في إطار سلسلة ممارسات متواصلة.") == []  # في إطار, within the framework of
    assert [n for n, *_ in found("الإطار التنسيقي يجتمع اليوم.")] == ["الإطار التنسيقي"]
    assert found("توجهوا إلى المدينة لإحياء ذكرى وفاة الإمام.") == []  # إحياء (reviving) is not أحياء
    assert found("واتهامه بإدارة تشكيلات أمنية موازية.") == []  # a head before an indefinite plural
    assert found("وقالت إدارة معبر الحدود إن حركة المرور متوقفة.") == []  # a head before a facility head; traffic
    assert found("وذكرت وكالة الأنباء الرسمية أن الوضع هادئ.") == []  # the official agency, described
    assert [n for n, *_ in found("ونقلت لوكالة الأنباء السورية أن")] == ["وكالة الأنباء السورية"]  # ل left out


def test_names_ended_and_joined_on_new_text():
    assert [n for n, *_ in found("وقال وليد حمد العمر المنحدر من البلدة إن")] == ["وليد حمد العمر"]
    assert [n for n, *_ in found("وخلاف بين لاهور شيخ جنكي والقيادي الكردي")] == ["لاهور شيخ جنكي"]
    assert [n for n, *_ in found("وتوزع الأنصار بين مؤيد لبافل وآخرين.")] == []  # مؤيد (supporter) before لبافل
    assert [n for n, *_ in found("وأعلن المتحدث باسم اللجنة نوار نجمة أن")] == ["نوار نجمة"]
    assert [n for n, *_ in found("في مدينة جنديرس المنكوبة، أغلبهم من")] == ["جنديرس"]
    assert [n for n, *_ in found("المعروف باسم مستوطنة بسمة قرب البلدة")] == ["بسمة"]


def test_an_inflected_verb_is_no_name():
    """A verb after a list of places or a title's body is no further name (stop 29)."""
    assert [n for n, *_ in found("داهمت دورية بلدة الرفيد بريف درعا ونصبت حاجزاً مؤقتاً.")] == ["الرفيد", "درعا"]
    assert [n for n, *_ in found("ودخل المسلحون حيي الزهور والسلام واعتقلوا شباناً.")] == ["الزهور", "السلام"]
    assert found("وقالت إن قوات شيخ الجبل تتمتع بنفوذ واسع.") == []
    # a given name that is also a verb's form stays a name (نزار, ياسر)
    assert [n for n, *_ in found("وقال نزار الخطيب إن الطريق مفتوح.")] == ["نزار الخطيب"]


def test_verb_forms_are_generated_from_the_past():
    from workbench.names.arabic_verbs import verb_forms

    forms = verb_forms()
    assert {"اعتقلت", "اعتقلوا", "يعتقل", "يعتقلون", "اعتقل", "انتهت", "ينتهي", "أعلنت", "يعلن"} <= forms
    assert "قتل" not in forms and "فتح" not in forms  # a bare past is a noun too (a party's name)
    assert "تدمر" not in forms and "تقدم" not in forms  # a city, a party


def test_stop_29_names_and_guards():
    # a nom de guerre: a kunya and a nisba of nationality
    assert [n for n, *_ in found("وقال القيادي أبو حسين العراقي إن الهجوم صد.")] == ["أبو حسين العراقي"]
    # an indefinite nisba after منطقة describes it; a masculine one names it
    assert found("وسقطت قذيفة في منطقة سكنية قرب السوق.") == []
    assert [n for n, *_ in found("واشتبكوا في منطقة كوكجلي شرق المدينة.")] == ["كوكجلي"]
    # a third name word before a role that opens with آمر
    assert [n for n, *_ in found("وقال نواف خديدا سنجاري آمر مفرزة في الجبل إن")] == ["نواف خديدا سنجاري"]


def test_a_listed_organisation_is_proposed_with_its_name(index):
    (got,) = run(index, "وأعلنت حكومة الإنقاذ السورية عن خطة جديدة.")
    [mention] = [f for f in got if f.surface == "حكومة الإنقاذ السورية"]
    assert mention.status == "new" and mention.etype == "org" and mention.cue.startswith("known organisation")


def test_latin_acronyms_in_arabic_text_are_organisations_but_not_dates(index):
    (got,) = run(index, "وقالت قناة LBCI إن الهجوم وقع SAT 12 FEB في المدينة.")
    assert [(f.surface, f.etype) for f in got if f.surface.isascii()] == [("LBCI", "org")]


def test_turkish_and_tribal_given_names_open_a_persons_name():
    assert [f[:2] for f in found("واستقبل الوفد يشار أوزتورك في أنقرة.")] == [("يشار أوزتورك", "person")]
    assert [f[:2] for f in found("وشارك في الاجتماع فندي الخلف.")] == [("فندي الخلف", "person")]


def test_an_adjective_of_the_title_is_no_name_and_only_a_given_name_follows_it():
    assert [f[:2] for f in found("وقال المحلل السياسي الأردني صلاح ملكاوي إن الوضع خطير.")] == [
        ("صلاح ملكاوي", "person")]
    assert found("قتل قائد عسكري تابع لفصيل مسلح.") == []
    assert found("وهو زعيم قبلي كان من أشد المعارضين.") == []
    assert found("أفاد مسؤول محلي عراقي بضبط سيارة مفخخة.") == []
    # an indefinite word after a definite title is no adjective of it: a name (Turki)
    assert [f[:2] for f in found("وقال المهندس تركي عزيز حسن إن المياه عادت.")] == [("تركي عزيز حسن", "person")]


def test_a_great_river_is_named_without_its_head_a_village_of_the_river_with_it():
    assert [f[:2] for f in found("عبر المهربون نهر الفرات ثم نهر بردى قرب قرية نهر الكلب.")] == [
        ("الفرات", "place"), ("بردى", "place"), ("نهر الكلب", "place")]


def test_a_shrine_keeps_its_head_with_a_title_a_given_name_or_an_adjective():
    names = [f[:2] for f in found("توجه الزوار إلى مرقد الإمام موسى ثم إلى مقام حسين والعتبة العباسية.")]
    assert names == [("مرقد الإمام موسى", "place"), ("مقام حسين", "place"), ("العتبة العباسية", "place")]
    # an adjective of nationality is no shrine's name, nor a common word after the head
    assert found("زار العتبة السورية ومقام الصلاة.") == []


def test_generic_bodies_are_no_names_even_behind_a_proclitic():
    text = "واجتمع المجلس المدني مع الهيئة الاستشارية وقوات المعارضة بعد انقطاع التيار الكهربائي."
    assert found(text) == []
    # a body with a place of its own is named
    assert [f[:2] for f in found("وقال مجلس الرقة المدني إن الطريق مفتوح.")] == [("مجلس الرقة المدني", "org")]


def test_common_words_that_looked_like_names_after_a_head():
    assert found("هجوم يستهدف قرية علوية، وخرج الناس لإحياء ذكرى الشهداء في مناطق مثل هذه.") == []
    assert found("ونادى باسم أهالي البلدة مختار القرية.") == []


def test_a_place_the_list_spells_only_with_its_head_keeps_it(index):
    (got,) = run(index, "وقع انفجار في مدينة الصدر ثم في قضاء الحويجة.")
    assert [(f.stem, f.detector) for f in got] == [("مدينة الصدر", "gazetteer"), ("الحويجة", "cue")]
    assert got[0].place == "geonames:7802746"


def test_a_nisba_after_two_names_ends_the_name_a_participle_does_not():
    assert [f[:2] for f in found("كما يقول سالم الدليمي المشهداني، الذي يسكن هناك.")] == [
        ("سالم الدليمي المشهداني", "person")]
    assert [f[:2] for f in found("وقال وليد حمد العمر المنحدر من القرية.")] == [("وليد حمد العمر", "person")]


def test_a_battalion_is_named_after_a_man_or_not_at_all_and_a_diocese_after_its_city():
    assert [f[:2] for f in found("وقاتلت كتيبة الحمزة وكتيبة استطلاع وكتيبة المجنزرات.")] == [("كتيبة الحمزة", "org")]
    assert [f[:2] for f in found("وقالت مطرانية حماة للروم الأرثوذكس إن الكنيسة تضررت.")] == [
        ("مطرانية حماة للروم الأرثوذكس", "org")]


def test_well_known_iraqi_armed_groups_are_listed(index):
    (got,) = run(index, "وكان من قادة أنصار الإسلام ثم انضم إلى أنصار السنة.")
    assert [(f.stem, f.etype) for f in got] == [("أنصار الإسلام", "org"), ("أنصار السنة", "org")]


def test_a_quoted_province_is_the_place_and_and_opens_no_name():
    assert [f[:2] for f in found("وقالت المعرفات الرسمية لـ”محافظة طرطوس”، إن الحملة بدأت.")] == [("طرطوس", "place")]
    assert found("ونفذت الحملة ضمن خطة أمنية محكمة ومنظمة.") == []
    assert [f[:2] for f in found("وقال حزب وطن إن الانتخابات تأجلت.")] == [("حزب وطن", "org")]
    assert [f[:2] for f in found("وخلية سالم الأحمد، مسؤولة عن الاغتيال.")] == [("سالم الأحمد", "person")]


def test_christian_given_names_open_a_name_and_a_church_keeps_its_head():
    names = [f[:2] for f in found("قتلت جوليا الخوري وأصيب واصف ماجد في كنيسة مار إلياس.")]
    assert names == [("جوليا الخوري", "person"), ("واصف ماجد", "person"), ("كنيسة مار إلياس", "place")]


def test_a_mosque_named_by_an_adjective():
    assert [f[:2] for f in found("صلى الناس في المسجد الأموي ثم في الجامع النوري.")] == [
        ("المسجد الأموي", "place"), ("الجامع النوري", "place")]
    assert found("صلى الناس في المسجد السوري الكبير.") == []  # a nationality describes it


def test_a_neighbourhood_named_with_a_title_is_the_place_not_a_sheikh(index):
    (got,) = run(index, "وقالت مصادر في الشيخ مقصود إن الشيخ محمود قال ذلك.")
    assert [(f.stem, f.detector, f.etype) for f in got] == [
        ("الشيخ مقصود", "gazetteer", "place"), ("محمود", "cue", "person")]
    assert got[0].place == "town:sy-sheikh-maqsoud"


def test_listed_towns_of_two_words_and_listed_state_bodies(index):
    (got,) = run(index, "وقال التلفزيون السوري إن حزب البعث الدموي انتهى في أشرفية صحنايا.")
    assert [(f.stem, f.detector) for f in got] == [
        ("التلفزيون السوري", "cue"), ("حزب البعث", "cue"), ("أشرفية صحنايا", "gazetteer")]
    assert got[2].place == "town:sy-ashrafiyat-sahnaya" and got[2].cue == "listed place (Town list town:sy-ashrafiyat-sahnaya)"


def test_a_verbal_noun_after_a_name_a_date_and_a_verb_before_to_are_no_names():
    assert [f[:2] for f in found("ورعى الوزير خالد بن سلمان الاجتماع الذي عقد أمس.")] == [("خالد بن سلمان", "person")]
    assert found("وقع الهجوم يوم الجمعة 24 كانون الثاني 2025 الموافق 24 رجب 1446 في القرية.") == []
    assert found("واتهم الأهالي بأن الإدارة السورية لجأت إلى القوة.") == []
    assert found("ونفذت الخلية خطة محكمة استهدفت مقرا للأمن.") == []
    assert [f[:2] for f in found("وقالت شبكة السويداء 24 إن القصف توقف.")] == [("السويداء 24", "org")]


def test_a_village_named_after_a_saint_and_foreign_given_names():
    assert [f[:2] for f in found("واندلعت اشتباكات في بلدة حوش السيد علي الحدودية.")] == [("حوش السيد علي", "place")]
    assert [f[:2] for f in found("واستهدف القصف قرية تل الشيخ حمد أمس.")] == [("تل الشيخ حمد", "place")]
    assert [f[:2] for f in found("وقال الرئيس الفرنسي إيمانويل ماكرون إن الاتفاق مهم.")] == [
        ("إيمانويل ماكرون", "person")]
    assert [f[:2] for f in found("وقال المبعوث الأمريكي توم باراك إن الاتفاق مهم.")] == [("توم باراك", "person")]


def test_national_news_agencies_by_their_full_names(index):
    (got,) = run(index, "وذكرت الوكالة الوطنية للإعلام نقلا عن الوكالة العربية السورية للأنباء أن الهدوء عاد.")
    assert [(f.stem, f.etype, f.status) for f in got] == [
        ("الوكالة الوطنية للإعلام", "org", "new"), ("الوكالة العربية السورية للأنباء", "org", "new")]


def test_committees_are_no_jean_and_a_page_label_is_no_dateline():
    assert found("وشكلت لجان قانونية للنظر في الأمر.") == []  # ل + جان (Jean) is no proclitic and a name
    assert found("الرابط المختصر: شهدت المدينة هدوءا.") == []
    assert found("ثانيا: وصل الوفد إلى المدينة.") == []
    assert [f[:2] for f in found("الدرر الشامية: شهدت المدينة هدوءا.")] == [("الدرر الشامية", None)]


def test_a_village_and_its_adjective_after_a_head():
    assert [f[:2] for f in found("عززت القوات تواجدها في بلدة زيتا الحدودية، وسط اتهامات.")] == [("زيتا", "place")]
    assert found("وتقدمت القوات في مناطق سيطرة النظام.") == []  # a noun governing a common noun


def test_a_listed_town_of_one_word_is_not_named_with_the_word_after_it(index):
    (got,) = run(index, "وقال مدير ناحية بعشيقة ذنون محمد في تصريح إن العمل مستمر.")
    assert [(f.stem, f.detector, f.place) for f in got][0] == ("بعشيقة", "gazetteer", "town:iq-bashiqa")
    (kept,) = run(index, "ووصلت القوات إلى ناحية حوايج ذيبان أمس.")  # no listed town alone: the cue's two words
    assert [(f.stem, f.detector) for f in kept] == [("حوايج ذيبان", "cue")]
    (both,) = run(index, "ووصلت القوات إلى بلدة صيدا الحانوت أمس.")  # a definite second word is part of the name
    assert [(f.stem, f.detector) for f in both] == [("صيدا الحانوت", "cue")]
