"""``workbench translate``: machine-translate every ar / fr sentence that has no English yet."""

from __future__ import annotations

import sys

from workbench.cli import command, db_arg
from workbench.cli.numbers import ARTICLE_ID, count


def register(sub, common) -> None:
    p = command(sub, common, "translate", "translate untranslated ar/fr sentences to English (resumable)",
                "Translate, offline, every ar/fr sentence with no English yet (human versions are kept). "
                "Batches are committed as they finish: interrupt at any time and run again to resume.")
    p.add_argument("--article", type=ARTICLE_ID, action="append", metavar="ID", dest="articles",
                   help="only this article (repeat for several)")
    p.add_argument("--limit", type=count(), metavar="N", help="only the first N articles that need translating")
    p.add_argument("--batch-size", type=count(1, 1024), default=None, metavar="N",
                   help="sentences per model call (default 16)")
    p.add_argument("--threads", type=count(1, 1024), default=None, metavar="N",
                   help="CPU threads for the model (default: $WORKBENCH_THREADS, else all cores)")
    p.add_argument("--alternatives", type=count(0, 3), default=0, metavar="N",
                   help="also keep up to N (0-3) alternative translations with their scores")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args) -> int:
    from workbench.store import open_db

    db = open_db(db_arg(args), create=False)
    result = translate_with_progress(
        db.conn, article_ids=args.articles, limit=args.limit, batch_size=args.batch_size,
        threads=args.threads, alternatives=args.alternatives, quiet=args.quiet,
    )
    return 1 if result.missing else 0


def translate_with_progress(conn, *, quiet: bool = False, out=None, **options):
    """Run the translate job with a progress bar (rate, ETA); print the summary and any missing model."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from workbench.translate import packages, runner

    out = out or sys.stdout
    options = {k: v for k, v in options.items() if v is not None}
    console = Console(file=out)
    with Progress(
        TextColumn("translating"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:>7.1f} sentences/s"), TextColumn("ETA {task.fields[eta]}"),
        console=console, disable=quiet, transient=False,
    ) as bar:
        task = bar.add_task("translate", total=None, rate=0.0, eta="-", visible=False)

        def on_progress(done: int, total: int, rate: float) -> None:
            left = total - done
            eta = _clock(left / rate) if rate > 0 and left > 0 else ("0:00" if left <= 0 else "-")
            bar.update(task, completed=done, total=total or None, rate=rate, eta=eta, visible=total > 0)

        result = runner.translate(conn, on_progress=on_progress, **options)
    print(result.summary() + (f" in {result.elapsed:.1f} s" if result.total else ""), file=out)
    for lang, count in result.missing.items():
        print(packages.no_model_message(lang, count), file=out)
    return result


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def demo_translate(conn) -> None:
    """The demo's translate step: never fails for want of a model (the sample ships human English)."""
    print("== translate: sentences with no English yet (human versions from the sample are kept)")
    from workbench.config import SOURCE_LANGS
    from workbench.translate import packages

    result = translate_with_progress(conn, quiet=not sys.stdout.isatty())
    absent = [lang for lang in SOURCE_LANGS if packages.find(lang) is None]
    for lang in absent:
        if lang not in result.missing:
            print(packages.no_model_message(lang))
    if absent:
        print("   (the demo carries on: its articles ship human English versions, aligned sentence by sentence)")
