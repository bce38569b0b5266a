"""80x24 and small defects: nothing under the footer or off the screen, honest checkboxes, one sentence
numbering (1-based), and a screenshot that always lands somewhere and says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import query, shown
from tests.tui.test_review_flow import last_decision, open_review, skip_to
from workbench.tui.widgets.key_bar import KeyBar

SMALL = (80, 24)

# every screen and dialog, reached from the start by these keys (each run starts a fresh app)
PLACES = {
    "articles": [],
    "article": ["enter"],
    "review": ["2"],
    "review, grouped": ["2", "m"],
    "group decision preview": ["2", "m", "l", "l", "a", "ctrl+s"],
    "concordance (why)": ["2", "w"],
    "bulk preview": ["2", "b", "x"],
    "picker": ["2", "c"],
    "new entity": ["2", "a"],
    "change a decision": ["2", "H", "e"],
    "glossary": ["3"],
    "add entity": ["3", "a"],
    "edit entity": ["3", "e"],
    "add variant": ["3", "v"],
    "jobs": ["4"],
    "export": ["5"],
    "keys": ["question_mark"],
}


def hidden(screen) -> list[str]:
    """Widgets drawn under the footer or below the screen, where no scrolling brings them into view."""
    footers = list(screen.query(KeyBar))
    limit = footers[0].region.y if footers else screen.region.bottom
    out = []
    for widget in screen.walk_children(with_self=False):
        if not widget.display or not widget.region.area or any(f in widget.ancestors_with_self for f in footers):
            continue
        scrolls = any(a.styles.overflow_y in ("auto", "scroll") for a in widget.ancestors if a is not screen
                      and hasattr(a, "styles") and a is not screen.app)
        if widget.region.bottom > limit and not scrolls:
            out.append(f"{type(widget).__name__}#{widget.id} {tuple(widget.region)}")
    return out


def cut_off(screen) -> list[str]:
    """Widgets that run past the right edge of the screen (a dialog wider than the terminal)."""
    right = screen.region.right
    return [f"{type(w).__name__}#{w.id} {tuple(w.region)}" for w in screen.walk_children(with_self=False)
            if w.display and w.region.area and w.region.right > right]


def footer_cut(screen) -> list[str]:
    """The labels of the keys the footer should show and does not show whole (cut at the right edge)."""
    footers = list(screen.query(KeyBar))
    if not footers:
        return []
    text = " ".join(shown(footers[0]).split())
    labels = {(b.group.description if b.group else b.description).strip()
              for _, b, _, _ in screen.active_bindings.values() if b.show}
    return sorted(label for label in labels if f" {label}" not in f" {text} " and f"{label} " not in text + " ")


@pytest.mark.parametrize("place", list(PLACES))
async def test_nothing_is_hidden_under_the_footer_or_cut_off_at_80x24(make_app, place):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await app.workers.wait_for_complete()
        for key in PLACES[place]:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause()
        assert hidden(app.screen) == []
        assert cut_off(app.screen) == []
        for line in app.screen.query(".status-line"):  # a screen's status line sits right above its footer
            assert line.region.bottom == app.screen.query_one(KeyBar).region.y
        # every key of the footer shown whole, on two lines if need be
        assert footer_cut(app.screen) == [], shown(app.screen.query_one(KeyBar))
        assert "…" not in shown(app.screen.query_one(KeyBar)) if app.screen.query(KeyBar) else True


async def test_the_footer_is_one_line_when_it_fits(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert bar.region.height == 1 and footer_cut(app.screen) == []
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("2")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert bar.region.height == 2 and bar.region.bottom == 24
        lines = shown(bar).splitlines()
        assert lines[0].startswith("y Confirm n Reject") and lines[1].rstrip().endswith("q Quit")


async def test_the_review_sentence_pair_has_room_at_80x24(make_app):
    """Beside each other, source and English had 15 columns each; one above the other, each has the pane."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_review(app, pilot)
        pane = screen.query_one("#item")
        lines = [line.strip() for line in shown(pane).splitlines()]
        assert lines.index("source") < lines.index("English")  # stacked: the labels on lines of their own
        source = lines[lines.index("source") + 1:lines.index("English")]
        assert source and max(len(line) for line in source) >= 30
        assert pane.region.width >= 40
        assert "(fr, source, found by" in " ".join(shown(pane).split())  # the link still shows
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:  # wide: beside each other, as before
        screen = await open_review(app, pilot)
        assert not any(line.strip() == "source" for line in shown(screen.query_one("#item")).splitlines())


async def test_the_article_stacks_its_sentences_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("j", "j", "enter")  # the French article
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        lines = shown(screen.view).splitlines()
        assert lines[0].startswith("█ 1") and "Les combats se poursuivaient" in lines[0]
        english = [line for line in lines if line.startswith("█      ▏")]
        assert english and english[0].startswith("█      ▏Fighting continued")  # under the French, full width
        assert not screen.query_one("#english-head").display
        assert "then ▏ English" in shown(screen.query_one("#source-head"))


def box(checkbox) -> str:
    """What a checkbox shows: its box and label."""
    return checkbox.render().plain


async def test_export_checkboxes_are_ticked_only_when_they_are(make_app, corpus_db, tmp_path):
    out = tmp_path / "corpus.jsonl"
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        canonical, force = screen.query_one("#export-canonical"), screen.query_one("#export-force")
        assert not canonical.value and "X" not in box(canonical) and "X" not in box(force)
        canonical.focus()
        await pilot.press("space")
        await pilot.pause()
        assert canonical.value and "X" in box(canonical) and "X" not in box(force)
        screen.query_one("#export-format").value = "jsonl"
        screen.query_one("#export-path").value = str(out)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = out.read_text(encoding="utf-8")
    assert "Islamic State" in text  # the ticked box did what it shows: English with canonical names


def numbers(label: str) -> range:
    """The sentences a label such as ``3`` or ``2-3`` names."""
    first, _, last = label.partition("-")
    return range(int(first), int(last or first) + 1)


async def test_one_sentence_numbering_from_review_to_article(make_app, corpus_db):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "رافد الطويل")  # the third sentence, shown merged with the second
        (seq,), = query(corpus_db, "SELECT s.seq FROM segments s JOIN mentions m ON m.segment_id = s.id"
                        " WHERE m.id = ?", screen.item.id)
        assert seq == 2 and f"sentence {seq + 1} " in shown(screen.query_one("#item"))
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        article = app.screen
        status = shown(article.query_one("#article-status")).split()
        assert status[0] == "sentence"
        label, total = status[1].split("/")
        assert seq + 1 in numbers(label) and total == "3"  # every sentence counted, merged or not
        cursor = next(line for line in shown(article.view).splitlines() if line.startswith("█"))
        assert cursor.split()[1] == label  # the pair under the cursor, numbered as the status says


async def test_screenshot_without_downloads_goes_to_the_data_folder(make_app, corpus_db):
    since = last_decision(corpus_db)
    assert not (Path.home() / "Downloads").exists()
    app = make_app()
    async with app.run_test(size=(200, 36)) as pilot:  # wide enough for the whole path
        await pilot.press("f12")
        await pilot.pause()
        saved = sorted(corpus_db.parent.glob("*.svg"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        assert f"screenshot saved: {saved[0]}" in shown(app.screen.query_one("#articles-status"))
        (Path.home() / "Downloads").mkdir()
        await pilot.press("f12")
        await pilot.pause()
        downloads = list((Path.home() / "Downloads").glob("*.svg"))
        assert len(downloads) == 1 and len(list(corpus_db.parent.glob("*.svg"))) == 1
        assert f"screenshot saved: ~/Downloads/{downloads[0].name}" in shown(app.screen.query_one("#articles-status"))
    assert last_decision(corpus_db) == since


async def test_an_english_article_shows_its_sentence_once_in_review(make_app):
    """Its source is its English: shown once, not twice (at 80x24 the second copy pushed the link off)."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_review(app, pilot)
        await skip_to(pilot, screen, "Yasir Shanun")
        text = shown(screen.query_one("#item"))
        assert "source (English)" in text and "\n English\n" not in f"\n{text}\n"
        assert " ".join(text.split()).count("Brigadier Yasir Shanun said") == 1  # the sentence once


async def test_glossary_spellings_have_room_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#entity-side").region.width >= 38  # the two panes share the width
        assert screen.query_one("#entities").region.width >= 38


async def test_a_long_preview_scrolls_inside_its_dialog_at_80x24(make_app):
    """A side-effect preview longer than the screen: the dialog stays on the screen and scrolls (its
    answer keys were below the last row)."""
    from workbench.tui.widgets.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        answers = []
        app.push_screen(ConfirmDialog("confirm: 30 links change", "\n".join(f"  link {n}" for n in range(30))),
                        answers.append)
        await pilot.pause()
        box = app.screen.query_one("Vertical")
        assert box.region.y >= 0 and box.region.bottom <= SMALL[1]
        assert box.max_scroll_y > 0  # the rest scrolls into view
        await pilot.press("y")
        await pilot.pause()
        assert answers == [True]


async def test_a_terminal_narrowed_while_an_article_shows_stacks_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "j", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert not screen.view.stacked and screen.query_one("#english-head").display
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.pause()
        assert screen.view.stacked and not screen.query_one("#english-head").display
        assert "then ▏ English" in shown(screen.query_one("#source-head"))
        assert any(line.startswith("█      ▏Fighting continued") for line in shown(screen.view).splitlines())
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.pause()
        assert not screen.view.stacked and "then" not in shown(screen.query_one("#source-head"))


def rows(pane) -> list[str]:
    """The rows a pane shows, without its padding."""
    return [line.strip() for line in shown(pane).splitlines()]


async def test_the_review_item_pane_scrolls_to_its_candidates_at_80x24(make_app):
    """The sentence pair filled the pane: the candidates (or the link and its why) were below its last
    row, out of reach. The pane says what is below, and J / K (listed in the help) bring it into view."""
    from rich.console import Console

    from workbench.tui.help_screen import keys_table

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_review(app, pilot)
        pane = screen.query_one("#item")
        first = rows(pane)
        assert first[0].startswith("1 of ") and "nr-mlk" not in first  # the end of the candidate's why
        assert first[-1].startswith("↓ ") and first[-1].endswith("more lines · J K scroll")
        help_lines = [" ".join(line.split()) for line in Console(width=100).render_lines(keys_table(["review"]))
                      for line in ["".join(segment.text for segment in line)]]
        assert any(line.startswith("J / ") and line.endswith("Item pane: scroll down a page") for line in help_lines)
        seen = list(first)
        for _ in range(4):
            await pilot.press("J")
            await pilot.pause()
            seen += rows(pane)
        lines = rows(pane)
        assert lines[0].startswith("↑ ") and lines[0].endswith("lines above · J K scroll")
        assert not lines[-1].startswith("↓ ")  # the end of the item: its last line shows
        assert "Candidates" in seen and "nr-mlk" in seen
        await pilot.press("K", "K", "K", "K")
        await pilot.pause()
        assert rows(pane) == first  # back at the top
        await pilot.press("J", "b")  # the same item again (bulk on): the pane stays where it was
        await pilot.pause()
        assert rows(pane)[0].startswith("↑ ")
        await pilot.press("b", "s")  # the next item: from its top
        await pilot.pause()
        assert rows(pane)[0].startswith("2 of ")


@pytest.mark.parametrize("screen_key", ["4", "5"])
async def test_the_palette_key_alone_takes_no_footer_line_at_80x24(make_app, screen_key):
    """On the jobs screen the footer's second line held only "│ ctrl+p palette": left out there (the help
    lists it), the footer is one line; where it fits, or shares a line with other keys, it stays."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(screen_key)
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        lines = shown(bar).splitlines()
        assert bar.region.height == 1 and len(lines) == 1 and bar.region.bottom == 24
        assert lines[0].rstrip().endswith(("q Quit", "ctrl+p palette")) and footer_cut(app.screen) in ([], ["palette"])
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(screen_key)
        await pilot.pause()
        assert shown(app.screen.query_one(KeyBar)).rstrip().endswith("│ ctrl+p palette")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:  # the articles: "q Quit │ ctrl+p palette" on its second line
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert shown(bar).splitlines()[1].startswith("q Quit │ ctrl+p palette")
