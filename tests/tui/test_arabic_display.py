"""Arabic shaped and in reading order everywhere it is shown: inputs, status lines, notices, the why-line;
the value typed stays in logical order; ``b`` hands the ordering to the terminal; the Latin view keeps ayn."""

from __future__ import annotations

from tests.tui.conftest import mention, shown
from tests.tui.test_review_flow import SIZE, last_decision, link, open_review, skip_to
from workbench.tui.render.arabic import display_line


def ids(screen) -> list[int]:
    return [screen.table.row_at(i).id for i in range(screen.table.total)]


async def test_search_box_shows_arabic_shaped_and_keeps_the_typed_value(make_app, corpus_db):
    since = last_decision(corpus_db)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("slash", *"الجيش")  # the article has للجيش: the article and ل are ignored
        await app.workers.wait_for_complete()
        await pilot.pause()
        box = screen.query_one("#articles-search")
        assert box.value == "الجيش"  # logical order, unshaped: what the search gets
        assert display_line("الجيش") in box.render_line(0).text and "الجيش" not in box.render_line(0).text
        assert ids(screen) == [1]
        status = shown(screen.query_one("#articles-status"))
        assert "1 found" in status
        await pilot.press("enter", "enter")  # to the list, open the article; b: the terminal does bidi now
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.bidi == "terminal"
        await pilot.press("escape")
        await pilot.pause()
        assert box.value == "الجيش" and "الجيش" in box.render_line(0).text
    assert last_decision(corpus_db) == since  # searching writes nothing


async def test_status_line_and_why_line_show_arabic_in_reading_order(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "أم حجر")
        pane = shown(screen.query_one("#item"))
        assert "why: no glossary entity matches this name; a name by its place head" in pane
        assert display_line("قرية") in pane and "قرية" not in pane
        await pilot.press("u")
        await pilot.pause()
        assert link(corpus_db, mention(corpus_db, 1, "أم حجر"))[0] == "unsure"
        status = shown(screen.query_one("#review-status"))
        assert f"unsure: “{display_line('أم حجر')}”" in status and "أم حجر" not in status


async def test_picker_query_in_arabic(make_app, corpus_db):
    maliki = mention(corpus_db, 3, "Maliki")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await app.workers.wait_for_complete()
        await skip_to(pilot, screen, "Maliki")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"والكاظمي")  # with a proclitic
        await pilot.pause()
        picker = app.screen
        box = picker.query_one("#picker-input")
        assert box.value == "والكاظمي" and display_line("والكاظمي") in box.render_line(0).text
        assert picker.choices[0].entity_id == "mustafa-al-kadhimi"
        await pilot.press("enter")
        await pilot.pause()
        assert link(corpus_db, maliki)[:2] == ("confirmed", "mustafa-al-kadhimi")


def test_notices_show_arabic_in_reading_order(make_app, monkeypatch):
    from textual.app import App

    sent = []
    monkeypatch.setattr(App, "notify", lambda self, message, **options: sent.append((message, options)))
    app = make_app()
    app.notify("saved under [b]الحسكة[/b]", timeout=2)
    app.notify("no Arabic: [b]markup[/b] kept")
    assert sent[0] == (display_line("saved under [b]الحسكة[/b]"), {"timeout": 2, "markup": False})
    assert sent[1] == ("no Arabic: [b]markup[/b] kept", {})
    app.bidi = "terminal"
    app.notify("الحسكة")
    assert sent[2] == ("الحسكة", {})


async def test_glossary_search_ignores_the_proclitic(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"والحسكة")
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = [screen.entities.row_at(i).id for i in range(screen.entities.total)]
        assert found[0] == "hasakah"
        assert display_line("والحسكة") in screen.query_one("#glossary-search").render_line(0).text


async def test_latin_view_keeps_ayn(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G", "enter")  # the Arabic article: عناصر
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        text = shown(app.screen.view)
        assert "ʿnasr" in text


def test_a_proposed_name_and_a_canonical_name_in_arabic_show_in_reading_order():
    from workbench.tui.review.detail import link_line

    item = {"surface": "أم حجر", "lang": "ar", "side": "source", "detector": "cue", "status": "new",
            "entity_id": None, "proposal": {"canonical_en": "أم حجر", "type": "place"}, "why": ""}
    assert f"proposed new entity: {display_line('أم حجر')} (place)" in link_line(item).plain
    linked = dict(item, status="suggested", entity_id="umm-hajar", canonical="أم حجر", score=0.7)
    assert display_line("أم حجر") in link_line(linked).plain and "أم حجر" not in link_line(linked).plain


async def test_a_preview_line_that_starts_with_an_arabic_name_reads_left_to_right(make_app):
    """The confirm dialog lists changed links as English lines that start with the quoted name: an
    Arabic name is shaped and ordered in place, the rest of the line stays as written (the line used to be
    laid out right to left as a whole: `ar): new → accepted Hamrin) ”نيرمح“`)."""
    from tests.tui.test_review_flow import dialog_text
    from workbench.review.preview import Change, Preview
    from workbench.tui.widgets.confirm import ConfirmDialog

    def state(entity, status):
        return {"entity_id": entity, "status": status, "score": 0.5, "decided_by": "auto"}

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        taken = Change(20, "other", state("y", "accepted"), state("x", "accepted"), "حمرين", "ar",
                       {"x": "Hamrin", "y": "Tal Zahra"})
        this = Change(screen.item.id, "this", state(None, "new"), state("x", "confirmed"), "Hamrin", "en")
        preview = Preview("new", screen.item.id, "Hamrin", "en", "x", "Hamrin", changes=[this, taken])
        screen._ask(screen.state.request(screen.item, "new", canonical="Hamrin", entity_type="place"), preview)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        text = dialog_text(app.screen)
        assert f"“{display_line('حمرين')}” (ar): accepted Tal Zahra → accepted Hamrin" in text
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)


def test_a_quote_inside_an_arabic_name_keeps_the_name_in_reading_order():
    """The status line after widening «حزب الله» to «كتائب "حزب الله"» (5,000 articles): the quote split the
    name into two runs ordered each on its own, so it read "حزب الله" before كتائب. Straight and angle
    quotes between Arabic words now stay inside the run; the curly quotes around a name still end it."""
    line = 'span: “حزب الله” → “كتائب "حزب الله”'
    shown_line = display_line(line)
    assert shown_line.startswith(f"span: “{display_line('حزب الله')}” → “")
    assert display_line('كتائب "حزب الله') in shown_line
    assert display_line("span: “أم حجر” → “قرية أم حجر”") == \
        f"span: “{display_line('أم حجر')}” → “{display_line('قرية أم حجر')}”"


async def test_history_dialogs_show_an_arabic_name_in_reading_order(make_app, corpus_db):
    """H then z or e on a decision about an Arabic name: the question quoted it in logical order,
    unshaped ("Undo new of “الوحش”?", 5,000 articles)."""
    from tests.tui.conftest import settle
    from tests.tui.test_review_flow import dialog_text
    from workbench.tui.review.change import ChangeDialog
    from workbench.tui.widgets.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "أم حجر")
        await pilot.press("u")
        await settle(pilot)
        assert link(corpus_db, mention(corpus_db, 1, "أم حجر"))[0] == "unsure"
        await pilot.press("H", "z")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert f"Undo unsure of “{display_line('أم حجر')}”?" in dialog_text(app.screen)
        await pilot.press("n", "e")
        await pilot.pause()
        assert isinstance(app.screen, ChangeDialog)
        assert f"Change “{display_line('أم حجر')}”: now unsure" in dialog_text(app.screen)
        await pilot.press("y")
        await pilot.pause()
        assert f"Change “{display_line('أم حجر')}” from unsure to confirm" in dialog_text(app.screen)
        await pilot.press("n")
        await pilot.pause()
        assert link(corpus_db, mention(corpus_db, 1, "أم حجر"))[0] == "unsure"  # nothing changed: said no


def test_an_arabic_phrase_cut_by_the_wrap_reads_right_to_left_on_each_line():
    """A left-to-right why quoting an Arabic variant: wrapped first, then each line ordered; ordering the
    whole line first and wrapping it after put the variant's last word on the first line."""
    from rich.text import Text

    from workbench.tui.render.arabic import ltr_lines

    lines = [line.plain for line in ltr_lines(Text('ar variant "نوري المالكي": partial name'), 16)]
    assert lines == [f'ar variant "{display_line("نوري")}', f'{display_line("المالكي")}":', "partial name"]
    lines = [line.plain for line in ltr_lines(Text('  why: ar variant "نوري المالكي"'), 16)]
    assert lines == ["  why: ar", f'variant "{display_line("نوري")}', f'{display_line("المالكي")}"']  # the indent kept


async def test_the_concordance_wraps_an_arabic_variant_in_the_why_in_reading_order(make_app):
    """At 80x24 the why column wraps inside "نوري المالكي": نوري is read first, on the line above."""
    from tests.tui.conftest import screen_text

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot)
        assert screen.item["surface"] == "Maliki"
        await pilot.press("w")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        first, last = display_line("نوري"), display_line("المالكي")
        assert "نوري" not in "".join(lines) and "المالكي" not in "".join(lines)  # shaped everywhere
        cut = [n for n, line in enumerate(lines) if (first in line) != (last in line)]  # the why's, not the variant's
        assert [first in lines[n] for n in cut] == [True, False]  # نوري on the first of the two lines
        assert any(f'"{first}' in line for line in lines) and any(f'{last}":' in line for line in lines)
