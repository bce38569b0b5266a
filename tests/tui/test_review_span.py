"""Span keys and the concordance in the review screen, asserting on the database and the screen."""

from __future__ import annotations

from tests.tui.conftest import query, settle, shown
from tests.tui.test_review_flow import SIZE, last_decision, new_decisions, open_review, skip_to
from workbench.tui.render.arabic import display_line
from workbench.tui.review.concordance import ConcordanceScreen


def span(path, mention_id: int) -> tuple:
    return query(path, "SELECT m.surface, m.start, m.end, m.detector, l.status FROM mentions m"
                       " JOIN links l ON l.mention_id = m.id WHERE m.id = ?", mention_id)[0]


def status_line(screen) -> str:
    return shown(screen.query_one("#review-status"))


async def test_narrow_left_rematches_and_keeps_the_mention_in_view(make_app, corpus_db):
    since = last_decision(corpus_db)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "Karim Hamadi")
        mid = screen.item.id
        before = span(corpus_db, mid)
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        surface, start, end, detector, status = span(corpus_db, mid)
        assert (surface, start, end, detector) == ("Hamadi", before[1] + len("Karim "), before[2], "analyst")
        assert new_decisions(corpus_db, since, "target") == ["span", "mention"]
        assert "“Karim Hamadi” → “Hamadi”" in status_line(screen)
        assert screen.item.id == mid and screen.item["surface"] == "Hamadi"  # still waiting: the cursor follows it
        assert "Hamadi  (fr, source, found by analyst)" in shown(screen.query_one("#item"))
        await pilot.press("z")
        await pilot.pause()
        assert span(corpus_db, mid) == before


async def on_maliki(app, pilot, db):
    """The review screen on its first mention, “Maliki”: (screen, its id, its span as stored)."""
    screen = await open_review(app, pilot)
    mid = screen.item.id
    before = span(db, mid)
    assert before[0] == "Maliki"
    return screen, mid, before


async def test_widen_left_then_undo(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, mid, before = await on_maliki(app, pilot, corpus_db)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        surface, start, *_ = span(corpus_db, mid)
        assert surface.endswith(" Maliki") and start < before[1]
        assert f"→ “{surface}”" in status_line(screen)
        await pilot.press("z")
        await pilot.pause()
        assert span(corpus_db, mid) == before


async def test_a_one_word_span_cannot_narrow(make_app, corpus_db):
    since = last_decision(corpus_db)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        mid = screen.item.id
        before = span(corpus_db, mid)
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert "is one word" in status_line(screen)
        assert span(corpus_db, mid) == before and new_decisions(corpus_db, since) == []


async def test_concordance_lists_the_same_spelling(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "Farhad Rasho")
        same = query(corpus_db, "SELECT count(*) FROM mentions WHERE norm = ? AND lang = ?",
                     screen.item["norm"], screen.item["lang"])[0][0]
        assert same == 2
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConcordanceScreen)
        body = shown(app.screen.query_one("#concordance-body"))
        assert "2 mention(s) spelled “farhad rasho” (fr)" in body
        assert "Matched in the glossary" in body and body.count("Farhad Rasho") == 2
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_concordance_of_an_arabic_name_and_span_keys_on_it(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "أم حجر")
        mid = screen.item.id
        await pilot.press("w")
        await pilot.pause()
        body = shown(app.screen.query_one("#concordance-body"))
        assert "1-1 shown" in body and f"#{mid}" in body
        await pilot.press("w")  # w closes it too
        await pilot.pause()
        assert app.screen is screen
        before = span(corpus_db, mid)
        await pilot.press("left_square_bracket")  # shown right to left: its left edge is the name's end
        await pilot.pause()
        assert "already reaches the end of its sentence" in status_line(screen)
        assert span(corpus_db, mid) == before
        await pilot.press("right_square_bracket")  # its right edge is the name's start
        await pilot.pause()
        after = span(corpus_db, mid)
        assert (after[0], after[2]) == ("قرية أم حجر", before[2]) and after[1] < before[1]
        assert f"“{display_line('أم حجر')}” → “{display_line('قرية أم حجر')}”" in status_line(screen)


async def test_span_keys_and_why_on_a_group_row(make_app, corpus_db):
    """In the grouped queue a span key is refused in the status line (the app keeps running, nothing is
    written); w shows the concordance of the group's first name."""
    since = last_decision(corpus_db)
    spans = query(corpus_db, "SELECT id, start, end FROM mentions ORDER BY id")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("m", "l", "l")  # by spelling, French only: Farhad Rasho (2) comes first
        await settle(pilot)
        assert screen.item["spellings"] == ["Farhad Rasho"]
        for key in ("right_square_bracket", "left_curly_bracket"):
            await pilot.press(key)
            await pilot.pause()
            assert "a span is one name's" in status_line(screen)
        assert query(corpus_db, "SELECT id, start, end FROM mentions ORDER BY id") == spans
        assert new_decisions(corpus_db, since) == []
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConcordanceScreen)
        assert "2 mention(s) spelled “farhad rasho” (fr)" in shown(app.screen.query_one("#concordance-body"))


def test_concordance_and_history_show_large_ids_and_counts_whole():
    """On 5,000 articles mention ids have six digits and a bulk decision thousands of mentions: the
    concordance's "where" (a5062:7 #139276) and the history's count (3728) were cut ("#1392…", "37…")."""
    from rich.console import Console

    from workbench.review.concordance import Concordance
    from workbench.tui.review.concordance import render
    from workbench.tui.review.history import COLUMNS, cells

    mention = {"id": 139276, "norm": "amin", "lang": "fr", "candidates": [], "entity_id": None}
    row = {"id": 139276, "article_id": 5062, "seq": 6, "start": 1, "end": 8, "status": "suggested",
           "text": "\"Al Amin est venu ici afin de coordonner avec nous\", a déclaré le maire."}
    console = Console(width=110, record=True)
    console.print(render(Concordance(mention, 1, [row]), 0, "shape"))
    assert "a5062:7 #139276" in console.export_text()
    width = next(c.width for c in COLUMNS if c.title == "#")
    shown_counts = [cells({"action": "not-a-name", "mentions": n})[-1] for n in (1, 3728, 34212)]
    assert shown_counts == ["1", "3728", "34k"] and all(len(c) <= width for c in shown_counts)


async def test_widening_stops_at_a_comma(make_app, corpus_db):
    """"pour Maliki, estime le député": ] would have made the name “Maliki, estime”; it is refused in the
    status line and nothing is written. [ still takes in the word before it (no punctuation between)."""
    since = last_decision(corpus_db)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, mid, before = await on_maliki(app, pilot, corpus_db)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "'Maliki' ends at “,” on that side: a name does not run over it" in status_line(screen)
        assert span(corpus_db, mid) == before and new_decisions(corpus_db, since) == []
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert span(corpus_db, mid)[0] == "pour Maliki"


async def test_confirming_a_short_form_says_it_is_not_taught(make_app, corpus_db):
    """“Maliki” alone is a part of Nouri al-Maliki's glossary name: confirmed here, not a glossary spelling."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, mid, _ = await on_maliki(app, pilot, corpus_db)
        await pilot.press("y")
        await settle(pilot)
        await pilot.pause()
        assert span(corpus_db, mid)[4] == "confirmed"
        assert query(corpus_db, "SELECT count(*) FROM variants WHERE entity_id = 'nouri-al-maliki'"
                                " AND text = 'Maliki' AND deleted_at IS NULL")[0][0] == 0
        assert "“Maliki” not taught to the glossary" in status_line(screen)
