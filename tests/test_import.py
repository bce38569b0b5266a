"""Import: every format, every kind of bad input (message and database unchanged), idempotency."""

import json

import pytest

from tests import stored
from workbench.corpus.importer import import_paths

FR = ("Les Forces démocratiques syriennes ont repris le contrôle de la prison de Hassaké. "
      "Selon M. Karim, plus de 10.000 personnes ont fui les combats dans le quartier de Ghwayran. "
      "Les combattants de Daech ont été encerclés par les FDS et la coalition internationale.")
AR = ("أعلنت قوات سوريا الديمقراطية استعادة السيطرة على سجن الصناعة في مدينة الحسكة. "
      "وقالت إن عناصر من تنظيم داعش حاولوا الفرار من السجن، وإن الاشتباكات استمرت أياما؟ "
      "وأكدت القوات أن الوضع مستقر الآن في حي غويران.")
EN = ("The Syrian Democratic Forces said they had retaken the prison in Hasakah. "
      "More than 10,000 residents fled the fighting in the Ghwayran district, officials said. "
      "The attack by Islamic State fighters was the largest since 2019.")


def counts(db):
    return {t: db[t].count for t in ("articles", "segments", "translations", "segments_fts")}


def run(db, *paths, lang=None):
    return import_paths(db.conn, [str(p) for p in paths], lang=lang)


def test_txt_md_html_jsonl(db, tmp_path):
    (tmp_path / "a.txt").write_text("Prison attaquée\n" + FR, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: Attaque à Hassaké\ndate: 2022-01-21\nurl: https://example.org/b\n---\n"
        "# Un titre\n\n" + FR.replace("prison", "**prison**", 1) + "\n\n[lien](https://example.org) final.\n",
        encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html lang='ar'><head><title>الحسكة</title><script>var tracking = 1;</script></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/news'>أخبار</a></nav><article><h1>هجوم على سجن</h1>"
        f"<p>{AR}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": EN, "title": "Prison retaken", "url": "https://example.org/d", "date": "2022-01-26"})
        + "\n\n" + json.dumps({"text": FR + " Deuxième version.", "lang": "fr"}) + "\n", encoding="utf-8")
    summary = run(db, tmp_path)
    assert not summary.rejected, [f.error for f in summary.rejected]
    assert summary.imported == 5
    rows = {r["source"].rsplit("/", 1)[-1] + (f":{r['source_line']}" if r["source_line"] else ""): r
            for r in stored.articles(db)}
    assert rows["a.txt"]["lang"] == "fr" and rows["a.txt"]["title"] == "Prison attaquée"
    md = rows["b.md"]
    assert md["title"] == "Attaque à Hassaké" and md["date"] == "2022-01-21"
    assert "**" not in md["text"] and "https://" not in md["text"] and "lien final." in md["text"]
    html = rows["c.html"]
    assert html["lang"] == "ar" and "الحسكة" in html["text"]
    assert "tracking" not in html["text"] and "الرئيسية" not in html["text"] and "محفوظة" not in html["text"]
    assert rows["d.jsonl:1"]["lang"] == "en" and rows["d.jsonl:1"]["url"] == "https://example.org/d"
    assert rows["d.jsonl:3"]["lang_method"] == "file"
    # segments carry exact offsets into the article text
    for article in stored.articles(db):
        for seg in db["segments"].rows_where("article_id = ?", [article["id"]], order_by="seq"):
            assert article["text"][seg["start"]:seg["end"]] == seg["text"]
    # English passes through as its own translation
    en_id = rows["d.jsonl:1"]["id"]
    engines = {r[0] for r in db.execute(
        "SELECT t.engine FROM translations t JOIN segments s ON s.id = t.segment_id WHERE s.article_id = ?", [en_id])}
    assert engines == {"source"}


def test_reimport_is_reported_and_skipped(db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(FR, encoding="utf-8")
    assert run(db, f).imported == 1
    before = counts(db)
    again = tmp_path / "copy.txt"
    again.write_text(FR.replace(". ", ".  ") + "\n", encoding="utf-8")  # same content, other spacing
    summary = run(db, f, again)
    assert summary.imported == 0 and summary.duplicates == 2 and not summary.rejected
    assert "already imported as article 1" in summary.files[1].duplicates[0]
    assert counts(db) == before


def test_legacy_encodings_are_decoded_and_named(db, tmp_path):
    (tmp_path / "ar.txt").write_bytes(AR.encode("cp1256"))
    (tmp_path / "fr.txt").write_bytes(FR.encode("cp1252"))
    summary = run(db, tmp_path)
    assert [f.encoding for f in summary.files] == ["windows-1256", "windows-1252"]
    texts = {r["lang"]: r["text"] for r in stored.articles(db)}
    assert texts == {"ar": AR, "fr": FR}


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (a PNG image)"),
    ("nul.txt", b"abc\x00def" * 20, "binary file"),
    ("doc.pdf", b"%PDF-1.4 whatever", "unsupported file type '.pdf'"),
    ("noext", b"hello", "unsupported file type '(none)'"),
    ("spanish.txt", "El ejército lanzó una ofensiva contra los rebeldes en la provincia según fuentes y "
                    "para el gobierno de la región.".encode(), "unknown language"),
    ("digits.txt", b"12345 678 91011 1213", "unknown language"),
    ("broken.jsonl", (json.dumps({"text": FR}) + "\n{not json\n").encode(), "line 2: invalid JSON"),
    ("notext.jsonl", (json.dumps({"text": FR}) + "\n" + json.dumps({"title": "x"}) + "\n").encode(),
     "line 2: missing or empty \"text\""),
    ("badlang.jsonl", (json.dumps({"text": FR, "lang": "de"}) + "\n").encode(), "line 1: unknown language \"de\""),
    ("array.jsonl", b"[1, 2]\n", "line 1: expected a JSON object"),
    ("badtype.jsonl", (json.dumps({"text": FR, "title": 5}) + "\n").encode(), "field \"title\" must be a string"),
    ("scripts.html", b"<html><head><script>var a = 1;</script></head><body><style>p {}</style></body></html>",
     "no article text found"),
])
def test_bad_input_is_rejected_cleanly(db, tmp_path, name, content, message):
    good = tmp_path / "good.txt"
    good.write_text(FR, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)
    summary = run(db, bad)
    assert len(summary.rejected) == 1
    error = summary.rejected[0].error
    assert str(bad) in error and message in error
    assert "\n" not in error
    assert counts(db) == {"articles": 0, "segments": 0, "translations": 0, "segments_fts": 0}
    # good files in the same run are still imported
    summary = run(db, bad, good)
    assert summary.imported == 1 and len(summary.rejected) == 1


def test_jsonl_is_all_or_nothing(db, tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text(json.dumps({"text": FR}) + "\n" + json.dumps({"text": EN}) + "\n"
                 + json.dumps({"text": AR, "lang": "xx"}) + "\n", encoding="utf-8")
    summary = run(db, f)
    assert "line 3" in summary.rejected[0].error
    assert counts(db)["articles"] == 0


def test_missing_and_unreadable_paths(db, tmp_path):
    summary = run(db, tmp_path / "nope.txt")
    assert "no such file or folder" in summary.rejected[0].error
    locked = tmp_path / "locked.txt"
    locked.write_text(FR, encoding="utf-8")
    locked.chmod(0)
    try:
        summary = run(db, locked)
        import os
        if os.geteuid() != 0:  # root reads anything
            assert "permission denied" in summary.rejected[0].error
    finally:
        locked.chmod(0o644)


def test_lang_override_and_folder_walk(db, tmp_path):
    tmp_path = tmp_path / "corpus"
    sub = tmp_path / "deep" / "er"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text(FR, encoding="utf-8")
    (sub / "notes.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "y.txt").write_text(EN, encoding="utf-8")
    summary = run(db, tmp_path, lang="en")
    assert summary.imported == 1 and [p.name for p in summary.ignored] == ["notes.csv"]
    row = stored.articles(db)[0]
    assert row["lang"] == "en" and row["lang_method"] == "option"


def test_full_text_search_folds_diacritics(db, tmp_path):
    from workbench.store.search import search_articles

    (tmp_path / "ar.txt").write_text("هاجم مسلحو داعش سِجْنَ الحَسَكَة ليلا. وقتل عدد من الحراس.", encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FR, encoding="utf-8")
    run(db, tmp_path)
    ar_id = db.execute("SELECT id FROM articles WHERE lang='ar'").fetchone()[0]
    fr_id = db.execute("SELECT id FROM articles WHERE lang='fr'").fetchone()[0]
    assert search_articles(db.conn, "الحسكة") == [ar_id]
    assert search_articles(db.conn, "سجن") == [ar_id]
    assert search_articles(db.conn, "hassake") == [fr_id]
    assert search_articles(db.conn, "democrat") == [fr_id]  # prefix on the last word
    assert search_articles(db.conn, "\"') OR") == []  # user input never breaks the query
