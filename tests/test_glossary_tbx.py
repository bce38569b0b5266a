"""TBX glossary files: round trip, read by translate-toolkit, safe parsing of hostile XML."""

from __future__ import annotations

import pytest

from workbench.errors import UserError
from workbench.glossary.model import Entity, Variant
from workbench.glossary.formats.tbx import read_tbx, write_tbx


def sample_entities() -> list[Entity]:
    def v(lang, *texts):
        return [Variant(lang, t) for t in texts]

    return [
        Entity("mustafa-al-kadhimi", "person", "Mustafa al-Kadhimi", wikidata="Q56525466",
               note="Prime Minister of Iraq 2020-2022 & head of the <INIS>.",
               variants=v("ar", "مصطفى الكاظمي", "الكاظمي") + v("fr", "Moustafa al-Kazimi", "al-Kazemi")
               + v("en", "Mustafa al-Kadhimi", "Kadhimi")),
        Entity("hasakah", "place", "Hasakah",
               variants=v("ar", "الحسكة") + v("fr", "Hassaké") + v("en", "Hasakah", "Hasaka", "Al-Hasakah")),
        Entity("islamic-state", "org", "Islamic State", wikidata="Q2429253",
               variants=v("ar", "داعش", "تنظيم الدولة الإسلامية") + v("fr", "Daech", "État islamique")
               + v("en", "Islamic State", "ISIS", '"IS"')),
        Entity("sdf-english-only", "other", "Names & <Co>", variants=v("en", "Names & <Co>")),
    ]


def summary(entities):
    return [(e.id, e.type, e.canonical, e.wikidata, e.note,
             sorted((v.lang, v.text) for v in e.variants)) for e in entities]


def test_round_trip(tmp_path):
    out = tmp_path / "g.tbx"
    write_tbx(sample_entities(), out)
    back = read_tbx(out)
    assert summary(back) == summary(sample_entities())
    assert back[0].variants[0].source == str(out)


def test_canonical_is_always_an_english_term_but_not_added_as_a_spelling(tmp_path):
    entity = Entity("x", "place", "Raqqa", variants=[Variant("ar", "الرقة"), Variant("en", "Al-Raqqah")])
    write_tbx([entity], tmp_path / "x.tbx")
    assert "<tig><term>Raqqa</term>" in (tmp_path / "x.tbx").read_text(encoding="utf-8")
    back = read_tbx(tmp_path / "x.tbx")[0]
    assert back.canonical == "Raqqa"
    assert [v.text for v in back.variants if v.lang == "en"] == ["Al-Raqqah"]


def test_read_by_translate_toolkit(tmp_path):
    from translate.storage import tbx

    out = tmp_path / "g.tbx"
    write_tbx(sample_entities(), out)
    store = tbx.tbxfile.parsestring(out.read_bytes())
    units = store.units
    assert [u.getid() for u in units] == [e.id for e in sample_entities()]
    first = units[0]
    assert [t.text for t in first.get_source_terms()] == ["Mustafa al-Kadhimi", "Kadhimi"]
    assert first.get_source_terms()[0].administrative_status == "preferredTerm-admn-sts"
    assert [t.text for t in first.get_target_terms("ar")] == ["مصطفى الكاظمي", "الكاظمي"]
    assert [t.text for t in first.get_target_terms("fr")] == ["Moustafa al-Kazimi", "al-Kazemi"]
    notes = {n.text for n in first.get_source_terms()[0].notes}
    assert "Prime Minister of Iraq 2020-2022 & head of the <INIS>." in notes
    assert units[3].source == "Names & <Co>"


def test_file_shape(tmp_path):
    out = tmp_path / "g.tbx"
    write_tbx(sample_entities()[:1], out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic"')
    assert '<termEntry id="mustafa-al-kadhimi">' in text
    assert '<descrip type="subjectField">person</descrip>' in text
    assert 'target="https://www.wikidata.org/wiki/Q56525466">Q56525466</xref>' in text
    assert '<langSet xml:lang="ar">' in text and "&amp; head of the &lt;INIS&gt;" in text


def test_existing_file_needs_force(tmp_path):
    out = tmp_path / "g.tbx"
    out.write_text("old")
    with pytest.raises(UserError, match="already exists; pass --force"):
        write_tbx(sample_entities(), out)
    assert out.read_text() == "old"
    write_tbx(sample_entities(), out, force=True)
    assert len(read_tbx(out)) == 4


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE martif [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="en"><tig><term>&lol3;</term></tig>
</langSet></termEntry></body></text></martif>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="en"><tig><term>&secret;</term></tig>
</langSet></termEntry></body></text></martif>
"""


@pytest.mark.parametrize("text, message", [
    (BILLION_LAUGHS, "refused: the file declares XML entities"),
    (EXTERNAL, "refused: the file declares XML entities"),
    ("<martif><text><body><termEntry></body></martif>", "g.tbx:1: not well-formed XML"),
    ("<tmx version='1.4'><body/></tmx>", "not a TBX file"),
    ("<martif><text><body><termEntry id='a'><langSet xml:lang='ar'><tig><term>الحسكة</term></tig></langSet>"
     "</termEntry></body></text></martif>", "g.tbx: entry 1: entity \"a\": no English term"),
    ("", "not well-formed XML"),
])
def test_hostile_or_bad_files_are_refused(tmp_path, text, message):
    path = tmp_path / "g.tbx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        read_tbx(path)


def test_external_dtd_reference_is_not_fetched(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://example.org/TBXcoreStructV02.dtd">\n'
                    '<martif type="TBX"><text><body><termEntry id="a"><descrip type="subjectField">place</descrip>'
                    '<langSet xml:lang="en"><tig><term>Hasakah'
                    "</term></tig></langSet></termEntry></body></text></martif>", encoding="utf-8")
    # sockets are blocked in tests: reading succeeds only because nothing is fetched
    assert read_tbx(path)[0].canonical == "Hasakah"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        read_tbx(tmp_path / "none.tbx")
    with pytest.raises(UserError, match="is a folder"):
        read_tbx(tmp_path)


TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>other tool</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="C-17">
      <descrip type="subjectField">place</descrip>
      <langSec xml:lang="fr-FR"><termSec><term>Hassaké</term></termSec></langSec>
      <langSec xml:lang="ar-SY"><termSec><term>الحسكة</term></termSec></langSec>
      <langSec xml:lang="de"><termSec><term>Hasaka (de)</term></termSec></langSec>
      <langSec xml:lang="en-US">
        <termSec><term>Hasaka</term></termSec>
        <termSec><term>Hasakah</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry>
      <descrip type="subjectField">Politics</descrip>
      <langSec xml:lang="en"><termSec><term>Popular Mobilization Forces</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_from_other_tools_is_checked_like_every_format(tmp_path):
    path = tmp_path / "v3.tbx"
    path.write_text(TBX3, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_tbx(path)
    message = str(caught.value)
    assert message.startswith("4 problems, nothing was imported:")
    assert f'{path}: entry 1: entity "C-17": unknown language "de"' in message
    assert f'{path}: entry 1: bad entity id "C-17"' in message and 'write "c-17" instead' in message
    assert f'{path}: entry 2: missing entity id; give it one such as "popular-mobilization-forces"' in message
    assert f'{path}: entry 2: unknown type "politics"' in message
    fixed = (TBX3.replace('"C-17"', '"hasakah"').replace('<conceptEntry>', '<conceptEntry id="pmf">')
             .replace("Politics", "org").replace('<langSec xml:lang="de"><termSec><term>Hasaka (de)</term></termSec>'
                                                 '</langSec>', ""))
    path.write_text(fixed, encoding="utf-8")
    first, second = read_tbx(path)
    assert (first.id, first.type, first.canonical) == ("hasakah", "place", "Hasakah")
    assert sorted((v.lang, v.text) for v in first.variants) == [
        ("ar", "الحسكة"), ("en", "Hasaka"), ("en", "Hasakah"), ("fr", "Hassaké")]
    assert (second.id, second.type) == ("pmf", "org")


def test_spelling_held_by_two_entities_is_refused(tmp_path):
    entities = sample_entities()[:2]
    entities[1].variants.append(Variant("ar", "الكاظمي"))
    write_tbx(entities, tmp_path / "g.tbx")
    with pytest.raises(UserError, match='g.tbx: entry 2: "الكاظمي" \\(ar\\) is claimed by "mustafa-al-kadhimi" '
                                        '\\(entry 1\\) and "hasakah"'):
        read_tbx(tmp_path / "g.tbx")


def test_registered_format(tmp_path):
    from workbench.glossary import formats

    fmt = formats.for_path(tmp_path / "g.tbx")
    assert fmt.name == "tbx"
    fmt.write(sample_entities(), tmp_path / "g.tbx")
    assert summary(fmt.read(tmp_path / "g.tbx")) == summary(sample_entities())
