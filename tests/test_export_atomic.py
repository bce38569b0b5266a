"""Atomic exports: no overwrite without force, clear errors for bad paths, nothing partial on failure."""

from __future__ import annotations

import errno
import os

import pytest

from tests.test_export_corpus import build_corpus
from workbench.errors import UserError
from workbench.export import corpus as corpus_mod
from workbench.export import export_corpus, tmx
from workbench.store.atomic import atomic_write, atomic_write_many


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_atomic_write_publishes_complete_file(tmp_path):
    out = tmp_path / "a.txt"
    with atomic_write(out) as fh:
        fh.write("hello\n")
        assert not out.exists()  # nothing visible until the end
    assert out.read_text() == "hello\n" and not leftovers(tmp_path)
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask():
    old = os.umask(0)
    os.umask(old)
    return old


def test_existing_file_needs_force(tmp_path):
    out = tmp_path / "a.txt"
    out.write_text("old")
    with pytest.raises(UserError, match="already exists; pass --force"):
        with atomic_write(out) as fh:
            fh.write("new")
    assert out.read_text() == "old"
    with atomic_write(out, force=True) as fh:
        fh.write("new")
    assert out.read_text() == "new" and not leftovers(tmp_path)


def test_file_appearing_during_write_is_not_overwritten(tmp_path):
    out = tmp_path / "a.txt"
    with pytest.raises(UserError, match="already exists"):
        with atomic_write(out) as fh:
            fh.write("mine")
            out.write_text("someone else's")
    assert out.read_text() == "someone else's" and not leftovers(tmp_path)


@pytest.mark.parametrize("name, message", [
    ("missing/dir/a.tmx", "does not exist; create it first"),
    (".", "is a folder"),
    ("", "no output file given"),
    ("file.txt/a.tmx", "is not a folder"),
])
def test_bad_paths(tmp_path, monkeypatch, name, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(UserError, match=message):
        with atomic_write(name) as fh:
            fh.write("x")
    assert not leftovers(tmp_path)


def test_unwritable_folder(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() == 0:  # root ignores permissions: simulate the refusal of the file system
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")
        monkeypatch.setattr("tempfile.mkstemp", refuse)
        match = "cannot write here \\(Permission denied\\)"
    else:
        locked.chmod(0o500)
        match = "no permission to write"
    try:
        with pytest.raises(UserError, match=match):
            with atomic_write(locked / "a.tmx") as fh:
                fh.write("x")
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


def test_write_error_becomes_user_error_and_cleans_up(tmp_path):
    out = tmp_path / "a.txt"
    with pytest.raises(UserError, match="cannot write \\(No space left on device\\); nothing was written"):
        with atomic_write(out) as fh:
            fh.write("partial")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert not out.exists() and not leftovers(tmp_path)


def test_many_files_all_or_nothing(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    b.write_text("old")
    with pytest.raises(UserError, match="b.txt: already exists"):
        with atomic_write_many([a, b]) as fhs:
            for fh in fhs:
                fh.write("new")
    assert not a.exists() and b.read_text() == "old"
    with pytest.raises(RuntimeError):
        with atomic_write_many([a, b], force=True) as fhs:
            fhs[0].write("new")
            raise RuntimeError("boom")
    assert not a.exists() and b.read_text() == "old" and not leftovers(tmp_path)
    with atomic_write_many([a, b], force=True) as fhs:
        for fh in fhs:
            fh.write("new")
    assert a.read_text() == b.read_text() == "new"


@pytest.fixture
def corpus(db, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    return build_corpus(db, src)


@pytest.mark.parametrize("fmt", ["tmx", "jsonl", "csv"])
def test_interrupted_export_leaves_nothing(db, corpus, tmp_path, monkeypatch, fmt):
    out = tmp_path / f"out.{fmt}"
    out.write_text("previous export")
    monkeypatch.setattr(corpus_mod, "PROGRESS_EVERY", 1)

    def interrupt(done, total):
        if done >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_corpus(db.conn, out, fmt, force=True, on_progress=interrupt)
    assert out.read_text() == "previous export"  # --force still never leaves a half-written file
    assert not leftovers(tmp_path)
    assert not db.conn.in_transaction  # the read snapshot was released


def test_failing_writer_leaves_nothing(db, corpus, tmp_path, monkeypatch):
    calls = []

    def broken(pair, english):
        calls.append(pair)
        if len(calls) == 3:
            raise RuntimeError("writer bug")
        return "<tu/>\n"

    monkeypatch.setattr(tmx, "unit", broken)
    out = tmp_path / "out.tmx"
    with pytest.raises(RuntimeError):
        export_corpus(db.conn, out, "tmx")
    assert not out.exists() and not leftovers(tmp_path)


def test_export_refuses_existing_file_before_reading(db, corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me")
    with pytest.raises(UserError, match="already exists; pass --force"):
        export_corpus(db.conn, out, "jsonl")
    assert out.read_text() == "keep me"
    result = export_corpus(db.conn, out, "jsonl", force=True)
    assert result.pairs == 5 and out.read_text().count("\n") == 5


def test_database_file_is_never_an_output(db, db_path):
    with pytest.raises(UserError, match="is the workbench database itself"):
        export_corpus(db.conn, db_path, "tmx", force=True)
    assert db.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # still a database


def test_progress_and_cancel_while_nothing_is_exported(db, corpus, tmp_path, monkeypatch):
    import threading

    db.execute("DELETE FROM translations")  # every pair is skipped: nothing is written
    monkeypatch.setattr(corpus_mod, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(corpus_mod, "CANCEL_EVERY", 1)
    cancel = threading.Event()
    seen = []

    def progress(done, total):
        seen.append(done)
        cancel.set()

    out = tmp_path / "out.jsonl"
    result = export_corpus(db.conn, out, "jsonl", on_progress=progress, cancel=cancel)
    assert result.cancelled and seen == [1] and not out.exists() and not leftovers(tmp_path)
