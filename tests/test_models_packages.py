"""`workbench models list / add`: where packages live, validation before install, nothing half-installed."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.test_translate_support import copy_archive, tiny_archive
from workbench.cli import main
from workbench.errors import UserError
from workbench.translate import packages


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


def rewrite(src: Path, dest: Path, *, drop=(), replace=None, add=None) -> Path:
    """A copy of a package archive with members dropped, replaced or added."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            short = item.filename.split("/", 1)[1]
            if short in drop:
                continue
            zout.writestr(item, replace.get(short, zin.read(item.filename)))
        top = zin.namelist()[0].split("/")[0]
        for name, data in add.items():
            zout.writestr(name.replace("TOP", top), data)
    return dest


def test_packages_dir_follows_argostranslate(monkeypatch, isolated_env):
    assert packages.packages_dir() == isolated_env / "argos-packages"  # $ARGOS_PACKAGES_DIR (conftest)
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    assert packages.packages_dir() == isolated_env / ".local/share/argos-translate/packages"
    monkeypatch.setenv("XDG_DATA_HOME", str(isolated_env / "data"))
    assert packages.packages_dir() == isolated_env / "data/argos-translate/packages"
    settings = isolated_env / ".config/argos-translate/settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(isolated_env / "from-settings")}))
    assert packages.packages_dir() == isolated_env / "from-settings"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(isolated_env / "env-wins"))
    assert packages.packages_dir() == isolated_env / "env-wins"


def test_add_then_list(tmp_path, tmp_path_factory, capsys):
    archive = copy_archive(tmp_path_factory, tmp_path)
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "no translation packages" in out and "workbench models install fr" in out
    assert main(["models", "add", str(archive)]) == 0
    assert "installed fr->en 0.1" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "fr->en" in out and "0.1" in out and "KB" in out and str(packages.packages_dir()) in out
    assert "no translation model for Arabic" in out
    (found,) = packages.installed()
    assert found.info.pair == "fr->en" and found.tokenizer == "sentencepiece"
    assert (found.path / "model" / "model.bin").is_file() and found.path.name == "translate-fr_en-0_1"
    # installing again replaces it in place, no duplicate
    assert main(["models", "add", str(archive)]) == 0
    assert len(packages.installed()) == 1 and not [p for p in found.path.parent.iterdir() if p.name.startswith(".")]


def test_a_package_argostranslate_would_see(tmp_path, tmp_path_factory):
    """The layout on disk is the one argostranslate's Package class reads."""
    packages.install_archive(tiny_archive(tmp_path_factory))
    from argostranslate.package import Package  # light module: no torch, no network

    (found,) = packages.installed()
    pkg = Package(found.path)
    assert (pkg.from_code, pkg.to_code, pkg.package_version) == ("fr", "en", "0.1")


BAD_CASES = {
    "is a zip archive": lambda src, dest: dest.write_text("hello") and dest,
    "no metadata.json": lambda src, dest: rewrite(src, dest, drop={"metadata.json"}),
    "metadata.json is not valid JSON": lambda src, dest: rewrite(src, dest, replace={"metadata.json": b"{oops"}),
    'no "to_code"': lambda src, dest: rewrite(src, dest, replace={"metadata.json": b'{"from_code": "fr"}'}),
    "into English only": lambda src, dest: rewrite(
        src, dest, replace={"metadata.json": b'{"from_code": "fr", "to_code": "de", "package_version": "1"}'}),
    "missing translate-fr_en-0_1/model/model.bin": lambda src, dest: rewrite(src, dest, drop={"model/model.bin"}),
    "no tokenizer": lambda src, dest: rewrite(src, dest, drop={"sentencepiece.model"}),
    "sentencepiece.model cannot be loaded": lambda src, dest: rewrite(
        src, dest, replace={"sentencepiece.model": b"not a model"}),
    "CTranslate2 model cannot be loaded": lambda src, dest: rewrite(
        src, dest, replace={"model/model.bin": b"\x06\x00\x00\x00garbage" * 10}),
    "unsafe path": lambda src, dest: rewrite(src, dest, add={"TOP/../../escape.txt": b"x"}),
}


@pytest.mark.parametrize("expected", list(BAD_CASES))
def test_bad_package_is_rejected_with_one_line_and_nothing_installed(expected, tmp_path, tmp_path_factory, capsys):
    root = packages.packages_dir()
    root.mkdir(parents=True)
    bad = BAD_CASES[expected](tiny_archive(tmp_path_factory), tmp_path / "bad.argosmodel")
    with pytest.raises(UserError, match=re.escape(expected)) as info:
        packages.install_archive(bad)
    assert "\n" not in str(info.value) and str(bad) in str(info.value)
    assert tree(root) == []
    assert main(["models", "add", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("workbench: error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert tree(root) == []


def test_missing_file(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        packages.install_archive(tmp_path / "nope.argosmodel")


def test_a_broken_install_leaves_the_previous_package(tmp_path, tmp_path_factory):
    packages.install_archive(tiny_archive(tmp_path_factory))
    before = tree(packages.packages_dir())
    bad = rewrite(tiny_archive(tmp_path_factory), tmp_path / "bad.argosmodel",
                  replace={"model/model.bin": b"\x06\x00\x00\x00garbage" * 10})
    with pytest.raises(UserError):
        packages.install_archive(bad)
    assert tree(packages.packages_dir()) == before and packages.find("fr") is not None
