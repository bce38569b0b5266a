"""The ``workbench match`` contract: one query, or JSON lines in order from LANG<TAB>TEXT lines."""

from __future__ import annotations

import io
import json

import pytest

from tests.test_glossary_fixtures import SAMPLE_TOML
from workbench.cli import main


@pytest.fixture
def loaded(tmp_path, capsys):
    glossary = tmp_path / "sample.toml"
    glossary.write_text(SAMPLE_TOML, encoding="utf-8")
    db = tmp_path / "wb.db"
    assert main(["--db", str(db), "glossary", "import", str(glossary)]) == 0
    capsys.readouterr()
    return db


def run_stdin(db, monkeypatch, capsys, text: str, *extra: str) -> tuple[int, list[dict]]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    status = main(["--db", str(db), "match", "--stdin", "--json", *extra])
    return status, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_stdin_json_lines_in_order(loaded, monkeypatch, capsys):
    lines = "ar\tوالحسكة\nfr\tMustafa al-Kazemi\nen\tJohn Smith\nar\tقسد\nen\tGuweiran\n"
    status, records = run_stdin(loaded, monkeypatch, capsys, lines, "--top", "2")
    assert status == 0
    assert [(r["query"], r["lang"]) for r in records] == [
        ("والحسكة", "ar"), ("Mustafa al-Kazemi", "fr"), ("John Smith", "en"), ("قسد", "ar"), ("Guweiran", "en")]
    assert [r["candidates"][0]["entity_id"] if r["candidates"] else None for r in records] == [
        "hasakah", "mustafa-al-kadhimi", None, "syrian-democratic-forces", "ghwayran"]
    assert records[2]["candidates"] == []  # nothing plausible: an empty list, not a missing line
    first = records[0]["candidates"][0]
    assert set(first) == {"entity_id", "canonical", "score", "accepted", "variant", "why", "acronym"}
    assert first["canonical"] == "Hasakah" and first["accepted"] is True and 0 <= first["score"] <= 1
    assert all(len(r["candidates"]) <= 2 for r in records)
    for r in records:
        scores = [c["score"] for c in r["candidates"]]
        assert scores == sorted(scores, reverse=True)


def test_stdin_bad_lines_keep_their_place(loaded, monkeypatch, capsys):
    status, records = run_stdin(loaded, monkeypatch, capsys, "de\tHasaka\n\nfr\tHassaké\n")
    assert status == 1
    assert len(records) == 3
    assert records[0]["candidates"] == [] and "unknown language 'de'" in records[0]["error"]
    assert records[2]["candidates"][0]["entity_id"] == "hasakah"


def test_single_query_json_and_human(loaded, capsys):
    assert main(["--db", str(loaded), "match", "الكاظمي", "--lang", "ar", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["query"] == "الكاظمي" and record["candidates"][0]["entity_id"] == "mustafa-al-kadhimi"
    assert main(["--db", str(loaded), "match", "Kazimi", "--lang", "fr", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "mustafa-al-kadhimi" in out and "Kazimi  [fr]" in out


def test_empty_glossary_gives_empty_lists(db, db_path, monkeypatch, capsys):
    status, records = run_stdin(db_path, monkeypatch, capsys, "ar\tالحسكة\n")
    assert status == 0 and records == [{"query": "الحسكة", "lang": "ar", "candidates": []}]


def test_usage_errors(loaded, capsys):
    assert main(["--db", str(loaded), "match"]) == 2
    assert "give either a TEXT" in capsys.readouterr().err
    assert main(["--db", str(loaded), "match", "x", "--top", "0"]) == 2
