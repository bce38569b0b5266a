"""Arabic names outside the glossary, found by titles, heads and the structure of names (my own texts)."""

from __future__ import annotations

import pytest

from workbench.align import arabic_names
from workbench.text.tokens import words


def found(text: str, taken_words: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    tokens = words(text)
    taken = [t.text in taken_words for t in tokens]
    return [(text[tokens[c.first].start:tokens[c.first + c.count - 1].end], c.type, c.cue)
            for c in arabic_names.find(tokens, taken)]


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


def test_proclitics_stay_outside_the_name():
    tokens = words("والتقى الوفد بمحمد الجبوري.")
    (cue,) = arabic_names.find(tokens, [False] * len(tokens))
    assert cue.prefix == 1 and tokens[cue.first].text == "بمحمد"
