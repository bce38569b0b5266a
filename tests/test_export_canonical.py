"""render_canonical (pure) and the hand-built JSON lines, which must equal json.dumps exactly."""

from __future__ import annotations

import json

import pytest

from workbench.corpus.canonical import render_canonical, render_canonical_with_offsets
from workbench.export.jsonl import _dumps, encode, record
from workbench.corpus.pairs import Mention, SentencePair


def test_render_canonical_replaces_spans_and_keeps_the_rest():
    text = "Daesh fighters attacked Hasaka; al-Kazimi spoke."
    spans = [(0, 5, "Islamic State"), (24, 30, "Hasakah"), (32, 41, "Mustafa al-Kadhimi")]
    assert render_canonical(text, spans) == "Islamic State fighters attacked Hasakah; Mustafa al-Kadhimi spoke."
    out, moved = render_canonical_with_offsets(text, spans)
    assert [out[a:b] for a, b in moved] == ["Islamic State", "Hasakah", "Mustafa al-Kadhimi"]
    assert render_canonical(text, []) == text
    assert render_canonical("", []) == ""


@pytest.mark.parametrize("spans", [
    [(0, 5, "A"), (3, 8, "B")],  # overlap
    [(10, 12, "A"), (0, 2, "B")],  # not sorted
    [(0, 99, "A")],  # outside the text
    [(-1, 2, "A")],
])
def test_render_canonical_rejects_bad_spans(spans):
    with pytest.raises(ValueError):
        render_canonical("0123456789abc", spans)


def test_adjacent_spans_and_empty_canonical():
    assert render_canonical("ab", [(0, 1, "X"), (1, 2, "")]) == "X"


def _pair(**changes) -> SentencePair:
    base = dict(
        article_id=7, title='Title "quoted" \\ back', url=None, date="2022-01-01", lang="ar", seqs=(2, 3),
        segment_ids=[11, 12], sources=["داعش\u2028في", "الحسكة\x01"], source="داعش\u2028في\tالحسكة\x01",
        english="ISIS in Hasaka </script>",
        source_mentions=[Mention("source", 0, 4, "داعش", "isis", "Islamic State", "confirmed", 1.0)],
        english_mentions=[Mention("english", 0, 4, "ISIS", "isis", "Islamic State", "accepted", 0.925),
                          Mention("english", 8, 14, "Hasaka", None, None, None, None),
                          Mention("english", 8, 14, "Hasaka", "hasakah", "Hasakah", "suggested", float("nan"))],
    )
    base.update(changes)
    return SentencePair(**base)


@pytest.mark.parametrize("canonical", [False, True])
def test_fast_json_equals_json_dumps(canonical):
    pair = _pair()
    line = encode(pair, canonical)
    assert line == _dumps(record(pair, canonical))
    back = json.loads(line)
    assert back["english_spans"][2]["score"] is None  # NaN is not JSON: written as null
    assert back["source"] == pair.source and back["id"] == "7:3-4"
    if canonical:
        assert back["english_canonical"] == "Islamic State in Hasaka </script>"


def test_line_separators_stay_escaped_in_the_file(tmp_path):
    from workbench.export.jsonl import write_jsonl

    out = tmp_path / "x.jsonl"
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        write_jsonl(fh, [_pair(), _pair(article_id=8)])
    text = out.read_text(encoding="utf-8")
    assert "\u2028" not in text and len(text.splitlines()) == 2
    assert json.loads(text.splitlines()[0])["source"].startswith("داعش\u2028")
