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


def test_empty_database_says_what_to_do(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "export", str(tmp_path / "e.tmx")]) == 0
    assert "nothing to export yet" in capsys.readouterr().err


def test_interrupt_exit_code(db, db_path, corpus, tmp_path, monkeypatch, capsys):
    import workbench.export.corpus as corpus_mod

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus_mod, "count_pairs", interrupted)
    out = tmp_path / "x.tmx"
    assert main(["--db", str(db_path), "export", str(out)]) == 130
    assert "was not written" in capsys.readouterr().err and not out.exists()
