"""Bad input never stops a run: every file tried, one line per bad file, limits, special files, exports."""

from __future__ import annotations

import os
import stat

import pytest

from tests import malformed, stored
from workbench.cli import main
from workbench.corpus.importer import import_paths
from workbench.corpus.limits import Limits, from_env
from workbench.corpus.readers import read_file
from workbench.errors import UserError, shown
from workbench.store.atomic import check_target, follow
from workbench.store.reading import parse_size, read_input


def rejections(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("rejected: ")]


def test_a_folder_of_malformed_files_is_tried_to_the_end(db, db_path, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    cases = malformed.build(folder)
    names = malformed.good(folder)
    assert len(cases) >= 30
    code = main(["--db", str(db_path), "import", str(folder), "--no-glossary", "--max-file-size", "256k"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err and "unexpected error" not in err
    lines = rejections(err)
    assert len(lines) == len(cases), "\n".join(lines)
    assert len(err.splitlines()) == len(cases)  # one line each, nothing else on stderr
    for case in cases:
        mine = [line for line in lines if line.startswith(f"rejected: {folder}/{case.shown_name()}: ")]
        assert len(mine) == 1, (case.name, lines)
        assert case.expect in mine[0], (case.name, mine[0])
    assert f"2 article(s) imported, 0 already present, {len(cases)} file(s) rejected" in out
    sources = sorted(os.path.basename(row["source"]) for row in stored.articles(db))
    assert sources == sorted(names)
    texts = " ".join(row["text"] for row in stored.articles(db))
    assert malformed.FR2 not in texts  # the good first lines of rejected JSONL files were not kept
    assert db["segments"].count == sum(1 for _ in db["segments"].rows) > 0


def test_escaped_names_keep_the_report_on_one_line():
    assert shown("a\nb\tc.txt") == "a\\nb\\tc.txt"
    assert shown(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert shown(b"x\xff\x1b.md") == "x\\xff\\x1b.md"
    assert shown("الحسكة é.txt") == "الحسكة é.txt"  # printable text is left alone
    assert shown("back\\slash") == "back\\\\slash"  # an escape can never be faked


def test_an_unexpected_failure_is_that_files_line(db, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(malformed.FR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(malformed.FR2, encoding="utf-8")
    from workbench.corpus import importer

    real = importer.read_file

    def flaky(path, limits):
        if path.name == "a.txt":
            raise KeyError("boom")
        return real(path, limits)

    monkeypatch.setattr(importer, "read_file", flaky)
    summary = import_paths(db.conn, [tmp_path])
    [bad] = summary.rejected
    assert bad.error.endswith("unexpected error: KeyError: 'boom'; nothing imported; please report it")
    assert summary.imported == 1 and db["articles"].count == 1


def test_recursion_inside_a_file_is_its_rejection(db, tmp_path, monkeypatch):
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    from workbench.corpus import importer

    def deep(*_args, **_kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(importer, "read_file", deep)
    [result] = import_paths(db.conn, [tmp_path]).files
    assert "too large or too deeply nested" in result.error


# ---- limits ------------------------------------------------------------------------------------------


def test_limits_from_defaults_environment_and_options(monkeypatch):
    assert from_env() == Limits()
    monkeypatch.setenv("WORKBENCH_MAX_FILE_SIZE", "2MB")
    monkeypatch.setenv("WORKBENCH_MAX_JSON_DEPTH", "7")
    monkeypatch.setenv("WORKBENCH_MAX_HTML_ELEMENTS", "900")
    limits = from_env(max_json_depth=3)
    assert (limits.max_file_size, limits.max_json_depth, limits.max_html_elements) == (2 << 20, 3, 900)
    monkeypatch.setenv("WORKBENCH_MAX_JSON_DEPTH", "deep")
    with pytest.raises(UserError, match="WORKBENCH_MAX_JSON_DEPTH"):
        from_env()
    assert parse_size("200k") == 200 * 1024 and parse_size("1048576") == 1 << 20 and parse_size("1.5MiB") == 3 << 19
    for bad in ("", "-1", "lots", "0"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_limits_are_applied_per_file(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"text": "x", "n": [[[[1]]]]}\n', encoding="utf-8")
    with pytest.raises(UserError, match="nested deeper than 3 levels"):
        read_file(jsonl, Limits(max_json_depth=3))
    html = tmp_path / "a.html"
    html.write_text("<html><body>" + "<p>a</p>" * 20 + "</body></html>", encoding="utf-8")
    with pytest.raises(UserError, match="elements"):
        read_file(html, Limits(max_html_elements=10))
    with pytest.raises(UserError, match="HTML too large"):
        read_file(html, Limits(max_html_size=100))
    with pytest.raises(UserError, match="file too large"):
        read_file(html, Limits(max_file_size=100))
    # brackets inside strings are not nesting
    jsonl.write_text('{"text": "' + "[" * 500 + ' Les Forces ont repris la prison."}\n', encoding="utf-8")
    [article], _ = read_file(jsonl, Limits(max_json_depth=3))
    assert article.text.endswith("prison.")


def test_bad_limit_options_are_one_line(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "import", str(tmp_path), "--max-file-size", "huge"]) == 2
    assert "--max-file-size 'huge': not a size" in capsys.readouterr().err
    assert main(["--db", str(db_path), "import", str(tmp_path), "--max-json-depth", "0"]) == 2


# ---- special files --------------------------------------------------------------------------------


def test_special_files_are_refused_before_opening(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block for ever
    with pytest.raises(UserError, match=r"not a regular file \(a named pipe"):
        read_input(fifo)
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")  # reading it would never end
    with pytest.raises(UserError, match=r"not a regular file \(a character device\)"):
        read_input(link)
    with pytest.raises(UserError, match="is a folder"):
        read_input(tmp_path)
    with pytest.raises(UserError, match="file too large"):
        (tmp_path / "big.txt").write_bytes(b"x" * 101)
        read_input(tmp_path / "big.txt", max_size=100)


def test_glossary_import_refuses_special_files_and_deep_nesting(tmp_path, db_path, capsys):
    os.mkfifo(tmp_path / "names.toml")
    assert main(["--db", str(db_path), "glossary", "import", str(tmp_path / "names.toml")]) == 2
    err = capsys.readouterr().err
    assert "not a regular file (a named pipe" in err and err.count("\n") == 1
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    assert main(["--db", str(db_path), "glossary", "check", str(tmp_path / "zero.csv")]) == 1
    assert "not a regular file (a character device)" in capsys.readouterr().out
    deep = tmp_path / "deep.toml"
    deep.write_text("[x]\nen = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    assert main(["--db", str(db_path), "glossary", "import", str(deep)]) == 2
    err = capsys.readouterr().err
    assert "nested too deeply" in err and "Traceback" not in err and err.count("\n") == 1
    assert main(["--db", str(db_path), "glossary", "check", str(deep)]) == 1
    assert "nested too deeply" in capsys.readouterr().out


# ---- front matter ----------------------------------------------------------------------------------


def test_front_matter_problems_are_reported(db_path, tmp_path, capsys):
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: Hassaké\ntags:\n  - prison\njust words here\n# a comment\n---\n"
                  + malformed.FR + "\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(md), "--no-glossary"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"warning: {md}: line 5: front matter line ignored, expected 'key: value': just words here"]
    assert "1 article(s) imported" in out
    open_md = tmp_path / "b.md"
    open_md.write_text("---\ntitle: x\n\n" + malformed.FR2 + "\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(open_md)]) == 1
    assert "b.md: line 1: front matter opened with '---' is never closed" in capsys.readouterr().err
    rule = tmp_path / "c.md"  # a leading rule with no key lines after it is not front matter
    rule.write_text("---\n\n" + malformed.FR2 + "\n", encoding="utf-8")
    [article], _ = read_file(rule)
    assert article.text.startswith("Le ministre")


# ---- exports -------------------------------------------------------------------------------------


def test_export_targets_must_be_regular_files(tmp_path):
    fifo = tmp_path / "out.tmx"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match=r"not a regular file \(a named pipe"):
        check_target(fifo, force=True)
    with pytest.raises(UserError, match="is a folder"):
        check_target(tmp_path, force=True)
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with pytest.raises(UserError, match="symbolic link.*--follow-symlinks"):
        check_target(link, force=True)
    assert follow(link) == real.resolve() and check_target(follow(link), force=True) == real.resolve()
    to_fifo = tmp_path / "to-fifo.tmx"
    to_fifo.symlink_to(fifo)
    with pytest.raises(UserError, match="not a regular file"):
        check_target(follow(to_fifo), force=True)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_glossary_export_onto_a_link(tmp_path, db_path, capsys):
    src = tmp_path / "names.csv"
    src.write_text("entity_id,type,canonical_en,lang,variant\n"
                   "hasakah,place,Hasakah,ar,الحسكة\n", encoding="utf-8")
    assert main(["--db", str(db_path), "glossary", "import", str(src)]) == 0
    real = tmp_path / "real.csv"
    real.write_text("stale")
    link = tmp_path / "link.csv"
    link.symlink_to(real.name)
    assert main(["--db", str(db_path), "glossary", "export", str(link), "--force"]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert link.is_symlink() and real.read_text() == "stale"
    assert main(["--db", str(db_path), "glossary", "export", str(link), "--force", "--follow-symlinks"]) == 0
    assert link.is_symlink() and "Hasakah" in real.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert main(["--db", str(db_path), "glossary", "export", str(fifo), "--force"]) == 2
    assert "not a regular file" in capsys.readouterr().err and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_corpus_export_onto_a_link(db, db_path, tmp_path, capsys):
    from tests.test_export_corpus import build_corpus

    src = tmp_path / "src"
    src.mkdir()
    build_corpus(db, src)
    real = tmp_path / "real.jsonl"
    real.write_text("stale")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert main(["--db", str(db_path), "export", str(link), "--force", "-q"]) == 2
    err = capsys.readouterr().err
    assert "symbolic link" in err and err.count("\n") == 1 and real.read_text() == "stale"
    assert main(["--db", str(db_path), "export", str(link), "--force", "--follow-symlinks", "-q"]) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("{")
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    assert main(["--db", str(db_path), "export", str(fifo), "--force", "-q"]) == 2
    assert "not a regular file (a named pipe" in capsys.readouterr().err


def test_markdown_marks_that_never_close_stay_linear():
    from workbench.corpus.readers import _markdown

    # each of these lines took minutes with unbounded lazy spans (quadratic); now they read in well under a second
    for unit in ("*a ", "[a", "![a](", "```a\n"):
        article = _markdown("Les Forces ont repris la prison. " + unit * 40_000)
        assert article.text.startswith("Les Forces")
    text = _markdown("Les *Forces* ont **repris** [la prison](http://x) `ici`.\n\n```\nx = 1\n```\nFin.").text
    assert text == "Les Forces ont repris la prison ici.\n\nFin."
    assert "```" in _markdown("Avant.\n```\nnever closed\n").text  # an unclosed fence is text
