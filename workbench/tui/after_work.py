"""What runs on the interface thread once background work is done (a decision, a job, an export, an edit's
search index): a fault in showing its result is said in the screen's status line and the screen read again,
never lost in the worker that called it (a row left "saving…") nor fatal to the app."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen


def shown(screen: Screen, then: Callable[[], object], happened: str, *, recover: Callable[[], object] | None = None,
          recovered: str = "the screen was read again", say: Callable[[str], object] | None = None) -> bool:
    """Run ``then`` (it shows the result of work that ``happened``: "the last decision was written", "align
    finished"); True if it did. If it raises, say so in the screen's status line (or ``say``): what happened,
    that the screen could not show it and why; then run ``recover`` (read the screen again), said as
    ``recovered``."""
    try:
        then()
        return True
    except Exception as exc:  # noqa: BLE001 - said in the status line, never a traceback
        fault = f"{type(exc).__name__}: {exc}"
    note = ""
    if recover is not None:
        try:
            recover()
            note = f"; {recovered}"
        except Exception as again:  # noqa: BLE001
            note = f"; reading it again failed too ({type(again).__name__}: {again})"
    tell(screen, f"{happened}, but the screen could not show it ({fault}){note}", say)
    return False


def tell(screen: Screen, message: str, say: Callable[[str], object] | None = None) -> None:
    """An error in the screen's status line (``say``, else its ``StatusLine``), else as a notice."""
    from workbench.tui.widgets.status_line import StatusLine

    try:
        if say is not None:
            say(message)
            return
        lines = screen.query(StatusLine)
        if lines:
            lines.first().say(message, "bold red")
            return
    except Exception:  # noqa: BLE001 - the status line itself is broken: a notice still says it
        pass
    screen.app.notify(message, severity="error", timeout=10, markup=False)
