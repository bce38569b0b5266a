"""The top bar: the five screens with their keys, the current one marked, and the database."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

SCREENS = (("1", "articles", "Articles"), ("2", "review", "Review"), ("3", "glossary", "Glossary"),
           ("4", "jobs", "Jobs"), ("5", "export", "Export"))


class NavBar(Static):
    """Which screen is showing, and the keys for the others."""

    DEFAULT_CSS = """
    NavBar { height: 1; background: $primary-background; padding: 0 1; }
    """

    def __init__(self, current: str, detail: str = "") -> None:
        super().__init__()
        self.current = current
        self.detail = detail

    def on_mount(self) -> None:
        self.update(self.bar())

    def bar(self) -> Text:
        text = Text("workbench ", style="bold")
        for key, mode, label in SCREENS:
            style = "bold reverse" if mode == self.current else "dim"
            text.append(f" {key} {label} ", style=style)
            text.append(" ")
        if self.detail:
            text.append(f"  {self.detail}", style="italic")
        text.append(f"   {self.app.session.path.name}", style="dim")
        return text
