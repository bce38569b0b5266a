"""Pilot tests of the side-by-side view: sentence cursor, name focus, toggles, 2:1 pairs."""

from __future__ import annotations

from tests.tui.conftest import shown
from workbench.text.fold import has_arabic
from workbench.tui.article.pair_row import PairRow
from workbench.tui.article.screen import ArticleScreen
from workbench.tui.render.arabic import display_line

SIZE = (120, 36)


async def open_article(app, pilot, article_id: int) -> ArticleScreen:
    await pilot.pause()
    screen = ArticleScreen(article_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def status(screen) -> str:
    return str(screen.query_one("#article-status").render())


def english_of(row: PairRow) -> str:
    return shown(row.query_one(".english")).replace("\n", " ").lstrip("▏ ")


async def test_pairs_are_aligned_and_merged_two_to_one(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, 1)
        rows = screen.rows
        assert len(rows) == 2  # three segments, the last merged into the second pair
        assert rows[1].pair.seqs == (1, 2)
        assert "والتقى الجرحى" in rows[1].pair.source
        assert english_of(rows[1]).startswith("Al-Kazimi visited")


async def test_cursor_moves_both_panes_by_sentence(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, 1)
        assert screen.rows[0].has_class("-cursor")
        await pilot.press("j")
        assert screen.cursor == 1 and screen.rows[1].has_class("-cursor")
        assert not screen.rows[0].has_class("-cursor")
        await pilot.press("j")  # already at the last pair
        assert screen.cursor == 1
        await pilot.press("k")
        assert screen.cursor == 0


async def test_focus_names_the_entity(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, 1)
        daesh = display_line("داعش")  # as the terminal shows it: shaped, right to left
        assert f"name 1/6: {daesh} → Islamic State (accepted 1.00)" in status(screen)
        await pilot.press("l")
        assert f"{display_line('ديالى')} → Diyala (accepted" in status(screen)
        await pilot.press("l")
        assert f"{display_line('أم حجر')} → no entity (new" in status(screen)  # not in the glossary
        await pilot.press("l")
        assert "ISIS → Islamic State (accepted" in status(screen)
        await pilot.press("h", "h", "h")
        assert f"name 1/6: {daesh}" in status(screen)


async def test_canonical_latin_and_bidi_toggles(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, 1)
        first = screen.rows[0]
        assert english_of(first).startswith("ISIS fighters")
        await pilot.press("c")
        assert english_of(first).startswith("Islamic State fighters")  # accepted link: canonical name
        assert "Rafid al-Tawil" in english_of(screen.rows[1])  # no entity: kept raw
        await pilot.press("c")
        assert english_of(first).startswith("ISIS fighters")
        await pilot.press("t")
        assert not has_arabic(shown(first.query_one(".source")))  # Latin letters (ayn as ʿ)
        await pilot.press("t", "b")
        assert app.bidi == "terminal"
        assert "هاجم عناصر" in shown(first.query_one(".source"))  # logical order
        await pilot.press("b")
        assert app.bidi == "shape"
        assert "هاجم عناصر" not in shown(first.query_one(".source"))


async def test_r_opens_the_review_queue_for_this_article(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot, 2)
        await pilot.press("r")
        await pilot.pause()
        from workbench.tui.review.screen import ReviewScreen

        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.state.article_id == 2
        assert app.screen.queue.total == 4  # four mentions of Farhad Rasho (Sinaa was learned from its English)


async def test_a_long_article_shows_its_first_pairs_then_mounts_the_rest(make_app, corpus_db, monkeypatch):
    """The pairs past the first screenful are mounted after the first paint; a key pressed meanwhile
    still lands, and the screen ends with every pair of the database, the cursor where it was sent."""
    import workbench.tui.article.screen as article_screen
    from workbench.store.db import connect
    from workbench.tui.state.article import load_article

    conn = connect(corpus_db)
    try:
        expected = [pair.seqs for pair in load_article(conn, 1).pairs]
    finally:
        conn.close()
    monkeypatch.setattr(article_screen, "FIRST_ROWS", 1)
    first_paint: list[int] = []
    rest = ArticleScreen._mount_rest

    async def counted(self, rows, load):
        first_paint.append(len(self.rows))  # what was on screen before the rest came
        await rest(self, rows, load)

    monkeypatch.setattr(ArticleScreen, "_mount_rest", counted)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, 1)
        await pilot.press("j")
        await pilot.pause()
        assert first_paint == [1]
        assert [row.pair.seqs for row in screen.rows] == expected and len(expected) == 2
        assert screen.cursor == 1 and screen.rows[1].has_class("-cursor")
        assert not screen.rows[0].has_class("-cursor")
