"""A second process that finds and links an align run's mentions while the first one writes them.

Analysis (detection, pairing, linking) and the database writes each take about half of ``align``'s
time. On a machine with a spare core, ``align_articles`` hands the analysis of the articles to a
child process: the child reads each article with its own connection, analyses it against the same
glossary (it checks the glossary's fingerprint first) and sends back the mentions as plain rows;
the parent turns them back into ``Found`` objects and writes them in order, as it does in one
process. The child is started with ``spawn`` (safe from the TUI's threads) and never writes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from workbench.align.spans import Found

MIN_ARTICLES = 64  # fewer than this: starting a process (~0.5 s) costs more than it saves
# analysis children: the writer keeps one core busy about half the time, so one child a spare core,
# and at most three (the writer cannot keep up with more)
CHILDREN = max(1, min(3, (os.cpu_count() or 2) - 1))

# The fields of ``Found`` that storing needs, in the order they travel (the counterpart as an index).
_FIELDS = ("side", "segment_id", "start", "end", "surface", "norm", "lang", "detector", "prefix",
           "entity_id", "status", "score", "why", "proposal", "candidates")


def worth_it(conn: sqlite3.Connection, articles: int) -> bool:
    """True when a run of ``articles`` on this connection's database file should use a child."""
    return articles >= MIN_ARTICLES and (os.cpu_count() or 1) >= 2 and bool(database_path(conn))


def database_path(conn: sqlite3.Connection) -> str:
    """The main database's file ('' for an in-memory or temporary database)."""
    return conn.execute("PRAGMA database_list").fetchone()[2] or ""


def pack(found: list[Found]) -> list[tuple]:
    """Plain rows for the mentions of one article (a counterpart becomes its position in the list)."""
    position = {id(f): k for k, f in enumerate(found)}
    return [(*(getattr(f, name) for name in _FIELDS),
             position.get(id(f.counterpart)) if f.counterpart is not None else None) for f in found]


def unpack(rows: list[tuple]) -> list[Found]:
    """The ``Found`` objects of ``pack``'s rows, with what storing reads (no glossary entries or words)."""
    out = []
    for row in rows:
        values = dict(zip(_FIELDS, row))
        f = Found(values["side"], values["segment_id"], values["start"], values["end"], values["surface"],
                  values["surface"], values["lang"], values["detector"], ())
        for name in _FIELDS[5:]:
            setattr(f, name, values[name])
        out.append(f)
    for f, row in zip(out, rows):
        if row[-1] is not None:
            f.counterpart = out[row[-1]]
    return out


@dataclass
class _Failed:
    """The child could not go on (another glossary, an error): the parent analyses the rest itself."""

    why: str


def analysed(path: str, glossary_sig: str, work: list[tuple[int, set[int] | None]], children: int,
             build: Callable, analyse: Callable) -> Iterator[tuple[int, str, list, list[Found]] | None]:
    """``(article id, language, sentence groups, mentions)`` for each article of ``work`` in order,
    analysed by ``children`` child processes (article k by child k mod n); ``None`` once a child
    failed (the caller analyses the rest). ``build(conn)``: the context (glossary) analysis runs
    against; ``analyse(conn, context, article id, segments)``: (language, groups, mentions). Both
    module-level functions: a spawned child gets them by name."""
    ctx = multiprocessing.get_context("spawn")
    pipes, procs = [], []
    for k in range(children):
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_child, args=(path, glossary_sig, work[k::children], send, build, analyse),
                            daemon=True,
                            name=f"workbench-align-analysis-{k + 1}")
        child.start()
        send.close()
        pipes.append(receive)
        procs.append(child)
    try:
        for k in range(len(work)):
            try:
                item = pipes[k % children].recv()
            except EOFError:  # the child died
                item = _Failed("the analysis process ended")
            if isinstance(item, _Failed):
                yield None
                return
            aid, lang, groups, rows = item
            yield aid, lang, groups, unpack(rows)
    finally:
        for receive in pipes:
            receive.close()
        for child in procs:
            if child.is_alive():
                child.terminate()
            child.join()


def _child(path: str, glossary_sig: str, work: list[tuple[int, set[int] | None]], send, build: Callable,
           analyse: Callable) -> None:
    """The child's loop: analyse each article and send it; a ``_Failed`` and stop on any problem."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which ends the child
    try:
        from workbench.store.db import connect

        conn = connect(path)
        ctx = build(conn)
        if ctx.glossary_sig != glossary_sig:
            send.send(_Failed("the glossary changed since the run started"))
            return
        for aid, only in work:
            lang, groups, found = analyse(conn, ctx, aid, only)
            send.send((aid, lang, groups, pack(found)))
    except BrokenPipeError:  # the parent stopped listening (cancelled, or failed)
        return
    except Exception as exc:  # noqa: BLE001 - the parent analyses the article again and sees the error
        try:
            send.send(_Failed(f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass
    finally:
        send.close()
