"""``workbench export``: write the aligned corpus as TMX, JSONL or CSV, with a progress bar."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from workbench.cli import command, db_arg

FORMATS = ("tmx", "jsonl", "csv")
SUFFIX_FORMATS = {".tmx": "tmx", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def register(sub, common) -> None:
    p = command(sub, common, "export", "export sentence pairs with entity spans (TMX, JSONL, CSV)",
                "Export the aligned corpus: one sentence pair per unit/line/row. The file is written "
                "completely or not at all. Formats and fields: docs/export-formats.md.")
    p.add_argument("out", metavar="OUT", help="output file (an existing one needs --force)")
    p.add_argument("--format", choices=FORMATS, dest="fmt",
                   help="file format (default: from the suffix of OUT: .tmx, .jsonl, .csv)")
    p.add_argument("--status", choices=("confirmed", "all"), default="confirmed",
                   help="entity spans to include: confirmed or auto-accepted links (default), or every "
                        "mention with its status")
    p.add_argument("--lang", choices=("ar", "fr"), help="only articles in this language (default: ar and fr)")
    p.add_argument("--canonical", action="store_true",
                   help="also give the English with confirmed names replaced by canonical names "
                        "(TMX: the English side itself)")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="OUT is a symbolic link: write the file it points to (replaced atomically); "
                        "without this a link is refused")
    p.add_argument("--allow-empty", action="store_true",
                   help="write the file even when no sentence pair has English yet (otherwise: exit 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def pick_format(out: str, fmt: str | None) -> str:
    from workbench.errors import UserError

    if fmt:
        return fmt
    suffix = Path(out).suffix.lower()
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    raise UserError(f"{out}: cannot tell the format from the suffix {suffix or '(none)'}; "
                    "pass --format tmx, jsonl or csv")


class ProgressBar:
    """A one-line progress bar on stderr, drawn only on a terminal and at most ten times a second."""

    WIDTH = 30

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        clock = time.monotonic()
        if done < total and clock - self.last < 0.1:
            return
        self.last = clock
        share = done / total if total else 1.0
        filled = int(share * self.WIDTH)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        sys.stderr.write(f"\rexporting [{bar}] {share:4.0%}  {done:,}/{total:,} pairs")
        sys.stderr.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()


def run(args) -> int:
    from workbench.export import export_corpus
    from workbench.store import open_db

    from workbench.store.atomic import follow

    fmt = pick_format(args.out, args.fmt)
    out = str(follow(args.out)) if args.follow_symlinks else args.out
    db = open_db(db_arg(args), create=False)
    bar = ProgressBar(enabled=not args.quiet and sys.stderr.isatty())
    try:
        result = export_corpus(db.conn, out, fmt, status=args.status, lang=args.lang,
                               canonical=args.canonical, force=args.force, on_progress=bar,
                               allow_empty=args.allow_empty)
    except KeyboardInterrupt:
        bar.close()
        print(f"workbench: export interrupted; {args.out} was not written", file=sys.stderr)
        return 130
    bar.close()
    if result.empty:
        print(f"workbench: {result.summary()}", file=sys.stderr)
        return 1
    print(result.summary())
    if result.pairs == 0:
        print("note: the file holds no sentence pair: translate articles first "
              "(English articles are never exported)", file=sys.stderr)
    return 0
