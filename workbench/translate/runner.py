"""The resumable translate job: fills every ar / fr segment that has no English yet.

Work is read in windows of pending segments; within a window, sentences already in the cache are
written at once, the others are deduplicated, sorted by token length and translated in batches
across articles. Every batch is committed with its cache entries and the job's progress, so an
interrupted run (Ctrl-C, kill, power cut) loses at most the batch in flight, and the next run picks
up exactly the segments that still have no row. Human and source rows are never touched.

Call it from any thread with a connection opened in that thread; ``cancel`` stops it between
batches and ``on_progress(done, total, rate)`` reports segments written and segments per second.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from workbench.clock import now
from workbench.errors import UserError
from workbench.store import jobs, search
from workbench.store.chunks import rows_in
from workbench.store.db import transaction
from workbench.store.fingerprints import UNDATED
from workbench.translate import packages
from workbench.translate.engine import DecodeOptions, Engine, Translation, get_engine

SOURCE_LANGS = ("ar", "fr")
DEFAULT_BATCH_SIZE = 16  # sentences per CTranslate2 call: as fast as 32 here, 300 MB less RSS (bench_translate)
MIN_TOKEN_BUDGET = 4096  # a batch holds at most max(batch_size * 64, 4096) tokens (very long sentences)
WINDOW = 4096  # pending segments read, sorted and batched at a time
CACHE_CHUNK = 1000  # cache hits written per transaction

Progress = Callable[[int, int, float], None]


@dataclass
class RunResult:
    """What one run did."""

    job_id: int
    status: str = "running"  # done / cancelled / failed
    total: int = 0  # segments the run set out to fill (languages with a model)
    done: int = 0  # segments filled (or found filled meanwhile)
    translated: int = 0  # distinct sentences the model translated
    cached: int = 0  # segments filled from the cache or from a repeat within the run
    passthrough: int = 0  # English segments given their own text
    truncated: int = 0  # segments whose English stopped at the output length cap (flagged in the row)
    missing: dict[str, int] = field(default_factory=dict)  # lang -> segments left without a model
    models: dict[str, str] = field(default_factory=dict)  # lang -> model id used
    elapsed: float = 0.0

    def summary(self) -> str:
        if not self.total and not self.missing:
            return "nothing to translate: every sentence in scope already has English" + (
                f" ({self.passthrough} English passed through)" if self.passthrough else "")
        parts = [f"{self.done} of {self.total} segment(s) translated"]
        if self.total:
            parts.append(f"{self.translated} by the model, {self.cached} from the cache")
        if self.passthrough:
            parts.append(f"{self.passthrough} English passed through")
        if self.truncated:
            parts.append(f"{self.truncated} cut off at the model's output length cap"
                         " (marked truncated in the database and exports)")
        for lang, count in self.missing.items():
            parts.append(f"no model for {lang}: {count} left")
        return "; ".join(parts)


def source_key(text: str) -> str:
    """The cache key of a sentence: NFC with white space runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


class _Rate:
    """Segments per second over the last few progress reports."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.points: deque[tuple[float, int]] = deque(maxlen=8)

    def update(self, done: int) -> float:
        t = time.monotonic()
        self.points.append((t, done))
        t0, d0 = self.points[0]
        if len(self.points) == 1 or t - t0 <= 0:
            t0, d0 = self.start, 0
        return (done - d0) / (t - t0) if t > t0 else 0.0


class _Run:
    """The state of one run: counts, progress, cancellation, and the work on each window."""

    def __init__(self, conn, result, *, batch_size, alternatives, on_progress, cancel, engine_for):
        self.conn = conn
        self.result = result
        self.batch_size = max(1, batch_size)
        self.alternatives = max(0, min(3, alternatives))
        self.on_progress = on_progress
        self.cancel = cancel
        self.engine_for = engine_for
        self.rate = _Rate()

    # ---- progress and cancellation -----------------------------------------------------------

    def progress(self) -> None:
        rate = self.rate.update(self.result.done)
        if self.on_progress:
            self.on_progress(self.result.done, self.result.total, rate)

    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    # ---- one window of pending segments --------------------------------------------------------

    def window(self, lang: str, package: packages.InstalledPackage, rows: list[tuple[int, str]]) -> None:
        """Fill ``(segment_id, text)`` rows of one language."""
        model_id = package.model_id
        groups: dict[str, list[int]] = {}
        texts: dict[str, str] = {}
        for sid, text in rows:
            key = source_key(text)
            groups.setdefault(key, []).append(sid)
            texts.setdefault(key, text.strip())
        hits = self.lookup(model_id, list(groups))
        hit_keys = list(hits)
        for i in range(0, len(hit_keys), CACHE_CHUNK):
            if self.cancelled():
                return
            chunk = hit_keys[i:i + CACHE_CHUNK]
            self.write(model_id, [(k, hits[k], groups[k]) for k in chunk], fresh=False)
            self.result.cached += sum(len(groups[k]) for k in chunk)
            self.progress()
        misses = [k for k in groups if k not in hits]
        if not misses or self.cancelled():
            return
        engine = self.engine_for(package)
        tokens = dict(zip(misses, engine.tokenize([texts[k] for k in misses])))
        misses.sort(key=lambda k: len(tokens[k]), reverse=True)  # long first: the ETA errs on the safe side
        for batch in _batches(misses, tokens, self.batch_size):
            if self.cancelled():
                return
            results = engine.translate_tokens([tokens[k] for k in batch], self.alternatives)
            self.write(model_id, [(k, r, groups[k]) for k, r in zip(batch, results)], fresh=True)
            self.result.translated += len(batch)
            self.result.cached += sum(len(groups[k]) - 1 for k in batch)
            self.progress()

    def lookup(self, model_id: str, keys: list[str]) -> dict[str, Translation]:
        found: dict[str, Translation] = {}
        for key, text, score, alts, truncated in rows_in(
            self.conn, "SELECT source_key, text, score, alternatives, truncated FROM translation_cache"
                       " WHERE model = ? AND source_key IN ({})", keys, before=[model_id],
        ):
            if self.alternatives and alts is None:
                continue  # cached without alternatives: translate again to get them
            alternatives = json.loads(alts) if alts else []
            found[key] = Translation(text, score, alternatives[: self.alternatives], bool(truncated))
        return found

    def write(self, model_id: str, items: list[tuple[str, Translation, list[int]]], fresh: bool) -> None:
        """One transaction: cache entries, translation rows, the search index, the job's progress."""
        conn = self.conn
        stamp = now()
        ids = [sid for _, _, sids in items for sid in sids]
        with transaction(conn):
            taken = _existing(conn, ids)
            cache_rows, rows = [], []
            for key, tr, sids in items:
                alts = json.dumps(tr.alternatives, ensure_ascii=False) if (self.alternatives or tr.alternatives) else None
                cut = int(tr.truncated)
                if fresh:
                    cache_rows.append((model_id, key, tr.text, tr.score, alts, len(sids) - 1, cut))
                else:
                    cache_rows.append((model_id, key, len(sids)))
                rows.extend((sid, model_id, tr.text, tr.score, alts, stamp, cut) for sid in sids if sid not in taken)
            if fresh:
                conn.executemany(
                    """INSERT INTO translation_cache (model, source_key, text, score, alternatives, hits, truncated)
                       VALUES (?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT (model, source_key) DO UPDATE SET text = excluded.text,
                         score = excluded.score, alternatives = excluded.alternatives,
                         hits = hits + excluded.hits, truncated = excluded.truncated""",
                    cache_rows,
                )
            else:
                conn.executemany(
                    "UPDATE translation_cache SET hits = hits + ? WHERE model = ? AND source_key = ?",
                    ((n, m, k) for m, k, n in cache_rows),
                )
            conn.executemany(
                "INSERT INTO translations (segment_id, engine, model, text, score, alternatives, merged,"
                " created_at, truncated) VALUES (?, 'argos', ?, ?, ?, ?, 0, ?, ?)",
                rows,
            )
            search.sync_segments(conn, [r[0] for r in rows])
            done = self.result.done + len(ids)
            jobs.progress(conn, self.result.job_id, done)
        self.result.done = done
        self.result.truncated += sum(r[6] for r in rows)


def _existing(conn: sqlite3.Connection, ids: list[int]) -> set[int]:
    return {r[0] for r in rows_in(conn, "SELECT segment_id FROM translations WHERE segment_id IN ({})", ids)}


def _batches(keys: list[str], tokens: dict[str, list[str]], size: int) -> Iterable[list[str]]:
    """Consecutive runs of at most ``size`` sentences and ``max(size * 64, 4096)`` tokens."""
    budget = max(size * 64, MIN_TOKEN_BUDGET)
    batch: list[str] = []
    used = 0
    for key in keys:
        n = max(1, len(tokens[key]))
        if batch and (len(batch) >= size or used + n > budget):
            yield batch
            batch, used = [], 0
        batch.append(key)
        used += n
    if batch:
        yield batch


# ---- selecting work ----------------------------------------------------------------------------


def _scope(article_ids: list[int] | None) -> tuple[str, list]:
    """SQL condition on ``s`` (segments) choosing the articles of this run."""
    if article_ids is None:
        return "1", []
    return f"s.article_id IN ({','.join('?' * len(article_ids))})", list(article_ids)


def _first_pending_articles(conn: sqlite3.Connection, article_ids: list[int] | None, limit: int) -> list[int]:
    """The first ``limit`` ar / fr articles (by id) that have untranslated segments, fixed at the start."""
    scope, params = _scope(article_ids)
    sql = (f"SELECT DISTINCT s.article_id {_PENDING.format(scope=scope)} AND a.lang IN ('ar', 'fr')"
           " ORDER BY s.article_id LIMIT ?")
    return [r[0] for r in conn.execute(sql, [*params, max(0, limit)])]


_PENDING = """FROM segments s JOIN articles a ON a.id = s.article_id
              LEFT JOIN translations t ON t.segment_id = s.id
              WHERE t.segment_id IS NULL AND {scope}"""


def pending_counts(conn: sqlite3.Connection, article_ids: list[int] | None = None) -> dict[str, int]:
    """Segments with no translation row, per language (English included), in the run's scope."""
    scope, params = _scope(article_ids)
    sql = f"SELECT a.lang, count(*) {_PENDING.format(scope=scope)} GROUP BY a.lang"
    return dict(conn.execute(sql, params).fetchall())


def _pending_window(conn, langs, article_ids, after: int) -> list[tuple[int, str, str]]:
    scope, params = _scope(article_ids)
    sql = (f"SELECT s.id, a.lang, s.text {_PENDING.format(scope=scope)}"
           f" AND a.lang IN ({','.join('?' * len(langs))}) AND s.id > ? ORDER BY s.id LIMIT ?")
    return conn.execute(sql, [*params, *langs, after, WINDOW]).fetchall()


def _pass_english_through(conn: sqlite3.Connection, article_ids) -> int:
    scope, params = _scope(article_ids)
    rows = conn.execute(
        f"SELECT s.id, s.text {_PENDING.format(scope=scope)} AND a.lang = 'en'", params
    ).fetchall()
    if not rows:
        return 0
    with transaction(conn):
        conn.executemany(
            "INSERT OR IGNORE INTO translations (segment_id, engine, text, created_at) VALUES (?, 'source', ?, ?)",
            ((sid, text, UNDATED) for sid, text in rows),
        )
        search.sync_segments(conn, [sid for sid, _ in rows])
    return len(rows)


def _check_articles(conn: sqlite3.Connection, article_ids: list[int]) -> list[int]:
    ids = sorted(set(article_ids))
    found = {r[0] for r in rows_in(conn, "SELECT id FROM articles WHERE id IN ({})", ids)}
    unknown = [i for i in ids if i not in found]
    if unknown:
        shown = ", ".join(map(str, unknown[:5])) + ("..." if len(unknown) > 5 else "")
        raise UserError(f"no article with id {shown} in the database; `workbench articles` lists them")
    return ids


# ---- jobs ----------------------------------------------------------------------------------------


def reap_stale_jobs(conn: sqlite3.Connection) -> int:
    """Mark 'running' jobs whose process is gone (killed) as failed; return how many."""
    return jobs.reap_stale(conn)


def _finish_job(conn, result: RunResult, status: str, message: str) -> None:
    result.status = status
    jobs.finish(conn, result.job_id, status, result.done, message)


# ---- the entry point -----------------------------------------------------------------------------


def translate(
    conn: sqlite3.Connection,
    *,
    article_ids: list[int] | None = None,
    limit: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    threads: int | None = None,
    alternatives: int = 0,
    options: DecodeOptions | None = None,
    on_progress: Progress | None = None,
    cancel: threading.Event | None = None,
    engine_for: Callable[[packages.InstalledPackage], Engine] | None = None,
) -> RunResult:
    """Translate the pending segments in scope (``article_ids``; the first ``limit`` articles).

    Languages without an installed model are left as they are and reported in ``missing``.
    """
    reap_stale_jobs(conn)
    requested = {"articles": article_ids, "limit": limit}
    if article_ids is not None:
        article_ids = _check_articles(conn, article_ids)
    passthrough = _pass_english_through(conn, article_ids)
    if limit is not None:
        article_ids = _first_pending_articles(conn, article_ids, limit)
    counts = pending_counts(conn, article_ids)
    models: dict[str, packages.InstalledPackage] = {}
    missing: dict[str, int] = {}
    for lang in SOURCE_LANGS:
        if counts.get(lang):
            package = packages.find(lang)
            if package is None:
                missing[lang] = counts[lang]
            else:
                models[lang] = package
    total = sum(counts.get(lang, 0) for lang in models)
    params = {**requested, "batch_size": batch_size, "threads": threads,
              "alternatives": alternatives, "models": {k: p.model_id for k, p in models.items()}}
    result = RunResult(job_id=jobs.start(conn, "translate", params, total), total=total, passthrough=passthrough,
                       missing=missing, models={k: p.model_id for k, p in models.items()})
    if engine_for is None:
        def engine_for(package):
            return get_engine(package, threads=threads, options=options)
    run = _Run(conn, result, batch_size=batch_size, alternatives=alternatives, on_progress=on_progress,
               cancel=cancel, engine_for=engine_for)
    started = time.monotonic()
    try:
        run.progress()
        langs = list(models)
        after = 0
        while langs and not run.cancelled():
            rows = _pending_window(conn, langs, article_ids, after)
            if not rows:
                break
            after = rows[-1][0]
            for lang in langs:
                part = [(sid, text) for sid, lg, text in rows if lg == lang]
                if part:
                    run.window(lang, models[lang], part)
                if run.cancelled():
                    break
    except KeyboardInterrupt:
        result.elapsed = time.monotonic() - started
        _finish_job(conn, result, jobs.CANCELLED, "interrupted by the user; " + result.summary())
        raise
    except BaseException as exc:
        result.elapsed = time.monotonic() - started
        _finish_job(conn, result, jobs.FAILED, f"{type(exc).__name__}: {exc}"[:500])
        raise
    result.elapsed = time.monotonic() - started
    status = jobs.CANCELLED if run.cancelled() and result.done < result.total else jobs.DONE
    _finish_job(conn, result, status, result.summary())
    return result
