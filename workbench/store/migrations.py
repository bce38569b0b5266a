"""Numbered schema migrations, applied in order and recorded in the database.

Each migration runs in a transaction together with the record of it (sqlite-utils ``Migrations``).
Never edit a migration that has shipped: add the next number.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("workbench")


def run(db: Database, statements: list[str]) -> None:
    """Execute DDL statements one by one (``executescript`` would commit the transaction)."""
    for statement in statements:
        db.execute(statement)


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    run(db, [
        # ---- articles and their sentences -------------------------------------------------
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,              -- file path the article came from
            source_line INTEGER,               -- line number in a JSONL file
            lang TEXT NOT NULL CHECK (lang IN ('ar', 'fr', 'en')),
            lang_method TEXT NOT NULL,         -- detected / file / option
            title TEXT,
            url TEXT,
            date TEXT,
            text TEXT NOT NULL,
            encoding TEXT NOT NULL,
            imported_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_lang ON articles(lang)",
        """CREATE TABLE segments (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,              -- 0-based order in the article
            start INTEGER NOT NULL,            -- character offsets into articles.text
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            UNIQUE (article_id, seq)
        )""",
        # ---- English for each source segment ------------------------------------------------
        """CREATE TABLE translations (
            segment_id INTEGER PRIMARY KEY REFERENCES segments(id) ON DELETE CASCADE,
            engine TEXT NOT NULL,              -- argos / human / source (English passthrough)
            model TEXT,                        -- package and version for machine translation
            text TEXT NOT NULL,
            score REAL,                        -- model score (mean log-prob per token)
            alternatives TEXT,                 -- JSON list of {text, score}
            merged INTEGER NOT NULL DEFAULT 0, -- 1: English given with the previous segment (2:1)
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE translation_cache (
            model TEXT NOT NULL,
            source_key TEXT NOT NULL,          -- normalised source sentence
            text TEXT NOT NULL,
            score REAL,
            alternatives TEXT,
            hits INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (model, source_key)
        )""",
        # ---- the glossary -----------------------------------------------------------------------
        """CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL CHECK (type IN ('person', 'place', 'org', 'other')),
            canonical_en TEXT NOT NULL CHECK (trim(canonical_en) <> ''),
            wikidata TEXT,
            note TEXT,
            origin TEXT NOT NULL,              -- glossary file, csv, review, manual
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,                   -- soft delete
            merged_into TEXT REFERENCES entities(id)
        )""",
        """CREATE TABLE variants (
            id INTEGER PRIMARY KEY,
            entity_id TEXT NOT NULL REFERENCES entities(id) ON UPDATE CASCADE,
            lang TEXT NOT NULL CHECK (lang IN ('ar', 'fr', 'en')),
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            norm TEXT NOT NULL,                -- normalised form used for matching
            source TEXT NOT NULL,              -- where it came from: file, csv, review, manual
            learned INTEGER NOT NULL DEFAULT 0,-- 1: confirmed in review, not yet in a glossary file
            created_at TEXT NOT NULL,
            deleted_at TEXT,
            UNIQUE (entity_id, lang, text)
        )""",
        "CREATE INDEX variants_norm ON variants(norm)",
        "CREATE INDEX variants_entity ON variants(entity_id)",
        # ---- mentions, links and candidates -----------------------------------------------------
        """CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            side TEXT NOT NULL CHECK (side IN ('source', 'english')),
            start INTEGER NOT NULL,            -- offsets into the segment text (source side)
            end INTEGER NOT NULL,              -- or into translations.text (english side)
            surface TEXT NOT NULL,
            norm TEXT NOT NULL,                -- normalised surface: bulk decisions group on it
            lang TEXT NOT NULL CHECK (lang IN ('ar', 'fr', 'en')),
            detector TEXT NOT NULL,            -- glossary / ner / caps / projection / translit
            counterpart_id INTEGER REFERENCES mentions(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            UNIQUE (segment_id, side, start, end)
        )""",
        "CREATE INDEX mentions_norm ON mentions(norm)",
        """CREATE TABLE links (
            mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
            entity_id TEXT REFERENCES entities(id) ON UPDATE CASCADE,
            status TEXT NOT NULL CHECK (status IN
                ('accepted', 'suggested', 'confirmed', 'rejected', 'unsure', 'new')),
            score REAL NOT NULL DEFAULT 0,
            why TEXT,
            proposal TEXT,                     -- JSON: suggested canonical name for a new entity
            decided_by TEXT,                   -- 'auto' or the analyst
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX links_status ON links(status, score)",
        "CREATE INDEX links_entity ON links(entity_id)",
        """CREATE TABLE candidates (
            mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
            rank INTEGER NOT NULL,
            entity_id TEXT NOT NULL REFERENCES entities(id) ON UPDATE CASCADE,
            score REAL NOT NULL,
            variant TEXT,
            why TEXT,
            PRIMARY KEY (mention_id, rank)
        )""",
        # a (spelling, entity) pair the analyst rejected is never suggested again
        """CREATE TABLE rejections (
            norm TEXT NOT NULL,
            entity_id TEXT NOT NULL REFERENCES entities(id) ON UPDATE CASCADE,
            decision_id INTEGER NOT NULL REFERENCES decisions(id),
            PRIMARY KEY (norm, entity_id)
        )""",
        # ---- the analyst's decisions: append-only ------------------------------------------------
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            action TEXT NOT NULL,              -- confirm / reject / unsure / correct / new / undo / edit ...
            target TEXT NOT NULL,              -- mention / entity / variant
            target_id TEXT NOT NULL,
            before TEXT,                       -- JSON state replaced
            after TEXT,                        -- JSON state written
            batch TEXT,                        -- groups a bulk decision
            undoes INTEGER REFERENCES decisions(id)
        )""",
        "CREATE INDEX decisions_target ON decisions(target, target_id)",
        """CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
           BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END""",
        """CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
           BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END""",
        # ---- background jobs (translate, align, export) -------------------------------------------
        """CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            params TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER,
            message TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT
        )""",
        # ---- full-text search over normalised source and English --------------------------------
        # rowid = segments.id; columns hold text normalised by workbench.text.fold.search_form
        """CREATE VIRTUAL TABLE segments_fts USING fts5(
            source, english, tokenize = 'unicode61 remove_diacritics 2'
        )""",
    ])


# ---- per-article counts for the article list (kept exact by triggers) ------------------------------
# Each trigger recomputes the affected article's count from its rows, so REPLACE / IGNORE / upserts by
# any writer leave the numbers right. "pending" = mentions whose link waits for the analyst.

_PENDING_STATUSES = ("suggested", "unsure", "new")  # = workbench.vocabulary.PENDING
_PENDING = "(" + ", ".join(f"'{s}'" for s in _PENDING_STATUSES) + ")"
_COUNT_SENTENCES = "(SELECT count(*) FROM segments WHERE article_id = {a})"
# CROSS JOIN fixes the join order (article's segments first): on a database without statistics the
# planner would otherwise walk every pending link from the status index, once per inserted row.
_COUNT_TRANSLATED = (
    "(SELECT count(*) FROM segments s CROSS JOIN translations t ON t.segment_id = s.id"
    " WHERE s.article_id = {a})"
)
_COUNT_MENTIONS = (
    "(SELECT count(*) FROM segments s CROSS JOIN mentions m ON m.segment_id = s.id WHERE s.article_id = {a})"
)
_COUNT_PENDING = (
    "(SELECT count(*) FROM segments s CROSS JOIN mentions m ON m.segment_id = s.id"
    " CROSS JOIN links l ON l.mention_id = m.id WHERE s.article_id = {a} AND l.status IN " + _PENDING + ")"
)


def _recount(columns: dict[str, str], article: str, source: str | None = None) -> str:
    """An UPDATE of ``article_stats`` for one article; ``source`` is a subquery yielding ``article_id``.

    The row is found by primary key (``WHERE article_id = (subquery)``); UPDATE ... FROM let the
    planner scan the whole table once per trigger.
    """
    sets = ", ".join(f"{col} = {expr.format(a='article_stats.article_id')}" for col, expr in columns.items())
    target = f"({source})" if source else article
    return f"UPDATE article_stats SET {sets} WHERE article_id = {target};"


@migrations(name="0002_article_stats")
def m0002_article_stats(db: Database) -> None:
    every = {"sentences": _COUNT_SENTENCES, "translated": _COUNT_TRANSLATED,
             "mentions": _COUNT_MENTIONS, "pending": _COUNT_PENDING}
    seg_of = "SELECT article_id FROM segments WHERE id = {}"
    mention_of = "SELECT s.article_id FROM mentions m CROSS JOIN segments s ON s.id = m.segment_id WHERE m.id = {}"
    run(db, [
        """CREATE TABLE article_stats (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            sentences INTEGER NOT NULL DEFAULT 0,
            translated INTEGER NOT NULL DEFAULT 0,   -- segments with a translations row
            mentions INTEGER NOT NULL DEFAULT 0,
            pending INTEGER NOT NULL DEFAULT 0       -- mentions waiting for review
        )""",
        "CREATE INDEX article_stats_pending ON article_stats(pending)",
        "CREATE INDEX articles_date ON articles(date)",
        "INSERT INTO article_stats (article_id) SELECT id FROM articles",
        "UPDATE article_stats SET " + ", ".join(
            f"{col} = {expr.format(a='article_stats.article_id')}" for col, expr in every.items()),
        """CREATE TRIGGER article_stats_article_insert AFTER INSERT ON articles
           BEGIN INSERT OR IGNORE INTO article_stats (article_id) VALUES (new.id); END""",
        """CREATE TRIGGER article_stats_article_delete AFTER DELETE ON articles
           BEGIN DELETE FROM article_stats WHERE article_id = old.id; END""",
        f"""CREATE TRIGGER article_stats_segment_insert AFTER INSERT ON segments
           BEGIN {_recount({"sentences": _COUNT_SENTENCES}, "new.article_id")} END""",
        f"""CREATE TRIGGER article_stats_segment_delete AFTER DELETE ON segments
           BEGIN {_recount(every, "old.article_id")} END""",
        f"""CREATE TRIGGER article_stats_translation_insert AFTER INSERT ON translations
           BEGIN {_recount({"translated": _COUNT_TRANSLATED}, "", seg_of.format("new.segment_id"))} END""",
        f"""CREATE TRIGGER article_stats_translation_delete AFTER DELETE ON translations
           BEGIN {_recount({"translated": _COUNT_TRANSLATED}, "", seg_of.format("old.segment_id"))} END""",
        f"""CREATE TRIGGER article_stats_mention_insert AFTER INSERT ON mentions
           BEGIN {_recount({"mentions": _COUNT_MENTIONS, "pending": _COUNT_PENDING}, "",
                           seg_of.format("new.segment_id"))} END""",
        f"""CREATE TRIGGER article_stats_mention_delete AFTER DELETE ON mentions
           BEGIN {_recount({"mentions": _COUNT_MENTIONS, "pending": _COUNT_PENDING}, "",
                           seg_of.format("old.segment_id"))} END""",
        f"""CREATE TRIGGER article_stats_link_insert AFTER INSERT ON links
           BEGIN {_recount({"pending": _COUNT_PENDING}, "", mention_of.format("new.mention_id"))} END""",
        f"""CREATE TRIGGER article_stats_link_update AFTER UPDATE OF status ON links
           BEGIN {_recount({"pending": _COUNT_PENDING}, "", mention_of.format("new.mention_id"))} END""",
        f"""CREATE TRIGGER article_stats_link_delete AFTER DELETE ON links
           BEGIN {_recount({"pending": _COUNT_PENDING}, "", mention_of.format("old.mention_id"))} END""",
    ])


@migrations(name="0003_align_state")
def m0003_align_state(db: Database) -> None:
    run(db, [
        # what each article was last aligned against, so `workbench align` resumes where it stopped
        """CREATE TABLE align_state (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature TEXT NOT NULL,           -- glossary + translations + rejections fingerprint
            aligned_at TEXT NOT NULL
        )""",
        # review queue: pending links nearest the acceptance threshold (0.85) first
        """CREATE INDEX links_review ON links(abs(score - 0.85), mention_id)
           WHERE status IN ('suggested', 'unsure', 'new')""",
        "CREATE INDEX mentions_counterpart ON mentions(counterpart_id)",
        # Arabic proclitic letters before the name in the surface (وبالحسكة: 2): the learned spelling
        "ALTER TABLE mentions ADD COLUMN prefix INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX decisions_batch ON decisions(batch)",
        "CREATE INDEX decisions_undoes ON decisions(undoes)",
    ])


@migrations(name="0004_meta")
def m0004_meta(db: Database) -> None:
    run(db, [
        # small key -> value settings; norm_version: the workbench.names.normalize version that computed
        # variants.norm, mentions.norm and rejections.norm (they are recomputed when it changes)
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ])


@migrations(name="0005_incremental_article_stats")
def m0005_incremental_article_stats(db: Database) -> None:
    """Keep ``article_stats`` by +1 / -1 instead of recounting the article on every row.

    Recounting made each inserted mention or link cost O(article size), which halved alignment
    throughput. Deletes are handled BEFORE the parent row goes (SQLite runs cascaded child deletes
    after the parent row is gone, so the children's own triggers then find no article and do
    nothing): nothing is counted twice. Nothing in the workbench uses INSERT OR REPLACE on these
    tables (a REPLACE deletes without firing delete triggers).
    """
    _article_stats_triggers(db, lambda status: f"({status} IN {_PENDING})")


@migrations(name="0006_search_index_deletes")
def m0006_search_index_deletes(db: Database) -> None:
    """Deleted segments and translations leave the full-text index by triggers; the index is repaired.

    Inserts and updates go through ``workbench.store.search.sync_segments`` (the normalised form is
    computed in Python); deletes need no normalising, so plain SQL triggers keep them in step for any
    writer. Index rows of segments deleted before this migration are dropped, and segments missing
    from the index are indexed.
    """
    run(db, [
        """CREATE TRIGGER segments_fts_segment_delete AFTER DELETE ON segments
           BEGIN DELETE FROM segments_fts WHERE rowid = old.id; END""",
        """CREATE TRIGGER segments_fts_translation_delete AFTER DELETE ON translations
           BEGIN UPDATE segments_fts SET english = '' WHERE rowid = old.segment_id; END""",
        "DELETE FROM segments_fts WHERE rowid NOT IN (SELECT id FROM segments)",
    ])
    missing = [r[0] for r in db.execute(
        "SELECT id FROM segments WHERE id NOT IN (SELECT rowid FROM segments_fts)").fetchall()]
    if missing:  # imported only then: Arabic folding is heavy, and a new database has no segments
        from workbench.store.search import sync_segments

        sync_segments(db.conn, missing)


@migrations(name="0007_review_order_threshold")
def m0007_review_order_threshold(db: Database) -> None:
    run(db, [
        # one acceptance threshold for the linker and the matcher (0.86, workbench.vocabulary.ACCEPT):
        # the review queue's index follows it (the queue orders by vocabulary.QUEUE_ORDER)
        "DROP INDEX IF EXISTS links_review",
        """CREATE INDEX links_review ON links(abs(score - 0.86), mention_id)
           WHERE status IN ('suggested', 'unsure', 'new')""",
    ])


@migrations(name="0008_translation_truncated")
def m0008_translation_truncated(db: Database) -> None:
    run(db, [
        # 1: the model stopped at the output length cap (or the input was cut): the English is incomplete
        "ALTER TABLE translations ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE translation_cache ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0",
    ])


@migrations(name="0009_compact_store")
def m0009_compact_store(db: Database) -> None:
    run(db, [
        # a link whose only candidate is its own entity keeps no candidate row
        # (workbench.align.run.keeps_candidates): most links, accepted exact matches
        f"""DELETE FROM candidates WHERE mention_id IN (
                SELECT c.mention_id FROM candidates c JOIN links l ON l.mention_id = c.mention_id
                WHERE l.status NOT IN {_PENDING}
                GROUP BY c.mention_id HAVING count(*) = 1 AND max(c.entity_id = l.entity_id) = 1)""",
        # no query filters or sorts links by (status, score) but the review queue's, served by links_review
        "DROP INDEX IF EXISTS links_status",
    ])


# ---- whole-database counters for `workbench stats` (kept by triggers) ------------------------------
# Counting links by status or translations by engine takes seconds at 50,000 articles; these counters
# are read in one small query ('links:<status>', 'translations:<engine>'). Segments, translations and
# mentions are summed from article_stats, articles counted on the articles_lang index. Delete triggers
# also fire for rows removed by ON DELETE CASCADE; nothing in the workbench writes these tables with
# INSERT OR REPLACE (a REPLACE deletes without firing delete triggers). A link status is one of a fixed
# set (a CHECK): its rows exist from the start and a trigger only adds to one (the aligner's hot path);
# an engine is any text: its row is created on first use.

_LINK_STATUSES = ("accepted", "suggested", "confirmed", "rejected", "unsure", "new")  # = links' CHECK  (0011 adds dismissed)


def _add_link(status: str, delta: str) -> str:
    return f"UPDATE stats_counters SET n = n + {delta} WHERE name = 'links:' || {status};"


def _add_engine(engine: str, delta: str) -> str:
    return (f"INSERT INTO stats_counters (name, n) VALUES ('translations:' || {engine}, {delta})"
            " ON CONFLICT (name) DO UPDATE SET n = n + excluded.n;")


@migrations(name="0010_stats_counters")
def m0010_stats_counters(db: Database) -> None:
    seed = " UNION ALL ".join(f"SELECT 'links:{s}', 0" for s in _LINK_STATUSES)
    run(db, [
        """CREATE TABLE stats_counters (
            name TEXT PRIMARY KEY,
            n INTEGER NOT NULL
        ) WITHOUT ROWID""",
        "INSERT INTO stats_counters (name, n) SELECT 'links:' || status, count(*) FROM links GROUP BY status",
        f"INSERT OR IGNORE INTO stats_counters (name, n) {seed}",
        """INSERT INTO stats_counters (name, n) SELECT 'translations:' || engine, count(*) FROM translations
           GROUP BY engine""",
        f"""CREATE TRIGGER stats_counters_link_insert AFTER INSERT ON links
            BEGIN {_add_link("new.status", "1")} END""",
        f"""CREATE TRIGGER stats_counters_link_delete AFTER DELETE ON links
            BEGIN {_add_link("old.status", "-1")} END""",
        f"""CREATE TRIGGER stats_counters_link_update AFTER UPDATE OF status ON links
            WHEN new.status IS NOT old.status
            BEGIN {_add_link("old.status", "-1")} {_add_link("new.status", "1")} END""",
        f"""CREATE TRIGGER stats_counters_translation_insert AFTER INSERT ON translations
            BEGIN {_add_engine("new.engine", "1")} END""",
        f"""CREATE TRIGGER stats_counters_translation_delete AFTER DELETE ON translations
            BEGIN {_add_engine("old.engine", "-1")} END""",
        f"""CREATE TRIGGER stats_counters_translation_update AFTER UPDATE OF engine ON translations
            WHEN new.engine IS NOT old.engine
            BEGIN {_add_engine("old.engine", "-1")} {_add_engine("new.engine", "1")} END""",
    ])


@migrations(name="0011_not_names")
def m0011_not_names(db: Database) -> None:
    """Links may be 'dismissed' (not a name); the non-names the analyst dismissed are remembered.

    A CHECK cannot be changed in place: ``links`` is rebuilt from its stored SQL with the wider one,
    and its indexes and triggers are created again from theirs. Rows are copied with no trigger on the new
    table, and dropping the old one fires none either, so article_stats and stats_counters stay right.
    The counter of dismissed links is seeded (the counter triggers only add to existing rows).
    """
    kept = [r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'links' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        " ORDER BY type, name").fetchall()]
    table = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'links'").fetchone()[0]
    wider = table.replace("'unsure', 'new')", "'unsure', 'new', 'dismissed')", 1)
    if wider == table or not table.startswith("CREATE TABLE links ("):
        raise RuntimeError("0011_not_names: the links table is not the one 0001 created; cannot widen its CHECK")
    run(db, [
        wider.replace("CREATE TABLE links (", "CREATE TABLE links_0011 (", 1),
        "INSERT INTO links_0011 SELECT * FROM links",  # the same columns in the same order
        "DROP TABLE links",
        # triggers on other tables name `links`: the legacy rename leaves them as they are (the modern
        # one checks them first and fails, as the old table is gone)
        "PRAGMA legacy_alter_table = ON",
        "ALTER TABLE links_0011 RENAME TO links",
        "PRAGMA legacy_alter_table = OFF",
        *kept,
        "INSERT OR IGNORE INTO stats_counters (name, n) VALUES ('links:dismissed', 0)",
        # a spelling (normal form) in a language that is not a name: align never proposes it again,
        # unless a glossary entity has that very spelling (workbench.glossary.not_names)
        """CREATE TABLE not_names (
            lang TEXT NOT NULL CHECK (lang IN ('ar', 'fr', 'en')),
            norm TEXT NOT NULL,                -- normalised spelling (mentions.norm)
            spelling TEXT NOT NULL CHECK (trim(spelling) <> ''),  -- as first written
            origin TEXT NOT NULL,              -- review, a glossary file, curated:FILE
            learned INTEGER NOT NULL DEFAULT 0,-- 1: dismissed in review, not yet in a glossary file
            created_at TEXT NOT NULL,
            PRIMARY KEY (lang, norm)
        ) WITHOUT ROWID""",
    ])


@migrations(name="0012_review_groups")
def m0012_review_groups(db: Database) -> None:
    run(db, [
        # the grouped review queue (workbench.review.groups) reads only these columns of the pending
        # links: a covering index of them, by entity, spares a lookup of each link's row
        f"""CREATE INDEX links_pending ON links(entity_id, status, score, mention_id)
            WHERE status IN {_PENDING}""",
    ])


@migrations(name="0013_search_bare_words")
def m0013_search_bare_words(db: Database) -> None:
    """The full-text index also holds each Arabic word without its proclitics and article
    (``workbench.store.search.index_form``): its rows are rewritten."""
    if db.execute("SELECT 1 FROM segments LIMIT 1").fetchone():  # a new database has nothing to rewrite
        from workbench.store.search import rebuild

        rebuild(db.conn)


@migrations(name="0014_align_generations")
def m0014_align_generations(db: Database) -> None:
    """What alignment was computed against, fact by fact, so a glossary change re-aligns only what it reaches.

    ``align_glossary``: one row per glossary fact (a spelling, an entity's type, a rejected spelling)
    with the generation it appeared in and the one it went away in (``workbench.align.generations``);
    ``align_state.generation``: the generation each article was aligned against. Existing rows get
    none, so the next ``align`` re-aligns every article once. ``mentions_unglossed`` lists the mentions
    the names matcher scored (``workbench.align.affected`` looks them up after each change).
    """
    run(db, [
        """CREATE TABLE align_glossary (
            kind TEXT NOT NULL,                -- s: spelling (a = lang, b = text), t: type (a), r: rejection (a = norm), n: non-name (a = norm, b = lang)
            entity_id TEXT NOT NULL,
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            since INTEGER NOT NULL,
            until INTEGER
        )""",
        "CREATE INDEX align_glossary_since ON align_glossary(since)",
        "CREATE INDEX align_glossary_until ON align_glossary(until)",
        "ALTER TABLE align_state ADD COLUMN generation INTEGER",
        # the few mentions found without a glossary spelling: the ones the names matcher scores
        "CREATE INDEX mentions_unglossed ON mentions(norm) WHERE detector <> 'glossary'",
    ])


@migrations(name="0015_no_text_twice")
def m0015_no_text_twice(db: Database) -> None:
    """An exact glossary match's explanation is stored in a few bytes (``workbench.store.why``);
    ``mentions.created_at``, which nothing read, is dropped, and so is the aligner's ``links.updated_at``
    (left empty: the stale-view check compares it, and only an analyst's time tells the analyst
    anything); an article's text is kept in its sentences
    only (``workbench.store.article_text``). The freed pages are reused; ``VACUUM`` returns them to the
    file system."""
    from workbench.store.article_text import layout
    from workbench.store.why import compact

    run(db, ["ALTER TABLE segments ADD COLUMN lead TEXT", "ALTER TABLE articles ADD COLUMN tail TEXT"])
    last = db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    for low in range(0, last + 1, 2_000):  # a slice at a time: 2,000 articles
        segments: dict[int, list[tuple]] = {}
        for article_id, sid, start, end, text in db.execute(
                "SELECT article_id, id, start, end, text FROM segments WHERE article_id BETWEEN ? AND ?"
                " ORDER BY article_id, seq", (low, low + 1_999)):
            segments.setdefault(article_id, []).append((sid, start, end, text))
        for article_id, text in db.execute(
                "SELECT id, text FROM articles WHERE id BETWEEN ? AND ? AND text <> ''", (low, low + 1_999)).fetchall():
            rows = segments.get(article_id, [])
            kept, leads, tail = layout(text, [(start, end) for _, start, end, _ in rows])
            if kept or any(text[start:end] != own for _, start, end, own in rows):
                continue  # its sentences do not rebuild it: it keeps its text
            db.conn.executemany("UPDATE segments SET lead = ? WHERE id = ?",
                                [(lead, sid) for lead, (sid, *_) in zip(leads, rows) if lead is not None])
            db.conn.execute("UPDATE articles SET text = '', tail = ? WHERE id = ?", (tail, article_id))

    last = db.execute("SELECT coalesce(max(mention_id), 0) FROM links").fetchone()[0]
    for low in range(0, last + 1, 100_000):  # a slice at a time: millions of links at 50,000 articles
        rows = db.execute(
            """SELECT l.mention_id, l.why, m.surface, m.lang, c.surface, c.side
               FROM links l JOIN mentions m ON m.id = l.mention_id LEFT JOIN mentions c ON c.id = m.counterpart_id
               WHERE l.mention_id BETWEEN ? AND ? AND l.why LIKE 'glossary spelling %'""",
            (low, low + 99_999)).fetchall()
        db.conn.executemany(
            "UPDATE links SET why = ? WHERE mention_id = ?",
            [(stored, mid) for mid, why, surface, lang, cp, side in rows
             if (stored := compact(why, surface, lang, (cp, side) if cp is not None else None)) != why])
    run(db, [
        "ALTER TABLE mentions DROP COLUMN created_at",
        # the aligner's links are not dated (the analyst's decisions are, in the decisions log)
        "UPDATE links SET updated_at = '' WHERE decided_by = 'auto'",
    ])


_INDEXED = "EXISTS (SELECT 1 FROM segments_fts_docsize WHERE id = {})"
# the English a row was indexed with: '' when its docsize record (one varint of words a column) ends
# in a one-byte 0 for the English column, else the English given (``workbench.store.search._sizes``)
_INDEXED_ENGLISH = ("CASE WHEN (SELECT substr(hex(sz), -2) = '00' AND (length(sz) < 2 OR substr(hex(sz), -4, 1) < '8')"
                    " FROM segments_fts_docsize WHERE id = {rowid}) THEN '' ELSE {english} END")


def _fts_row(verb: str, rowid: str, source: str, english: str) -> str:
    """Add (``verb`` '') or remove ('delete') an index row; values through ``workbench_index_form``."""
    values = f"{rowid}, workbench_index_form({source}), workbench_index_form({english})"
    if verb == "delete":
        return f"INSERT INTO segments_fts (segments_fts, rowid, source, english) VALUES ('delete', {values});"
    return f"INSERT INTO segments_fts (rowid, source, english) VALUES ({values});"


@migrations(name="0016_contentless_search_index")
def m0016_contentless_search_index(db: Database) -> None:
    """The full-text index keeps no copy of the normalised text (FTS5 ``content=''``).

    Its rows are copied as they are. A row leaves the index by a 'delete' given the values it was
    indexed with, so the triggers that keep it in step with deletes and edits by any writer compute
    them with ``workbench_index_form`` (``workbench.store.search.index_form``, registered on every
    connection by ``workbench.store.db.connect``): a connection without it cannot delete or edit
    sentences or their English.
    """
    from workbench.store.search import TOKENIZE

    english_of = "(SELECT text FROM translations WHERE segment_id = {})"
    text_of = "(SELECT text FROM segments WHERE id = {})"

    def indexed(rowid: str, english: str) -> str:
        return _INDEXED_ENGLISH.format(rowid=rowid, english=english)

    run(db, [
        "DROP TRIGGER IF EXISTS segments_fts_segment_delete",
        "DROP TRIGGER IF EXISTS segments_fts_translation_delete",
        f"CREATE VIRTUAL TABLE segments_fts_0016 USING fts5(source, english, content='', {TOKENIZE})",
        "INSERT INTO segments_fts_0016 (rowid, source, english) SELECT rowid, source, english FROM segments_fts",
        "DROP TABLE segments_fts",
        "ALTER TABLE segments_fts_0016 RENAME TO segments_fts",
        f"""CREATE TRIGGER segments_fts_segment_delete BEFORE DELETE ON segments WHEN {_INDEXED.format("old.id")}
            BEGIN {_fts_row("delete", "old.id", "old.text", indexed("old.id", english_of.format("old.id")))} END""",
        f"""CREATE TRIGGER segments_fts_segment_update AFTER UPDATE OF text ON segments
            WHEN {_INDEXED.format("old.id")} AND new.text IS NOT old.text
            BEGIN {_fts_row("delete", "old.id", "old.text", indexed("old.id", english_of.format("old.id")))}
                  {_fts_row("", "new.id", "new.text", english_of.format("new.id"))} END""",
        f"""CREATE TRIGGER segments_fts_translation_delete AFTER DELETE ON translations
            WHEN {_INDEXED.format("old.segment_id")}
            BEGIN {_fts_row("delete", "old.segment_id", text_of.format("old.segment_id"),
                            indexed("old.segment_id", "old.text"))}
                  {_fts_row("", "old.segment_id", text_of.format("old.segment_id"), "''")} END""",
        f"""CREATE TRIGGER segments_fts_translation_update AFTER UPDATE OF text ON translations
            WHEN {_INDEXED.format("old.segment_id")} AND new.text IS NOT old.text
            BEGIN {_fts_row("delete", "old.segment_id", text_of.format("old.segment_id"),
                            indexed("old.segment_id", "old.text"))}
                  {_fts_row("", "old.segment_id", text_of.format("old.segment_id"), "new.text")} END""",
    ])


_MENTION_COLUMNS = "id, segment_id, side, start, end, surface, norm, lang, detector, counterpart_id, prefix"


@migrations(name="0017_compact_mentions")
def m0017_compact_mentions(db: Database) -> None:
    """Mentions lose two indexes that served no query: ``UNIQUE (segment_id, side, start, end)`` (the
    aligner and span edits keep a span once by themselves; ``mentions_segment`` serves the lookups by
    sentence) and ``mentions_counterpart``, which only the foreign key's ``ON DELETE SET NULL`` needed:
    a trigger now clears the counterparts of a deleted mention, looked for in its article's sentences
    (a counterpart is always in the same sentence pair).

    The table is rebuilt (a constraint cannot be dropped in place) with foreign keys not enforced
    (``workbench.store.db._migrate``): dropping the old table would otherwise delete every link and
    candidate. Rows keep their ids; the indexes and triggers on the table are created again from theirs.

    The values most rows share are stored as NULL (``workbench.store.implied``): ``detector`` of a name
    found by its glossary spelling and ``links.decided_by`` of the aligner's links.
    """
    if db.execute("PRAGMA foreign_keys").fetchone()[0] and db.execute("SELECT 1 FROM mentions LIMIT 1").fetchone():
        raise RuntimeError("0017_compact_mentions: foreign keys must be off (workbench.store.db._migrate)")
    kept = [r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'mentions' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        " AND name <> 'mentions_counterpart' ORDER BY type, name").fetchall()]
    copied = _MENTION_COLUMNS.replace("detector", "nullif(detector, 'glossary')")
    run(db, [
        """CREATE TABLE mentions_0017 (
            id INTEGER PRIMARY KEY,
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            side TEXT NOT NULL CHECK (side IN ('source', 'english')),
            start INTEGER NOT NULL,            -- offsets into the segment text (source side)
            end INTEGER NOT NULL,              -- or into translations.text (english side)
            surface TEXT NOT NULL,
            norm TEXT NOT NULL,                -- normalised surface: bulk decisions group on it
            lang TEXT NOT NULL CHECK (lang IN ('ar', 'fr', 'en')),
            detector TEXT,                     -- NULL: glossary; caps / cue / gazetteer / projection / analyst ...
            counterpart_id INTEGER,            -- the mention on the other side; cleared by mentions_counterpart_gone
            prefix INTEGER NOT NULL DEFAULT 0  -- Arabic proclitic letters before the name in the surface
        )""",
        f"INSERT INTO mentions_0017 ({_MENTION_COLUMNS}) SELECT {copied} FROM mentions",
        "DROP TABLE mentions",
        # triggers on other tables name `mentions`: the legacy rename leaves them as they are
        "PRAGMA legacy_alter_table = ON",
        "ALTER TABLE mentions_0017 RENAME TO mentions",
        "PRAGMA legacy_alter_table = OFF",
        *kept,
        "CREATE INDEX mentions_segment ON mentions(segment_id)",
        """CREATE TRIGGER mentions_counterpart_gone AFTER DELETE ON mentions
           BEGIN UPDATE mentions SET counterpart_id = NULL WHERE counterpart_id = old.id AND segment_id IN
               (SELECT s.id FROM segments s WHERE s.article_id = (SELECT article_id FROM segments WHERE id = old.segment_id));
           END""",
        "UPDATE links SET decided_by = NULL WHERE decided_by = 'auto'",
    ])


@migrations(name="0018_undated_translations")
def m0018_undated_translations(db: Database) -> None:
    """Human translations and English articles' own text keep no time (``workbench.store.fingerprints``).

    The fingerprint of an article's translations reads their latest time: an article aligned against
    the translations as they were is recorded as aligned against them as they are now, so the next
    ``align`` has nothing to redo.
    """
    from workbench.store.fingerprints import UNDATED, translation_signatures

    if not db.execute("SELECT 1 FROM translations WHERE engine IN ('human', 'source') AND created_at <> ?",
                      (UNDATED,)).fetchone():
        return  # a new database, or nothing to change
    before = translation_signatures(db.conn)
    db.execute("UPDATE translations SET created_at = ? WHERE engine IN ('human', 'source')", (UNDATED,))
    after = translation_signatures(db.conn)
    db.conn.executemany("UPDATE align_state SET signature = ? WHERE article_id = ? AND signature = ?",
                        [(after[a], a, sig) for a, sig in before.items() if after.get(a) != sig])


@migrations(name="0019_pending_tests_without_lists")
def m0019_pending_tests_without_lists(db: Database) -> None:
    """``article_stats``' triggers and the pending-links indexes test a pending status with ``=`` and
    ``OR`` instead of ``IN (...)``, and a link that is not pending (most are accepted) runs no trigger.

    SQLite builds a temporary table for an ``IN`` list each time a trigger runs or a partial index
    checks a written row: that made every link the aligner wrote cost five times as much. The
    queries that use the indexes state the same condition (``workbench.vocabulary.pending_test``).
    """
    def pending(status: str) -> str:  # = workbench.vocabulary.pending_test: the queries' very condition
        return "(" + " OR ".join(f"{status} = '{s}'" for s in _PENDING_STATUSES) + ")"

    _article_stats_triggers(db, pending, guarded=True)
    run(db, [
        "DROP INDEX links_review",
        f"CREATE INDEX links_review ON links(abs(score - 0.86), mention_id) WHERE {pending('status')}",
        "DROP INDEX links_pending",
        f"CREATE INDEX links_pending ON links(entity_id, status, score, mention_id) WHERE {pending('status')}",
    ])
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        # 0017 rebuilt mentions and this one links' indexes: their planner statistics went with them, and
        # without them the review's same-spelling count walked a common spelling's 31,000 mentions
        run(db, ["ANALYZE mentions", "ANALYZE links"])


def _article_stats_triggers(db: Database, pending: Callable[[str], str], guarded: bool = False) -> None:
    """(Re)create the triggers that keep ``article_stats`` by +1 / -1; ``pending(status)`` is the SQL
    test of a pending link status; ``guarded``: a link's insert and delete change nothing unless the
    link is pending (most links are accepted)."""

    def when(status: str) -> str:
        return f"\n            WHEN {pending(status)}" if guarded else ""

    article_of_segment = "(SELECT article_id FROM segments WHERE id = {})"
    article_of_mention = (
        "(SELECT s.article_id FROM mentions m CROSS JOIN segments s ON s.id = m.segment_id WHERE m.id = {})"
    )

    def bump(sets: str, article: str) -> str:
        return f"UPDATE article_stats SET {sets} WHERE article_id = {article};"

    for name in ("segment_insert", "segment_delete", "translation_insert", "translation_delete",
                 "mention_insert", "mention_delete", "link_insert", "link_update", "link_delete"):
        db.execute(f"DROP TRIGGER IF EXISTS article_stats_{name}")
    seg_pending = (
        "(SELECT count(*) FROM mentions m CROSS JOIN links l ON l.mention_id = m.id"
        f" WHERE m.segment_id = old.id AND {pending('l.status')})"
    )
    run(db, [
        f"""CREATE TRIGGER article_stats_segment_insert AFTER INSERT ON segments
            BEGIN {bump("sentences = sentences + 1", "new.article_id")} END""",
        f"""CREATE TRIGGER article_stats_segment_delete BEFORE DELETE ON segments
            BEGIN {bump(
                "sentences = sentences - 1,"
                " translated = translated - (SELECT count(*) FROM translations WHERE segment_id = old.id),"
                " mentions = mentions - (SELECT count(*) FROM mentions WHERE segment_id = old.id),"
                f" pending = pending - {seg_pending}", "old.article_id")} END""",
        f"""CREATE TRIGGER article_stats_translation_insert AFTER INSERT ON translations
            BEGIN {bump("translated = translated + 1", article_of_segment.format("new.segment_id"))} END""",
        f"""CREATE TRIGGER article_stats_translation_delete AFTER DELETE ON translations
            BEGIN {bump("translated = translated - 1", article_of_segment.format("old.segment_id"))} END""",
        f"""CREATE TRIGGER article_stats_mention_insert AFTER INSERT ON mentions
            BEGIN {bump("mentions = mentions + 1", article_of_segment.format("new.segment_id"))} END""",
        f"""CREATE TRIGGER article_stats_mention_delete BEFORE DELETE ON mentions
            BEGIN {bump(
                "mentions = mentions - 1, pending = pending - (SELECT count(*) FROM links"
                f" WHERE mention_id = old.id AND {pending('status')})",
                article_of_segment.format("old.segment_id"))} END""",
        f"""CREATE TRIGGER article_stats_link_insert AFTER INSERT ON links{when("new.status")}
            BEGIN {bump(f"pending = pending + {pending('new.status')}",
                        article_of_mention.format("new.mention_id"))} END""",
        f"""CREATE TRIGGER article_stats_link_update AFTER UPDATE OF status ON links
            WHEN {pending('new.status')} <> {pending('old.status')}
            BEGIN {bump(f"pending = pending + {pending('new.status')} - {pending('old.status')}",
                        article_of_mention.format("new.mention_id"))} END""",
        f"""CREATE TRIGGER article_stats_link_delete AFTER DELETE ON links{when("old.status")}
            BEGIN {bump(f"pending = pending - {pending('old.status')}",
                        article_of_mention.format("old.mention_id"))} END""",
    ])
