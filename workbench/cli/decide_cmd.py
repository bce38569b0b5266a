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
                "ENTITY_ID, create a new entity for it, dismiss it as not a name (its spelling is "
                "remembered: align does not propose it again in that language), or move its span to "
                "START END (character offsets in its sentence, as `workbench mentions` prints them) and "
                "match it again. Every decision is logged and can be undone.")
    p.add_argument("mention", type=MENTION_ID, metavar="MENTION_ID")
    p.add_argument("action", choices=(*ACTIONS, vocabulary.EDIT_SPAN))
    p.add_argument("entity", nargs="?", metavar="ENTITY_ID|START",
                   help="the entity to link to (correct); the new start (span)")
    p.add_argument("end", nargs="?", metavar="END", help="the new end (span): the character after the name")
    p.add_argument("--all-same", action="store_true",
                   help="also every undecided mention with the same normalised spelling")
    p.add_argument("--canonical", metavar="NAME", help="canonical English name of the new entity (new)")
    p.add_argument("--type", choices=ENTITY_TYPES, help="type of the new entity (new)")
    p.add_argument("--teach", action="store_true",
                   help="confirm/correct: make the spelling a glossary spelling even when it is a short form "
                        "that means the entity only in its article (by default those are confirmed, not taught)")
    p.add_argument("--dry-run", action="store_true",
                   help="change nothing: print every link the decision would change, and how")
    p.set_defaults(func=run_decide)

    u = sub.add_parser("undo", parents=[common], help="undo a decision (default: the last one) and its batch")
    u.add_argument("decision", type=DECISION_ID, nargs="?", metavar="DECISION_ID")
    u.set_defaults(func=run_undo)


def run_decide(args) -> int:
    from workbench.review.decisions import decide
    from workbench.errors import UserError
    from workbench.store import open_conn

    if args.action == vocabulary.EDIT_SPAN:
        return _run_span(args)
    if args.end is not None:
        raise UserError(f"END is only for `span`; `{args.action}` takes {'one ENTITY_ID' if args.action == 'correct' else 'none'}")
    if args.entity and args.action != "correct":
        raise UserError(f"ENTITY_ID is only for `correct`; `{args.action}` takes none")
    conn = open_conn(db_arg(args))
    options = dict(entity_id=args.entity, canonical=args.canonical, entity_type=args.type, all_same=args.all_same,
                   teach=args.teach)
    if args.dry_run:
        return print_preview(conn, args.mention, args.action, options)
    out = decide(conn, args.mention, args.action, **options)
    n = len(out.mention_ids)
    print(f"{args.action}: {n} mention(s) {', '.join(map(str, out.mention_ids[:10]))}"
          f"{'...' if n > 10 else ''} -> {out.entity_id or '-'} (decision {out.decision_ids[0]}, batch {out.batch})")
    for note in out.notes:
        print(f"note: {note}")
    return 0


def _offset(text: str | None, name: str) -> int:
    from workbench.errors import UserError

    if text is None:
        raise UserError("span needs START and END: character offsets in the sentence "
                        "(`workbench mentions` prints them), e.g. `workbench decide 12 span 0 14`")
    try:
        value = int(text)
    except ValueError:
        raise UserError(f"span: {name} must be a whole number (a character offset), got {text!r}") from None
    if value < 0:
        raise UserError(f"span: {name} counts characters from 0, got {value}")
    return value


def _run_span(args) -> int:
    from workbench.errors import UserError
    from workbench.review.spans import edit_span
    from workbench.store import open_conn

    for option in ("all_same", "canonical", "type"):
        if getattr(args, option):
            raise UserError(f"--{option.replace('_', '-')} is not for `span`; it moves one mention")
    start, end = _offset(args.entity, "START"), _offset(args.end, "END")
    conn = open_conn(db_arg(args))
    old = conn.execute("SELECT surface, start, end FROM mentions WHERE id = ?", (args.mention,)).fetchone()
    out = edit_span(conn, args.mention, start, end)
    surface, start, end = conn.execute("SELECT surface, start, end FROM mentions WHERE id = ?",
                                       (args.mention,)).fetchone()
    status, score = conn.execute("SELECT status, score FROM links WHERE mention_id = ?", (args.mention,)).fetchone()
    print(f"span: mention {args.mention} {surface!r} {start}-{end} (was {old[0]!r} {old[1]}-{old[2]}) -> "
          f"{out.entity_id or '-'} {status} {score:.2f} (decision {out.decision_ids[0]}, batch {out.batch})")
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
    from workbench.store import open_conn

    conn = open_conn(db_arg(args))
    out = undo(conn, args.decision)
    print(f"undone: {len(out.mention_ids)} mention(s) {', '.join(map(str, out.mention_ids[:10]))} restored "
          f"(batch {out.batch})")
    for note in out.notes:
        print(f"note: {note}")
    return 0
