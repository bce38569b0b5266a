"""Commands that never mislead: read-only commands create nothing, `articles`, `stats`, no-terminal start."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.cli import main

READ_ONLY = [
    ["stats"], ["stats", "--json"], ["mentions"], ["articles"], ["articles", "--json"],
    ["export", "{tmp}/out.tmx"], ["match", "Hasakah"], ["tui"],
    ["glossary", "list"], ["glossary", "show", "x"], ["glossary", "search", "x"],
    ["glossary", "export", "{tmp}/g.csv"],
    ["translate"], ["align"], ["decide", "1", "confirm"], ["undo"],
]


@pytest.mark.parametrize("argv", READ_ONLY, ids=lambda a: " ".join(a))
def test_missing_database_is_one_line_and_creates_nothing(argv, tmp_path, capsys, monkeypatch):
    from workbench.cli import tui_cmd

    monkeypatch.setattr(tui_cmd, "has_terminal", lambda: True)
    missing = tmp_path / "db" / "nothing.db"
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(["--db", str(missing), *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(missing) in err
    assert f"`workbench import FILE --db {missing}`" in err and "`workbench demo" in err
    assert not missing.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_default_database_is_not_created_either(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["stats"]) == 2
    assert "db/workbench.db: no such database" in capsys.readouterr().err
    assert not (tmp_path / "db").exists()


def test_writing_commands_create_the_database(tmp_path, capsys):
    target = tmp_path / "new" / "w.db"
    text = tmp_path / "a.txt"
    text.write_text("Le président est arrivé à Paris. Il a parlé longtemps.", encoding="utf-8")
    assert main(["--db", str(target), "import", str(text), "--lang", "fr"]) == 0
    assert target.exists()
    glossary = tmp_path / "g.csv"
    glossary.write_text("entity_id,type,canonical_en,lang,variant\nparis,place,Paris,fr,Paris\n", encoding="utf-8")
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "glossary", "import", str(glossary)]) == 0
    assert other.exists()


def test_stats_names_the_database_it_read(tmp_path, capsys, monkeypatch):
    text = tmp_path / "a.txt"
    text.write_text("Le président est arrivé à Paris. Il a parlé longtemps.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--db", "w.db", "import", str(text), "--lang", "fr"]) == 0
    capsys.readouterr()
    assert main(["--db", "w.db", "stats"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"database     {(tmp_path / 'w.db').resolve()}"
    assert main(["--db", "w.db", "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["database"] == str((tmp_path / "w.db").resolve()) and data["segments"] == 2


@pytest.fixture
def sample_db(db, db_path, sample_dir):
    from workbench.align.run import align_articles
    from workbench.corpus.importer import import_paths

    import_paths(db.conn, [sample_dir / "articles.jsonl"])
    align_articles(db.conn)
    return db


def test_articles_lists_ids_and_counts(sample_db, db_path, capsys):
    db = sample_db
    assert main(["--db", str(db_path), "articles", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    assert set(rows[0]) == {"id", "title", "lang", "date", "segments", "translated", "mentions", "to_review"}
    for r in rows:
        segs, translated, mentions, pending = db.execute(
            """SELECT (SELECT count(*) FROM segments WHERE article_id = :a),
                      (SELECT count(*) FROM translations t JOIN segments s ON s.id = t.segment_id
                        WHERE s.article_id = :a),
                      (SELECT count(*) FROM mentions m JOIN segments s ON s.id = m.segment_id WHERE s.article_id = :a),
                      (SELECT count(*) FROM links l JOIN mentions m ON m.id = l.mention_id JOIN segments s
                        ON s.id = m.segment_id WHERE s.article_id = :a
                        AND l.status IN ('suggested', 'unsure', 'new'))""", {"a": r["id"]}).fetchone()
        assert (r["segments"], r["translated"], r["mentions"], r["to_review"]) == (segs, translated, mentions, pending)
    assert any(r["mentions"] for r in rows) and any(r["to_review"] for r in rows)

    assert main(["--db", str(db_path), "articles", "--lang", "ar", "--limit", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["id", "lang", "segments"] and len(lines) == 2
    ar = next(r for r in rows if r["lang"] == "ar")
    assert lines[1].split()[:2] == [str(ar["id"]), "ar"]

    # the ids it prints are what `mentions --article` takes
    assert main(["--db", str(db_path), "mentions", "--article", str(ar["id"]), "--json"]) == 0
    assert all(json.loads(m)["article_id"] == ar["id"] for m in capsys.readouterr().out.splitlines())
    assert main(["--db", str(db_path), "mentions", "--article", "999"]) == 2
    assert "`workbench articles` lists them" in capsys.readouterr().err


def test_articles_on_an_empty_database(db, db_path, capsys):
    assert main(["--db", str(db_path), "articles"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no articles" in captured.err and "workbench import" in captured.err


def test_bare_workbench_without_a_terminal_exits_2(tmp_path):
    done = subprocess.run([sys.executable, "-m", "workbench"], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "needs a terminal" in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("group, actions", [("glossary", ["import", "check", "write-back"]),
                                            ("models", ["list", "add", "install"])])
def test_group_without_action_prints_its_actions(group, actions, capsys):
    assert main([group]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: workbench {group}") and all(a in err for a in actions)
    assert "Traceback" not in err
