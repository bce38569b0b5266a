"""``workbench glossary``: import, export, check, list, show, search and write back the glossary."""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.cli import db_arg, usage
from workbench.cli.numbers import count
from workbench.glossary.model import ENTITY_TYPES


def register(sub, common) -> None:
    p = sub.add_parser("glossary", parents=[common], help="import / export / check / list the glossary",
                       description="The curated glossary: entities and their spellings in ar, fr and en.")
    gsub = p.add_subparsers(dest="glossary_command", metavar="ACTION")
    p.set_defaults(func=usage(p))  # `workbench glossary` alone: the actions, exit 2

    imp = gsub.add_parser("import", parents=[common], help="merge glossary files (TOML, CSV ...) into the database",
                          description="Merge glossary files into the database, each file all or nothing: every "
                                      "problem is listed and nothing of that file is written. Importing the "
                                      "same file again changes nothing.")
    imp.add_argument("paths", nargs="*", metavar="FILE", help="glossary files, or folders of them")
    imp.add_argument("--curated", action="store_true", help="the curated glossary that ships with workbench")
    imp.add_argument("--format", help="file format (default: from the file suffix)")
    imp.add_argument("--move", action="store_true",
                     help="a spelling another entity holds is moved to the file's entity (logged) instead of "
                          "stopping the import")
    imp.set_defaults(func=run_import)

    exp = gsub.add_parser("export", parents=[common], help="write the glossary to a file (CSV, TOML ...)")
    exp.add_argument("path", metavar="FILE", help="output file; its suffix gives the format")
    exp.add_argument("--format", help="file format (default: from the file suffix)")
    exp.add_argument("--force", action="store_true", help="overwrite an existing file")
    exp.add_argument("--follow-symlinks", action="store_true",
                     help="FILE is a symbolic link: write the file it points to (without this a link is refused)")
    exp.set_defaults(func=run_export)

    chk = gsub.add_parser("check", parents=[common], help="validate glossary files and list every problem",
                          description="Check glossary files (TOML, CSV, TBX, OmegaT) against the glossary's rules "
                                      "without touching the database; every problem is listed.")
    chk.add_argument("paths", nargs="*", metavar="FILE", help="glossary files or folders")
    chk.add_argument("--curated", action="store_true", help="the curated glossary that ships with workbench")
    chk.add_argument("--format", help="file format (default: from the file suffix)")
    chk.set_defaults(func=run_check)

    lst = gsub.add_parser("list", parents=[common], help="list the entities in the database")
    lst.add_argument("--type", choices=ENTITY_TYPES, help="only this type")
    lst.add_argument("--json", action="store_true", help="one JSON object per entity")
    lst.set_defaults(func=run_list)

    show = gsub.add_parser("show", parents=[common], help="one entity with all its spellings")
    show.add_argument("entity_id", metavar="ID")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=run_show)

    search = gsub.add_parser("search", parents=[common], help="find entities as you would in the picker (any script)")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=count(1, 10_000), default=20, metavar="N",
                        help="at most N entities (default 20)")
    search.set_defaults(func=run_search)

    wb = gsub.add_parser("write-back", parents=[common], help="append learned spellings to the glossary files",
                         description="Append spellings confirmed in review to the TOML files, each with a "
                                     "'# learned <date> <user>' comment; the rest of each file is left as it was.")
    wb.add_argument("--dir", help="folder of the glossary files (default: the curated glossary's folder, "
                                  "workbench/glossary/curated/)")
    wb.add_argument("--new-into", metavar="FILE",
                    help="file for entities no glossary file has yet (default: the only file, else learned.toml)")
    wb.add_argument("--dry-run", action="store_true", help="say what would be written, write nothing")
    wb.set_defaults(func=run_write_back)


def _db(args, create: bool = False):
    """The database; only ``glossary import`` creates a missing one."""
    from workbench.glossary.store import ensure_norms
    from workbench.store import open_db

    conn = open_db(db_arg(args), create=create).conn
    ensure_norms(conn)
    return conn


def _expand(paths, suffixes) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
            if not found:
                from workbench.errors import UserError

                raise UserError(f"{path}: no glossary file ({', '.join(sorted(suffixes))}) in this folder")
            files.extend(found)
        else:
            files.append(path)
    return files


def _files(args, suffixes) -> list[Path]:
    from workbench.errors import UserError
    from workbench.glossary.bundled import bundled_files

    files = bundled_files() if args.curated else []
    if args.curated and not files:
        raise UserError("no curated glossary is installed with this workbench")
    files += _expand(args.paths, suffixes)
    if not files:
        raise UserError("give glossary files (or folders of them), or --curated for the curated glossary")
    return files


def _unambiguous_suffixes() -> set[str]:
    from workbench.glossary import formats

    # in a folder, only formats whose suffix is unambiguous: OmegaT's .txt could be any text file
    return {s for name, f in formats.FORMATS.items() if name != "omegat" for s in f.suffixes}


def run_import(args) -> int:
    from workbench.glossary import formats
    from workbench.glossary.bundled import BUNDLED_DIR, origin_of
    from workbench.glossary.formats import toml as toml_format
    from workbench.glossary.store import merge_file

    files = _files(args, _unambiguous_suffixes())
    # read everything first: a bad file stops the import before anything is written
    tomls = [p for p in files if formats.for_path(p, args.format).name == "toml"]
    if len(tomls) > 1:  # TOML files loaded together: ids and spellings checked across them
        toml_format.read_files(tomls)
    batches = [(path, *_read(formats.for_path(path, args.format), path)) for path in files]
    conn = _db(args, create=True)
    for path, entities, not_names in batches:
        curated = path.resolve().parent == BUNDLED_DIR
        report = merge_file(conn, entities, not_names, origin_of(path) if curated else str(path), move=args.move)
        print(f"{path}: {report.summary()}")
        for note in report.notes:
            print(f"  kept: {note}")
    return 0


def _read(fmt, path: Path) -> tuple[list, list]:
    """A file's entities and non-names (only TOML files carry non-names)."""
    if fmt.carries_not_names:
        from workbench.glossary.formats.toml import read_glossary

        parsed = read_glossary([path])
        return parsed.entities, parsed.not_names
    return fmt.read(path), []


def run_export(args) -> int:
    from workbench.glossary import formats
    from workbench.glossary.export import export_glossary

    formats.for_path(args.path, args.format)  # a bad suffix or format is said before the database is opened
    print(export_glossary(_db(args), args.path, args.format, force=args.force,
                          follow_symlinks=args.follow_symlinks))
    return 0


def run_check(args) -> int:
    from workbench.errors import UserError
    from workbench.glossary import formats
    from workbench.glossary.formats.toml import check_claims

    files = _files(args, _unambiguous_suffixes())
    entities, problems, tomls = [], [], []
    for path in files:
        try:
            fmt = formats.for_path(path, args.format)
            found, bad = fmt.check(path)
        except UserError as exc:  # unreadable file: reported, the other files still checked
            problems.append(_unreadable(str(exc)))
            continue
        entities.extend(found)
        problems.extend(bad)
        if fmt.name == "toml" and not bad:
            tomls.extend(found)
    if len({p for p in files if formats.for_path(p, args.format).name == "toml"}) > 1:
        problems.extend(check_claims(tomls))  # TOML files load together: ids and spellings across them
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        print(problem)
    spellings = sum(len(e.variants) for e in entities)
    print(f"{len(files)} file(s): {len(entities)} entities, {spellings} spellings, {len(problems)} problem(s)",
          file=sys.stderr)
    return 1 if problems else 0


def _unreadable(message: str):
    from workbench.glossary.rules import Problem

    path, _, rest = message.partition(": ")
    return Problem(path, None, rest or message)


def run_list(args) -> int:
    import json

    conn = _db(args)
    sql = """SELECT e.id, e.type, e.canonical_en, e.origin,
                    (SELECT count(*) FROM variants v WHERE v.entity_id = e.id AND v.deleted_at IS NULL),
                    (SELECT count(*) FROM variants v WHERE v.entity_id = e.id AND v.deleted_at IS NULL
                        AND v.learned = 1)
             FROM entities e WHERE e.deleted_at IS NULL"""
    params: tuple = ()
    if args.type:
        sql += " AND e.type = ?"
        params = (args.type,)
    rows = conn.execute(sql + " ORDER BY e.canonical_en COLLATE NOCASE, e.id", params).fetchall()
    if rows and not args.json:
        print(f"{'ID':<40} {'TYPE':<7} {'ORIGIN':<32} CANONICAL")
    for eid, etype, canonical, origin, count, learned in rows:
        if args.json:
            print(json.dumps({"entity_id": eid, "type": etype, "canonical": canonical, "origin": origin,
                              "variants": count, "learned": learned}, ensure_ascii=False))
        else:
            extra = f", {learned} learned" if learned else ""
            print(f"{eid:<40} {etype:<7} {_short(origin):<32} {canonical}  ({count} spellings{extra})")
    if not rows and not args.json:
        print(f"the glossary is empty: `{EMPTY_HINT}` loads the curated glossary", file=sys.stderr)
    return 0


EMPTY_HINT = "workbench glossary import --curated"


def _short(origin: str | None) -> str:
    """An origin that fits the column: a file path is shown by its name."""
    origin = origin or "-"
    return Path(origin).name if ("/" in origin or "\\" in origin) else origin


def run_show(args) -> int:
    import json

    from workbench.errors import UserError
    from workbench.glossary.store import get_entity

    entity = get_entity(_db(args), args.entity_id)
    if entity is None:
        raise UserError(f"no entity {args.entity_id!r}; `workbench glossary list` shows the ids")
    if args.json:
        print(json.dumps({"entity_id": entity.id, "type": entity.type, "canonical": entity.canonical,
                          "origin": entity.origin,
                          "wikidata": entity.wikidata, "note": entity.note,
                          "variants": [{"lang": v.lang, "text": v.text, "source": v.source, "learned": v.learned}
                                       for v in entity.variants]}, ensure_ascii=False))
        return 0
    print(f"{entity.id}  [{entity.type}]  {entity.canonical}")
    print(f"  origin: {entity.origin or '-'}")
    if entity.wikidata:
        print(f"  wikidata: {entity.wikidata}")
    if entity.note:
        print(f"  note: {entity.note}")
    for lang in ("ar", "fr", "en"):
        spellings = [v for v in entity.variants if v.lang == lang]
        if spellings:
            print(f"  {lang}: " + " | ".join(v.text + (" (learned)" if v.learned else "") for v in spellings))
    return 0


def run_search(args) -> int:
    from workbench.names.index import glossary_index

    for c in glossary_index(_db(args)).search(args.text, args.limit):
        print(f"{c.score:.2f}  {c.entity_id:<40} {c.canonical}  ({c.variant})")
    return 0


def run_write_back(args) -> int:
    from workbench.glossary.bundled import BUNDLED_DIR
    from workbench.glossary.write_back import write_back

    report = write_back(_db(args), args.dir or BUNDLED_DIR, new_into=args.new_into, dry_run=args.dry_run)
    print(("would write: " if args.dry_run else "") + report.summary())
    for skipped in report.skipped:
        print(f"  skipped: {skipped}")
    return 0
