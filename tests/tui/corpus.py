"""The TUI tests' corpus, built as a user builds one: import, bundled glossary, align, a few decisions.

``data/articles.jsonl`` holds four short articles written for these tests (Arabic and French with an
English translation, French without, English), naming people and places of the bundled glossary and
a few invented ones it does not know. Everything is written through the services the commands use;
``build`` runs once per test session and each test gets a copy of the file (see ``conftest``).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = "tests/tui/data/articles.jsonl"  # relative to ROOT: article sources and entity origins
GLOSSARY = "workbench/glossary/curated/iraq-syria-security.toml"  # stay relative, so screens and snapshots do not move
STAMP = "2022-03-01T09:30:00+00:00"
ANALYST = "analyst"
"""Who made the decisions already in the corpus (the tests decide as ``tester``)."""

# what an analyst decided before the tests start: (article, side, surface, action)
DECISIONS = [
    (2, "english", "Sinaa", "confirm"),  # a short form the glossary lacks, taught on purpose: learned, waits for write-back
    (4, "source", "Baghdadi", "reject"),  # a tribal elder, not Abu Bakr al-Baghdadi
    (3, "source", "Maliki", "unsure"),
]


def freeze_clock(mp: pytest.MonkeyPatch) -> None:
    """Every service stamps ``STAMP``: the clock and each loaded module that imported ``now``."""
    import workbench.clock

    real = workbench.clock.now
    stamp = lambda: STAMP  # noqa: E731
    mp.setattr(workbench.clock, "now", stamp)
    for name, module in list(sys.modules.items()):
        if name.startswith("workbench.") and getattr(module, "now", None) is real:
            mp.setattr(module, "now", stamp)


def mention_id(conn: sqlite3.Connection, article: int, surface: str, side: str = "source") -> int:
    """The one mention of ``surface`` on ``side`` of an article."""
    rows = conn.execute(
        """SELECT m.id FROM mentions m JOIN segments s ON s.id = m.segment_id
           WHERE s.article_id = ? AND m.side = ? AND m.surface = ?""", (article, side, surface)).fetchall()
    assert len(rows) == 1, f"article {article}: {len(rows)} {side} mentions of {surface!r}"
    return rows[0][0]


def build(path: Path) -> None:
    """Create the corpus database at ``path`` (closed, WAL checkpointed: the file can be copied)."""
    from workbench.align.run import align_articles
    from workbench.corpus.importer import import_paths
    from workbench.glossary.bundled import load_files
    from workbench.review.decisions import decide
    from workbench.store import open_db

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        import workbench.align.run, workbench.corpus.human, workbench.corpus.importer  # noqa: E401, F401
        import workbench.glossary.store, workbench.review.decisions  # noqa: E401, F401
        freeze_clock(mp)
        conn = open_db(path).conn
        try:
            summary = import_paths(conn, [ARTICLES])
            assert summary.imported == 4 and not summary.rejected, [f.error for f in summary.files]
            load_files(conn, [Path(GLOSSARY)])
            align_articles(conn)
            for article, side, surface, action in DECISIONS:
                decide(conn, mention_id(conn, article, surface, side), action, user=ANALYST,
                       teach=surface == "Sinaa")  # without it a short form is confirmed, not taught
        finally:
            conn.close()
