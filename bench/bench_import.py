"""Benchmark: import 10,000 generated articles of about 3 KB; report articles/s and peak RSS.

Usage: .venv/bin/python bench/bench_import.py [--articles 10000] [--layout files|jsonl]
Goal (issue 2): at least 500 articles/s on a 2-core machine, peak RSS under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_text import article  # noqa: E402

LANGS = ["fr", "ar", "en"]


def generate(root: Path, n: int, layout: str) -> int:
    rng = random.Random(42)
    total = 0
    if layout == "files":
        for i in range(n):
            lang = LANGS[i % 3]
            text = article(rng, lang)
            total += len(text.encode())
            sub = root / f"{i // 1000:02d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    else:
        per_file = 100
        for f in range(0, n, per_file):
            with open(root / f"batch{f // per_file:04d}.jsonl", "w", encoding="utf-8") as out:
                for i in range(f, min(n, f + per_file)):
                    text = article(rng, LANGS[i % 3])
                    total += len(text.encode())
                    out.write(json.dumps({"text": text, "title": f"Article {i}"}, ensure_ascii=False) + "\n")
    return total


CHILD = """
import resource, sys, time
from workbench.store import open_db
from workbench.corpus.importer import import_paths
db = open_db(sys.argv[1])
t = time.perf_counter()
summary = import_paths(db.conn, [sys.argv[2]])
elapsed = time.perf_counter() - t
print(summary.imported, len(summary.rejected), elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--layout", choices=["files", "jsonl"], default="files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        root.mkdir()
        size = generate(root, args.articles, args.layout)
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(Path(tmp) / "bench.db"), str(root)],
            check=True, capture_output=True, text=True,
        ).stdout.split()
        imported, rejected, elapsed, rss_kb = int(out[0]), int(out[1]), float(out[2]), int(out[3])
    print(f"layout={args.layout} articles={imported} rejected={rejected} "
          f"avg_size={size / args.articles / 1024:.1f} KB")
    print(f"import rate: {imported / elapsed:,.0f} articles/s ({elapsed:.1f} s)   goal >= 500 articles/s")
    print(f"peak RSS:    {rss_kb / 1024:,.0f} MB                      goal < 300 MB")


if __name__ == "__main__":
    main()
