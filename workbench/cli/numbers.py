"""Range-checked number arguments: row ids and counts, rejected in one line before any work."""

from __future__ import annotations

import argparse

MAX_ROWID = 2**63 - 1  # SQLite's largest integer: no row has a larger id


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def row_id(noun: str, lister: str):
    """An argparse type for the id of a ``noun`` row: a whole number from 1; beyond SQLite's range, no row."""

    def parse(text: str) -> int:
        value = _whole(text)
        if value < 1:
            raise argparse.ArgumentTypeError(f"{noun} ids start at 1, got {value}; {lister} lists them")
        if value > MAX_ROWID:
            raise argparse.ArgumentTypeError(f"no {noun} with id {value}; {lister} lists them")
        return value

    parse.__name__ = f"{noun} id"
    return parse


def count(low: int = 1, high: int = MAX_ROWID):
    """An argparse type for a count such as ``--limit`` or ``--batch-size``: a whole number in [low, high]."""

    def parse(text: str) -> int:
        value = _whole(text)
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, got {value}")
        if value > high:
            raise argparse.ArgumentTypeError(f"must be at most {high}, got {value}")
        return value

    parse.__name__ = "number"
    return parse


ARTICLE_ID = row_id("article", "`workbench articles`")
MENTION_ID = row_id("mention", "`workbench mentions`")
DECISION_ID = row_id("decision", "the review screen's history pane")
