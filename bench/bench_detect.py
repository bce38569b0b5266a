"""Benchmark: names found and linked in real news, against hand annotations, beside a plain glossary lookup.

Usage: .venv/bin/python bench/bench_detect.py TEXTS_DIR [bench/data/detect_gold.tsv]
       [--split dev|dev2|...|dev10|heldout|all] [--lang ar|fr] [-v]

TEXTS_DIR holds the article texts (<id>.txt, see bench/data/README-detect.md; they are not in the
repository). Each text is imported as an article in a fresh database with the bundled glossary, then
aligned (no translation: source side only). A detection counts when its span is exactly a gold span.

Printed per language, for the workbench and for a plain glossary lookup (exact spellings only):
- recall of names in the glossary, and of names not in it;
- precision of all detections (a detection is right when it is exactly a gold span);
- glossary names linked to the right entity (accepted or suggested, out of those in the glossary);
- wrong accepted links (accepted links to a wrong entity, out of all gold mentions);
- names not in the glossary proposed as new (status new) rather than linked.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def predict(texts: dict[str, tuple[str, str]]) -> dict[str, list[dict]]:
    """Import and align every text; source-side mentions per text id, with offsets into the text."""
    from workbench.align.run import align_articles
    from workbench.corpus.importer import import_paths
    from workbench.glossary.bundled import bundled_files, load_files
    from workbench.store import implied
    from workbench.store.article_text import expression
    from workbench.store.db import open_db

    tmp = Path(tempfile.mkdtemp())
    db = open_db(tmp / "detect.db")
    conn = db.conn
    load_files(conn, bundled_files())
    ids = {}
    for tid, (lang, text) in texts.items():
        path = tmp / f"{tid}.jsonl"
        path.write_text(json.dumps({"text": text, "lang": lang, "title": tid}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        summary = import_paths(conn, [path])
        if summary.rejected:
            raise SystemExit(f"{tid}: not imported: {summary.rejected[0].error}")
        ids[tid] = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    align_articles(conn, list(ids.values()))
    out: dict[str, list[dict]] = {}
    for tid, aid in ids.items():
        stored = conn.execute(f"SELECT {expression()} FROM articles a WHERE a.id = ?", (aid,)).fetchone()[0]
        shift = texts[tid][1].find(stored[:40])
        rows = conn.execute(
            f"""SELECT s.start + m.start + m.prefix, s.start + m.end, substr(m.surface, m.prefix + 1), {implied.detector()},
                      l.entity_id, l.status, json_extract(l.proposal, '$.confidence')
               FROM mentions m JOIN segments s ON s.id = m.segment_id LEFT JOIN links l ON l.mention_id = m.id
               WHERE s.article_id = ? AND m.side = 'source'""", (aid,)).fetchall()
        out[tid] = [dict(start=a + shift, end=b + shift, surface=sf, detector=d, entity=e, status=st, confidence=sc)
                    for a, b, sf, d, e, st, sc in rows]
    return out


def baseline(texts: dict[str, tuple[str, str]]) -> dict[str, list[dict]]:
    """A plain glossary lookup: exact spellings (longest match, proclitics), one entity or none."""
    from workbench.align.detect_source import GLOSSARY_LANGS, glossary_mentions
    from workbench.align.spans import Segment
    from workbench.glossary.bundled import bundled_files, load_files
    from workbench.names.index import GlossaryIndex
    from workbench.store.db import open_db
    from workbench.text.segment import split
    from workbench.text.tokens import words

    db = open_db(Path(tempfile.mkdtemp()) / "base.db")
    load_files(db.conn, bundled_files())
    lexicon = GlossaryIndex.from_db(db.conn).lookup
    out: dict[str, list[dict]] = {}
    for tid, (lang, text) in texts.items():
        rows = []
        for start, end in _sentences(split, text, lang):
            sentence = text[start:end]
            tokens = words(sentence)
            seg = Segment(0, sentence, 0, tokens, [False] * len(tokens))
            for f in glossary_mentions("source", seg, lang, GLOSSARY_LANGS[lang], lexicon, len(sentence) or 1):
                ids = f.entity_ids
                rows.append(dict(start=start + f.start + f.prefix, end=start + f.end, surface=f.stem, detector="glossary",
                                 entity=ids[0] if len(ids) == 1 else None,
                                 status="accepted" if len(ids) == 1 else "suggested"))
        out[tid] = rows
    return out


def _sentences(split, text: str, lang: str):
    spans = split(text, lang)
    for item in spans:
        if isinstance(item, tuple):
            yield item[0], item[1]
        else:
            yield item.start, item.end


def score(gold: list[dict], predicted: dict[str, list[dict]], langs: dict[str, str]) -> dict[str, dict]:
    by_lang: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    gold_by_text: dict[str, dict[tuple[int, int], dict]] = defaultdict(dict)
    for g in gold:
        gold_by_text[g["id"]][(int(g["start"]), int(g["end"]))] = g
    for tid, spans in gold_by_text.items():
        s = by_lang[langs[tid]]
        pred = {(p["start"], p["end"]): p for p in predicted.get(tid, [])}
        s["detections"] += len(pred)
        s["right_detections"] += sum(1 for k in pred if k in spans)
        for k, g in spans.items():
            known = g["in_glossary"] == "1"
            s["gold_known" if known else "gold_unknown"] += 1
            p = pred.get(k)
            if p is None:
                continue
            if known:
                s["found_known"] += 1
                if p["entity"] == g["entity_id"] and p["status"] in ("accepted", "confirmed", "suggested"):
                    s["linked_right"] += 1
            else:
                s["found_unknown"] += 1
                if p["status"] == "new":
                    s["proposed_new"] += 1
            if p["status"] in ("accepted", "confirmed") and p["entity"] and p["entity"] != g["entity_id"]:
                s["wrong_accepted"] += 1
    return by_lang


def report(name: str, by_lang: dict[str, dict]) -> None:
    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "   - "

    for lang in sorted(by_lang):
        s = by_lang[lang]
        gold_all = s["gold_known"] + s["gold_unknown"]
        print(f"{name:<10} {lang}  glossary names found {pct(s['found_known'], s['gold_known'])}"
              f"  linked right {pct(s['linked_right'], s['gold_known'])}")
        print(f"{'':<10} {lang}  names not in glossary found {pct(s['found_unknown'], s['gold_unknown'])}"
              f"  proposed as new {pct(s['proposed_new'], s['found_unknown'])}")
        print(f"{'':<10} {lang}  precision {pct(s['right_detections'], s['detections'])}"
              f"  wrong accepted links {pct(s['wrong_accepted'], gold_all)}")


def calibration(gold: list[dict], predicted: dict[str, list[dict]], langs: dict[str, str]) -> None:
    """Print, per language and confidence band, the share of names proposed as new whose span is a gold name."""
    spans = {(g["id"], int(g["start"]), int(g["end"])) for g in gold}
    bands: dict[tuple[str, float], list[int]] = defaultdict(lambda: [0, 0])
    for tid, rows in predicted.items():
        for p in rows:
            if p["status"] != "new":
                continue
            band = min(int((p["confidence"] or 0) * 10), 9) / 10
            tally = bands[langs[tid], band]
            tally[0] += 1
            tally[1] += (tid, p["start"], p["end"]) in spans
    print("names proposed as new, by the confidence of their cue: language, band, proposals, share that are gold names")
    for (lang, band), (n, right) in sorted(bands.items()):
        print(f"   {lang}  {band:.1f}-{band + 0.1:.1f}  {n:5d}  {100 * right / n:5.1f}%")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", type=Path)
    ap.add_argument("gold", type=Path, nargs="?", default=DATA / "detect_gold.tsv")
    splits = sorted({r["split"] for r in read_tsv(DATA / "detect_sources.tsv")}, key=lambda s: (len(s), s))
    ap.add_argument("--split", choices=(*splits, "all"), default="dev",
                    help="the texts of one split of detect_sources.tsv (dev, dev2 ... heldout), or all")
    ap.add_argument("--lang", choices=("ar", "fr"), help="the texts of one language only")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, extras and wrong links")
    ap.add_argument("--calibration", action="store_true",
                    help="how often a name proposed as new is a gold name, by the confidence of its cue")
    args = ap.parse_args()
    os.environ.setdefault("WORKBENCH_USER", "bench")
    sources = [r for r in read_tsv(DATA / "detect_sources.tsv")
               if args.split in ("all", r["split"]) and args.lang in (None, r["lang"])]
    texts, langs = {}, {}
    for r in sources:
        path = args.texts / f"{r['id']}.txt"
        if not path.exists():
            raise SystemExit(f"{path}: missing; see bench/data/README-detect.md for how to fetch the texts")
        texts[r["id"]] = (r["lang"], path.read_text(encoding="utf-8"))
        langs[r["id"]] = r["lang"]
    gold = [g for g in read_tsv(args.gold) if g["id"] in texts]
    predicted = predict(texts)
    base = baseline(texts)
    print(f"{len(texts)} texts ({args.split}), {len(gold)} gold mentions")
    report("workbench", score(gold, predicted, langs))
    report("lookup", score(gold, base, langs))
    if args.calibration:
        calibration(gold, predicted, langs)
    if args.verbose:
        gold_keys = {(g["id"], int(g["start"]), int(g["end"])): g for g in gold}
        for tid, spans in predicted.items():
            for p in spans:
                if (tid, p["start"], p["end"]) not in gold_keys:
                    print(f"   extra   {tid} {p['surface']!r} [{p['detector']}] -> {p['entity']} {p['status']}")
            for p in spans:  # found right, linked wrong: a new name not proposed as new, a glossary name elsewhere
                g = gold_keys.get((tid, p["start"], p["end"]))
                if g and (p["entity"] != (g["entity_id"] or None) or (p["status"] == "new") != (g["in_glossary"] == "0")):
                    print(f"   linked  {tid} {p['surface']!r} -> {p['entity']} {p['status']}"
                          f" (gold {g['entity_id'] or 'new'} {g['type']})")
        pred_keys = {(tid, p["start"], p["end"]) for tid, spans in predicted.items() for p in spans}
        for k, g in gold_keys.items():
            if k not in pred_keys:
                print(f"   missed  {g['id']} {g['surface']!r} {g['type']} glossary={g['in_glossary']}")


if __name__ == "__main__":
    main()
