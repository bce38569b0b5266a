"""Export: format, scope and destination of the aligned corpus (or the glossary); runs in a worker with progress."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Input, ProgressBar, Select, Static

from workbench.errors import UserError
from workbench.tui import after_work, keys
from workbench.tui.widgets.bidi_input import BidiInput
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.nav import NavBar
from workbench.tui.widgets.tick_box import TickBox

FORMATS = (("TMX (translation memory)", "tmx"), ("JSONL with entity spans", "jsonl"), ("CSV", "csv"),
           ("Glossary: TBX (termbase)", "glossary:tbx"), ("Glossary: CSV", "glossary:csv"),
           ("Glossary: TOML, with the non-names", "glossary:toml"), ("Glossary: OmegaT", "glossary:omegat"))
SUFFIXES = {"tmx": ".tmx", "jsonl": ".jsonl", "csv": ".csv", "glossary:tbx": ".tbx", "glossary:csv": ".csv",
            "glossary:toml": ".toml", "glossary:omegat": ".txt"}
CORPUS_ONLY = ("#export-status", "#export-lang", "#export-canonical")  # what a glossary export does not use
STATUSES = (("confirmed links only", "confirmed"), ("every link", "all"))
LANGS = (("Arabic and French", "both"), ("Arabic", "ar"), ("French", "fr"))
DEFAULT_DIR = Path("exports")


class ExportScreen(Screen):
    """Choose, press ctrl+s; the file appears whole or not at all."""

    CSS_PATH = "export.tcss"
    BINDINGS = keys.bindings("export")
    KEY_SCOPES = {"export": None}

    def compose(self) -> ComposeResult:
        yield NavBar("export")
        with VerticalScroll(id="export-form"):  # scrolls on a small terminal: the footer never covers it
            yield Static("Export the aligned corpus or the glossary", classes="pane-title")
            with Grid(id="export-grid"):
                yield Static("Format")
                yield Select(FORMATS, value="tmx", allow_blank=False, id="export-format")
                yield Static("Links")
                yield Select(STATUSES, value="confirmed", allow_blank=False, id="export-status")
                yield Static("Languages")
                yield Select(LANGS, value="both", allow_blank=False, id="export-lang")
                yield Static("Destination")
                yield BidiInput(str(DEFAULT_DIR / "corpus.tmx"), id="export-path")
                yield Static("")
                yield TickBox("English with canonical names", id="export-canonical")
                yield Static("")
                yield TickBox("Overwrite an existing file", id="export-force")
            yield Static("", id="export-error", classes="error")
            yield ProgressBar(total=1, show_eta=False, id="export-bar")
            yield Static("ctrl+s exports · ctrl+x cancels · tab moves between fields", id="export-result",
                         classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#export-format", Select).focus()  # keys work at once: enter opens the list, tab moves on

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        current = Path(path.value or "corpus")
        glossary = str(event.value).startswith("glossary:")
        for field in CORPUS_ONLY:
            self.query_one(field).disabled = glossary
        if current.stem in ("corpus", "glossary"):  # the name it was given: the kind of export follows
            path.value = str(current.with_name(("glossary" if glossary else "corpus") + SUFFIXES[event.value]))
        elif current.suffix in SUFFIXES.values():
            path.value = str(current.with_suffix(SUFFIXES[event.value]))

    def settings(self) -> dict:
        lang = self.query_one("#export-lang", Select).value
        return {
            "fmt": self.query_one("#export-format", Select).value,
            "status": self.query_one("#export-status", Select).value,
            "lang": None if lang == "both" else lang,
            "out_path": self.query_one("#export-path", Input).value.strip(),
            "canonical": self.query_one("#export-canonical", Checkbox).value,
            "force": self.query_one("#export-force", Checkbox).value,
        }

    def action_export(self) -> None:
        options = self.settings()
        error = self.query_one("#export-error", Static)
        if not options["out_path"]:
            error.update("Destination is empty: give a file path such as exports/corpus.tmx")
            return
        try:
            cancel = self.app.jobs.start("export")
        except RuntimeError as exc:
            error.update(str(exc))
            return
        error.update("")
        self._result(f"exporting to {options['out_path']}… ctrl+x cancels")
        self.run_export(options, cancel)

    def _result(self, message: str | Text) -> None:
        """Say how the export goes, under the form: scrolled into view on a small terminal."""
        result = self.query_one("#export-result", Static)
        result.update(message)
        self.call_after_refresh(result.scroll_visible, animate=False)

    def action_cancel(self) -> None:
        if self.app.jobs.cancel("export"):
            self._result("cancelling: no file will be written")

    @work(thread=True, group="job-export", exit_on_error=False)
    def run_export(self, options: dict, cancel) -> None:
        """Export in a worker with its own connection (one read snapshot)."""
        from workbench.export.corpus import export_corpus

        conn = self.app.session.connect()
        try:
            folder = Path(options["out_path"]).expanduser().parent
            if not folder.exists():  # the analyst named it: make it, as a file manager would
                try:
                    folder.mkdir(parents=True)
                except OSError as exc:
                    raise UserError(f"{folder}: cannot create the folder ({exc.strerror})") from None
            if options["fmt"].startswith("glossary:"):
                from workbench.glossary.export import export_glossary

                message = export_glossary(conn, options["out_path"], options["fmt"].split(":", 1)[1],
                                          force=options["force"])
            else:
                message = export_corpus(conn, on_progress=lambda done, total: self.app.call_from_thread(
                    self._progress, done, total), cancel=cancel, **options).summary()
            failed = False
        except UserError as exc:
            message, failed = str(exc).replace("pass --force", "tick “Overwrite”"), True
        except Exception as exc:
            message, failed = f"{type(exc).__name__}: {exc}", True
        finally:
            conn.close()
        self.app.call_from_thread(self._finished, message, failed)

    def _progress(self, done: int, total: int) -> None:
        after_work.shown(self, lambda: self.query_one("#export-bar", ProgressBar).update(total=max(total, 1),
                                                                                         progress=done),
                         f"export: {done:,} of {total:,} pairs", say=self._error)

    def _finished(self, message: str, failed: bool) -> None:
        """The export is over (whatever showing it does): its result shown under the form."""
        self.app.jobs.finish("export")
        after_work.shown(self, lambda: self._show_finished(message, failed),
                         f"the export failed: {message}" if failed else "the export finished", say=self._error,
                         recover=lambda: self._result(""), recovered="ctrl+s exports again")

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(message)
        self.call_after_refresh(self.query_one("#export-error", Static).scroll_visible, animate=False)

    def _show_finished(self, message: str, failed: bool) -> None:
        if failed:
            self.query_one("#export-error", Static).update(message)
            self._result("nothing was written")
        else:
            self._result(Text(message, style="green"))
