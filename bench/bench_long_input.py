"""Benchmark: a huge text with no sentence punctuation goes through import, translate and align.

Usage: .venv/bin/python bench/bench_long_input.py [--mb 20] [--lang fr ar] [--batch-size 16] [--max-output 256]

For each language, generates a ``--mb`` MB .txt file of random words from a small vocabulary (a few
glossary names among them) with no punctuation and no line break, imports it into a temporary
database, translates it with the tiny random-weight model (devtools/tiny_model.py; it never ends a
sentence, so every output runs to the length cap and is flagged truncated) and aligns it against
the curated glossary. Each step runs in its own process, so its peak RSS (getrusage ru_maxrss) is its
own. Goal: every step under 1 GB peak RSS for 20 MB.

``--max-output`` lowers the decoding cap (default 256 tokens, the real one) to make a 20 MB run
affordable on a busy machine: the tiny model decodes every sentence to the cap, which is what takes
the time, while the memory held per batch does not depend on the file's size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_MB = 1024
VOCAB = {
    "fr": "les forces ont quitté la ville après des combats avec habitants du quartier selon armée "
          "prison attaque combattants province gouvernement ministre frontière sécurité nord sud "
          "Mossoul Daech Hassaké coalition opération militaire responsable local",
    "ar": "قالت القوات إن المسلحين انسحبوا من المدينة بعد اشتباكات مع السكان في الحي الجيش السجن "
          "هجوم مقاتلين محافظة الحكومة وزير الحدود الأمن شمال جنوب الموصل داعش الحسكة التحالف عملية",
}


def generate(path: Path, lang: str, megabytes: float, seed: int = 0) -> int:
    """Write ``megabytes`` MB of space-separated random words (UTF-8), in chunks; return bytes written."""
    rng = random.Random(seed)
    words = VOCAB[lang].split()
    target = int(megabytes * 1_000_000)
    written = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < target:
            chunk = " ".join(rng.choice(words) for _ in range(20_000)) + " "
            data = chunk.encode("utf-8")[: target - written].decode("utf-8", "ignore")
            if not data:  # less room left than one (multi-byte) character
                break
            fh.write(data)
            written += len(data.encode("utf-8"))
    return written


# ---- the steps, each run in a child process -----------------------------------------------------------


def step_import(db_path: str, file: str, lang: str) -> dict:
    from workbench.corpus.importer import import_paths
    from workbench.glossary.bundled import bundled_files, load_files
    from workbench.store import open_db

    db = open_db(db_path)
    load_files(db.conn, bundled_files())
    summary = import_paths(db.conn, [file], lang=lang)
    assert not summary.rejected, [f.error for f in summary.rejected]
    longest = db.execute("SELECT max(length(text)) FROM segments").fetchone()[0]
    return {"segments": db["segments"].count, "longest segment (chars)": longest}


def step_translate(db_path: str, batch_size: int, max_output: int) -> dict:
    from workbench.store import open_db
    from workbench.translate import runner
    from workbench.translate.engine import DecodeOptions

    db = open_db(db_path)
    result = runner.translate(db.conn, batch_size=batch_size, options=DecodeOptions(hard_cap=max_output))
    assert result.status == "done", result.summary()
    return {"translated": result.done, "truncated (cap hit)": result.truncated}


def step_align(db_path: str) -> dict:
    from workbench.align.run import align_articles
    from workbench.store import open_db

    db = open_db(db_path)
    calls = []
    summary = align_articles(db.conn, progress=lambda done, total, _a: calls.append((done, total)))
    return {"pairs": summary.pairs, "mentions": summary.mentions, "progress reports": len(calls),
            "last report": list(calls[-1]) if calls else None}


def child(args) -> None:
    started = time.perf_counter()
    if args.step == "import":
        info = step_import(args.db, args.file, args.lang[0])
    elif args.step == "translate":
        info = step_translate(args.db, args.batch_size, args.max_output)
    else:
        info = step_align(args.db)
    info["seconds"] = round(time.perf_counter() - started, 1)
    info["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(info, ensure_ascii=False))


def run_step(step: str, db: Path, file: Path, lang: str, args) -> dict:
    cmd = [sys.executable, __file__, "--step", step, "--db", str(db), "--file", str(file),
           "--lang", lang, "--batch-size", str(args.batch_size), "--max-output", str(args.max_output)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of each generated file in MB (UTF-8)")
    parser.add_argument("--lang", nargs="+", default=["fr", "ar"], choices=["fr", "ar"])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--max-output", type=int, default=256, help="decoding cap in tokens (default 256)")
    parser.add_argument("--step", choices=["import", "translate", "align"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        child(args)
        return

    os.environ.setdefault("WORKBENCH_THREADS", "1")  # the tiny model runs fastest on one thread
    with tempfile.TemporaryDirectory(prefix="bench-long-") as tmp:
        tmp_path = Path(tmp)
        os.environ["ARGOS_PACKAGES_DIR"] = str(tmp_path / "packages")
        from devtools.tiny_model import build_archive
        from workbench.translate.packages import install_archive

        for lang in args.lang:
            install_archive(build_archive(tmp_path, lang, "en"))
        print(f"{args.mb:g} MB per file, no punctuation; tiny model, batch {args.batch_size}, "
              f"output cap {args.max_output} tokens, "
              f"{os.environ['WORKBENCH_THREADS']} thread(s); goal: peak RSS < {GOAL_MB} MB per step")
        worst = 0
        for lang in args.lang:
            file = tmp_path / f"long-{lang}.txt"
            size = generate(file, lang, args.mb)
            db = tmp_path / f"bench-{lang}.db"
            print(f"\n[{lang}] {size / 1e6:.1f} MB, {len(file.read_text(encoding='utf-8')):,} characters")
            for step in ("import", "translate", "align"):
                info = run_step(step, db, file, lang, args)
                worst = max(worst, info["peak_rss_mb"])
                extra = ", ".join(f"{k} {v}" for k, v in info.items() if k not in ("seconds", "peak_rss_mb"))
                print(f"  {step:<9} {info['seconds']:>8.1f} s  peak RSS {info['peak_rss_mb']:>5} MB  ({extra})",
                      flush=True)
        print(f"\nworst peak RSS {worst} MB: {'OK' if worst < GOAL_MB else 'OVER'} (goal < {GOAL_MB} MB)")


if __name__ == "__main__":
    main()
