"""The new-entity form's type: what the detection cue guessed for the mention, "other" only when nothing is known."""

from __future__ import annotations

import pytest

from tests.tui.conftest import mention, query, screen_text, settle
from tests.tui.test_review_flow import SIZE, link, open_review, skip_to
from workbench.review.entity_type import guessed_type
from workbench.store.db import connect
from workbench.tui.review.new_entity import NewEntityForm


def suggest(path, mention_id: int, entity_id: str) -> None:
    """The link as the aligner writes one it suggests to a glossary entity: no proposal, so no type kept
    (the demo's "near the town of al-Busayrah", suggested as Basra)."""
    conn = connect(path)
    try:
        with conn:
            conn.execute("UPDATE links SET status = 'suggested', entity_id = ?, score = 0.76, proposal = NULL"
                         " WHERE mention_id = ?", (entity_id, mention_id))
    finally:
        conn.close()


async def open_form(app, pilot, screen, surface: str) -> NewEntityForm:
    await skip_to(pilot, screen, surface)
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, NewEntityForm)
    return app.screen


async def test_a_suggested_link_keeps_the_type_its_cue_gave(make_app, corpus_db):
    """« le député Karim Hamadi »: a person, also when the aligner suggested a glossary entity for him (and
    so kept no proposal, nor its type)."""
    hamadi = mention(corpus_db, 3, "Karim Hamadi")
    suggest(corpus_db, hamadi, "qais-al-khazali")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        form = await open_form(app, pilot, screen, "Karim Hamadi")
        assert form.query_one("#new-type").value == "person"
        assert "▊  person" in screen_text(app)  # as the form shows it
        await pilot.press("ctrl+s")
        await settle(pilot)
    status, entity, _ = link(corpus_db, hamadi)
    assert status == "confirmed"
    assert query(corpus_db, "SELECT canonical_en, type FROM entities WHERE id = ?", entity) == [
        ("Karim Hamadi", "person")]


async def test_other_only_when_nothing_is_known(make_app, corpus_db):
    """Tal Zahra: no cue around it, no counterpart: the form says "other"."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        form = await open_form(app, pilot, screen, "Tal Zahra")
        assert form.query_one("#new-type").value == "other"


def test_the_guess_reads_the_proposal_the_counterpart_then_the_words_around():
    view = {"side": "english", "start": 29, "end": 40, "lang": "en", "detector": "caps", "proposal": None,
            "counterpart": None, "english_text": "Helicopters landed near the town of al-Busayrah before dawn."}
    view["start"], view["end"] = 36, 47
    assert guessed_type(view) == "place"
    assert guessed_type({**view, "proposal": {"type": "org"}}) == "org"
    assert guessed_type({**view, "counterpart": {"type": "person"}}) == "person"
    plain = {**view, "english_text": "Helicopters landed near al-Busayrah before dawn.", "start": 24, "end": 35}
    assert guessed_type(plain) == "other"
    assert guessed_type({**plain, "detector": "gazetteer"}) == "place"
    french = {"side": "source", "start": 0, "end": 11, "lang": "ar", "detector": "caps", "proposal": None,
              "source_text": "بعد الهجوم", "english_text": "the village of Umm Hajar was hit",
              "counterpart": {"side": "english", "start": 15, "end": 24, "lang": "en", "type": None}}
    assert guessed_type(french) == "place"  # the cue of its English counterpart


def test_the_item_pane_says_the_type_the_form_will_offer():
    from workbench.tui.review.detail import link_line

    item = {"surface": "al-Busayrah", "lang": "en", "side": "source", "detector": "caps", "status": "new",
            "entity_id": None, "proposal": {"canonical_en": "al-Busayrah", "spellings": {}}, "why": "",
            "start": 36, "end": 47, "counterpart": None,
            "source_text": "Helicopters landed near the town of al-Busayrah before dawn."}
    assert "proposed new entity: al-Busayrah (place)" in link_line(item).plain


@pytest.fixture
def demo_db(tmp_path, monkeypatch, capsys):
    """The demo's database (``workbench demo``: the embedded sample, translated and aligned)."""
    from workbench.cli import main

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    capsys.readouterr()
    return path


async def test_on_the_demo_a_group_takes_the_type_one_of_its_mentions_was_given(demo_db):
    """Grouped by spelling, the English “Hamrin” is two mentions: its first says nothing of its kind, the
    other stands in “the Hamrin mountains” beside « جبال حمرين » (a place): the form offers a place. And
    “near the town of al-Busayrah”, suggested as Basra, is a place too."""
    from workbench.tui.app import WorkbenchApp

    app = WorkbenchApp(demo_db, preload=False)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_review(app, pilot)
            form = await open_form(app, pilot, screen, "al-Busayrah")
            assert form.query_one("#new-type").value == "place"
            await pilot.press("escape")
            await pilot.press("m")
            await settle(pilot)
            for _ in range(screen.queue.total):
                if screen.item["spellings"] == ["Hamrin"] and screen.item["langs"] == ["en"]:
                    break
                await pilot.press("s")
            assert screen.item["count"] == 2
            await pilot.press("a")
            await pilot.pause()
            assert app.screen.query_one("#new-type").value == "place"
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("y")  # it changes other links (the French and Arabic Hamrin): yes
            await settle(pilot)
    finally:
        app.session.close()
    assert query(demo_db, "SELECT type FROM entities WHERE canonical_en = 'Hamrin'") == [("place",)]
