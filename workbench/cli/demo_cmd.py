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
    from workbench.store import stats
    from workbench.cli.stats_cmd import format_stats
    from workbench.corpus.importer import import_paths
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
    demo_align(db.conn)  # curated glossary, then mentions aligned and linked on both sides
    print(format_stats(stats.collect(db.conn)))
    print(f"\nNext: workbench --db {target} tui")
    return 1 if summary.rejected else 0


def demo_align(conn, pairs_shown: int = 4) -> None:
    """Load the curated glossary, align every article, show a few sentence pairs with their names."""
    from workbench.align.run import align_articles
    from workbench.corpus.pairs import article_pairs
    from workbench.glossary.bundled import bundled_files, seed

    files = bundled_files()
    n = seed(conn)
    live = conn.execute("SELECT count(*) FROM entities WHERE deleted_at IS NULL").fetchone()[0]
    if n:
        print(f"== glossary: {n} entities from the curated {', '.join(f.name for f in files)}")
    elif live:
        print(f"== glossary: {live} entities already in the database")
    else:
        print("== glossary: no curated glossary found; aligning without one")
    summary = align_articles(conn)
    counts = dict(conn.execute("SELECT status, count(*) FROM links GROUP BY status").fetchall())
    print(f"== align: {len(summary.aligned)} article(s) aligned, {summary.skipped} up to date; links: "
          + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"))
    shown = 0
    for (article_id,) in conn.execute("SELECT id FROM articles WHERE lang <> 'en' ORDER BY id").fetchall():
        if shown >= pairs_shown:
            return
        for p in article_pairs(conn, article_id) or []:  # one pair per article, with a few names in it
            if not p.english or len(p.source_mentions) < 3:
                continue
            shown += 1
            canonical = p.canonical_english()[0]
            print(f"\n   [{article_id}] {p.source}")
            print(f"   EN  {p.english}")
            if canonical != p.english:
                print(f"   CAN {canonical}")
            for m in p.source_mentions:
                print(f"     {m.surface} -> {m.entity_id or '(new)'} [{m.status}]")
            break
