"""The grouped review queue from the keyboard: modes, counts, filters, a decision on a group with its preview."""

from __future__ import annotations

from tests.tui.conftest import query, settle, shown
from tests.tui.test_review_flow import SIZE, dialog_text, last_decision, link, open_review
from workbench.tui.widgets.confirm import ConfirmDialog

PENDING = "l.status IN ('suggested', 'unsure', 'new')"


def pending_by_spelling(path, where: str = "1") -> list[tuple]:
    """(count, lang, surface) of each group by spelling and proposed entity, straight from the database."""
    return sorted(query(path, f"""SELECT count(*), m.lang, min(m.surface) FROM links l JOIN mentions m ON m.id = l.mention_id
                                 WHERE {PENDING} AND {where} GROUP BY m.lang, m.norm, l.entity_id"""), reverse=True)


def rows(screen) -> list[tuple]:
    return sorted(((g["count"], g["langs"][0], g["spellings"][0]) for g in
                   (screen.queue.row_at(i) for i in range(screen.queue.total))), reverse=True)


async def test_modes_show_groups_with_the_counts_of_the_database(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        single = screen.queue.total
        await pilot.press("m")
        await settle(pilot)
        assert shown(screen.query_one("#queue-title")).strip() == "Queue · by spelling (m: next)"
        assert rows(screen) == pending_by_spelling(corpus_db)
        assert sum(g[0] for g in rows(screen)) == single
        assert "2 mentions waiting" in shown(screen.query_one("#item"))
        await pilot.press("m")
        await settle(pilot)
        assert shown(screen.query_one("#queue-title")).strip() == "Queue · by entity (m: next)"
        await pilot.press("m")
        await settle(pilot)
        assert screen.state.mode == "mention" and screen.queue.total == single


async def test_filters_narrow_the_groups_and_escape_clears_them(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("f")  # filters belong to the grouped queue
        assert "m groups it" in shown(screen.query_one("#review-status"))
        await pilot.press("m", "l", "l")  # language: ar, then fr
        await settle(pilot)
        assert "fr" in shown(screen.query_one("#queue-title"))
        assert rows(screen) == pending_by_spelling(corpus_db, "m.lang = 'fr'")
        await pilot.press("f", "f")  # status: suggested, then unsure
        await settle(pilot)
        assert rows(screen) == pending_by_spelling(corpus_db, "m.lang = 'fr' AND l.status = 'unsure'") == [
            (1, "fr", "Maliki")]
        await pilot.press("escape")
        await settle(pilot)
        assert rows(screen) == pending_by_spelling(corpus_db)


async def on_french_group(app, pilot):
    """The review screen grouped by spelling, French only, on its first group: Farhad Rasho (2)."""
    screen = await open_review(app, pilot)
    await pilot.press("m", "l", "l")
    await settle(pilot)
    assert screen.item["spellings"] == ["Farhad Rasho"] and screen.item["count"] == 2
    return screen


async def test_a_decision_on_a_group_previews_then_changes_exactly_its_mentions(make_app, corpus_db):
    french = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'fr'")]
    english = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'en'")]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_french_group(app, pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("ctrl+s")  # the new-entity form, as proposed
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = dialog_text(app.screen)
        assert "new: 2 mentions of “Farhad Rasho” (fr) → new entity Farhad Rasho" in text and "confirm: new" not in text
        assert "1 this mention, 1 spelled the same or in the group" in text
        assert [link(corpus_db, m)[0] for m in french] == ["new", "new"]
        since = last_decision(corpus_db)
        await pilot.press("y")
        await settle(pilot)
        assert [link(corpus_db, m) for m in french] == [("confirmed", "farhad-rasho", "tester")] * 2
        # not in the group (another language): linked automatically, by the new entity's English name
        assert [link(corpus_db, m) for m in english] == [("accepted", "farhad-rasho", "auto")] * 2
        changed = query(corpus_db, "SELECT target_id FROM decisions WHERE id > ? AND target = 'mention'", since)
        assert sorted(int(r[0]) for r in changed) == sorted(french)  # exactly the counted mentions, one batch
        assert len(query(corpus_db, "SELECT DISTINCT batch FROM decisions WHERE id > ?", since)) == 1
        assert "Farhad Rasho" not in [g["spellings"][0] for g in
                                      (screen.queue.row_at(i) for i in range(screen.queue.total))]
        await pilot.press("z")  # the whole group comes back
        await settle(pilot)
        assert [link(corpus_db, m)[0] for m in french] == ["new", "new"]


async def test_a_decision_on_a_one_mention_group_needs_no_confirm_step(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("m", "f", "f")  # by spelling, unsure only: Maliki
        await settle(pilot)
        (mention,) = [r[0] for r in query(corpus_db, f"SELECT l.mention_id FROM links l WHERE {PENDING}"
                                                     " AND l.status = 'unsure'")]
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert link(corpus_db, mention) == ("confirmed", "nouri-al-maliki", "tester")
        assert screen.queue.total == 0


async def test_x_on_a_group_dismisses_its_mentions_and_says_so(make_app, corpus_db):
    """Not a name, on a group by spelling: after the confirm step its mentions are dismissed, the status
    line says so (the group row has no single mention's language to read) and the history shows it."""
    french = [r[0] for r in query(corpus_db, "SELECT id FROM mentions WHERE surface = 'Farhad Rasho' AND lang = 'fr'")]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_french_group(app, pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert [link(corpus_db, m) for m in french] == [("dismissed", None, "tester")] * 2
        status = shown(screen.query_one("#review-status"))
        assert "not a name: “Farhad Rasho” dismissed (2 mentions)" in status and "(fr)" in status
        assert not screen.saving and "Farhad Rasho" in shown(screen.query_one("#history"))
        assert "Farhad Rasho" not in [g["spellings"][0] for g in
                                      (screen.queue.row_at(i) for i in range(screen.queue.total))]
