"""Opening the database: migrations applied once, and an up-to-date database opens without sqlite-utils."""

from __future__ import annotations

import json
import subprocess
import sys

import sqlite_utils

from workbench.store import db as store_db
from workbench.store import open_conn
from workbench.store.migrations import migrations


def applied(conn) -> list[str]:
    return [m.name for m in migrations.applied(sqlite_utils.Database(conn))]


def test_the_fast_path_knows_every_migration_in_order():
    fresh = sqlite_utils.Database(memory=True)
    assert tuple(m.name for m in migrations.pending(fresh)) == store_db.MIGRATIONS
    assert migrations.name == store_db.MIGRATION_SET


def test_open_conn_creates_and_migrates_a_new_database(tmp_path):
    conn = open_conn(tmp_path / "new" / "w.db", create=True)
    assert applied(conn) == list(store_db.MIGRATIONS)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)


def test_open_conn_applies_the_pending_migrations_of_an_older_database(tmp_path):
    path = tmp_path / "w.db"
    old = sqlite_utils.Database(store_db.connect(path))
    migrations.apply(old, stop_before=store_db.MIGRATIONS[-1])
    assert applied(old.conn) == list(store_db.MIGRATIONS[:-1])
    old.conn.close()
    assert applied(open_conn(path)) == list(store_db.MIGRATIONS)


OPEN_TWICE = """
import json, sys
from workbench.store import open_conn
open_conn(sys.argv[1], create=True).close()  # creates and migrates: sqlite-utils is needed here
first = "sqlite_utils" in sys.modules
for name in [m for m in sys.modules if m.split(".")[0] in ("sqlite_utils", "numpy")]:
    del sys.modules[name]
conn = open_conn(sys.argv[1])
print(json.dumps([first, sorted(m for m in sys.modules if m.split(".")[0] in ("sqlite_utils", "numpy"))]))
"""


def test_an_up_to_date_database_opens_without_importing_sqlite_utils(tmp_path):
    out = subprocess.run([sys.executable, "-c", OPEN_TWICE, str(tmp_path / "w.db")], capture_output=True,
                         text=True, check=True)
    first, later = json.loads(out.stdout)
    assert first is True
    assert later == []


def test_planner_statistics_survive_the_migrations_that_rebuild_mentions_and_links(tmp_path):
    path = tmp_path / "w.db"
    old = sqlite_utils.Database(store_db.connect(path))
    migrations.apply(old, stop_before="0017_compact_mentions")
    old.conn.execute("INSERT INTO articles (id, content_hash, source, lang, lang_method, text, encoding, imported_at)"
                     " VALUES (1, 'h', 'a.txt', 'fr', 'given', 'Mossoul et Kirkouk', 'utf-8', '')")
    old.conn.execute("INSERT INTO segments (id, article_id, seq, start, end, text) VALUES (1, 1, 0, 0, 18, 'Mossoul et Kirkouk')")
    for k, (start, end, name) in enumerate([(0, 7, "Mossoul"), (11, 18, "Kirkouk")], start=1):
        old.conn.execute("INSERT INTO mentions (id, segment_id, side, start, end, surface, norm, lang, detector)"
                         " VALUES (?, 1, 'source', ?, ?, ?, ?, 'fr', 'caps')", (k, start, end, name, name.lower()))
        old.conn.execute("INSERT INTO links (mention_id, status, decided_by, updated_at) VALUES (?, 'new', 'auto', '')",
                         (k,))
    old.conn.execute("ANALYZE")
    assert old.conn.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl IN ('mentions', 'links')").fetchone()[0]
    old.conn.close()
    conn = open_conn(path)
    indexed = {idx for (idx,) in conn.execute("SELECT idx FROM sqlite_stat1 WHERE tbl IN ('mentions', 'links')")}
    assert {"mentions_norm", "links_entity"} <= indexed
