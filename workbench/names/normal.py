"""The stored normal form of a mention (``mentions.norm``): the names package's, or a simple fallback."""

from __future__ import annotations

from workbench.text.tokens import key_of


def norm(text: str, lang: str) -> str:
    """``workbench.names.normalize.normalize`` when installed, else folded words joined by spaces."""
    try:
        from workbench.names.normalize import normalize
    except ImportError:
        return " ".join(key_of(text))
    return normalize(text, lang)
