"""Pilot tests of the side-by-side view: sentence cursor, name focus, toggles, 2:1 pairs, long articles."""

from __future__ import annotations

from tests.tui.conftest import shown
from workbench.text.fold import has_arabic
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


def cursor_lines(screen: ArticleScreen) -> list[str]:
    """The lines of the view that carry the cursor's bar (the pair under the cursor), as on screen."""
    return [line for line in shown(screen.view).splitlines() if line.startswith("█")]


async def test_pairs_are_aligned_and_merged_two_to_one(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, 1)
        pairs = screen.view.pairs
        assert len(pairs) == 2  # three segments, the last merged into the second pair
        assert pairs[1].seqs == (1, 2)
        assert "والتقى الجرحى" in pairs[1].source
        assert "Al-Kazimi visited" in shown(screen.view)
        assert cursor_lines(screen)[0].startswith("█ 1 ")


async def test_cursor_moves_both_panes_by_sentence(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, 1)
        assert cursor_lines(screen)[0].startswith("█ 1 ")
        await pilot.press("j")
        assert screen.cursor == 1 and cursor_lines(screen)[0].startswith("█ 2-3 ")
        assert not any(line.startswith("█ 1 ") for line in cursor_lines(screen))
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
        assert "ISIS fighters" in shown(screen.view)
        await pilot.press("c")
        assert "Islamic State fighters" in shown(screen.view)  # accepted link: canonical name
        assert "ISIS fighters" not in shown(screen.view)
        assert "Rafid al-Tawil" in shown(screen.view)  # no entity: kept raw
        await pilot.press("c")
        assert "ISIS fighters" in shown(screen.view)
        await pilot.press("t")
        assert not has_arabic(shown(screen.view))  # Latin letters (ayn as ʿ)
        await pilot.press("t", "b")
        assert app.bidi == "terminal"
        assert "هاجم عناصر" in shown(screen.view)  # logical order
        await pilot.press("b")
        assert app.bidi == "shape"
        assert "هاجم عناصر" not in shown(screen.view)
        assert display_line("هاجم عناصر") in shown(screen.view)  # shaped, right to left


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


def long_article(path, sentences: int) -> int:
    """Import a French article of ``sentences`` sentences (numbered, a name in each); its id."""
    from workbench.corpus.importer import import_paths
    from workbench.store.db import connect

    text = path.parent / "long.txt"
    text.write_text("".join(f"Karim Haddad a parlé, fois {n}. " for n in range(sentences)),
                    encoding="utf-8")
    conn = connect(path)
    try:
        (result,) = import_paths(conn, [text], lang="fr").files
        conn.commit()
    finally:
        conn.close()
    return result.imported[0]


async def test_a_long_article_draws_only_the_pairs_on_screen(make_app, corpus_db):
    """One widget draws the pairs: opening a 300-sentence article wraps and styles only the pairs that
    fit the screen; the cursor keys scroll it, and the last pair is reached and drawn with the cursor."""
    article = long_article(corpus_db, 300)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, article)
        view = screen.view
        assert len(view.pairs) == 300 and len(screen.query("#pairs *")) == 0  # no widget per pair
        on_screen = view.size.height // 2 + 1  # a pair is a line at least, and a blank one
        assert 0 < view.drawn_pairs <= on_screen
        assert "fois 0." in shown(view) and "fois 40." not in shown(view)
        await pilot.press("G")
        await pilot.pause()
        assert screen.cursor == 299 and "sentence 300/300" in status(screen)
        assert "fois 299." in cursor_lines(screen)[0] and cursor_lines(screen)[0].startswith("█ 300 ")
        assert view.drawn_pairs <= 2 * on_screen  # the first screenful, then the last
        await pilot.press("k")
        await pilot.pause()
        assert "fois 298." in cursor_lines(screen)[0]


async def test_an_article_opens_on_the_sentence_asked_for(make_app, corpus_db):
    """``o`` from the review opens the article at the mention's sentence: far down a long article, that
    sentence is on screen under the cursor."""
    article = long_article(corpus_db, 300)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = ArticleScreen(article, sentence=250)
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.cursor == 250 and "sentence 251/300" in status(screen)
        (first, *_) = cursor_lines(screen)
        assert first.startswith("█ 251 ") and "fois 250." in first
        assert "fois 0." not in shown(screen.view)


async def test_text_selected_with_the_mouse_is_the_text_shown(make_app):
    """The pairs view draws its own lines: a mouse selection over them gives the text on those lines,
    and the selected cells are highlighted."""
    from textual.geometry import Offset
    from textual.selection import Selection

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, 2)  # French: the text reads as it is stored
        view = screen.view
        first = shown(view).splitlines()[0]
        start = first.index("Les")
        selected, _ = view.get_selection(Selection(Offset(start, 0), Offset(start + 12, 0)))
        assert selected == first[start:start + 12].rstrip()
        app.screen.selections = {view: Selection(Offset(start, 0), Offset(start + 12, 0))}
        await pilot.pause()
        line = view.render_line(0)
        styles = [segment.style for segment in line]
        assert line.text.startswith(first[:start]) and len(set(map(str, styles))) > 1
        whole, _ = view.get_selection(Selection(None, None))
        assert whole.splitlines()[0] == first


async def test_a_toggle_keeps_the_view_where_it_was(make_app, corpus_db):
    """c (canonical names) draws every pair again but does not move the view: the cursor stays where the
    analyst sees it."""
    article = long_article(corpus_db, 300)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, article)
        await pilot.press("G", *"kkkkk")
        await pilot.pause()
        top, line = screen.view.scroll_y, cursor_lines(screen)[0]
        await pilot.press("c")
        await pilot.pause()
        assert screen.cursor == 294 and screen.view.scroll_y == top
        assert cursor_lines(screen)[0] == line
