"""The offline promise: the whole flow runs with sockets blocked, and non-translating commands stay light.

Sockets are blocked for the whole session by conftest; the subprocess checks install their own guard.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.test_translate_support import copy_archive, corpus, one_thread  # noqa: F401 (fixture)
from workbench.cli import main

pytestmark = pytest.mark.usefixtures("one_thread")

HEAVY = ("argostranslate.translate", "argostranslate.sbd", "torch", "spacy", "stanza", "minisbd")

# run the CLI in a fresh interpreter with outbound connections refused, then list heavy modules loaded
CHILD = r"""
import json, socket, sys
def refuse(self, address):
    raise OSError(f"network access attempted: {address!r}")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
import workbench.cli
rc = workbench.cli.main(json.loads(sys.argv[1]))
heavy = [m for m in json.loads(sys.argv[2]) if m in sys.modules]
print("RESULT", json.dumps({"rc": rc, "heavy": heavy}))
"""


def run_child(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(args), json.dumps(HEAVY)],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=120, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, proc.stderr
    return {**json.loads(lines[-1][7:]), "stdout": proc.stdout, "stderr": proc.stderr}


def write_corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in corpus(articles=3)), encoding="utf-8")
    return path


def test_import_add_translate_stats_offline(tmp_path, tmp_path_factory, capsys, db_path):
    db = ["--db", str(db_path)]
    assert main(["import", str(write_corpus(tmp_path)), *db]) == 0
    assert main(["translate", *db]) == 1  # no model yet: says how to get one, translates nothing
    out = capsys.readouterr().out
    assert "workbench models install fr" in out and "workbench models add FILE.argosmodel" in out
    assert main(["models", "add", str(copy_archive(tmp_path_factory, tmp_path, "fr")), *db]) == 0
    assert main(["models", "add", str(copy_archive(tmp_path_factory, tmp_path, "ar")), *db]) == 0
    assert main(["translate", "--batch-size", "4", "--threads", "1", "--alternatives", "2", *db]) == 0
    out = capsys.readouterr().out
    assert "segment(s) translated" in out and "no translation model" not in out
    assert main(["stats", "--json", *db]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["translated"] == stats["segments"] and stats["translations_by_engine"] == {"argos": stats["segments"]}


def test_demo_offline_without_a_model(tmp_path, capsys):
    assert main(["demo", "--db", str(tmp_path / "demo.db")]) == 0
    out = capsys.readouterr().out
    assert "no translation model for Arabic" in out and "demo carries on" in out
    assert "human" in out  # the sample's English versions were aligned and stored


def test_demo_translates_when_a_model_is_installed(tmp_path, tmp_path_factory, capsys):
    from workbench.store import open_db

    assert main(["models", "add", str(copy_archive(tmp_path_factory, tmp_path, "fr"))]) == 0
    assert main(["models", "add", str(copy_archive(tmp_path_factory, tmp_path, "ar"))]) == 0
    target = tmp_path / "demo.db"
    assert main(["demo", "--db", str(target)]) == 0
    assert "no translation model" not in capsys.readouterr().out
    db = open_db(target)
    engines = dict(db.execute("SELECT engine, count(*) FROM translations GROUP BY engine").fetchall())
    assert engines.get("human", 0) > 0 and engines.get("source", 0) > 0
    assert sum(engines.values()) == db["segments"].count  # every sentence has its English, once
    assert db.execute("SELECT status FROM jobs WHERE kind = 'translate'").fetchall() == [("done",)]


def test_non_translating_commands_do_not_load_the_translation_stack(tmp_path, db_path):
    news = write_corpus(tmp_path)
    for args in (["import", str(news)], ["stats"], ["models", "list"]):
        result = run_child([*args, "--db", str(db_path)] if args[0] != "models" else args)
        assert result["rc"] == 0, result["stderr"]
        assert result["heavy"] == [], args


def test_translate_in_a_fresh_process_with_the_network_refused(tmp_path, tmp_path_factory, db_path):
    assert main(["import", str(write_corpus(tmp_path)), "--db", str(db_path)]) == 0
    assert main(["models", "add", str(copy_archive(tmp_path_factory, tmp_path, "fr"))]) == 0
    result = run_child(["translate", "--db", str(db_path), "--threads", "1"])
    assert result["rc"] == 1, result["stderr"]  # Arabic has no model here
    assert "no translation model for Arabic" in result["stdout"]
    assert result["heavy"] == []  # neither argostranslate.translate nor its splitter, torch, stanza, spacy
    result = run_child(["stats", "--db", str(db_path)])
    assert "argos" in result["stdout"]
