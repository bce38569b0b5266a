"""The engine: real CTranslate2 + sentencepiece on a tiny package, loaded once, scores and alternatives."""

from __future__ import annotations

import pytest

from tests.test_translate_support import FR_SENTENCES, install_tiny, one_thread  # noqa: F401 (fixture)
from workbench.translate import packages
from workbench.translate.engine import DecodeOptions, Engine, _Bpe, get_engine

pytestmark = pytest.mark.usefixtures("one_thread")


@pytest.fixture
def package(tmp_path_factory):
    install_tiny(tmp_path_factory, "fr")
    return packages.find("fr")


def test_engine_is_loaded_once_per_process(package):
    first = get_engine(package, threads=1)
    assert get_engine(package, threads=1) is first
    assert get_engine(packages.find("fr"), threads=1) is first  # same package found again


def test_translate_returns_text_scores_and_distinct_alternatives(package):
    engine = get_engine(package, threads=1)
    out = engine.translate(FR_SENTENCES[:3], alternatives=3)
    assert len(out) == 3
    for tr in out:
        assert isinstance(tr.text, str) and tr.text and tr.text == tr.text.strip()
        assert -50 < tr.score < 0
        assert 1 <= len(tr.alternatives) <= 3
        assert len({a["text"] for a in tr.alternatives} | {tr.text}) == len(tr.alternatives) + 1
        assert all(a["score"] <= 0 for a in tr.alternatives)
    assert all(tr.alternatives == [] for tr in engine.translate(FR_SENTENCES[:2]))
    assert engine.translate([]) == []


def test_score_is_the_mean_log_probability_per_token(package):
    engine = Engine(package, threads=1, options=DecodeOptions(beam_size=1))
    tokens = engine.tokenize(FR_SENTENCES[:2])
    ours = engine.translate_tokens(tokens)
    cap = engine.options.max_length(max(map(len, tokens)))
    raw = engine.translator.translate_batch(tokens, beam_size=1, length_penalty=0, return_scores=True,
                                            max_decoding_length=cap)
    for mine, theirs in zip(ours, raw):
        assert mine.score == pytest.approx(theirs.scores[0] / len(theirs.hypotheses[0]), abs=1e-3)


def test_output_length_is_capped_by_the_input(package):
    engine = Engine(package, threads=1, options=DecodeOptions(beam_size=2, max_length_ratio=1.0, max_length_extra=0))
    tokens = engine.tokenize(["Les FDS."])
    cap = len(tokens[0])
    result = engine.translator.translate_batch(tokens, beam_size=2, max_decoding_length=engine.options.max_length(cap))
    assert len(result[0].hypotheses[0]) <= cap
    assert DecodeOptions(max_length_ratio=1.5, max_length_extra=0).max_length(10) == 15
    assert DecodeOptions().max_length(1000) == 256


def test_bpe_tokenizer_round_trip(tmp_path):
    codes = tmp_path / "bpe.model"
    codes.write_text("#version: 0.2\nl e\nle s</w>\nc o\nco m\n", encoding="utf-8")
    bpe = _Bpe(codes, "fr", "en")
    (tokens,) = bpe.encode(["Les combats."])
    assert tokens[-1] == "." and "".join(t.replace("@@", "") for t in tokens[:-1]) == "Lescombats"
    assert bpe.decode(tokens) == "Les combats."
