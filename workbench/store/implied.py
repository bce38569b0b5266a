"""Values most rows share, stored as NULL: the aligner's ``links.decided_by`` (``vocabulary.AUTO``) and
``mentions.detector`` of a name found by its glossary spelling (``vocabulary.GLOSSARY``).

Writers store ``stored(value, implied)``; readers select ``decided_by()`` and ``detector()``, or test
``auto()``. ``detector <> 'glossary'`` (the condition of the partial index ``mentions_unglossed``)
still holds for exactly the other mentions. Migration 0017 converted the rows written before.
"""

from __future__ import annotations

from workbench.vocabulary import AUTO, GLOSSARY


def stored(value: str | None, implied: str) -> str | None:
    """What is written for ``value`` in a column where NULL stands for ``implied``."""
    return None if value == implied else value


def decided_by(link: str = "l") -> str:
    """SQL for who decided the link aliased ``link``: AUTO for the aligner (NULL when a LEFT JOIN found no link)."""
    return f"CASE WHEN {link}.mention_id IS NULL THEN NULL ELSE coalesce({link}.decided_by, '{AUTO}') END"


def auto(link: str = "l") -> str:
    """SQL true for a link the aligner made (not an analyst's)."""
    return f"{link}.decided_by IS NULL"


def detector(mention: str = "m") -> str:
    """SQL for what found the mention aliased ``mention``."""
    return f"coalesce({mention}.detector, '{GLOSSARY}')"
