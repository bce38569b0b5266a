"""Write-back of learned spellings: appended lines only, stable order, validated, atomic."""

from __future__ import annotations

import difflib

import pytest

from tests.test_glossary_fixtures import SAMPLE_TOML
from workbench.errors import UserError
from workbench.glossary import store
from workbench.glossary.formats.toml import read_toml
from workbench.glossary.write_back import write_back


@pytest.fixture
def folder(tmp_path, db, monkeypatch):
    monkeypatch.setattr("workbench.clock.now", lambda: "2022-01-24T10:00:00+00:00")
    monkeypatch.setattr("workbench.glossary.journal.now", lambda: "2022-01-24T10:00:00+00:00")
    glossaries = tmp_path / "glossaries"
    glossaries.mkdir()
    (glossaries / "sample.toml").write_text(SAMPLE_TOML, encoding="utf-8")
    store.merge_entities(db.conn, read_toml(glossaries / "sample.toml"), "glossaries/sample.toml")
    return glossaries


def added_lines(before: str, after: str) -> list[str]:
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    assert not [d for d in diff if d.startswith("-") and not d.startswith("---")], "lines were removed or changed"
    return [d[1:] for d in diff if d.startswith("+") and not d.startswith("+++")]


def test_nothing_learned_nothing_written(folder, db):
    report = write_back(db.conn, folder)
    assert report.summary().startswith("nothing to write")
    assert (folder / "sample.toml").read_text(encoding="utf-8") == SAMPLE_TOML


def test_learned_spellings_are_appended_as_a_minimal_diff(folder, db, monkeypatch):
    conn = db.conn
    monkeypatch.setenv("WORKBENCH_USER", "amira")
    store.add_variant(conn, "mustafa-al-kadhimi", "ar", "الكاظمى")
    store.add_variant(conn, "mustafa-al-kadhimi", "fr", "Moustafa Kazimi")
    store.add_variant(conn, "hasakah", "en", "Hasaka")
    store.add_variant(conn, "ghwayran", "fr", "Ghouayran")
    report = write_back(conn, folder)
    after = (folder / "sample.toml").read_text(encoding="utf-8")
    assert added_lines(SAMPLE_TOML, after) == [
        '  "الكاظمى",  # learned 2022-01-24 amira',
        '  "Moustafa Kazimi",  # learned 2022-01-24 amira',
        '  "Hasaka",  # learned 2022-01-24 amira',
        '  "Ghouayran",  # learned 2022-01-24 amira',
    ]
    assert 'fr = [\n  "Mustafa al-Kazemi",\n  "Moustafa Kazimi",  # learned 2022-01-24 amira\n]' in after
    assert report.written == 4 and report.files == [str(folder / "sample.toml")]
    assert conn.execute("SELECT count(*) FROM variants WHERE learned = 1").fetchone()[0] == 0
    assert "Ghouayran" in [v.text for e in read_toml(folder / "sample.toml") if e.id == "ghwayran" for v in e.variants]
    # a second run has nothing left to do and leaves the file alone
    assert write_back(conn, folder).summary().startswith("nothing to write")
    assert (folder / "sample.toml").read_text(encoding="utf-8") == after
    assert conn.execute("SELECT count(*) FROM decisions WHERE action = 'write-back'").fetchone()[0] == 1


def test_missing_language_list_is_added_in_key_order(folder, db):
    text = (folder / "sample.toml").read_text(encoding="utf-8")
    text = text.replace('fr = [\n  "Ghweran",\n]\n', "")
    (folder / "sample.toml").write_text(text, encoding="utf-8")
    store.add_variant(db.conn, "ghwayran", "fr", "Ghouayran")
    write_back(db.conn, folder)
    after = (folder / "sample.toml").read_text(encoding="utf-8")
    assert added_lines(text, after) == ["fr = [", '  "Ghouayran",  # learned 2022-01-24 tester', "]"]
    assert 'ar = [\n  "غويران",\n]\nfr = [\n  "Ghouayran",' in after


def test_new_entity_goes_to_the_end_and_already_present_spellings_are_just_marked(folder, db):
    conn = db.conn
    store.add_entity(conn, "tikrit", "place", "Tikrit")
    store.add_variant(conn, "tikrit", "ar", "تكريت")
    store.add_variant(conn, "tikrit", "en", "Tikrit")
    conn.execute("UPDATE variants SET learned = 1 WHERE text = 'Hassaké'")  # already in the file
    report = write_back(conn, folder)
    after = (folder / "sample.toml").read_text(encoding="utf-8")
    assert after.startswith(SAMPLE_TOML)
    assert after[len(SAMPLE_TOML):] == (
        '\n[tikrit]\ntype = "place"\ncanonical = "Tikrit"\nar = [\n  "تكريت",  # learned 2022-01-24 tester\n]\n'
        'fr = [\n]\nen = [\n  "Tikrit",  # learned 2022-01-24 tester\n]\n')
    assert report.new_entities == 1 and report.already == 1
    assert "tikrit" in {e.id for e in read_toml(folder / "sample.toml")}


def test_conflicting_spelling_is_skipped_not_written(folder, db):
    conn = db.conn
    store.add_entity(conn, "other", "place", "Other")
    store.add_variant(conn, "other", "en", "Other")
    # the database lets a spelling the file gives to another entity slip in through review
    conn.execute("INSERT INTO variants (entity_id, lang, text, norm, source, learned, created_at) "
                 "VALUES ('other', 'fr', 'Bagdad', 'bagdad', 'review', 1, '2022-01-24')")
    report = write_back(conn, folder)
    assert report.skipped and '"Bagdad" (fr) of "other"' in report.skipped[0]
    assert conn.execute("SELECT learned FROM variants WHERE text = 'Bagdad' AND entity_id = 'other'").fetchone()[0] == 1


def test_invalid_file_stops_before_writing(folder, db):
    store.add_variant(db.conn, "hasakah", "en", "Hasaka")
    broken = SAMPLE_TOML.replace('type = "place"', 'type = "city"', 1)
    (folder / "sample.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(UserError, match=r'sample\.toml:\d+: entity "hasakah": unknown type "city"'):
        write_back(db.conn, folder)
    assert (folder / "sample.toml").read_text(encoding="utf-8") == broken
    assert db.conn.execute("SELECT count(*) FROM variants WHERE learned = 1").fetchone()[0] == 1


def test_dry_run_writes_nothing(folder, db):
    store.add_variant(db.conn, "hasakah", "en", "Hasaka")
    report = write_back(db.conn, folder, dry_run=True)
    assert report.written == 1
    assert (folder / "sample.toml").read_text(encoding="utf-8") == SAMPLE_TOML
    assert db.conn.execute("SELECT count(*) FROM variants WHERE learned = 1").fetchone()[0] == 1
