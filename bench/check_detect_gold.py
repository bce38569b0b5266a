"""Check the name-detection gold set against the texts it was annotated on, and print its counts.

    .venv/bin/python bench/check_detect_gold.py TEXTS_DIR
    .venv/bin/python bench/check_detect_gold.py TEXTS_DIR --glossary workbench/glossary/curated/iraq-syria-security.toml

The texts are not in the repository (see bench/data/README-detect.md): TEXTS_DIR holds one UTF-8 file
per source, <id>.txt, fetched by the user from the addresses in bench/data/detect_sources.tsv.

Checks, for every row of bench/data/detect_gold.tsv: the id is a source; start/end are Python string
offsets (code points) with text[start:end] == surface; type is person, place or org; in_glossary is
0 or 1 and entity_id is set exactly when it is 1 (and, with --glossary, names a table of that file
whose type matches); no two mentions of one text overlap; no duplicate rows. A text whose file is
missing is reported and its rows are not checked. Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
TYPES = ("person", "place", "org")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_glossary(path: Path) -> dict[str, str]:
    import tomllib

    with path.open("rb") as f:
        data = tomllib.load(f)
    return {eid: ent.get("type", "") for eid, ent in data.items() if isinstance(ent, dict)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts_dir", type=Path)
    ap.add_argument("--sources", type=Path, default=DATA / "detect_sources.tsv")
    ap.add_argument("--gold", type=Path, default=DATA / "detect_gold.tsv")
    ap.add_argument("--glossary", type=Path, default=None, help="also check entity ids against this TOML glossary")
    args = ap.parse_args(argv)

    sources = {r["id"]: r for r in read_tsv(args.sources)}
    gold = read_tsv(args.gold)
    glossary = load_glossary(args.glossary) if args.glossary else None

    errors: list[str] = []
    texts: dict[str, str] = {}
    missing: list[str] = []
    for sid in sources:
        p = args.texts_dir / f"{sid}.txt"
        if p.is_file():
            texts[sid] = p.read_text(encoding="utf-8")
        else:
            missing.append(sid)

    seen: set[tuple[str, int, int]] = set()
    spans: dict[str, list[tuple[int, int, int]]] = collections.defaultdict(list)
    checked = 0
    for n, r in enumerate(gold, start=2):  # line numbers, header is line 1
        where = f"line {n} ({r.get('id')} {r.get('start')}-{r.get('end')} {r.get('surface')!r})"
        sid = r["id"]
        if sid not in sources:
            errors.append(f"{where}: id not in sources")
            continue
        try:
            start, end = int(r["start"]), int(r["end"])
        except ValueError:
            errors.append(f"{where}: start/end are not integers")
            continue
        if not 0 <= start < end:
            errors.append(f"{where}: bad offsets")
        if r["type"] not in TYPES:
            errors.append(f"{where}: type {r['type']!r}")
        if r["in_glossary"] not in ("0", "1"):
            errors.append(f"{where}: in_glossary {r['in_glossary']!r}")
        elif (r["in_glossary"] == "1") != bool(r["entity_id"]):
            errors.append(f"{where}: entity_id must be set exactly when in_glossary is 1")
        if glossary is not None and r["entity_id"]:
            if r["entity_id"] not in glossary:
                errors.append(f"{where}: entity_id {r['entity_id']!r} not in the glossary")
            elif glossary[r["entity_id"]] != r["type"]:
                errors.append(f"{where}: type {r['type']} but glossary says {glossary[r['entity_id']]}")
        if (sid, start, end) in seen:
            errors.append(f"{where}: duplicate row")
        seen.add((sid, start, end))
        spans[sid].append((start, end, n))
        if sid in texts:
            got = texts[sid][start:end]
            if got != r["surface"]:
                errors.append(f"{where}: text has {got!r}")
            checked += 1

    for sid, ss in spans.items():
        ss.sort()
        for (s1, e1, n1), (s2, e2, n2) in zip(ss, ss[1:]):
            if s2 < e1:
                errors.append(f"{sid}: lines {n1} and {n2} overlap")

    # Counts
    def lang_split(r: dict[str, str]) -> tuple[str, str]:
        src = sources.get(r["id"], {})
        return src.get("lang", "?"), src.get("split", "?")

    print(f"sources: {len(sources)}  texts found: {len(texts)}  mentions: {len(gold)}  offsets checked: {checked}")
    tcount = collections.Counter((s["lang"], s["split"]) for s in sources.values())
    print("\ntexts per language/split")
    for (lang, split), c in sorted(tcount.items()):
        print(f"  {lang:3} {split:8} {c:4}")
    print("\nmentions per language/split/type/in_glossary")
    c4 = collections.Counter((*lang_split(r), r["type"], r["in_glossary"]) for r in gold)
    for k, c in sorted(c4.items()):
        print(f"  {k[0]:3} {k[1]:8} {k[2]:7} glossary={k[3]} {c:5}")
    for name, key in (
        ("language", lambda r: lang_split(r)[0]),
        ("split", lambda r: lang_split(r)[1]),
        ("language/split", lambda r: "/".join(lang_split(r))),
        ("type", lambda r: r["type"]),
        ("in_glossary", lambda r: r["in_glossary"]),
    ):
        cc = collections.Counter(key(r) for r in gold)
        print(f"\nmentions per {name}: " + ", ".join(f"{k}={v}" for k, v in sorted(cc.items())))
    ents = collections.Counter(r["entity_id"] for r in gold if r["entity_id"])
    print(f"\ndistinct glossary entities mentioned: {len(ents)}")

    if missing:
        print(f"\nMISSING texts (rows not checked): {', '.join(missing)}", file=sys.stderr)
    if errors:
        print(f"\n{len(errors)} ERRORS", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    if missing:
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
