"""``workbench match``: glossary entities for a name, one query or a stream of ``LANG<TAB>TEXT`` lines."""

from __future__ import annotations

import sys

from workbench.cli import command, db_arg
from workbench.cli.numbers import count
from workbench.config import LANGS


def register(sub, common) -> None:
    p = command(sub, common, "match", "which glossary entities a name may be (any script)",
                "Match a name against the glossary in the database. With --stdin, read lines "
                "LANG<TAB>TEXT and write one JSON object per line, in order.")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the name to match")
    p.add_argument("--lang", choices=LANGS, help="language of TEXT (default: ar for Arabic script, else en)")
    p.add_argument("--top", type=count(1, 1000), default=5, metavar="N", help="at most N candidates (default 5)")
    p.add_argument("--json", action="store_true", help="one JSON object per query")
    p.add_argument("--stdin", action="store_true", help="read LANG<TAB>TEXT lines from standard input")
    p.set_defaults(func=run)


def _record(text: str, lang: str | None, candidates, error: str | None = None) -> dict:
    from dataclasses import asdict

    record = {"query": text, "lang": lang, "candidates": [asdict(c) for c in candidates]}
    if error:
        record["error"] = error
    return record


def _guess_lang(text: str) -> str:
    from workbench.names.normalize import is_arabic

    return "ar" if is_arabic(text) else "en"


def run(args) -> int:
    import json

    from workbench.errors import UserError
    from workbench.glossary.store import ensure_norms
    from workbench.names.index import glossary_index
    from workbench.store import open_conn

    if args.stdin == (args.text is not None):
        raise UserError("give either a TEXT to match or --stdin (not both, not neither)")
    if args.top < 1:
        raise UserError("--top must be at least 1")
    conn = open_conn(db_arg(args))
    ensure_norms(conn)
    matcher = glossary_index(conn).matcher
    if not matcher.entity_ids:
        print("workbench: note: the glossary is empty; `workbench glossary import --curated` loads the curated one",
              file=sys.stderr)
    if not args.stdin:
        lang = args.lang or _guess_lang(args.text)
        candidates = matcher.match(args.text, lang, top=args.top)
        if args.json:
            print(json.dumps(_record(args.text, lang, candidates), ensure_ascii=False))
        else:
            _print_human(args.text, lang, candidates)
        return 0
    status = 0
    out = sys.stdout
    for number, raw in enumerate(sys.stdin, start=1):
        line = raw.rstrip("\r\n")
        lang, sep, text = line.partition("\t")
        if not sep:  # no tab: the whole line is the text, in --lang or guessed
            lang, text = (args.lang or _guess_lang(line)), line
        lang = lang.strip()
        error = None
        if lang not in LANGS:
            error = f"line {number}: unknown language {lang!r} (expected ar, fr or en before a tab)"
        elif not text.strip():
            error = f"line {number}: no text to match"
        if error:
            status = 1
            record = _record(text, lang, [], error)
        else:
            record = _record(text, lang, matcher.match(text, lang, top=args.top))
        if args.json:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _print_human(text, lang, [_Shown(c) for c in record["candidates"]], error)
        out.flush()
    return status


class _Shown:
    """A candidate dict seen as an object, for the human printer."""

    def __init__(self, data: dict) -> None:
        self.__dict__.update(data)


def _print_human(text: str, lang: str, candidates, error: str | None = None) -> None:
    print(f"{text}  [{lang}]")
    if error:
        print(f"  error: {error}")
        return
    if not candidates:
        print("  no plausible entity")
    for c in candidates:
        mark = "accept" if c.accepted else "review"
        print(f"  {c.score:.2f} {mark}  {c.entity_id}  ({c.canonical})")
        print(f"        {c.why}")
