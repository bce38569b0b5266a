"""Prove the README's set-up stays lean on a user's machine: no torch, no CUDA, nothing unlocked.

Runs the set-up's pip command as a dry run, as a machine with only the public package index would
(no pip configuration file, no find-links, constraints or extra indexes from the environment), and
reads pip's installation report. Fails when the set-up would install torch, triton or any nvidia-*
package, or any package that the lock files do not pin. Needs the package index (network).

    python scripts/check_lean_install.py [--report FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The README's set-up, less the venv creation.
SETUP = ["install", "--no-deps", "-r", "requirements-dev.lock", "-e", "."]
FORBIDDEN = re.compile(r"^(torch|triton|nvidia-.*)$")
# What a user's shell would not have: these point pip at this machine's own wheels and pins.
MACHINE_PIP_VARIABLES = ("PIP_FIND_LINKS", "PIP_CONSTRAINT", "PIP_EXTRA_INDEX_URL", "PIP_INDEX_URL",
                         "PIP_NO_INDEX", "PIP_REQUIREMENT")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_names(lock: Path) -> set[str]:
    names: set[str] = set()
    for raw in lock.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-r "):
            names |= locked_names(lock.parent / line[3:].strip())
            continue
        names.add(canonical(re.split(r"[=<>!~;\[ ]", line, maxsplit=1)[0]))
    return names


def user_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in MACHINE_PIP_VARIABLES}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


def dry_run(report: Path) -> list[dict]:
    cmd = [sys.executable, "-m", "pip", *SETUP[:1], "--dry-run", "--ignore-installed", "--quiet",
           "--report", str(report), *SETUP[1:]]
    subprocess.run(cmd, cwd=ROOT, env=user_environment(), check=True)
    return json.loads(report.read_text(encoding="utf-8"))["install"]


def problems(names: set[str], locked: set[str]) -> tuple[list[str], list[str]]:
    """(heavy packages, packages outside the lock) among the canonical names pip would install."""
    forbidden = sorted(name for name in names if FORBIDDEN.match(name))
    unlocked = sorted(names - locked - {"workbench"})
    return forbidden, unlocked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, help="keep pip's report in this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        installs = dry_run(args.report or Path(tmp) / "report.json")
    names = {canonical(item["metadata"]["name"]): item["metadata"]["version"] for item in installs}
    forbidden, unlocked = problems(set(names), locked_names(ROOT / "requirements-dev.lock"))
    print(f"lean install check: {len(names)} packages would be installed from the public index")
    if forbidden:
        print(f"FAIL: heavy packages in the set-up: {', '.join(forbidden)}", file=sys.stderr)
    if unlocked:
        print(f"FAIL: packages not pinned in the lock files: {', '.join(unlocked)}", file=sys.stderr)
    return 1 if forbidden or unlocked else 0


if __name__ == "__main__":
    sys.exit(main())
