"""Key bindings as data: one registry of actions per scope, shown in the footer, the help screen and docs.

Run ``python -m workbench.tui.keys`` to print the keyboard reference (docs/keyboard.md is generated so).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Action:
    """One thing the analyst can do with a key, in one scope (a screen or a pane)."""

    scope: str
    """Where the key works: a key of ``SCOPES``."""
    keys: str
    """Textual key names, comma separated; the first is the one shown."""
    action: str
    """The Textual action run (``action_<name>`` on the screen or widget of the scope)."""
    description: str
    """Short label for the footer and the help screen."""
    show: bool = True
    """Listed in the footer (every action is listed in the help screen and the docs)."""
    priority: bool = False
    """Checked before the focused widget sees the key (for keys that must work inside inputs)."""
    key_display: str | None = None
    """How the keys are written in the footer, when the first key name is not enough."""
    builtin: bool = False
    """Provided by Textual itself (documented here, not bound again)."""
    group: str | None = None
    """Footer label shared by neighbouring actions (their keys shown together, e.g. ``j k sentence``)."""

    @property
    def id(self) -> str:
        """Stable identifier used by the footer and by user keymaps: ``scope.action``."""
        return f"{self.scope}.{self.action}"

    @property
    def display(self) -> str:
        """The keys as a person reads them: ``j / down``."""
        if self.key_display:
            return self.key_display
        return " / ".join(_readable(k) for k in self.keys.split(","))


_NAMES = {
    "question_mark": "?", "slash": "/", "escape": "esc", "enter": "enter", "space": "space",
    "left_square_bracket": "[", "right_square_bracket": "]", "plus": "+", "minus": "-",
    "left_curly_bracket": "{", "right_curly_bracket": "}",
    "pageup": "pgup", "pagedown": "pgdn", "up": "↑", "down": "↓", "left": "←", "right": "→",
}


def _readable(key: str) -> str:
    key = key.strip()
    if key.startswith("ctrl+"):
        return "ctrl+" + _NAMES.get(key[5:], key[5:])
    return _NAMES.get(key, key)


SCOPES: dict[str, str] = {
    "app": "Everywhere",
    "table": "Any list",
    "articles": "Articles",
    "article": "Article (side by side)",
    "review": "Review queue",
    "history": "Review history pane",
    "change": "Change a decision (history)",
    "concordance": "Same spelling (concordance)",
    "picker": "Entity picker",
    "glossary": "Glossary",
    "variants": "Glossary variants pane",
    "jobs": "Jobs and models",
    "export": "Export",
    "dialog": "Dialogs and forms",
}
"""Every scope, in the order the help screen and the docs list them."""

GROUP_LABELS = {"screens": "go"}
"""Short footer labels for groups of keys."""

REGISTRY: tuple[Action, ...] = (
    # ---- everywhere ----------------------------------------------------------------------------
    Action("app", "question_mark", "help", "Keys"),
    Action("app", "1", "go('articles')", "Articles", key_display="1", group="screens"),
    Action("app", "2", "go('review')", "Review", key_display="2", group="screens"),
    Action("app", "3", "go('glossary')", "Glossary", key_display="3", group="screens"),
    Action("app", "4", "go('jobs')", "Jobs", key_display="4", group="screens"),
    Action("app", "5", "go('export')", "Export", key_display="5", group="screens"),
    Action("app", "ctrl+p", "command_palette", "Commands", builtin=True),
    Action("app", "f12", "screenshot", "Screenshot (SVG)", show=False),
    Action("app", "q", "quit", "Quit"),
    Action("app", "ctrl+q", "quit", "Quit (also inside a text field)", show=False, priority=True),
    # ---- any list (virtual tables) -------------------------------------------------------------
    Action("table", "j,down", "cursor_down", "Down", show=False),
    Action("table", "k,up", "cursor_up", "Up", show=False),
    Action("table", "pagedown,ctrl+d", "page_down", "Page down", show=False),
    Action("table", "pageup,ctrl+u", "page_up", "Page up", show=False),
    Action("table", "g,home", "first", "First row", show=False),
    Action("table", "G,end", "last", "Last row", show=False),
    Action("table", "enter", "select", "Open", show=False),
    # ---- articles --------------------------------------------------------------------------------
    Action("articles", "slash", "search", "Search"),
    Action("articles", "l", "cycle_lang", "Language"),
    Action("articles", "f", "cycle_status", "Status"),
    Action("articles", "s", "cycle_sort", "Sort"),
    Action("articles", "S", "reverse_sort", "Reverse", key_display="S"),
    Action("articles", "r", "reload", "Reload"),
    Action("articles", "escape", "clear", "Clear search", show=False),
    # ---- one article, side by side ---------------------------------------------------------------
    Action("article", "j,down", "next_sentence", "Next sentence", key_display="j", group="sentence"),
    Action("article", "k,up", "previous_sentence", "Previous sentence", key_display="k",
           group="sentence"),
    Action("article", "l,right,tab", "next_mention", "Next name", key_display="l", group="name"),
    Action("article", "h,left,shift+tab", "previous_mention", "Previous name", key_display="h",
           group="name"),
    Action("article", "c", "toggle_canonical", "Canonical"),
    Action("article", "t", "toggle_latin", "Latin"),
    Action("article", "b", "toggle_bidi", "Bidi"),
    Action("article", "r", "review_article", "Review"),
    Action("article", "right_square_bracket", "next_article", "Next article", key_display="]",
           show=False),
    Action("article", "left_square_bracket", "previous_article", "Previous article",
           key_display="[", show=False),
    Action("article", "g,home", "first_sentence", "First sentence", show=False),
    Action("article", "G,end", "last_sentence", "Last sentence", show=False),
    Action("article", "escape", "back", "Back"),
    # ---- the review queue ------------------------------------------------------------------------
    Action("review", "y", "decide('confirm')", "Confirm"),
    Action("review", "n", "decide('reject')", "Reject"),
    Action("review", "u", "decide('unsure')", "Unsure"),
    Action("review", "s", "skip", "Skip"),
    Action("review", "c", "correct", "Correct"),
    Action("review", "a", "new_entity", "New"),
    Action("review", "x", "decide('not-a-name')", "Dismiss"),
    Action("review", "b", "toggle_bulk", "Bulk"),
    Action("review", "m", "cycle_mode", "Group: mention / spelling / entity", show=False),
    Action("review", "l", "cycle_filter('lang')", "Filter: language (grouped)", show=False),
    Action("review", "t", "cycle_filter('entity_type')", "Filter: entity type (grouped)", show=False),
    Action("review", "f", "cycle_filter('status')", "Filter: status (grouped)", show=False),
    Action("review", "p", "cycle_filter('band')", "Filter: score band (grouped)", show=False),
    Action("review", "z", "undo_last", "Undo"),
    Action("review", "H", "focus_history", "History", key_display="H", show=False),
    Action("review", "left_square_bracket", "span('left', 1)", "Span: one word more on the left",
           key_display="[", group="span"),
    Action("review", "left_curly_bracket", "span('left', -1)", "Span: one word less on the left",
           key_display="{", group="span"),
    Action("review", "right_curly_bracket", "span('right', -1)", "Span: one word less on the right",
           key_display="}", group="span"),
    Action("review", "right_square_bracket", "span('right', 1)", "Span: one word more on the right",
           key_display="]", group="span"),
    Action("review", "w", "concordance", "Why"),
    # the footer is full at 120 columns: the item pane says J K on its edge row when it has more to show
    Action("review", "J,shift+down", "scroll_item(1)", "Item pane: scroll down a page", show=False),
    Action("review", "K,shift+up", "scroll_item(-1)", "Item pane: scroll up a page", show=False),
    Action("review", "o", "open_article", "Article", show=False),
    Action("review", "r", "reload", "Reload", show=False),
    Action("review", "escape", "clear_filter", "Clear filters (article, grouped)", show=False),
    Action("history", "z", "undo_selected", "Undo…"),
    Action("history", "e", "edit_selected", "Change…"),
    Action("history", "escape", "leave_history", "Back to queue"),
    Action("change", "y", "pick('confirm')", "Confirm"),
    Action("change", "n", "pick('reject')", "Reject"),
    Action("change", "u", "pick('unsure')", "Unsure"),
    Action("change", "c", "pick('correct')", "Correct…"),
    Action("change", "escape", "cancel", "Cancel"),
    Action("concordance", "pagedown,space", "next_page", "Next page"),
    Action("concordance", "pageup", "previous_page", "Previous page"),
    Action("concordance", "escape,w", "close", "Close"),
    # ---- entity picker (correct) ---------------------------------------------------------------
    Action("picker", "down", "cursor_down", "Next", show=False, priority=True),
    Action("picker", "up", "cursor_up", "Previous", show=False, priority=True),
    Action("picker", "enter", "choose", "Choose", priority=True),
    Action("picker", "escape", "cancel", "Cancel"),
    # ---- glossary ----------------------------------------------------------------------------------
    Action("glossary", "slash", "search", "Search"),
    Action("glossary", "a", "add_entity", "Add"),
    Action("glossary", "e", "edit_entity", "Edit"),
    Action("glossary", "d", "delete_entity", "Delete"),
    Action("glossary", "m", "merge_entity", "Merge"),
    Action("glossary", "v", "add_variant", "Add variant"),
    Action("glossary", "enter", "focus_variants", "Variants"),
    Action("glossary", "w", "write_back", "Write learned"),
    Action("glossary", "escape", "clear", "Clear search", show=False),
    Action("variants", "x", "remove_variant", "Remove variant"),
    Action("variants", "v", "add_variant", "Add variant"),
    Action("variants", "escape", "leave_variants", "Back to entities"),
    # ---- jobs and models -------------------------------------------------------------------------
    Action("jobs", "t", "translate", "Translate"),
    Action("jobs", "a", "align", "Align"),
    Action("jobs", "x", "cancel", "Cancel job"),
    Action("jobs", "r", "reload", "Reload"),
    # ---- export ------------------------------------------------------------------------------------
    Action("export", "ctrl+s", "export", "Export", priority=True),
    Action("export", "ctrl+x", "cancel", "Cancel export", priority=True),
    # ---- dialogs and forms ---------------------------------------------------------------------
    Action("dialog", "ctrl+s", "submit", "Save", priority=True),
    Action("dialog", "escape", "cancel", "Cancel"),
    Action("dialog", "y", "yes", "Yes", show=False),
    Action("dialog", "n", "no", "No", show=False),
)


def actions(scope: str) -> list[Action]:
    """The actions of one scope, in registry order."""
    if scope not in SCOPES:
        raise KeyError(f"unknown key scope {scope!r}")
    return [a for a in REGISTRY if a.scope == scope]


def bindings(scope: str) -> list[Binding]:
    """Textual bindings for a scope (a screen's or widget's ``BINDINGS``)."""
    return [
        Binding(a.keys, a.action, a.description, show=a.show, key_display=a.key_display,
                priority=a.priority, id=a.id,
                group=Binding.Group(GROUP_LABELS.get(a.group, a.group) + " ", compact=True) if a.group else None)
        for a in actions(scope) if not a.builtin
    ]


def conflicts() -> list[str]:
    """Keys bound twice within one scope (a mistake in the registry)."""
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for a in REGISTRY:
        for key in a.keys.split(","):
            slot = (a.scope, key.strip())
            if slot in seen and seen[slot] != a.action:
                problems.append(f"{a.scope}: {key} is bound to {seen[slot]} and {a.action}")
            seen.setdefault(slot, a.action)
    return problems


def markdown() -> str:
    """The keyboard reference as Markdown, one table per scope."""
    lines = [
        "# Keyboard reference",
        "",
        "Generated from `workbench/tui/keys.py` by `python -m workbench.tui.keys`; do not edit by hand.",
        "Press `?` anywhere in the workbench to see the same list.",
        "",
    ]
    for scope, title in SCOPES.items():
        lines += [f"## {title}", "", "| Keys | Action |", "|------|--------|"]
        for a in actions(scope):
            keys = " / ".join(f"`{_readable(k)}`" for k in a.keys.split(","))
            lines.append(f"| {keys} | {a.description} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(markdown())
