"""``workbench demo``: the whole flow on the embedded sample corpus, in its own database."""

from __future__ import annotations

from pathlib import Path

from workbench.cli import db_arg

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "sample"
DEMO_DB = Path("db") / "demo.db"


def register(sub, common) -> None:
    p = sub.add_parser(
        "demo", parents=[common],
        help="run import -> translate -> align on the embedded sample (default database db/demo.db)",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from workbench import stats
    from workbench.cli.stats_cmd import format_stats
    from workbench.ingest.importer import import_paths
    from workbench.store import open_db

    target = db_arg(args) or DEMO_DB
    db = open_db(target)
    print(f"== demo database: {target}")
    summary = import_paths(db.conn, [SAMPLE_DIR / "articles.jsonl"])
    print(f"== import: {summary.imported} article(s) imported, {summary.duplicates} already present")
    for rejected in summary.rejected:
        print(f"   rejected: {rejected.error}")
    from workbench.cli.translate_cmd import demo_translate

    demo_translate(db.conn)  # translates with the installed models, or says how to get one
    from workbench.align.demo import demo_align

    demo_align(db.conn)  # curated glossary, then mentions aligned and linked on both sides
    print(format_stats(stats.collect(db.conn)))
    print(f"\nNext: workbench --db {target} tui")
    return 1 if summary.rejected else 0
