"""The shell: screen keys, help screen, command palette, quitting with nothing lost, CLI entry."""

from __future__ import annotations

from workbench.tui.help_screen import HelpScreen

SIZE = (120, 36)


async def test_number_keys_switch_screens_and_keep_their_state(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        for key, mode in (("2", "review"), ("3", "glossary"), ("4", "jobs"), ("5", "export"), ("1", "articles")):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
        assert app.screen.table.cursor == 2


async def test_question_mark_lists_every_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.scopes[:3] == ["review", "history", "table"]  # this screen's keys first
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_runs_a_screen_action(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"language")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.list.lang == "ar"


async def test_q_quits_and_keeps_decisions(make_app, corpus_db):
    import sqlite3

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("y", "q")
        await pilot.pause()
    assert app.return_value == 0
    conn = sqlite3.connect(corpus_db)
    assert conn.execute("SELECT count(*) FROM links WHERE status = 'confirmed' AND decided_by = 'tester'").fetchone()[0] == 1
    conn.close()


def test_cli_opens_the_tui_by_default(monkeypatch, corpus_db):
    from workbench import cli
    import workbench.tui.app as tui_app

    from workbench.cli import tui_cmd

    opened = []
    monkeypatch.setattr(tui_app, "run", lambda path=None: opened.append(path) or 0)
    monkeypatch.setattr(tui_cmd, "has_terminal", lambda: True)
    assert cli.main(["--db", str(corpus_db)]) == 0
    assert cli.main(["--db", str(corpus_db), "tui"]) == 0
    assert opened == [str(corpus_db)] * 2


def test_bad_bidi_setting_is_one_clear_line(monkeypatch, corpus_db, capsys):
    from workbench import cli

    from workbench.cli import tui_cmd

    monkeypatch.setattr(tui_cmd, "has_terminal", lambda: True)
    monkeypatch.setenv("WORKBENCH_BIDI", "sideways")
    assert cli.main(["--db", str(corpus_db), "tui"]) == 2
    assert "WORKBENCH_BIDI='sideways'" in capsys.readouterr().err
