"""Shared helpers for the translation tests (no tests here): tiny packages and small corpora."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from workbench.corpus.importer import import_paths

_BUILT: dict[str, Path] = {}


@pytest.fixture
def one_thread(monkeypatch):
    """Tiny models run 10x faster on one thread than on two (OpenMP overhead on tiny matrices)."""
    monkeypatch.setenv("WORKBENCH_THREADS", "1")


def tiny_archive(tmp_path_factory, lang: str = "fr") -> Path:
    """A tiny random-weight ``lang``->en package, built once per test session."""
    if lang not in _BUILT:
        from devtools.tiny_model import build_archive

        folder = tmp_path_factory.mktemp(f"tiny-{lang}")
        _BUILT[lang] = build_archive(folder, lang, "en")
    return _BUILT[lang]


def install_tiny(tmp_path_factory, *langs: str) -> None:
    """Install tiny packages into this test's packages directory (``$ARGOS_PACKAGES_DIR``)."""
    from workbench.translate.packages import install_archive

    for lang in langs or ("fr",):
        install_archive(tiny_archive(tmp_path_factory, lang))


def copy_archive(tmp_path_factory, tmp_path: Path, lang: str = "fr") -> Path:
    target = tmp_path / f"copy-{lang}.argosmodel"
    shutil.copy(tiny_archive(tmp_path_factory, lang), target)
    return target


FR_SENTENCES = [
    "Les combats se poursuivaient dimanche autour de la prison de Ghwayran, à Hassaké.",
    "Selon les Forces démocratiques syriennes, quelque 3.500 détenus se trouvaient dans l'établissement.",
    "Les FDS affirment avoir repris plusieurs bâtiments.",
    "Une aile du complexe reste aux mains des assaillants.",
    "La coalition internationale a effectué des frappes aériennes aux abords de la prison.",
    "Des milliers d'habitants ont fui vers le centre de Hassaké.",
]
AR_SENTENCES = [
    "أعلنت قوات سوريا الديمقراطية استعادة السيطرة على سجن الصناعة في مدينة الحسكة.",
    "وقالت إن عناصر من تنظيم داعش حاولوا الفرار من السجن.",
    "وأكدت القوات أن الوضع مستقر الآن في حي غويران.",
]
BYLINE = "Par notre correspondant à Bagdad."


def corpus(articles: int = 6, per_article: int = 5, byline: bool = True) -> list[dict]:
    """French articles whose sentences are unique except a shared byline, plus one Arabic article."""
    out = []
    for a in range(articles):
        sentences = [f"{FR_SENTENCES[(a + i) % len(FR_SENTENCES)][:-1]}, selon le rapport {a}-{i}."
                     for i in range(per_article)]
        if byline:
            sentences.append(BYLINE)
        out.append({"text": " ".join(sentences), "lang": "fr", "title": f"Article {a}"})
    out.append({"text": " ".join(AR_SENTENCES), "lang": "ar", "title": "مقال"})
    return out


def import_jsonl(db, tmp_path: Path, articles: list[dict], name: str = "articles.jsonl") -> list[int]:
    path = tmp_path / name
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    summary = import_paths(db.conn, [path])
    assert not summary.rejected, [f.error for f in summary.rejected]
    return [i for f in summary.files for i in f.imported]
