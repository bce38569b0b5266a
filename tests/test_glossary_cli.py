"""``workbench glossary``: import (idempotent, conflicts), export by suffix, check, list, show, write-back."""

from __future__ import annotations

import json

import pytest

from tests.test_glossary_fixtures import SAMPLE_TOML
from workbench.cli import main


@pytest.fixture
def files(tmp_path):
    glossary = tmp_path / "glossaries"
    glossary.mkdir()
    (glossary / "sample.toml").write_text(SAMPLE_TOML, encoding="utf-8")
    return glossary


def wb(db, *args) -> int:
    return main(["--db", str(db), *args])


def test_import_twice_then_export_csv_round_trip(tmp_path, files, capsys):
    db = tmp_path / "wb.db"
    assert wb(db, "glossary", "import", str(files)) == 0
    assert "9 entities added" in capsys.readouterr().out
    assert wb(db, "glossary", "import", str(files / "sample.toml")) == 0
    assert "nothing changed" in capsys.readouterr().out
    out = tmp_path / "out.csv"
    assert wb(db, "glossary", "export", str(out)) == 0
    capsys.readouterr()
    assert out.read_text(encoding="utf-8").splitlines()[0] == "entity_id,type,canonical_en,lang,variant,note,wikidata"
    assert wb(db, "glossary", "export", str(out)) == 2  # no overwrite without --force
    assert "already exists" in capsys.readouterr().err
    other = tmp_path / "other.db"
    assert wb(other, "glossary", "import", str(out)) == 0
    capsys.readouterr()
    assert wb(other, "glossary", "export", str(tmp_path / "again.toml")) == 0
    assert wb(db, "glossary", "export", str(tmp_path / "first.toml")) == 0
    assert (tmp_path / "again.toml").read_text(encoding="utf-8") == (tmp_path / "first.toml").read_text(encoding="utf-8")


def test_import_is_all_or_nothing_per_file(tmp_path, files, capsys):
    db = tmp_path / "wb.db"
    wb(db, "glossary", "import", str(files))
    clash = tmp_path / "clash.csv"
    clash.write_text("entity_id,type,canonical_en,lang,variant\nhasakah,org,Hasakah,en,Hasaka\n"
                     "tikrit,place,Tikrit,en,Kadhimi\ntikrit,place,Tikrit,en,Tikrit\n", encoding="utf-8")
    capsys.readouterr()
    assert wb(db, "glossary", "import", str(clash)) == 2
    err = capsys.readouterr().err
    assert err.startswith("workbench: error: 2 problems, nothing was imported:")
    assert f"{clash}:2: entity \"hasakah\": type 'place' in the database, 'org' in the file" in err
    assert f'{clash}:3: "Kadhimi" (en) already belongs to "mustafa-al-kadhimi"' in err
    assert wb(db, "glossary", "show", "tikrit") == 2  # not even the entity without a problem
    clash.write_text("entity_id,type,canonical_en,lang,variant\ntikrit,place,Tikrit,en,Kadhimi\n", encoding="utf-8")
    assert wb(db, "glossary", "import", "--move", str(clash)) == 0
    assert "1 moved from other entities" in capsys.readouterr().out
    wb(db, "glossary", "show", "tikrit", "--json")
    assert "Kadhimi" in capsys.readouterr().out


def test_bad_file_is_one_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[a]\ntype = "persn"\ncanonical = "A"\n', encoding="utf-8")
    assert wb(tmp_path / "wb.db", "glossary", "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"workbench: error: {bad}:2: entity \"a\": unknown type") and err.count("\n") == 1
    assert wb(tmp_path / "wb.db", "glossary", "import", str(tmp_path / "g.xlsx")) == 2
    assert "cannot tell the glossary format" in capsys.readouterr().err


def test_check_lists_every_problem(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[a]\ntype = "persn"\ncanonical = ""\n', encoding="utf-8")
    assert wb(tmp_path / "wb.db", "glossary", "check", str(bad)) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f'{bad}:2: entity "a": unknown type "persn" (expected person, place, org, other)',
                   f'{bad}:3: entity "a": empty canonical name']


def test_check_works_for_every_format(tmp_path, capsys):
    csv = tmp_path / "bad.csv"
    csv.write_text("entity_id,type,canonical_en,lang,variant\nA B,org,X,en,X\nb,org,Y,xx,Y\n", encoding="utf-8")
    tbx = tmp_path / "bad.tbx"
    tbx.write_text("<martif><text><body><termEntry><descrip type='subjectField'>city</descrip>"
                   "<langSet xml:lang='en'><tig><term>Raqqa</term></tig></langSet></termEntry></body></text></martif>",
                   encoding="utf-8")
    omegat = tmp_path / "bad.ar.txt"
    omegat.write_text("الرقة\tRaqqa\tsome comment\n", encoding="utf-8")
    missing = tmp_path / "missing.csv"
    assert wb(tmp_path / "wb.db", "glossary", "check", str(csv), str(tbx), str(omegat), str(missing)) == 1
    out = capsys.readouterr().out
    assert f'{csv}:2: bad entity id "A B"' in out and 'write "a-b" instead' in out
    assert f'{csv}:3: entity "b": unknown language "xx"' in out
    assert f'{tbx}: entry 1: missing entity id; give it one such as "raqqa"' in out
    assert f'{tbx}: entry 1: unknown type "city"' in out
    assert f'{omegat}:1: the third column must name the entity as "ID (TYPE)", such as "raqqa (place)"' in out
    assert f"{missing}: no such file" in out


def test_list_show_search(tmp_path, files, capsys):
    db = tmp_path / "wb.db"
    wb(db, "glossary", "import", str(files))
    capsys.readouterr()
    assert wb(db, "glossary", "list", "--type", "org", "--json") == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["entity_id"] for r in rows] == ["islamic-state", "popular-mobilization-forces", "syrian-democratic-forces"]
    assert wb(db, "glossary", "show", "hasakah") == 0
    assert "fr: Hassaké" in capsys.readouterr().out
    assert wb(db, "glossary", "show", "nope") == 2
    assert wb(db, "glossary", "search", "kazimi") == 0
    assert "mustafa-al-kadhimi" in capsys.readouterr().out


def test_write_back_command(tmp_path, files, capsys, monkeypatch):
    db = tmp_path / "wb.db"
    wb(db, "glossary", "import", str(files))
    from workbench.glossary import store
    from workbench.store import open_db

    store.add_variant(open_db(db).conn, "hasakah", "en", "Hasaka")
    capsys.readouterr()
    assert wb(db, "glossary", "write-back", "--dir", str(files), "--dry-run") == 0
    assert capsys.readouterr().out.startswith("would write: 1 learned spelling(s) written")
    assert wb(db, "glossary", "write-back", "--dir", str(files)) == 0
    assert '  "Hasaka",  # learned ' in (files / "sample.toml").read_text(encoding="utf-8")


def test_folder_import_passes_over_plain_text_files(tmp_path, files, capsys):
    (files / "README.txt").write_text("Notes about these glossaries.\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    assert wb(db, "glossary", "import", str(files)) == 0
    out = capsys.readouterr().out
    assert "9 entities added" in out and "README" not in out
