"""Well-known organisations the curated glossary does not hold (the UN, news agencies ...): a short list
kept by hand in ``names/data/organisations.tsv`` (Arabic spellings, and Latin ones for French text), looked
up like the glossary, after it.

Like the GeoNames places, a name found here is proposed as a new entity with its English name, never
linked on its own."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from workbench.names.lookup import Lexicon
from workbench.names.places import read_places

ORGANISATIONS = Path(__file__).resolve().parent / "data" / "organisations.tsv"


@lru_cache(maxsize=1)
def _rows() -> tuple:
    return tuple(read_places(ORGANISATIONS, "org"))


@lru_cache(maxsize=None)
def org_lookup(script: str = "ar") -> Lexicon:
    """The list's spellings in one script (``"ar"`` Arabic, ``"latin"`` the French and English ones) as an
    exact lookup over word keys, built once per process and script."""
    arabic = script == "ar"
    rows = [(oid, kind, name, [(lang, s) for lang, s in spellings if (lang == "ar") == arabic])
            for oid, kind, name, spellings in _rows()]
    return Lexicon.from_rows(rows, canonical_spelling=False)


def org_named(stem: str, lang: str = "ar") -> tuple[str, str] | None:
    """(id, English name) of the one listed organisation spelled ``stem`` in ``lang``, or None."""
    from workbench.text.tokens import key_of

    ids = {e.entity_id for e in org_lookup("ar" if lang == "ar" else "latin").index.get(key_of(stem), ())}
    if len(ids) != 1:
        return None
    oid = ids.pop()
    return oid, next(name for rid, _, name, _ in _rows() if rid == oid)
