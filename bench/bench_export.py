"""Benchmark: export 100,000 sentence pairs with entity spans to TMX and to JSONL (speed, peak memory).

Usage: .venv/bin/python bench/bench_export.py [--pairs 100000] [--keep DIR]
Builds the database with direct SQL inserts (not the importer), then runs each export in its own
subprocess so that the peak RSS reported is that export's alone. The rate is wall-clock time; the
CPU-time rate is printed beside it because a shared machine can slow the wall clock down.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_RATE = 20_000  # pairs per second
GOAL_RSS_MB = 200
SEGMENTS_PER_ARTICLE = 20
STAMP = "2022-02-01T00:00:00+00:00"

NAMES = {
    "ar": ["قوات سوريا الديمقراطية", "الحسكة", "داعش", "مصطفى الكاظمي", "الحشد الشعبي", "دير الزور"],
    "fr": ["Forces démocratiques syriennes", "Hassaké", "Daech", "Moustafa al-Kazimi",
           "Hachd al-Chaabi", "Deir ez-Zor"],
    "en": ["Syrian Democratic Forces", "Hasakah", "Islamic State", "Mustafa al-Kadhimi",
           "Popular Mobilization Forces", "Deir ez-Zor"],
}
FILLER = {
    "ar": "وقالت مصادر محلية إن الاشتباكات استمرت طوال الليل في محيط السجن بحسب ما أفاد به شهود عيان",
    "fr": "Selon des sources locales, les combats se sont poursuivis toute la nuit autour de la prison",
    "en": "According to local sources, the fighting went on all night around the prison & the city",
}
STATUSES = ["confirmed", "accepted", "accepted", "suggested", "rejected"]


def build(path: Path, pairs: int) -> None:
    """A migrated database holding ``pairs`` translated sentence pairs, each with four entity spans."""
    from workbench.store import open_db

    db = open_db(path)
    conn = db.conn
    rng = random.Random(5)
    conn.execute("BEGIN")
    # The article_stats triggers (migration 0002) recount an article's pending links on every mention
    # and link insert, with a plan that walks all pending links: quadratic on a bulk load. They are
    # dropped for the load and put back unchanged afterwards; the export does not read article_stats.
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('mentions', 'links')"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    entities = [f"entity-{i}" for i in range(len(NAMES["en"]))]
    conn.executemany(
        "INSERT INTO entities (id, type, canonical_en, origin, created_at, updated_at) VALUES (?, 'org', ?, 'bench', ?, ?)",
        [(e, NAMES["en"][i], STAMP, STAMP) for i, e in enumerate(entities)])
    articles = (pairs + SEGMENTS_PER_ARTICLE - 1) // SEGMENTS_PER_ARTICLE
    seg_id = mention_id = 0
    for a in range(1, articles + 1):
        lang = "ar" if a % 2 else "fr"
        segs, trans, mentions, links = [], [], [], []
        for seq in range(min(SEGMENTS_PER_ARTICLE, pairs - seg_id)):
            seg_id += 1
            i, j = rng.randrange(6), rng.randrange(6)
            src = f"{NAMES[lang][i]} {FILLER[lang]} {NAMES[lang][j]} {seq}."
            eng = f"{NAMES['en'][i]}: {FILLER['en']} <{NAMES['en'][j]}> {seq}."
            segs.append((seg_id, a, seq, 0, len(src), src))
            trans.append((seg_id, eng, STAMP))
            for side, text, k, lang_m, first in (("source", src, i, lang, True), ("source", src, j, lang, False),
                                                 ("english", eng, i, "en", True), ("english", eng, j, "en", False)):
                name = NAMES[lang_m][k]
                start = text.index(name) if first else text.rindex(name)
                mention_id += 1
                mentions.append((mention_id, seg_id, side, start, start + len(name), name, name.lower(),
                                 lang_m))
                links.append((mention_id, entities[k], rng.choice(STATUSES), round(rng.random(), 3), STAMP))
        conn.execute(
            "INSERT INTO articles (id, content_hash, source, lang, lang_method, title, url, date, text, "
            "encoding, imported_at) VALUES (?, ?, 'bench', ?, 'option', ?, ?, '2022-01-21', ?, 'utf-8', ?)",
            (a, f"h{a}", lang, f"Article {a} & co", f"https://example.org/{a}?x=1&y=2", " ".join(s[5] for s in segs),
             STAMP))
        conn.executemany("INSERT INTO segments (id, article_id, seq, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
                         segs)
        conn.executemany("INSERT INTO translations (segment_id, engine, model, text, created_at) "
                         "VALUES (?, 'argos', 'bench', ?, ?)", trans)
        conn.executemany(
            "INSERT INTO mentions (id, segment_id, side, start, end, surface, norm, lang, detector) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'glossary')", mentions)
        conn.executemany("INSERT INTO links (mention_id, entity_id, status, score, updated_at) VALUES (?, ?, ?, ?, ?)",
                         links)
    for _, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.close()


def run_one(db_path: str, out: str, fmt: str, status: str) -> None:
    """Child process: one export, then its figures as JSON on stdout."""
    from workbench.export import export_corpus
    from workbench.store import open_db

    conn = open_db(db_path).conn
    started, cpu = time.perf_counter(), time.process_time()
    result = export_corpus(conn, out, fmt, status=status)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pairs": result.pairs, "spans": result.source_spans + result.english_spans,
                      "seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "bytes": Path(out).stat().st_size}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep the files")
    parser.add_argument("--run", nargs=4, metavar=("DB", "OUT", "FORMAT", "STATUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_one(*args.run)
        return 0

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "bench-export.db"
        if db_path.exists():
            db_path.unlink()
        started = time.perf_counter()
        build(db_path, args.pairs)
        print(f"built {args.pairs:,} pairs in {time.perf_counter() - started:.1f} s ({db_path})")
        failed = False
        for fmt, status in (("tmx", "confirmed"), ("jsonl", "confirmed"), ("jsonl", "all")):
            out = folder / f"bench-{status}.{fmt}"
            if out.exists():
                out.unlink()
            child = subprocess.run([sys.executable, __file__, "--run", str(db_path), str(out), fmt, status],
                                   capture_output=True, text=True, check=True)
            fig = json.loads(child.stdout.strip().splitlines()[-1])
            rate = fig["pairs"] / fig["seconds"]
            ok_rate, ok_rss = rate >= GOAL_RATE, fig["peak_mb"] < GOAL_RSS_MB
            failed |= not (ok_rate and ok_rss)
            print(f"{fmt:5} --status {status:9}: {fig['pairs']:,} pairs, {fig['spans']:,} spans, "
                  f"{fig['bytes'] / 1e6:.1f} MB in {fig['seconds']:.2f} s = {rate:,.0f} pairs/s "
                  f"(goal >= {GOAL_RATE:,}: {'ok' if ok_rate else 'MISSED'}; CPU time {fig['cpu']:.2f} s = "
                  f"{fig['pairs'] / fig['cpu']:,.0f} pairs/s); peak RSS {fig['peak_mb']:.0f} MB "
                  f"(goal < {GOAL_RSS_MB}: {'ok' if ok_rss else 'MISSED'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
