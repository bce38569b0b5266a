"""The alignment step of ``workbench demo``: load the curated glossary, align, show a few pairs."""

from __future__ import annotations

import sqlite3

from workbench.align.glossary_adapter import REPO_GLOSSARIES, load_glossaries


def demo_align(conn: sqlite3.Connection, pairs_shown: int = 4) -> None:
    from workbench.align.run import align_articles
    from workbench.align.view import sentence_pairs

    files = sorted(REPO_GLOSSARIES.glob("*.toml"))
    if files:
        n = load_glossaries(conn, files)
        print(f"== glossary: {n} entities from {', '.join(f.name for f in files)}")
    else:
        print("== glossary: no glossaries/*.toml found; aligning without one")
    summary = align_articles(conn)
    counts = dict(conn.execute("SELECT status, count(*) FROM links GROUP BY status").fetchall())
    print(f"== align: {len(summary.aligned)} article(s) aligned, {summary.skipped} up to date; links: "
          + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"))
    shown = 0
    for (article_id,) in conn.execute("SELECT id FROM articles WHERE lang <> 'en' ORDER BY id").fetchall():
        if shown >= pairs_shown:
            return
        for p in sentence_pairs(conn, article_id):  # one pair per article, with a few names in it
            if not p["english"] or len(p["source_mentions"]) < 3:
                continue
            shown += 1
            print(f"\n   [{article_id}] {p['source']}")
            print(f"   EN  {p['english']}")
            if p["canonical"] != p["english"]:
                print(f"   CAN {p['canonical']}")
            for m in p["source_mentions"]:
                print(f"     {m['surface']} -> {m['entity_id'] or '(new)'} [{m['status']}]")
            break
