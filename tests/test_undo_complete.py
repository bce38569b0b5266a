"""Undo leaves no trace in the glossary: an entity `new` made goes with its spellings, unless used since."""

from __future__ import annotations

import pytest

from tests.test_decisions import conn, link, mid  # noqa: F401 (fixture)
from workbench.align.run import align_articles
from workbench.cli import main
from workbench.errors import UserError
from workbench.glossary import store as glossary
from workbench.review.decisions import decide, undo


def tables(conn) -> dict:
    """The glossary, the rejections and every link (but when it was last written: an automatic link
    the decision re-linked and its undo linked back carries the undo's time)."""
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("entities", "variants", "rejections")}
    out["links"] = conn.execute("SELECT mention_id, entity_id, status, score, why, proposal, decided_by FROM links"
                                " ORDER BY 1").fetchall()
    return out


def exported(db_path, tmp_path, name: str) -> bytes:
    out = tmp_path / name
    assert main(["--db", str(db_path), "glossary", "export", str(out)]) == 0
    return out.read_bytes()


def test_new_then_undo_leaves_the_glossary_byte_for_byte(conn, db_path, tmp_path, capsys):
    before, toml = tables(conn), exported(db_path, tmp_path, "before.toml")
    m = mid(conn, "Karim Haddad")
    assert main(["--db", str(db_path), "decide", str(m), "new", "--type", "person", "--all-same"]) == 0
    assert conn.execute("SELECT count(*) FROM entities WHERE id = 'karim-haddad'").fetchone()[0] == 1
    assert exported(db_path, tmp_path, "during.toml") != toml
    assert main(["--db", str(db_path), "undo"]) == 0
    out = capsys.readouterr().out
    assert "undone: 2 mention(s)" in out and "note:" not in out
    assert tables(conn) == before
    assert exported(db_path, tmp_path, "after.toml") == toml


def test_confirm_then_undo_removes_the_learned_spelling(conn):
    before = tables(conn)
    decide(conn, mid(conn, "Moustafa al-Kazimi"), "confirm")
    assert tables(conn) != before
    undo(conn)
    assert tables(conn) == before


def test_arabic_new_then_undo(conn):
    before = tables(conn)
    out = decide(conn, mid(conn, "بالكرخي"), "new", canonical="Salman al-Karkhi")
    assert conn.execute("SELECT count(*) FROM variants WHERE entity_id = ?", (out.entity_id,)).fetchone()[0] == 2
    undo(conn)
    assert tables(conn) == before


def _made(conn) -> tuple[int, str]:
    m = mid(conn, "Karim Haddad")
    return m, decide(conn, m, "new", entity_type="person").entity_id


def test_entity_linked_since_is_kept_and_undo_says_so(conn, db_path, capsys):
    m, eid = _made(conn)
    other = mid(conn, "Karim Haddad", nth=1)
    decide(conn, other, "correct", entity_id=eid)
    first = conn.execute("SELECT min(id) FROM decisions").fetchone()[0]
    assert main(["--db", str(db_path), "undo", str(first)]) == 0
    out = capsys.readouterr().out
    notes = [line for line in out.splitlines() if line.startswith("note:")]
    assert notes == [f"note: entity '{eid}' kept with its spellings: mention {other} was linked to it since"]
    assert link(conn, m)["status"] == "new"  # the undone decision itself is undone
    assert link(conn, other) == {"entity": eid, "status": "confirmed", "by": "tester"}
    assert conn.execute("SELECT deleted_at FROM entities WHERE id = ?", (eid,)).fetchone() == (None,)


@pytest.mark.parametrize("use, reason", [
    (lambda c, e: glossary.add_variant(c, e, "ar", "كريم حداد"), "was added to it since"),
    (lambda c, e: glossary.update_entity(c, e, note="journalist"), "edited, deleted or merged since"),
    (lambda c, e: glossary.remove_variant(
        c, c.execute("SELECT id FROM variants WHERE entity_id = ?", (e,)).fetchone()[0]), "was changed since"),
])
def test_entity_edited_since_is_kept(conn, use, reason):
    _, eid = _made(conn)
    use(conn, eid)
    out = undo(conn, conn.execute("SELECT min(id) FROM decisions").fetchone()[0])
    assert len(out.notes) == 1 and reason in out.notes[0] and eid in out.notes[0]
    assert conn.execute("SELECT count(*) FROM entities WHERE id = ?", (eid,)).fetchone()[0] == 1


def test_automatic_links_do_not_keep_it(conn):
    m, eid = _made(conn)
    other = mid(conn, "Karim Haddad", nth=1)
    align_articles(conn)  # the glossary changed: the other 'Karim Haddad' is now linked automatically
    assert link(conn, other) == {"entity": eid, "status": "accepted", "by": "auto"}
    out = undo(conn)
    assert out.notes == []
    assert conn.execute("SELECT count(*) FROM entities WHERE id = ?", (eid,)).fetchone()[0] == 0
    assert link(conn, other)["entity"] is None and link(conn, other)["status"] == "new"
    assert conn.execute("SELECT count(*) FROM candidates WHERE entity_id = ?", (eid,)).fetchone()[0] == 0
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    align_articles(conn)
    assert link(conn, other)["entity"] is None


def test_new_twice_on_one_mention_is_refused(conn, db_path, capsys):
    m, eid = _made(conn)
    entities = conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    first = conn.execute("SELECT min(id) FROM decisions").fetchone()[0]
    with pytest.raises(UserError, match=rf"mention {m} already has the entity '{eid}' that `new` made for it "
                                        rf"\(decision {first}\); `workbench undo {first}` removes it"):
        decide(conn, m, "new", canonical="Karim Haddad")
    assert main(["--db", str(db_path), "decide", str(m), "new"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already has the entity" in err
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == entities
    undo(conn, first)
    assert decide(conn, m, "new", entity_type="person").entity_id == eid  # after undo: allowed again


BIG = "99999999999999999999999"
NUMERIC = [  # every numeric argument of the command line, and the row an id names
    (["decide", "{}", "confirm"], "mention"), (["undo", "{}"], "decision"),
    (["mentions", "--article", "{}"], "article"), (["mentions", "--limit", "{}"], None),
    (["articles", "--limit", "{}"], None), (["match", "x", "--top", "{}"], None),
    (["glossary", "search", "x", "--limit", "{}"], None), (["align", "--article", "{}"], "article"),
    (["translate", "--article", "{}"], "article"), (["translate", "--limit", "{}"], None),
    (["translate", "--batch-size", "{}"], None), (["translate", "--threads", "{}"], None),
    (["translate", "--alternatives", "{}"], None),
]


@pytest.mark.parametrize("value", [BIG, "-1", "0", "abc"])
@pytest.mark.parametrize("argv, noun", NUMERIC, ids=lambda a: " ".join(a) if isinstance(a, list) else str(a))
def test_numeric_arguments_are_range_checked(db, db_path, argv, noun, value, capsys):
    if value == "0" and argv[-2] == "--alternatives":
        pytest.skip("0 alternatives is the default")
    status = main(["--db", str(db_path), *[a.format(value) for a in argv]])
    captured = capsys.readouterr()
    assert status == 2 and captured.out == ""
    err = captured.err
    assert err.count("\n") == 1 and "Traceback" not in err and f"workbench {argv[0]}" in err, err
    if value == BIG:
        assert (f"no {noun} with id {BIG}" if noun else f"must be at most") in err, err
    elif value == "abc":
        assert "expected a whole number, got 'abc'" in err
    else:
        assert ("ids start at 1" if noun else "must be at least") in err, err


def test_services_answer_no_row_for_ids_beyond_sqlite(conn):
    with pytest.raises(UserError, match=f"no mention with id {BIG}"):
        decide(conn, int(BIG), "confirm")
    with pytest.raises(UserError, match=f"no decision with id {BIG}"):
        undo(conn, int(BIG))


def learned(conn) -> list[tuple]:
    return conn.execute("SELECT entity_id, lang, text FROM variants WHERE learned = 1 AND deleted_at IS NULL"
                        " ORDER BY 1, 2, 3").fetchall()


def test_a_confirmation_changed_to_unsure_takes_back_its_spelling_and_undo_brings_it_back(conn):
    m = mid(conn, "Moustafa al-Kazimi")
    decide(conn, m, "confirm")
    taught = learned(conn)
    assert taught
    decide(conn, m, "unsure")
    assert learned(conn) == [] and link(conn, m)["status"] == "unsure"
    undo(conn)
    assert learned(conn) == taught and link(conn, m)["status"] == "confirmed"


def test_a_confirmation_corrected_to_another_entity_moves_its_spelling(conn):
    m = mid(conn, "Moustafa al-Kazimi")
    decide(conn, m, "confirm")
    [(entity, lang, text)] = learned(conn)
    other = conn.execute("SELECT id FROM entities WHERE id <> ? ORDER BY id LIMIT 1",
                         (entity,)).fetchone()[0]
    decide(conn, m, "correct", entity_id=other)
    assert learned(conn) == [(other, lang, text)]


def test_a_spelling_another_analyst_confirmed_elsewhere_stays(conn):
    m = mid(conn, "Karim Haddad")
    second = mid(conn, "Karim Haddad", nth=1)
    eid = decide(conn, m, "new", entity_type="person").entity_id
    decide(conn, second, "correct", entity_id=eid)
    before = learned(conn)
    decide(conn, second, "unsure")
    assert learned(conn) == before  # the first mention's new entity still holds the spelling
