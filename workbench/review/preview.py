"""What a decision would change, link by link: the decision itself, rolled back (or kept when it asks nothing)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.review.decisions import decide
from workbench.review.links import LINK_FIELDS, Outcome
from workbench.vocabulary import AUTO, PENDING
from workbench.store import implied
from workbench.store.chunks import rows_in
from workbench.store.db import transaction

KINDS = ("this", "same_spelling", "moved", "demoted", "other")
"""How a link changes: the mention decided on; another mention the decision covers (same spelling, or
the rest of a group); such a mention taken from another entity it was linked to; a link of a rejected
(spelling, entity) pair falling back to its next candidate; anything else the decision changes."""


@dataclass
class Change:
    """One link the decision changes: its state before and after (``workbench.review.decisions.LINK_FIELDS``)."""

    mention_id: int
    kind: str
    before: dict | None
    after: dict | None
    surface: str = ""
    lang: str = ""
    names: dict = field(default_factory=dict)  # entity id -> canonical name, as the decision leaves them
    gone: bool = False  # the mention itself goes (re-analysed, it is no longer found as a name)

    def line(self) -> str:
        """``“Hamrin” (fr): new → accepted Hamrin``."""
        def state(link: dict | None) -> str:
            if link is None:
                return "no longer a name" if self.gone else "no link"
            eid = link.get("entity_id")
            return f"{link.get('status')}{' ' + self.names.get(eid, eid) if eid else ''}"

        before, after = state(self.before), state(self.after)
        if before == after:  # the same entity and status: what changed is its score or its proposal
            old, new = (self.before or {}).get("score"), (self.after or {}).get("score")
            what = "proposal changed"
            if old != new and None not in (old, new):  # as many digits as it takes to see the change
                digits = next((d for d in (2, 3, 4) if f"{old:.{d}f}" != f"{new:.{d}f}"), None)
                what = f"score {old:.{digits}f} → {new:.{digits}f}" if digits else "scored anew"
            return f"“{self.surface}” ({self.lang}): {after}, {what}"
        return f"“{self.surface}” ({self.lang}): {before} → {after}"


@dataclass
class Preview:
    """Everything a decision would change, read before it was rolled back."""

    action: str
    mention_id: int
    surface: str
    lang: str
    entity_id: str | None
    canonical: str | None
    changes: list[Change] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    """Entities the decision creates."""
    spellings: int = 0
    """Spellings it adds to the glossary (learned variants)."""

    @property
    def counts(self) -> dict[str, int]:
        """Changed links by kind, every kind listed."""
        counts = dict.fromkeys(KINDS, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    @property
    def decided(self) -> int:
        """The mentions the decision is made on (this one and the others it covers)."""
        counts = self.counts
        return counts["this"] + counts["same_spelling"] + counts["moved"]

    @property
    def side_effects(self) -> bool:
        """True when the decision changes other links than the one mention's, beyond a link only scored
        anew and waiting names now linked to the decided entity (its counterparts, by its new spelling)."""
        return any(c.kind != "this" and not self._benign(c) for c in self.changes)

    def _benign(self, change: Change) -> bool:
        if change.kind != "other":
            return False
        before, after = change.before or {}, change.after or {}
        if (before.get("entity_id"), before.get("status")) == (after.get("entity_id"), after.get("status")):
            return True
        return (self.entity_id is not None and after.get("entity_id") == self.entity_id
                and after.get("decided_by") == AUTO and before.get("status") in PENDING)

    @property
    def linked_too(self) -> int:
        """Waiting names the decision linked to its entity without asking (its counterparts, its spelling
        elsewhere): said after the decision, since no question showed them."""
        return sum(1 for c in self.changes if c.kind == "other" and self._benign(c)
                   and ((c.before or {}).get("entity_id"), (c.before or {}).get("status"))
                   != ((c.after or {}).get("entity_id"), (c.after or {}).get("status")))

    def side_effect_lines(self, limit: int = 6) -> list[str]:
        """The first ``limit`` links changed beyond the mention decided on, one line each, then a count:
        changes of other links' entity or status first, then the mentions the decision covers (spelled
        the same, the rest of a group), links only scored anew last."""
        others = sorted((c for c in self.changes if c.kind != "this"),
                        key=lambda c: (self._benign(c), c.kind == "same_spelling"))
        lines = [c.line() for c in others[:limit]]
        if len(others) > limit:
            lines.append(f"… and {len(others) - limit} more")
        return lines

    def summary(self) -> str:
        """One line: ``confirm: 37 mentions of “X” (ar) → Y; 3 other links demoted``."""
        counts = self.counts
        n = self.decided
        target = ""
        if self.entities:
            target = f" → new entity {self.canonical or self.entity_id}"
        elif self.entity_id and self.action != "reject":
            target = f" → {self.canonical or self.entity_id}"
        elif self.entity_id:
            target = f" ≠ {self.canonical or self.entity_id}"
        line = f"{self.action}: {n} mention{'s' if n != 1 else ''} of “{self.surface}” ({self.lang}){target}"
        if counts["moved"]:
            line += f"; {counts['moved']} of them taken from another entity"
        if counts["demoted"]:
            line += f"; {counts['demoted']} other link{'s' if counts['demoted'] != 1 else ''} demoted"
        rescored = sum(1 for c in self.changes if self._benign(c))  # the same entity and status, or now linked to it
        changed = counts["other"] - rescored
        if changed:
            line += f"; {changed} other link{'s' if changed != 1 else ''} changed"
        if rescored:
            line += f"; {rescored} other name{'s' if rescored != 1 else ''} now linked to it or only scored anew"
        if self.spellings:
            line += f"; {self.spellings} spelling{'s' if self.spellings != 1 else ''} learned"
        return line


class _Discard(Exception):
    """Raised inside the preview's transaction to roll the decision back."""


def preview(conn: sqlite3.Connection, mention_id: int, action: str, **options) -> Preview:
    """What ``decide(conn, mention_id, action, **options)`` would change, computed by making the decision
    in a transaction (a savepoint inside the caller's) that is then rolled back: nothing is written,
    and the preview is what the decision does. A decision that would be refused raises its UserError.

    Every link write is caught by temporary triggers made in the same transaction (rolled back with
    it): the decision's own rows and the links its re-alignment changes (``align.run.refresh``).
    """
    return _watched(conn, mention_id, action, lambda _: False, options)[0]


def decide_unless_asked(conn: sqlite3.Connection, mention_id: int, action: str, *, confirmed: bool = False,
                        **options) -> tuple[Preview, Outcome | None]:
    """Make the decision and read its preview in one pass: committed when it changes no other link than
    the mention's (``Preview.side_effects``) or when ``confirmed``; else rolled back, its outcome None,
    for the analyst to be asked (and the decision made again with ``confirmed``)."""
    return _watched(conn, mention_id, action, lambda p: confirmed or not p.side_effects, options)


def _watched(conn: sqlite3.Connection, mention_id: int, action: str, keep: Callable[[Preview], bool],
             options: dict) -> tuple[Preview, Outcome | None]:
    """The decision made with its link writes watched: kept when ``keep(preview)``, else rolled back."""
    result: Preview | None = None
    try:
        with transaction(conn):
            _watch_links(conn)
            outcome = decide(conn, mention_id, action, **options)
            result = _read(conn, mention_id, action, outcome)
            if not keep(result):
                raise _Discard
            _unwatch(conn)
    except _Discard:
        return result, None
    return result, outcome


def _state(row: str) -> str:
    columns = (implied.decided_by(row) if f == "decided_by" else f"{row}.{f}" for f in LINK_FIELDS)
    return "json_object(" + ", ".join(f"'{f}', {c}" for f, c in zip(LINK_FIELDS, columns)) + ")"


def _watch_links(conn: sqlite3.Connection) -> None:
    """Temporary table and triggers recording each link's state before and after every write."""
    conn.execute("CREATE TEMP TABLE preview_links (mention_id INTEGER, before TEXT, after TEXT)")
    for event, before, after in (("INSERT", "NULL", _state("new")), ("UPDATE", _state("old"), _state("new")),
                                 ("DELETE", _state("old"), "NULL")):
        mention = "old" if event == "DELETE" else "new"
        conn.execute(f"""CREATE TEMP TRIGGER preview_links_{event.lower()} AFTER {event} ON main.links
                         BEGIN INSERT INTO preview_links VALUES ({mention}.mention_id, {before}, {after}); END""")
    conn.execute("CREATE TEMP TABLE preview_gone (mention_id INTEGER, surface TEXT, lang TEXT)")
    conn.execute("""CREATE TEMP TRIGGER preview_mentions_delete AFTER DELETE ON main.mentions
                    BEGIN INSERT INTO preview_gone VALUES (old.id, old.surface, old.lang); END""")


def _unwatch(conn: sqlite3.Connection) -> None:
    """Drop the watch before a kept decision commits (temporary objects would outlive it)."""
    for event in ("insert", "update", "delete"):
        conn.execute(f"DROP TRIGGER temp.preview_links_{event}")
    conn.execute("DROP TRIGGER temp.preview_mentions_delete")
    conn.execute("DROP TABLE temp.preview_links")
    conn.execute("DROP TABLE temp.preview_gone")


def _read(conn: sqlite3.Connection, mention_id: int, action: str, outcome) -> Preview:
    surface, lang = conn.execute("SELECT surface, lang FROM mentions WHERE id = ?", (mention_id,)).fetchone()
    row = conn.execute("SELECT canonical_en FROM entities WHERE id = ?", (outcome.entity_id,)).fetchone()
    result = Preview(action, mention_id, surface, lang, outcome.entity_id, row[0] if row else None)
    covered = set(outcome.mention_ids)
    for target, target_id, before_s, after_s in conn.execute(
            "SELECT target, target_id, before, after FROM decisions WHERE batch = ? ORDER BY id", (outcome.batch,)):
        after = json.loads(after_s) if after_s else None
        if target == "entity" and before_s is None:
            result.entities.append(target_id)
        elif target == "variant" and after and after.get("learned") and not after.get("deleted_at"):
            result.spellings += 1
    first: dict[int, dict | None] = {}
    last: dict[int, dict | None] = {}
    for mid, before_s, after_s in conn.execute("SELECT mention_id, before, after FROM preview_links ORDER BY rowid"):
        first.setdefault(mid, json.loads(before_s) if before_s else None)
        last[mid] = json.loads(after_s) if after_s else None
    changed = [mid for mid in first if not _same(first[mid], last[mid])]
    spelled = dict(_by_id(conn, "SELECT id, surface, lang FROM mentions WHERE id IN ({})", changed))
    gone = {mid: (surface, lang) for mid, surface, lang in conn.execute("SELECT * FROM preview_gone")
            if mid not in spelled}  # a mention re-analysed away: as it was
    entities = {e for mid in changed for link in (first[mid], last[mid]) if link and (e := link.get("entity_id"))}
    names = {eid: name for eid, (name,) in _by_id(conn, "SELECT id, canonical_en FROM entities WHERE id IN ({})",
                                                  sorted(entities))}
    for mid in changed:
        before, after = first[mid], last[mid]
        surface, mlang = spelled.get(mid) or gone.get(mid, ("", ""))
        result.changes.append(Change(mid, _kind(mid, mention_id, covered, action, before, after), before, after,
                                     surface, mlang, names, mid in gone))
    result.changes.sort(key=lambda c: (c.mention_id != mention_id, c.mention_id))
    return result


def _by_id(conn: sqlite3.Connection, sql: str, ids: list) -> list[tuple]:
    """``(id, (columns...))`` rows of ``sql`` for ``ids`` (``{}``: their placeholders)."""
    return [(row[0], row[1:]) for row in rows_in(conn, sql, ids)]


def _same(before: dict | None, after: dict | None) -> bool:
    """The same link state, whenever it was written."""
    if before is None or after is None:
        return before is after
    return all(before.get(f) == after.get(f) for f in LINK_FIELDS if f != "updated_at")


def _kind(mid: int, mention_id: int, covered: set[int], action: str, before: dict | None,
          after: dict | None) -> str:
    if mid == mention_id:
        return "this"
    if mid in covered:
        old = (before or {}).get("entity_id")
        return "moved" if old and old != (after or {}).get("entity_id") else "same_spelling"
    return "demoted" if action == "reject" else "other"
