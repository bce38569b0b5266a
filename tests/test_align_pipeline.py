"""Alignment of source text with a human English translation: detection, pairing, linking, re-runs."""

from __future__ import annotations

import threading

import pytest

from workbench.align.run import align_articles
from workbench.clock import now

GLOSSARY = [
    ("mustafa-al-kadhimi", "person", "Mustafa al-Kadhimi",
     [("ar", "مصطفى الكاظمي"), ("fr", "Mustafa al-Kazemi"), ("en", "Mustafa al-Kadhimi"), ("en", "al-Kadhimi")]),
    ("mosul", "place", "Mosul", [("ar", "الموصل"), ("fr", "Mossoul"), ("en", "Mosul")]),
    ("islamic-state", "org", "Islamic State",
     [("ar", "داعش"), ("fr", "Daech"), ("fr", "État islamique"), ("en", "ISIS"), ("en", "Daesh")]),
    ("hasakah", "place", "Hasakah", [("ar", "الحسكة"), ("fr", "Hassaké"), ("en", "Hasakah")]),
    ("popular-mobilization-forces", "org", "Popular Mobilization Forces",
     [("ar", "الحشد الشعبي"), ("fr", "Hachd al-Chaabi"), ("en", "Popular Mobilization Forces"), ("en", "PMF")]),
    ("syrian-democratic-forces", "org", "Syrian Democratic Forces",
     [("fr", "FDS"), ("en", "SDF"), ("ar", "قسد")]),
]

# my own texts: a French and an Arabic article with a human English translation, sentence for sentence
FR_SOURCE = [
    "Le Premier ministre Moustafa al-Kazimi s'est rendu mardi à Mossoul avec Karim Haddad.",
    "Les combattants de Daech ont attaqué un poste près de Hassaké, selon les FDS.",
]
FR_ENGLISH = [
    "Prime Minister Mustafa al-Kadhimi travelled to Mosul on Tuesday with Karim Haddad.",
    "Daesh fighters attacked a post near Hasakah, according to the SDF.",
]
AR_SOURCE = [
    "وصل رئيس الوزراء مصطفى الكاظمي إلى الموصل، والتقى بالكرخي.",
    "وهاجم مسلحو داعش موقعا قرب الحسكة، وانتشرت قوات للحشد الشعبي في المنطقة.",
]
AR_ENGLISH = [
    "Prime Minister Mustafa al-Kadhimi arrived in Mosul and met al-Karkhi.",
    "ISIS gunmen attacked a post near Hasakah, and Popular Mobilization Forces deployed in the area.",
]


def add_glossary(conn, rows=GLOSSARY) -> None:
    from workbench.names.normalize import normalize as norm

    stamp = now()
    for eid, etype, canonical, variants in rows:
        conn.execute(
            "INSERT INTO entities (id, type, canonical_en, origin, created_at, updated_at) VALUES (?, ?, ?, 'test', ?, ?)",
            (eid, etype, canonical, stamp, stamp),
        )
        for lang, text in variants:
            conn.execute(
                "INSERT INTO variants (entity_id, lang, text, norm, source, created_at) VALUES (?, ?, ?, ?, 'file', ?)",
                (eid, lang, text, norm(text, lang), stamp),
            )


def add_article(conn, lang: str, sentences: list[str], english: list[str] | None) -> int:
    """An article whose segments are the given sentences, with a human translation per segment
    (indexed for search as the importer does)."""
    from workbench.store.search import sync_segments

    text = " ".join(sentences)
    stamp = now()
    aid = conn.execute(
        """INSERT INTO articles (content_hash, source, lang, lang_method, text, encoding, imported_at)
           VALUES (?, 'test', ?, 'option', ?, 'utf-8', ?)""",
        (f"h{hash(text)}", lang, text, stamp),
    ).lastrowid
    pos = 0
    for seq, sentence in enumerate(sentences):
        sid = conn.execute(
            "INSERT INTO segments (article_id, seq, start, end, text) VALUES (?, ?, ?, ?, ?)",
            (aid, seq, pos, pos + len(sentence), sentence),
        ).lastrowid
        pos += len(sentence) + 1
        if english is not None:
            conn.execute(
                "INSERT INTO translations (segment_id, engine, text, created_at) VALUES (?, 'human', ?, ?)",
                (sid, english[seq], stamp),
            )
        sync_segments(conn, [sid])
    return aid


@pytest.fixture
def aligned(db):
    conn = db.conn
    add_glossary(conn)
    fr = add_article(conn, "fr", FR_SOURCE, FR_ENGLISH)
    ar = add_article(conn, "ar", AR_SOURCE, AR_ENGLISH)
    align_articles(conn)
    return conn, fr, ar


def mentions(conn, article_id: int, side: str) -> dict[str, dict]:
    rows = conn.execute(
        """SELECT m.id, m.surface, m.detector, m.counterpart_id, l.entity_id, l.status, l.score, l.proposal,
                  m.start, m.end, m.segment_id
           FROM mentions m JOIN segments s ON s.id = m.segment_id LEFT JOIN links l ON l.mention_id = m.id
           WHERE s.article_id = ? AND m.side = ? ORDER BY s.seq, m.start""",
        (article_id, side),
    ).fetchall()
    keys = ("id", "surface", "detector", "counterpart", "entity", "status", "score", "proposal", "start", "end", "segment")
    return {r[1]: dict(zip(keys, r)) for r in rows}


def test_french_source_aligned_with_human_english(aligned):
    conn, fr, _ = aligned
    src = mentions(conn, fr, "source")
    eng = mentions(conn, fr, "english")
    assert set(src) == {"Moustafa al-Kazimi", "Mossoul", "Karim Haddad", "Daech", "Hassaké", "FDS"}
    assert set(eng) == {"Mustafa al-Kadhimi", "Mosul", "Karim Haddad", "Daesh", "Hasakah", "SDF"}
    # not a glossary spelling, but aligned with one on the English side: linked with confidence
    assert src["Moustafa al-Kazimi"]["entity"] == "mustafa-al-kadhimi"
    assert src["Moustafa al-Kazimi"]["status"] == "accepted"
    for s_surface, e_surface in [("Mossoul", "Mosul"), ("Daech", "Daesh"), ("Hassaké", "Hasakah"),
                                 ("Karim Haddad", "Karim Haddad"), ("FDS", "SDF"),
                                 ("Moustafa al-Kazimi", "Mustafa al-Kadhimi")]:
        assert src[s_surface]["counterpart"] == eng[e_surface]["id"], s_surface
        assert eng[e_surface]["counterpart"] == src[s_surface]["id"], e_surface
    # a name outside the glossary is a proposal for a new entity, named from the English
    import json

    new = src["Karim Haddad"]
    assert new["status"] == "new" and new["entity"] is None
    assert json.loads(new["proposal"])["canonical_en"] == "Karim Haddad"
    # offsets point into the segment text / the translation text
    seg_text = conn.execute("SELECT text FROM segments WHERE id = ?", (src["Mossoul"]["segment"],)).fetchone()[0]
    assert seg_text[src["Mossoul"]["start"]:src["Mossoul"]["end"]] == "Mossoul"
    eng_text = conn.execute("SELECT text FROM translations WHERE segment_id = ?", (eng["SDF"]["segment"],)).fetchone()[0]
    assert eng_text[eng["SDF"]["start"]:eng["SDF"]["end"]] == "SDF"


def test_arabic_proclitics_and_names_projected_from_english(aligned):
    conn, _, ar = aligned
    src = mentions(conn, ar, "source")
    eng = mentions(conn, ar, "english")
    # للحشد الشعبي = ل + الحشد الشعبي; the span keeps the proclitic
    assert src["للحشد الشعبي"]["entity"] == "popular-mobilization-forces"
    assert src["مصطفى الكاظمي"]["status"] == "accepted"
    # not in the glossary: found on the English side, projected back onto the Arabic (with its ب)
    karkhi = src["بالكرخي"]
    assert karkhi["detector"] == "projection"
    assert karkhi["counterpart"] == eng["al-Karkhi"]["id"]
    assert karkhi["status"] == "new"
    stored = conn.execute("SELECT norm, prefix FROM mentions WHERE id = ?", (karkhi["id"],)).fetchone()
    assert stored[1] == 1
    assert src["داعش"]["counterpart"] == eng["ISIS"]["id"]
    assert {"الموصل", "الحسكة"} <= set(src)


def test_canonical_english_replaces_linked_spans_and_keeps_raw(aligned):
    from workbench.corpus.pairs import article_pairs

    conn, fr, _ = aligned
    pairs = article_pairs(conn, fr)
    assert pairs[1].english == FR_ENGLISH[1]  # raw translation untouched
    assert pairs[1].canonical_english()[0] == ("Islamic State fighters attacked a post near Hasakah, according to "
                                               "the Syrian Democratic Forces.")
    assert pairs[0].canonical_english()[0].startswith("Prime Minister Mustafa al-Kadhimi travelled to Mosul")
    raw = conn.execute("SELECT text FROM translations ORDER BY segment_id LIMIT 2").fetchall()
    assert [r[0] for r in raw] == FR_ENGLISH


def test_rerun_is_idempotent_and_skips_up_to_date_articles(aligned):
    conn, fr, ar = aligned
    before = conn.execute("SELECT id, segment_id, side, start, end FROM mentions ORDER BY id").fetchall()
    again = align_articles(conn)
    assert again.skipped == 2 and again.aligned == []
    forced = align_articles(conn, force=True)
    assert sorted(forced.aligned) == sorted([fr, ar])
    after = conn.execute("SELECT id, segment_id, side, start, end FROM mentions ORDER BY id").fetchall()
    assert after == before  # same ids, no duplicates
    assert conn.execute("SELECT count(*) FROM links").fetchone()[0] == len(before)


def test_glossary_change_realigns_only_when_needed(aligned):
    conn, fr, _ = aligned
    add_glossary(conn, [("karim-haddad", "person", "Karim Haddad", [("fr", "Karim Haddad"), ("en", "Karim Haddad")])])
    summary = align_articles(conn)
    assert fr in summary.aligned
    src = mentions(conn, fr, "source")
    assert src["Karim Haddad"]["entity"] == "karim-haddad" and src["Karim Haddad"]["status"] == "accepted"


def test_cancel_and_resume(db):
    conn = db.conn
    add_glossary(conn)
    ids = [add_article(conn, "fr", [s.replace("mardi", f"le {n}")], [FR_ENGLISH[0]])
           for n, s in enumerate([FR_SOURCE[0]] * 3)]
    cancel = threading.Event()
    seen = []

    def progress(done, total, article_id):
        seen.append(article_id)
        if done == 1:
            cancel.set()

    first = align_articles(conn, progress=progress, cancel=cancel)
    assert first.cancelled and first.aligned == [ids[0]]
    job = conn.execute("SELECT status FROM jobs WHERE id = ?", (first.job_id,)).fetchone()[0]
    assert job == "cancelled"
    rest = align_articles(conn)
    assert rest.skipped == 1 and rest.aligned == ids[1:]


def test_unknown_article_is_a_user_error(db):
    from workbench.errors import UserError

    with pytest.raises(UserError, match="no article with id 99"):
        align_articles(db.conn, [99])


def test_english_article_has_source_side_only(db):
    conn = db.conn
    add_glossary(conn)
    aid = add_article(conn, "en", ["Daesh fighters attacked Mosul, said Karim Haddad."], None)
    align_articles(conn)
    sides = {r[0] for r in conn.execute("SELECT side FROM mentions")}
    assert sides == {"source"}
    src = mentions(conn, aid, "source")
    assert src["Daesh"]["entity"] == "islamic-state" and src["Mosul"]["entity"] == "mosul"
    assert src["Karim Haddad"]["status"] == "new"


def test_import_path_with_human_translation(db, tmp_path):
    """The real import (JSONL with a `translation`) feeds the aligner."""
    import json

    from workbench.corpus.importer import import_paths

    conn = db.conn
    add_glossary(conn)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "\n".join(FR_SOURCE), "lang": "fr",
                                "translation": "\n".join(FR_ENGLISH)}, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = import_paths(conn, [path])
    aid = summary.files[0].imported[0]
    align_articles(conn)
    eng = mentions(conn, aid, "english")
    assert eng["Mosul"]["entity"] == "mosul"
    assert mentions(conn, aid, "source")["Mossoul"]["counterpart"] == eng["Mosul"]["id"]


def test_progress_and_job_count_sentences_not_articles(db):
    conn = db.conn
    add_glossary(conn)
    small = add_article(conn, "fr", FR_SOURCE, FR_ENGLISH)  # 2 sentences
    long = add_article(conn, "fr", FR_SOURCE * 300, FR_ENGLISH * 300)  # 600 sentences in one article
    seen = []
    summary = align_articles(conn, progress=lambda done, total, aid: seen.append((done, total, aid)))
    assert summary.aligned == [small, long]
    assert all(total == 602 for _, total, _ in seen)
    dones = [d for d, _, _ in seen]
    assert dones == sorted(set(dones)) and dones[0] == 2 and dones[-1] == 602
    # the long article reports as it goes, not only once at its end
    during = [d for d, _, aid in seen if aid == long and d < 602]
    assert len(during) >= 100
    job = conn.execute("SELECT status, done, total FROM jobs WHERE id = ?", (summary.job_id,)).fetchone()
    assert job == ("done", 602, 602)
    # a re-run skips both articles and still counts their sentences
    again = []
    rerun = align_articles(conn, progress=lambda done, total, aid: again.append((done, total)))
    assert rerun.skipped == 2 and again == [(602, 602)]  # skipped articles are counted at once
    assert conn.execute("SELECT done, total FROM jobs WHERE id = ?", (rerun.job_id,)).fetchone() == (602, 602)
