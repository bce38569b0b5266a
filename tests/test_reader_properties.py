"""Property: any bytes given to an article reader or a glossary reader end in a result or a UserError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from workbench.corpus.readers import read_file  # noqa: E402
from workbench.errors import UserError  # noqa: E402
from workbench.glossary import formats  # noqa: E402

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["Les Forces ont repris la prison. ", "أعلنت القوات السيطرة على السجن. ", "x", "é", "ا", " ", "\n",
         "\r\n", "\t", "\x00", "\ufeff", "\u200f", "\\", '"', "'", "0", "-1", "1e999", "9" * 50]
FRAGMENTS = {
    "jsonl": ['{"text": ', '"', "[", "]", "{", "}", ":", ",", "null", "NaN", "true", '"lang": "ar"',
              '"title": ', '"translation": ', "\\ud800", "\\u0000", "\\n", "[" * 150, "1" * 5000],
    "md": ["---\n", "title: ", "lang: fr", "date: ", "url: ", "# ", "**", "*", "[", "](", ")", "![", "```",
           "> ", "- ", "1. ", "  - a\n", ": "],
    "html": ["<html lang='ar'>", "<html>", "<body>", "</body>", "<p>", "</p>", "<article>", "<script>",
             "</script>", "<!--", "-->", "<meta property='article:published_time' content='2022-01-21'>",
             "<time datetime='", "'>", "<title>", "</title>", "<nav>", "&amp;", "&#0;", "&#xD800;", "<![CDATA[",
             "<!DOCTYPE html>", "<p>a</p>" * 30, "<", ">"],
    "toml": ["[", "]", "[[", "]]", "x", "hasakah", "=", '"', "'", '"""', "type", "canonical", "place", "person",
             "ar", "fr", "en", "wikidata", "Q1", "note", "{", "}", ",", "#", "\n", "[" * 200, "\\u0000"],
    "csv": ["entity_id,type,canonical_en,lang,variant\n", ",", '"', "\n", "\r", "hasakah", "place", "ar",
            "fr", "en", "Hasakah", "الحسكة", "note", "wikidata", '""', "\x00"],
    "tbx": ["<?xml version='1.0'?>", "<martif type='TBX'>", "</martif>", "<text><body>", "</body></text>",
            "<termEntry id='x'>", "</termEntry>", "<langSet xml:lang='ar'>", "<langSet xml:lang='en'>",
            "</langSet>", "<tig><term>", "</term></tig>", "<descrip type='subjectField'>place</descrip>",
            "<!DOCTYPE martif SYSTEM 'TBXcoreStructV02.dtd'>", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;",
            "<!ENTITY e SYSTEM 'file:///etc/passwd'>", "<", ">", "&", "<tig>" * 100],
    "omegat": ["\t", "\n", "الحسكة", "Hassaké", "Hasakah", "hasakah (place)", "; also: ", " | ",
               "; wikidata: Q1", "; note: ", "#", "(", ")", "x (nope)"],
}


# a valid beginning, so that the fragments after it reach the parser's later stages
PREFIXES = {
    "jsonl": '{"text": "Les Forces ont repris la prison. ',
    "md": "---\ntitle: x\n",
    "html": "<html><body><article><p>Les Forces ont repris la prison de Hassaké ce lundi. ",
    "toml": '[hasakah]\ntype = "place"\ncanonical = "Hasakah"\nar = ["',
    "csv": "entity_id,type,canonical_en,lang,variant\nhasakah,place,Hasakah,",
    "tbx": "<martif type='TBX'><text><body><termEntry id='x'><langSet xml:lang='ar'><tig><term>",
    "omegat": "الحسكة\tHasakah\thasakah (",
}
FIELDS = ["text", "title", "lang", "url", "date", "translation", "id", "other"]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    | st.sampled_from(["ar", "fr", "en", WORDS[0], WORDS[1]]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4),
    max_leaves=10,
)


def inputs(kind: str):
    """Bytes that look like the format (to get past decoding and into the parser), or any bytes at all."""
    pieces = st.lists(st.sampled_from(FRAGMENTS[kind] + WORDS), max_size=40).map("".join)
    texts = st.one_of(pieces, pieces.map(lambda tail: PREFIXES[kind] + tail))
    if kind == "jsonl":
        import json

        objects = st.one_of(
            st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=5),
            st.fixed_dictionaries({"text": st.text(max_size=80) | st.sampled_from(WORDS[:2])},
                                  optional={key: JSON for key in FIELDS[1:]}),
        )
        lines = st.lists(objects, min_size=1, max_size=3)
        texts = st.one_of(texts, lines.map(lambda objs: "\n".join(json.dumps(o) for o in objs)))
    if kind == "tbx":
        cell = st.one_of(st.text(max_size=20), st.sampled_from(FRAGMENTS["tbx"] + WORDS))
        entry = st.tuples(cell, cell, cell, cell).map(lambda c: (
            f"<termEntry id='{c[0]}'><descrip type='subjectField'>{c[1]}</descrip>"
            f"<langSet xml:lang='{c[2]}'><tig><term>{c[3]}</term></tig></langSet></termEntry>"))
        texts = st.one_of(texts, st.lists(entry, max_size=3).map(
            lambda entries: "<martif type='TBX'><text><body>" + "".join(entries) + "</body></text></martif>"))
    encoded = st.tuples(texts, st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1256", "latin-1"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace"))
    return st.one_of(encoded, encoded, st.binary(max_size=400))


def _try(function, data: bytes, name: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            return function(path)
        except UserError:
            return None


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl"])
def test_article_readers_never_fail_otherwise(suffix):
    kind = {".txt": "md", ".md": "md", ".html": "html", ".jsonl": "jsonl"}[suffix]

    @FAST
    @given(inputs(kind))
    def check(data: bytes) -> None:
        result = _try(read_file, data, "article" + suffix)
        if result is not None:
            articles, encoding = result
            assert articles and all(a.text.strip() for a in articles) and encoding

    check()


@pytest.mark.parametrize("name,kind", [("names.toml", "toml"), ("names.csv", "csv"), ("names.tbx", "tbx"),
                                       ("names.ar.txt", "omegat")])
def test_glossary_readers_never_fail_otherwise(name, kind):
    fmt = formats.for_path(name)

    @FAST
    @given(inputs(kind))
    def check(data: bytes) -> None:
        result = _try(fmt.check, data, name)
        if result is not None:
            entities, problems = result
            assert isinstance(entities, list) and isinstance(problems, list)

    check()


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_import_of_any_bytes_is_imported_or_rejected_with_a_reason(db, suffix):
    """The whole per-file pipeline (reading, language, sentences, storing): never an unexpected error."""
    from workbench.corpus.importer import import_file

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(inputs("jsonl" if suffix == ".jsonl" else "md"))
    def check(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / ("article" + suffix)
            path.write_bytes(data)
            result = import_file(db.conn, path)
        assert result.ok or "unexpected error" not in result.error, result.error
        assert result.ok or (not result.imported and "\n" not in result.error)

    check()
