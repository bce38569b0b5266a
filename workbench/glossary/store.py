"""The glossary in the database: load, idempotent merge of files, and logged analyst edits.

Every edit (add / update / delete / merge entities, add / remove variants, imports) appends a row
to ``decisions`` with the state before and after as JSON, the analyst and the time.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field

from workbench.clock import now
from workbench.config import current_user
from workbench.errors import UserError
from workbench.store.db import transaction
from workbench.glossary.model import TYPES, VARIANT_LANGS, Entity, Variant
from workbench.names.normalize import NORM_VERSION, normalize

ENTITY_FIELDS = ("id", "type", "canonical_en", "wikidata", "note", "origin", "created_at", "updated_at",
                 "deleted_at", "merged_into")
VARIANT_FIELDS = ("id", "entity_id", "lang", "text", "norm", "source", "learned", "created_at", "deleted_at")


@dataclass
class MergeReport:
    """What an import changed; ``conflicts`` are reported, never silently overwritten."""

    origin: str = ""
    added: int = 0  # entities
    updated: int = 0  # entities that got new spellings or filled-in wikidata / note
    unchanged: int = 0
    variants_added: int = 0
    conflicts: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.variants_added)

    def summary(self) -> str:
        if not self.changed:
            things = "entity" if self.unchanged == 1 else "entities"
            head = f"nothing changed: all {self.unchanged} {things} already in the glossary"
        else:
            head = (f"{self.added} entit{'y' if self.added == 1 else 'ies'} added, {self.updated} updated, "
                    f"{self.unchanged} unchanged; {self.variants_added} spelling(s) added")
        if self.conflicts:
            head += f"; {len(self.conflicts)} conflict(s) left as they were"
        return head


def _log(conn, action: str, target: str, target_id, before, after, batch: str | None = None,
         at: str | None = None) -> int:
    return conn.execute(
        """INSERT INTO decisions (at, user, action, target, target_id, before, after, batch)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (at or now(), current_user(), action, target, str(target_id),
         json.dumps(before, ensure_ascii=False) if before is not None else None,
         json.dumps(after, ensure_ascii=False) if after is not None else None, batch),
    ).lastrowid


def _entity_state(conn, entity_id: str) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(ENTITY_FIELDS)} FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return dict(zip(ENTITY_FIELDS, row)) if row else None


def _variant_state(conn, variant_id: int) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(VARIANT_FIELDS)} FROM variants WHERE id = ?", (variant_id,)).fetchone()
    return dict(zip(VARIANT_FIELDS, row)) if row else None


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
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('norm_version', ?)", (NORM_VERSION,))
    return True


# ---- reading ------------------------------------------------------------------------------------


def load_entities(conn: sqlite3.Connection, include_deleted: bool = False) -> list[Entity]:
    """Every entity with its spellings (deleted ones only when asked), ordered by id."""
    where = "" if include_deleted else "WHERE deleted_at IS NULL"
    entities = {
        row[0]: Entity(row[0], row[1], row[2], wikidata=row[3], note=row[4])
        for row in conn.execute(f"SELECT id, type, canonical_en, wikidata, note FROM entities {where} ORDER BY id")
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
    row = conn.execute("SELECT id, type, canonical_en, wikidata, note FROM entities WHERE id = ?",
                       (entity_id,)).fetchone()
    if row is None:
        return None
    entity = Entity(row[0], row[1], row[2], wikidata=row[3], note=row[4])
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


# ---- merging files ------------------------------------------------------------------------------


def merge_entities(conn: sqlite3.Connection, entities: list[Entity], origin: str) -> MergeReport:
    """Merge entities read from a file into the database, idempotently, in one transaction.

    New ids are added; for known ids new spellings are added and empty wikidata / note filled in.
    A different type or canonical name, a spelling another entity holds (same language and normal
    form), a deleted or merged entity: reported in ``conflicts`` and left as the database has it.
    """
    ensure_norms(conn)
    report = MergeReport(origin=origin)
    stamp = now()
    batch = uuid.uuid4().hex[:16]
    with transaction(conn):
        claims = _claims(conn)
        for entity in entities:
            where = f"{origin}:{entity.line}: " if entity.line else (f"{origin}: " if origin else "")
            current = _entity_state(conn, entity.id)
            if current is None:
                conn.execute(
                    """INSERT INTO entities (id, type, canonical_en, wikidata, note, origin, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    (entity.id, entity.type, entity.canonical, entity.wikidata, entity.note, origin, stamp, stamp),
                )
                added = _merge_variants(conn, entity, origin, stamp, claims, report, where)
                report.added += 1
                report.variants_added += added
                continue
            if current["deleted_at"] is not None:
                into = f" into \"{current['merged_into']}\"" if current["merged_into"] else ""
                report.conflicts.append(f"{where}entity \"{entity.id}\" was deleted or merged{into} in the "
                                        "database; not imported again")
                continue
            differences = []
            if current["type"] != entity.type:
                differences.append(f"type {current['type']!r} in the database, {entity.type!r} in the file")
            if current["canonical_en"] != entity.canonical:
                differences.append(f"canonical {current['canonical_en']!r} in the database, "
                                   f"{entity.canonical!r} in the file")
            if differences:
                report.conflicts.append(f"{where}entity \"{entity.id}\": " + "; ".join(differences) +
                                        "; kept the database version (edit one side, or give the file's "
                                        "entity another id)")
                continue
            filled = {}
            for column, value in (("wikidata", entity.wikidata), ("note", entity.note)):
                if value and not current[column]:
                    filled[column] = value
                elif value and current[column] != value:
                    report.conflicts.append(f"{where}entity \"{entity.id}\": {column} {current[column]!r} in the "
                                            f"database, {value!r} in the file; kept the database version")
            if filled:
                sets = ", ".join(f"{c} = ?" for c in filled)
                conn.execute(f"UPDATE entities SET {sets}, updated_at = ? WHERE id = ?",
                             (*filled.values(), stamp, entity.id))
            added = _merge_variants(conn, entity, origin, stamp, claims, report, where)
            report.variants_added += added
            if added or filled:
                report.updated += 1
            else:
                report.unchanged += 1
        if report.changed:
            _log(conn, "import", "glossary", origin or "-", None,
                 {"origin": origin, "added": report.added, "updated": report.updated,
                  "variants_added": report.variants_added, "conflicts": len(report.conflicts)},
                 batch=batch, at=stamp)
    return report


def _merge_variants(conn, entity: Entity, origin: str, stamp: str, claims, report: MergeReport, where: str) -> int:
    existing = {
        (lang, text): deleted
        for lang, text, deleted in conn.execute(
            "SELECT lang, text, deleted_at FROM variants WHERE entity_id = ?", (entity.id,))
    }
    added = 0
    for variant in entity.variants:
        text = variant.text.strip()
        if variant.lang not in VARIANT_LANGS or not text:
            continue
        if (variant.lang, text) in existing:
            continue  # present, or deleted by an analyst: both stay as they are
        norm = normalize(text, variant.lang)
        owner = claims.get((variant.lang, norm))
        if owner is not None and owner != entity.id:
            at = f"{origin}:{variant.line}: " if variant.line else where
            report.conflicts.append(f"{at}\"{text}\" ({variant.lang}) already belongs to \"{owner}\"; "
                                    f"not added to \"{entity.id}\"")
            continue
        conn.execute(
            """INSERT INTO variants (entity_id, lang, text, norm, source, learned, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (entity.id, variant.lang, text, norm, origin or variant.source or "file", int(variant.learned), stamp),
        )
        existing[(variant.lang, text)] = None
        claims[(variant.lang, norm)] = entity.id
        added += 1
    return added


# ---- analyst edits (the TUI glossary screen) ------------------------------------------------------


def _check_type(etype: str) -> None:
    if etype not in TYPES:
        raise UserError(f"unknown type {etype!r}: use person, place, org or other")


def _live(conn, entity_id: str) -> dict:
    state = _entity_state(conn, entity_id)
    if state is None:
        raise UserError(f"no entity {entity_id!r}; `workbench glossary list` shows the ids")
    if state["deleted_at"] is not None:
        raise UserError(f"entity {entity_id!r} is deleted" +
                        (f" (merged into {state['merged_into']!r})" if state["merged_into"] else ""))
    return state


def add_entity(conn: sqlite3.Connection, entity_id: str, etype: str, canonical: str, *,
               wikidata: str | None = None, note: str | None = None, origin: str = "manual") -> dict:
    """Create an entity; returns its row. The id must be new (a deleted id cannot be reused)."""
    from workbench.glossary.formats.toml import ID_RE, WIKIDATA_RE

    if not ID_RE.match(entity_id or ""):
        raise UserError(f"bad entity id {entity_id!r}: use lowercase letters a-z, digits and single hyphens")
    _check_type(etype)
    if not (canonical or "").strip():
        raise UserError("the canonical name is empty; give the English name")
    if wikidata and not WIKIDATA_RE.match(wikidata):
        raise UserError(f"wikidata {wikidata!r} is not a Q number such as Q2429253")
    stamp = now()
    with transaction(conn):
        if _entity_state(conn, entity_id) is not None:
            raise UserError(f"entity {entity_id!r} already exists; choose another id")
        conn.execute(
            """INSERT INTO entities (id, type, canonical_en, wikidata, note, origin, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (entity_id, etype, canonical.strip(), wikidata or None, note or None, origin, stamp, stamp),
        )
        after = _entity_state(conn, entity_id)
        _log(conn, "add", "entity", entity_id, None, after, at=stamp)
    return after


def update_entity(conn: sqlite3.Connection, entity_id: str, **fields) -> dict:
    """Change type, canonical (or canonical_en), wikidata or note; returns the new row."""
    from workbench.glossary.formats.toml import WIKIDATA_RE

    columns = {"type": "type", "canonical": "canonical_en", "canonical_en": "canonical_en",
               "wikidata": "wikidata", "note": "note"}
    unknown = set(fields) - set(columns)
    if unknown:
        raise UserError(f"cannot change {', '.join(sorted(unknown))}: only type, canonical, wikidata and note")
    changes = {columns[k]: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    if "type" in changes:
        _check_type(changes["type"])
    if "canonical_en" in changes and not changes["canonical_en"]:
        raise UserError("the canonical name is empty; give the English name")
    if changes.get("wikidata") and not WIKIDATA_RE.match(changes["wikidata"]):
        raise UserError(f"wikidata {changes['wikidata']!r} is not a Q number such as Q2429253")
    for column in ("wikidata", "note"):
        if column in changes and not changes[column]:
            changes[column] = None
    stamp = now()
    with transaction(conn):
        before = _live(conn, entity_id)
        changes = {c: v for c, v in changes.items() if before[c] != v}
        if not changes:
            return before
        sets = ", ".join(f"{c} = ?" for c in changes)
        conn.execute(f"UPDATE entities SET {sets}, updated_at = ? WHERE id = ?", (*changes.values(), stamp, entity_id))
        after = _entity_state(conn, entity_id)
        _log(conn, "edit", "entity", entity_id, before, after, at=stamp)
    return after


def soft_delete_entity(conn: sqlite3.Connection, entity_id: str) -> dict:
    """Mark an entity deleted (its rows stay, so links and history keep their meaning)."""
    stamp = now()
    with transaction(conn):
        before = _live(conn, entity_id)
        conn.execute("UPDATE entities SET deleted_at = ?, updated_at = ? WHERE id = ?", (stamp, stamp, entity_id))
        after = _entity_state(conn, entity_id)
        _log(conn, "delete", "entity", entity_id, before, after, at=stamp)
    return after


def merge_two_entities(conn: sqlite3.Connection, keep: str, drop: str) -> dict:
    """Move ``drop``'s spellings and links to ``keep``; ``drop`` is marked merged into ``keep``."""
    if keep == drop:
        raise UserError("cannot merge an entity with itself")
    stamp = now()
    batch = uuid.uuid4().hex[:16]
    moved = 0
    with transaction(conn):
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
            _log(conn, "merge", "variant", vid, old, _variant_state(conn, vid), batch=batch, at=stamp)
        links = conn.execute("UPDATE links SET entity_id = ? WHERE entity_id = ?", (keep, drop)).rowcount
        conn.execute("UPDATE candidates SET entity_id = ? WHERE entity_id = ?", (keep, drop))
        conn.execute("UPDATE OR IGNORE rejections SET entity_id = ? WHERE entity_id = ?", (keep, drop))
        conn.execute("DELETE FROM rejections WHERE entity_id = ?", (drop,))
        conn.execute("UPDATE entities SET deleted_at = ?, merged_into = ?, updated_at = ? WHERE id = ?",
                     (stamp, keep, stamp, drop))
        after = _entity_state(conn, drop)
        after["moved_variants"], after["moved_links"] = moved, links
        _log(conn, "merge", "entity", drop, before, after, batch=batch, at=stamp)
    return after


def add_variant(conn: sqlite3.Connection, entity_id: str, lang: str, text: str, *, source: str = "manual",
                learned: bool = True) -> dict:
    """Add a spelling; refused when another entity holds the same spelling (language + normal form).

    It is marked learned (not yet in a glossary file) so ``write-back`` puts it in the files.
    """
    text = (text or "").strip()
    if lang not in VARIANT_LANGS:
        raise UserError(f"unknown language {lang!r}: use ar, fr or en")
    if not text:
        raise UserError("the spelling is empty")
    norm = normalize(text, lang)
    if not norm:
        raise UserError(f"{text!r} has no letters to match on")
    stamp = now()
    with transaction(conn):
        _live(conn, entity_id)
        owner = conn.execute(
            """SELECT v.entity_id FROM variants v JOIN entities e ON e.id = v.entity_id
               WHERE v.lang = ? AND v.norm = ? AND v.deleted_at IS NULL AND e.deleted_at IS NULL
                 AND v.entity_id <> ? LIMIT 1""",
            (lang, norm, entity_id),
        ).fetchone()
        if owner:
            raise UserError(f"{text!r} ({lang}) already belongs to {owner[0]!r}; remove it there first")
        row = conn.execute("SELECT id, deleted_at FROM variants WHERE entity_id = ? AND lang = ? AND text = ?",
                           (entity_id, lang, text)).fetchone()
        if row and row[1] is None:
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
                (entity_id, lang, text, norm, source, int(learned), stamp),
            ).lastrowid
        after = _variant_state(conn, vid)
        _log(conn, "add", "variant", vid, before, after, at=stamp)
    return after


def remove_variant(conn: sqlite3.Connection, variant_id: int) -> dict:
    """Mark one spelling deleted."""
    stamp = now()
    with transaction(conn):
        before = _variant_state(conn, variant_id)
        if before is None:
            raise UserError(f"no spelling with id {variant_id}")
        if before["deleted_at"] is not None:
            return before
        conn.execute("UPDATE variants SET deleted_at = ? WHERE id = ?", (stamp, variant_id))
        after = _variant_state(conn, variant_id)
        _log(conn, "delete", "variant", variant_id, before, after, at=stamp)
    return after
