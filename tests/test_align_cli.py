"""The `align`, `mentions`, `decide` and `undo` command-line contract."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.test_align_pipeline import FR_ENGLISH, FR_SOURCE, add_article, add_glossary
from workbench.cli import main

FIELDS = {"id", "article_id", "segment", "side", "start", "end", "surface", "entity_id", "status", "score"}


@pytest.fixture
def dbfile(db, db_path):
    add_glossary(db.conn)
    add_article(db.conn, "fr", FR_SOURCE, FR_ENGLISH)
    return str(db_path)


def lines(capsys) -> list[dict]:
    return [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]


def test_align_then_mentions_json(dbfile, capsys):
    assert main(["--db", dbfile, "align"]) == 0
    assert "1 article(s) aligned" in capsys.readouterr().out
    assert main(["--db", dbfile, "mentions", "--json"]) == 0
    rows = lines(capsys)
    assert len(rows) == 12
    for row in rows:
        assert FIELDS <= set(row)
        assert row["side"] in ("source", "english")
    new = [r for r in rows if r["surface"] == "Karim Haddad"]
    assert all(r["entity_id"] is None and r["status"] == "new" for r in new)
    assert main(["--db", dbfile, "mentions", "--json", "--status", "new", "--article", "1"]) == 0
    assert {r["surface"] for r in lines(capsys)} == {"Karim Haddad"}
    assert main(["--db", dbfile, "align"]) == 0
    assert "0 article(s) aligned, 1 already up to date" in capsys.readouterr().out


def test_decide_and_undo(dbfile, capsys):
    main(["--db", dbfile, "align"])
    capsys.readouterr()
    main(["--db", dbfile, "mentions", "--json"])
    rows = {(r["side"], r["surface"]): r for r in lines(capsys)}
    hassake = rows[("source", "Hassaké")]["id"]
    assert main(["--db", dbfile, "decide", str(hassake), "correct", "mosul"]) == 0
    assert "-> mosul" in capsys.readouterr().out
    main(["--db", dbfile, "mentions", "--json", "--status", "confirmed"])
    assert [(r["id"], r["entity_id"]) for r in lines(capsys)] == [(hassake, "mosul")]
    karim = rows[("source", "Karim Haddad")]["id"]
    assert main(["--db", dbfile, "decide", str(karim), "new", "--canonical", "Karim Haddad", "--type", "person"]) == 0
    assert "-> karim-haddad" in capsys.readouterr().out
    assert main(["--db", dbfile, "undo"]) == 0
    assert f"undone: 1 mention(s) {karim} restored" in capsys.readouterr().out
    main(["--db", dbfile, "mentions", "--json", "--status", "new"])
    assert karim in [r["id"] for r in lines(capsys)]


def test_errors_are_one_line_exit_2(dbfile, capsys):
    main(["--db", dbfile, "align"])
    capsys.readouterr()
    assert main(["--db", dbfile, "decide", "999", "confirm"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("workbench: error: no mention with id 999") and err.count("\n") == 1
    assert main(["--db", dbfile, "decide", "1", "correct", "nowhere"]) == 2
    assert "no entity with id 'nowhere'" in capsys.readouterr().err
    assert main(["--db", dbfile, "decide", "1", "confirm", "mosul"]) == 2
    assert "only for `correct`" in capsys.readouterr().err
    assert main(["--db", dbfile, "undo"]) == 2
    assert "nothing to undo" in capsys.readouterr().err
    assert main(["--db", dbfile, "align", "--article", "42"]) == 2
    assert "no article with id 42" in capsys.readouterr().err


def test_cli_choices_match_the_service():
    from workbench.review import decisions
    from workbench.cli import decide_cmd

    assert decide_cmd.ACTIONS == decisions.ACTIONS and decide_cmd.ENTITY_TYPES == decisions.ENTITY_TYPES


def test_mentions_group_and_decide_dry_run(dbfile, db, capsys):
    from tests.test_align_pipeline import AR_ENGLISH, AR_SOURCE

    add_article(db.conn, "fr", ["Karim Haddad a quitté Mossoul."], ["Karim Haddad left Mosul."])
    add_article(db.conn, "ar", AR_SOURCE, AR_ENGLISH)
    main(["--db", dbfile, "align"])
    capsys.readouterr()
    assert main(["--db", dbfile, "mentions", "--group", "spelling", "--lang", "fr", "--json"]) == 0
    groups = lines(capsys)
    assert [(g["spellings"], g["count"], g["status"]) for g in groups] == [(["Karim Haddad"], 2, {"new": 2})]
    assert main(["--db", dbfile, "mentions", "--group", "entity", "--band", "low"]) == 0
    text = capsys.readouterr().out
    assert "Karim Haddad  -> (new entity)  [new 2; low]" in text and "al-Karkhi" in text
    first = groups[0]["first"]
    links_before = db.conn.execute("SELECT * FROM links ORDER BY mention_id").fetchall()
    assert main(["--db", dbfile, "decide", str(first), "new", "--all-same", "--canonical", "Karim Haddad",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("dry run, nothing changed: new: 2 mentions of “Karim Haddad” (fr) → new entity Karim Haddad; "
                      "2 other names now linked to it or only scored anew; 2 spellings learned")  # the English names
    assert out[1] == "  this 1, same_spelling 1, moved 0, demoted 0, other 2"
    assert len(out) == 6 and sum("- new -> karim-haddad confirmed" in line for line in out[2:]) == 2
    assert sum("other          - new -> karim-haddad accepted" in line for line in out[2:]) == 2
    assert db.conn.execute("SELECT * FROM links ORDER BY mention_id").fetchall() == links_before
    assert db.conn.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0
    assert main(["--db", dbfile, "mentions", "--group", "spelling", "--status", "accepted"]) == 2
    assert "not in the review queue" in capsys.readouterr().err
    assert main(["--db", dbfile, "mentions", "--lang", "fr"]) == 2
    assert "add --group" in capsys.readouterr().err


def test_mentions_number_sentences_from_one(dbfile, capsys):
    """The sentence of a mention is shown 1-based, as in the article and review screens."""
    assert main(["--db", dbfile, "align"]) == 0
    capsys.readouterr()
    assert main(["--db", dbfile, "mentions", "--json"]) == 0
    rows = lines(capsys)
    conn = sqlite3.connect(dbfile)
    try:
        seqs = dict(conn.execute("SELECT m.id, s.seq FROM mentions m JOIN segments s ON s.id = m.segment_id"))
    finally:
        conn.close()
    assert [r["sentence"] for r in rows] == [seqs[r["id"]] + 1 for r in rows]
    assert min(r["sentence"] for r in rows) == 1 and len({r["sentence"] for r in rows}) > 1
    assert main(["--db", dbfile, "mentions"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split()
    assert first[:2] == [str(rows[0]["id"]), f"a1:{rows[0]['sentence']}"]
