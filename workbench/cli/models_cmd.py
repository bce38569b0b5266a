"""``workbench models``: list, add and install Argos translation packages."""

from __future__ import annotations

import sys

from workbench.cli import command, usage
from workbench.config import SOURCE_LANGS


def register(sub, common) -> None:
    p = command(sub, common, "models", "translation models: list, add a package file, install from the index",
                "Argos translation packages (xx->en). Location: $ARGOS_PACKAGES_DIR, else "
                "~/.local/share/argos-translate/packages (see docs/translation.md).")
    actions = p.add_subparsers(dest="models_action", metavar="ACTION")
    actions.add_parser("list", parents=[common], help="installed packages: pair, version, size, location")
    add = actions.add_parser("add", parents=[common], help="install a .argosmodel file copied onto this machine")
    add.add_argument("file", metavar="FILE.argosmodel")
    inst = actions.add_parser(
        "install", parents=[common],
        help="download packages from the Argos index (the only command that uses the network)",
    )
    inst.add_argument("langs", nargs="*", metavar="LANG",
                      help="source languages (default: ar fr); each gets its LANG->en package")
    inst.add_argument("--index-url", metavar="URL",
                      help="package index (default: $WORKBENCH_PACKAGE_INDEX, else argostranslate's index)")
    inst.add_argument("--force", action="store_true", help="download again even if that version is installed")
    p.set_defaults(func=run, usage=usage(p))


def run(args) -> int:
    if args.models_action is None:  # `workbench models` alone: the actions, exit 2
        return args.usage(args)
    return {"list": _list, "add": _add, "install": _install}[args.models_action](args)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def _list(args) -> int:
    from workbench.translate import packages

    root = packages.packages_dir()
    found = packages.installed(root)
    if not found:
        print(f"no translation packages in {root}")
        for lang in SOURCE_LANGS:
            print(packages.no_model_message(lang))
        return 0
    print(f"{'pair':<8} {'version':<9} {'size':>9}  location")
    for p in found:
        print(f"{p.info.pair:<8} {p.info.version or '-':<9} {_size(p.size):>9}  {p.path}")
    for lang in SOURCE_LANGS:
        if packages.find(lang, directory=root) is None:
            print(packages.no_model_message(lang))
    return 0


def _add(args) -> int:
    from pathlib import Path

    from workbench.translate import packages

    result = packages.install_archive(Path(args.file))
    info = result.package.info
    print(f"installed {info.pair} {info.version} in {result.package.path}")
    for old in result.replaced:
        if old != result.package.path:
            print(f"replaced {old}")
    return 0


def _install(args) -> int:
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TransferSpeedColumn,
    )

    from workbench.errors import UserError
    from workbench.translate import index

    langs = args.langs or list(SOURCE_LANGS)
    for lang in langs:
        if lang not in SOURCE_LANGS:
            raise UserError(f"no {lang}->en packages are used here; choose from {', '.join(SOURCE_LANGS)}")
    url = index.index_url(args.index_url)
    print(f"reading the package index {url}")
    with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  transient=not sys.stdout.isatty()) as bar:
        tasks: dict[str, int] = {}

        def on_bytes(label: str, done: int, total: int | None) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(f"downloading {label}", total=total)
            bar.update(tasks[label], completed=done, total=total)

        outcomes = index.install(langs, url, force=args.force, on_bytes=on_bytes)
    for outcome in outcomes:
        print(outcome.message)
    return 0
