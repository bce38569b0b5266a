"""Optional Arabic NER (camel-tools' AraBERT model), used only when the user installed its data.

camel-tools fetches its data catalogue over the network when ``camel_tools.data`` is imported and the
catalogue file is missing, and its NER module needs torch and transformers, which the workbench does not
install. So nothing of camel-tools' NER is imported unless the model's files and the catalogue are
already on disk (``camel_data -i ner-arabert`` puts them there), and the model loads with the Hugging
Face libraries told to stay offline. Without them ``arabic_finder()`` is None and detection runs on
its own cues.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from workbench.text.tokens import Token, proclitic_forms, words

CATALOGUE = "catalogue-1.6.json"  # the file camel-tools 1.5 looks for before it goes to the network
MODEL = Path("data", "ner", "arabert")
TYPES = {"PERS": "person", "LOC": "place", "ORG": "org"}  # MISC is left out

ArabicFinder = Callable[[str], list[tuple[int, int, int, str]]]  # text -> (start, end, prefix, type)


def data_dir() -> Path:
    """Where camel-tools keeps its data: ``$CAMELTOOLS_DATA``, else ``~/.camel_tools``."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser() if env else Path.home() / ".camel_tools"


def installed() -> Path | None:
    """The NER model's folder when it and the catalogue are on disk; None otherwise."""
    root = data_dir()
    model = root / MODEL
    if (root / CATALOGUE).is_file() and (model / "config.json").is_file():
        return model
    return None


@lru_cache(maxsize=1)
def _recognizer():
    model = installed()
    if model is None:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from camel_tools.ner import NERecognizer

        return NERecognizer(str(model), use_gpu=False)
    except Exception:  # torch or transformers missing, or a model that does not load: no NER signal
        return None


def spans(toks: list[Token], labels: list[str]) -> list[tuple[int, int, int, str]]:
    """``(start, end, prefix, type)`` of the names in BIO ``labels`` (one per token of ``toks``).

    A name's first word loses a conjunction or preposition glued to an article (والحسكة -> الحسكة).
    """
    out: list[tuple[int, int, int, str]] = []
    current: list | None = None
    for tok, label in zip(toks, labels):
        kind = label[2:] if label[:2] in ("B-", "I-") else ""
        if label.startswith("I-") and current is not None and current[3] == kind:
            current[1] = tok.end
            continue
        if current is not None:
            out.append(tuple(current))
            current = None
        if kind in TYPES:
            prefix = next((n for n, stem in proclitic_forms(tok.text) if n and stem.startswith("ال")), 0)
            current = [tok.start, tok.end, prefix, kind]
    if current is not None:
        out.append(tuple(current))
    return [(s, e, p, TYPES[k]) for s, e, p, k in out]


def arabic_finder() -> ArabicFinder | None:
    """A ``text -> [(start, end, prefix, type)]`` finder, or None when the model is not installed."""
    ner = _recognizer()
    if ner is None:
        return None

    def find(text: str) -> list[tuple[int, int, int, str]]:
        toks = words(text)
        return spans(toks, ner.predict_sentence([t.text for t in toks])) if toks else []

    return find
