"""The new-entity form: an Arabic proposal is no English name, and a name the glossary would refuse is said in place."""

from __future__ import annotations

from tests.tui.conftest import shown
from workbench.tui.review.new_entity import NewEntity, NewEntityForm


async def test_an_arabic_proposal_is_not_offered_as_the_english_name_and_a_refused_name_keeps_the_form(make_app):
    app = make_app()
    results = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(NewEntityForm("الحرس الثوري", "الحرس الثوري", "org"), results.append)
        await pilot.pause()
        form = app.screen
        field = form.query_one("#new-canonical")
        assert field.value == "" and "Latin letters" in field.placeholder
        await pilot.press(*"حرس", "enter")
        await pilot.pause()
        assert app.screen is form and results == []  # still open: nothing sent to the decision
        assert "not in Latin script" in shown(form.query_one("#new-error"))
        field.value = ""
        await pilot.press(*"Revolutionary Guard", "enter")
        await pilot.pause()
        assert results == [NewEntity("Revolutionary Guard", "org")]


async def test_a_latin_proposal_is_offered_as_it_is(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(NewEntityForm("منبج", "Manbij", "place"))
        await pilot.pause()
        assert app.screen.query_one("#new-canonical").value == "Manbij"
