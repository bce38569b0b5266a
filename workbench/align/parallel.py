"""Map one function over many items in forked worker processes: results in order, items read ahead."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator

MAX_WORKERS = 4
_WORK: Callable | None = None  # the function of the running map, inherited by the forked workers


def _call(item):
    return _WORK(item)


def workers_for(items: int, minimum: int) -> int:
    """Worker processes worth starting for ``items`` items: none below ``minimum`` or on one core.

    The calling process keeps a core for itself: it reads the items and writes the results.
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if items < minimum or cpus < 2 else min(cpus - 1, MAX_WORKERS)


def ordered_map(work: Callable, items: Iterable, workers: int, ahead: int = 16) -> Iterator[tuple]:
    """``(item, work(item))`` for every item, in order; in ``workers`` forked processes when > 0.

    ``items`` is consumed in the calling thread (it may read a database), at most ``ahead`` items
    before the one whose result is awaited. ``work`` runs in processes forked from this one: it must
    not touch the caller's database connection, and the caller must have no other threads.
    """
    if workers <= 0:
        for item in items:
            yield item, work(item)
        return
    import multiprocessing

    global _WORK
    _WORK = work
    pool = multiprocessing.get_context("fork").Pool(workers)
    try:
        source = iter(items)
        queue: deque = deque()
        for item in source:
            queue.append((item, pool.apply_async(_call, (item,))))
            if len(queue) >= ahead:
                break
        while queue:
            item, result = queue.popleft()
            value = result.get()
            for more in source:
                queue.append((more, pool.apply_async(_call, (more,))))
                break
            yield item, value
    finally:
        pool.terminate()
        pool.join()
        _WORK = None
