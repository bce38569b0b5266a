"""Storage: migrations from an empty database, pragmas, append-only decisions."""

import sqlite3

import pytest

from workbench.store import open_db
from workbench.store.migrations import migrations


def test_migrations_from_empty_database(db_path):
    db = open_db(db_path)
    applied = [m.name for m in migrations.applied(db)]
    assert applied == [m.name for m in migrations._migrations]
    assert {"articles", "segments", "translations", "entities", "variants", "mentions", "links",
            "decisions", "candidates", "rejections", "jobs", "translation_cache"} <= set(db.table_names())
    db.conn.close()
    # opening again applies nothing new and keeps the record
    db = open_db(db_path)
    assert [m.name for m in migrations.applied(db)] == applied
    assert migrations.pending(db) == []


def test_pragmas(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_decisions_are_append_only(db):
    db.execute("INSERT INTO decisions (at, user, action, target, target_id) VALUES ('t', 'u', 'confirm', 'mention', '1')")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE decisions SET user = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM decisions")


def test_env_var_chooses_database(tmp_path, monkeypatch):
    target = tmp_path / "env.db"
    monkeypatch.setenv("WORKBENCH_DB", str(target))
    open_db().conn.close()
    assert target.exists()


def test_not_a_database(tmp_path):
    from workbench.errors import UserError

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UserError, match="not a usable workbench database"):
        open_db(bad)
