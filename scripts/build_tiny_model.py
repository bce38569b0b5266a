"""Build a random-weight Argos package (.argosmodel) for trying the install and translate paths.

Usage: .venv/bin/python scripts/build_tiny_model.py [--from fr] [--out DIR_OR_FILE] [--base]
Output is gibberish by design: the package exercises the mechanics, not translation quality.
Install it with `workbench models add FILE.argosmodel`.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from devtools.tiny_model import BASE, TINY, build_archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="from_code", default="fr", choices=["ar", "fr"], help="source language")
    parser.add_argument("--out", type=Path, default=Path("."), help="output file or folder (default: .)")
    parser.add_argument("--version", default="0.1", help="package_version written to metadata.json")
    parser.add_argument("--base", action="store_true",
                        help="transformer-base dimensions (6+6 layers, d_model 512): ~60 MB, slower to build")
    args = parser.parse_args()
    started = time.perf_counter()
    path = build_archive(args.out, args.from_code, "en", dims=BASE if args.base else TINY, version=args.version)
    print(f"{path} ({path.stat().st_size / 1024:.0f} KB) built in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
