"""Short and run-together forms of glossary spellings (my own sentences)."""

from __future__ import annotations

from workbench.align.glossary_forms import (family_names, joined_mentions, joined_names, last_words,
                                            surname_mentions)
from workbench.align.spans import Segment
from workbench.names.lookup import Lexicon
from workbench.text.tokens import words

LEXICON = Lexicon.from_rows([
    ("p1", "person", "Karim al-Nahrawani", [("ar", "كريم النهرواني")]),
    ("p2", "person", "Salim al-Fahd", [("ar", "سليم الفهد")]),  # a common noun (the lynx): no nisba
    ("c1", "place", "Nahrawan", [("ar", "النهرواني الكبير")]),  # a place's word is no family name
    ("c2", "place", "Wadi al-Sawan", [("ar", "وادي الصوان")]),
])


def mentions(text: str) -> list[tuple[str, str, str]]:
    tokens = words(text)
    seg = Segment(0, text, 0, tokens, [False] * len(tokens))
    found = surname_mentions(seg, len(text), family_names(LEXICON), last_words(LEXICON))
    return [(f.stem, f.etype, f.cue) for f in found]


def test_family_names_are_the_nisbas_of_people():
    assert family_names(LEXICON) == {"النهرواني": "كريم النهرواني"}


def test_a_family_name_alone_is_the_person():
    assert mentions("وطالب أنصار النهرواني بالإفراج عنه.") == [
        ("النهرواني", "person", "family name of 'كريم النهرواني'")]
    assert [m[0] for m in mentions("ورد الوزير على والنهرواني معا.")] == ["النهرواني"]  # a proclitic


def test_after_a_definite_word_it_is_an_adjective():
    assert mentions("وصل الوفد النهرواني إلى العاصمة.") == []
    assert mentions("شوهد الفهد في الجبل.") == []


def test_a_name_written_without_its_space_is_the_glossary_name():
    text = "ووصلت التعزيزات إلى بواديالصوان فجرا."
    tokens = words(text)
    seg = Segment(0, text, 0, tokens, [False] * len(tokens))
    (hit,) = joined_mentions(seg, len(text), joined_names(LEXICON))
    assert (hit.stem, hit.entity_ids) == ("واديالصوان", ["c2"])
    # short run-together words are left alone: they could be words of their own
    assert "ابوعلي" not in joined_names(Lexicon.from_rows([("p", "person", "Abu Ali", [("ar", "ابو علي")])]))


def test_after_the_regime_of_any_last_word_of_a_person_is_the_person():
    # الفهد is also a common noun (the lynx): alone it is no mention, after نظام or ميليشيا it is the man
    assert mentions("وشاهد الصيادون الفهد قرب الوادي.") == []
    assert [m[0] for m in mentions("وانتقد المعارضون نظام الفهد وميليشيا فهد في البلدة.")] == ["الفهد", "فهد"]


def test_after_the_forces_of_a_last_word_of_a_person_is_the_person():
    # قوات الفهد: the forces of the man, not of the lynx; the forces of another word stay unfound here
    assert [m[0] for m in mentions("وتقدمت قوات الفهد نحو الوادي، ولقوات فهد مواقع أخرى.")] == ["الفهد", "فهد"]
    assert mentions("وتقدمت قوات الحدود نحو الوادي.") == []


def test_the_openings_of_long_spellings_follow_the_spellings_added():
    from workbench.text.tokens import key_of

    lexicon = Lexicon.from_rows([("o1", "org", "Popular Council", [("ar", "هيئة المجلس الشعبي"), ("ar", "المجلس")])])
    opening = key_of("هيئة المجلس")
    assert lexicon.openings == {opening: frozenset({"o1"})}  # two-word spellings open nothing
    grown = lexicon.extended([("o2", "ar", "هيئة المجلس الأعلى")], [("o2", "org", "High Council")])
    assert grown.openings[opening] == {"o1", "o2"}
    assert lexicon.openings[opening] == {"o1"}  # the lexicon it was made from is unchanged
