"""The curated glossary through ``workbench glossary export/import`` as TBX and OmegaT files."""

from __future__ import annotations

from pathlib import Path

from workbench.cli import main
from workbench.glossary.store import load_entities
from workbench.store import open_db

GLOSSARY = Path(__file__).resolve().parents[1] / "workbench" / "glossary" / "curated" / "iraq-syria-security.toml"


def entities_of(db_file) -> dict:
    conn = open_db(db_file).conn
    try:
        return {e.id: (e.type, e.canonical, e.wikidata, e.note, {(v.lang, v.text) for v in e.variants})
                for e in load_entities(conn)}
    finally:
        conn.close()


def test_tbx_round_trip_through_the_cli(tmp_path, capsys):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert main(["--db", str(first), "glossary", "import", str(GLOSSARY)]) == 0
    out = tmp_path / "glossary.tbx"
    assert main(["--db", str(first), "glossary", "export", str(out)]) == 0
    assert main(["--db", str(second), "glossary", "import", str(out)]) == 0
    before, after = entities_of(first), entities_of(second)
    assert len(before) > 10 and before.keys() == after.keys()
    for ident, (etype, canonical, wikidata, note, spellings) in before.items():
        assert after[ident][:4] == (etype, canonical, wikidata, note)
        # the canonical name always travels as an English term, so it may be added as a spelling
        assert after[ident][4] - {("en", canonical)} == spellings - {("en", canonical)}
    capsys.readouterr()
    # importing the same file again changes nothing
    assert main(["--db", str(second), "glossary", "import", str(out)]) == 0
    assert "conflict" not in capsys.readouterr().out


def test_omegat_export_and_import_through_the_cli(tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert main(["--db", str(first), "glossary", "import", str(GLOSSARY)]) == 0
    assert main(["--db", str(first), "glossary", "export", str(tmp_path / "omegat.txt")]) == 0
    files = sorted(p.name for p in tmp_path.glob("omegat*"))
    assert files == ["omegat.ar.txt", "omegat.fr.txt"]
    assert main(["--db", str(second), "glossary", "import", str(tmp_path / "omegat.ar.txt"),
                 str(tmp_path / "omegat.fr.txt")]) == 0
    before, after = entities_of(first), entities_of(second)
    with_source = {i for i, e in before.items() if any(lang in ("ar", "fr") for lang, _ in e[4])}
    assert after.keys() == with_source
    for ident in with_source:
        assert after[ident][:2] == before[ident][:2]
        assert {s for s in after[ident][4] if s[0] != "en"} == {s for s in before[ident][4] if s[0] != "en"}
