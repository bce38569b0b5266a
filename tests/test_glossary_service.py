"""The glossary service as the only writer; lossless round trips of the curated glossary; seeding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.glossary import formats, store
from workbench.glossary.bundled import BUNDLED_DIR, bundled_files
from workbench.glossary.formats.toml import read_files
from workbench.store import open_db

ROOT = Path(__file__).resolve().parents[1]
WRITES = re.compile(r"\b(INSERT(\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(\s+OR\s+\w+)?|DELETE\s+FROM)\s+"
                    r"[\"'`\[]?(entities|variants)\b", re.IGNORECASE)
ALLOWED = {Path("workbench/glossary/store.py"), Path("workbench/store/migrations.py")}


def test_only_the_glossary_service_writes_entities_and_variants():
    offenders = []
    for path in sorted((ROOT / "workbench").rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative in ALLOWED:
            continue
        text = path.read_text(encoding="utf-8")
        for match in WRITES.finditer(text):
            offenders.append(f"{relative}:{text[: match.start()].count(chr(10)) + 1}: {match.group(0)}")
    assert offenders == []


def test_the_writer_check_can_fail():
    assert WRITES.search('conn.execute("UPDATE variants SET learned = 0 WHERE id = ?")')
    assert WRITES.search("INSERT OR IGNORE INTO entities (id) VALUES (?)")
    assert not WRITES.search("SELECT count(*) FROM variants v WHERE v.deleted_at IS NULL")


def _summary(entities):
    return {e.id: (e.type, e.canonical, e.wikidata, e.note, sorted((v.lang, v.text) for v in e.variants))
            for e in entities}


@pytest.mark.parametrize("suffix", [".toml", ".csv", ".tbx", ".txt"])
def test_curated_glossary_round_trips_losslessly(tmp_path, suffix):
    """Export the curated glossary to each format, import into a fresh database: the same entities."""
    [curated] = bundled_files()
    source = open_db(tmp_path / "source.db").conn
    store.merge_entities(source, read_files([curated]), "curated")
    expected = _summary(store.load_entities(source))
    assert len(expected) > 100
    out = tmp_path / f"glossary{suffix}"
    fmt = formats.for_path(out)
    fmt.write(store.load_entities(source), out)
    written = sorted(tmp_path.glob("glossary.*.txt")) if suffix == ".txt" else [out]  # OmegaT: one per language
    fresh = open_db(tmp_path / "fresh.db").conn
    for path in written:
        store.merge_entities(fresh, fmt.read(path), str(path))
    assert _summary(store.load_entities(fresh)) == expected


def wb(db, *args) -> int:
    return main(["--db", str(db), *args])


def test_curated_glossary_is_package_data():
    assert BUNDLED_DIR == ROOT / "workbench" / "glossary" / "curated"
    assert [p.name for p in bundled_files()] == ["iraq-syria-security.toml"]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"glossary/curated/*.toml"' in pyproject


def test_a_new_database_starts_with_the_curated_glossary(tmp_path, capsys):
    articles = tmp_path / "a.txt"
    articles.write_text("Le Premier ministre Moustafa al-Kazimi s'est rendu à Mossoul.\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    assert wb(db, "import", "--lang", "fr", str(articles)) == 0
    assert "started with the curated glossary" in capsys.readouterr().out
    assert wb(db, "glossary", "list") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["ID", "TYPE", "ORIGIN", "CANONICAL"]
    assert re.search(r"^mosul\s+place\s+curated:iraq-syria-security\.toml\s+Mosul", out, re.MULTILINE)
    count = len(out.splitlines())
    articles.write_text("Un autre article sur Raqqa.\n", encoding="utf-8")
    assert wb(db, "import", "--lang", "fr", str(articles)) == 0  # not seeded twice
    assert "curated" not in capsys.readouterr().out
    wb(db, "glossary", "list")
    assert len(capsys.readouterr().out.splitlines()) == count


def test_no_glossary_leaves_it_empty_and_align_warns(tmp_path, capsys):
    articles = tmp_path / "a.txt"
    articles.write_text("Le Premier ministre Moustafa al-Kazimi s'est rendu à Mossoul.\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    assert wb(db, "import", "--no-glossary", "--lang", "fr", str(articles)) == 0
    assert "left empty" in capsys.readouterr().out
    assert wb(db, "glossary", "list") == 0
    assert "`workbench glossary import --curated`" in capsys.readouterr().err
    assert wb(db, "align", "-q") == 0
    err = capsys.readouterr().err
    assert "warning: the glossary is empty" in err and "`workbench glossary import --curated`" in err
    assert wb(db, "glossary", "import", "--curated") == 0
    capsys.readouterr()
    assert wb(db, "align", "-q") == 0
    assert "warning" not in capsys.readouterr().err
