"""No text stored twice: explanations of exact matches in a few bytes, a search index without its own copy
of the text (migrations 0015, 0016), on new databases and on existing ones."""

from __future__ import annotations

import json

import pytest

from tests import stored as fts
from tests.test_decisions import conn  # noqa: F401 (fixture)
from tests.test_storage_discipline import _articles_jsonl
from workbench.cli.mentions_cmd import query as mention_rows
from workbench.corpus.importer import content_hash, import_paths
from workbench.review.decisions import decide
from workbench.review.queue import mention_view
from workbench.store import article_text, check, search
from workbench.store.db import open_db
from workbench.store.why import compact, expand, expanded

QUERIES = ("Mossoul", "Mosul", "prime minister", "Macron", "الحسكة", "Hassaké", "Karim Haddad", "calme")


@pytest.mark.parametrize("why, surface, cp, stored", [
    ("glossary spelling 'Mossoul' (fr)", "Mossoul", None, "="),
    ("glossary spelling 'Mossoul' (fr); aligned with 'Mosul' (english)", "Mossoul", ("Mosul", "english"), "=+"),
    ("glossary spelling 'Iraqi Army' (fr)", "Iraqi army", ("x", "english"), "='Iraqi Army"),
    ("glossary spelling 'Iraqi Army' (fr); aligned with 'y' (source)", "Iraqi army", ("y", "source"), "=+'Iraqi Army"),
    # the aligned part names another counterpart than the stored one: kept as written
    ("glossary spelling 'Mossoul' (fr); aligned with 'Mosul' (english)", "Mossoul", ("Mossul", "english"), None),
    ("glossary spelling 'Mossoul' (en)", "Mossoul", None, "=@en"),  # another language than the mention's
    ("glossary spelling 'Mosul' (en); aligned with 'Mosul' (english)", "Mossoul", ("Mosul", "english"), "=+@en'Mosul"),
    ("glossary spelling 'a' (fr)' (fr)", "a' (fr)", None, "="),  # a quote in the spelling still round-trips
    ("names matcher 0.91: Mossul", "Mossoul", None, None),
    (None, "Mossoul", None, None),
])
def test_an_explanation_is_stored_short_and_read_back_whole(why, surface, cp, stored):
    got = compact(why, surface, "fr", cp)
    assert got == (why if stored is None else stored)
    assert expand(got, surface, "fr", cp) == why


def test_sql_and_python_read_the_stored_form_alike(conn):  # noqa: F811
    rows = conn.execute(
        f"""SELECT l.why, {expanded()}, m.surface, m.lang, c.surface, c.side FROM links l
            JOIN mentions m ON m.id = l.mention_id LEFT JOIN mentions c ON c.id = m.counterpart_id""").fetchall()
    stored = [r[0] for r in rows]
    assert sum(w.startswith("=+") for w in stored) >= 4 and any(w == "=" or w.startswith("='") for w in stored)
    for why, sql, surface, lang, cp, side in rows:
        assert sql == expand(why, surface, lang, (cp, side) if cp is not None else None)
        assert not sql.startswith("=")


def test_the_review_shows_the_whole_explanation(conn):  # noqa: F811
    mid = conn.execute("SELECT mention_id FROM links WHERE why = '=+' LIMIT 1").fetchone()[0]
    view = mention_view(conn, mid)
    assert view["why"] == (f"glossary spelling '{view['surface']}' ({view['lang']}); "
                           f"aligned with '{view['counterpart']['surface']}' ({view['counterpart']['side']})")
    assert view["candidates"][0]["why"] == view["why"]  # the exact match shown as its own candidate
    listed = {r["id"]: r["why"] for r in mention_rows(conn, None, None, None)}
    assert listed[mid] == view["why"]


def test_mentions_and_the_aligners_links_keep_no_timestamp(conn):  # noqa: F811
    columns = {r[1] for r in conn.execute("PRAGMA table_info(mentions)")}
    assert "created_at" not in columns and {"surface", "norm", "counterpart_id"} <= columns
    assert dict(conn.execute("SELECT decided_by, max(updated_at) FROM links GROUP BY decided_by")) == {None: ""}
    mid = conn.execute("SELECT mention_id FROM links WHERE status = 'accepted' LIMIT 1").fetchone()[0]
    decide(conn, mid, "confirm")  # the analyst's decision is dated, in the link and in the log
    at = conn.execute("SELECT at FROM decisions ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert at and conn.execute("SELECT updated_at FROM links WHERE mention_id = ?", (mid,)).fetchone() == (at,)


def test_an_edited_english_stays_searchable_and_in_step(db, tmp_path):
    import_paths(db.conn, [_articles_jsonl(tmp_path / "a.jsonl")])
    assert search.search_articles(db.conn, "Macron") == [1]
    db.execute("UPDATE translations SET text = 'President Chirac came to Baghdad.' WHERE text LIKE 'President Macron%'")
    assert search.out_of_step(db.conn) == []
    assert search.search_articles(db.conn, "Chirac") == [1] and search.search_articles(db.conn, "arrived") == []
    db.execute("UPDATE segments SET text = 'Le président Chirac est arrivé.' WHERE text LIKE 'Le président Macron%'")
    assert search.out_of_step(db.conn) == []
    assert search.search_articles(db.conn, "président Chirac") == [1]


def _answers(conn) -> dict:
    """What the review, the mention list and the search answer; the links as stored."""
    mids = [r[0] for r in conn.execute("SELECT id FROM mentions ORDER BY id")]
    return {
        "views": [mention_view(conn, m) for m in mids],
        "listed": list(mention_rows(conn, None, None, None)),
        "search": {q: search.search_articles(conn, q) for q in QUERIES},
        "links": conn.execute("SELECT * FROM links ORDER BY mention_id").fetchall(),
        "articles": conn.execute(f"SELECT id, title, {article_text.expression()} FROM articles a ORDER BY id").fetchall(),
    }


def _as_before_0015(conn) -> None:
    """The layout migrations 0001-0014 left: whole explanations, mention timestamps, an index with its text."""
    from workbench.store.search import index_form

    fts.as_before_0017(conn)  # 'auto' written out, as then
    conn.execute(f"UPDATE links SET why = (SELECT {expanded('links', 'm')} FROM mentions m WHERE m.id = links.mention_id)")
    conn.execute(f"UPDATE articles SET text = {article_text.expression('articles')}")
    conn.execute("UPDATE links SET updated_at = '2026-01-01T00:00:00+00:00' WHERE decided_by = 'auto'")
    conn.execute("ALTER TABLE segments DROP COLUMN lead")
    conn.execute("ALTER TABLE articles DROP COLUMN tail")
    conn.execute("ALTER TABLE mentions ADD COLUMN created_at TEXT NOT NULL DEFAULT '2026-01-01T00:00:00+00:00'")
    for trigger in ("segment_delete", "segment_update", "translation_delete", "translation_update"):
        conn.execute(f"DROP TRIGGER segments_fts_{trigger}")
    conn.execute("DROP TABLE segments_fts")
    conn.execute("CREATE VIRTUAL TABLE segments_fts USING fts5(source, english, tokenize = 'unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO segments_fts (rowid, source, english) VALUES (?, ?, ?)", [
        (sid, index_form(src), index_form(eng or "")) for sid, src, eng in conn.execute(
            "SELECT s.id, s.text, t.text FROM segments s LEFT JOIN translations t ON t.segment_id = s.id").fetchall()])
    conn.execute("""CREATE TRIGGER segments_fts_segment_delete AFTER DELETE ON segments
                    BEGIN DELETE FROM segments_fts WHERE rowid = old.id; END""")
    conn.execute("""CREATE TRIGGER segments_fts_translation_delete AFTER DELETE ON translations
                    BEGIN UPDATE segments_fts SET english = '' WHERE rowid = old.segment_id; END""")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name IN ('0015_no_text_twice', "
                 "'0016_contentless_search_index')")


def test_an_existing_database_is_converted_and_answers_the_same(conn, db_path, tmp_path):  # noqa: F811
    import_paths(conn, [_articles_jsonl(tmp_path / "a.jsonl")])
    before = _answers(conn)
    assert before["search"]["Mossoul"] and before["search"]["prime minister"]
    _as_before_0015(conn)
    assert conn.execute("SELECT count(*) FROM links WHERE why LIKE '=%'").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM articles WHERE text = ''").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM segments_fts WHERE source <> ''").fetchone()[0] > 0  # its own copy
    conn.close()

    db = open_db(db_path)  # migrates
    try:
        after = _answers(db.conn)
        assert after == before  # the very stored forms the aligner writes, and the same answers
        assert "content=''" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'segments_fts'").fetchone()[0]
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'segments_fts_content'").fetchone() == (0,)
        assert "created_at" not in {r[1] for r in db.execute("PRAGMA table_info(mentions)")}
        assert db.execute("SELECT count(*) FROM articles WHERE text <> ''").fetchone() == (0,)  # all in their sentences
        assert all(findings == [] for _, findings in check.run(db.conn))
        # deletes still leave the converted index in step (its triggers)
        db.execute("DELETE FROM articles WHERE id = (SELECT max(id) FROM articles)")
        assert search.out_of_step(db.conn) == []
    finally:
        db.conn.close()


def test_an_article_is_kept_once_in_its_sentences(db, tmp_path):
    path = tmp_path / "a.jsonl"
    text = "  Premier paragraphe. Deuxième phrase.\n\nSecond paragraphe à Mossoul.\n"
    path.write_text(json.dumps({"lang": "fr", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    import_paths(db.conn, [_articles_jsonl(tmp_path / "b.jsonl"), path])
    assert db.execute("SELECT text FROM articles WHERE title IS NULL").fetchone() == ("",)
    rebuilt, identity = db.execute(f"SELECT {article_text.expression()}, content_hash FROM articles a"
                                   " WHERE title IS NULL").fetchone()
    assert "phrase.\n\nSecond" in rebuilt and content_hash(rebuilt) == identity
    leads = [r[0] for r in db.execute("SELECT s.lead FROM segments s JOIN articles a ON a.id = s.article_id"
                                      " WHERE a.title IS NULL ORDER BY s.seq")]
    assert "\n\n" in leads
    rebuilt = {r[0] for r in db.execute(f"SELECT {article_text.expression()} = a.text OR a.text = '' FROM articles a")}
    assert rebuilt == {1}


def test_sentences_that_do_not_rebuild_the_text_leave_it_whole():
    text = "Une phrase. Une autre."
    assert article_text.layout(text, [(0, 11), (12, 22)]) == ("", [None, " "], None)
    assert article_text.layout(f" {text}\n", [(1, 12), (13, 23)]) == ("", [" ", " "], "\n")
    assert article_text.layout(text, [(12, 22), (0, 11)]) == (text, [None, None], None)  # out of order
    assert article_text.layout(text, [(0, 11), (5, 22)]) == (text, [None, None], None)  # overlapping


def test_the_article_list_titles_an_untitled_article_by_its_text(db, tmp_path):
    from workbench.tui.state.articles import ArticleList

    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"lang": "fr", "text": "Un texte sans titre. Suite."}) + "\n", encoding="utf-8")
    import_paths(db.conn, [path])
    assert db.execute("SELECT text FROM articles").fetchone() == ("",)
    assert [row.title for row in ArticleList(db.conn).page(0, 10)] == ["Un texte sans titre. Suite."]


@pytest.mark.parametrize("words", [0, 1, 127, 128, 300])
def test_deleting_english_finds_what_the_index_holds(db, tmp_path, words):
    """The triggers read from a row's word counts whether it holds English (128 words: a two-byte count)."""
    import_paths(db.conn, [_articles_jsonl(tmp_path / "a.jsonl")])
    sid = db.execute("SELECT s.id FROM segments s JOIN articles a ON a.id = s.article_id"
                     " WHERE a.title = 'machine' LIMIT 1").fetchone()[0]
    english = " ".join(f"w{i}" for i in range(words))
    db.execute("INSERT INTO translations (segment_id, engine, text, created_at) VALUES (?, 'human', ?, 't')",
               (sid, english))
    assert search.out_of_step(db.conn) == ([sid] if words else [])  # written without the index writer
    db.execute("DELETE FROM translations WHERE segment_id = ?", (sid,))  # the index held no English: fine
    db.execute("INSERT INTO translations (segment_id, engine, text, created_at) VALUES (?, 'human', ?, 't')",
               (sid, english))
    search.sync_segments(db.conn, [sid])
    assert fts.words(db.conn, sid)[1] == words and search.out_of_step(db.conn) == []
    db.execute("DELETE FROM translations WHERE segment_id = ?", (sid,))
    assert fts.words(db.conn, sid)[1] == 0 and search.out_of_step(db.conn) == []
    db.execute("DELETE FROM articles WHERE title = 'machine'")
    assert fts.words(db.conn, sid) is None and search.out_of_step(db.conn) == []


def test_check_finds_a_row_holding_the_same_words_counted_otherwise(db, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"lang": "fr", "text": "Alpha alpha beta gamma."}) + "\n", encoding="utf-8")
    assert import_paths(db.conn, [path]).imported == 1
    sid = db.execute("SELECT id FROM segments").fetchone()[0]
    fts.drift(db.conn, sid, source="alpha beta beta gamma")  # as many words, in the same row
    assert fts.words(db.conn, sid)[0] == 4 and search.out_of_step(db.conn) == [sid]
