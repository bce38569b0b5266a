"""``workbench glossary``: import, export, check, list, show, search and write back the glossary."""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.cli import db_arg, usage


def register(sub, common) -> None:
    p = sub.add_parser("glossary", parents=[common], help="import / export / check / list the glossary",
                       description="The curated glossary: entities and their spellings in ar, fr and en.")
    gsub = p.add_subparsers(dest="glossary_command", metavar="ACTION")
    p.set_defaults(func=usage(p))  # `workbench glossary` alone: the actions, exit 2

    imp = gsub.add_parser("import", parents=[common], help="merge glossary files (TOML, CSV ...) into the database",
                          description="Merge glossary files into the database. Importing the same file again "
                                      "changes nothing; conflicts are reported and left as they are.")
    imp.add_argument("paths", nargs="+", metavar="FILE", help="glossary files, or folders of them (e.g. glossaries/)")
    imp.add_argument("--format", help="file format (default: from the file suffix)")
    imp.set_defaults(func=run_import)

    exp = gsub.add_parser("export", parents=[common], help="write the glossary to a file (CSV, TOML ...)")
    exp.add_argument("path", metavar="FILE", help="output file; its suffix gives the format")
    exp.add_argument("--format", help="file format (default: from the file suffix)")
    exp.add_argument("--force", action="store_true", help="overwrite an existing file")
    exp.set_defaults(func=run_export)

    chk = gsub.add_parser("check", parents=[common], help="validate glossary files and list every problem")
    chk.add_argument("paths", nargs="+", metavar="FILE", help="TOML glossary files or folders")
    chk.set_defaults(func=run_check)

    lst = gsub.add_parser("list", parents=[common], help="list the entities in the database")
    lst.add_argument("--type", choices=("person", "place", "org", "other"), help="only this type")
    lst.add_argument("--json", action="store_true", help="one JSON object per entity")
    lst.set_defaults(func=run_list)

    show = gsub.add_parser("show", parents=[common], help="one entity with all its spellings")
    show.add_argument("entity_id", metavar="ID")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=run_show)

    search = gsub.add_parser("search", parents=[common], help="find entities as you would in the picker (any script)")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int, default=20)
    search.set_defaults(func=run_search)

    wb = gsub.add_parser("write-back", parents=[common], help="append learned spellings to the glossary files",
                         description="Append spellings confirmed in review to the TOML files, each with a "
                                     "'# learned <date> <user>' comment; the rest of each file is left as it was.")
    wb.add_argument("--dir", default="glossaries", help="folder of the glossary files (default: glossaries)")
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


def run_import(args) -> int:
    from workbench.glossary import formats
    from workbench.glossary.formats import toml as toml_format
    from workbench.glossary.store import merge_entities

    # in a folder, only formats whose suffix is unambiguous: OmegaT's .txt could be any text file
    suffixes = {s for name, f in formats.FORMATS.items() if name != "omegat" for s in f.suffixes}
    files = _expand(args.paths, suffixes)
    # read everything first: a bad file stops the import before anything is written
    batches = []
    tomls = [p for p in files if formats.for_path(p, args.format).name == "toml"]
    if len(tomls) > 1:  # TOML files loaded together: ids and spellings checked across them
        toml_format.read_files(tomls)
    for path in files:
        batches.append((path, formats.for_path(path, args.format).read(path)))
    conn = _db(args, create=True)
    status = 0
    for path, entities in batches:
        report = merge_entities(conn, entities, str(path))
        print(f"{path}: {report.summary()}")
        for conflict in report.conflicts:
            print(f"  conflict: {conflict}")
        if report.conflicts:
            status = 1
    return status


def run_export(args) -> int:
    from workbench.store.atomic import check_target
    from workbench.glossary import formats
    from workbench.glossary.store import load_entities

    fmt = formats.for_path(args.path, args.format)
    check_target(args.path, args.force)
    entities = load_entities(_db(args))
    fmt.write(entities, args.path, force=args.force)
    spellings = sum(len(e.variants) for e in entities)
    print(f"{args.path}: {len(entities)} entities, {spellings} spellings written ({fmt.name})")
    return 0


def run_check(args) -> int:
    from workbench.glossary.formats.toml import check_files

    files = _expand(args.paths, {".toml"})
    entities, problems = check_files(files)
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        print(problem)
    spellings = sum(len(e.variants) for e in entities)
    print(f"{len(files)} file(s): {len(entities)} valid entities, {spellings} spellings, {len(problems)} problem(s)",
          file=sys.stderr)
    return 1 if problems else 0


def run_list(args) -> int:
    import json

    conn = _db(args)
    sql = """SELECT e.id, e.type, e.canonical_en,
                    (SELECT count(*) FROM variants v WHERE v.entity_id = e.id AND v.deleted_at IS NULL),
                    (SELECT count(*) FROM variants v WHERE v.entity_id = e.id AND v.deleted_at IS NULL
                        AND v.learned = 1)
             FROM entities e WHERE e.deleted_at IS NULL"""
    params: tuple = ()
    if args.type:
        sql += " AND e.type = ?"
        params = (args.type,)
    rows = conn.execute(sql + " ORDER BY e.canonical_en COLLATE NOCASE, e.id", params).fetchall()
    for eid, etype, canonical, count, learned in rows:
        if args.json:
            print(json.dumps({"entity_id": eid, "type": etype, "canonical": canonical, "variants": count,
                              "learned": learned}, ensure_ascii=False))
        else:
            extra = f", {learned} learned" if learned else ""
            print(f"{eid:<40} {etype:<7} {canonical}  ({count} spellings{extra})")
    if not rows and not args.json:
        print("the glossary is empty: `workbench glossary import glossaries/` loads the curated files",
              file=sys.stderr)
    return 0


def run_show(args) -> int:
    import json

    from workbench.errors import UserError
    from workbench.glossary.store import get_entity

    entity = get_entity(_db(args), args.entity_id)
    if entity is None:
        raise UserError(f"no entity {args.entity_id!r}; `workbench glossary list` shows the ids")
    if args.json:
        print(json.dumps({"entity_id": entity.id, "type": entity.type, "canonical": entity.canonical,
                          "wikidata": entity.wikidata, "note": entity.note,
                          "variants": [{"lang": v.lang, "text": v.text, "source": v.source, "learned": v.learned}
                                       for v in entity.variants]}, ensure_ascii=False))
        return 0
    print(f"{entity.id}  [{entity.type}]  {entity.canonical}")
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
    from workbench.glossary.write_back import write_back

    report = write_back(_db(args), args.dir, new_into=args.new_into, dry_run=args.dry_run)
    print(("would write: " if args.dry_run else "") + report.summary())
    for skipped in report.skipped:
        print(f"  skipped: {skipped}")
    return 0
