"""The history pane: recent decisions, newest first; each can be undone or changed after a confirm step."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message

from workbench.tui import keys
from workbench.tui.widgets.virtual_table import Column, VirtualTable

COLUMNS = (Column("When", 5), Column("Decision", 8), Column("Name"), Column("Entity"), Column("#", 4, "right"))


def count_cell(n: int) -> str:
    """A decision's mention count in the four cells of its column: 3728, then 34k."""
    return str(n) if n < 10_000 else f"{n // 1000}k"


def cells(row: dict) -> tuple:
    at = (row.get("at") or "")[11:16]
    action = Text(row["action"], style="strike dim" if row.get("undone") else "bold")
    surface = row.get("surface") or "?"
    entity = row.get("entity_id") or ""
    if row.get("undone"):
        entity = "(undone)"
    return (at, action, surface, entity, count_cell(row.get("mentions", 1)))


def describe(row: dict) -> str:
    """A history row in full for the status line: who decided, when, what, on how many mentions."""
    when = (row.get("at") or "")[:16].replace("T", " ")
    entity = f" → {row['entity_id']}" if row.get("entity_id") else ""
    count = row.get("mentions", 1)
    many = f" ({count} mentions)" if count > 1 else ""
    state = " · undone" if row.get("undone") else " · z undoes · e changes"
    return f"{row.get('user') or '?'}, {when}: {row['action']} “{row.get('surface') or '?'}”{entity}{many}{state}"


class HistorySource:
    """The latest decisions as a RowSource (a short list: read whole)."""

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows

    def count(self) -> int:
        return len(self.rows)

    def fetch(self, offset: int, limit: int) -> list[dict]:
        return self.rows[offset:offset + limit]


class HistoryPane(VirtualTable):
    """Recent decisions; ``z`` undoes the highlighted one, ``e`` changes it (both ask first)."""

    BINDINGS = keys.bindings("history")

    class Undo(Message):
        """Undo this decision (after a confirm step)."""

        def __init__(self, row: dict) -> None:
            super().__init__()
            self.row = row

    class Change(Message):
        """Change this decision (choose the new one, then confirm)."""

        def __init__(self, row: dict) -> None:
            super().__init__()
            self.row = row

    class Leave(Message):
        """Focus goes back to the queue."""

    def __init__(self, **kwargs) -> None:
        super().__init__(COLUMNS, cells, empty="No decisions yet.", **kwargs)

    def show(self, rows: list[dict]) -> None:
        """Read again: not a cursor move, so no Highlighted (the status line keeps what it says)."""
        with self.prevent(VirtualTable.Highlighted):
            self.set_source(HistorySource(rows), cursor=self.cursor if self.source else 0)

    def action_undo_selected(self) -> None:
        if self.row is not None:
            self.post_message(self.Undo(self.row))

    def action_edit_selected(self) -> None:
        if self.row is not None:
            self.post_message(self.Change(self.row))

    def action_leave_history(self) -> None:
        self.post_message(self.Leave())
