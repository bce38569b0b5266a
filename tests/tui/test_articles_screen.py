"""Pilot tests of the article list: counts, filters, sort, full-text search across scripts, opening."""

from __future__ import annotations

from workbench.tui.articles.screen import ArticlesScreen
from workbench.tui.article.screen import ArticleScreen

SIZE = (120, 36)


def titles(screen: ArticlesScreen) -> list[str]:
    table = screen.table
    return [table.row_at(i).title for i in range(table.total)]


async def test_lists_every_article_with_its_counts(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        rows = {screen.table.row_at(i).id: screen.table.row_at(i) for i in range(screen.table.total)}
        assert sorted(rows) == [1, 2, 3, 4]
        ar = rows[1]
        assert (ar.lang, ar.date, ar.sentences, ar.translated, ar.pending) == ("ar", "2022-01-21", 3, 3, 4)
        assert (rows[2].translated, rows[2].pending) == (3, 4)  # Sinaa linked by its English's confirm
        assert rows[3].translated == 0 and rows[3].pending == 2  # Maliki (unsure) and Karim Hamadi
        assert (rows[4].lang, rows[4].translated, rows[4].pending) == ("en", 3, 2)
        # newest first by default
        assert [screen.table.row_at(i).id for i in range(4)] == [4, 3, 2, 1]


async def test_language_status_and_sort_keys(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("l")  # ar
        assert screen.table.total == 1 and screen.table.row.lang == "ar"
        await pilot.press("l")  # fr
        assert screen.table.total == 2
        await pilot.press("l", "l")  # en, then all
        assert screen.table.total == 4
        await pilot.press("f")  # untranslated
        assert [r for r in titles(screen)] == ["Bagdad : Moqtada Sadr et la menace de Daech"]
        await pilot.press("f", "f")  # partial, translated
        assert sorted(r.id for r in map(screen.table.row_at, range(screen.table.total))) == [1, 2, 4]
        await pilot.press("f")  # to review: every article has a name waiting
        assert screen.table.total == 4
        await pilot.press("f", "f")  # reviewed, all
        await pilot.press("s")  # title
        assert titles(screen)[0].startswith("Bagdad")
        await pilot.press("S")
        assert titles(screen)[-1].startswith("Bagdad")
        assert "sort: title" in str(screen.query_one("#articles-status").render())


async def test_search_folds_arabic_diacritics_and_latin_accents(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("slash")
        await pilot.press(*"hassake")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [screen.table.row_at(i).id for i in range(screen.table.total)] == [2]
        await pilot.press("escape")  # back to the table, search kept
        screen.query_one("#articles-search").value = "دَاعِش"  # with diacritics
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [screen.table.row_at(i).id for i in range(screen.table.total)] == [1]
        screen.query_one("#articles-search").value = "daesh"  # English side
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [screen.table.row_at(i).id for i in range(screen.table.total)] == [2]
        await pilot.press("escape")
        assert screen.table.total == 4


async def test_enter_opens_the_article_and_escape_returns(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == 1
        await pilot.press("left_square_bracket")  # previous in the list: article 2
        await pilot.pause()
        assert app.screen.article_id == 2
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)
        assert app.screen.table.row.id == 2  # the list followed
