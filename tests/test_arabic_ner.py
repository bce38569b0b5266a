"""camel-tools' Arabic NER as one more signal: loaded only from data on disk, offline, never required."""

from __future__ import annotations

import sys
import types

import pytest

from tests.test_align_pipeline import add_article, add_glossary
from workbench.align import arabic_ner
from workbench.align.run import align_articles
from workbench.cli import main
from workbench.text.tokens import words

# my own sentence: a person the glossary does not know, and a known place with a conjunction
SENTENCE = "وصل زيدون الغريري صباح اليوم والحسكة هادئة."
LABELS = ["O", "B-PERS", "I-PERS", "O", "O", "B-LOC", "O"]


@pytest.fixture(autouse=True)
def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))
    arabic_ner._recognizer.cache_clear()
    yield
    arabic_ner._recognizer.cache_clear()


def install_model(tmp_path) -> None:
    root = tmp_path / "camel"
    (root / arabic_ner.MODEL).mkdir(parents=True)
    (root / arabic_ner.MODEL / "config.json").write_text("{}")
    (root / arabic_ner.CATALOGUE).write_text("{}")


def fake_camel(monkeypatch, *, fails: bool = False) -> list:
    """A stand-in for ``camel_tools.ner`` (the real one needs torch and the downloaded model)."""
    loaded = []

    class NERecognizer:
        def __init__(self, model_path, use_gpu=True):
            if fails:
                raise OSError("no weights")
            loaded.append((model_path, use_gpu))

        def predict_sentence(self, words):
            return LABELS[:len(words)] if words[:3] == ["وصل", "زيدون", "الغريري"] else ["O"] * len(words)

    module = types.ModuleType("camel_tools.ner")
    module.NERecognizer = NERecognizer
    monkeypatch.setitem(sys.modules, "camel_tools.ner", module)
    return loaded


def test_without_the_data_nothing_of_camel_tools_ner_is_imported(monkeypatch):
    monkeypatch.delitem(sys.modules, "camel_tools.ner", raising=False)
    monkeypatch.delitem(sys.modules, "camel_tools.data", raising=False)
    assert arabic_ner.installed() is None
    assert arabic_ner.arabic_finder() is None
    assert "camel_tools.ner" not in sys.modules and "camel_tools.data" not in sys.modules


def test_the_model_alone_without_the_catalogue_is_not_loaded(tmp_path, monkeypatch):
    install_model(tmp_path)
    (tmp_path / "camel" / arabic_ner.CATALOGUE).unlink()  # camel-tools would fetch it from the network
    loaded = fake_camel(monkeypatch)
    assert arabic_ner.arabic_finder() is None and loaded == []


def test_an_installed_model_finds_typed_names_offline(tmp_path, monkeypatch):
    install_model(tmp_path)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    loaded = fake_camel(monkeypatch)
    find = arabic_ner.arabic_finder()
    assert loaded == [(str(tmp_path / "camel" / arabic_ner.MODEL), False)]
    assert __import__("os").environ["HF_HUB_OFFLINE"] == "1"
    out = find(SENTENCE)
    assert [(SENTENCE[s:e], p, t) for s, e, p, t in out] == [("زيدون الغريري", 0, "person"), ("والحسكة", 1, "place")]


def test_a_model_that_does_not_load_means_no_signal(tmp_path, monkeypatch):
    install_model(tmp_path)
    fake_camel(monkeypatch, fails=True)
    assert arabic_ner.arabic_finder() is None


def test_bio_labels_become_spans():
    text = "قال أبو محمد الجولاني في إدلب"
    toks = words(text)
    assert arabic_ner.spans(toks, ["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-LOC"]) == [
        (4, 21, 0, "person"), (25, 29, 0, "place")]
    assert arabic_ner.spans(toks, ["O", "B-MISC", "I-MISC", "O", "O", "B-ORG"]) == [(25, 29, 0, "org")]


def test_align_proposes_the_names_of_the_model_as_new_typed_mentions(db, tmp_path, monkeypatch):
    install_model(tmp_path)
    fake_camel(monkeypatch)
    add_glossary(db.conn)
    add_article(db.conn, "ar", [SENTENCE], None)
    align_articles(db.conn, arabic_finder=arabic_ner.arabic_finder())
    rows = db.conn.execute(
        """SELECT m.surface, m.detector, l.status, l.entity_id, l.proposal FROM mentions m
           JOIN links l ON l.mention_id = m.id WHERE m.side = 'source' ORDER BY m.start""").fetchall()
    by_surface = {r[0]: r for r in rows}
    name = by_surface["زيدون الغريري"]
    assert name[1] == "ner" and name[2] == "new" and name[3] is None and '"person"' in name[4]
    assert by_surface["والحسكة"][3] == "hasakah"  # the glossary still wins over the model


def test_align_ner_without_any_model_says_what_to_install(db, db_path, capsys):
    assert main(["--db", str(db_path), "align", "--ner"]) == 2  # a user error
    err = capsys.readouterr().err
    assert "--ner found no NER model" in err and "camel_data -i ner-arabert" in err
