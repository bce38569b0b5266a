"""Benchmarks the terminal workbench on a generated database of 10,000 articles and 100,000 mentions.

Usage: .venv/bin/python bench/bench_tui.py [--articles N] [--mentions N] [--entities N] [--iterations N] [--db PATH]
Prints each figure next to its goal. The database is built with direct SQL in a temporary folder
(or at --db PATH when missing). The review part decides items: run it on a copy of a shared database.
A decision is timed twice: key -> screen updated (the row shows "saving…", the queue moves on), and
its commit in the writer thread.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

AR_WORDS = ["قال", "مسؤول", "أمني", "في", "هجوم", "على", "موقع", "للجيش", "العراقي", "قرب", "الحدود",
            "السورية", "مساء", "أمس", "وأضاف", "أن", "القوات", "تمكنت", "من", "صد", "المهاجمين", "بعد",
            "اشتباكات", "استمرت", "ساعات", "عدة", "وأسفرت", "عن", "مقتل", "جنود"]
FR_WORDS = ["selon", "un", "responsable", "de", "la", "sécurité", "les", "forces", "irakiennes", "ont",
            "repoussé", "une", "attaque", "contre", "poste", "près", "frontière", "syrienne", "dimanche",
            "soir", "après", "des", "combats", "qui", "duré", "plusieurs", "heures", "a-t-il", "dit"]
EN_WORDS = ["a", "security", "official", "said", "Iraqi", "forces", "repelled", "an", "attack", "on",
            "post", "near", "the", "Syrian", "border", "on", "Sunday", "evening", "after", "clashes",
            "that", "lasted", "several", "hours"]
AR_NAMES = ["الكاظمي", "داعش", "الحسكة", "الحشد الشعبي", "مقتدى الصدر", "كركوك", "ديالى", "الموصل"]
FR_NAMES = ["al-Kazemi", "Daech", "Hassaké", "Hachd al-Chaabi", "Moqtada Sadr", "Kirkouk", "Diyala",
            "Mossoul"]
AR_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN = "abdefghiklmnorstuyz"
PENDING = ("suggested", "new", "unsure")
STATUSES = ("accepted", "suggested", "suggested", "suggested", "confirmed", "rejected", "unsure", "new")
STAMP = "2022-03-01T00:00:00+00:00"


def _sentence(rng: random.Random, lang: str, name: str) -> tuple[str, int, int]:
    words = AR_WORDS if lang == "ar" else FR_WORDS
    before = " ".join(rng.choices(words, k=rng.randint(3, 8)))
    after = " ".join(rng.choices(words, k=rng.randint(3, 8)))
    start = len(before) + 1
    text = f"{before} {name} {after}."
    return text, start, start + len(name)


def _entity_names(rng: random.Random, i: int) -> tuple[str, str, str]:
    latin = "".join(rng.choices(LATIN, k=rng.randint(4, 8))).capitalize()
    arabic = "".join(rng.choices(AR_LETTERS, k=rng.randint(3, 6)))
    return f"{latin} {i}", f"{latin.lower()}e {i}", f"{arabic} {i}"


def build_db(path: Path, articles: int = 10_000, mentions: int = 100_000, entities: int = 10_000,
             seed: int = 7) -> None:
    """Create a migrated database at ``path`` and fill it with deterministic generated data."""
    from workbench.store import open_db
    from workbench.store.search import sync_segments

    rng = random.Random(seed)
    db = open_db(path)
    conn: sqlite3.Connection = db.conn
    conn.execute("BEGIN")
    ents = []
    for i in range(entities):
        en, fr, ar = _entity_names(rng, i)
        eid = f"ent-{i}"
        ents.append((eid, en))
        conn.execute(
            "INSERT INTO entities (id, type, canonical_en, origin, created_at, updated_at)"
            " VALUES (?, ?, ?, 'bench', ?, ?)", (eid, rng.choice(("person", "place", "org")), en, STAMP, STAMP))
        conn.executemany(
            "INSERT INTO variants (entity_id, lang, text, norm, source, learned, created_at)"
            " VALUES (?, ?, ?, ?, 'bench', ?, ?)",
            [(eid, "en", en, en.lower(), 0, STAMP), (eid, "fr", fr, fr.lower(), int(i % 50 == 0), STAMP),
             (eid, "ar", ar, ar, 0, STAMP)])
    per_article = max(1, mentions // articles)
    segment_id = 0
    mention_id = 0
    fts_rows = []
    for a in range(1, articles + 1):
        lang = "ar" if a % 2 else "fr"
        names = AR_NAMES if lang == "ar" else FR_NAMES
        sentences = []
        for _ in range(per_article):
            sentences.append(_sentence(rng, lang, rng.choice(names)))
        text = " ".join(s[0] for s in sentences)
        title = sentences[0][0][:60]
        conn.execute(
            "INSERT INTO articles (id, content_hash, source, lang, lang_method, title, date, text, encoding,"
            " imported_at) VALUES (?, ?, 'bench', ?, 'file', ?, ?, ?, 'utf-8', ?)",
            (a, f"h{a}", lang, title, f"2022-{1 + a % 3:02d}-{1 + a % 28:02d}", text, STAMP))
        offset = 0
        translated = a % 10 < 7
        for seq, (sentence, m_start, m_end) in enumerate(sentences):
            segment_id += 1
            conn.execute("INSERT INTO segments (id, article_id, seq, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
                         (segment_id, a, seq, offset, offset + len(sentence), sentence))
            offset += len(sentence) + 1
            english = ""
            if translated:
                english = " ".join(rng.choices(EN_WORDS, k=12)) + "."
                conn.execute("INSERT INTO translations (segment_id, engine, text, created_at)"
                             " VALUES (?, 'argos', ?, ?)", (segment_id, english, STAMP))
            fts_rows.append((segment_id, sentence, english))
            mention_id += 1
            surface = sentence[m_start:m_end]
            conn.execute(
                "INSERT INTO mentions (id, segment_id, side, start, end, surface, norm, lang)"  # detector NULL: glossary
                " VALUES (?, ?, 'source', ?, ?, ?, ?, ?)",
                (mention_id, segment_id, m_start, m_end, surface, surface.lower(), lang))
            status = rng.choice(STATUSES)
            ent = rng.randrange(entities)
            score = round(rng.random(), 3)
            conn.execute(
                "INSERT INTO links (mention_id, entity_id, status, score, why, decided_by, updated_at)"
                " VALUES (?, ?, ?, ?, 'variant match', NULL, ?)",  # decided_by NULL: the aligner's
                (mention_id, None if status == "new" else ents[ent][0], status, score, STAMP))
            if status in PENDING:
                conn.executemany(
                    "INSERT INTO candidates (mention_id, rank, entity_id, score, variant, why)"
                    " VALUES (?, ?, ?, ?, ?, 'fuzzy variant')",
                    [(mention_id, r, ents[(ent + r) % entities][0], round(score / (r + 1), 3),
                      ents[(ent + r) % entities][1]) for r in range(3)])
    sync_segments(conn, [row[0] for row in fts_rows])
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


LAUNCH_DRIVER = """
import sys, time
from workbench.tui import app as tui_app

class FirstScreen(tui_app.WorkbenchApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self._painted)

    def _painted(self):
        import resource

        table = self.screen.query_one("#articles-table")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"first-screen {time.time():.6f} rows={table.total} rss_kb={rss}", flush=True)
        self.exit(0)

    def run(self, **kwargs):
        return super().run(headless=True)

tui_app.WorkbenchApp = FirstScreen
import workbench.cli.tui_cmd
workbench.cli.tui_cmd.has_terminal = lambda: True  # headless: no terminal needed
from workbench.cli import main
sys.exit(main(sys.argv[1:]))
"""


FLOOR_DRIVER = """
import time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("first screen")

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        print(f"first-screen {time.time():.6f}", flush=True)
        self.exit(0)

Bare().run(headless=True)
"""


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def report(name: str, values_ms: list[float], goal: str) -> None:
    print(f"{name:<44} p50 {statistics.median(values_ms):7.1f} ms  p95 {percentile(values_ms, 95):7.1f} ms"
          f"  max {max(values_ms):7.1f} ms  (n={len(values_ms)})" + (f"   goal: {goal}" if goal else ""))


def _launch(code: str, *args: str) -> tuple[float, float, str]:
    """Run a driver; wall time to its first screen and the CPU time (user + system) of the whole run, ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next(l for l in out.stdout.splitlines() if l.startswith("first-screen"))
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return (float(line.split()[1]) - start) * 1000, cpu, line


def bench_launch(path: Path, runs: int) -> None:
    """Launch ``workbench --db PATH tui`` (headless) and time until the first screen is painted; a bare
    Textual app the same way, for the floor this machine sets (Python and Textual alone)."""
    times, cpu, rss, floor, floor_cpu = [], [], [], [], []
    for _ in range(runs):
        wall, used, line = _launch(LAUNCH_DRIVER, "--db", str(path), "tui")
        times.append(wall)
        cpu.append(used)
        rss.append(int(line.split("rss_kb=")[1]) / 1024)
        wall, used, _ = _launch(FLOOR_DRIVER)
        floor.append(wall)
        floor_cpu.append(used)
    report("launch -> first screen (subprocess)", times, "< 500 ms")
    report("   CPU time of the launch (user + system)", cpu, "")
    report("   a bare Textual app, same way (the floor)", floor, "")
    report("   its CPU time", floor_cpu, "")
    print(f"{'peak memory at the first screen (RSS)':<44} {max(rss):7.0f} MB")


CPU: dict[str, list[float]] = {}
SETTLED: dict[str, list[float]] = {}
QUERIES: dict[str, list[int]] = {}


async def _key_latency(app, pilot, keys: list[str], label: str = "", handler=None) -> list[float]:
    """Time from a key reaching the app to the screen update that shows its result.

    Every screen write is time-stamped in ``App._display``. ``handler`` is ``(object, method name)``
    of the code the key runs; the result is visible at the first write after it returns (Textual then
    often writes once more, a frame later, for its own layout pass: that "settled" time is kept too).
    The pilot's own polling (every 20 ms) is not counted. CPU time of the process is kept as well, and
    the SQL statements run on the interface's connection (the writer's own connection is not counted).
    """
    times, settled, cpu, queries = [], [], [], []
    statements: list[str] = []
    app.session.conn.set_trace_callback(statements.append)
    writes: list[float] = []
    done: list[float] = []
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        writes.append(time.perf_counter())

    app._display = display
    restore = None
    if handler is not None:
        owner, name = handler
        method = getattr(owner, name)

        def timed(*args, **kwargs):
            result = method(*args, **kwargs)
            done.append(time.perf_counter())
            return result

        setattr(owner, name, timed)
        restore = (owner, name, method)
    try:
        for key in keys:
            writes.clear()
            done.clear()
            statements.clear()
            start, start_cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            cpu.append((time.process_time() - start_cpu) * 1000)
            queries.append(len(statements))
            last = writes[-1] if writes else start
            ready = done[-1] if done else start
            visible = next((w for w in writes if w >= ready), last)
            times.append((visible - start) * 1000)
            settled.append((last - start) * 1000)
    finally:
        app.session.conn.set_trace_callback(None)
        app._display = original
        if restore:
            setattr(restore[0], restore[1], restore[2])
    CPU[label] = cpu
    SETTLED[label] = settled
    QUERIES[label] = queries
    return times


def report_cpu(label: str) -> None:
    settled = SETTLED[label]
    print(f"{'   last screen write (Textual layout pass)':<44} p50 {statistics.median(settled):7.1f} ms"
          f"  p95 {percentile(settled, 95):7.1f} ms")
    cpu = CPU[label]
    print(f"{'   CPU time of the process per key':<44} p50 {statistics.median(cpu):7.1f} ms"
          f"  p95 {percentile(cpu, 95):7.1f} ms")
    queries = QUERIES[label]
    print(f"{'   SQL statements per key (interface)':<44} p50 {statistics.median(queries):7.0f}"
          f"     p95 {percentile(queries, 95):7.0f}      total {sum(queries)}")


async def bench_in_app(path: Path, iterations: int) -> None:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.article.screen import ArticleScreen

    app = WorkbenchApp(path, preload=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        # review queue: moving (skip) and deciding (confirm / reject / unsure, written to the database)
        await pilot.press("2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        moves = await _key_latency(app, pilot, ["s"] * iterations, "s", (app.screen, "action_skip"))
        report("review: s (next item) -> shown", moves, "p95 < 30 ms")
        report_cpu("s")
        screen = app.screen
        commits: list[float] = []
        asked: list[int] = []
        carry_out = screen.state.carry_out

        def timed_commit(conn, request):  # in the writer's thread
            start = time.perf_counter()
            try:
                return carry_out(conn, request)
            finally:
                commits.append((time.perf_counter() - start) * 1000)

        def no_dialog(request, preview):  # a decision that changes other links would ask: counted, not made
            asked.append(1)
            screen.state.mark(request.row, None)

        screen.state.carry_out, screen._ask = timed_commit, no_dialog
        decide_keys = (["y", "n", "u"] * iterations)[:iterations]
        decisions = await _key_latency(app, pilot, decide_keys, "decide", (screen, "action_decide"))
        backlog = screen.saving
        started = time.perf_counter()
        while screen.saving:  # the writer catches up
            await app.workers.wait_for_complete([w for w in app.workers if w.group == "decide"])
            await pilot.pause()
        drained = (time.perf_counter() - started) * 1000
        report("review: y/n/u (decide) -> screen updated", decisions, "p95 < 30 ms")
        report_cpu("decide")
        report("   commit (writer thread, one transaction)", commits, "off the interface thread")
        print(f"{'   writes still queued after the last key':<44} {backlog:7d}   written {drained:7.0f} ms later;"
              f" {len(asked)} would change other links (asked first, not made here)")
        # opening an article from the list, then the article view sentence by sentence, both panes
        await pilot.press("1")
        await pilot.pause()
        opened, opened_cpu, opened_settled, opened_queries = [], [], [], []
        for _ in range(max(1, iterations // 10)):  # the first pairs shown (``_heads`` ends that part)
            opened += await _key_latency(app, pilot, ["enter"], "open", (ArticleScreen, "_heads"))
            opened_cpu += CPU["open"]
            opened_settled += SETTLED["open"]
            opened_queries += QUERIES["open"]
            await pilot.press("escape", "j")
            await pilot.pause()
        CPU["open"], SETTLED["open"], QUERIES["open"] = opened_cpu, opened_settled, opened_queries
        report("articles: enter (open an article) -> shown", opened, "< 150 ms")
        report_cpu("open")
        await pilot.press("enter")
        await pilot.pause()
        sentences = len(app.screen.doc.pairs)
        view = app.screen.query_one("#pairs")
        print(f"{'   the article view on screen':<44} {len(list(app.screen.walk_children())):7d} widgets"
              f" for {sentences} sentence pairs; {view.drawn_pairs} pairs wrapped and styled")
        pattern = ["j"] * (sentences - 1) + ["k"] * (sentences - 1)
        keys = (pattern * (iterations // max(1, len(pattern)) + 1))[:iterations]
        article = await _key_latency(app, pilot, keys, "article", (app.screen, "_go"))
        report("article: j/k (next sentence) -> shown", article, "p95 < 50 ms")
        report_cpu("article")
        # glossary search-as-you-type over the generated entities
        await pilot.press("escape", "3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        started = time.perf_counter()
        app.names.build(app.session.conn) if not app.names.ready else None
        await pilot.press("slash")
        rng = random.Random(3)
        names = [r[0] for r in app.session.conn.execute(
            "SELECT text FROM variants WHERE lang IN ('en', 'ar') ORDER BY id LIMIT 2000")]
        typing: list[float] = []
        typing_cpu: list[float] = []
        typing_settled: list[float] = []
        typing_queries: list[int] = []
        while len(typing) < iterations:
            name = rng.choice(names)
            app.screen.query_one("#glossary-search").value = ""
            await pilot.pause()
            keys = [ch if ch != " " else "space" for ch in name[:8]]
            field = app.screen.query_one("#glossary-search")
            typing += await _key_latency(app, pilot, keys, "typing", (field, "on_value"))
            typing_cpu += CPU["typing"]
            typing_settled += SETTLED["typing"]
            typing_queries += QUERIES["typing"]
        report("glossary: one typed character -> results", typing[:iterations], "p95 < 50 ms")
        CPU["typing"] = typing_cpu[:iterations]
        SETTLED["typing"] = typing_settled[:iterations]
        QUERIES["typing"] = typing_queries[:iterations]
        report_cpu("typing")
        search_ms = []
        for name in rng.sample(names, min(len(names), iterations)):
            for n in range(1, min(len(name), 8) + 1):
                start = time.perf_counter()
                app.names.search(name[:n], limit=200)
                search_ms.append((time.perf_counter() - start) * 1000)
        report("   of which Matcher.search (names service)", search_ms, "part of the 30 ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process (RSS)':<44} {peak:7.0f} MB   (the app on 10k articles, its name index"
          " over the generated entities, and the generation itself when it ran here)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--launches", type=int, default=7)
    parser.add_argument("--db", metavar="PATH", help="use this database (built there first if missing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "bench.db"
        if not path.exists():
            t0 = time.perf_counter()
            build_db(path, args.articles, args.mentions, args.entities)
            print(f"database: {args.articles} articles, {args.mentions} mentions, {args.entities} entities"
                  f" built in {time.perf_counter() - t0:.1f} s")
        else:
            print(f"database: {path} (reused)")
        bench_launch(path, args.launches)
        asyncio.run(bench_in_app(path, args.iterations))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
