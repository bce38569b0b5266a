"""The kind of a French or English name from the words around it: the village of X, President X, and an
apposition after it (X, un activiste local; X, a village near ...)."""

from __future__ import annotations

import re

from workbench.names.normalize import normalize
from workbench.names.titles import TITLES

PLACE_HEADS = {
    "en": {"village", "town", "city", "province", "governorate", "district", "region", "neighbourhood",
           "neighborhood", "camp", "suburb", "outskirts", "countryside", "subdistrict", "hamlet"},
    "fr": {"village", "ville", "localité", "bourg", "province", "gouvernorat", "district", "région",
           "quartier", "camp", "banlieue", "périphérie", "environs", "campagne", "hameau"},
}
# titles before a person's name: every Latin title the names matcher knows, and a few it strips nowhere
PERSON_TITLES = frozenset(t for t in TITLES if t.isascii()) | {"cleric", "lawmaker", "spokeswoman", "deputee"}
_OF = re.compile(r"(\w+)\s+(?:of|de|du)\s+$|(\w+)\s+d['’]$")
_TITLE = re.compile(r"([\w-]+)\.?\s+$")


def kind_before(text: str, start: int, lang: str) -> tuple[str, str] | None:
    """``(type, cue)`` when the words before ``text[start:]`` say what the name is, else None."""
    if lang not in PLACE_HEADS:
        return None
    left = text[max(0, start - 40):start]
    m = _OF.search(left)
    if m:
        head = (m.group(1) or m.group(2)).casefold()
        if head in PLACE_HEADS[lang]:
            return "place", f"place head '{head}'"
        return None
    m = _TITLE.search(left)
    if m and normalize(m.group(1).rsplit("-", 1)[-1], lang) in PERSON_TITLES:  # porte-parole: parole
        return "person", f"title '{m.group(1)}'"
    return None


# nouns of an apposition after a name (X, un militant ...; X, a village ...); person titles count too
APPOSITIONS = {
    "fr": {
        "person": {"activiste", "militant", "militante", "responsable", "membre", "journaliste", "habitant",
                   "habitante", "témoin", "analyste", "chercheur", "chercheuse", "expert", "avocat", "médecin",
                   "officier", "combattant", "fondateur", "directeur", "directrice", "conseiller", "correspondant",
                   "notable", "élu", "représentant", "père", "frère", "fils", "fille", "mère", "épouse", "oncle",
                   "cousin", "neveu", "proche", "ancien", "ancienne", "haut", "figure", "éminent", "éminente"},
        "place": {"village", "ville", "localité", "bourg", "quartier", "région", "capitale", "chef-lieu",
                  "district", "hameau", "bastion", "fief", "camp", "poste-frontière"},
        "org": {"ong", "groupe", "organisation", "milice", "coalition", "parti", "agence", "mouvement", "faction",
                "tribu", "clan", "alliance", "chaîne", "site", "journal", "quotidien", "formation"},
    },
    "en": {
        "person": {"activist", "member", "official", "resident", "journalist", "analyst", "researcher", "expert",
                   "lawyer", "doctor", "officer", "fighter", "founder", "director", "adviser", "advisor",
                   "correspondent", "father", "brother", "son", "daughter", "mother", "wife", "relative", "senior",
                   "former", "prominent", "head", "administrator", "manager", "coordinator", "worker"},
        "place": {"village", "town", "city", "district", "neighbourhood", "neighborhood", "region", "capital",
                  "stronghold", "hamlet", "camp", "subdistrict"},
        "org": {"group", "organisation", "organization", "militia", "coalition", "party", "agency", "movement",
                "faction", "tribe", "clan", "alliance", "channel", "website", "newspaper", "outlet", "ngo"},
    },
}
_AFTER = re.compile(r"\s*,\s*(?:(?:une|un|les|le|la|an|a|the)\s+|l['’]\s*)?([\w-]+)(?:\s+([\w-]+))?")
# a name after one of these ends an adverbial phrase at its comma (À Tell Jamal, le chef ...): no apposition
_FRONTED = re.compile(r"(?:^|\W)(?:à|a|dans|en|depuis|vers|sur|pour|in|at|from|near|to)\s+$", re.IGNORECASE)


def kind_after(text: str, start: int, end: int, lang: str) -> tuple[str, str] | None:
    """``(type, cue)`` when an apposition after the name ``text[start:end]`` (its first or second word:
    a local activist) says what the name is, else None. English puts the head noun last (a camp
    administrator is a person), French first (un camp de déplacés is a place): that word is read first."""
    nouns = APPOSITIONS.get(lang)
    m = _AFTER.match(text, end)
    if nouns is None or m is None or _FRONTED.search(text, max(0, start - 12), start):
        return None
    words = [w for w in m.groups() if w]
    for word in reversed(words) if lang == "en" else words:
        folded = word.casefold()
        kind = next((k for k, words in nouns.items() if folded in words), None)
        if kind is None and normalize(folded.rsplit("-", 1)[-1], lang) in PERSON_TITLES:  # porte-parole
            kind = "person"
        if kind is not None:
            return kind, f"apposition '{word}'"
    return None
