"""The type a new entity for a mention most likely has: what the detection cue said, else "other"."""

from __future__ import annotations

from workbench.glossary.model import ENTITY_TYPES as TYPES


def guessed_type(view: dict) -> str:
    """person / place / org as the aligner's cue guessed it for the mention (a ``review.queue`` view with
    its details), "other" when nothing is known.

    The aligner keeps the type with a proposed new entity only (``links.proposal``, ``type``): a link
    suggested to a glossary entity, or rejected since (its fallback proposal has no type), keeps none.
    So, in order: the mention's proposal, its counterpart's, then the cue in the words around either of
    them, read again as the aligner reads it (``the town of X``, ``Colonel X``, ``X, a village``)."""
    for proposal in ((view.get("proposal") or {}), (view.get("counterpart") or {})):
        if proposal.get("type") in TYPES:
            return proposal["type"]
    if view.get("detector") == "gazetteer":  # found in the GeoNames place list
        return "place"
    counterpart = view.get("counterpart") or {}
    for side, start, end, lang in ((view.get("side"), view.get("start"), view.get("end"), view.get("lang")),
                                   (counterpart.get("side"), counterpart.get("start"), counterpart.get("end"),
                                    counterpart.get("lang"))):
        text = view.get("source_text") if side == "source" else view.get("english_text")
        if text and start is not None and (kind := _cue(text, start, end, lang)):
            return kind
    return "other"


def _cue(text: str, start: int, end: int, lang: str) -> str | None:
    """The type the words around ``text[start:end]`` give a Latin-script name (None: they say nothing)."""
    from workbench.align.capnames import head_kind
    from workbench.align.latin_heads import kind_after, kind_before

    if lang not in ("en", "fr"):
        return None
    found = kind_before(text, start, lang) or kind_after(text, start, end, lang)
    if found is None and lang == "fr":  # Conseil militaire de ..., Prison de ...
        found = head_kind(text[start:end])
    return found[0] if found else None
