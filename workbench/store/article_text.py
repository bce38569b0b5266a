"""An article's text is kept once, in its sentences: ``articles.text`` is '' when the sentences rebuild it.

The importer cuts an article into sentences (``segments.text``, ``start``, ``end``); what lies between
them, usually a space or a line break, is ``segments.lead`` (before the sentence) and ``articles.tail``
(after the last one), NULL when empty. An article whose sentences do not rebuild it exactly keeps its
text in ``articles.text``. Readers select ``expression()`` instead of the column.
"""

from __future__ import annotations

from collections.abc import Sequence


def layout(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, list[str | None], str | None]:
    """(``articles.text``, each sentence's ``lead``, ``articles.tail``) for ``text`` cut at ``spans``."""
    leads: list[str | None] = []
    at = 0
    for start, end in spans:
        if start < at or end < start:  # overlapping or out of order: the text is kept whole
            return text, [None] * len(spans), None
        leads.append(text[at:start] or None)
        at = end
    if not spans:
        return text, [], None
    return "", leads, text[at:] or None


def expression(article: str = "a") -> str:
    """SQL for the text of the article aliased ``article``."""
    return (f"CASE WHEN {article}.text <> '' THEN {article}.text ELSE (SELECT group_concat(x, '') FROM"
            f" (SELECT coalesce(lead, '') || text AS x FROM segments WHERE article_id = {article}.id ORDER BY seq))"
            f" || coalesce({article}.tail, '') END")
