"""Test isolation: HOME and XDG paths in a temp dir, no network, no ambient database."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# ---- the offline promise: any connection except an explicitly allowed loopback one fails ----------

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_loopback_allowed = False


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to open a network connection."""


def _check(address) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if _loopback_allowed and isinstance(host, str):
        try:
            if ipaddress.ip_address(host).is_loopback:
                return
        except ValueError:
            if host == "localhost":
                return
    raise NetworkBlocked(f"network access attempted during tests: {address!r}")


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _real_connect_ex(self, address)


def pytest_sessionstart(session):
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex


@pytest.fixture
def allow_loopback():
    """Let a test talk to a server it started on 127.0.0.1 (and nowhere else)."""
    global _loopback_allowed
    _loopback_allowed = True
    yield
    _loopback_allowed = False


# ---- per-test environment -------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in [("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")]:
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "argos-packages"))
    monkeypatch.setenv("WORKBENCH_USER", "tester")
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cpu")
    yield home


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path):
    from workbench.store import open_db

    database = open_db(db_path)
    yield database
    database.conn.close()


@pytest.fixture
def sample_dir() -> Path:
    return ROOT / "workbench" / "sample"


@pytest.fixture
def imported(db):
    """The embedded sample imported, with the curated glossary, not aligned yet: a connection."""
    from workbench.corpus.importer import import_paths
    from workbench.glossary.bundled import load_files

    import_paths(db.conn, [ROOT / "workbench" / "sample" / "articles.jsonl"])
    load_files(db.conn, sorted((ROOT / "workbench" / "glossary" / "curated").glob("*.toml")))
    return db.conn
