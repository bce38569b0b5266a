"""The TOML glossary files: validation with file and line, canonical writing, the curated file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.test_glossary_fixtures import SAMPLE_TOML, sample_entities
from workbench.errors import UserError
from workbench.glossary import formats
from workbench.glossary.formats.toml import check_files, dumps, parse, read_files, read_toml, write_toml

ROOT = Path(__file__).resolve().parents[1]


def problems_of(text: str) -> list[str]:
    return [str(p) for p in parse(text, "g.toml")[1]]


def test_sample_loads_with_lines():
    entities = sample_entities()
    assert [e.id for e in entities][:3] == ["mustafa-al-kadhimi", "jumaa-inad", "abu-bakr-al-baghdadi"]
    kadhimi = entities[0]
    assert kadhimi.line == 5
    assert [(v.lang, v.text, v.line) for v in kadhimi.variants][:3] == [
        ("ar", "مصطفى الكاظمي", 10), ("ar", "الكاظمي", 11), ("fr", "Mustafa al-Kazemi", 14)]
    assert entities[6].wikidata == "Q2429253"


def test_duplicate_id_reported_with_both_lines():
    text = '[a]\ntype = "org"\ncanonical = "A"\n\n[b]\ntype = "org"\ncanonical = "B"\n\n[a]\ntype = "org"\n'
    assert problems_of(text) == ['g.toml:9: duplicate entity id "a" (first at line 1); rename or merge one of them']


def test_unknown_type_empty_names_bad_id_unknown_key():
    text = """[jumaa-inad]
type = "persn"
canonical = "Jumaa Inad"
fr = [
  "Jumaa Inad",
  "  ",
]

[Bad_Id]
type = "org"
canonical = "B"

[c]
type = "place"
canonical = ""
colour = "red"
ar = [
  "Latin letters",
]
"""
    found = problems_of(text)
    assert 'g.toml:2: entity "jumaa-inad": unknown type "persn" (expected person, place, org, other)' in found
    assert 'g.toml:6: entity "jumaa-inad": empty spelling' in found
    assert any(p.startswith('g.toml:9: bad entity id "Bad_Id"') for p in found)
    assert any(p.startswith('g.toml:15: entity "c": empty canonical name') for p in found)
    assert any(p.startswith('g.toml:16: entity "c": unknown key "colour"') for p in found)
    assert any(p.startswith('g.toml:18: entity "c": "Latin letters" in "ar" has no Arabic letters') for p in found)


def test_spelling_claimed_by_two_entities(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text("""[muqtada-al-sadr]
type = "person"
canonical = "Muqtada al-Sadr"
en = [
  "Muqtada al-Sadr",
  "Sadr",
]

[sadr-city]
type = "place"
canonical = "Sadr City"
fr = [
  "Sadr",
]
en = [
  "Sadr City",
  "al-Sadr",
]
""", encoding="utf-8")
    _, problems = check_files([path])
    assert [str(p) for p in problems] == [
        f'{path}:17: "al-Sadr" (en) is claimed by "muqtada-al-sadr" (line 6, as "Sadr") and "sadr-city"; keep it in one entity only']
    with pytest.raises(UserError, match=r"g\.toml:17: "):
        read_toml(path)


def test_invalid_toml_reports_parser_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[a]\ntype = "org"\ncanonical = "A\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"bad\.toml:3: not valid TOML"):
        read_toml(path)


def test_duplicate_ids_across_files(tmp_path):
    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    one.write_text('[a]\ntype = "org"\ncanonical = "A"\n', encoding="utf-8")
    two.write_text('# other\n[a]\ntype = "org"\ncanonical = "A"\n', encoding="utf-8")
    with pytest.raises(UserError, match=r'duplicate entity id "a" \(also at'):
        read_files([one, two])


def test_every_problem_is_in_the_error(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text('[a]\ntype = "x"\ncanonical = ""\n', encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_toml(path)
    assert str(caught.value).splitlines() == [
        "2 problems, nothing was imported:",
        f'  {path}:2: entity "a": unknown type "x" (expected person, place, org, other)',
        f'  {path}:3: entity "a": empty canonical name']


def test_canonical_layout_round_trip(tmp_path):
    entities = sample_entities()
    text = dumps(entities)
    assert text.count("\n\n[") == len(entities) - 1
    assert '[islamic-state]\ntype = "org"\ncanonical = "Islamic State"\nwikidata = "Q2429253"\nar = [\n  "داعش",\n' in text
    path = tmp_path / "out.toml"
    write_toml(entities, path)
    again = read_toml(path)
    assert [(e.id, e.type, e.canonical, e.wikidata, e.note, [(v.lang, v.text) for v in e.variants]) for e in again] == \
        [(e.id, e.type, e.canonical, e.wikidata, e.note, [(v.lang, v.text) for v in e.variants]) for e in entities]


def test_quoting_survives_tomllib():
    from workbench.glossary.model import Entity, Variant

    tricky = Entity("q", "other", 'He said "hi"\\ back', note="tab\there", variants=[Variant("en", 'a "b"')])
    data = tomllib.loads(dumps([tricky]))
    assert data["q"]["canonical"] == 'He said "hi"\\ back' and data["q"]["en"] == ['a "b"']


def test_format_registry():
    assert formats.for_path("x.TOML").name == "toml"
    assert formats.for_path("x.csv").name == "csv"
    assert formats.for_path("x.dat", "csv").name == "csv"
    with pytest.raises(UserError, match="cannot tell the glossary format"):
        formats.for_path("x.dat")
    with pytest.raises(UserError, match="unknown glossary format"):
        formats.for_path("x.csv", "xlsx")


def test_sample_text_is_valid_toml():
    assert len(tomllib.loads(SAMPLE_TOML)) == 9


def test_curated_glossary_loads_cleanly():
    files = sorted((ROOT / "workbench" / "glossary" / "curated").glob("*.toml"))
    if not files:
        pytest.skip("no curated glossary yet")
    entities, problems = check_files(files)
    assert problems == []
    assert len(entities) >= 60
    assert {"person", "place", "org"} <= {e.type for e in entities}
