"""Benchmark: a corpus of N generated articles through import, align, stats and export; size on disk.

Usage: .venv/bin/python bench/bench_scale.py N [--keep DIR] [--translate K]

French and Arabic articles (about 3 KB each) with their English given in the JSONL (no model needed),
the curated glossary, then each step as its own ``workbench`` subprocess. For every step: seconds,
throughput, the child's peak RSS (``os.wait4``) and database bytes per input byte (input = source
text + English text, UTF-8; database = the file plus its WAL). ``--translate K`` also translates K
articles imported without English, with the tiny random-weight model (devtools/tiny_model.py).
Goals (issue "50,000 articles"): at most 5x the input bytes at 50,000; ``stats`` within 0.3 s of
Python start-up; align at 50,000 in under 222 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from gen_text import GROUPS, PEOPLE, PLACES, TEMPLATES  # noqa: E402

WORKBENCH = str(Path(sys.executable).with_name("workbench"))
GLOSSARIES = sorted((ROOT / "workbench" / "glossary" / "curated").glob("*.toml"))
PER_FILE = 500


def parallel_sentence(rng: random.Random, lang: str) -> tuple[str, str]:
    """One sentence in ``lang`` and its English (the templates of gen_text are parallel by index)."""
    t = rng.randrange(len(TEMPLATES[lang]))
    p, g, pl = rng.randrange(5), rng.randrange(5), rng.randrange(10)
    d, n = rng.randint(1, 31), rng.randint(2, 400)

    def fill(code: str) -> str:
        return TEMPLATES[code][t].format(p=PEOPLE[code][p], g=GROUPS[code][g], l=PLACES[code][pl], d=d, n=n)

    return fill(lang), fill("en")


def parallel_article(rng: random.Random, lang: str, size: int = 3000) -> tuple[str, str]:
    """About ``size`` bytes of source in paragraphs of 2-4 sentences, and the English paragraph by paragraph."""
    src, eng, length = [], [], 0
    while length < size:
        pairs = [parallel_sentence(rng, lang) for _ in range(rng.randint(2, 4))]
        src.append(" ".join(s for s, _ in pairs))
        eng.append(" ".join(e for _, e in pairs))
        length += len(src[-1].encode()) + 1
    return "\n".join(src), "\n".join(eng)


def generate(root: Path, n: int, untranslated: int = 0) -> int:
    """JSONL files of ``n`` fr/ar articles with English (the first ``untranslated`` without); input bytes."""
    rng = random.Random(50_000)
    total = 0
    for f in range(0, n, PER_FILE):
        with open(root / f"batch{f // PER_FILE:05d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(f, min(n, f + PER_FILE)):
                lang = "fr" if i % 2 else "ar"
                text, english = parallel_article(rng, lang)
                doc = {"title": f"Article {i}", "lang": lang, "text": text, "date": f"2024-01-{i % 28 + 1:02d}"}
                total += len(text.encode())
                if i >= untranslated:
                    doc["translation"] = english
                    total += len(english.encode())
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return total


def db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def step(name: str, args: list[str], env: dict) -> tuple[float, float, int]:
    """Run one ``workbench`` command; its seconds, CPU seconds (user + system) and peak RSS (bytes)."""
    t = time.perf_counter()
    proc = subprocess.Popen([WORKBENCH, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed ({proc.returncode}): {err[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def table_sizes(db: Path) -> list[tuple[str, int]]:
    """Bytes per table and index (``dbstat``), largest first; [] when SQLite lacks dbstat."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    except sqlite3.OperationalError:
        rows = []
    conn.close()
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=int)
    ap.add_argument("--keep", type=Path, help="keep the corpus and database in this folder")
    ap.add_argument("--translate", type=int, default=0, metavar="K",
                    help="import K articles without English and translate them with the tiny model")
    ap.add_argument("--tables", action="store_true", help="print bytes per table and index")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus = work / "corpus"
        corpus.mkdir(exist_ok=True)
        for old in corpus.glob("*.jsonl"):
            old.unlink()
        db = work / "scale.db"
        for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            p.unlink(missing_ok=True)
        t = time.perf_counter()
        size = generate(corpus, args.articles, args.translate)
        print(f"{args.articles} articles, input {size / 1e6:.1f} MB (source + English), "
              f"generated in {time.perf_counter() - t:.1f} s")
        env = dict(os.environ, WORKBENCH_DB=str(db))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        steps = [("import", ["import", "-q", str(corpus)]),
                 ("glossary", ["glossary", "import", *map(str, GLOSSARIES)])]
        if args.translate:
            sys.path.insert(0, str(ROOT))
            from devtools.tiny_model import build_archive

            (work / "tiny").mkdir(exist_ok=True)
            env["ARGOS_PACKAGES_DIR"] = str(work / "packages")
            for lang in ("fr", "ar"):
                steps.append((f"model {lang}", ["models", "add", str(build_archive(work / "tiny", lang, "en"))]))
            steps.append(("translate", ["translate", "-q", "--limit", str(args.translate)]))
        steps += [("align", ["align"]), ("stats", ["stats"]),
                  ("export", ["export", "-q", "--force", str(work / "out.jsonl")])]
        print(f"{'step':10} {'seconds':>8} {'CPU s':>7} {'articles/s':>10} {'peak RSS':>9} {'db bytes/input':>14} {'db MB':>8}")
        for name, argv in steps:
            elapsed, cpu, rss = step(name, argv, env)
            size_now = db_bytes(db)
            print(f"{name:10} {elapsed:8.2f} {cpu:7.2f} {args.articles / elapsed:10,.0f} {rss / 2**20:7.0f}MB "
                  f"{size_now / size:14.2f} {size_now / 1e6:8.1f}")
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.close()
        vac = db_bytes(db)
        print(f"after VACUUM: {vac / 1e6:.1f} MB = {vac / size:.2f} x input ({vac / args.articles / 1e3:.1f} KB an article)")
        if args.tables:
            for name, nbytes in table_sizes(db):
                print(f"   {name:40} {nbytes / 1e6:8.1f} MB  {nbytes / size:5.2f} x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
