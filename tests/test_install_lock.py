"""The lock files that the README's set-up installs agree with pyproject.toml and stay lean."""

from __future__ import annotations

import importlib.util
import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

# Never in the set-up: CUDA builds and the NLP stacks argostranslate and camel-tools declare but the
# workbench does not import (camel-tools' neural parts are the optional `ner` extra).
HEAVY = re.compile(r"^(torch|triton|nvidia-.*|stanza|spacy|transformers|scikit-learn|scipy|pandas|minisbd|"
                   r"onnxruntime)$")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!-]+)$")


def read_lock(name: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for raw in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-r "):
            pins |= read_lock(line[3:].strip())
            continue
        match = PIN.match(line)
        assert match, f"{name}: not an exact pin: {raw!r}"
        pins[canonicalize_name(match[1])] = match[2]
    return pins


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_declared_dependency_is_pinned_within_its_range():
    dev_lock = read_lock("requirements-dev.lock")
    runtime_lock = read_lock("requirements.lock")
    wanted = [(spec, runtime_lock) for spec in project()["dependencies"]]
    wanted += [(spec, dev_lock) for spec in project()["optional-dependencies"]["dev"]]
    for spec, lock in wanted:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in lock, f"{spec} is not pinned in the lock"
        assert req.specifier.contains(lock[name], prereleases=True), f"lock pins {name}=={lock[name]}, not {spec}"


def test_the_locks_hold_nothing_heavy():
    assert sorted(n for n in read_lock("requirements-dev.lock") if HEAVY.match(n)) == []


def test_textual_is_pinned_to_one_minor_release():
    (textual,) = [Requirement(s) for s in project()["dependencies"] if s.startswith("textual")]
    assert str(textual.specifier) in ("<8.3,>=8.2", ">=8.2,<8.3")
    assert read_lock("requirements.lock")["textual"].startswith("8.2.")


def test_the_readme_set_up_installs_the_lock_without_dependencies():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = [line for line in readme.splitlines() if line.startswith("python3.11 -m venv .venv")]
    assert len(setup) == 1
    assert "--no-deps -r requirements-dev.lock" in setup[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert setup[0].split("#", 1)[0].strip().replace("pip install", "pip install -q") in ci


def load_check():
    spec = importlib.util.spec_from_file_location("check_lean_install", ROOT / "scripts" / "check_lean_install.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lean_install_check_reads_the_lock_and_flags_heavy_or_unlocked_packages():
    check = load_check()
    locked = check.locked_names(ROOT / "requirements-dev.lock")
    assert locked == set(read_lock("requirements-dev.lock"))
    assert check.problems(locked | {"workbench"}, locked) == ([], [])
    names = locked | {"torch", "triton", "nvidia-cublas", "nvidia-cuda-runtime", "stanza"}
    assert check.problems(names, locked) == (["nvidia-cublas", "nvidia-cuda-runtime", "torch", "triton"],
                                             ["nvidia-cublas", "nvidia-cuda-runtime", "stanza", "torch", "triton"])
