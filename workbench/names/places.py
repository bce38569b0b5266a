"""Places the curated glossary does not hold: a compact GeoNames list and a hand-kept list of towns, looked up
like the glossary.

``names/data/places.tsv`` is built by ``scripts/build_places.py`` (GeoNames, CC BY 4.0; ISO 3166
country names from iso-codes); ``names/data/towns.tsv`` adds, by hand, Iraqi and Syrian towns and
districts that list lacks. Both are lower-priority sources than the glossary: a place found there
becomes a proposal carrying its id, never a link accepted on its own.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from workbench.names.lookup import Lexicon
from workbench.names.normalize import LATIN_ARTICLES

PLACES = Path(__file__).resolve().parent / "data" / "places.tsv"
TOWNS = Path(__file__).resolve().parent / "data" / "towns.tsv"


def read_places(path: Path = PLACES, kind: str = "place") -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """Rows for ``Lexicon.from_rows``: (id, ``kind``, English name, [(lang, spelling)]), from a shipped
    list (``#`` comment lines, then a header: id, name, arabic and, optionally, latin; spellings ``|``-separated)."""
    rows = []
    for rec in _records(path):
        spellings = [("ar", s) for s in rec["arabic"].split("|") if s]
        spellings += [("fr", s) for s in (rec.get("latin") or "").split("|") if s]
        rows.append((rec["id"], kind, rec["name"], spellings))
    return rows


def _records(path: Path) -> list[dict]:
    """The rows of a shipped list (``#`` comment lines, then a header), none when it is missing."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=None)
def _rows() -> tuple:
    """``read_places`` of both lists, once per process."""
    return tuple(read_places()) + tuple(read_places(TOWNS))


@lru_cache(maxsize=2)
def place_lookup(script: str = "ar") -> Lexicon:
    """The place list's spellings in one script (``"ar"`` Arabic, ``"latin"`` the others) as an exact
    lookup over word keys, built once per process and script (an Arabic corpus never builds the Latin one).

    Arabic spellings that are frequent words of news text or given names are left out (a town called
    علي would find every Ali), and so are the Persian and Kurdish ones (with ی or ک: مهربین would find
    مهربين, smugglers, once the lookup reads those letters as Arabic)."""
    from workbench.names.arabic_cues import cue_fold, tables
    from workbench.text.tokens import arabic_letters

    t = tables()
    common = t["not_name"] | t["not_place"] | t["given"] | t["title"] | t["place_head"] | t["org_head"]
    arabic = script == "ar"
    rows = []
    for pid, kind, name, spellings in _rows():
        kept = [(lang, s) for lang, s in spellings
                if (lang == "ar") == arabic
                and (not arabic or arabic_letters(s) == s and _distinctive(cue_fold(s), common))]
        if arabic:
            kept += [("ar", joined) for lang, s in kept if (joined := _joined_kunya(s))]
        else:
            kept += [(lang, bare) for lang, s in kept if (bare := _without_article(s))]
        rows.append((pid, kind, name, kept))
    return Lexicon.from_rows(rows, canonical_spelling=False)


_LATIN_ARTICLE = re.compile(rf"(?i)^(?:{'|'.join(sorted(LATIN_ARTICLES))})[- ](?=\w{{5,}}$)")


def _without_article(spelling: str) -> str | None:
    """A Latin spelling of one name word opening with the Arabic article, without it: French and English news
    often drop it (An Nasiriya → Nasiriya, Al-Hamdaniya → Hamdaniya); not from a short word (Al-Bab)."""
    bare = _LATIN_ARTICLE.sub("", spelling)
    return bare if bare != spelling else None


def _joined_kunya(spelling: str) -> str | None:
    """A place named البو X or أبو X is often written as one word (البوكمال، أبوكمال): that spelling."""
    first, _, rest = spelling.partition(" ")
    return first + rest if first in ("البو", "أبو", "ابو") and rest and " " not in rest else None


def _distinctive(spelling: str, common: frozenset) -> bool:
    """A spelling that is not also a frequent word: one word needs four letters or more (أن، صدد) and
    must not be one with a proclitic (بانه: ب + أنه, "that it")."""
    from workbench.names.arabic_cues import cue_fold
    from workbench.text.tokens import proclitic_forms

    if spelling in common:
        return False
    if " " not in spelling:
        bare = spelling[2:] if spelling.startswith("ال") else spelling
        return len(bare) >= 4 and not any(cue_fold(stem) in common for p, stem in proclitic_forms(spelling) if p)
    return True


def place_source(place_id: str) -> str:
    """Where a place's id comes from, for an entity's note: "GeoNames geonames:167357", "ISO 3166 iso3166:JO",
    "Town list town:iq-bashiqa"."""
    source = {"geonames": "GeoNames", "town": "Town list"}.get(place_id.partition(":")[0], "ISO 3166")
    return f"{source} {place_id}"


@lru_cache(maxsize=1)
def _countries_of() -> dict[str, str]:
    """Place id -> ISO 3166 code of its country (the lists' ``country`` column)."""
    return {rec["id"]: (rec.get("country") or "").upper() for path in (PLACES, TOWNS) for rec in _records(path)}


def place_country(place_id: str) -> str:
    """The ISO 3166 code of a listed place's country ("IQ", "SY"), or "" when it is not known."""
    return _countries_of().get(place_id, "")


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """GeoNames / ISO id -> English name."""
    return {pid: name for pid, _, name, _ in _rows()}


# the short names a glossary gives countries whose ISO 3166 name is another (Russian Federation, Iran
# (Islamic Republic of), Türkiye) or that the place list leaves to the glossary
COMMON_COUNTRY_NAMES = frozenset(("iran", "turkey", "türkiye", "russia", "united states", "iraq", "syria", "lebanon",
                                  "jordan", "saudi arabia", "israel", "egypt", "kuwait", "qatar", "france", "germany"))


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """The English names of the listed countries (ISO 3166), case-folded: Syria, Iraq, Turkey ..."""
    return frozenset(name.casefold() for pid, _, name, _ in _rows() if pid.startswith("iso3166:")) | COMMON_COUNTRY_NAMES


def place_named(stem: str, lang: str) -> str | None:
    """The id of the one listed place spelled ``stem`` in ``lang`` (Arabic, or a Latin script), or None
    (none, or several)."""
    from workbench.text.tokens import key_of

    ids = {e.entity_id for e in place_lookup("ar" if lang == "ar" else "latin").index.get(key_of(stem), ())}
    return ids.pop() if len(ids) == 1 else None
