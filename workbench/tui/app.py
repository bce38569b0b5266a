"""The workbench application: the five screens (modes), global keys, start-up and a clean exit."""

from __future__ import annotations

import gc
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from workbench.tui import after_work, keys
from workbench.tui.commands import KeysProvider
from workbench.tui.state.jobs import JobControl
from workbench.tui.state.names import EntityIndex
from workbench.tui.state.session import Session


def _articles() -> Screen:
    from workbench.tui.articles.screen import ArticlesScreen

    return ArticlesScreen()


def _review() -> Screen:
    from workbench.tui.review.screen import ReviewScreen

    return ReviewScreen()


def _glossary() -> Screen:
    from workbench.tui.glossary.screen import GlossaryScreen

    return GlossaryScreen()


def _jobs() -> Screen:
    from workbench.tui.jobs.screen import JobsScreen

    return JobsScreen()


def _export() -> Screen:
    from workbench.tui.export.screen import ExportScreen

    return ExportScreen()


def keep_out_of_collections() -> None:
    """Leave the objects alive now (modules, widgets, the name index: hundreds of thousands) out of the
    garbage collector's full passes, which otherwise stop a key for 0.4 s now and then.

    Called after the first paint and after each build of the name index. The young generations are
    collected first (milliseconds), so little garbage is kept; a frozen object is still freed when
    nothing refers to it any more (only a cycle among frozen objects stays)."""
    gc.collect(1)
    gc.freeze()


class WorkbenchApp(App[int]):
    """Review and curate an aligned corpus from the keyboard."""

    TITLE = "workbench"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    BINDINGS = keys.bindings("app")
    COMMANDS = App.COMMANDS | {KeysProvider}
    MODES = {"articles": _articles, "review": _review, "glossary": _glossary, "jobs": _jobs,
             "export": _export}
    DEFAULT_MODE = "articles"

    def __init__(self, db_path: str | Path | None = None, *, session: Session | None = None,
                 bidi: str = "shape", preload: bool = True) -> None:
        super().__init__()
        self.session = session or Session(db_path)
        """The database every screen reads and writes."""
        self.bidi = bidi
        """How Arabic is shown: ``shape`` (we order it) or ``terminal`` (the terminal does bidi)."""
        self.preload = preload
        self.jobs = JobControl()
        """Background jobs (translate, align, export): their cancel flags; stopped cleanly on quit."""
        self.names = EntityIndex(lambda: self.session.glossary_version)
        """The glossary name index (picker, glossary search), built in a worker when first needed."""
        self.data_version = 0
        """Bumped by every change to the data, so screens coming back into view know to re-read."""
        self._names_waiting: list = []
        self._names_building: int | None = None  # the glossary version a running build reads
        self.sub_title = str(self.session.path)

    def on_mount(self) -> None:
        self.call_after_refresh(keep_out_of_collections)
        if self.preload:
            self.call_after_refresh(self._preload)

    @work(thread=True, exclusive=True, group="preload", exit_on_error=False)
    def _preload(self) -> None:
        """Import the text-folding stack (0.3 s) off the start-up path, once the first screen shows."""
        import workbench.store.search  # noqa: F401

    def data_changed(self, *, glossary: bool = False) -> None:
        """Something was written: screens re-read when they show again; the name index goes stale."""
        self.data_version += 1
        if glossary:
            self.session.glossary_written()

    def ensure_names(self, then=None) -> None:
        """Build (or rebuild) the name index in a worker; ``then`` runs on the interface thread after.

        One build per glossary version: keys typed while it runs only queue their ``then``.
        """
        if then is not None:
            self._names_waiting.append(then)
        if self.names.current:
            self._names_built()
        elif self._names_building != self.session.glossary_version:
            self._names_building = self.session.glossary_version
            self._build_names()

    @work(thread=True, group="names", exit_on_error=False)
    def _build_names(self) -> None:
        try:
            conn = self.session.connect()
            try:
                self.names.build(conn)
            finally:
                conn.close()
        except BaseException:
            self.call_from_thread(setattr, self, "_names_building", None)  # the next search tries again
            raise
        self.call_from_thread(self._names_built)

    def _names_built(self) -> None:
        if not self.names.current:  # the glossary changed again during the build
            self.ensure_names()
            return
        self._names_building = None
        keep_out_of_collections()
        waiting, self._names_waiting = self._names_waiting, []
        for callback in waiting:  # one that fails is said; the others still run
            after_work.shown(self.screen, callback, "the name index was read again")

    def action_go(self, mode: str) -> None:
        """Show one of the five screens (it keeps its state)."""
        if self.current_mode != mode:
            self.switch_mode(mode)
        elif len(self.screen_stack) > 1:  # back to the base screen of this mode
            while len(self.screen_stack) > 1 and not self.screen.is_modal:
                self.pop_screen()

    def action_help(self) -> None:
        from workbench.tui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Leave with nothing lost: decisions still being saved are written first; running jobs stop cleanly."""
        said = False
        while writing := [w for w in self.workers if w.group == "decide" and not w.is_finished]:
            if not said:  # each write starts the next one queued: wait until none is left
                self.notify("Saving the last decisions…", timeout=3)
                said = True
            for worker in writing:
                await worker.wait()
        if self.jobs.running():
            self.jobs.cancel_all()
            self.notify("Stopping background jobs; finished work is saved…", timeout=3)
            for worker in list(self.workers):
                if worker.group.startswith("job-") and worker.is_running:
                    await worker.wait()
        self.session.close()
        self.exit(0)

    def notify(self, message: str, **options) -> None:
        """A notice, its Arabic shaped and in reading order like every other line (see ``bidi``)."""
        from workbench.tui.render.arabic import display_line

        shown = display_line(message, self.bidi)
        if shown != message:
            options["markup"] = False  # mirrored brackets are not markup
        super().notify(shown, **options)

    def say(self, message: str, error: bool = False) -> None:
        """One line in the current screen's status line (a notice on a screen without one)."""
        from workbench.tui.widgets.status_line import StatusLine

        lines = self.screen.query(StatusLine)
        if lines:
            lines.first().say(message, "bold red" if error else "")
        else:
            self.notify(message, severity="error" if error else "information", markup=False)

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Save an SVG of the screen (f12, or Screenshot in the palette) in ~/Downloads, or in the data
        folder (the database's) when there is no ~/Downloads; the status line says where."""
        from workbench.config import data_dir

        if path is None:
            downloads = Path.home() / "Downloads"
            path = str(downloads if downloads.is_dir() else data_dir(self.session.path))
        try:
            saved = self.save_screenshot(filename, path, time_format)
        except OSError as exc:
            self.say(f"screenshot not saved in {path}: {exc.strerror or exc}", error=True)
            return None
        self.say(f"screenshot saved: {_short(saved)}")
        return saved

    def get_key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        return keys._readable(binding.key)


def _short(path: str) -> str:
    """A path as short as it can be said: relative to the working folder, else with ``~`` for home."""
    full = Path(path).absolute()
    for base, shown in ((Path.cwd(), ""), (Path.home(), "~/")):
        if full.is_relative_to(base):
            return shown + str(full.relative_to(base))
    return str(full)


def run(db_path: str | Path | None = None) -> int:
    """Open the workbench on the database (``workbench`` and ``workbench tui`` call this)."""
    import os

    from workbench.tui.render.arabic import BIDI_MODES

    bidi = os.environ.get("WORKBENCH_BIDI", "shape")
    if bidi not in BIDI_MODES:
        from workbench.errors import UserError

        raise UserError(f"WORKBENCH_BIDI={bidi!r}: use one of {', '.join(BIDI_MODES)}")
    app = WorkbenchApp(db_path, bidi=bidi)
    app.session.conn  # open (and migrate) before the screen takes over: errors print as one line
    return app.run() or 0
