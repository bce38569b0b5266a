"""`workbench stats` and `workbench match` start light: no sqlite-utils, numpy, pandas or Unicode tables."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from workbench.text import fold as textnorm

HEAVY = ("sqlite_utils", "numpy", "pandas", "camel_tools.utils.charsets", "argostranslate", "ctranslate2", "torch")

CHILD = """
import json, sys
from workbench.cli import main
code = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def run_cli(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, check=True)
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("command", [["stats"], ["match", "الحسكة"], ["match", "Hassaké", "--lang", "fr"]])
def test_read_commands_import_nothing_heavy(tmp_path, command):
    db = str(tmp_path / "w.db")
    # creates and migrates the database (that run may load sqlite-utils) and fills the glossary
    run_cli("glossary", "import", str(ROOT / "glossaries" / "iraq-syria-security.toml"), "--db", db)
    loaded = run_cli(*command, "--db", db)
    assert sorted(m for m in loaded if m.startswith(HEAVY)) == []
    assert "workbench.cli" in loaded


def test_dediac_removes_what_camel_tools_removes():
    from camel_tools.utils.charsets import AR_DIAC_CHARSET
    from camel_tools.utils.dediac import dediac_ar as camel_dediac

    assert set(textnorm.AR_DIACRITICS) == set(AR_DIAC_CHARSET)
    samples = ["قُتِلَ أَحَدَ عَشَرَ جُنْدِيًّا", "الرَّحْمٰنِ", "مُصْطَفَى الكَاظِمِيّ", "Hassaké ٌٍَُِّْ ـ", ""]
    every_char = "".join(chr(c) for c in range(0x0600, 0x0700))
    for text in [*samples, every_char]:
        assert textnorm.dediac_ar(text) == camel_dediac(text)


def test_a_command_line_loads_only_its_command_module(tmp_path, capsys):
    from workbench.cli import COMMAND_MODULES, asked, main

    assert asked([]) == asked(["--db", "x.db"]) == asked(["--db=x.db", "tui"]) == ["workbench.cli.tui_cmd"]
    assert asked(["--db", "stats", "stats"]) == ["workbench.cli.stats_cmd"]  # a --db value is no command
    assert asked(["--help"]) == asked(["undo"]) == asked(["nonsense"]) == COMMAND_MODULES
    db = str(tmp_path / "w.db")
    assert main(["import", str(ROOT / "tests" / "tui" / "data" / "articles.jsonl"), "--db", db]) == 0
    assert main(["--db", db, "stats"]) == 0 and "articles" in capsys.readouterr().out
    assert main(["--help"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in ("tui", "stats", "undo", "glossary", "translate"))
    assert main(["--db", db, "undo"]) == 2  # a command its module's name does not say: still found
    assert "nothing to undo" in capsys.readouterr().err
