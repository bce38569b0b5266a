"""Corpus export: pairs and spans read from the database, JSONL / CSV / TMX content, translate-toolkit."""

from __future__ import annotations

import csv
import io
import json
import threading

import pytest

from workbench.errors import UserError
from workbench.export import export_corpus
from workbench.export.pairs import iter_pairs
from workbench.corpus.importer import import_paths

FR = ("Les Forces démocratiques syriennes ont repris la prison de Hassaké. "
      "Les combattants de Daech ont été encerclés. "
      "Le Premier ministre Moustafa al-Kazimi a salué l'opération & la « victoire » <décisive>.")
FR2 = ("Une deuxième attaque a visé Hassaké hier soir. "
       "Aucun bilan n'a été donné. "
       "=Les autorités ont promis une enquête.")
AR = ("أعلنت قوات سوريا الديمقراطية استعادة السيطرة على سجن الحسكة. "
      "وقالت إن عناصر من تنظيم داعش حاولوا الفرار من السجن.")
EN = ("The Syrian Democratic Forces said they had retaken the prison in Hasakah. "
      "Islamic State fighters tried to escape.")

ENGLISH = {  # (article key, seq) -> (English, merged)
    ("fr", 0): ("The Syrian Democratic Forces retook the prison in Hasaka.", 0),
    ("fr", 1): ("Daesh fighters were surrounded and Prime Minister Mustafa al-Kazimi praised the "
                "operation & the \"victory\" <decisive>.", 0),
    ("fr", 2): ("", 1),  # given with the previous sentence: a 2:1 pair
    ("fr2", 0): ("A second attack targeted Hasakah last night.", 0),
    ("fr2", 1): ("", 0),  # aligned to nothing (1:0)
    # ("fr2", 2) not translated yet
    ("ar", 0): ("The Syrian Democratic Forces announced they had regained control of Hasaka prison.", 0),
    ("ar", 1): ("It said that ISIS members tried to escape from the prison.", 0),
}

ENTITIES = [
    ("sdf", "org", "Syrian Democratic Forces"),
    ("hasakah", "place", "Hasakah"),
    ("isis", "org", "Islamic State"),
    ("mustafa-al-kadhimi", "person", "Mustafa al-Kadhimi"),
    ("old-kadhimi", "person", "M. Kadhimi"),  # merged into mustafa-al-kadhimi
]

# (article key, seq, side, surface, entity, status, score)
MENTIONS = [
    ("fr", 0, "source", "Forces démocratiques syriennes", "sdf", "confirmed", 1.0),
    ("fr", 0, "source", "Hassaké", "hasakah", "accepted", 0.97),
    ("fr", 0, "english", "Syrian Democratic Forces", "sdf", "confirmed", 1.0),
    ("fr", 0, "english", "Hasaka", "hasakah", "accepted", 0.95),
    ("fr", 1, "source", "Daech", "isis", "suggested", 0.6),
    ("fr", 2, "source", "Moustafa al-Kazimi", "old-kadhimi", "confirmed", 1.0),
    ("fr", 1, "english", "Daesh", "isis", "rejected", 0.2),
    ("fr", 1, "english", "Mustafa al-Kazimi", "old-kadhimi", "confirmed", 1.0),
    ("fr2", 0, "source", "Hassaké", "hasakah", "confirmed", 1.0),
    ("fr2", 0, "english", "Hasakah", "hasakah", "confirmed", 1.0),
    ("ar", 0, "source", "قوات سوريا الديمقراطية", "sdf", "confirmed", 1.0),
    ("ar", 0, "source", "الحسكة", "hasakah", "confirmed", 1.0),
    ("ar", 0, "english", "Hasaka", "hasakah", "unsure", 0.5),
    ("ar", 1, "source", "داعش", "isis", "accepted", 0.92),
    ("ar", 1, "english", "ISIS", "isis", "accepted", 0.92),
    ("ar", 1, "english", "prison", None, None, 0.0),  # a mention with no link row
]


def build_corpus(db, tmp_path) -> dict[str, int]:
    """Import four articles through the importer, then add English, entities, mentions and links."""
    src = tmp_path / "articles"
    src.mkdir()
    rows = [
        {"text": FR, "lang": "fr", "title": "Prison reprise à Hassaké", "url": "https://example.org/fr?a=1&b=2",
         "date": "2022-01-26"},
        {"text": FR2, "lang": "fr", "title": None, "url": None, "date": None},
        {"text": AR, "lang": "ar", "title": "الحسكة", "url": "https://example.org/ar", "date": "2022-01-27"},
        {"text": EN, "lang": "en", "title": "Prison retaken", "url": None, "date": "2022-01-26"},
    ]
    (src / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                                 encoding="utf-8")
    summary = import_paths(db.conn, [src])
    assert summary.imported == 4, [f.error for f in summary.rejected]
    ids = {key: row[0] for key, row in zip(
        ("fr", "fr2", "ar", "en"), db.execute("SELECT id FROM articles ORDER BY id").fetchall())}
    conn = db.conn
    stamp = "2022-02-01T00:00:00+00:00"
    seg = {}
    for key, article_id in ids.items():
        for seg_id, seq, text in conn.execute(
                "SELECT id, seq, text FROM segments WHERE article_id = ? ORDER BY seq", (article_id,)):
            seg[(key, seq)] = (seg_id, text)
    for (key, seq), (english, merged) in ENGLISH.items():
        conn.execute("INSERT INTO translations (segment_id, engine, model, text, score, merged, created_at) "
                     "VALUES (?, 'argos', 'test', ?, -0.5, ?, ?)", (seg[(key, seq)][0], english, merged, stamp))
    for ident, kind, canonical in ENTITIES:
        conn.execute("INSERT INTO entities (id, type, canonical_en, origin, created_at, updated_at) "
                     "VALUES (?, ?, ?, 'test', ?, ?)", (ident, kind, canonical, stamp, stamp))
    conn.execute("UPDATE entities SET merged_into = 'mustafa-al-kadhimi' WHERE id = 'old-kadhimi'")
    for key, seq, side, surface, entity, status, score in MENTIONS:
        seg_id, text = seg[(key, seq)]
        if side == "english":
            text = ENGLISH[(key, seq)][0]
        start = text.index(surface)
        lang = "en" if side == "english" else key[:2]
        cur = conn.execute(
            "INSERT INTO mentions (segment_id, side, start, end, surface, norm, lang, detector) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'glossary')",
            (seg_id, side, start, start + len(surface), surface, surface.lower(), lang))
        if status:
            conn.execute("INSERT INTO links (mention_id, entity_id, status, score, updated_at) "
                         "VALUES (?, ?, ?, ?, ?)", (cur.lastrowid, entity, status, score, stamp))
    return ids


@pytest.fixture
def corpus(db, tmp_path):
    return build_corpus(db, tmp_path)


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_pairs_merge_skip_and_offsets(db, corpus):
    pairs = list(iter_pairs(db.conn, "all"))
    assert [p.key for p in pairs] == [f"{corpus['fr']}:1", f"{corpus['fr']}:2-3", f"{corpus['fr2']}:1",
                                      f"{corpus['ar']}:1", f"{corpus['ar']}:2"]  # sentences numbered from 1
    merged = pairs[1]
    assert merged.source == "Les combattants de Daech ont été encerclés. " + FR.split(". ", 2)[2]
    assert len(merged.segment_ids) == 2
    for pair in pairs:
        for span in pair.source_mentions:
            assert pair.source[span.start:span.end] == span.surface
        for span in pair.english_mentions:
            assert pair.english[span.start:span.end] == span.surface
    # the mention of the second (merged) segment is shifted into the joined source text
    kazimi = [s for s in merged.source_mentions if s.surface == "Moustafa al-Kazimi"]
    assert kazimi and kazimi[0].entity_id == "mustafa-al-kadhimi"  # merged entity followed
    assert kazimi[0].canonical == "Mustafa al-Kadhimi"


def test_jsonl_confirmed(db, corpus, tmp_path):
    out = tmp_path / "corpus.jsonl"
    result = export_corpus(db.conn, out, "jsonl")
    rows = read_jsonl(out)
    assert result.pairs == len(rows) == 5
    assert result.untranslated == 1 and result.no_english == 1 and result.english_articles == 1
    first = rows[0]
    assert first["source_lang"] == "fr" and first["target_lang"] == "en"
    assert first["article"] == {"id": corpus["fr"], "title": "Prison reprise à Hassaké",
                                "url": "https://example.org/fr?a=1&b=2", "date": "2022-01-26"}
    assert [(s["surface"], s["status"]) for s in first["source_spans"]] == [
        ("Forces démocratiques syriennes", "confirmed"), ("Hassaké", "accepted")]
    assert "english_canonical" not in first
    statuses = {s["status"] for r in rows for s in r["source_spans"] + r["english_spans"]}
    assert statuses == {"confirmed", "accepted"}  # suggested, rejected, unsure, unlinked left out
    for r in rows:
        for side, text in (("source_spans", r["source"]), ("english_spans", r["english"])):
            for s in r[side]:
                assert text[s["start"]:s["end"]] == s["surface"]
                assert s["entity_id"] and s["canonical"] and isinstance(s["score"], float)
    arabic = [r for r in rows if r["source_lang"] == "ar"]
    assert arabic[0]["source_spans"][1]["surface"] == "الحسكة"
    assert result.source_spans == sum(len(r["source_spans"]) for r in rows)


def test_jsonl_all_and_canonical(db, corpus, tmp_path):
    out = tmp_path / "corpus.jsonl"
    export_corpus(db.conn, out, "jsonl", status="all", canonical=True)
    rows = read_jsonl(out)
    statuses = [s["status"] for r in rows for s in r["source_spans"] + r["english_spans"]]
    assert {"suggested", "rejected", "unsure", None} <= set(statuses)
    merged = rows[1]
    # only confirmed/accepted links are rendered canonical: Daesh was rejected and stays
    assert merged["english_canonical"].startswith("Daesh fighters were surrounded and Prime Minister "
                                                  "Mustafa al-Kadhimi praised")
    for s in merged["english_canonical_spans"]:
        assert merged["english_canonical"][s["start"]:s["end"]] == s["canonical"]
    assert rows[0]["english_canonical"] == "The Syrian Democratic Forces retook the prison in Hasakah."


def test_lang_filter(db, corpus, tmp_path):
    out = tmp_path / "ar.jsonl"
    result = export_corpus(db.conn, out, "jsonl", lang="ar")
    rows = read_jsonl(out)
    assert {r["source_lang"] for r in rows} == {"ar"} and result.pairs == 2
    assert result.english_articles == 0
    with pytest.raises(UserError, match="--lang"):
        export_corpus(db.conn, tmp_path / "en.jsonl", "jsonl", lang="en")


def test_csv_is_excel_friendly(db, corpus, tmp_path):
    out = tmp_path / "corpus.csv"
    export_corpus(db.conn, out, "csv", canonical=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 5
    assert rows[0]["english_canonical"].endswith("prison in Hasakah.")
    assert rows[0]["source_entities"] == ("Forces démocratiques syriennes = Syrian Democratic Forces "
                                          "[sdf, confirmed] | Hassaké = Hasakah [hasakah, accepted]")
    assert rows[3]["source"].startswith("أعلنت")
    # a cell that would start a formula is neutralised
    fr2 = [r for r in rows if r["article_id"] == str(corpus["fr2"])]
    assert fr2 and fr2[0]["source"].startswith("Une")


def test_csv_formula_cells():
    from workbench.export.csv_export import cell

    assert cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert cell("@SUM(A1)") == "'@SUM(A1)" and cell("ok") == "ok" and cell(None) == ""


def test_tmx_read_by_translate_toolkit(db, corpus, tmp_path):
    from translate.storage import tmx as tt_tmx

    out = tmp_path / "corpus.tmx"
    result = export_corpus(db.conn, out, "tmx")
    assert result.pairs == 5
    store = tt_tmx.tmxfile.parsestring(out.read_bytes())
    units = store.units
    assert len(units) == 5
    header = store.document.getroot().find("header")
    assert header.get("creationtool") == "workbench" and header.get("creationtoolversion")
    assert header.get("srclang") == "*all*"
    by_lang = {}
    for u in units:
        langs = [n.get("{http://www.w3.org/XML/1998/namespace}lang") for n in u.getlanguageNodes()]
        assert langs[1] == "en" and u.xmlelement.get("srclang") == langs[0]
        by_lang.setdefault(langs[0], []).append(u)
    assert len(by_lang["fr"]) == 3 and len(by_lang["ar"]) == 2
    arabic = by_lang["ar"][0]
    assert arabic.source == AR.split(". ")[0] + "."
    assert arabic.target == ENGLISH[("ar", 0)][0]
    merged = by_lang["fr"][1]
    assert "& la « victoire » <décisive>" in merged.source
    assert merged.target == ENGLISH[("fr", 1)][0]
    props = {p.get("type"): p.text for p in units[0].xmlelement.iter("prop")}
    assert props == {"x-article-id": str(corpus["fr"]), "x-article-title": "Prison reprise à Hassaké",
                     "x-article-url": "https://example.org/fr?a=1&b=2", "x-article-date": "2022-01-26"}
    assert store.translate(AR.split(". ")[0] + ".", "ar", "en") == ENGLISH[("ar", 0)][0]


def test_tmx_single_language_header_and_canonical(db, corpus, tmp_path):
    from translate.storage import tmx as tt_tmx

    out = tmp_path / "fr.tmx"
    export_corpus(db.conn, out, "tmx", lang="fr", canonical=True)
    store = tt_tmx.tmxfile.parsestring(out.read_bytes())
    assert store.document.getroot().find("header").get("srclang") == "fr"
    assert store.units[0].target == "The Syrian Democratic Forces retook the prison in Hasakah."


def test_tmx_escapes_and_drops_non_xml_characters(db, corpus, tmp_path):
    from lxml import etree

    db.execute("UPDATE translations SET text = ? WHERE text LIKE 'A second attack%'",
               ["A \x01second\x0b attack <b> & \"quotes\"\r\nline\ufffe"])
    out = tmp_path / "x.tmx"
    export_corpus(db.conn, out, "tmx")
    root = etree.fromstring(out.read_bytes())
    segs = [s.text for s in root.iter("seg")]
    assert "A second attack <b> & \"quotes\"\r\nline" in segs


def test_progress_and_cancel(db, corpus, tmp_path):
    seen = []
    result = export_corpus(db.conn, tmp_path / "p.jsonl", "jsonl", on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (result.total, result.total) and result.total == 7  # 5 written + 2 skipped

    cancel = threading.Event()
    cancel.set()
    out = tmp_path / "c.tmx"
    result = export_corpus(db.conn, out, "tmx", cancel=cancel)
    assert result.cancelled and not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_empty_database_writes_valid_empty_files(db, tmp_path):
    from translate.storage import tmx as tt_tmx

    result = export_corpus(db.conn, tmp_path / "e.tmx", "tmx")
    assert result.pairs == 0
    assert len(tt_tmx.tmxfile.parsestring((tmp_path / "e.tmx").read_bytes()).units) == 0
    export_corpus(db.conn, tmp_path / "e.jsonl", "jsonl")
    assert (tmp_path / "e.jsonl").read_text() == ""


def test_bad_arguments(db, tmp_path):
    with pytest.raises(UserError, match="format"):
        export_corpus(db.conn, tmp_path / "x.xml", "xml")
    with pytest.raises(UserError, match="status"):
        export_corpus(db.conn, tmp_path / "x.tmx", "tmx", status="some")
