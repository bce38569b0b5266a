"""The export screen from the keyboard alone, at 80x24: the first field has focus on open, a box looks ticked
only when it is, and ctrl+s writes the file."""

from __future__ import annotations

from tests.tui.conftest import screen_text, shown

SMALL = (80, 24)


async def test_an_export_from_the_keyboard_alone(make_app, corpus_db, tmp_path):
    out = tmp_path / "corpus.jsonl"
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        assert app.focused is screen.query_one("#export-format")  # keys do something at once
        await pilot.press("enter", "down", "enter")  # the format list: the second entry, JSONL
        await pilot.pause()
        assert screen.query_one("#export-format").value == "jsonl"
        assert screen.query_one("#export-path").value == "exports/corpus.jsonl"  # the suffix follows
        await pilot.press("tab", "tab", "tab")
        assert app.focused is screen.query_one("#export-path")
        await pilot.press("end", *["backspace"] * len("exports/corpus.jsonl"), *str(out))
        assert screen.query_one("#export-path").value == str(out)
        await pilot.press("tab")
        canonical = screen.query_one("#export-canonical")
        assert app.focused is canonical and not canonical.value
        assert "▐ ▌ English with canonical names" in screen_text(app)  # looks empty: it is
        await pilot.press("space")
        await pilot.pause()
        assert canonical.value and "▐X▌ English with canonical names" in screen_text(app)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert "sentence pair(s) written to" in shown(screen.query_one("#export-result"))
        assert "sentence pair(s) written to" in screen_text(app)  # scrolled into view under the form
    text = out.read_text(encoding="utf-8")
    assert text.count("\n") > 1 and "Islamic State" in text  # the ticked box did what it shows


async def test_the_glossary_exported_from_the_export_screen(make_app, corpus_db, tmp_path):
    """A glossary format: the name and suffix follow, the corpus-only fields are off, ctrl+s writes the
    glossary whole (the same file as ``workbench glossary export``)."""
    from workbench.glossary import formats
    from workbench.store import open_db

    out = tmp_path / "names.tbx"
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        await pilot.press("enter", "down", "down", "down", "enter")  # Glossary: TBX
        await pilot.pause()
        assert screen.query_one("#export-format").value == "glossary:tbx"
        assert screen.query_one("#export-path").value == "exports/glossary.tbx"
        assert all(screen.query_one(f).disabled for f in ("#export-status", "#export-lang", "#export-canonical"))
        screen.query_one("#export-path").value = str(out)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = shown(screen.query_one("#export-result"))
        assert "entities," in result and "spellings written (tbx)" in result
    entities = formats.for_path(out).read(out)
    stored = open_db(corpus_db).conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    assert len(entities) == stored > 0
