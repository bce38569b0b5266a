"""A small fixed corpus for the TUI tests: four articles, a glossary, mentions in every link status."""

from __future__ import annotations

import sqlite3

STAMP = "2022-03-01T00:00:00+00:00"

ENTITIES = [
    # id, type, canonical, variants [(lang, text, learned)]
    ("islamic-state", "org", "Islamic State",
     [("ar", "داعش", 0), ("fr", "Daech", 0), ("fr", "État islamique", 0), ("en", "ISIS", 0),
      ("en", "Islamic State", 0)]),
    ("mustafa-al-kadhimi", "person", "Mustafa al-Kadhimi",
     [("ar", "مصطفى الكاظمي", 0), ("ar", "الكاظمي", 0), ("fr", "Moustafa al-Kazimi", 0),
      ("en", "Mustafa al-Kadhimi", 0), ("en", "al-Kazimi", 1)]),
    ("hasakah", "place", "Hasakah", [("ar", "الحسكة", 0), ("fr", "Hassaké", 0), ("en", "Hasakah", 0)]),
    ("muqtada-al-sadr", "person", "Muqtada al-Sadr",
     [("ar", "مقتدى الصدر", 0), ("fr", "Moqtada Sadr", 0), ("en", "Muqtada al-Sadr", 0)]),
    ("diyala", "place", "Diyala", [("ar", "ديالى", 0), ("en", "Diyala", 0)]),
]

# article: (id, lang, title, date, [(source sentence, english or None, merged)])
ARTICLES = [
    (1, "ar", "هجوم لداعش في ديالى", "2022-01-21", [
        ("هاجم عناصر من داعش موقعا للجيش في ديالى.", "ISIS fighters attacked an army post in Diyala.", 0),
        ("وزار الكاظمي المنطقة.", "Al-Kazimi visited the area and met the wounded.", 0),
        ("والتقى الجرحى.", "", 1),
    ]),
    (2, "fr", "Syrie : à Hassaké, les FDS reprennent la prison", "2022-01-23", [
        ("Les combats se poursuivaient à Hassaké contre Daech.", "Fighting continued in Hasakah against Daesh.", 0),
        ("Les FDS affirment avoir repris plusieurs bâtiments.", "The SDF say they retook several buildings.", 0),
    ]),
    (3, "fr", "Bagdad : Moqtada Sadr et la menace de Daech", "2022-02-08", [
        ("Moqtada Sadr réclame un gouvernement de majorité.", None, 0),
        ("La menace de Daech reste un argument politique.", None, 0),
    ]),
    (4, "en", "Iraqi forces hunt ISIS cells west of Mosul", "2022-02-15", [
        ("Iraqi forces hunt ISIS cells in the desert west of Mosul.", "Iraqi forces hunt ISIS cells in the desert west of Mosul.", 0),
    ]),
]

# mention: (id, article, seq, side, surface, status, entity, score, why, candidates [(entity, score, why)])
MENTIONS = [
    (1, 1, 0, "source", "داعش", "suggested", "islamic-state", 0.62, "variant داعش (ar)",
     [("islamic-state", 0.62, "variant داعش (ar)"), ("hasakah", 0.21, "weak sound match")]),
    (2, 1, 0, "source", "ديالى", "new", None, 0.0, "not in the glossary", []),
    (3, 1, 1, "source", "الكاظمي", "confirmed", "mustafa-al-kadhimi", 0.97, "variant الكاظمي (ar)", []),
    (4, 1, 0, "english", "ISIS", "accepted", "islamic-state", 0.99, "variant ISIS (en)", []),
    (5, 1, 1, "english", "Al-Kazimi", "suggested", "mustafa-al-kadhimi", 0.55, "sounds like al-Kadhimi",
     [("mustafa-al-kadhimi", 0.55, "sounds like al-Kadhimi"), ("muqtada-al-sadr", 0.12, "weak")]),
    (6, 2, 0, "source", "Hassaké", "suggested", "hasakah", 0.81, "variant Hassaké (fr)",
     [("hasakah", 0.81, "variant Hassaké (fr)")]),
    (7, 2, 0, "source", "Daech", "suggested", "islamic-state", 0.74, "variant Daech (fr)",
     [("islamic-state", 0.74, "variant Daech (fr)")]),
    (8, 3, 1, "source", "Daech", "suggested", "islamic-state", 0.74, "variant Daech (fr)",
     [("islamic-state", 0.74, "variant Daech (fr)")]),
    (9, 3, 0, "source", "Moqtada Sadr", "unsure", "muqtada-al-sadr", 0.66, "variant Moqtada Sadr (fr)",
     [("muqtada-al-sadr", 0.66, "variant Moqtada Sadr (fr)")]),
    (10, 2, 0, "english", "Daesh", "suggested", "islamic-state", 0.58, "sounds like Daech",
     [("islamic-state", 0.58, "sounds like Daech")]),
]


def fill(conn: sqlite3.Connection) -> None:
    """Write the corpus into a freshly migrated database (one transaction)."""
    from workbench.store.search import sync_segments

    conn.execute("BEGIN")
    for eid, etype, canonical, variants in ENTITIES:
        conn.execute("INSERT INTO entities (id, type, canonical_en, origin, created_at, updated_at)"
                     " VALUES (?, ?, ?, 'glossaries/test.toml', ?, ?)", (eid, etype, canonical, STAMP, STAMP))
        for lang, text, learned in variants:
            conn.execute("INSERT INTO variants (entity_id, lang, text, norm, source, learned, created_at)"
                         " VALUES (?, ?, ?, ?, 'file', ?, ?)", (eid, lang, text, text.lower(), learned, STAMP))
    segment_of: dict[tuple[int, int], tuple[int, str, str | None]] = {}
    next_segment = 1
    for aid, lang, title, date, sentences in ARTICLES:
        text = " ".join(s for s, _, _ in sentences)
        conn.execute("INSERT INTO articles (id, content_hash, source, lang, lang_method, title, date, text,"
                     " encoding, imported_at) VALUES (?, ?, 'test', ?, 'file', ?, ?, ?, 'utf-8', ?)",
                     (aid, f"hash{aid}", lang, title, date, text, STAMP))
        offset = 0
        fts = []
        for seq, (source, english, merged) in enumerate(sentences):
            sid = next_segment
            next_segment += 1
            conn.execute("INSERT INTO segments (id, article_id, seq, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
                         (sid, aid, seq, offset, offset + len(source), source))
            offset += len(source) + 1
            if english is not None:
                conn.execute("INSERT INTO translations (segment_id, engine, text, merged, created_at)"
                             " VALUES (?, ?, ?, ?, ?)",
                             (sid, "source" if lang == "en" else "human", english, merged, STAMP))
            segment_of[(aid, seq)] = (sid, source, english)
            fts.append((sid, source, english or ""))
        sync_segments(conn, [row[0] for row in fts])
    for mid, aid, seq, side, surface, status, entity, score, why, candidates in MENTIONS:
        sid, source, english = segment_of[(aid, seq)]
        text = source if side == "source" else english
        start = text.index(surface)
        lang = "en" if side == "english" else next(a[1] for a in ARTICLES if a[0] == aid)
        conn.execute("INSERT INTO mentions (id, segment_id, side, start, end, surface, norm, lang, detector,"
                     " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'glossary', ?)",
                     (mid, sid, side, start, start + len(surface), surface, surface.lower(), lang, STAMP))
        conn.execute("INSERT INTO links (mention_id, entity_id, status, score, why, decided_by, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, 'auto', ?)", (mid, entity, status, score, why, STAMP))
        for rank, (cand, cscore, cwhy) in enumerate(candidates):
            conn.execute("INSERT INTO candidates (mention_id, rank, entity_id, score, variant, why)"
                         " VALUES (?, ?, ?, ?, NULL, ?)", (mid, rank, cand, cscore, cwhy))
    conn.execute("COMMIT")
