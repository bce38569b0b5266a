"""No silent truncation: English that stopped at the output length cap is flagged, counted and exported."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from tests.test_translate_support import (  # noqa: F401 (fixture)
    FR_SENTENCES,
    corpus,
    import_jsonl,
    install_tiny,
    one_thread,
)
from workbench.translate import packages, runner
from workbench.translate.engine import DecodeOptions, Engine

pytestmark = pytest.mark.usefixtures("one_thread")

TINY_CAP = DecodeOptions(hard_cap=3)  # the random-weight model never ends a sentence: it always hits this


@pytest.fixture
def package(tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    return packages.find("fr")


class FakeTranslator:
    """Stands in for CTranslate2: the first sentence ends (end token), the second runs to the cap."""

    def translate_batch(self, batch, **kw):
        assert kw["return_end_token"] is True
        ended = SimpleNamespace(hypotheses=[["▁the", "▁army", "</s>"]], scores=[-1.0])
        capped = SimpleNamespace(hypotheses=[["▁the"] * kw["max_decoding_length"]], scores=[-2.0])
        return [ended, capped][: len(batch)]


def test_engine_flags_only_output_that_hit_the_cap(package):
    engine = Engine(package, threads=1)
    engine.translator = FakeTranslator()
    ended, capped = engine.translate_tokens([["▁les"], ["▁la"]])
    assert not ended.truncated and ended.text == "the army"
    assert capped.truncated and "</s>" not in capped.text
    # the end token does not count in the per-token score
    assert ended.score == pytest.approx(-1.0 * 2 ** 0.2 / 2, abs=1e-3)
    # an input CTranslate2 would cut (over 1024 tokens) is flagged even when the output ended
    (long_input,) = engine.translate_tokens([["▁les"] * 1025])
    assert long_input.text == "the army" and long_input.truncated


def test_tiny_model_at_a_tiny_cap_is_flagged(package):
    engine = Engine(package, threads=1, options=TINY_CAP)
    out = engine.translate(FR_SENTENCES[:3])
    assert all(tr.truncated for tr in out)


def test_run_flags_rows_counts_them_and_cache_keeps_the_flag(db, tmp_path, package):
    import_jsonl(db, tmp_path, corpus(articles=2, byline=False)[:2], "one.jsonl")
    result = runner.translate(db.conn, options=TINY_CAP)
    rows = db.execute("SELECT truncated FROM translations WHERE engine = 'argos'").fetchall()
    assert rows and all(r == (1,) for r in rows)
    assert result.truncated == len(rows) == result.done
    assert f"{len(rows)} cut off at the model's output length cap" in result.summary()
    assert {r[0] for r in db.execute("SELECT truncated FROM translation_cache")} == {1}
    # the same sentences in a new article come from the cache, still flagged
    text = json.loads((tmp_path / "one.jsonl").read_text().splitlines()[0])["text"]
    import_jsonl(db, tmp_path, [{"text": text + " Fin.", "lang": "fr"}], "two.jsonl")
    again = runner.translate(db.conn, options=TINY_CAP)
    assert again.cached >= 1 and again.truncated == again.done


def test_human_and_passthrough_rows_are_not_truncated(db, tmp_path, package):
    import_jsonl(db, tmp_path, [{"text": "The army left.", "lang": "en"},
                                {"text": "Les forces sont parties.", "lang": "fr", "translation": "The forces left."}])
    assert db.execute("SELECT count(*), sum(truncated) FROM translations").fetchone() == (2, 0)


def test_jsonl_export_carries_the_flag(db, tmp_path, package):
    from workbench.export import export_corpus

    import_jsonl(db, tmp_path, [{"text": FR_SENTENCES[0], "lang": "fr"},
                                {"text": FR_SENTENCES[1], "lang": "fr", "translation": "Human English."}])
    runner.translate(db.conn, options=TINY_CAP)
    out = tmp_path / "pairs.jsonl"
    export_corpus(db.conn, out, "jsonl", status="all")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["source"], r["truncated"]) for r in lines] == [(FR_SENTENCES[0], True), (FR_SENTENCES[1], False)]


def test_cli_summary_reports_truncated(db, tmp_path, package):
    from workbench.cli.translate_cmd import translate_with_progress
    import io

    import_jsonl(db, tmp_path, [{"text": FR_SENTENCES[0], "lang": "fr"}])
    out = io.StringIO()
    result = translate_with_progress(db.conn, quiet=True, out=out, options=TINY_CAP)
    assert result.truncated == 1 and "1 cut off at the model's output length cap" in out.getvalue()
