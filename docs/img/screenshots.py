"""Regenerates the SVG screenshots of every screen used by docs/user-guide.md (120x36, fixed corpus).

Run from the repository root: .venv/bin/python docs/img/screenshots.py
Arabic is shaped and ordered by the workbench, as in a terminal without bidi. SVG viewers would apply
bidi to those text runs a second time, so each run holding Arabic is marked to be drawn left to right
as it is (``unicode-bidi="bidi-override"``): the image shows what the terminal shows.
"""

from __future__ import annotations

import asyncio
import re
import sys
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

# (file name, keys pressed from the start, after-keys coroutine name or None)
SHOTS = [
    ("articles", [], None),
    ("articles-search", ["slash", *"daech"], "workers"),
    ("article-arabic", ["G", "enter", "j", "l"], None),
    ("article-french-canonical", ["j", "j", "enter", "c"], None),
    ("article-latin", ["G", "enter", "t"], None),
    ("review", ["2", "y"], "workers"),
    ("review-picker", ["2", "c", *"kazimi"], "workers"),
    ("review-new-entity", ["2", "s", "s", "s", "s", "s", "s", "s", "a"], None),
    ("review-history", ["2", "y", "n", "H", "e"], None),
    ("review-grouped", ["2", "m"], "workers"),
    ("review-concordance", ["2", "s", "w"], "workers"),
    ("glossary", ["3"], "workers"),
    ("glossary-search", ["3", "slash", *"hasaka"], "workers"),
    ("glossary-add", ["3", "a"], None),
    ("jobs", ["4"], None),
    ("export", ["5"], None),
    ("help", ["2", "question_mark"], None),
    ("palette", ["ctrl+p", *"review"], None),
]


async def shoot(db: Path, name: str, keys: list[str], settle: str | None) -> None:
    from workbench.tui.app import WorkbenchApp

    app = WorkbenchApp(db, bidi="shape", preload=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            if key in ("2", "3", "c"):
                await app.workers.wait_for_complete()
                await pilot.pause()
        if settle:
            await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        path = OUT / f"{name}.svg"
        app.save_screenshot(str(path))
    app.session.close()
    path.write_text(keep_visual_order(path.read_text(encoding="utf-8")), encoding="utf-8")


_ARABIC_TEXT = re.compile(r"<text ([^>]*)>([^<]*[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff][^<]*)</text>")


def keep_visual_order(svg: str) -> str:
    """Mark text runs holding Arabic so SVG viewers draw them as they are (already in visual order)."""
    return _ARABIC_TEXT.sub(r'<text \1 direction="ltr" unicode-bidi="bidi-override">\2</text>', svg)


def main() -> int:
    import os

    import workbench.clock

    from tests.tui import corpus

    workbench.clock.now = lambda: "2022-03-01T09:30:00+00:00"
    os.environ.setdefault("WORKBENCH_USER", "analyst")
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "corpus.db"
        corpus.build(built)  # the TUI tests' corpus: imported, aligned and decided through the services
        for name, keys, settle in SHOTS:
            db = Path(tmp) / f"{name}.db"
            shutil.copyfile(built, db)
            asyncio.run(shoot(db, name, keys, settle))
            print(f"docs/img/{name}.svg")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
