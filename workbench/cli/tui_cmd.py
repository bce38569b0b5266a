"""``workbench tui``: open the terminal workbench on the database."""

from __future__ import annotations

from workbench.cli import db_arg


def register(sub, common) -> None:
    p = sub.add_parser("tui", parents=[common], help="open the terminal workbench (the default command)")
    p.set_defaults(func=run)


def has_terminal() -> bool:
    """Both stdin and stdout are a terminal (the screen cannot run, and would hang, otherwise)."""
    import sys

    return sys.stdin.isatty() and sys.stdout.isatty()


def run(args) -> int:
    from workbench.config import db_path
    from workbench.errors import UserError
    from workbench.store.db import missing_message

    if not has_terminal():
        raise UserError("the workbench screen needs a terminal (stdin and stdout); "
                        "`workbench --help` lists the commands for scripts")
    path = db_path(db_arg(args))
    if not path.exists():  # the TUI only opens a database; `import` or `demo` makes one
        raise UserError(missing_message(path))
    from workbench.tui.app import run as run_app

    return run_app(db_arg(args))
