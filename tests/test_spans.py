"""Span editing and the concordance: the service, the CLI, undo and re-align, asserting on the database."""

from __future__ import annotations

import json

import pytest

from tests.test_align_pipeline import AR_ENGLISH, AR_SOURCE, FR_ENGLISH, FR_SOURCE, add_article, add_glossary
from workbench.align.run import align_articles
from workbench.cli import main
from workbench.errors import UserError
from workbench.review.concordance import concordance
from workbench.review.decisions import decide, recent, undo
from workbench.review.spans import edit_span, stepped
from workbench.store import implied

KAZIMI = "مصطفى الكاظمي"


@pytest.fixture
def conn(db):
    c = db.conn
    add_glossary(c)
    add_article(c, "fr", FR_SOURCE, FR_ENGLISH)
    add_article(c, "ar", AR_SOURCE, AR_ENGLISH)
    align_articles(c)
    return c


def mid(conn, surface: str, side: str = "source") -> int:
    return conn.execute("SELECT id FROM mentions WHERE surface = ? AND side = ? ORDER BY id", (surface, side)).fetchone()[0]


def state(conn, mention_id: int) -> dict:
    row = conn.execute(
        f"""SELECT m.start, m.end, m.surface, m.norm, m.prefix, {implied.detector()}, l.entity_id, l.status, l.score,
                  {implied.decided_by()}
           FROM mentions m JOIN links l ON l.mention_id = m.id WHERE m.id = ?""", (mention_id,)).fetchone()
    return dict(zip(("start", "end", "surface", "norm", "prefix", "detector", "entity", "status", "score", "by"), row))


def candidates(conn, mention_id: int) -> list:
    return conn.execute("SELECT rank, entity_id, score FROM candidates WHERE mention_id = ? ORDER BY rank",
                        (mention_id,)).fetchall()


def test_narrow_and_widen_rematch_against_the_glossary(conn):
    m = mid(conn, KAZIMI)
    old = state(conn, m)
    start, end = stepped(conn, m, "left", -1)  # one word narrower on the left: the surname alone
    edit_span(conn, m, start, end)
    new = state(conn, m)
    assert (new["surface"], new["start"], new["end"]) == ("الكاظمي", old["start"] + 6, old["end"])
    assert new["norm"] == "كاظمي" and new["detector"] == "analyst" and new["by"] == "auto"
    assert new["entity"] == "mustafa-al-kadhimi" and new["score"] < 1.0  # matched by the names matcher now
    edit_span(conn, m, *stepped(conn, m, "left", 1))  # back to the glossary spelling: an exact match
    back = state(conn, m)
    assert (back["surface"], back["score"], back["status"]) == (KAZIMI, 1.0, "accepted")


def test_a_partial_name_becomes_the_whole_name(conn):
    m = mid(conn, "Karim Haddad")
    sentence = FR_SOURCE[0]
    edit_span(conn, m, sentence.index("Karim"), sentence.index("Karim") + len("Karim"))
    assert state(conn, m)["surface"] == "Karim" and state(conn, m)["norm"] == "karim"
    edit_span(conn, m, *stepped(conn, m, "right", 1))
    s = state(conn, m)
    assert (s["surface"], s["norm"], s["status"], s["entity"]) == ("Karim Haddad", "karim haddad", "new", None)


def test_logged_with_span_and_link_and_undone(conn):
    m = mid(conn, KAZIMI)
    before = state(conn, m)
    out = edit_span(conn, m, *stepped(conn, m, "left", -1))
    rows = conn.execute("SELECT action, target, target_id, before, after, batch, user FROM decisions ORDER BY id").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("span", "span", str(m)), ("span", "mention", str(m))]
    assert {r[5] for r in rows} == {out.batch} and rows[0][6] == "tester"
    span_before, span_after = json.loads(rows[0][3]), json.loads(rows[0][4])
    assert (span_before["surface"], span_after["surface"]) == (KAZIMI, "الكاظمي")
    assert json.loads(rows[1][3])["score"] == 1.0 and json.loads(rows[1][4])["score"] < 1.0
    assert recent(conn)[0]["action"] == "span" and recent(conn)[0]["mention_id"] == m
    undo(conn)
    assert state(conn, m) == before
    assert conn.execute("SELECT count(*) FROM decisions WHERE action = 'undo' AND target IN ('span', 'mention')"
                        ).fetchone()[0] == 2
    with pytest.raises(UserError, match="already undone"):
        undo(conn, out.decision_ids[0])


def test_undo_restores_candidates(conn):
    m = mid(conn, "داعش")
    edit_span(conn, m, *stepped(conn, m, "left", 1))  # "مسلحو داعش": suggested, with its candidates
    first = candidates(conn, m)
    assert [c[1] for c in first][:1] == ["islamic-state"] and state(conn, m)["status"] == "suggested"
    edit_span(conn, m, *stepped(conn, m, "right", 1))
    assert candidates(conn, m) != first
    undo(conn)
    assert candidates(conn, m) == first and state(conn, m)["surface"] == "مسلحو داعش"
    undo(conn)
    assert candidates(conn, m) == [] and state(conn, m)["surface"] == "داعش"  # an exact match keeps none


def test_a_human_link_is_replaced_and_comes_back_on_undo(conn):
    m = mid(conn, KAZIMI)
    decide(conn, m, "confirm")
    edit_span(conn, m, *stepped(conn, m, "left", -1))
    assert state(conn, m)["by"] == "auto"
    undo(conn)
    assert (state(conn, m)["status"], state(conn, m)["by"]) == ("confirmed", "tester")


def test_realign_keeps_the_analysts_span(conn):
    m = mid(conn, "Daech")
    edit_span(conn, m, *stepped(conn, m, "left", 1))  # "de Daech"
    kept = state(conn, m)
    align_articles(conn, force=True)
    assert state(conn, m) == kept
    segment = conn.execute("SELECT segment_id FROM mentions WHERE id = ?", (m,)).fetchone()[0]
    spans = conn.execute("SELECT start, end FROM mentions WHERE segment_id = ? AND side = 'source' ORDER BY start",
                         (segment,)).fetchall()
    assert (kept["start"], kept["end"]) in spans
    assert not any(s < kept["end"] and e > kept["start"] and (s, e) != (kept["start"], kept["end"]) for s, e in spans)
    undo(conn)  # back to the detected span, which re-aligning then treats as its own again
    align_articles(conn, force=True)
    assert state(conn, m)["surface"] == "Daech" and state(conn, m)["detector"] == "glossary"


def test_realign_matches_the_analysts_span_again_against_a_changed_glossary(conn):
    from workbench.glossary import store as glossary

    m = mid(conn, "Karim Haddad")
    sentence = FR_SOURCE[0]
    edit_span(conn, m, sentence.index("Haddad"), sentence.index("Haddad") + len("Haddad"))
    assert state(conn, m)["status"] == "new"
    entity = glossary.add_entity(conn, None, "person", "Haddad clan", origin="test")["id"]
    glossary.add_variant(conn, entity, "fr", "Haddad")
    align_articles(conn)
    s = state(conn, m)
    assert (s["surface"], s["detector"], s["entity"], s["status"], s["by"]) == \
        ("Haddad", "analyst", entity, "accepted", "auto")
    decide(conn, m, "reject")  # the analyst's decision on the span is never re-matched
    align_articles(conn, force=True)
    assert (state(conn, m)["status"], state(conn, m)["entity"]) == ("rejected", entity)


def test_realign_keeps_the_pair_of_two_analyst_spans(conn):
    source, english = mid(conn, "Karim Haddad"), mid(conn, "Karim Haddad", side="english")
    edit_span(conn, source, *stepped(conn, source, "left", 1))  # "avec Karim Haddad"
    edit_span(conn, english, *stepped(conn, english, "left", 1))  # "with Karim Haddad"
    align_articles(conn, force=True)
    rows = conn.execute("SELECT id, surface, counterpart_id FROM mentions WHERE id IN (?, ?) ORDER BY id",
                        (source, english)).fetchall()
    assert rows == [(source, "avec Karim Haddad", english), (english, "with Karim Haddad", source)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("span, message", [
    ((5, 5), "is empty"), ((9, 3), "is empty"), ((0, 10_000), "not inside its sentence"),
    ((18, 30), "cuts the word"), ((22, 23), "holds no word"), ((17, 41), "overlaps mention"),
])
def test_bad_spans_are_refused_and_change_nothing(conn, span, message):
    m = mid(conn, KAZIMI)
    before = state(conn, m)
    with pytest.raises(UserError, match=message):
        edit_span(conn, m, *span)
    assert state(conn, m) == before
    assert conn.execute("SELECT count(*) FROM decisions").fetchone()[0] == 0


def test_steps_stop_at_one_word_and_at_the_sentence_edges(conn):
    m = mid(conn, "Daech")
    with pytest.raises(UserError, match="one word"):
        stepped(conn, m, "right", -1)
    first = mid(conn, "Daesh", side="english")  # the first word of its sentence
    with pytest.raises(UserError, match="start of its sentence"):
        stepped(conn, first, "left", 1)
    with pytest.raises(UserError, match="already spans"):
        edit_span(conn, m, *stepped(conn, m, "left", 0))


def test_english_side_offsets_count_in_the_english(conn):
    m = mid(conn, "Hasakah", side="english")
    english = FR_ENGLISH[1]
    start = english.index("near Hasakah")
    edit_span(conn, m, start, start + len("near Hasakah"))
    assert state(conn, m)["surface"] == "near Hasakah"


def test_concordance_lists_every_sentence_of_the_spelling(conn):
    add_article(conn, "fr", ["Karim Haddad est revenu."], ["Karim Haddad came back."])
    align_articles(conn)
    m = mid(conn, "Karim Haddad")
    c = concordance(conn, m)
    assert c.total == 2 and [r["surface"] for r in c.rows] == ["Karim Haddad", "Karim Haddad"]
    assert c.rows[0]["text"] == FR_SOURCE[0] and c.rows[1]["text"] == "Karim Haddad est revenu."
    assert all(r["side"] == "source" for r in c.rows)  # the same language only: not the English side
    page = concordance(conn, m, limit=1, offset=1)
    assert page.total == 2 and [r["text"] for r in page.rows] == ["Karim Haddad est revenu."]
    linked = concordance(conn, mid(conn, "Mossoul"))
    assert [c["entity_id"] for c in linked.candidates] == ["mosul"]


# ---- the command line ---------------------------------------------------------------------------


def test_cli_span_then_undo(conn, db_path, capsys):
    m = mid(conn, KAZIMI)
    start, end = stepped(conn, m, "left", -1)
    assert main(["--db", str(db_path), "decide", str(m), "span", str(start), str(end)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"span: mention {m} 'الكاظمي' {start}-{end} (was '{KAZIMI}'")
    assert state(conn, m)["surface"] == "الكاظمي"
    assert main(["--db", str(db_path), "undo"]) == 0
    assert state(conn, m)["surface"] == KAZIMI


@pytest.mark.parametrize("args, message", [
    (["span"], "span needs START and END"), (["span", "3"], "span needs START and END"),
    (["span", "x", "4"], "START must be a whole number"), (["span", "-1", "4"], "counts characters from 0"),
    (["span", "0", "4", "--all-same"], "--all-same is not for `span`"),
    (["span", "18", "30"], "cuts the word"), (["confirm", "1", "2"], "END is only for `span`"),
])
def test_cli_span_errors_are_one_line(conn, db_path, capsys, args, message):
    m = mid(conn, KAZIMI)
    before = state(conn, m)
    assert main(["--db", str(db_path), "decide", str(m), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert state(conn, m) == before


def test_cli_same_as(conn, db_path, capsys):
    m = mid(conn, "Mossoul")
    assert main(["--db", str(db_path), "mentions", "--same-as", str(m), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["total"] == 1 and lines[0]["candidates"][0]["entity_id"] == "mosul"
    assert lines[1]["id"] == m and lines[1]["text"] == FR_SOURCE[0]
    assert main(["--db", str(db_path), "mentions", "--same-as", str(m)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 mention(s) of 'mossoul' (fr)") and "[Mossoul]" in out
    assert main(["--db", str(db_path), "mentions", "--same-as", "999"]) == 2
    assert "no mention with id 999" in capsys.readouterr().err


def test_a_widened_name_keeps_its_quotes_whole():
    """Widening over a quotation mark takes in its partner beside the name (كتائب "حزب الله" whole), and a
    name never runs out of its quotes (Sayyed Moqtada » et)."""
    from workbench.review.spans import _quotes_closed

    text = 'أعلنت كتائب "حزب الله" أمس'
    start, end = text.index("كتائب"), text.index("الله") + len("الله")
    assert text[slice(*_quotes_closed(text, start, end, "حزب الله"))] == 'كتائب "حزب الله"'
    assert _quotes_closed(text, start, end + 1, "x") == (start, end + 1)  # balanced: as it is
    french = "des «Le peuple est avec toi Sayyed Moqtada » et de slogans"
    start, end = french.index("Moqtada"), french.index(" et ") + 3
    with pytest.raises(UserError, match="would run across the quotation mark “»”"):
        _quotes_closed(french, start, end, "Moqtada")
    inner = french.index("«") + 1
    assert _quotes_closed(french, inner, french.index(" »"), "x") == (inner, french.index(" »"))
