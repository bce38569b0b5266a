"""``workbench decide`` and ``workbench undo``: the analyst's decisions on mentions, from scripts."""

from __future__ import annotations

from workbench import vocabulary
from workbench.cli import command, db_arg
from workbench.cli.numbers import DECISION_ID, MENTION_ID
from workbench.glossary.model import ENTITY_TYPES  # a light module: parser start-up stays light

ACTIONS = vocabulary.ACTIONS


def register(sub, common) -> None:
    p = command(sub, common, "decide", "confirm, reject, correct or create the entity of a mention",
                "Decide on a mention: confirm its entity, reject it, mark it unsure, correct it to "
                "ENTITY_ID, or create a new entity for it. Every decision is logged and can be undone.")
    p.add_argument("mention", type=MENTION_ID, metavar="MENTION_ID")
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("entity", nargs="?", metavar="ENTITY_ID", help="the entity to link to (correct)")
    p.add_argument("--all-same", action="store_true",
                   help="also every undecided mention with the same normalised spelling")
    p.add_argument("--canonical", metavar="NAME", help="canonical English name of the new entity (new)")
    p.add_argument("--type", choices=ENTITY_TYPES, help="type of the new entity (new)")
    p.add_argument("--dry-run", action="store_true",
                   help="change nothing: print every link the decision would change, and how")
    p.set_defaults(func=run_decide)

    u = sub.add_parser("undo", parents=[common], help="undo a decision (default: the last one) and its batch")
    u.add_argument("decision", type=DECISION_ID, nargs="?", metavar="DECISION_ID")
    u.set_defaults(func=run_undo)


def run_decide(args) -> int:
    from workbench.review.decisions import decide
    from workbench.errors import UserError
    from workbench.store import open_db

    if args.entity and args.action != "correct":
        raise UserError(f"ENTITY_ID is only for `correct`; `{args.action}` takes none")
    conn = open_db(db_arg(args), create=False).conn
    options = dict(entity_id=args.entity, canonical=args.canonical, entity_type=args.type, all_same=args.all_same)
    if args.dry_run:
        return print_preview(conn, args.mention, args.action, options)
    out = decide(conn, args.mention, args.action, **options)
    n = len(out.mention_ids)
    print(f"{args.action}: {n} mention(s) {', '.join(map(str, out.mention_ids[:10]))}"
          f"{'...' if n > 10 else ''} -> {out.entity_id or '-'} (decision {out.decision_ids[0]}, batch {out.batch})")
    return 0


def print_preview(conn, mention_id: int, action: str, options: dict) -> int:
    """``--dry-run``: the summary, the count of each kind of change, then one line per changed link."""
    from workbench.review.preview import preview

    p = preview(conn, mention_id, action, **options)
    print(f"dry run, nothing changed: {p.summary()}")
    print("  " + ", ".join(f"{kind} {n}" for kind, n in p.counts.items()))
    for c in p.changes:
        print(f"  {c.mention_id:>7}  {c.kind:13}  {_state(c.before)} -> {_state(c.after)}")
    return 0


def _state(link: dict | None) -> str:
    return f"{link.get('entity_id') or '-'} {link.get('status')}" if link else "(no link)"


def run_undo(args) -> int:
    from workbench.review.decisions import undo
    from workbench.store import open_db

    conn = open_db(db_arg(args), create=False).conn
    out = undo(conn, args.decision)
    print(f"undone: {len(out.mention_ids)} mention(s) {', '.join(map(str, out.mention_ids[:10]))} restored "
          f"(batch {out.batch})")
    for note in out.notes:
        print(f"note: {note}")
    return 0
