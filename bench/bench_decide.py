"""Benchmarks single review decisions that change the glossary (new entity, correction, undo) on a real database.

Usage: .venv/bin/python bench/bench_decide.py DB [--count N] [--seed S]

Works on a copy of DB (an aligned corpus, e.g. the one `bench/bench_scale.py 5000` leaves). For N
mentions waiting as "new" whose spelling is rare (a name newly met) it times, in one process whose glossary index is already read (as in the
TUI), a `new` entity, a `correct` to an entity, and the `undo` of each; then one of each through the
`workbench` command line (a fresh process: start-up and the first read of the glossary included).
Prints the CPU seconds and the sentence pairs each decision analysed again.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


RARE = 5  # a name newly met: its spelling in at most this many mentions (not a common phrase a generator repeats)


def pick(conn, count: int, seed: int) -> tuple[list[int], list[str]]:
    """``count`` mentions waiting as new whose spelling is rare, and as many entities, chosen at random."""
    waiting = [r[0] for r in conn.execute(
        """SELECT min(m.id) FROM mentions m JOIN links l ON l.mention_id = m.id WHERE l.status = 'new'
           GROUP BY m.lang, m.norm HAVING count(*) <= ? ORDER BY 1""", (RARE,))]
    entities = [r[0] for r in conn.execute("SELECT id FROM entities WHERE deleted_at IS NULL ORDER BY id")]
    if len(waiting) < 2 * count or not entities:
        sys.exit(f"the database has {len(waiting)} mentions waiting as new and {len(entities)} entities: "
                 f"align a corpus first (bench/bench_scale.py 5000 leaves one)")
    rng = random.Random(seed)
    return rng.sample(waiting, 2 * count), rng.sample(entities, count)


def in_process(db: Path, mentions: list[int], entities: list[str]) -> dict[str, list[tuple[float, int]]]:
    from workbench.align import run
    from workbench.names.index import glossary_index
    from workbench.review.decisions import decide, undo
    from workbench.store.db import connect

    conn = connect(db)
    glossary_index(conn).matcher  # the TUI has read the glossary before the analyst decides
    analysed: list[int] = []
    real = run.align_article

    def counted(*args, **kwargs):
        out = real(*args, **kwargs)
        analysed.append(out[1])
        return out

    run.align_article = counted
    out: dict[str, list[tuple[float, int]]] = {"new": [], "undo new": [], "correct": [], "undo correct": []}
    half = len(mentions) // 2
    try:
        for k, mid in enumerate(mentions[:half]):
            for name, call in (("new", lambda: decide(conn, mid, "new", canonical=f"Bench Name {k}")),
                               ("undo new", lambda: undo(conn)),
                               ("correct", lambda: decide(conn, mentions[half + k], "correct", entity_id=entities[k])),
                               ("undo correct", lambda: undo(conn))):
                analysed.clear()
                t = time.process_time()
                call()
                out[name].append((time.process_time() - t, sum(analysed)))
    finally:
        run.align_article = real
    conn.close()
    return out


def cli(db: Path, mention: int, entity: str) -> dict[str, float]:
    env = {**os.environ, "WORKBENCH_DB": str(db)}
    out = {}
    for name, args in (("new", ["decide", str(mention), "new", "--canonical", "Bench Name CLI"]),
                       ("undo", ["undo"]), ("correct", ["decide", str(mention), "correct", entity]), ("undo", ["undo"])):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "workbench", *args], env=env, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out[f"{name} ({args[2] if len(args) > 2 else 'last'})" if name == "undo" else name] = \
            after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--count", type=int, default=5, help="decisions of each kind timed in one process")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such database")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "copy.db"
        shutil.copyfile(args.db, db)
        from workbench.store.db import connect

        conn = connect(db)
        mentions, entities = pick(conn, args.count + 1, args.seed)
        conn.close()
        subprocess.run([sys.executable, "-m", "workbench", "stats"], env={**os.environ, "WORKBENCH_DB": str(db)},
                       check=True, capture_output=True)  # migrated, and the alignment's generation recorded
        subprocess.run([sys.executable, "-m", "workbench", "align", "-q"], env={**os.environ, "WORKBENCH_DB": str(db)},
                       check=True, capture_output=True)
        timed = in_process(db, mentions[2:], entities[1:])
        print(f"in one process, glossary read (as in the TUI), {args.count} of each:")
        for name, rows in timed.items():
            cpu = [c for c, _ in rows]
            print(f"  {name:14} CPU median {statistics.median(cpu):5.2f} s  max {max(cpu):5.2f} s   "
                  f"pairs analysed again: median {statistics.median(p for _, p in rows):.0f}, max {max(p for _, p in rows)}")
        print("through the command line (a fresh process each):")
        for name, cpu in cli(db, mentions[0], entities[0]).items():
            print(f"  {name:14} CPU {cpu:5.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
