"""A second process that finds and links an align run's mentions while the first one writes them.

Analysis (detection, pairing, linking) and the database writes each take about half of ``align``'s
time. On a machine with a spare core, ``align_articles`` hands the analysis of the articles to a
child process: the child reads each article with its own connection, analyses it against the same
glossary (it checks the glossary's fingerprint first) and sends back the mentions as plain rows;
the parent turns them back into ``Found`` objects and writes them in order, as it does in one
process. Articles are handed out a few at a time; whenever the parent would wait for a child, it
analyses the next article not yet handed out itself, so both cores stay busy whichever side is
slower on this machine. The child is started with ``spawn`` (safe from the TUI's threads) and never
writes.
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


AHEAD = 8  # articles handed to a child before it sends the first back (it never waits for the parent)
STEAL = True  # the parent analyses the next article itself rather than wait for a child
HELD = 256  # at most this many articles analysed ahead of their turn (memory: a slow child)


def analysed(path: str, glossary_sig: str, todo: list[tuple[int, set[int] | None]], movable: set[int],
             children: int, build: Callable, analyse: Callable,
             here: Callable[[int], tuple[int, list, list[Found]]]) -> Iterator[tuple[int, list, list[Found]]]:
    """``(article id, sentence groups, mentions)`` for each article of ``todo`` in order.

    The articles of ``movable`` are handed, a few ahead, to ``children`` child processes; the others,
    and any a child has not finished when the parent wants it while an article not yet handed out is
    left (``STEAL``), the parent analyses itself with ``here(article id)``: neither side waits for the
    other while there is work. If a child fails, the parent analyses everything left itself.
    ``build(conn)``: the context (glossary) analysis runs against; ``analyse(conn, context, article
    id, segments)``: (language, groups, mentions). Both module-level functions: a spawned child gets
    them by name.
    """
    ctx = multiprocessing.get_context("spawn")
    pipes, procs = [], []
    for k in range(children):
        mine, theirs = ctx.Pipe()
        child = ctx.Process(target=_child, args=(path, glossary_sig, theirs, build, analyse), daemon=True,
                            name=f"workbench-align-analysis-{k + 1}")
        child.start()
        theirs.close()
        pipes.append(mine)
        procs.append(child)
    owner: dict[int, int] = {}  # article id -> the child analysing it
    load = [0] * children  # articles handed to each child and not yet received
    ready: dict[int, tuple] = {}  # articles the parent analysed ahead of their turn
    nxt = 0  # position in ``todo`` of the first article not yet handed out (nor analysed ahead)
    failed = False

    def hand_out() -> None:
        nonlocal nxt, failed
        while nxt < len(todo) and not failed:
            aid, only = todo[nxt]
            if aid in movable:
                k = min(range(children), key=load.__getitem__)
                if load[k] >= AHEAD:
                    return
                try:
                    pipes[k].send((aid, only))
                except OSError:  # the child is gone: this process does the rest
                    failed = True
                    return
                owner[aid] = k
                load[k] += 1
            nxt += 1

    def steal() -> bool:  # analyse the next article not handed out; False when none is left
        nonlocal nxt
        while nxt < len(todo) and todo[nxt][0] not in movable:
            nxt += 1  # the parent's own: analysed at its turn
        if nxt == len(todo):
            return False
        aid = todo[nxt][0]
        nxt += 1
        ready[aid] = here(aid)
        return True

    try:
        hand_out()
        for aid, _ in todo:
            if aid in ready:
                yield ready.pop(aid)
                continue
            k = owner.pop(aid, None)
            if k is None or failed:
                yield here(aid)
                continue
            while STEAL and len(ready) < HELD and not pipes[k].poll() and steal():
                pass
            try:
                item = pipes[k].recv()
            except (EOFError, OSError):  # the child died (or never started: a script without a main guard)
                item = _Failed("the analysis process ended")
            if isinstance(item, _Failed):
                failed = True
                yield here(aid)
                continue
            load[k] -= 1
            hand_out()
            got, _lang, groups, rows = item
            yield got, groups, unpack(rows)
    finally:
        for mine in pipes:
            try:
                mine.send(None)
            except OSError:
                pass
            mine.close()
        for child in procs:
            child.join(timeout=0.1)
            if child.is_alive():
                child.terminate()
            child.join()


def _child(path: str, glossary_sig: str, pipe, build: Callable, analyse: Callable) -> None:
    """The child's loop: analyse each article it is handed and send it back, until ``None``; a
    ``_Failed`` and stop on any problem."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which ends the child
    try:
        from workbench.store.db import connect

        conn = connect(path)
        ctx = build(conn)
        if ctx.glossary_sig != glossary_sig:
            pipe.send(_Failed("the glossary changed since the run started"))
            return
        while (task := pipe.recv()) is not None:
            aid, only = task
            lang, groups, found = analyse(conn, ctx, aid, only)
            pipe.send((aid, lang, groups, pack(found)))
    except (BrokenPipeError, EOFError):  # the parent stopped listening (cancelled, or failed)
        return
    except Exception as exc:  # noqa: BLE001 - the parent analyses the article again and sees the error
        try:
            pipe.send(_Failed(f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass
    finally:
        pipe.close()
