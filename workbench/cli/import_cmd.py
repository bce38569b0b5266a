"""``workbench import``: bring articles into the database."""

from __future__ import annotations

import sys

from workbench.cli import command, db_arg
from workbench.config import LANGS


def register(sub, common) -> None:
    p = command(sub, common, "import", "import .txt, .md, .html and .jsonl files or folders",
                "Import articles. Each file is all-or-nothing; content already imported is skipped. "
                "A new database also gets the curated glossary (unless --no-glossary).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("--lang", choices=LANGS, help="language of every article (skips detection)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")
    p.add_argument("--max-file-size", metavar="SIZE",
                   help="refuse files larger than this (50MB, 200k ...; default 50MB or WORKBENCH_MAX_FILE_SIZE)")
    p.add_argument("--max-html-elements", metavar="N", type=int,
                   help="refuse HTML files with more tags than this (default 50000 or WORKBENCH_MAX_HTML_ELEMENTS)")
    p.add_argument("--max-json-depth", metavar="N", type=int,
                   help="refuse JSONL lines nested deeper than this (default 100 or WORKBENCH_MAX_JSON_DEPTH)")
    p.add_argument("--no-glossary", action="store_true",
                   help="a new database starts with an empty glossary instead of the curated one")
    p.set_defaults(func=run)


def _limits(args):
    from workbench.corpus.limits import from_env
    from workbench.errors import UserError
    from workbench.store.reading import parse_size

    size = None
    if args.max_file_size is not None:
        try:
            size = parse_size(args.max_file_size)
        except ValueError:
            raise UserError(f"--max-file-size {args.max_file_size!r}: not a size; write it as 50MB, 200k "
                            "or a number of bytes") from None
    for option, value in (("--max-html-elements", args.max_html_elements),
                          ("--max-json-depth", args.max_json_depth)):
        if value is not None and value <= 0:
            raise UserError(f"{option} {value}: give a positive number")
    return from_env(max_file_size=size, max_html_elements=args.max_html_elements,
                    max_json_depth=args.max_json_depth)


def run(args) -> int:
    from workbench.corpus.importer import import_paths
    from workbench.errors import shown
    from workbench.store import open_db

    limits = _limits(args)

    from workbench.glossary.bundled import seed

    db = open_db(db_arg(args))
    seeded = seed(db.conn, empty=args.no_glossary)
    if seeded is not None and not args.quiet:
        print(f"new database: glossary {'left empty (--no-glossary)' if args.no_glossary else f'started with the curated glossary ({seeded} entities)'}")

    def report(result) -> None:
        if result.error:
            print(f"rejected: {result.error}", file=sys.stderr)
            return
        for warning in result.warnings:
            print(f"warning: {shown(result.path)}: {warning}", file=sys.stderr)
        if args.quiet:
            return
        legacy = f" (decoded as {result.encoding})" if result.encoding not in ("utf-8", "utf-8-sig") else ""
        if result.imported:
            ids = ", ".join(map(str, result.imported[:5])) + ("..." if len(result.imported) > 5 else "")
            print(f"imported: {shown(result.path)}: {len(result.imported)} article(s) [{ids}]{legacy}")
        for dup in result.duplicates:
            print(f"skipped: {shown(result.path)}: {dup}")

    summary = import_paths(db.conn, args.paths, lang=args.lang, on_file=report, limits=limits)
    if summary.ignored and not args.quiet:
        print(f"ignored: {len(summary.ignored)} file(s) with other extensions in the folders given")
    print(
        f"{summary.imported} article(s) imported, {summary.duplicates} already present, "
        f"{len(summary.rejected)} file(s) rejected"
    )
    return 1 if summary.rejected else 0
