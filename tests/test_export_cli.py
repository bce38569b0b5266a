"""``workbench export`` on the command line: formats, options, one-line errors, exit codes."""

from __future__ import annotations

import json

import pytest

from tests.test_export_corpus import build_corpus
from workbench.cli import main


@pytest.fixture
def corpus(db, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    return build_corpus(db, src)


def test_export_formats_from_suffix(db, db_path, corpus, tmp_path, capsys):
    out = tmp_path / "corpus.jsonl"
    assert main(["--db", str(db_path), "export", str(out), "--status", "all", "--canonical"]) == 0
    printed = capsys.readouterr().out
    assert "5 sentence pair(s) written" in printed and "1 not translated yet" in printed
    assert "1 English article(s)" in printed
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5 and "english_canonical" in rows[0]

    assert main(["export", str(tmp_path / "fr.data"), "--format", "tmx", "--lang", "fr",
                 "--db", str(db_path)]) == 0
    assert (tmp_path / "fr.data").read_text(encoding="utf-8").count("<tu ") == 3


def test_errors_are_one_line(db, db_path, corpus, tmp_path, capsys):
    out = tmp_path / "corpus.csv"
    out.write_text("old")
    assert main(["--db", str(db_path), "export", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("workbench: error: ") and "--force" in err and err.count("\n") == 1
    assert out.read_text() == "old"
    assert main(["--db", str(db_path), "export", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")

    assert main(["--db", str(db_path), "export", str(tmp_path / "corpus.xml")]) == 2
    assert "pass --format" in capsys.readouterr().err
    assert main(["--db", str(db_path), "export", str(tmp_path / "no" / "c.tmx")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_missing_database_is_not_created(tmp_path, capsys):
    missing = tmp_path / "nowhere" / "w.db"
    out = tmp_path / "e.tmx"
    assert main(["--db", str(missing), "export", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no such database" in err and "workbench import FILE --db" in err and err.count("\n") == 1
    assert not missing.parent.exists() and not out.exists()


def test_empty_export_writes_nothing_and_fails(db, db_path, tmp_path, capsys):
    out = tmp_path / "e.tmx"
    assert main(["--db", str(db_path), "export", str(out)]) == 1
    err = capsys.readouterr().err
    assert "nothing to export" in err and "was not written" in err and "--allow-empty" in err
    assert not out.exists() and not list(tmp_path.glob(".e.tmx*"))
    assert main(["--db", str(db_path), "export", str(out), "--allow-empty"]) == 0
    assert "0 sentence pair(s) written" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").count("<tu ") == 0 and "</tmx>" in out.read_text(encoding="utf-8")


def test_untranslated_corpus_export_says_translate(db, db_path, tmp_path, capsys):
    from workbench.corpus.importer import import_paths

    src = tmp_path / "a.txt"
    src.write_text("Le président est arrivé à Paris. Il a parlé longtemps.", encoding="utf-8")
    import_paths(db.conn, [src], lang="fr")
    out = tmp_path / "e.jsonl"
    assert main(["--db", str(db_path), "export", str(out)]) == 1
    err = capsys.readouterr().err
    assert "2 not translated yet" in err and "`workbench translate`" in err and not out.exists()


def test_interrupt_exit_code(db, db_path, corpus, tmp_path, monkeypatch, capsys):
    import workbench.export.corpus as corpus_mod

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus_mod, "count_pairs", interrupted)
    out = tmp_path / "x.tmx"
    assert main(["--db", str(db_path), "export", str(out)]) == 130
    assert "was not written" in capsys.readouterr().err and not out.exists()
