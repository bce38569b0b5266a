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
