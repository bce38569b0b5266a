"""The analyst's decisions: each action, bulk, undo, the append-only log, rejections, re-align safety."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.test_align_pipeline import AR_ENGLISH, AR_SOURCE, FR_ENGLISH, FR_SOURCE, add_article, add_glossary
from workbench.review.decisions import decide, recent, undo
from workbench.review.queue import review_queue
from workbench.align.run import align_articles
from workbench.store import implied
from workbench.errors import UserError


@pytest.fixture
def conn(db):
    c = db.conn
    add_glossary(c)
    add_article(c, "fr", FR_SOURCE, FR_ENGLISH)
    add_article(c, "fr", ["Karim Haddad a quitté Mossoul."], ["Karim Haddad left Mosul."])
    add_article(c, "ar", AR_SOURCE, AR_ENGLISH)
    align_articles(c)
    return c


def mid(conn, surface: str, side: str = "source", nth: int = 0) -> int:
    rows = conn.execute("SELECT id FROM mentions WHERE surface = ? AND side = ? ORDER BY id", (surface, side)).fetchall()
    return rows[nth][0]


def link(conn, mention_id: int) -> dict:
    row = conn.execute(f"SELECT entity_id, status, {implied.decided_by('links')} FROM links WHERE mention_id = ?",
                       (mention_id,)).fetchone()
    return dict(zip(("entity", "status", "by"), row))


def decisions(conn) -> list[tuple]:
    return conn.execute("SELECT id, action, target, target_id, before, after, batch, undoes, user FROM decisions ORDER BY id").fetchall()


def test_confirm_records_before_after_and_learns_spelling(conn):
    m = mid(conn, "Moustafa al-Kazimi")
    out = decide(conn, m, "confirm")
    assert link(conn, m) == {"entity": "mustafa-al-kadhimi", "status": "confirmed", "by": "tester"}
    rows = decisions(conn)
    assert {r[6] for r in rows} == {out.batch}
    first = rows[0]
    assert first[1:4] == ("confirm", "mention", str(m))
    assert json.loads(first[4])["status"] == "accepted" and json.loads(first[5])["status"] == "confirmed"
    assert first[8] == "tester"
    learned = conn.execute(
        "SELECT lang, text, learned, source FROM variants WHERE entity_id = 'mustafa-al-kadhimi' AND learned = 1"
    ).fetchall()
    assert learned == [("fr", "Moustafa al-Kazimi", 1, "review")]
    # confirming a spelling already in the glossary adds nothing
    decide(conn, mid(conn, "Mossoul"), "confirm")
    assert conn.execute("SELECT count(*) FROM variants WHERE learned = 1").fetchone()[0] == 1


def test_reject_is_never_suggested_again_even_after_realign(conn):
    m = mid(conn, "Mossoul")
    other = mid(conn, "Mossoul", nth=1)
    decide(conn, m, "reject")
    assert link(conn, m)["status"] == "rejected"
    norm = conn.execute("SELECT norm FROM mentions WHERE id = ?", (m,)).fetchone()[0]
    assert conn.execute("SELECT entity_id FROM rejections WHERE norm = ?", (norm,)).fetchall() == [("mosul",)]
    # the other mention spelled the same is no longer linked to the rejected entity
    assert link(conn, other)["entity"] != "mosul"
    align_articles(conn, force=True)
    assert link(conn, m)["status"] == "rejected"
    assert link(conn, other)["entity"] != "mosul"
    assert conn.execute(
        "SELECT count(*) FROM candidates c JOIN mentions m ON m.id = c.mention_id"
        " WHERE m.norm = ? AND c.entity_id = 'mosul' AND m.id <> ?",
        (norm, m),
    ).fetchone()[0] == 0


def test_unsure_keeps_entity(conn):
    m = mid(conn, "Daech")
    decide(conn, m, "unsure")
    assert link(conn, m) == {"entity": "islamic-state", "status": "unsure", "by": "tester"}


def test_correct_links_to_another_entity(conn):
    m = mid(conn, "Hassaké")
    out = decide(conn, m, "correct", entity_id="mosul")
    assert out.entity_id == "mosul"
    assert link(conn, m) == {"entity": "mosul", "status": "confirmed", "by": "tester"}
    # the spelling belongs to hasakah: the link is corrected, the spelling is not given to a second entity
    assert conn.execute("SELECT count(*) FROM variants WHERE entity_id = 'mosul' AND text = 'Hassaké'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM variants WHERE entity_id = 'hasakah' AND text = 'Hassaké'"
                        " AND deleted_at IS NULL").fetchone()[0] == 1


def test_new_entity_with_bulk_and_undo(conn):
    m = mid(conn, "Karim Haddad")
    same = [r[0] for r in conn.execute("SELECT id FROM mentions WHERE surface = 'Karim Haddad' AND lang = 'fr'")]
    assert len(same) == 2
    out = decide(conn, m, "new", entity_type="person", all_same=True)
    assert out.entity_id == "karim-haddad"
    assert sorted(out.mention_ids) == sorted(same)
    ent = conn.execute("SELECT type, canonical_en, origin, deleted_at FROM entities WHERE id = 'karim-haddad'").fetchone()
    assert ent == ("person", "Karim Haddad", "review", None)
    for x in same:
        assert link(conn, x) == {"entity": "karim-haddad", "status": "confirmed", "by": "tester"}
    assert len({r[6] for r in decisions(conn)}) == 1  # one batch
    # the new spelling reaches the English side at once (no re-align needed)
    english = [r[0] for r in conn.execute("SELECT id FROM mentions WHERE surface = 'Karim Haddad' AND side = 'english'")]
    assert english and all(link(conn, x) == {"entity": "karim-haddad", "status": "accepted", "by": "auto"}
                           for x in english)
    # undo the whole batch: links back, the entity and its spellings gone (the log keeps them)
    back = undo(conn)
    assert sorted(back.mention_ids) == sorted(same) and back.notes == []
    for x in same:
        assert link(conn, x)["status"] == "new"
    assert conn.execute("SELECT count(*) FROM entities WHERE id = 'karim-haddad'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM variants WHERE entity_id = 'karim-haddad'").fetchone()[0] == 0
    undo_rows = [r for r in decisions(conn) if r[1] == "undo"]
    # each row undoes one of the batch, except the automatic links leaving the entity (with no decision to undo)
    assert undo_rows and all(r[7] is not None or json.loads(r[4])["decided_by"] == "auto" for r in undo_rows)
    assert all(link(conn, x)["status"] == "new" for x in english)
    gone = [r for r in undo_rows if r[2] == "entity"]
    assert len(gone) == 1 and json.loads(gone[0][4])["id"] == "karim-haddad" and gone[0][5] is None
    # nothing is left of it: the same name again gets the same id
    again = decide(conn, m, "new", canonical="Karim Haddad")
    assert again.entity_id == "karim-haddad"


def test_bulk_skips_human_decisions(conn):
    first, second = (mid(conn, "Mossoul"), mid(conn, "Mossoul", nth=1))
    decide(conn, second, "unsure")
    out = decide(conn, first, "confirm", all_same=True)
    assert out.mention_ids == [first]
    assert link(conn, second)["status"] == "unsure"


def test_undo_reject_restores_links_and_rejection(conn):
    m = mid(conn, "Mossoul")
    other = mid(conn, "Mossoul", nth=1)
    before_other = link(conn, other)
    out = decide(conn, m, "reject")
    undo(conn, out.decision_ids[0])
    assert link(conn, m)["status"] == "accepted"
    assert link(conn, other) == before_other
    assert conn.execute("SELECT count(*) FROM rejections").fetchone()[0] == 0


def test_undo_twice_is_an_error_and_default_picks_latest_not_undone(conn):
    a = decide(conn, mid(conn, "Daech"), "unsure")
    b = decide(conn, mid(conn, "Hassaké"), "reject")
    undo(conn)  # undoes b
    with pytest.raises(UserError, match="already undone"):
        undo(conn, b.decision_ids[0])
    undo(conn)  # now a
    assert link(conn, a.mention_ids[0])["status"] == "accepted"
    with pytest.raises(UserError, match="nothing to undo"):
        undo(conn)
    undo_id = [r for r in decisions(conn) if r[1] == "undo"][0][0]
    with pytest.raises(UserError, match="itself an undo"):
        undo(conn, undo_id)


def test_log_is_append_only(conn):
    decide(conn, mid(conn, "Daech"), "confirm")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE decisions SET user = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM decisions")


def test_realign_never_overwrites_human_decisions(conn):
    confirmed = mid(conn, "Karim Haddad")
    decide(conn, confirmed, "correct", entity_id="mosul")
    unsure = mid(conn, "Daech")
    decide(conn, unsure, "unsure")
    # the glossary changes: Karim Haddad becomes an entity, Daech loses its spelling
    add_glossary(conn, [("karim-haddad", "person", "Karim Haddad", [("fr", "Karim Haddad")])])
    conn.execute("UPDATE variants SET deleted_at = '2022-01-01' WHERE text = 'Daech'")
    align_articles(conn)
    assert link(conn, confirmed) == {"entity": "mosul", "status": "confirmed", "by": "tester"}
    assert link(conn, unsure) == {"entity": "islamic-state", "status": "unsure", "by": "tester"}
    # the other Karim Haddad (undecided) follows the new glossary
    other = mid(conn, "Karim Haddad", nth=1)
    assert link(conn, other)["entity"] == "karim-haddad"
    total = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    align_articles(conn, force=True)
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == total


def test_user_errors(conn):
    m = mid(conn, "Daech")
    with pytest.raises(UserError, match="no mention with id 999999"):
        decide(conn, 999999, "confirm")
    with pytest.raises(UserError, match="unknown action"):
        decide(conn, m, "maybe")
    with pytest.raises(UserError, match="no entity with id 'atlantis'"):
        decide(conn, m, "correct", entity_id="atlantis")
    with pytest.raises(UserError, match="needs the entity id"):
        decide(conn, m, "correct")
    with pytest.raises(UserError, match="not linked to an entity"):
        decide(conn, mid(conn, "Karim Haddad"), "confirm")
    with pytest.raises(UserError, match="no decision with id 4242"):
        undo(conn, 4242)
    assert decisions(conn) == []  # nothing written by failed calls


def test_recent_history(conn):
    decide(conn, mid(conn, "Daech"), "confirm")
    out = decide(conn, mid(conn, "Karim Haddad"), "new", all_same=True)
    undo(conn, out.decision_ids[0])
    items = recent(conn, limit=10)
    assert [i["action"] for i in items] == ["undo", "new", "confirm"]
    assert items[1]["undone"] is True and items[2]["undone"] is False
    assert items[1]["surface"] == "Karim Haddad" and items[1]["mentions"] == 2
    assert items[2]["entity_id"] == "islamic-state" and items[2]["user"] == "tester"
    assert len(recent(conn, limit=1)) == 1
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    assert recent(conn, limit=10) == items
    conn.set_trace_callback(None)
    assert len(statements) == 3  # the log, the mentions decided, the undone ones: not two queries a row


def test_review_queue_orders_pending_by_uncertainty(conn):
    conn.execute("UPDATE links SET status = 'suggested', score = 0.8 WHERE mention_id = ?", (mid(conn, "Daech"),))
    conn.execute("UPDATE links SET status = 'suggested', score = 0.55 WHERE mention_id = ?", (mid(conn, "Hassaké"),))
    queue = review_queue(conn, limit=50)
    statuses = {q["status"] for q in queue}
    assert statuses <= {"suggested", "unsure", "new"}
    assert queue[0]["surface"] == "Daech"  # nearest the threshold
    surfaces = [q["surface"] for q in queue]
    assert surfaces.index("Hassaké") < surfaces.index("Karim Haddad")  # new (score 0) last
    item = queue[0]
    assert item["source_text"][item["start"]:item["end"]] == "Daech"
    assert item["english_text"] == FR_ENGLISH[1]
    assert item["candidates"][0]["entity_id"] == "islamic-state"
    assert item["counterpart"]["surface"] == "Daesh"
    one_article = review_queue(conn, article_id=2)
    assert one_article and all(q["article_id"] == 2 for q in one_article)
    assert len(review_queue(conn, limit=2, offset=1)) == 2
    decide(conn, queue[0]["id"], "confirm")
    assert queue[0]["id"] not in [q["id"] for q in review_queue(conn)]


def _arabic_new_mention(conn) -> int:
    m = mid(conn, "بالكرخي")
    # the aligner's proposal falls back to the Arabic surface when it has no English side
    conn.execute("UPDATE links SET proposal = ? WHERE mention_id = ?",
                 (json.dumps({"canonical_en": "الكرخي", "spellings": {}}, ensure_ascii=False), m))
    return m


def test_new_takes_the_english_counterpart_as_canonical(conn):
    m = _arabic_new_mention(conn)
    out = decide(conn, m, "new", entity_type="person")
    row = conn.execute("SELECT canonical_en FROM entities WHERE id = ?", (out.entity_id,)).fetchone()
    assert out.entity_id == "al-karkhi" and row[0] == "al-Karkhi"
    spellings = set(conn.execute("SELECT lang, text FROM variants WHERE entity_id = ?", (out.entity_id,)))
    assert spellings == {("ar", "الكرخي"), ("en", "al-Karkhi")}


def test_new_without_a_latin_name_needs_canonical(conn):
    m = _arabic_new_mention(conn)
    conn.execute("UPDATE mentions SET counterpart_id = NULL")
    entities = conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    with pytest.raises(UserError, match="has no English name to use: give one with --canonical NAME"):
        decide(conn, m, "new")
    with pytest.raises(UserError, match="--canonical: canonical name .* is not in Latin script"):
        decide(conn, m, "new", canonical="الكرخي")
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == entities
    out = decide(conn, m, "new", canonical="Salman al-Karkhi")
    assert out.entity_id == "salman-al-karkhi"


def test_new_ids_follow_the_glossary_id_rule(conn):
    from workbench.glossary.rules import id_problem

    m = mid(conn, "Karim Haddad")
    out = decide(conn, m, "new", canonical="Ḥasan_al-Bannā (1906)")
    assert out.entity_id == "hasan-al-banna-1906" and id_problem(out.entity_id) is None


def test_a_declined_preview_leaves_nothing_for_the_next_decision(conn):
    """The preview of a correction (rolled back: the analyst said no) learned its spelling for another
    entity; the decision made next learns the same spelling for the right one, in the row id the
    preview had. The names it re-links follow the glossary as written, not the preview's."""
    from workbench.review.preview import preview

    first, other = mid(conn, "Karim Haddad"), mid(conn, "Karim Haddad", nth=1)
    asked = preview(conn, first, "correct", entity_id="hasakah")
    assert asked.entity_id == "hasakah" and link(conn, first)["status"] == "new"  # nothing kept
    decide(conn, other, "correct", entity_id="mosul")
    linked = conn.execute("SELECT DISTINCT l.entity_id FROM mentions m JOIN links l ON l.mention_id = m.id"
                          " WHERE m.surface = 'Karim Haddad'").fetchall()
    assert linked == [("mosul",)]
    assert link(conn, first) == {"entity": "mosul", "status": "accepted", "by": "auto"}


def test_a_new_entity_does_not_grow_its_name_over_the_title_before_it(db):
    """«اللواء خليل عبد الرحمن الجبوري»: the name found after the title (cue) becomes a new entity; the
    re-alignment the decision makes finds its spelling in the glossary and used to grow it over the title
    (the matcher ignores اللواء), leaving a second mention over the confirmed one. One name, without the
    title, linked as decided."""
    c = db.conn
    add_glossary(c)
    add_article(c, "ar", ["وقال قائد قوات الحدود في المنطقة الغربية، اللواء خليل عبد الرحمن الجبوري، إن الحدود مؤمنة."],
                ["The commander of border forces in the western region, Major General Khalil Abdul-Rahman "
                 "al-Jubouri, said the border was secure."])
    align_articles(c)
    m = mid(c, "خليل عبد الرحمن الجبوري")
    decide(c, m, "new", canonical="Khalil Abdul-Rahman al-Jubouri", entity_type="person")
    source = c.execute("SELECT id, surface FROM mentions WHERE side = 'source'").fetchall()
    assert source == [(m, "خليل عبد الرحمن الجبوري")]
    assert link(c, m) == {"entity": "khalil-abdul-rahman-al-jubouri", "status": "confirmed", "by": "tester"}
    align_articles(c, force=True)  # a fresh alignment agrees
    assert c.execute("SELECT surface FROM mentions WHERE side = 'source'").fetchall() == [(source[0][1],)]
