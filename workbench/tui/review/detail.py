"""The review item as Rich renderables: sentence pair with the name, current link, candidates (pure)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from workbench.review.entity_type import guessed_type
from workbench.tui.render.arabic import BidiText, display_line
from workbench.tui.render.sentence import highlight
from workbench.tui.state.article import status_class


def _spans(item: dict, side: str) -> list[tuple[int, int, str]]:
    spans = []
    look = status_class(item["status"])
    if item["side"] == side:
        spans.append((item["start"], item["end"], look))
    counterpart = item.get("counterpart")
    if counterpart and counterpart["side"] == side:
        spans.append((counterpart["start"], counterpart["end"], look))
    return sorted(spans)


def sentence_pair(item: dict, bidi: str) -> tuple[RenderableType, RenderableType]:
    """Source and English of the mention's sentence pair, the mention (and its counterpart) marked."""
    source_spans = _spans(item, "source")
    focus = next((n for n, s in enumerate(source_spans) if item["side"] == "source" and s[0] == item["start"]), None)
    source = BidiText(highlight(item["source_text"], source_spans, focus), bidi)
    if item.get("english_text") is None:
        english: RenderableType = Text("(not translated yet)", style="dim italic")
    else:
        english_spans = _spans(item, "english")
        efocus = next((n for n, s in enumerate(english_spans)
                       if item["side"] == "english" and s[0] == item["start"]), None)
        english = highlight(item["english_text"], english_spans, efocus)
    return source, english


def link_line(item: dict, bidi: str = "shape") -> Text:
    """What the machine proposes for the mention now."""
    text = Text()
    text.append(display_line(item["surface"], bidi), style="bold")
    text.append(f"  ({item['lang']}, {item['side']}, found by {item['detector']})  ", style="dim")
    if item["status"] == "new" or not item.get("entity_id"):
        proposal = item.get("proposal") or {}
        name = proposal.get("canonical_en")
        text.append("not in the glossary", style="magenta bold")
        if name:
            text.append(f" · proposed new entity: {display_line(name, bidi)} ({guessed_type(item)})")
    else:
        text.append("→ ")
        text.append(display_line(item.get("canonical") or item["entity_id"], bidi), style="bold")
        text.append(f" [{item['entity_id']}]", style="dim")
        text.append(f"  {item['status']} {item['score']:.2f}", style="yellow")
    return text


def why_line(item: dict, bidi: str = "shape") -> BidiText:
    """Why the machine proposes it (``item["why"]``): wrapped, then each line's Arabic ordered."""
    return BidiText(Text(f"  why: {item['why']}", style="italic"), bidi)


def candidates_table(item: dict, bidi: str = "shape") -> Table | Text:
    """The candidates with score and why (the picker also offers them)."""
    rows = item.get("candidates") or []
    if not rows:
        return Text("No other candidates. c opens the picker to search the glossary; a adds a new entity.",
                    style="dim")
    table = Table(box=None, padding=(0, 1), expand=True, header_style="bold")
    table.add_column("#", width=2, justify="right")
    table.add_column("score", width=5, justify="right")
    table.add_column("entity", ratio=2, no_wrap=True)
    table.add_column("variant", ratio=2)  # wrapped, in reading order: cut, an Arabic name would lose its start
    table.add_column("why", ratio=3)
    for n, c in enumerate(rows, start=1):
        style = "bold" if c["entity_id"] == item.get("entity_id") else ""
        table.add_row(str(n), f"{c['score']:.2f}", Text(c.get("canonical") or c["entity_id"], style=style),
                      BidiText(Text(c.get("variant") or ""), bidi), BidiText(Text(c.get("why") or ""), bidi))
    return table


def bulk_line(bulk: bool, same: int, surface: str, cap: int = 500, bidi: str = "shape") -> Text:
    surface = display_line(surface, bidi)
    count = f"{same}+" if same >= cap else str(same)
    if bulk:
        return Text(f"b: the next decision also applies to {count} other undecided mention(s) of “{surface}”",
                    style="bold reverse yellow")
    if same:
        return Text(f"{count} other undecided mention(s) spelled “{surface}”: b applies the next decision to all",
                    style="dim")
    return Text("")


def item_header(item: dict, position: int, total: int) -> Text:
    return Text(f"{position + 1} of {total:,} waiting · article {item['article_id']} · sentence {item['seq'] + 1}"
                f" · mention {item['id']}", style="dim")


SIDE_BY_SIDE = 64
"""Cells the item pane needs to show source beside English (30 a side); narrower, English goes under it."""


class PairLayout:
    """Source beside English when the pane is wide enough, else source above English (an 80-column
    terminal left each side 15 cells): decided at the width it is drawn at."""

    def __init__(self, source: RenderableType, english: RenderableType) -> None:
        self.source, self.english = source, english

    def layout(self, width: int) -> Table:
        grid = Table.grid(expand=True, padding=(0, 2))
        labels = Text("source", style="bold dim"), Text("English", style="bold dim")
        if width >= SIDE_BY_SIDE:
            grid.add_column(ratio=1)
            grid.add_column(ratio=1)
            grid.add_row(*labels)
            grid.add_row(self.source, self.english)
        else:
            grid.add_column(ratio=1)
            for label, text in zip(labels, (self.source, self.english)):
                grid.add_row(label)
                grid.add_row(text)
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.layout(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.layout(options.max_width))


def render_pair(item: dict, bidi: str) -> Group:
    source, english = sentence_pair(item, bidi)
    if item.get("english_text") == item["source_text"]:  # an English article: its text once
        return Group(Text("source (English)", style="bold dim"), source)
    return Group(PairLayout(source, english))


class Drawn:
    """A renderable drawn once per width and then reused: the pane shows the same item again after a
    decision is written (only its header, the place in the queue, changes)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._lines: dict[int, list[list[Segment]]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self._lines.get(options.max_width)
        if lines is None:
            lines = self._lines[options.max_width] = console.render_lines(self.renderable, options, pad=False,
                                                                           new_lines=True)
        for line in lines:
            yield from line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


def item_body(item: dict, bulk: bool, same: int, bidi: str) -> Drawn:
    """The item pane below its header: sentence pair, current link, bulk note, candidates."""
    parts = [Text(""), render_pair(item, bidi), Text(""), link_line(item, bidi)]
    if item.get("why"):
        parts.append(why_line(item, bidi))
    note = bulk_line(bulk, same, item["surface"], bidi=bidi)
    if note.plain:
        parts += [Text(""), note]
    parts += [Text(""), Text("Candidates", style="bold"), candidates_table(item, bidi)]
    return Drawn(Group(*parts))


def render_item(item: dict, position: int, total: int, body: Drawn) -> Group:
    """The whole item pane: its header (the place in the queue), then its body (``item_body``)."""
    return Group(item_header(item, position, total), body)


def render_group(group: dict, position: int, total: int, mode: str, first: dict, bidi: str) -> Group:
    """A group of the grouped queue: count, spellings, proposal, status mix, scores, its first mention."""
    n = group["count"]
    header = Text(f"{position + 1} of {total:,} groups by {mode} · {n} mention{'s' if n != 1 else ''} waiting",
                  style="dim")
    names = Text()
    for k, spelling in enumerate(group["spellings"][:8]):
        names.append(" · " if k else "")
        names.append(display_line(spelling, bidi), style="bold")
    if len(group["spellings"]) > 8:
        names.append(f" · and {len(group['spellings']) - 8} more", style="dim")
    names.append(f"  ({', '.join(group['langs'])})", style="dim")
    proposed = Text("→ ")
    if group["entity_id"]:
        proposed.append(display_line(group["canonical"] or group["entity_id"], bidi), style="bold")
        proposed.append(f" [{group['entity_id']}] {group['type'] or ''}", style="dim")
    else:
        name = (first.get("proposal") or {}).get("canonical_en")
        proposed.append("not in the glossary", style="magenta bold")
        if name:
            proposed.append(f" · proposed new entity: {display_line(name, bidi)}")
    low, high = group["score"]
    mix = Text(" · ".join(f"{status} {count}" for status, count in group["status"].items()), style="yellow")
    mix.append(f"  score {low:.2f}–{high:.2f} ({group['band']})", style="dim")
    hint = Text(f"y n u c a decide on all {n} mention{'s' if n != 1 else ''} of the group; a confirm step "
                "first shows every link the decision changes.\nm next grouping · l language · t type · f status · "
                "p score band · esc clears the filters", style="dim")
    return Group(header, Text(""), names, proposed, mix, Text(""),
                 Text(f"First: article {first['article_id']} · sentence {first['seq'] + 1} · mention {first['id']}",
                      style="dim"), render_pair(first, bidi), Text(""), hint)
