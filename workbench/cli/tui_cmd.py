"""``workbench tui``: open the terminal workbench on the database."""

from __future__ import annotations

from workbench.cli import db_arg


def register(sub, common) -> None:
    p = sub.add_parser("tui", parents=[common], help="open the terminal workbench (the default command)")
    p.set_defaults(func=run)


def run(args) -> int:
    from workbench.tui.app import run as run_app

    return run_app(db_arg(args))
