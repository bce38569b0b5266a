"""Arabic search ignores proclitics and the article; databases indexed before that are re-indexed."""

from __future__ import annotations

from tests import stored
from workbench.corpus.importer import import_paths
from workbench.store import open_db, search
from workbench.text.fold import search_form
from workbench.text.tokens import bare_word

# invented sentences: the same place with and without proclitics, and a word that only looks alike
ARTICLE = "وصلت القافلة إلى الحسكة والقامشلي ليلا."
CONJUNCTION = "قال مسؤول في مدينة والحسكة هادئة."
OTHER = "تحدث الوزير عن الحسكي في بيانه."


def build(db, tmp_path) -> dict[str, int]:
    for name, text in (("article", ARTICLE), ("conjunction", CONJUNCTION), ("other", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    import_paths(db.conn, [tmp_path])
    return {row["text"]: row["id"] for row in stored.articles(db)}


def test_bare_word_strips_proclitics_then_the_article():
    assert {bare_word(w) for w in ("والحسكة", "بالحسكة", "للحسكة", "الحسكة", "وللحسكة")} == {"حسكة"}
    assert bare_word("حسكة") == "حسكة" and bare_word("Hasakah") == "Hasakah"
    assert bare_word("الي") == "الي" and bare_word("وال") == "ال"  # two letters at least are kept


def test_article_and_clitics_are_ignored_both_ways(db, tmp_path):
    ids = build(db, tmp_path)
    both = sorted([ids[ARTICLE], ids[CONJUNCTION]])
    assert sorted(search.search_articles(db.conn, "الحسكة")) == both
    assert sorted(search.search_articles(db.conn, "والحسكة")) == both
    assert sorted(search.search_articles(db.conn, "بالحسكة")) == both
    assert search.search_articles(db.conn, "القامشلي") == [ids[ARTICLE]]  # written والقامشلي
    assert search.search_articles(db.conn, "الحسكي") == [ids[OTHER]]  # another word stays another word
    assert sorted(search.search_articles(db.conn, "الحس")) == sorted(ids.values())  # typing: a prefix
    assert search.out_of_step(db.conn) == []


def test_migration_reindexes_an_old_index(db, db_path, tmp_path):
    ids = build(db, tmp_path)
    conn = db.conn
    # the index as databases before migration 0013 hold it: folded text only, no bare words
    conn.execute("INSERT INTO segments_fts (segments_fts) VALUES ('delete-all')")
    rows = conn.execute("SELECT id, text FROM segments").fetchall()
    conn.executemany("INSERT INTO segments_fts (rowid, source, english) VALUES (?, ?, '')",
                     [(sid, search_form(text)) for sid, text in rows])
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0013_search_bare_words'")
    assert search.out_of_step(conn)  # stale: the bare words are missing
    assert search.search_articles(conn, "الحسكة") == []  # the query looks for the bare word
    conn.close()
    reopened = open_db(db_path).conn
    try:
        assert search.out_of_step(reopened) == []
        assert sorted(search.search_articles(reopened, "والحسكة")) == sorted([ids[ARTICLE], ids[CONJUNCTION]])
        assert reopened.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = '0013_search_bare_words'"
                                ).fetchone()[0] == 1
    finally:
        reopened.close()


def test_glossary_search_ignores_the_transliterations_ayn_and_hamza(db):
    """ʿIraq, ʿAnbar as the Latin view writes them find the entities (the names index searched as you type)."""
    from workbench.glossary.bundled import bundled_files, load_files
    from workbench.names.index import glossary_index

    load_files(db.conn, bundled_files())
    index = glossary_index(db.conn)
    for query, entity in (("ʿIraq", "iraq"), ("ʿAnbar", "anbar"), ("ʾIdlib", "idlib")):
        found = index.matcher.search(query, limit=5)
        assert found and found[0].entity_id == entity, query
