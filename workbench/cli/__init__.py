"""The ``workbench`` command line: a thin face over the services, one module per command group."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from workbench import __version__
from workbench.errors import UserError

# command modules, each with ``register(subparsers, common)``; imported lazily by name so that a
# command that does not translate never imports the translation stack.
COMMAND_MODULES = [
    "workbench.cli.import_cmd",
    "workbench.cli.stats_cmd",
    "workbench.cli.articles_cmd",
    "workbench.cli.demo_cmd",
    "workbench.cli.tui_cmd",
    "workbench.cli.export_cmd",
    "workbench.cli.models_cmd",
    "workbench.cli.translate_cmd",
    "workbench.cli.align_cmd",
    "workbench.cli.mentions_cmd",
    "workbench.cli.decide_cmd",
    "workbench.cli.glossary_cmd",
    "workbench.cli.match_cmd",
    "workbench.cli.check_cmd",
]


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error: what is wrong with which argument, and where the help is."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}; see `{self.prog} --help`\n")


def asked(argv: list[str]) -> list[str]:
    """The command modules a command line needs: the one of its command (the first word; none: the
    TUI), or all of them for the main help, the version, or a word that names no module."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("--db="):
            module = f"workbench.cli.{word}_cmd"
            return [module] if module in COMMAND_MODULES else COMMAND_MODULES
    return ["workbench.cli.tui_cmd"]  # bare `workbench` opens the TUI


def build_parser(modules: list[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="PATH",
        help="database file (default: $WORKBENCH_DB or db/workbench.db)",
    )
    parser = Parser(
        prog="workbench",
        description="Offline translation-and-alignment workbench for Arabic and French news.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(asked(argv))  # one command's module: the TUI opens without the others
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "command", None):
            args = parser.parse_args([*argv, "tui"])  # bare `workbench` opens the TUI
    except SystemExit as exc:  # a usage error (one line printed), --help or --version
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return args.func(args) or 0
    except UserError as exc:
        print(f"workbench: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("workbench: interrupted; finished work is saved", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `workbench mentions | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def usage(parser: argparse.ArgumentParser):
    """A command for a group run without its action: print the group's help on stderr, exit 2."""

    def show(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return show


def command(sub, common: argparse.ArgumentParser, name: str, help: str, description: str | None = None):
    """Register one command: its parser, taking the options every command takes (``--db``)."""
    return sub.add_parser(name, parents=[common], help=help, description=description)


def db_arg(args: argparse.Namespace) -> str | None:
    """The ``--db`` value given anywhere on the command line, if any."""
    return getattr(args, "db", None)
