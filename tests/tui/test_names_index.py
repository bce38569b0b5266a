"""An entity created in the TUI is offered at once by the review picker and the glossary search."""

from __future__ import annotations

from tests.tui.test_glossary_screen import listed
from tests.tui.test_review_flow import open_review, skip_to

SIZE = (120, 36)


async def picker_offers(app, pilot, text: str) -> list[str]:
    await pilot.press("c")
    await pilot.pause()
    await pilot.press(*text)
    await app.workers.wait_for_complete()  # a rebuild of the index, if the glossary changed
    await pilot.pause()
    offered = [c.entity_id for c in app.screen.choices]
    await pilot.press("escape")
    await pilot.pause()
    return offered


async def glossary_finds(app, pilot, text: str) -> list[str]:
    await pilot.press("3")
    await pilot.pause()
    screen = app.screen
    screen.query_one("#glossary-search").value = text
    await app.workers.wait_for_complete()
    await pilot.pause()
    found = listed(screen)
    screen.query_one("#glossary-search").value = ""
    await pilot.press("2")
    await pilot.pause()
    return found


async def test_entity_made_in_review_is_offered_without_a_restart(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await app.workers.wait_for_complete()  # the index is built before the new entity exists
        assert "tal-zahra" not in await picker_offers(app, pilot, "zahra")
        assert "tal-zahra" not in await glossary_finds(app, pilot, "zahra")
        await skip_to(pilot, screen, "Tal Zahra")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the proposed canonical name: Tal Zahra
        await pilot.pause()
        await pilot.press("g")  # back to the top of the queue
        await skip_to(pilot, screen, "Karim Hamadi")
        assert "tal-zahra" in await picker_offers(app, pilot, "zahra")
        assert "tal-zahra" in await glossary_finds(app, pilot, "zahra")


async def test_entity_added_in_the_glossary_is_offered_without_a_restart(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await app.workers.wait_for_complete()
        assert "hawija" not in await picker_offers(app, pilot, "hawija")
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-id").value = "hawija"
        form.query_one("#f-canonical").value = "Hawija"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert "hawija" in await picker_offers(app, pilot, "hawija")
        assert "hawija" in await glossary_finds(app, pilot, "hawija")


async def test_the_name_index_is_left_out_of_full_collections(make_app):
    """Once built, the name index (hundreds of thousands of objects on a big glossary) is frozen out of
    the garbage collector's full passes, which would otherwise stop a key for 0.4 s now and then."""
    import gc

    gc.unfreeze()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)  # the review builds the index for its picker
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.names.current
        matcher = app.names._matcher
        assert gc.is_tracked(matcher) and gc.get_freeze_count() > 0
        assert not any(obj is matcher for obj in gc.get_objects())  # not in any generation: frozen
