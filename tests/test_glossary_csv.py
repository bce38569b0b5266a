"""CSV interchange: exact header, round trip, errors with line numbers."""

from __future__ import annotations

import csv

import pytest

from tests.test_glossary_fixtures import sample_entities
from workbench.errors import UserError
from workbench.glossary.formats.csv import dumps, parse, read_csv, write_csv
from workbench.glossary.model import Entity


def snapshot(entities):
    return [(e.id, e.type, e.canonical, e.wikidata, e.note, [(v.lang, v.text) for v in e.variants]) for e in entities]


def test_round_trip(tmp_path):
    entities = sample_entities()
    path = tmp_path / "g.csv"
    write_csv(entities, path)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").splitlines()
    assert lines[0] == "entity_id,type,canonical_en,lang,variant,note,wikidata"
    assert lines[1] == "mustafa-al-kadhimi,person,Mustafa al-Kadhimi,ar,مصطفى الكاظمي,Prime Minister of Iraq 2020-2022.,"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert len(rows) == 1 + sum(len(e.variants) for e in entities)
    assert snapshot(read_csv(path)) == snapshot(entities)


def test_header_without_optional_columns_and_quoting():
    entity = Entity("a-b", "org", "Comma, Inc.", variants=[])
    text = dumps([entity])
    assert text.splitlines()[0] == "entity_id,type,canonical_en,lang,variant"
    assert text.splitlines()[1] == 'a-b,org,"Comma, Inc.",,'
    assert snapshot(parse(text)) == [("a-b", "org", "Comma, Inc.", None, None, [])]


def test_optional_columns_in_any_order_and_bom():
    text = "\ufeffentity_id,type,canonical_en,lang,variant,wikidata,note\nhasakah,place,Hasakah,fr,Hassaké,,City\n"
    [entity] = parse(text.lstrip("\ufeff"))
    assert entity.note == "City" and entity.wikidata is None


@pytest.mark.parametrize("text, message", [
    ("entity_id,type,canonical,lang,variant\n", r"x\.csv:1: header must be exactly entity_id,type,canonical_en,lang,variant"),
    ("entity_id,type,canonical_en,lang,variant\nBad Id,org,X,en,X\n", r"x\.csv:2: bad entity id"),
    ("entity_id,type,canonical_en,lang,variant\na,persn,X,en,X\n", r'x\.csv:2: entity "a": unknown type "persn" \(expected person, place, org, other\)'),
    ("entity_id,type,canonical_en,lang,variant\na,org,X,de,X\n", r'x\.csv:2: entity "a": unknown language "de"'),
    ("entity_id,type,canonical_en,lang,variant\na,org,X,en,\n", r'x\.csv:2: entity "a": empty spelling'),
    ("entity_id,type,canonical_en,lang,variant\na,org,X,en,Y\na,person,X,en,Z\n", r"x\.csv:3: entity 'a': type 'person' differs"),
    ("entity_id,type,canonical_en,lang,variant\na,org,X,en,Y,extra\n", r"x\.csv:2: 6 fields, expected 5"),
    ("entity_id,type,canonical_en,lang,variant\na,org,A,en,Sadr\nb,org,B,en,al-Sadr\n", r'x\.csv:3: "al-Sadr" \(en\) is claimed'),
    ("", r"x\.csv: empty file"),
])
def test_errors_name_file_and_line(text, message):
    with pytest.raises(UserError, match=message):
        parse(text, "x.csv")


def test_every_bad_row_is_reported_with_what_to_write():
    text = ("entity_id,type,canonical_en,lang,variant\n"
            "Bad_Id,org,Bad Id,en,X\n"          # id: suggestion
            "a,org,A,en,Y\n"
            "b,town,B,en,Z\n"                  # type
            "c,place,C,ar,Raqqa\n"              # script
            "d,place,D,en,\u200b\n"            # zero-width only
            "e,place,E,en,E\x00E\n"            # control character
            f"{'f' * 101},place,F,en,F\n")      # too long an id
    with pytest.raises(UserError) as caught:
        parse(text, "x.csv")
    message = str(caught.value)
    assert message.startswith("6 problems, nothing was imported:")
    for expected in ('x.csv:2: bad entity id "Bad_Id": use lowercase letters a-z, digits and single hyphens; '
                     'write "bad-id" instead',
                     'x.csv:4: entity "b": unknown type "town"',
                     'x.csv:5: entity "c": "Raqqa" in "ar" has no Arabic letters; move it to fr or en',
                     'x.csv:6: entity "d": spelling',
                     'x.csv:7: entity "e": spelling',
                     "x.csv:8: entity id is 101 characters long, at most 100"):
        assert expected in message, expected
    assert "control character (U+0000)" in message and "no letter or digit" in message


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("entity_id,type,canonical_en,lang,variant\na,org,A,fr,Hassak\xe9\n".encode("latin-1"))
    with pytest.raises(UserError, match=r"latin1\.csv:2: not UTF-8"):
        read_csv(path)
