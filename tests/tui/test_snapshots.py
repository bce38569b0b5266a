"""Snapshot tests of the main screens (120x36, fixed corpus, fixed clock, no preload thread)."""

from __future__ import annotations

import pytest

from tests.tui.conftest import settle

SIZE = (120, 36)


@pytest.fixture
def app(make_app):
    return make_app()


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


class TestArticles:
    def test_article_list(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, run_before=_settle)

    def test_article_list_filtered(self, app, snap_compare):
        assert snap_compare(app, press=["l", "l", "f"], terminal_size=SIZE, run_before=_settle)

    def test_arabic_article_side_by_side(self, app, snap_compare):
        assert snap_compare(app, press=["G", "enter", "j", "l"], terminal_size=SIZE, run_before=_settle)

    def test_french_article_canonical(self, app, snap_compare):
        assert snap_compare(app, press=["j", "j", "enter", "c"], terminal_size=SIZE, run_before=_settle)


class TestReview:
    def test_review_queue(self, app, snap_compare):
        assert snap_compare(app, press=["2", "y"], terminal_size=SIZE, run_before=_settle)

    def test_entity_picker(self, app, snap_compare):
        async def before(pilot):
            await pilot.press("2")
            await _settle(pilot)
            await pilot.press("c", *"kazimi")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=before)

    def test_grouped_queue(self, app, snap_compare):
        async def before(pilot):
            await pilot.press("2", "m")
            await _settle(pilot)

        assert snap_compare(app, terminal_size=SIZE, run_before=before)

    def test_group_decision_confirm_shows_the_preview(self, app, snap_compare):
        async def before(pilot):
            await pilot.press("2")
            await _settle(pilot)
            await pilot.press("m", "l", "l")
            await _settle(pilot)
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await _settle(pilot)

        assert snap_compare(app, terminal_size=SIZE, run_before=before)

    def test_arabic_picker_query(self, app, snap_compare):
        """Arabic typed in an input shows shaped and right to left (the cursor at its left end)."""
        async def before(pilot):
            await pilot.press("2")
            await _settle(pilot)
            await pilot.press("c", *"والكاظمي")
            await _settle(pilot)

        assert snap_compare(app, terminal_size=SIZE, run_before=before)

class TestOtherScreens:
    def test_glossary(self, app, snap_compare):
        assert snap_compare(app, press=["3"], terminal_size=SIZE, run_before=_settle)

    def test_jobs(self, app, snap_compare):
        assert snap_compare(app, press=["4"], terminal_size=SIZE, run_before=_settle)

    def test_export(self, app, snap_compare):
        assert snap_compare(app, press=["5"], terminal_size=SIZE, run_before=_settle)

    def test_help(self, app, snap_compare):
        assert snap_compare(app, press=["question_mark"], terminal_size=SIZE, run_before=_settle)


class TestSmall:
    """80x24: the footer on two lines, sentences one above the other."""

    SMALL = (80, 24)

    def test_review_queue_80x24(self, app, snap_compare):
        assert snap_compare(app, press=["2"], terminal_size=self.SMALL, run_before=_settle)

    def test_french_article_80x24(self, app, snap_compare):
        assert snap_compare(app, press=["j", "j", "enter"], terminal_size=self.SMALL, run_before=_settle)
