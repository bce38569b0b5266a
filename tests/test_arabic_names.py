"""Arabic names outside the glossary, found by titles, heads and the structure of names (my own texts)."""

from __future__ import annotations

import pytest

from workbench.align import arabic_names
from workbench.text.tokens import words


def found(text: str, taken_words: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    tokens = words(text)
    taken = [t.text in taken_words for t in tokens]
    return [(text[tokens[c.first].start + c.prefix:tokens[c.first + c.count - 1].end], c.type, c.cue)
            for c in arabic_names.find(tokens, taken, text)]


@pytest.mark.parametrize("text, expected", [
    ("وقال الشيخ حامد الفرج إن القرية آمنة.", ("حامد الفرج", "person", "title")),
    ("وصلت التعزيزات إلى قرية الصبحة ليلا.", ("الصبحة", "place", "place head")),
    ("دخلت الدورية بلدة تل تمر صباحا.", ("تل تمر", "place", "place head")),
    ("أصدر المرصد السوري لحقوق الإنسان بيانا.", ("المرصد السوري لحقوق الإنسان", "org", "org head")),
    ("اعتقلت القوات أبو عمر الحمصي أمس.", ("أبو عمر الحمصي", "person", "kunya")),
    ("وصل محمد بن عبد الله الجبوري إلى المدينة.", ("محمد بن عبد الله الجبوري", "person", "given name")),
])
def test_each_cue_finds_its_name(text, expected):
    assert expected in found(text)


def test_a_title_reaches_past_its_role_and_a_known_name():
    # the organisation is a glossary name (taken): the person after it is still found
    text = "وقال المتحدث باسم قسد فرهاد شامي إن الهجوم فشل."
    assert ("فرهاد شامي", "person", "title") in found(text, taken_words=("قسد",))


def test_words_that_look_like_names_are_not_names():
    # على (on) is not علي (Ali); a lone given name is not enough; described forces are not named ones
    assert found("سيطرت القوات على مدار الساعة على معظم أجزاء الحي.") == []
    assert found("انتشرت القوات العراقية في المنطقة المحاذية.") == []
    assert found("قال إن الأمل كبير.") == []
    # an indefinite head described by an adjective: a military post, an official agency
    assert found("هاجم مسلحون موقعا عسكريا قرب النهر.") == [] and found("هاجم مسلحون موقع عسكري قرب النهر.") == []
    assert found("ونقلت وكالة رسمية عن مصدر أمني.") == []
    assert ("الخابور", "org", "outlet head") in found("ونقل موقع الخابور المحلي الخبر.")


def test_proclitics_stay_outside_the_name():
    tokens = words("والتقى الوفد بمحمد الجبوري.")
    (cue,) = arabic_names.find(tokens, [False] * len(tokens))
    assert cue.prefix == 1 and tokens[cue.first].text == "بمحمد"


@pytest.mark.parametrize("text, expected", [
    # a quotation after what names it: an outlet head, a title, لـ, «so-called»; or a head inside it
    ('ونقل موقع "الرافدين" الإخباري الخبر.', ("الرافدين", "org", "quoted after")),
    ('واعتقلت الدورية المدعو "سامر" أمس.', ("سامر", "person", "title")),
    ('وقال في تصريح لـ"الأفق الجديد" إن الوضع هادئ.', ("الأفق الجديد", "org", "quoted after")),
    ('وهاجم مسلحون مقر ما يسمى "إقليم الجزيرة" ليلا.', ("إقليم الجزيرة", "place", "so-called")),
    ('واجتمع "المجلس المدني" في البلدة.', ("المجلس المدني", "org", "quoted head")),
    ('وقتل رجل يدعى (حامد سالم الفرج) أمس.', ("حامد سالم الفرج", "person", "title")),
])
def test_a_quotation_is_a_name_when_its_cue_says_so(text, expected):
    assert expected in found(text)


def test_a_quoted_phrase_is_not_a_name():
    assert found('ودعا إلى "مقاومة الجهات المعادية" في المنطقة.') == []


def test_a_dual_head_names_two_places():
    text = "وهاجم المسلحون حواجز في بلدتي السويدة والكرامة أمس."
    assert found(text)[:2] == [("السويدة", "place", "place head"), ("الكرامة", "place", "place head")]


@pytest.mark.parametrize("text, expected", [
    ("دخلت الدورية قرية حويجة صكر فجرا.", "حويجة صكر"),  # a bare first word takes a second
    ("دخلت الدورية قرية جديدة الغانم فجرا.", "جديدة الغانم"),  # جديدة opens village names
    ("وصلت التعزيزات إلى قرية الصبحة ليلا.", "الصبحة"),  # a definite name stops
    ("سيطروا على بلدة الحصان بالكامل.", "الحصان"),  # بالكامل starts a new phrase
])
def test_how_many_words_a_place_takes_after_its_head(text, expected):
    assert [name for name, kind, _ in found(text) if kind == "place"] == [expected]


def test_a_long_name_after_a_title_ends_on_its_family_name():
    assert ("حمدان سليم فرحان العلي", "person", "title") in found("وقتل الشيخ حمدان سليم فرحان العلي أمس.")


@pytest.mark.parametrize("text, expected", [
    ("حصلت كتلة الوفاق للتغيير على عشرة مقاعد.", "الوفاق للتغيير"),  # a bloc head stays outside
    ("انتقد التيار المدني القرار.", "التيار المدني"),  # a definite head and a nisba: a name
    ("وأعلن الحرس الوطني الإيراني التعبئة.", "الحرس الوطني"),  # the nationality is not part of it
    ("أصدر مركز دمشق للأبحاث الشرقية تقريرا.", "مركز دمشق للأبحاث الشرقية"),  # an adjective closes لـ
    ("وقال مصدر لنبض برس إن الطريق مغلق.", "نبض برس"),  # the outlet's proclitic stays outside
    ("وذكرت شبكة الوادي ميديا أن القصف استمر.", "الوادي ميديا"),
])
def test_organisations_and_outlets(text, expected):
    assert expected in [name for name, kind, _ in found(text) if kind == "org"]


def test_described_forces_and_plural_areas_are_not_names():
    assert found("وانتشرت الأجهزة الأمنية في المناطق المحاذية للنهر.") == []
    assert [n for n, k, _ in found("انسحبت القوات الحكومية من المناطق مستغلة الظلام.")] == []


def test_what_a_title_heads_is_not_a_person():
    # رئيس + a definite noun is "head of the ...": the person comes after it, or there is none
    names = found("وأطلقوا النار على رئيس المجلس البلدي أحمد الخلف أمس.")
    assert ("أحمد الخلف", "person", "title") in names
    assert not [n for n, k, _ in names if k == "person" and n.startswith("المجلس")]
    assert [n for n, k, _ in found("وقال رئيس الاتحاد، إن الاجتماع تأجل.") if k == "person"] == []


def test_a_definite_head_and_another_head_are_not_names():
    assert found("وتضم المحافظة بدءا من الشمال عدة بلدات.") == []  # المحافظة: the province
    assert [n for n, k, _ in found("وصل الوفد إلى مركز مدينة الرقة.") if k == "org"] == []


def test_an_outlet_of_three_words():
    assert ("الشرق ديلي بريس", "org", "outlet head") in found("وقال مصدر لوكالة الشرق ديلي بريس إن الطريق مغلق.")


def test_descriptions_after_a_head_are_not_names():
    # a derived participle describes the head (a province mixed ...), a short nisba a tribe (a Sunni tribe)
    assert found("وتعد المنطقة محافظة متداخلة سياسيا وأمنيا.") == []
    assert found("وقاتل أبناء عشيرة شيعية في البلدة.") == []
    assert ("الفهود", "org", "outlet head") in found("وقاتل أبناء عشيرة الفهود في البلدة.")


def test_a_spaced_dash_sets_off_an_aside():
    assert found("دخلت الدورية بلدة صفيرة - موطن الشيخ فجرا.") == [("صفيرة", "place", "place head")]


def test_news_after_an_agency_head_leaves_the_quoted_name():
    assert found("ونقلت وكالة أنباء «النهرين» عن مصدر أمني الخبر.") == [("النهرين", "org", "quoted after")]


def test_a_bracket_after_a_dash_is_a_credit_not_the_places_other_name():
    assert found("دورية في ناحية الصفصافة - (أرشيف)") == [("الصفصافة", "place", "place head")]
    assert ("الكرامة", "place", "place head") in found("وصلت إلى ناحية الصفصافة (الكرامة) قواتنا.")


def test_la_before_a_word_that_starts_with_lam():
    # للواء is ل + لواء (a brigade's name follows), not ل + the article
    assert ("لواء الصقور", "org", "org head") in found("انضم العشرات للواء الصقور المدعوم.")


def test_a_plural_head_lists_places_in_quotes_or_after_commas():
    assert [name for name, _, _ in found("ودهمت الدورية قرى «الصوان، الغبرة، المليحة والكسار» فجرا.")] == [
        "الصوان", "الغبرة", "المليحة", "الكسار"]
    assert [name for name, _, _ in found("سيطروا على بلدات تل شعير، والغبرة والمليحة أمس.")] == [
        "تل شعير", "الغبرة", "المليحة"]
    # a quotation that is not a clean list of names is left alone; after one place a comma ends it
    assert found("ودهمت الدورية قرى «الصوان، حيث اعتقلت» فجرا.") == []
    assert [name for name, _, _ in found("دخلت القوات قرية الصوان، والمليحة صامدة.")] == ["الصوان"]


def test_a_word_that_belongs_to_a_district_is_a_place():
    assert ("العوينات", "place", "belongs to") in found("هاجم المسلحون العوينات التابعة لناحية الصفا ليلا.")
    assert ("العوينات", "place", "belongs to") in found("وصلوا إلى بالعوينات التابعة لقضاء الصفا.")
    # belonging to a force is no cue (نقطة التابعة لقوات ...)
    assert not any(cue == "belongs to" for _, _, cue in found("هاجموا المقر التابع لقوات الأمن."))


def test_quoted_names_after_a_page_or_in_single_quotes():
    assert ("المكتب الإعلامي", "org", "quoted after") in found('حسب صفحة "المكتب الإعلامي" على الإنترنت.')
    assert ("سالم الفهداوي", "person", "quoted name") in found("من وجهاء العشائر مثل 'سالم الفهداوي' وغيره.")


@pytest.mark.parametrize("text, expected", [
    # a given name of two words (عبد + a name of God) is followed by the father's name, not closed by it
    ("ونقل العميد عبد الكريم ناصر السالم إلى الرقة.", "عبد الكريم ناصر السالم"),
    ("وكلف العقيد عبد الرحيم سعيد عبد الرحيم في حماة.", "عبد الرحيم سعيد عبد الرحيم"),
    # after a title, a third word without the article ends the name before في / من or a comma
    ("وعين العميد سامر حسن قبلان في القنيطرة.", "سامر حسن قبلان"),
    ("وتسلم العقيد نادر خليل دوبا، قيادة الشرطة.", "نادر خليل دوبا"),
])
def test_long_names_after_a_rank(text, expected):
    assert (expected, "person", "title") in found(text)


def test_a_third_word_after_a_title_still_needs_a_name_end():
    # a role or a verb after the second word keeps the name at two words
    assert ("سامر حسن", "person", "title") in found("وعين العميد سامر حسن مديرا للناحية.")


def test_assemblies_named_by_their_members_are_common_nouns():
    assert found("وصوت مجلس النواب على الموازنة أمس.") == []
    assert found("وأقر مجلس الوزراء خطة الإعمار.") == []
    assert found("وقاطع المجلس الحاضرون الجلسة.") == []
    assert found("وشكر المجلس الحاضرين على مشاركتهم.") == []
    assert ("مجلس الإنقاذ", "org", "org head") in found("وأعلن مجلس الإنقاذ موقفه.")


def test_an_organisation_name_stops_before_a_demonstrative():
    assert ("حزب النهضة الوطنية", "org", "org head") in found("ورشح حزب النهضة الوطنية لهذا المنصب رجلا آخر.")


def test_after_a_title_an_office_or_a_ministry_is_no_person():
    assert found("وقال رئيس مكتب شؤون المهجرين إن العدد ارتفع.") == []
    out = found("وأكد الأمين العام لوزارة الزراعة، الدكتور سعيد خلف، أن الخطة جاهزة.")
    # (a ministry named by its portfolio alone is a common noun, no mention; the man after it still is one)
    assert [o for o in out if o[1] == "org"] == [] and ("سعيد خلف", "person", "title") in out
    out = found("وأكد الأمين العام لوزارة الزراعة السورية، الدكتور سعيد خلف، أن الخطة جاهزة.")
    assert ("وزارة الزراعة السورية", "org", "org head") in out and ("سعيد خلف", "person", "title") in out
    assert ("الأسايش", "org", "org head") in found("وقال القائد العام لقوات الأسايش إن الوضع هادئ.")


@pytest.mark.parametrize("text, expected", [
    ("وداهم الأمن العسكري منزل المطلوب.", "الأمن العسكري"),
    ("وسلم المطلوب نفسه للأمن الجنائي أمس.", "لأمن الجنائي"),
    ("وانتشرت قوى الأمن الداخلي عند المدخل.", "قوى الأمن الداخلي"),
])
def test_a_security_agency_is_named_by_its_branch(text, expected):
    assert (expected, "org", "security agency") in found(text)


def test_security_alone_or_described_otherwise_is_no_agency():
    assert found("وتحسن الأمن في المدينة كثيرا.") == []
    assert found("وقالت إن الأمن الغذائي مهدد.") == []


@pytest.mark.parametrize("text, expected", [
    ("وقالت وزارة التعليم العالي والبحث العلمي إن الدوام مستمر.", "وزارة التعليم العالي والبحث العلمي"),
    ("وأعلنت وزارة العمل والشؤون الاجتماعية العراقية صرف الرواتب.", "وزارة العمل والشؤون الاجتماعية العراقية"),
    ("وأصدرت وزارة الصحة السورية بيانا.", "وزارة الصحة السورية"),
])
def test_a_ministry_joins_its_portfolios_and_keeps_its_country(text, expected):
    assert (expected, "org", "org head") in found(text)


def test_other_organisations_stop_before_and_and_a_nationality():
    assert ("حزب النهضة", "org", "org head") in found("وانتقد حزب النهضة والحكومة القرار.")
    assert ("الحرس الثوري", "org", "org head") in found("وقال الحرس الثوري الإيراني إن القصف مستمر.")


def test_a_quoted_name_after_a_facility_head_is_the_facility():
    assert ("شاريا", "place", "place head") in found('وكانوا يقطنون مخيم "شاريا" قرب المدينة.')
    assert found('وعاد المقاتلون إلى المخيم "الجديد" أمس.') == []


def test_a_name_opening_with_abd_counts_the_pair_as_one_given_name():
    # عبد الرزاق is one given name: the father's name and the family name follow it
    assert ("عبد الرزاق ويس الفرحان", "person", "given name") in found(
        "وأفرجت الفصائل عن عبد الرزاق ويس الفرحان بعد أسبوع.")
    assert ("عبد الرزاق حمود", "person", "given name") in found("وأفرج عن عبد الرزاق حمود بعد أسبوع.")


def test_a_word_behind_and_opens_the_next_item_not_a_name():
    # after a title and its complement, و + a word that is no given name is the next item of a list
    assert found("اتفقوا على تسمية رئيس مجلس المحافظة وباقي المناصب.") == []
    # a name does not run on into و + a word that is no given name (two villages, not one name)
    assert [f[0] for f in found("قصف على بلدة يعرب وشنينة في ريف الرقة.")] == ["يعرب", "شنينة", "الرقة"]
    # a given name that opens with و stays a name, after a title and inside a name
    assert ("وصفي عاصي", "person", "title") in found("هاجموا نقطة لحشد الشيخ وصفي عاصي في القرية.")
    assert ("أحمد وليد الجبوري", "person", "title") in found("التقى الشيخ أحمد وليد الجبوري بالوفد.")
    # و that belongs to the word (وطن) is no conjunction; لذا (so) ends a place's name
    assert [f[0] for f in found("وقال مراسل وطن إف إم، إن الحملة بدأت.")] == ["وطن إف إم"]
    assert [f[0] for f in found("من أبناء مدينة منبج لذا فإن المجلس مسؤول.")] == ["منبج"]


@pytest.mark.parametrize("text, expected", [
    ("قالت ألوية المجد في بيان إن الهجوم فشل.", ("ألوية المجد", "org", "org head")),
    ("انفجرت عبوة عند جامع خديجة الكبرى مساء.", ("جامع خديجة الكبرى", "place", "facility head")),
    ("وقال مجلس مدينة تلبيسة في بيان إن الوضع هادئ.", ("مجلس مدينة تلبيسة", "org", "council head")),
    ("تم تأسيس مجلس منطقة الطبقة المدني قبل عام.", ("مجلس منطقة الطبقة المدني", "org", "council head")),
    ("نقلت السفير نيوز عن مصدر أمني.", ("السفير نيوز", "org", "news outlet")),
    ("وقالت فرقة السلطان عبد الحميد في بيان إن الهجوم فشل.", ("فرقة السلطان عبد الحميد", "org", "org head")),
])
def test_heads_of_units_mosques_and_councils_and_an_outlet_after_a_title(text, expected):
    assert expected in found(text)


def test_quantities_participles_ranks_and_numbered_units_are_no_names():
    assert found("أوقفت القوات الهجوم مدة 24 ساعة.") == []  # a duration, no outlet named 24
    assert [f[0] for f in found("فيما رصدت درعا 24 يوم أمس انفجار عبوة.")] == ["درعا 24"]
    assert found("من قبل أي جهة أو تيار مناهض لهم.") == []  # a current described, not named
    assert found("وقال قائد أركان الفرقة إن الهجوم فشل.") == []  # the chief of staff, a rank
    assert found("وقال العجيلي وهو وزير أسبق إن الهجوم فشل.") == []  # a former minister
    assert found("وأكد أن ألوية ( 18-17-19-13) اشتركت بالعملية.") == []  # numbered units in brackets
    assert found("وقالت مؤسسة المياه إن المحطة توقفت.") == []  # a body named by what it runs alone


def test_a_word_and_an_outlets_ending_after_a_title_is_the_outlet():
    assert ("يكيتي ميديا", "org", "news outlet") in found("وأفاد مراسل يكيتي ميديا في المدينة بأن الشرطة انتشرت.")


def test_a_square_keeps_its_head_and_a_long_name_reaches_its_tribes_nisba():
    assert ("ساحة الحبوبي", "place", "facility head") in found("تجمع المتظاهرون في ساحة الحبوبي وسط المدينة.")
    names = [f[0] for f in found("الشهداء هم: أيسر وليد سحاب سرحان العبيدي، وعلي ضاري محمد نجم العبيدي.")]
    assert names == ["أيسر وليد سحاب سرحان العبيدي", "علي ضاري محمد نجم العبيدي"]
    # the words before a nisba are plain nouns: no verb, no feminine noun run on to it
    assert not any("المستوطن" in f[0] for f in found("وقدم حسن شكوى رسمية بحق المستوطن العربي."))


def test_an_operations_command_a_marsh_and_words_after_a_name_that_end_it():
    assert ("قيادة عمليات سومر", "org", "org head") in found("أعلنت قيادة عمليات سومر اعتقال المتهمين.")
    assert ("عمليات سومر", "org", "org head") in found("وقال قائد عمليات سومر إن القوات انتشرت.")
    assert found("نفذت القوات عمليات عسكرية في المنطقة.") == []
    assert ("هور الجبايش", "place", "place head") in found("تراجع منسوب المياه في هور الجبايش هذا العام.")
    assert [f[0] for f in found("وتحرك عباس لأخذ سلاحه من السيارة.")] == []
    assert [f[0] for f in found("المتهم عباس دينار الشويلي العنصر البارز في العصابة.")] == ["عباس دينار الشويلي"]
    assert ("سد تشرين", "place", "facility head") in found("تقدمت القوات نحو سد تشرين في ريف منبج.")
