"""Regenerate requirements.lock and requirements-dev.lock from pyproject.toml (needs the package index).

pip resolves pyproject's `dependencies` (then those plus the `dev` extra) against the public package
index for the Python that runs this script, as a dry run, and the exact versions it picks are written
out. Use CPython 3.11 on Linux: the platform the locks are for. argostranslate and camel-tools
(NO_DEPS) are resolved on their own with --no-deps, so that their declared dependencies (stanza,
spacy, torch, ...) stay out; pyproject lists what their used parts import. pip, setuptools and
wheel come with the venv and are left out.

    .venv/bin/python scripts/lock.py   (a venv of CPython 3.11 with packaging installed)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_lean_install import canonical, user_environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NO_DEPS = {"argostranslate", "camel-tools"}
VENV_OWN = {"pip", "setuptools", "wheel"}
# declared by htmldate for its extensive date search, which the HTML reader switches off (dates come
# from the page's metadata): never imported, so left out of the locks
UNUSED = {"dateparser", "pytz", "tzlocal"}

RUNTIME_HEADER = """\
# Runtime lock: every package the workbench imports, exactly pinned, for CPython 3.11 on Linux.
# Installed with --no-deps (README, set-up): argostranslate and camel-tools come WITHOUT their declared
# dependencies (stanza, spacy, torch, transformers, scikit-learn, scipy, pandas, ...), which the
# workbench never imports; what their used parts import is pinned here (see pyproject.toml).
# Written by scripts/lock.py from pyproject.toml; do not edit by hand.
"""
DEV_HEADER = """\
# Development lock: the runtime lock plus the test and lint tools (pyproject's `dev` extra).
# Set-up: pip install --no-deps -r requirements-dev.lock -e .
# Written by scripts/lock.py from pyproject.toml; do not edit by hand.
-r requirements.lock
"""


def resolve(requirements: list[str], *pip_args: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                        "--report", str(report), *pip_args, *requirements],
                       cwd=ROOT, env=user_environment(), check=True)
        installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    return {canonical(i["metadata"]["name"]): i["metadata"]["version"] for i in installs
            if canonical(i["metadata"]["name"]) not in VENV_OWN | UNUSED}


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime_reqs = project["dependencies"]
    dev_reqs = project["optional-dependencies"]["dev"]
    no_deps = [r for r in runtime_reqs if canonical(Requirement(r).name) in NO_DEPS]
    resolved = [r for r in runtime_reqs if canonical(Requirement(r).name) not in NO_DEPS]
    pinned = resolve(no_deps, "--no-deps")
    runtime = resolve(resolved) | pinned
    dev = resolve(resolved + dev_reqs) | pinned
    clashes = {n: (runtime[n], dev[n]) for n in runtime if dev.get(n) != runtime[n]}
    if clashes:
        print(f"runtime and dev resolutions disagree (runtime, dev): {clashes}", file=sys.stderr)
        return 1
    extra = sorted(set(dev) - set(runtime))
    (ROOT / "requirements.lock").write_text(
        RUNTIME_HEADER + "".join(f"{n}=={runtime[n]}\n" for n in sorted(runtime)), encoding="utf-8")
    (ROOT / "requirements-dev.lock").write_text(
        DEV_HEADER + "".join(f"{n}=={dev[n]}\n" for n in extra), encoding="utf-8")
    print(f"requirements.lock: {len(runtime)} packages; requirements-dev.lock: {len(extra)} more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
