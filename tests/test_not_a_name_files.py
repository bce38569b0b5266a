"""Remembered non-names in glossary files: [[not_a_name]] export, import, checks with FILE:LINE, write-back."""

from __future__ import annotations

import difflib

import pytest

from tests.test_align_pipeline import FR_ENGLISH, FR_SOURCE, add_article, add_glossary
from tests.test_decisions import link, mid
from workbench.align.run import align_articles
from workbench.cli import main
from workbench.glossary.write_back import write_back
from workbench.review.decisions import decide
from workbench.store import open_db

GOOD = '''# two entities and a non-name
[mosul]
type = "place"
canonical = "Mosul"
fr = ["Mossoul"]

[[not_a_name]]
lang = "fr"
spelling = "Karim Haddad"
'''


@pytest.fixture
def dbfile(db, db_path):
    add_glossary(db.conn)
    add_article(db.conn, "fr", FR_SOURCE, FR_ENGLISH)
    add_article(db.conn, "fr", ["Karim Haddad a quitté Mossoul."], ["Karim Haddad left Mosul."])
    align_articles(db.conn)
    return str(db_path)


def test_cli_dismiss_list_stats_and_undo(dbfile, db, capsys):
    m = mid(db.conn, "Karim Haddad")
    assert main(["--db", dbfile, "decide", str(m), "not-a-name", "--all-same"]) == 0
    assert "not-a-name: 2 mention(s)" in capsys.readouterr().out
    assert main(["--db", dbfile, "mentions", "--status", "dismissed", "--json"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and all('"status": "dismissed"' in r for r in rows)
    assert main(["--db", dbfile, "stats", "--json"]) == 0
    assert '"dismissed": 2' in capsys.readouterr().out
    assert main(["--db", dbfile, "undo"]) == 0
    assert "undone: 2 mention(s)" in capsys.readouterr().out
    assert link(db.conn, m)["status"] == "new"
    assert db.conn.execute("SELECT count(*) FROM not_names").fetchone() == (0,)


def test_export_then_import_into_another_database_round_trips(dbfile, db, tmp_path, capsys):
    decide(db.conn, mid(db.conn, "Karim Haddad"), "not-a-name")
    out = tmp_path / "names.toml"
    assert main(["--db", dbfile, "glossary", "export", str(out)]) == 0
    assert "1 non-name(s)" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert '[[not_a_name]]\nlang = "fr"\nspelling = "Karim Haddad"\n' in text
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "glossary", "import", str(out)]) == 0
    assert "1 non-name(s) remembered" in capsys.readouterr().out
    conn = open_db(other).conn
    assert conn.execute("SELECT lang, spelling, origin, learned FROM not_names").fetchall() == [
        ("fr", "Karim Haddad", str(out), 0)]
    assert main(["--db", str(other), "glossary", "import", str(out)]) == 0  # again: nothing new
    assert "nothing changed" in capsys.readouterr().out
    add_article(conn, "fr", ["Karim Haddad a quitté Mossoul."], ["Karim Haddad left Mosul."])
    align_articles(conn)
    assert link(conn, mid(conn, "Karim Haddad"))["status"] == "dismissed"
    assert link(conn, mid(conn, "Mossoul"))["status"] == "accepted"


@pytest.mark.parametrize("bad, line, message", [
    ('[[not_a_name]]\nlang = "xx"\nspelling = "Lundi"\n', 2, 'not_a_name: unknown language "xx"'),
    ('[[not_a_name]]\nlang = "fr"\n', 1, "not_a_name: no spelling"),
    ('[[not_a_name]]\nlang = "fr"\nspelling = "Lundi"\ncolour = "red"\n', 4, 'unknown key "colour"'),
    ('[[not_a_name]]\nlang = "fr"\nspelling = "Lundi"\n\n[[not_a_name]]\nlang = "fr"\nspelling = "lundi"\n', 5,
     'is listed twice (first at line 1)'),
    ('[[not_a_name]]\nlang = "fr"\nspelling = "Mossoul"\n\n[mosul]\ntype = "place"\ncanonical = "Mosul"\n'
     'fr = ["Mossoul"]\n', 1, 'entity "mosul" has this spelling'),
    ('not_a_name = "Lundi"\n', 1, "must be [[not_a_name]] tables"),
])
def test_a_bad_file_is_refused_with_its_line_and_writes_nothing(tmp_path, capsys, bad, line, message):
    path = tmp_path / "bad.toml"
    path.write_text(bad, encoding="utf-8")
    target = tmp_path / "w.db"
    assert main(["--db", str(target), "glossary", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{line}: " in err and message in err
    assert not target.exists()
    assert main(["glossary", "check", str(path)]) != 0
    said = capsys.readouterr()
    assert f"{path}:{line}: " in said.out + said.err


def test_write_back_appends_dismissed_spellings_once(dbfile, db, tmp_path):
    folder = tmp_path / "glossaries"
    folder.mkdir()
    (folder / "main.toml").write_text(GOOD.replace("[[not_a_name]]\nlang = \"fr\"\nspelling = \"Karim Haddad\"\n", ""),
                                      encoding="utf-8")
    before = (folder / "main.toml").read_text(encoding="utf-8")
    decide(db.conn, mid(db.conn, "Karim Haddad"), "not-a-name")
    report = write_back(db.conn, folder)
    assert report.not_names == 1 and "1 non-name(s)" in report.summary()
    after = (folder / "main.toml").read_text(encoding="utf-8")
    added = [d[1:] for d in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
             if d.startswith("+") and not d.startswith("+++")]
    assert added[0].startswith("[[not_a_name]]  # dismissed ") and added[0].endswith(" tester")
    assert added[1:] == ['lang = "fr"', 'spelling = "Karim Haddad"']
    assert db.conn.execute("SELECT learned FROM not_names").fetchall() == [(0,)]
    assert write_back(db.conn, folder).summary().startswith("nothing to write")
    assert (folder / "main.toml").read_text(encoding="utf-8") == after
