"""``workbench stats``: what the database holds."""

from __future__ import annotations

from workbench.cli import db_arg


def register(sub, common) -> None:
    p = sub.add_parser("stats", parents=[common], help="print counts: articles, segments, translations, mentions")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(args) -> int:
    import json
    from dataclasses import asdict

    from workbench.config import db_path
    from workbench.store import open_conn, stats

    path = db_path(db_arg(args)).resolve()
    s = stats.collect(open_conn(path))
    if args.json:
        print(json.dumps({"database": str(path), **asdict(s), "articles": s.articles}, ensure_ascii=False))
        return 0
    print(f"database     {path}")
    print(format_stats(s))
    return 0


def format_stats(s) -> str:
    def counts(d: dict) -> str:
        return ", ".join(f"{k} {v}" for k, v in d.items()) or "none"

    share = f" ({s.translated / s.segments:.0%})" if s.segments else ""
    return "\n".join([
        f"articles     {s.articles:>7}   {counts(s.articles_by_lang)}",
        f"segments     {s.segments:>7}",
        f"translated   {s.translated:>7}{share}   {counts(s.translations_by_engine)}",
        f"entities     {s.entities:>7}   variants {s.variants}",
        f"mentions     {s.mentions:>7}   {counts(s.mentions_by_status)}",
        f"decisions    {s.decisions:>7}",
    ])
