"""The whole review flow from the keyboard, asserting on the database after the keys."""

from __future__ import annotations

import sqlite3

from tests.tui.conftest import query, shown
from workbench.tui.review.screen import ReviewScreen

SIZE = (120, 36)


def link(path, mention_id: int) -> tuple:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT status, entity_id, decided_by FROM links WHERE mention_id = ?",
                            (mention_id,)).fetchone()
    finally:
        conn.close()


async def open_review(app, pilot) -> ReviewScreen:
    await pilot.press("2")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def current(screen: ReviewScreen) -> int:
    return screen.item.id


async def test_queue_is_most_uncertain_first(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        scores = [screen.queue.row_at(i)["score"] for i in range(screen.queue.total)]
        assert screen.queue.total == 8  # suggested, unsure and new; not accepted or confirmed
        distance = [abs(s - 0.85) for s in scores]
        assert distance == sorted(distance)


async def test_one_key_decisions_are_written_to_the_database(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        first = current(screen)  # Hassaké (0.81)
        await pilot.press("y")
        assert link(corpus_db, first) == ("confirmed", "hasakah", "tester")
        second = current(screen)
        await pilot.press("n")
        status, entity, _ = link(corpus_db, second)
        assert status == "rejected"
        assert query(corpus_db, "SELECT count(*) FROM rejections")[0][0] >= 1
        third = current(screen)
        third_before = link(corpus_db, third)
        decisions = query(corpus_db, "SELECT count(*) FROM decisions")
        await pilot.press("s")  # skip: nothing written
        assert link(corpus_db, third) == third_before
        assert query(corpus_db, "SELECT count(*) FROM decisions") == decisions
        fourth = current(screen)
        assert fourth != third
        await pilot.press("u")
        assert link(corpus_db, fourth)[0] == "unsure"
        actions = [r[0] for r in query(corpus_db, "SELECT action FROM decisions WHERE target = 'mention' ORDER BY id")]
        assert list(dict.fromkeys(actions)) == ["confirm", "reject", "unsure"]
        users = {r[0] for r in query(corpus_db, "SELECT user FROM decisions")}
        assert users == {"tester"}


async def test_bulk_applies_to_every_mention_spelled_the_same(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        while screen.item["surface"] != "Daech":
            await pilot.press("s")
        await pilot.press("b")
        assert "also applies to 1 other" in shown(screen.query_one("#item"))
        await pilot.press("y")
        assert link(corpus_db, 7)[0] == "confirmed" and link(corpus_db, 8)[0] == "confirmed"
        batches = query(corpus_db, "SELECT count(DISTINCT batch) FROM decisions WHERE target_id IN ('7', '8')")
        assert batches == [(1,)]
        assert screen.state.bulk is False  # one-shot


async def test_correct_through_the_picker_across_scripts(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await app.workers.wait_for_complete()  # the name index
        while screen.item["surface"] != "Moqtada Sadr":
            await pilot.press("s")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"kazimi")
        await pilot.pause()
        picker = app.screen
        assert picker.choices and picker.choices[0].entity_id == "mustafa-al-kadhimi"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert link(corpus_db, 9)[:2] == ("confirmed", "mustafa-al-kadhimi")
        assert query(corpus_db, "SELECT action FROM decisions WHERE target_id = '9'")[0] == ("correct",)


async def test_picker_search_finds_arabic_from_latin(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"hasaka")
        await pilot.pause()
        assert "hasakah" in [c.entity_id for c in app.screen.choices]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_new_entity_form_creates_and_links(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        while screen.item["status"] != "new":
            await pilot.press("s")
        assert screen.item["surface"] == "ديالى"
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#new-canonical").value = ""
        await pilot.press("ctrl+s")
        assert "empty" in str(form.query_one("#new-error").render())  # shown in place, form stays
        form.query_one("#new-canonical").value = "Diyala Governorate"
        await pilot.press("ctrl+s")
        await pilot.pause()
        status, entity, _ = link(corpus_db, 2)
        assert status == "confirmed"
        assert query(corpus_db, "SELECT canonical_en FROM entities WHERE id = ?", entity) == [("Diyala Governorate",)]


async def test_undo_last_restores_the_link(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        before = link(corpus_db, 6)
        await pilot.press("y")
        assert link(corpus_db, 6)[0] == "confirmed"
        await pilot.press("z")
        assert link(corpus_db, 6) == before
        actions = [r[0] for r in query(corpus_db, "SELECT action FROM decisions ORDER BY id")]
        assert actions[0] == "confirm" and "undo" in actions


async def test_history_undo_and_change_ask_first(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("y")  # confirm Hassaké (mention 6)
        await pilot.press("H")
        history = screen.query_one("#history")
        assert history.has_focus and history.row["mention_id"] == 6
        await pilot.press("z")  # undo: a confirm step first
        await pilot.pause()
        await pilot.press("n")  # no
        await pilot.pause()
        assert link(corpus_db, 6)[0] == "confirmed"
        await pilot.press("e")  # change
        await pilot.pause()
        await pilot.press("n")  # to reject
        await pilot.pause()
        await pilot.press("y")  # yes, change it
        await pilot.pause()
        assert link(corpus_db, 6)[0] == "rejected", str(screen.query_one("#review-status").render())
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert link(corpus_db, 6)[0] == "confirmed"  # the change undone
        await pilot.press("escape")
        assert screen.queue.has_focus


async def test_articles_list_counts_follow_decisions(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("y", "y")
        await pilot.press("1")
        await pilot.pause()
        table = app.screen.table
        pending = {table.row_at(i).id: table.row_at(i).pending for i in range(table.total)}
        assert sum(pending.values()) == 6
