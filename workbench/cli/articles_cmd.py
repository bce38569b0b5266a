"""``workbench articles``: the articles in the database with their counts, for people or scripts."""

from __future__ import annotations

from workbench.cli import command, db_arg
from workbench.cli.numbers import count
from workbench.config import LANGS

KEYS = ("id", "title", "lang", "date", "segments", "translated", "mentions", "to_review")


def register(sub, common) -> None:
    p = command(sub, common, "articles", "list articles: id, title, language and their counts",
                "List the articles with their sentences, translated sentences, name mentions and "
                "mentions waiting for review. The ids are what --article takes (translate, align, mentions).")
    p.add_argument("--lang", choices=LANGS, help="only articles in this language")
    p.add_argument("--limit", type=count(), metavar="N", help="at most N articles")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=run)


def query(conn, lang: str | None = None, limit: int | None = None):
    """Rows of ``KEYS`` in id order (the counts come from ``article_stats``)."""
    sql = """SELECT a.id, a.title, a.lang, a.date, coalesce(st.sentences, 0), coalesce(st.translated, 0),
                    coalesce(st.mentions, 0), coalesce(st.pending, 0)
             FROM articles a LEFT JOIN article_stats st ON st.article_id = a.id"""
    params: list = []
    if lang:
        sql += " WHERE a.lang = ?"
        params.append(lang)
    sql += " ORDER BY a.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, limit))
    for row in conn.execute(sql, params):
        yield dict(zip(KEYS, row))


def run(args) -> int:
    import json
    import sys

    from workbench.errors import UserError
    from workbench.store import open_conn

    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be at least 1")
    conn = open_conn(db_arg(args))
    shown = 0
    for a in query(conn, args.lang, args.limit):
        if args.json:
            print(json.dumps(a, ensure_ascii=False))
        else:
            if not shown:
                print(f"{'id':>6}  lang  {'segments':>8}  {'translated':>10}  {'mentions':>8}  {'to review':>9}  title")
            title = " ".join((a["title"] or "(no title)").split())
            title = title if len(title) <= 70 else title[:69] + "…"
            print(f"{a['id']:>6}  {a['lang']:<4}  {a['segments']:>8}  {a['translated']:>10}  {a['mentions']:>8}  "
                  f"{a['to_review']:>9}  {title}")
        shown += 1
    if not shown and not args.json:
        which = f" in {args.lang}" if args.lang else ""
        print(f"no articles{which}; `workbench import FILE` brings some in", file=sys.stderr)
    return 0
