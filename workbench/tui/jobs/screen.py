"""Jobs and models: installed models, work waiting, translate / align in the background, cancel."""

from __future__ import annotations

import time

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from workbench.errors import UserError
from workbench.store.jobs import RUNNING
from workbench.tui import after_work, keys
from workbench.tui.state import jobs
from workbench.tui.widgets.nav import NavBar
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.status_line import StatusLine

KINDS = {"translate": jobs.run_translate, "align": jobs.run_align}
KEYS = {"translate": "t", "align": "a"}
FOLLOW = 1.0  # seconds between two reads of the recent jobs while the screen shows


def models_table(models: list[jobs.Model]) -> Table | Text:
    if not models:
        return Text("No translation model installed. Install one with `workbench models add FILE.argosmodel`"
                    " (an .argosmodel file copied to this machine); nothing is downloaded.", style="yellow")
    table = Table(box=None, padding=(0, 2), header_style="bold")
    for column in ("pair", "version", "size", "model id"):
        table.add_column(column)
    for m in models:
        table.add_row(m.pair, m.version, f"{m.size_mb:.1f} MB", m.model_id)
    return table


def waiting_table(counts: dict[str, int]) -> Table:
    table = Table(box=None, padding=(0, 2), show_header=False)
    table.add_column(style="bold", justify="right")
    table.add_column()
    for name, count in counts.items():
        table.add_row(f"{count:,}", name)
    return table


def jobs_table(rows: list[tuple]) -> Table | Text:
    if not rows:
        return Text("No job has run on this database yet.", style="dim")
    table = Table(box=None, padding=(0, 1), header_style="bold", expand=True)
    for column, kwargs in (("id", {"justify": "right"}), ("kind", {}), ("status", {}),
                           ("done", {"justify": "right"}), ("started", {}), ("message", {"ratio": 1})):
        table.add_column(column, **kwargs)
    colours = {"done": "green", "running": "yellow", "failed": "red", "cancelled": "magenta"}
    for jid, kind, status, done, total, message, started, _finished in rows:
        table.add_row(str(jid), kind, Text(status, style=colours.get(status, "")), f"{done}/{total}",
                      started[:16].replace("T", " "), message)
    return table


class JobPanel(Vertical):
    """One kind of job: what it is doing, a progress bar."""

    DEFAULT_CSS = """
    JobPanel { height: auto; padding: 0 1; }
    JobPanel ProgressBar { width: 1fr; }
    """

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(id=f"panel-{kind}")
        self.kind = kind
        self.key = key

    def compose(self) -> ComposeResult:
        yield Static(f"{self.kind}: idle · {self.key} starts it", classes="job-line")
        yield ProgressBar(total=1, show_eta=False, id=f"bar-{self.kind}")

    def show(self, line: str, done: int | None = None, total: int | None = None) -> None:
        self.query_one(".job-line", Static).update(line)
        bar = self.query_one(ProgressBar)
        if total:
            bar.update(total=total, progress=done or 0)
        elif total == 0:  # nothing to do: a full bar, not a spinner
            bar.update(total=1, progress=1)


class JobsScreen(Screen):
    """Translate and align run in workers with their own connections; every batch is committed."""

    CSS_PATH = "jobs.tcss"
    BINDINGS = keys.bindings("jobs")
    KEY_SCOPES = {"jobs": None}

    def compose(self) -> ComposeResult:
        yield NavBar("jobs")
        yield Static("Installed models", classes="pane-title")
        yield Static(id="models")
        yield Static("Work waiting", classes="pane-title")
        yield Static(id="waiting")
        yield Static("Running", classes="pane-title")
        yield JobPanel("translate", KEYS["translate"])
        yield JobPanel("align", KEYS["align"])
        yield Static("Recent jobs", classes="pane-title")
        yield Static(id="recent")
        yield StatusLine(id="jobs-status", classes="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        self.action_reload()
        self.set_interval(FOLLOW, self.follow)

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        conn = self.app.session.conn
        self.query_one("#models", Static).update(models_table(jobs.installed_models()))
        self.query_one("#waiting", Static).update(waiting_table(jobs.waiting_work(conn)))
        self._recent = jobs.recent_jobs(conn, 12)
        self.query_one("#recent", Static).update(jobs_table(self._recent))

    def follow(self) -> None:
        """The recent jobs read again while this screen shows (a timer): a job started elsewhere (`workbench
        align` in a terminal) shows its progress as the command line does; when one ends, all is read again."""
        if not self.is_current:
            return
        recent = jobs.recent_jobs(self.app.session.conn, 12)
        if recent == self._recent:
            return
        ended = {row[0] for row in self._recent if row[2] == RUNNING} - {row[0] for row in recent if row[2] == RUNNING}
        self._recent = recent
        if ended:
            self.action_reload()
        else:
            self.query_one("#recent", Static).update(jobs_table(recent))

    def say(self, message: str, error: bool = False) -> None:
        self.query_one("#jobs-status", StatusLine).say(message, "bold red" if error else "")

    def action_translate(self) -> None:
        self._start("translate")

    def action_align(self) -> None:
        self._start("align")

    def action_cancel(self) -> None:
        running = self.app.jobs.running()
        if not running:
            self.say("no job is running")
            return
        for kind in running:
            self.app.jobs.cancel(kind)
        self.say(f"cancelling {', '.join(running)}: the batch in flight finishes, finished work stays")

    def _start(self, kind: str) -> None:
        try:
            cancel = self.app.jobs.start(kind)
        except RuntimeError as exc:
            self.say(str(exc), error=True)
            return
        self.query_one(f"#panel-{kind}", JobPanel).show(f"{kind}: starting (loading the model can take a few "
                                                        "seconds)… x cancels", 0, 1)
        self.say(f"{kind} started in the background; keep working, x cancels")
        self.run_job(kind, cancel)

    @work(thread=True, group="job-run", exit_on_error=False)
    def run_job(self, kind: str, cancel) -> None:
        """Run a job in a worker thread with its own connection; progress comes back to the screen."""
        conn = self.app.session.connect()
        started = time.monotonic()

        def progress(done: int, total: int, rate: float) -> None:
            rate = rate or (done / max(time.monotonic() - started, 1e-6))
            self.app.call_from_thread(self._progress, kind, done, total, rate)

        try:
            message, failed = KINDS[kind](conn, cancel, progress), False
        except UserError as exc:
            message, failed = str(exc), True
        except Exception as exc:  # shown in place; the job row says failed
            message, failed = f"{type(exc).__name__}: {exc}", True
        finally:
            conn.close()
        self.app.call_from_thread(self._finished, kind, message, failed)

    def _progress(self, kind: str, done: int, total: int, rate: float) -> None:
        def show() -> None:  # a fault here is said; the job goes on
            panel = self.query_one(f"#panel-{kind}", JobPanel)
            panel.show(f"{kind}: {done:,} of {total:,} · {rate:,.1f}/s · x cancels (finished work stays)", done,
                       total)

        after_work.shown(self, show, f"{kind}: {done:,} of {total:,} done")

    def _finished(self, kind: str, message: str, failed: bool) -> None:
        """The job is over (whatever showing it does): its result shown, the screen read again."""
        self.app.jobs.finish(kind)
        self.app.data_changed(glossary=kind == "align")
        after_work.shown(self, lambda: self._show_finished(kind, message, failed),
                         f"{kind} failed: {message}" if failed else f"{kind} finished", recover=self._recover(kind))

    def _recover(self, kind: str):
        """After a fault in showing a job's end: its panel says it is over, the screen is read again."""
        def recover() -> None:
            self.query_one(f"#panel-{kind}", JobPanel).show(f"{kind}: over · {KEYS[kind]} starts it again", 1, 1)
            self.action_reload()
        return recover

    def _show_finished(self, kind: str, message: str, failed: bool) -> None:
        panel = self.query_one(f"#panel-{kind}", JobPanel)
        bar = panel.query_one(ProgressBar)
        panel.show(f"{kind}: {message}", bar.total or 1, bar.total or 1)
        self.say(f"{kind} {'failed' if failed else 'finished'}: {message}", error=failed)
        self.action_reload()
