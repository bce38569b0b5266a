"""The glossary service: the only code that writes entities and spellings, with the rules in one place.

Every write (imports, analyst edits, review decisions, undo, write-back) goes through a function
here. Each checks ``workbench.glossary.rules`` (valid ids, types, languages and text; a spelling,
by language and normal form, belongs to one live entity), appends a row to ``decisions`` with the
state before and after, the analyst and the time, and bumps ``glossary_version``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from workbench.errors import UserError
from workbench.glossary import not_names, rules
from workbench.glossary.journal import Journal
from workbench.glossary.model import Entity, NotName, Variant
from workbench.names.normalize import NORM_VERSION, normalize
from workbench.store.db import transaction

ENTITY_FIELDS = ("id", "type", "canonical_en", "wikidata", "note", "origin", "created_at", "updated_at",
                 "deleted_at", "merged_into")
VARIANT_FIELDS = ("id", "entity_id", "lang", "text", "norm", "source", "learned", "created_at", "deleted_at")
VERSION_KEY = "glossary_version"


@dataclass
class MergeReport:
    """What an import changed; ``notes`` are what the database kept (never silently overwritten)."""

    origin: str = ""
    added: int = 0  # entities
    updated: int = 0  # entities that got new spellings or filled-in wikidata / note
    unchanged: int = 0
    variants_added: int = 0
    moved: int = 0  # spellings moved here from another entity (``move=True``)
    not_names_added: int = 0  # non-names remembered (``merge_file``)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.variants_added or self.not_names_added)

    def summary(self) -> str:
        if not self.changed:
            things = "entity" if self.unchanged == 1 else "entities"
            head = f"nothing changed: all {self.unchanged} {things} already in the glossary"
        else:
            head = (f"{self.added} entit{'y' if self.added == 1 else 'ies'} added, {self.updated} updated, "
                    f"{self.unchanged} unchanged; {self.variants_added} spelling(s) added")
        if self.moved:
            head += f" ({self.moved} moved from other entities)"
        if self.not_names_added:
            head += f"; {self.not_names_added} non-name(s) remembered"
        if self.notes:
            head += f"; {len(self.notes)} difference(s) kept as the database has them"
        return head


def _entity_state(conn, entity_id: str) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(ENTITY_FIELDS)} FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return dict(zip(ENTITY_FIELDS, row)) if row else None


def _variant_state(conn, variant_id: int) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(VARIANT_FIELDS)} FROM variants WHERE id = ?", (variant_id,)).fetchone()
    return dict(zip(VARIANT_FIELDS, row)) if row else None


# ---- version ------------------------------------------------------------------------------------


def glossary_version(conn: sqlite3.Connection) -> int:
    """A number that grows with every write of the glossary service (0 for a glossary never written).

    Cheap (one primary-key read): caches of the glossary compare it to know they are stale.
    """
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (VERSION_KEY,)).fetchone()
    return int(row[0]) if row else 0


def _bump(conn: sqlite3.Connection) -> None:
    conn.execute("""INSERT INTO meta (key, value) VALUES (?, '1')
                    ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1""", (VERSION_KEY,))


# ---- normal forms -------------------------------------------------------------------------------


def ensure_norms(conn: sqlite3.Connection) -> bool:
    """Recompute stored normal forms if ``normalize`` changed since they were written; True if it did."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'norm_version'").fetchone()
    if row and row[0] == NORM_VERSION:
        return False
    with transaction(conn):
        rows = conn.execute("SELECT id, lang, text FROM variants").fetchall()
        conn.executemany("UPDATE variants SET norm = ? WHERE id = ?",
                         [(normalize(text, lang), vid) for vid, lang, text in rows])
        rows = conn.execute("SELECT id, lang, surface FROM mentions").fetchall()
        conn.executemany("UPDATE mentions SET norm = ? WHERE id = ?",
                         [(normalize(text, lang), mid) for mid, lang, text in rows])
        if row:  # rejections hold a mention's norm: recompute through the mention's language
            rejected = conn.execute("SELECT norm, entity_id, decision_id FROM rejections").fetchall()
            for norm, entity_id, decision_id in rejected:
                fresh = normalize(norm, "ar" if any("\u0600" <= c <= "\u06ff" for c in norm) else "en")
                if fresh != norm:
                    conn.execute("DELETE FROM rejections WHERE norm = ? AND entity_id = ?", (norm, entity_id))
                    conn.execute("INSERT OR IGNORE INTO rejections (norm, entity_id, decision_id) VALUES (?, ?, ?)",
                                 (fresh, entity_id, decision_id))
        not_names.renormalize(conn)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('norm_version', ?)", (NORM_VERSION,))
        _bump(conn)
    return True


# ---- reading ------------------------------------------------------------------------------------


def load_entities(conn: sqlite3.Connection, include_deleted: bool = False) -> list[Entity]:
    """Every entity with its spellings (deleted ones only when asked), ordered by id."""
    where = "" if include_deleted else "WHERE deleted_at IS NULL"
    entities = {
        row[0]: Entity(row[0], row[1], row[2], wikidata=row[3], note=row[4], origin=row[5])
        for row in conn.execute(
            f"SELECT id, type, canonical_en, wikidata, note, origin FROM entities {where} ORDER BY id")
    }
    vwhere = "" if include_deleted else "WHERE deleted_at IS NULL"
    for entity_id, lang, text, source, learned in conn.execute(
        f"SELECT entity_id, lang, text, source, learned FROM variants {vwhere} ORDER BY entity_id, id"
    ):
        entity = entities.get(entity_id)
        if entity is not None:
            entity.variants.append(Variant(lang, text, source=source, learned=bool(learned)))
    return list(entities.values())


def get_entity(conn: sqlite3.Connection, entity_id: str) -> Entity | None:
    row = conn.execute("SELECT id, type, canonical_en, wikidata, note, origin FROM entities WHERE id = ?",
                       (entity_id,)).fetchone()
    if row is None:
        return None
    entity = Entity(row[0], row[1], row[2], wikidata=row[3], note=row[4], origin=row[5])
    for lang, text, source, learned in conn.execute(
        "SELECT lang, text, source, learned FROM variants WHERE entity_id = ? AND deleted_at IS NULL ORDER BY id",
        (entity_id,),
    ):
        entity.variants.append(Variant(lang, text, source=source, learned=bool(learned)))
    return entity


def _claims(conn) -> dict[tuple[str, str], str]:
    """(lang, norm) -> entity id, for live spellings of live entities."""
    return {
        (lang, norm): entity_id
        for entity_id, lang, norm in conn.execute(
            """SELECT v.entity_id, v.lang, v.norm FROM variants v JOIN entities e ON e.id = v.entity_id
               WHERE v.deleted_at IS NULL AND e.deleted_at IS NULL ORDER BY v.id DESC"""
        )
    }


def owner_of(conn: sqlite3.Connection, lang: str, text: str, other_than: str | None = None) -> str | None:
    """The live entity holding this spelling (same language and normal form), if any."""
    row = conn.execute(
        """SELECT v.entity_id FROM variants v JOIN entities e ON e.id = v.entity_id
           WHERE v.lang = ? AND v.norm = ? AND v.deleted_at IS NULL AND e.deleted_at IS NULL
             AND v.entity_id IS NOT ? ORDER BY v.id LIMIT 1""",
        (lang, normalize(text, lang), other_than),
    ).fetchone()
    return row[0] if row else None


def _take_from(conn, journal: Journal, owner: str, lang: str, norm: str) -> None:
    """Soft-delete ``owner``'s live spellings with this normal form (a logged move to another entity)."""
    for (vid,) in conn.execute(
        "SELECT id FROM variants WHERE entity_id = ? AND lang = ? AND norm = ? AND deleted_at IS NULL",
        (owner, lang, norm),
    ).fetchall():
        before = _variant_state(conn, vid)
        conn.execute("UPDATE variants SET deleted_at = ? WHERE id = ?", (journal.at, vid))
        journal.write("move", "variant", vid, before, _variant_state(conn, vid))


# ---- ids ----------------------------------------------------------------------------------------


def mint_id(conn: sqlite3.Connection, canonical: str) -> str:
    """A new valid entity id made from the canonical name (``-2``, ``-3`` ... when taken, deleted ids too)."""
    base = rules.suggest_id(canonical) or "entity"
    base = base[: rules.MAX_ID - 4].rstrip("-")
    eid, n = base, 1
    while conn.execute("SELECT 1 FROM entities WHERE id = ?", (eid,)).fetchone():
        n += 1
        eid = f"{base}-{n}"
    return eid


# ---- merging files ------------------------------------------------------------------------------


def merge_entities(conn: sqlite3.Connection, entities: list[Entity], origin: str, *, move: bool = False,
                   check: bool = True) -> MergeReport:
    """Merge entities read from one file into the database: all or nothing, in one transaction.

    New ids are added; for known ids new spellings are added and empty wikidata / note filled in.
    Every problem is found before anything is written, and any problem writes nothing (a
    UserError lists them all): an invalid entity, an id the database gives another type or
    canonical name, a spelling another entity holds (unless ``move``: then it is moved, logged).
    Deleted or merged entities and differing wikidata / notes are kept as the database has them
    (``report.notes``). ``check=False`` skips the per-entity rules for entities already validated.
    """
    ensure_norms(conn)
    if check:
        problems = rules.validate(entities, origin or "<import>")
        if problems:
            raise UserError(rules.report(problems))
    report = MergeReport(origin=origin)
    journal = Journal(conn)
    stamp = journal.at
    with transaction(conn):
        claims = _claims(conn)
        problems: list[str] = []
        plan: list[tuple[Entity, dict | None, dict, list[Variant]]] = []
        for entity in entities:
            where = f"{origin}:{entity.line}: " if entity.line else (f"{origin}: " if origin else "")
            current = _entity_state(conn, entity.id)
            if current is not None and current["deleted_at"] is not None:
                into = f" into \"{current['merged_into']}\"" if current["merged_into"] else ""
                report.notes.append(f"{where}entity \"{entity.id}\" was deleted or merged{into} in the "
                                    "database; not imported again")
                continue
            filled: dict = {}
            if current is not None:
                differences = []
                if current["type"] != entity.type:
                    differences.append(f"type {current['type']!r} in the database, {entity.type!r} in the file")
                if current["canonical_en"] != entity.canonical:
                    differences.append(f"canonical {current['canonical_en']!r} in the database, "
                                       f"{entity.canonical!r} in the file")
                if differences:
                    problems.append(f"{where}entity \"{entity.id}\": " + "; ".join(differences) +
                                    "; make them the same (edit the file or the database), or give the file's "
                                    f"entity another id such as \"{mint_id(conn, entity.canonical)}\"")
                    continue
                for column, value in (("wikidata", entity.wikidata), ("note", entity.note)):
                    if value and not current[column]:
                        filled[column] = value
                    elif value and current[column] != value:
                        report.notes.append(f"{where}entity \"{entity.id}\": {column} {current[column]!r} in the "
                                            f"database, {value!r} in the file; kept the database version")
            existing = {(lang, text) for lang, text in conn.execute(
                "SELECT lang, text FROM variants WHERE entity_id = ?", (entity.id,))}
            new: list[Variant] = []
            for variant in entity.variants:
                if (variant.lang, variant.text) in existing:
                    continue  # present, or deleted by an analyst: both stay as they are
                key = (variant.lang, normalize(variant.text, variant.lang))
                owner = claims.get(key)
                if owner is not None and owner != entity.id and not move:
                    at = f"{origin}:{variant.line}: " if variant.line else where
                    problems.append(f"{at}\"{variant.text}\" ({variant.lang}) already belongs to \"{owner}\"; "
                                    f"remove it from one of them, or import with --move to move it to "
                                    f"\"{entity.id}\"")
                    continue
                existing.add((variant.lang, variant.text))
                claims[key] = entity.id
                new.append(variant)
            plan.append((entity, current, filled, new))
        if problems:
            raise UserError(_problem_list(problems))
        for entity, current, filled, new in plan:
            if current is None:
                conn.execute(
                    """INSERT INTO entities (id, type, canonical_en, wikidata, note, origin, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    (entity.id, entity.type, entity.canonical, entity.wikidata, entity.note, origin or "file",
                     stamp, stamp),
                )
                report.added += 1
            elif filled:
                sets = ", ".join(f"{c} = ?" for c in filled)
                conn.execute(f"UPDATE entities SET {sets}, updated_at = ? WHERE id = ?",
                             (*filled.values(), stamp, entity.id))
            for variant in new:
                norm = normalize(variant.text, variant.lang)
                owner = owner_of(conn, variant.lang, variant.text, other_than=entity.id) if move else None
                if owner is not None:
                    _take_from(conn, journal, owner, variant.lang, norm)
                    report.moved += 1
                conn.execute(
                    """INSERT INTO variants (entity_id, lang, text, norm, source, learned, created_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    (entity.id, variant.lang, variant.text, norm, origin or variant.source or "file",
                     int(variant.learned), stamp),
                )
            report.variants_added += len(new)
            if current is not None:
                if new or filled:
                    report.updated += 1
                else:
                    report.unchanged += 1
        if report.changed:
            journal.write("import", "glossary", origin or "-", None,
                          {"origin": origin, "added": report.added, "updated": report.updated,
                           "variants_added": report.variants_added, "moved": report.moved,
                           "kept": len(report.notes)})
            _bump(conn)
    return report


def merge_file(conn: sqlite3.Connection, entities: list[Entity], items: list[NotName], origin: str, *,
               move: bool = False) -> MergeReport:
    """A glossary file's entities and non-names into the database, all or nothing (entities checked)."""
    with transaction(conn):
        report = merge_entities(conn, entities, origin, move=move, check=False)
        journal = Journal(conn)
        report.not_names_added = sum(
            not_names.remember(conn, n.lang, n.spelling, journal=journal, action="import", origin=origin) is not None
            for n in items)
    return report


def _problem_list(problems: list[str]) -> str:
    if len(problems) == 1:
        return f"{problems[0]}; nothing was imported"
    return f"{len(problems)} problems, nothing was imported:\n" + "\n".join(f"  {p}" for p in problems)


# ---- analyst edits (CLI, TUI glossary screen, review decisions) -----------------------------------


def _live(conn, entity_id: str) -> dict:
    state = _entity_state(conn, entity_id)
    if state is None:
        raise UserError(f"no entity {entity_id!r}; `workbench glossary list` shows the ids")
    if state["deleted_at"] is not None:
        raise UserError(f"entity {entity_id!r} is deleted" +
                        (f" (merged into {state['merged_into']!r})" if state["merged_into"] else ""))
    return state


def _fail(wrong: str | None) -> None:
    if wrong:
        raise UserError(wrong)


def add_entity(conn: sqlite3.Connection, entity_id: str | None, etype: str, canonical: str, *,
               wikidata: str | None = None, note: str | None = None, origin: str = "manual",
               journal: Journal | None = None, action: str = "add") -> dict:
    """Create an entity; returns its row. ``entity_id=None`` mints one from the canonical name.

    A given id must be new (a deleted id cannot be reused).
    """
    if entity_id is not None:
        _fail(rules.id_problem(entity_id, canonical or ""))
    _fail(rules.type_problem(etype))
    _fail(rules.canonical_problem(canonical))
    _fail(rules.wikidata_problem(wikidata))
    _fail(rules.note_problem(note))
    canonical = rules.clean(canonical)
    note = rules.clean(note) if note else None
    with transaction(conn):
        journal = journal or Journal(conn)
        if entity_id is None:
            entity_id = mint_id(conn, canonical)
        elif _entity_state(conn, entity_id) is not None:
            raise UserError(f"entity {entity_id!r} already exists; choose another id such as "
                            f"{mint_id(conn, entity_id)!r}")
        conn.execute(
            """INSERT INTO entities (id, type, canonical_en, wikidata, note, origin, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (entity_id, etype, canonical, wikidata or None, note, origin, journal.at, journal.at),
        )
        after = _entity_state(conn, entity_id)
        journal.write(action, "entity", entity_id, None, after)
        _bump(conn)
    return after


def update_entity(conn: sqlite3.Connection, entity_id: str, **fields) -> dict:
    """Change type, canonical (or canonical_en), wikidata or note; returns the new row."""
    columns = {"type": "type", "canonical": "canonical_en", "canonical_en": "canonical_en",
               "wikidata": "wikidata", "note": "note"}
    unknown = set(fields) - set(columns)
    if unknown:
        raise UserError(f"cannot change {', '.join(sorted(unknown))}: only type, canonical, wikidata and note")
    changes = {columns[k]: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    if "type" in changes:
        _fail(rules.type_problem(changes["type"]))
    if "canonical_en" in changes:
        _fail(rules.canonical_problem(changes["canonical_en"] or ""))
        changes["canonical_en"] = rules.clean(changes["canonical_en"])
    if "wikidata" in changes:
        _fail(rules.wikidata_problem(changes["wikidata"]))
    if "note" in changes:
        _fail(rules.note_problem(changes["note"]))
        changes["note"] = rules.clean(changes["note"]) if changes["note"] else None
    for column in ("wikidata", "note"):
        if column in changes and not changes[column]:
            changes[column] = None
    with transaction(conn):
        before = _live(conn, entity_id)
        changes = {c: v for c, v in changes.items() if before[c] != v}
        if not changes:
            return before
        journal = Journal(conn)
        sets = ", ".join(f"{c} = ?" for c in changes)
        conn.execute(f"UPDATE entities SET {sets}, updated_at = ? WHERE id = ?",
                     (*changes.values(), journal.at, entity_id))
        after = _entity_state(conn, entity_id)
        journal.write("edit", "entity", entity_id, before, after)
        _bump(conn)
    return after


def soft_delete_entity(conn: sqlite3.Connection, entity_id: str, *, journal: Journal | None = None,
                       action: str = "delete", undoes: int | None = None) -> dict:
    """Mark an entity deleted (its rows stay, so links and history keep their meaning)."""
    with transaction(conn):
        journal = journal or Journal(conn)
        before = _entity_state(conn, entity_id) if undoes is not None else _live(conn, entity_id)
        if before is None or before["deleted_at"] is not None:
            return before
        conn.execute("UPDATE entities SET deleted_at = ?, updated_at = ? WHERE id = ?",
                     (journal.at, journal.at, entity_id))
        after = _entity_state(conn, entity_id)
        journal.write(action, "entity", entity_id, before, after, undoes=undoes)
        _bump(conn)
    return after


def merge_two_entities(conn: sqlite3.Connection, keep: str, drop: str) -> dict:
    """Move ``drop``'s spellings and links to ``keep``; ``drop`` is marked merged into ``keep``."""
    if keep == drop:
        raise UserError("cannot merge an entity with itself")
    moved = 0
    with transaction(conn):
        journal = Journal(conn)
        stamp = journal.at
        _live(conn, keep)
        before = _live(conn, drop)
        kept = {(lang, text) for lang, text in conn.execute(
            "SELECT lang, text FROM variants WHERE entity_id = ?", (keep,))}
        for vid, lang, text in conn.execute(
            "SELECT id, lang, text FROM variants WHERE entity_id = ? AND deleted_at IS NULL", (drop,)
        ).fetchall():
            old = _variant_state(conn, vid)
            if (lang, text) in kept:
                conn.execute("UPDATE variants SET deleted_at = ? WHERE id = ?", (stamp, vid))
            else:
                conn.execute("UPDATE variants SET entity_id = ? WHERE id = ?", (keep, vid))
                kept.add((lang, text))
                moved += 1
            journal.write("merge", "variant", vid, old, _variant_state(conn, vid))
        links = conn.execute("UPDATE links SET entity_id = ? WHERE entity_id = ?", (keep, drop)).rowcount
        conn.execute("UPDATE candidates SET entity_id = ? WHERE entity_id = ?", (keep, drop))
        conn.execute("UPDATE OR IGNORE rejections SET entity_id = ? WHERE entity_id = ?", (keep, drop))
        conn.execute("DELETE FROM rejections WHERE entity_id = ?", (drop,))
        conn.execute("UPDATE entities SET deleted_at = ?, merged_into = ?, updated_at = ? WHERE id = ?",
                     (stamp, keep, stamp, drop))
        after = _entity_state(conn, drop)
        after["moved_variants"], after["moved_links"] = moved, links
        journal.write("merge", "entity", drop, before, after)
        _bump(conn)
    return after


def add_variant(conn: sqlite3.Connection, entity_id: str, lang: str, text: str, *, source: str = "manual",
                learned: bool = True, move: bool = False, journal: Journal | None = None,
                action: str = "add") -> dict:
    """Add a spelling; returns its row.

    A spelling (language + normal form) another live entity holds is refused, naming that entity,
    unless ``move``: then it is taken from that entity (logged as a ``move``). The new spelling is
    marked learned (not yet in a glossary file) so ``write-back`` puts it in the files.
    """
    _fail(rules.spelling_problem(lang, text or ""))
    text = rules.clean(text)
    norm = normalize(text, lang)
    with transaction(conn):
        journal = journal or Journal(conn)
        _live(conn, entity_id)
        owner = owner_of(conn, lang, text, other_than=entity_id)
        if owner and not move:
            raise UserError(f"{text!r} ({lang}) already belongs to {owner!r}; remove it there first, "
                            "or move it (--move)")
        if owner:
            _take_from(conn, journal, owner, lang, norm)
        row = conn.execute("SELECT id, deleted_at FROM variants WHERE entity_id = ? AND lang = ? AND text = ?",
                           (entity_id, lang, text)).fetchone()
        if row and row[1] is None:
            if owner:
                _bump(conn)
            return _variant_state(conn, row[0])
        if row:  # deleted before: bring it back
            before = _variant_state(conn, row[0])
            conn.execute("UPDATE variants SET deleted_at = NULL, norm = ?, learned = ? WHERE id = ?",
                         (norm, int(learned), row[0]))
            vid = row[0]
        else:
            before = None
            vid = conn.execute(
                """INSERT INTO variants (entity_id, lang, text, norm, source, learned, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (entity_id, lang, text, norm, source, int(learned), journal.at),
            ).lastrowid
        after = _variant_state(conn, vid)
        journal.write(action, "variant", vid, before, after)
        _bump(conn)
    return after


def learn_variant(conn: sqlite3.Connection, entity_id: str, lang: str, text: str, *, journal: Journal,
                  action: str, source: str = "review") -> dict | None:
    """A spelling confirmed in review becomes a learned spelling of the entity; its row, or None.

    Nothing is learned when the entity already has it (same normal form), when it breaks a rule,
    or when another entity holds it: the decision stands, the spelling stays with its owner.
    """
    text = rules.clean(text or "")
    if not text or rules.spelling_problem(lang, text):
        return None
    norm = normalize(text, lang)
    with transaction(conn):
        if conn.execute(
            "SELECT 1 FROM variants WHERE entity_id = ? AND lang = ? AND (norm = ? OR text = ?) AND deleted_at IS NULL",
            (entity_id, lang, norm, text),
        ).fetchone():
            return None
        if owner_of(conn, lang, text, other_than=entity_id):
            return None
        row = conn.execute("SELECT id FROM variants WHERE entity_id = ? AND lang = ? AND text = ?",
                           (entity_id, lang, text)).fetchone()
        old = _variant_state(conn, row[0]) if row else None
        if old is not None:  # soft-deleted earlier: bring it back as learned
            conn.execute("UPDATE variants SET deleted_at = NULL, learned = 1, norm = ? WHERE id = ?", (norm, old["id"]))
            vid = old["id"]
        else:
            vid = conn.execute(
                """INSERT INTO variants (entity_id, lang, text, norm, source, learned, created_at)
                   VALUES (?, ?, ?, ?, ?, 1, ?)""",
                (entity_id, lang, text, norm, source, journal.at),
            ).lastrowid
        after = _variant_state(conn, vid)
        journal.write(action, "variant", vid, old, after)
        _bump(conn)
    return after


def unlearn_variant(conn: sqlite3.Connection, entity_id: str, lang: str, text: str, *, journal: Journal,
                    action: str) -> dict | None:
    """The learned spelling ``learn_variant`` made of ``text`` marked deleted again (a confirmation that
    taught it was changed); its row as it is now, or None when the entity has no such learned spelling.
    Journaled, so undoing ``action`` brings it back."""
    text = rules.clean(text or "")
    if not text:
        return None
    with transaction(conn):
        row = conn.execute(
            """SELECT id FROM variants WHERE entity_id = ? AND lang = ? AND norm = ? AND learned = 1
               AND deleted_at IS NULL""", (entity_id, lang, normalize(text, lang))).fetchone()
        if row is None:
            return None
        old = _variant_state(conn, row[0])
        conn.execute("UPDATE variants SET deleted_at = ? WHERE id = ?", (journal.at, row[0]))
        after = _variant_state(conn, row[0])
        journal.write(action, "variant", row[0], old, after)
        _bump(conn)
    return after


def restore_variant(conn: sqlite3.Connection, variant_id: int, state: dict | None, *, journal: Journal,
                    undoes: int | None = None, made: dict | None = None) -> dict | None:
    """Undo: put a spelling back as ``state`` had it (None: it did not exist, so it is deleted).

    ``made``: the row as the undone decision wrote it. A spelling the decision created and nobody
    touched since (written back, removed) goes completely; otherwise it is only marked deleted.
    """
    with transaction(conn):
        now_state = _variant_state(conn, variant_id)
        if now_state is None:
            return None
        if state is None and made is not None and now_state == made:
            conn.execute("DELETE FROM variants WHERE id = ?", (variant_id,))  # untouched since: gone
            journal.write("undo", "variant", variant_id, now_state, None, undoes=undoes)
            _bump(conn)
            return None
        if state is None:
            deleted_at, learned = now_state["deleted_at"] or journal.at, now_state["learned"]
        else:
            deleted_at, learned = state["deleted_at"], state["learned"]
        if deleted_at is None and now_state["deleted_at"] is not None:
            owner = owner_of(conn, now_state["lang"], now_state["text"], other_than=now_state["entity_id"])
            if owner:
                raise UserError(f"cannot undo: {now_state['text']!r} ({now_state['lang']}) now belongs to "
                                f"{owner!r}; remove it there first")
        conn.execute("UPDATE variants SET deleted_at = ?, learned = ? WHERE id = ?", (deleted_at, learned, variant_id))
        after = _variant_state(conn, variant_id)
        journal.write("undo", "variant", variant_id, now_state, after, undoes=undoes)
        _bump(conn)
    return after


def created_entity_use(conn: sqlite3.Connection, entity_id: str, made: dict, spellings: dict[int, dict]) -> str | None:
    """Why an entity a decision created (``made``, with ``spellings``: id -> row) must stay; None if unused.

    It is in use when it changed since (edited, deleted, merged), has a spelling the decision did not
    give it or one changed since (written back, removed), an analyst linked a mention to it, rejected
    it for a spelling, or another entity was merged into it. Automatic links and candidates are not use.
    """
    now_state = _entity_state(conn, entity_id)
    if now_state is None:
        return "it is no longer in the database"
    if now_state != made:
        return "it was edited, deleted or merged since"
    row = conn.execute("SELECT mention_id FROM links WHERE entity_id = ? AND coalesce(decided_by, 'auto') <> 'auto'"
                       " ORDER BY mention_id LIMIT 1", (entity_id,)).fetchone()
    if row:
        return f"mention {row[0]} was linked to it since"
    for vid, lang, text in conn.execute("SELECT id, lang, text FROM variants WHERE entity_id = ?", (entity_id,)):
        if vid not in spellings:
            return f"the spelling {text!r} ({lang}) was added to it since"
        if _variant_state(conn, vid) != spellings[vid]:
            return f"its spelling {text!r} ({lang}) was changed since (written back or removed)"
    row = conn.execute("SELECT norm FROM rejections WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone()
    if row:
        return f"it was rejected for the spelling {row[0]!r} since"
    row = conn.execute("SELECT id FROM entities WHERE merged_into = ? LIMIT 1", (entity_id,)).fetchone()
    if row:
        return f"the entity {row[0]!r} was merged into it since"
    return None


def delete_created_entity(conn: sqlite3.Connection, entity_id: str, *, journal: Journal,
                          undoes: dict[str, int] | None = None) -> None:
    """Undo of the decision that created an unused entity: the entity and its spellings go completely.

    The caller has checked ``created_entity_use`` and moved automatic links and candidates off it;
    the rows stay in the decision log (``undoes``: decision id by ``"entity"`` / variant id).
    """
    undoes = undoes or {}
    with transaction(conn):
        for vid in [r[0] for r in conn.execute("SELECT id FROM variants WHERE entity_id = ? ORDER BY id DESC",
                                               (entity_id,))]:
            before = _variant_state(conn, vid)
            conn.execute("DELETE FROM variants WHERE id = ?", (vid,))
            journal.write("undo", "variant", vid, before, None, undoes=undoes.get(str(vid)))
        before = _entity_state(conn, entity_id)
        conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        journal.write("undo", "entity", entity_id, before, None, undoes=undoes.get("entity"))
        _bump(conn)


def remove_variant(conn: sqlite3.Connection, variant_id: int) -> dict:
    """Mark one spelling deleted."""
    with transaction(conn):
        before = _variant_state(conn, variant_id)
        if before is None:
            raise UserError(f"no spelling with id {variant_id}")
        if before["deleted_at"] is not None:
            return before
        journal = Journal(conn)
        conn.execute("UPDATE variants SET deleted_at = ? WHERE id = ?", (journal.at, variant_id))
        after = _variant_state(conn, variant_id)
        journal.write("delete", "variant", variant_id, before, after)
        _bump(conn)
    return after


def mark_written_back(conn: sqlite3.Connection, variant_ids: list[int], folder: str, summary: dict) -> None:
    """Learned spellings now in the glossary files are no longer marked learned (one logged batch)."""
    with transaction(conn):
        conn.executemany("UPDATE variants SET learned = 0 WHERE id = ?", [(vid,) for vid in variant_ids])
        Journal(conn).write("write-back", "glossary", folder, None, {**summary, "variant_ids": variant_ids})
        _bump(conn)
