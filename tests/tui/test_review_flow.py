"""The whole review flow from the keyboard, asserting on the database after the keys."""

from __future__ import annotations

import sqlite3

from tests.tui.conftest import mention, query, settle, shown
from workbench.tui.review.screen import ReviewScreen
from workbench.tui.widgets.confirm import ConfirmDialog
from workbench.store import implied

SIZE = (120, 36)


def link(path, mention_id: int) -> tuple:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT status, entity_id, {implied.decided_by('links')} FROM links WHERE mention_id = ?",
                            (mention_id,)).fetchone()
    finally:
        conn.close()


async def open_review(app, pilot) -> ReviewScreen:
    await pilot.press("2")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def dialog_text(dialog) -> str:
    """What a dialog shows, its wrapped lines joined by single spaces."""
    return " ".join(" ".join(shown(w) for w in dialog.query("Static")).split())


def current(screen: ReviewScreen) -> int:
    return screen.item.id


async def skip_to(pilot, screen: ReviewScreen, surface: str, status: str | None = None) -> None:
    """Skip down the queue to the first item spelled ``surface`` (and in ``status``, if given)."""
    for _ in range(screen.queue.total):
        item = screen.item
        if item["surface"] == surface and status in (None, item["status"]):
            return
        await pilot.press("s")
    raise AssertionError(f"{surface!r} is not in the queue")


def new_decisions(path, since: int, what: str = "action") -> list:
    return [r[0] for r in query(path, f"SELECT {what} FROM decisions WHERE id > ? ORDER BY id", since)]


def last_decision(path) -> int:
    return query(path, "SELECT coalesce(max(id), 0) FROM decisions")[0][0]


async def test_queue_is_most_uncertain_first(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        scores = [screen.queue.row_at(i)["score"] for i in range(screen.queue.total)]
        # suggested, unsure and new; not accepted, confirmed or rejected (nor the French Sinaa, accepted
        # once the corpus' confirm of the English one taught the glossary that spelling)
        assert screen.queue.total == 12
        assert {screen.queue.row_at(i)["status"] for i in range(screen.queue.total)} == {"unsure", "new"}
        distance = [abs(s - 0.85) for s in scores]
        assert distance == sorted(distance)


async def test_one_key_decisions_are_written_to_the_database(make_app, corpus_db):
    since = last_decision(corpus_db)  # the corpus holds an analyst's earlier decisions
    rejections = query(corpus_db, "SELECT count(*) FROM rejections")[0][0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        first = current(screen)
        assert first == mention(corpus_db, 3, "Maliki")  # unsure 0.59: the closest to the 0.85 line
        await pilot.press("n")
        await settle(pilot)
        status, entity, _ = link(corpus_db, first)
        assert (status, entity) == ("rejected", "nouri-al-maliki")
        assert query(corpus_db, "SELECT count(*) FROM rejections")[0][0] == rejections + 1
        second = current(screen)
        assert second != first and link(corpus_db, second)[:2] == ("new", None)  # linked to no entity
        await pilot.press("y")  # refused with a message: nothing to confirm
        assert link(corpus_db, second)[0] == "new" and "not linked" in shown(screen.query_one("#review-status"))
        await pilot.press("c")
        await app.workers.wait_for_complete()  # the name index
        await pilot.press(*"kazimi")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause()
        assert link(corpus_db, second) == ("confirmed", "mustafa-al-kadhimi", "tester")
        third = current(screen)
        third_before = link(corpus_db, third)
        decisions = last_decision(corpus_db)
        await pilot.press("s")  # skip: nothing written
        assert link(corpus_db, third) == third_before
        assert last_decision(corpus_db) == decisions
        fourth = current(screen)
        assert fourth != third
        await pilot.press("u")
        await settle(pilot)
        assert link(corpus_db, fourth)[0] == "unsure"
        actions = new_decisions(corpus_db, since)
        assert list(dict.fromkeys(actions)) == ["reject", "correct", "unsure"]
        assert set(new_decisions(corpus_db, since, "user")) == {"tester"}


async def test_bulk_applies_to_every_mention_spelled_the_same(make_app, corpus_db):
    app = make_app()
    french = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'fr'")]
    english = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'en'")]
    assert len(french) == len(english) == 2
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "Farhad Rasho")
        await pilot.press("b")
        assert "also applies to 1 other" in shown(screen.query_one("#item"))
        await pilot.press("a")  # one new entity for both French mentions
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.pause()
        # it changes another link than this one: a confirm step shows the preview, nothing is written yet
        assert isinstance(app.screen, ConfirmDialog)
        assert "new: 2 mentions of “Farhad Rasho” (fr) → new entity Farhad Rasho" in dialog_text(app.screen)
        assert [link(corpus_db, m)[0] for m in french] == ["new", "new"]
        assert screen.state.bulk is False  # one-shot: used by the preview
        await pilot.press("y")
        await settle(pilot)
        await pilot.pause()
        assert [link(corpus_db, m) for m in french] == [("confirmed", "farhad-rasho", "tester")] * 2
        # another language is not the same case, but the new entity's English name links it at once
        assert [link(corpus_db, m) for m in english] == [("accepted", "farhad-rasho", "auto")] * 2
        batches = query(corpus_db, "SELECT count(DISTINCT batch) FROM decisions WHERE target = 'mention'"
                        " AND target_id IN (?, ?)", *map(str, french))
        assert batches == [(1,)]
    # the decision brought the alignment up to date: the align job afterwards has nothing to do
    from workbench.align.run import align_articles
    from workbench.store.db import connect

    conn = connect(corpus_db)
    try:
        assert align_articles(conn).aligned == []
    finally:
        conn.close()


async def test_bulk_cancelled_at_the_confirm_step_changes_nothing(make_app, corpus_db):
    app = make_app()
    french = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'fr'")]
    since = last_decision(corpus_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "Farhad Rasho")
        await pilot.press("b", "a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert "nothing changed" in shown(screen.query_one("#review-status"))
        assert [link(corpus_db, m) for m in french] == [("new", None, "auto")] * 2
        assert last_decision(corpus_db) == since
        assert query(corpus_db, "SELECT count(*) FROM entities WHERE id = 'farhad-rasho'") == [(0,)]
        assert screen.state.bulk is False
        assert "also applies" not in shown(screen.query_one("#item"))


async def test_correct_through_the_picker_across_scripts(make_app, corpus_db):
    maliki = mention(corpus_db, 3, "Maliki")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await app.workers.wait_for_complete()  # the name index
        await skip_to(pilot, screen, "Maliki")
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert [c.entity_id for c in picker.choices] == ["nouri-al-maliki"]  # the mention's candidates
        await pilot.press(*"kazimi")
        await pilot.pause()
        assert picker.choices and picker.choices[0].entity_id == "mustafa-al-kadhimi"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause()
        assert app.screen is screen
        assert link(corpus_db, maliki)[:2] == ("confirmed", "mustafa-al-kadhimi")
        assert query(corpus_db, "SELECT action FROM decisions WHERE target = 'mention' AND target_id = ?"
                     " AND user = 'tester'", str(maliki)) == [("correct",)]


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
        await skip_to(pilot, screen, "رافد الطويل")
        assert screen.item["status"] == "new"
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#new-canonical").value == "Rafid al-Tawil"  # proposed from the English side
        form.query_one("#new-canonical").value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "empty" in str(form.query_one("#new-error").render())  # shown in place, form stays
        form.query_one("#new-canonical").value = "Rafid al-Tawil (officer)"
        form.query_one("#new-type").value = "person"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.pause()
        status, entity, _ = link(corpus_db, mention(corpus_db, 1, "رافد الطويل"))
        assert status == "confirmed"
        assert query(corpus_db, "SELECT canonical_en, type FROM entities WHERE id = ?", entity) == [
            ("Rafid al-Tawil (officer)", "person")]
        assert ("ar", "رافد الطويل") in query(corpus_db, "SELECT lang, text FROM variants WHERE entity_id = ?", entity)


async def test_undo_last_restores_the_link(make_app, corpus_db):
    since = last_decision(corpus_db)
    maliki = mention(corpus_db, 3, "Maliki")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        before = link(corpus_db, maliki)
        await pilot.press("y")
        await settle(pilot)
        assert link(corpus_db, maliki)[0] == "confirmed"
        await pilot.press("s")  # and on to the next name
        await pilot.press("z")
        await settle(pilot)
        assert link(corpus_db, maliki) == before
        assert app.screen.item.id == maliki  # the cursor is back on the name that came back
        actions = new_decisions(corpus_db, since)
        assert actions[0] == "confirm" and "undo" in actions


async def test_history_undo_and_change_ask_first(make_app, corpus_db):
    sinaa = mention(corpus_db, 3, "Maliki")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("y")  # confirm Maliki
        await settle(pilot)
        await pilot.press("H")
        history = screen.query_one("#history")
        assert history.has_focus and history.row["mention_id"] == sinaa
        await pilot.press("z")  # undo: a confirm step first
        await pilot.pause()
        await pilot.press("n")  # no
        await pilot.pause()
        assert link(corpus_db, sinaa)[0] == "confirmed"
        await pilot.press("e")  # change
        await pilot.pause()
        await pilot.press("n")  # to reject
        await pilot.pause()
        await pilot.press("y")  # yes, change it
        await pilot.pause()
        assert link(corpus_db, sinaa)[0] == "rejected", str(screen.query_one("#review-status").render())
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert link(corpus_db, sinaa)[0] == "confirmed"  # the change undone
        await pilot.press("escape")
        assert screen.queue.has_focus


async def test_articles_list_counts_follow_decisions(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.press("y", "y")
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause()
        table = app.screen.table
        pending = {table.row_at(i).id: table.row_at(i).pending for i in range(table.total)}
        assert sum(pending.values()) == 11  # 12 waited; the second y is refused (Karim Hamadi has no entity)


async def test_the_same_spelling_count_follows_a_decision(make_app, corpus_db):
    """The item says how many other undecided mentions share its spelling and language; the count is
    kept per spelling while keys move through the queue, and counted again after a decision."""
    french = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'fr'")]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "Farhad Rasho")
        first = screen.item.id
        (other,) = set(french) - {first}
        assert "1 other undecided mention(s) spelled “Farhad Rasho”" in shown(screen.query_one("#item"))
        await pilot.press("u")  # decided by the analyst: no longer one a bulk decision would change
        await settle(pilot)
        assert link(corpus_db, first)[0:3:2] == ("unsure", "tester")
        for _ in range(screen.queue.total):
            if screen.item.id == other:
                break
            await pilot.press("s")
        assert screen.item.id == other
        assert "other undecided mention" not in shown(screen.query_one("#item"))


async def test_the_queue_reads_details_only_for_the_item_shown(make_app):
    """A page of the queue is one query; the English, counterpart and candidates of a mention are read
    when the detail pane shows it, not for every row of the page (nor again when it shows once more)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        sql: list[str] = []
        app.session.conn.set_trace_callback(sql.append)
        screen = await open_review(app, pilot)
        shown_ids = {screen.item.id}
        for key in ("s", "s", "k"):
            await pilot.press(key)
            shown_ids.add(screen.item.id)
        app.session.conn.set_trace_callback(None)
        assert screen.queue.total > len(shown_ids) == 3
        assert len([q for q in sql if "FROM candidates" in q]) == 3  # one per item shown
        assert len([q for q in sql if "FROM mentions m JOIN segments s" in q]) == 1  # the page's rows
        assert "Candidates" in shown(screen.query_one("#item"))


async def test_the_queue_redraws_only_the_rows_whose_look_changed(make_app):
    """Focus shows on the cursor row alone: moving focus to the history draws that row again and reuses
    the others; a cursor move within the screen draws the two rows it leaves and reaches."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        queue = screen.queue
        focused, below = queue.render_line(1), queue.render_line(3)
        await pilot.press("H")
        await pilot.pause()
        assert not queue.has_focus
        blurred = queue.render_line(1)
        assert blurred.text == focused.text
        assert [s.style for s in blurred] != [s.style for s in focused]  # the cursor row without focus
        assert queue.render_line(3) is below  # kept, not drawn again
        await pilot.press("escape")
        await pilot.pause()
        assert queue.has_focus
        await pilot.press("s")
        assert queue.cursor == 1 and round(queue.scroll_y) == 0
        assert queue.render_line(3) is below
        left = queue.render_line(1)
        assert left.text == focused.text and [s.style for s in left] != [s.style for s in focused]


async def test_a_new_entity_says_what_else_it_linked_and_a_change_from_history_shows_it_first(make_app, corpus_db):
    """a on one "Farhad Rasho": the status line counts the waiting names it linked to the new entity too;
    changing that decision from the history pane lists, in its question, the other links that would move."""
    english = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'en'")]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "Farhad Rasho")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = shown(screen.query_one("#review-status"))
        assert "new: “Farhad Rasho” → Farhad Rasho" in status and "linked to it too" in status
        linked = [link(corpus_db, m) for m in english]
        assert ("accepted", "farhad-rasho", "auto") in linked
        await pilot.press("H")
        await pilot.pause()
        await pilot.press("e", "n")  # change the new entity to a rejection
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = dialog_text(app.screen)
        assert "Other links it changes:" in question and "“Farhad Rasho” (en): accepted Farhad Rasho →" in question
        await pilot.press("n")
        await pilot.pause()
        assert [link(corpus_db, m) for m in english] == linked  # nothing changed
