"""The glossary service: all-or-nothing idempotent merge, logged edits, the rules, normal forms, version."""

from __future__ import annotations

import json

import pytest

from tests.test_glossary_fixtures import sample_entities
from workbench.errors import UserError
from workbench.glossary import store
from workbench.glossary.model import Entity, Variant
from workbench.names.normalize import NORM_VERSION, normalize


def decisions(conn, target=None):
    sql = "SELECT action, target, target_id, before, after, user FROM decisions"
    rows = conn.execute(sql + (" WHERE target = ?" if target else "") + " ORDER BY id",
                        (target,) if target else ()).fetchall()
    return [(a, t, i, json.loads(b) if b else None, json.loads(af) if af else None, u) for a, t, i, b, af, u in rows]


def test_merge_is_idempotent(db):
    conn = db.conn
    first = store.merge_entities(conn, sample_entities(), "sample.toml")
    assert (first.added, first.updated, first.unchanged, first.notes) == (9, 0, 0, [])
    assert first.variants_added == conn.execute("SELECT count(*) FROM variants").fetchone()[0] == 36
    before = conn.execute("SELECT * FROM variants ORDER BY id").fetchall()
    again = store.merge_entities(conn, sample_entities(), "sample.toml")
    assert (again.added, again.updated, again.unchanged, again.variants_added) == (0, 0, 9, 0)
    assert not again.changed and again.summary().startswith("nothing changed")
    assert conn.execute("SELECT * FROM variants ORDER BY id").fetchall() == before
    assert [d[0] for d in decisions(conn, "glossary")] == ["import"]  # the no-op import logs nothing


def test_stored_norm_comes_from_normalize(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    for lang, text, norm in conn.execute("SELECT lang, text, norm FROM variants"):
        assert norm == normalize(text, lang)
    assert conn.execute("SELECT value FROM meta WHERE key = 'norm_version'").fetchone()[0] == NORM_VERSION


def test_merge_keeps_database_values_and_fills_empty_ones(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    changed = [
        Entity("baghdad", "place", "Baghdad", variants=[Variant("en", "Bagdad City")]),  # new spelling
        Entity("new-one", "place", "New One", variants=[Variant("en", "New One")]),
        Entity("islamic-state", "org", "Islamic State", wikidata="Q1"),  # wikidata differs
        Entity("ghwayran", "place", "Ghwayran", note="Prison district of Hasakah"),  # empty note filled
    ]
    report = store.merge_entities(conn, changed, "edit.toml")
    assert (report.added, report.updated, report.variants_added) == (1, 2, 2)
    assert len(report.notes) == 1 and "wikidata 'Q2429253' in the database, 'Q1' in the file" in report.notes[0]
    assert conn.execute("SELECT wikidata FROM entities WHERE id = 'islamic-state'").fetchone()[0] == "Q2429253"
    assert conn.execute("SELECT note FROM entities WHERE id = 'ghwayran'").fetchone()[0] == "Prison district of Hasakah"


def test_merge_is_all_or_nothing_and_lists_every_problem(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    version = store.glossary_version(conn)
    rows = conn.execute("SELECT count(*) FROM entities").fetchone()[0], conn.execute(
        "SELECT count(*) FROM variants").fetchone()[0]
    changed = [
        Entity("hasakah", "org", "Hasakah", line=3),  # type differs
        Entity("baghdad", "place", "Baghdad", variants=[Variant("en", "Bagdad City")]),  # fine on its own
        Entity("new-one", "place", "New One", variants=[Variant("en", "Kadhimi", line=12),  # held by another
                                                        Variant("en", "New One")], line=10),
    ]
    with pytest.raises(UserError) as caught:
        store.merge_entities(conn, changed, "edit.toml")
    message = str(caught.value)
    assert message.startswith("2 problems, nothing was imported:")
    assert "edit.toml:3: entity \"hasakah\": type 'place' in the database, 'org' in the file" in message
    assert 'edit.toml:12: "Kadhimi" (en) already belongs to "mustafa-al-kadhimi"' in message and "--move" in message
    assert (conn.execute("SELECT count(*) FROM entities").fetchone()[0],
            conn.execute("SELECT count(*) FROM variants").fetchone()[0]) == rows
    assert store.glossary_version(conn) == version


def test_merge_with_move_takes_the_spelling_and_logs_it(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    report = store.merge_entities(conn, [Entity("new-one", "place", "New One", variants=[Variant("en", "Kadhimi")])],
                                  "edit.toml", move=True)
    assert report.moved == 1 and report.added == 1
    assert store.owner_of(conn, "en", "Kadhimi") == "new-one"
    moves = [d for d in decisions(conn, "variant") if d[0] == "move"]
    assert len(moves) == 1 and moves[0][3]["entity_id"] == "mustafa-al-kadhimi" and moves[0][4]["deleted_at"]


def test_deleted_things_are_not_revived_by_import(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    vid = conn.execute("SELECT id FROM variants WHERE text = 'Hassaké'").fetchone()[0]
    store.remove_variant(conn, vid)
    store.soft_delete_entity(conn, "ghwayran")
    report = store.merge_entities(conn, sample_entities(), "sample.toml")
    assert report.variants_added == 0
    assert any('"ghwayran" was deleted' in c for c in report.notes)
    assert conn.execute("SELECT deleted_at FROM variants WHERE id = ?", (vid,)).fetchone()[0] is not None


def test_load_entities(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    loaded = {e.id: e for e in store.load_entities(conn)}
    assert loaded["islamic-state"].wikidata == "Q2429253"
    assert ("fr", "Daech") in [(v.lang, v.text) for v in loaded["islamic-state"].variants]
    store.soft_delete_entity(conn, "baghdad")
    assert "baghdad" not in {e.id for e in store.load_entities(conn)}
    assert "baghdad" in {e.id for e in store.load_entities(conn, include_deleted=True)}


def test_edits_are_logged_with_before_and_after(db):
    conn = db.conn
    store.add_entity(conn, "tikrit", "place", "Tikrit", note="City in Salah al-Din")
    store.update_entity(conn, "tikrit", canonical="Tikrit City", wikidata="Q190923")
    added = store.add_variant(conn, "tikrit", "ar", "تكريت")
    store.remove_variant(conn, added["id"])
    store.soft_delete_entity(conn, "tikrit")
    log = decisions(conn)
    assert [(a, t) for a, t, *_ in log] == [("add", "entity"), ("edit", "entity"), ("add", "variant"),
                                            ("delete", "variant"), ("delete", "entity")]
    edit = log[1]
    assert edit[3]["canonical_en"] == "Tikrit" and edit[4]["canonical_en"] == "Tikrit City"
    assert edit[4]["wikidata"] == "Q190923" and edit[5] == "tester"
    assert log[2][4]["norm"] == normalize("تكريت", "ar") and log[2][4]["learned"] == 1
    assert log[4][4]["deleted_at"] is not None


@pytest.mark.parametrize("call, message", [
    (lambda c: store.add_entity(c, "Bad Id", "place", "X"), "bad entity id"),
    (lambda c: store.add_entity(c, "x", "planet", "X"), "unknown type"),
    (lambda c: store.add_entity(c, "hasakah", "place", "Again"), "already exists"),
    (lambda c: store.update_entity(c, "nope", note="x"), "no entity 'nope'"),
    (lambda c: store.update_entity(c, "hasakah", colour="red"), "cannot change colour"),
    (lambda c: store.add_variant(c, "hasakah", "de", "Hasaka"), "unknown language"),
    (lambda c: store.add_variant(c, "hasakah", "en", "Kadhimi"), "already belongs to 'mustafa-al-kadhimi'"),
    (lambda c: store.add_variant(c, "hasakah", "ar", "Hasaka"), "has no Arabic letters"),
    (lambda c: store.add_variant(c, "hasakah", "en", "Hasa\x00ka"), "control character"),
    (lambda c: store.add_variant(c, "hasakah", "en", "\u200b\u200c"), "no letter or digit"),
    (lambda c: store.add_variant(c, "hasakah", "en", "H" * 301), "at most 300"),
    (lambda c: store.add_entity(c, "a" * 101, "place", "X"), "at most 100"),
    (lambda c: store.add_entity(c, "x", "place", "الحسكة"), "not in Latin script"),
    (lambda c: store.update_entity(c, "hasakah", type="city"), "unknown type"),
    (lambda c: store.merge_two_entities(c, "hasakah", "hasakah"), "with itself"),
    (lambda c: store.remove_variant(c, 99999), "no spelling with id"),
])
def test_edit_mistakes_are_user_errors(db, call, message):
    store.merge_entities(db.conn, sample_entities(), "sample.toml")
    count = db.conn.execute("SELECT count(*) FROM decisions").fetchone()[0]
    with pytest.raises(UserError, match=message):
        call(db.conn)
    assert db.conn.execute("SELECT count(*) FROM decisions").fetchone()[0] == count


def test_merge_two_entities_moves_spellings_and_links(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    store.add_entity(conn, "hasaka-city", "place", "Hasaka city")
    store.add_variant(conn, "hasaka-city", "en", "Hasaka City")
    store.add_variant(conn, "hasaka-city", "fr", "Hassaké-ville")
    conn.execute("INSERT INTO articles (id, content_hash, source, lang, lang_method, text, encoding, imported_at) "
                 "VALUES (1, 'h', 's', 'fr', 'file', 'x', 'utf-8', 't')")
    conn.execute("INSERT INTO segments (id, article_id, seq, start, end, text) VALUES (1, 1, 0, 0, 1, 'x')")
    conn.execute("INSERT INTO mentions (id, segment_id, side, start, end, surface, norm, lang, detector) "
                 "VALUES (1, 1, 'source', 0, 1, 'x', 'x', 'fr', 'glossary')")
    conn.execute("INSERT INTO links (mention_id, entity_id, status, updated_at) VALUES (1, 'hasaka-city', 'confirmed', 't')")
    after = store.merge_two_entities(conn, "hasakah", "hasaka-city")
    assert after["merged_into"] == "hasakah" and after["moved_variants"] == 2 and after["moved_links"] == 1
    assert conn.execute("SELECT entity_id FROM links WHERE mention_id = 1").fetchone()[0] == "hasakah"
    texts = {t for (t,) in conn.execute("SELECT text FROM variants WHERE entity_id = 'hasakah' AND deleted_at IS NULL")}
    assert {"Hasaka City", "Hassaké-ville", "Hassaké"} <= texts
    assert [a for a, t, i, *_ in decisions(conn) if t == "entity" and i == "hasaka-city"][-1] == "merge"


def test_ensure_norms_recomputes_after_a_version_change(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    conn.execute("UPDATE variants SET norm = 'stale'")
    assert store.ensure_norms(conn) is False  # same version: trusted
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'norm_version'")
    assert store.ensure_norms(conn) is True
    assert conn.execute("SELECT count(*) FROM variants WHERE norm = 'stale'").fetchone()[0] == 0


def test_a_second_claim_names_the_owner_and_move_is_logged(db):
    conn = db.conn
    store.merge_entities(conn, sample_entities(), "sample.toml")
    with pytest.raises(UserError, match="'kadhimi' \\(en\\) already belongs to 'mustafa-al-kadhimi'"):
        store.add_variant(conn, "hasakah", "en", "kadhimi")  # same normal form
    store.add_variant(conn, "hasakah", "en", "Kadhimi", move=True)
    assert store.owner_of(conn, "en", "Kadhimi") == "hasakah"
    assert [d[0] for d in decisions(conn, "variant")][-2:] == ["move", "add"]


def test_minted_ids_pass_the_id_rule(db):
    from workbench.glossary import rules

    conn = db.conn
    for canonical in ("Abū Bakr al-Baghdādī", "Ḥay'at Taḥrīr al-Shām", "X" * 150, "État islamique", "  Raqqa  "):
        row = store.add_entity(conn, None, "other", canonical)
        assert rules.id_problem(row["id"]) is None, row["id"]
    again = store.add_entity(conn, None, "other", "Raqqa")
    assert again["id"] == "raqqa-2"


def test_every_write_bumps_the_glossary_version(db):
    conn = db.conn
    seen = [store.glossary_version(conn)]

    def bumped():
        seen.append(store.glossary_version(conn))
        return seen[-1] > seen[-2]

    store.merge_entities(conn, sample_entities(), "sample.toml")
    assert bumped()
    store.merge_entities(conn, sample_entities(), "sample.toml")  # nothing changed
    assert not bumped()
    store.add_entity(conn, "tikrit", "place", "Tikrit")
    assert bumped()
    store.update_entity(conn, "tikrit", note="City")
    assert bumped()
    vid = store.add_variant(conn, "tikrit", "ar", "تكريت")["id"]
    assert bumped()
    store.remove_variant(conn, vid)
    assert bumped()
    store.merge_two_entities(conn, "hasakah", "tikrit")
    assert bumped()
    store.soft_delete_entity(conn, "baghdad")
    assert bumped()
