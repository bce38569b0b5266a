"""Human translations and English articles' own text keep no time (migration 0018); what an article was
aligned against stays recognised, so converting a database re-aligns nothing."""

from __future__ import annotations

from tests.test_storage_discipline import _articles_jsonl
from workbench.align.run import align_articles
from workbench.corpus.importer import import_paths
from workbench.glossary.bundled import bundled_files, load_files
from workbench.store import open_conn
from workbench.store.fingerprints import UNDATED, translation_signatures

STAMP = "2026-01-01T00:00:00+00:00"


def dates(conn) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for engine, created in conn.execute("SELECT engine, created_at FROM translations"):
        out.setdefault(engine, set()).add(created)
    return out


def test_imported_english_is_stored_undated(db, tmp_path):
    import_paths(db.conn, [_articles_jsonl(tmp_path / "a.jsonl")])
    assert dates(db.conn) == {"human": {UNDATED}, "source": {UNDATED}}


def test_an_existing_database_is_converted_and_needs_no_new_alignment(db, db_path, tmp_path):
    conn = db.conn
    load_files(conn, bundled_files())
    import_paths(conn, [_articles_jsonl(tmp_path / "a.jsonl")])
    conn.execute("INSERT INTO translations (segment_id, engine, model, text, created_at) SELECT id, 'argos', 'm',"
                 " 'Fighting goes on.', ? FROM segments WHERE text LIKE 'Les combats%'", (STAMP,))
    assert len(align_articles(conn).aligned) == 4
    stamped = "2025-06-01T00:00:00+00:00"  # as written before: every translation dated, aligned against that
    before = translation_signatures(conn)
    conn.execute("UPDATE translations SET created_at = ? WHERE engine IN ('human', 'source')", (stamped,))
    old = translation_signatures(conn)
    assert old != before
    conn.executemany("UPDATE align_state SET signature = ? WHERE article_id = ?", [(s, a) for a, s in old.items()])
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0018_undated_translations'")
    conn.close()

    conn = open_conn(db_path)  # migrates
    try:
        assert dates(conn) == {"human": {UNDATED}, "source": {UNDATED}, "argos": {STAMP}}
        assert translation_signatures(conn) == before
        states = dict(conn.execute("SELECT article_id, signature FROM align_state"))
        assert {a: states[a] for a in before} == before
        # recorded as aligned against its translations as they are; a record from before the name finder's
        # version was kept names no version: aligned again once (align.analyser), then never
        assert set(align_articles(conn).aligned) == set(before)
        assert align_articles(conn).aligned == []
    finally:
        conn.close()
