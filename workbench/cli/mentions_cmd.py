"""``workbench mentions``: list mentions with their links, for scripts (JSON lines) or people."""

from __future__ import annotations

from workbench.cli import db_arg
from workbench.cli.numbers import ARTICLE_ID, MENTION_ID, count
from workbench import vocabulary
from workbench.store import implied
from workbench.store.why import expanded
from workbench.glossary.model import ENTITY_TYPES  # a light module: parser start-up stays light

STATUSES = (*vocabulary.STATUSES, "pending", "unlinked")


def register(sub, common) -> None:
    p = sub.add_parser("mentions", parents=[common], help="list name mentions and their links")
    p.add_argument("--status", choices=STATUSES,
                   help="only this link status ('pending': suggested, unsure or new)")
    p.add_argument("--article", type=ARTICLE_ID, metavar="ID",
                   help="only this article (`workbench articles` lists them)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--limit", type=count(), metavar="N", help="at most N mentions (with --group: groups)")
    p.add_argument("--group", choices=("spelling", "entity"),
                   help="the mentions waiting for review in groups, with counts: by language, spelling and "
                        "proposed entity, or by proposed entity")
    p.add_argument("--lang", metavar="LANG", help="with --group: only mentions in this language (ar, fr, en)")
    p.add_argument("--type", choices=ENTITY_TYPES, help="with --group: only this type of proposed entity")
    p.add_argument("--band", choices=[b[0] for b in vocabulary.SCORE_BANDS],
                   help="with --group: only scores in this band (" + ", ".join(
                       f"{name} {low:g}-{min(high, 1):g}" for name, low, high in vocabulary.SCORE_BANDS) + ")")
    p.add_argument("--same-as", type=MENTION_ID, metavar="ID",
                   help="the concordance of mention ID: every mention with its normalised spelling and "
                        "language, with its sentence, and the glossary spellings ID matched")
    p.set_defaults(func=run)


def query(conn, status: str | None, article: int | None, limit: int | None):
    where, args = [], []
    if status == "pending":
        where.append(vocabulary.pending_test())
    elif status == "unlinked":
        where.append("l.entity_id IS NULL")
    elif status:
        where.append("l.status = ?")
        args.append(status)
    if article is not None:
        where.append("s.article_id = ?")
        args.append(article)
    sql = f"""SELECT m.id, s.article_id, m.segment_id, s.seq + 1, m.side, m.start, m.end, m.surface, m.norm, m.lang,
                     {implied.detector()}, l.entity_id, l.status, l.score, {expanded()}, {implied.decided_by()},
                     m.counterpart_id
              FROM mentions m JOIN segments s ON s.id = m.segment_id LEFT JOIN links l ON l.mention_id = m.id
              {'WHERE ' + ' AND '.join(where) if where else ''}
              ORDER BY s.article_id, s.seq, m.side DESC, m.start"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    keys = ("id", "article_id", "segment", "sentence", "side", "start", "end", "surface", "norm", "lang", "detector",
            "entity_id", "status", "score", "why", "decided_by", "counterpart_id")
    for row in conn.execute(sql, args):
        yield dict(zip(keys, row))


def run(args) -> int:
    import json

    from workbench.errors import UserError
    from workbench.store import open_conn

    if args.group is None and (args.lang or args.type or args.band):
        raise UserError("--lang, --type and --band filter the groups: add --group spelling or --group entity")
    conn = open_conn(db_arg(args))
    if args.same_as is not None:
        return same_as(conn, args)
    if args.article is not None and not conn.execute("SELECT 1 FROM articles WHERE id = ?", (args.article,)).fetchone():
        raise UserError(f"no article with id {args.article}; `workbench articles` lists them")
    if args.group is not None:
        return show_groups(conn, args)
    for m in query(conn, args.status, args.article, args.limit):
        if args.json:
            print(json.dumps(m, ensure_ascii=False))
        else:
            entity = m["entity_id"] or "-"
            print(f"{m['id']:>7}  a{m['article_id']}:{m['sentence']}  {m['side']:7}  {m['start']}-{m['end']}  "
                  f"{m['status'] or '-':9} {(m['score'] or 0):.2f}  {m['surface']}  -> {entity}")
    return 0


def same_as(conn, args) -> int:
    """``--same-as ID``: the concordance (one page of ``--limit``, default 50) and the candidates."""
    import json

    from workbench.errors import UserError
    from workbench.review.concordance import PAGE, concordance

    if args.status or args.article is not None:
        raise UserError("--same-as lists one spelling everywhere: it takes neither --status nor --article")
    c = concordance(conn, args.same_as, limit=args.limit or PAGE)
    if args.json:
        print(json.dumps({"mention": args.same_as, "norm": c.mention["norm"], "lang": c.mention["lang"],
                          "total": c.total, "candidates": c.candidates}, ensure_ascii=False))
        for row in c.rows:
            print(json.dumps({**row, "sentence": row["seq"] + 1}, ensure_ascii=False))
        return 0
    print(f"{c.total} mention(s) of {c.mention['norm']!r} ({c.mention['lang']})"
          f"{f', first {len(c.rows)} shown' if len(c.rows) < c.total else ''}")
    for cand in c.candidates:
        print(f"  matched {cand['entity_id']} {cand['score']:.2f}  {cand.get('variant') or '-'}  {cand.get('why') or ''}")
    for row in c.rows:
        text = row["text"]
        print(f"{row['id']:>7}  a{row['article_id']}:{row['seq'] + 1}  {row['side']:7}  {row['start']}-{row['end']}  "
              f"{row['status'] or '-':9} {text[:row['start']]}[{text[row['start']:row['end']]}]{text[row['end']:]}")
    return 0


def show_groups(conn, args) -> int:
    """``--group``: one line (or JSON object) per group of pending mentions, the largest first."""
    import json

    from workbench.review.groups import Filters, groups

    status = None if args.status == "pending" else args.status
    found = groups(conn, args.group, Filters(lang=args.lang, entity_type=args.type, status=status, band=args.band,
                                             article_id=args.article))
    for g in found[:args.limit] if args.limit else found:
        if args.json:
            print(json.dumps(g, ensure_ascii=False))
            continue
        entity = f"{g['canonical']} [{g['entity_id']}]" if g["entity_id"] else "(new entity)"
        mix = ", ".join(f"{s} {n}" for s, n in g["status"].items())
        print(f"{g['count']:>7}  {','.join(g['langs']):8}  {' | '.join(g['spellings'][:3])}"
              f"{' ...' if len(g['spellings']) > 3 else ''}  -> {entity}  [{mix}; {g['band']}]  first {g['first']}")
    return 0
