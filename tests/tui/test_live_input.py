"""LiveInput: the callback runs inside the keystroke, and the cursor behaves as in Textual's own Input."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from workbench.tui.widgets.live_input import LiveInput


class OneInput(App):
    def __init__(self, value: str = "") -> None:
        super().__init__()
        self.value = value
        self.seen: list[tuple[str, str]] = []  # (value handed over, the input's value at that moment)
        self.changed: list[str] = []

    def compose(self) -> ComposeResult:
        yield LiveInput(self.value, on_value=self.typed)

    def typed(self, value: str) -> None:
        self.seen.append((value, self.query_one(LiveInput).value))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.changed.append(event.value)


async def test_each_key_calls_back_before_the_next_one():
    app = OneInput()
    async with app.run_test() as pilot:
        field = app.query_one(LiveInput)
        field.focus()
        await pilot.press("k")
        assert app.seen == [("k", "k")]  # no message round trip: there already when the key returns
        await pilot.press("a", "z")
        await pilot.pause()
        assert [v for v, _ in app.seen] == ["k", "ka", "kaz"]
        assert app.changed == ["k", "ka", "kaz"]  # Input.Changed still posted for other listeners


async def test_cursor_follows_value_changes():
    app = OneInput("kazimi")
    async with app.run_test() as pilot:
        field = app.query_one(LiveInput)
        field.focus()
        await pilot.pause()
        assert field.cursor_position == 6  # an initial value puts the cursor at its end
        field.value = ""  # cleared from code (the glossary's escape)
        await pilot.pause()
        assert field.cursor_position == 0
        await pilot.press("h", "a")
        assert field.value == "ha" and field.cursor_position == 2
        await pilot.press("left", "s")
        assert field.value == "hsa" and app.seen[-1] == ("hsa", "hsa")


async def test_virtual_width_stays_the_box_width_while_the_text_fits():
    app = OneInput()
    async with app.run_test(size=(60, 5)) as pilot:
        field = app.query_one(LiveInput)
        field.focus()
        await pilot.pause()
        box = field.scrollable_content_region.width
        await pilot.press(*"hasaka")
        assert field.virtual_size.width == box  # no change of virtual size, no layout pass per key
        await pilot.press(*("x" * (box + 5)))
        await pilot.pause()
        assert field.virtual_size.width > box  # a longer text still scrolls
        assert field.cursor_position == len(field.value)
