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
    p.add_argument("--no-glossary", action="store_true",
                   help="a new database starts with an empty glossary instead of the curated one")
    p.set_defaults(func=run)


def run(args) -> int:
    from workbench.corpus.importer import import_paths
    from workbench.store import open_db

    from workbench.glossary.bundled import seed

    db = open_db(db_arg(args))
    seeded = seed(db.conn, empty=args.no_glossary)
    if seeded is not None and not args.quiet:
        print(f"new database: glossary {'left empty (--no-glossary)' if args.no_glossary else f'started with the curated glossary ({seeded} entities)'}")

    def report(result) -> None:
        if result.error:
            print(f"rejected: {result.error}", file=sys.stderr)
            return
        if args.quiet:
            return
        legacy = f" (decoded as {result.encoding})" if result.encoding not in ("utf-8", "utf-8-sig") else ""
        if result.imported:
            ids = ", ".join(map(str, result.imported[:5])) + ("..." if len(result.imported) > 5 else "")
            print(f"imported: {result.path}: {len(result.imported)} article(s) [{ids}]{legacy}")
        for dup in result.duplicates:
            print(f"skipped: {result.path}: {dup}")

    summary = import_paths(db.conn, args.paths, lang=args.lang, on_file=report)
    if summary.ignored and not args.quiet:
        print(f"ignored: {len(summary.ignored)} file(s) with other extensions in the folders given")
    print(
        f"{summary.imported} article(s) imported, {summary.duplicates} already present, "
        f"{len(summary.rejected)} file(s) rejected"
    )
    return 1 if summary.rejected else 0
