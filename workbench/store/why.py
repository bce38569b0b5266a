"""How ``links.why`` is stored: an exact glossary match's explanation in a few bytes, expanded on reading.

Most links are accepted exact matches explained as ``glossary spelling 'S' (L)``, with
``; aligned with 'C' (SIDE)`` when the counterpart has the same entity. S is usually the mention's
own surface, L its language, C and SIDE its counterpart's: repeating them cost about 70 bytes a link.
Such an explanation is stored as ``=`` (``=+`` with the aligned part), followed by ``@L`` only when L
is not the mention's language and ``'S`` only when S is not its surface; any other explanation is
stored as written (none starts with ``=``). Readers select ``expanded()`` instead of the column; the
decisions log keeps the stored form, which an undo writes back.
"""

from __future__ import annotations

MARK = "="
ALIGNED = "+"
LANG = "@"  # followed by a two-letter language (ar, fr, en)
OWN = "'"
_HEAD = "glossary spelling '"


def _full(variant: str, lang: str, counterpart: tuple[str, str] | None) -> str:
    text = f"{_HEAD}{variant}' ({lang})"
    return text + (f"; aligned with '{counterpart[0]}' ({counterpart[1]})" if counterpart else "")


def expand(stored: str | None, surface: str, lang: str, counterpart: tuple[str, str] | None) -> str | None:
    """The explanation ``stored`` stands for; ``counterpart``: (surface, side) of the mention's counterpart."""
    if not stored or not stored.startswith(MARK):
        return stored
    aligned = stored[1:2] == ALIGNED
    rest = stored[1 + aligned:]
    if rest.startswith(LANG):
        lang, rest = rest[1:3], rest[3:]
    return _full(rest[1:] if rest else surface, lang, counterpart if aligned else None)


def compact(why: str | None, surface: str, lang: str, counterpart: tuple[str, str] | None) -> str | None:
    """The stored form of ``why`` for a mention (``counterpart`` as stored: its id must be set)."""
    if not why or not why.startswith(_HEAD):
        return why
    for aligned in ((counterpart, None) if counterpart else (None,)):
        for said in ("ar", "fr", "en"):
            tail = _full("", said, aligned)[len(_HEAD):]
            if not why.endswith(tail):
                continue
            variant = why[len(_HEAD):len(why) - len(tail)]
            stored = (MARK + (ALIGNED if aligned else "") + ("" if said == lang else LANG + said)
                      + ("" if variant == surface else OWN + variant))
            if expand(stored, surface, lang, counterpart) == why:
                return stored
    return why


def expanded(link: str = "l", mention: str = "m") -> str:
    """SQL for the explanation of the link aliased ``link`` of the mention aliased ``mention`` (``expand``)."""
    why = f"{link}.why"
    flag = f"(substr({why}, 2, 1) = '{ALIGNED}')"
    said = f"(substr({why}, 2 + {flag}, 1) = '{LANG}')"  # the language is written out
    own = f"(2 + {flag} + 3 * {said})"  # where the spelling's mark would be
    counterpart = (f"coalesce((SELECT '; aligned with ''' || c.surface || ''' (' || c.side || ')' FROM mentions c"
                   f" WHERE c.id = {mention}.counterpart_id), '')")
    return (
        f"CASE WHEN substr({why}, 1, 1) = '{MARK}' THEN '{_HEAD.replace(chr(39), chr(39) * 2)}' || "
        f"CASE WHEN length({why}) < {own} THEN {mention}.surface ELSE substr({why}, 1 + {own}) END || ''' (' ||"
        f" CASE WHEN {said} THEN substr({why}, 3 + {flag}, 2) ELSE {mention}.lang END || ')' ||"
        f" CASE WHEN {flag} THEN {counterpart} ELSE '' END ELSE {why} END"
    )
