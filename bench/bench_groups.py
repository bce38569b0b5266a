"""Benchmark: the grouped review queue and the preview of a decision on a large corpus.

Usage: .venv/bin/python bench/bench_groups.py DB

DB is a database of ``bench/bench_scale.py N --keep DIR`` (DIR/scale.db); it is copied, not changed.
The generated corpus names only glossary entities, so every link is accepted: in the copy, one link
in 13 is made pending as a real review would have it (suggested with scores 0.50-0.85, one in five
of those a new-entity proposal, one in seven unsure). Then, best of 3: ``groups`` by spelling and by
entity under each filter, ``mention_ids`` of the largest group, and ``preview`` of a decision on
the largest group by spelling.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.review.groups import Filters, groups, mention_ids  # noqa: E402
from workbench.review.preview import preview  # noqa: E402
from workbench.store import open_db  # noqa: E402

MAKE_PENDING = [
    "UPDATE links SET status = 'suggested', score = 0.5 + (mention_id % 36) / 100.0 WHERE mention_id % 13 = 0",
    """UPDATE links SET status = 'new', entity_id = NULL, score = 0
       WHERE mention_id % 13 = 0 AND mention_id % 5 = 0""",
    "UPDATE links SET status = 'unsure' WHERE mention_id % 13 = 0 AND mention_id % 7 = 0 AND status = 'suggested'",
]
FILTERS = [Filters(), Filters(lang="ar"), Filters(band="mid"), Filters(entity_type="person"), Filters(status="new"),
           Filters(article_id=2500)]


def best(run):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return result, min(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "groups.db"
        shutil.copyfile(args.db, copy)
        conn = open_db(copy, create=False).conn
        for statement in MAKE_PENDING:
            conn.execute(statement)
        pending = conn.execute("SELECT count(*) FROM links WHERE status IN ('suggested', 'unsure', 'new')").fetchone()[0]
        print(f"{pending:,} pending links of {conn.execute('SELECT count(*) FROM links').fetchone()[0]:,}")
        for by in ("spelling", "entity"):
            for f in FILTERS:
                found, ms = best(lambda: groups(conn, by, f))
                ids, ids_ms = best(lambda: mention_ids(conn, found[0]["key"], f)) if found else ([], 0.0)
                label = ", ".join(f"{k}={v}" for k, v in vars(f).items() if v is not None) or "no filter"
                print(f"groups by {by:8} {label:20} {len(found):4} groups {sum(g['count'] for g in found):7,} "
                      f"mentions {ms:7.1f} ms; largest group's {len(ids):,} ids {ids_ms:6.1f} ms")
        top = groups(conn, "spelling")[0]
        ids = mention_ids(conn, top["key"])
        for action in ("confirm", "reject", "new"):
            options = {"also": ids[1:], "canonical": "Bench Name" if action == "new" else None}
            shown, ms = best(lambda: preview(conn, ids[0], action, **options))
            counts = ", ".join(f"{k} {n:,}" for k, n in shown.counts.items() if n)
            print(f"preview {action:7} on {len(ids):,} mentions: {counts}; {ms:,.0f} ms")
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
