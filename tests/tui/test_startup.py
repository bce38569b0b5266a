"""Start-up stays light: building the app imports no translation, NLP or Arabic-folding stack."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("argostranslate.translate", "torch", "spacy", "stanza", "camel_tools", "workbench.text.fold", "pandas",
         "ctranslate2")

SCRIPT = """
import json, sys
from workbench.cli import build_parser
build_parser()
from workbench.tui.app import WorkbenchApp
app = WorkbenchApp(sys.argv[1], preload=False)
app.session.conn
from workbench.tui.articles.screen import ArticlesScreen
from workbench.tui.article.screen import ArticleScreen
print(json.dumps(sorted(sys.modules)))
"""


def test_app_module_and_first_screens_import_nothing_heavy(tmp_path):
    from workbench.store.db import open_db

    open_db(tmp_path / "w.db").conn.close()  # the TUI opens existing databases only
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "w.db")], capture_output=True, text=True,
                         check=True)
    loaded = set(json.loads(out.stdout))
    heavy = sorted(m for m in loaded if m.startswith(HEAVY))
    assert heavy == []
    assert "textual.app" in loaded  # the check itself ran on the real app
