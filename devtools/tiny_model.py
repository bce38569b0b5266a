"""Builds a random-weight ``.argosmodel`` (CTranslate2 transformer + sentencepiece) for tests and benches.

The output is gibberish, but the package has the real layout and goes through the real install and
translate code paths. ``TINY`` builds in well under a second and weighs a few hundred KB; ``BASE``
has the dimensions of a real Argos model (transformer base, 6+6 layers, d_model 512, 8 heads,
FFN 2048, int8) for speed measurements.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SPECIALS = ["<blank>", "<unk>", "<s>", "</s>"]  # OpenNMT-py / Argos vocabulary head


@dataclass(frozen=True)
class Dims:
    """Transformer size."""

    encoder_layers: int
    decoder_layers: int
    d_model: int
    heads: int
    ffn: int
    vocab_size: int


TINY = Dims(encoder_layers=2, decoder_layers=2, d_model=32, heads=2, ffn=64, vocab_size=400)
BASE = Dims(encoder_layers=6, decoder_layers=6, d_model=512, heads=8, ffn=2048, vocab_size=8000)

# words to train the sentencepiece model on when no corpus is given: news vocabulary in ar / fr / en
_WORDS = {
    "fr": "le la les de des du un une et à en pour sur dans avec par selon armée prison attaque "
          "combattants ville province forces syriennes irakiennes responsable gouvernement ministre "
          "frontière sécurité personnes morts blessés habitants quartier région nord sud est ouest "
          "président a déclaré ont été après avant depuis mais aussi plus contre entre lors "
          "Hassaké Mossoul Bagdad Damas Daech FDS coalition internationale opération militaire",
    "en": "the a of and to in for on with by said army prison attack fighters city province forces "
          "Syrian Iraqi official government minister border security people dead wounded residents "
          "district region north south east west president has been after before since but also "
          "more against between during Hasakah Mosul Baghdad Damascus ISIS SDF coalition operation",
    "ar": "في من على إلى أن قال الجيش السجن هجوم مقاتلين مدينة محافظة قوات السورية العراقية مسؤول "
          "الحكومة وزير الحدود الأمن أشخاص قتلى جرحى سكان حي منطقة شمال جنوب شرق غرب الرئيس بعد "
          "قبل منذ لكن أيضا ضد بين خلال الحسكة الموصل بغداد دمشق داعش قسد التحالف الدولي عملية",
}


def default_corpus(lines: int = 3000, seed: int = 0) -> list[str]:
    """Pseudo-sentences mixing the three languages' news words, plus digits and punctuation."""
    rng = random.Random(seed)
    vocab = {lang: words.split() for lang, words in _WORDS.items()}
    out = []
    for i in range(lines):
        words = vocab[("fr", "en", "ar")[i % 3]]
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 24)))
        out.append(f"{sentence} {rng.randint(1, 5000)}{rng.choice('.,;:!?»«()')}")
    return out


def train_sentencepiece(corpus: Iterable[str], vocab_size: int, model_type: str = "unigram") -> bytes:
    """A sentencepiece model (serialized proto) trained on ``corpus``; ``vocab_size`` is a soft limit."""
    import sentencepiece

    buffer = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(list(corpus)), model_writer=buffer, vocab_size=vocab_size,
        model_type=model_type, character_coverage=1.0, hard_vocab_limit=False, num_threads=1,
        normalization_rule_name="identity", minloglevel=2, input_sentence_size=200_000,
        shuffle_input_sentence=False,
    )
    return buffer.getvalue()


def _import_specs():
    """``ctranslate2.specs`` without torch: it imports torch only to accept torch tensors (2 s)."""
    if "torch" in sys.modules:
        from ctranslate2 import specs
        return specs
    sys.modules["torch"] = None  # makes `import torch` fail fast inside ctranslate2.specs
    try:
        from ctranslate2 import specs
    finally:
        del sys.modules["torch"]
    return specs


def build_model_dir(out_dir: Path, vocab: list[str], dims: Dims, quantization: str | None, seed: int) -> None:
    """Write a random-weight CTranslate2 transformer (pre-norm, like OpenNMT-py models) to ``out_dir``."""
    import numpy as np

    specs = _import_specs()
    rng = np.random.default_rng(seed)
    d, v = dims.d_model, len(vocab)

    def rand(*shape: int):
        return (rng.standard_normal(shape) / np.sqrt(shape[-1])).astype(np.float32)

    def linear(spec, out_features: int, in_features: int) -> None:
        spec.weight = rand(out_features, in_features)
        spec.bias = np.zeros(out_features, np.float32)

    def norm(spec) -> None:
        spec.gamma = np.ones(d, np.float32)
        spec.beta = np.zeros(d, np.float32)

    def ffn(spec) -> None:
        norm(spec.layer_norm)
        linear(spec.linear_0, dims.ffn, d)
        linear(spec.linear_1, d, dims.ffn)

    model = specs.TransformerSpec.from_config((dims.encoder_layers, dims.decoder_layers), dims.heads)
    encoder, decoder = model.encoder, model.decoder
    encoder.embeddings[0].weight = rand(v, d)
    decoder.embeddings.weight = rand(v, d)
    norm(encoder.layer_norm)
    norm(decoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)
        linear(layer.self_attention.linear[1], d, d)
        ffn(layer.ffn)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)
        linear(layer.self_attention.linear[1], d, d)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d, d)
        linear(layer.attention.linear[1], 2 * d, d)
        linear(layer.attention.linear[2], d, d)
        ffn(layer.ffn)
    linear(decoder.projection, v, d)
    model.register_source_vocabulary(vocab)
    model.register_target_vocabulary(vocab)
    model.validate()
    model.optimize(quantization=quantization)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(str(out_dir))


def build_archive(
    dest: Path,
    from_code: str = "fr",
    to_code: str = "en",
    *,
    dims: Dims = TINY,
    version: str = "0.1",
    corpus: Iterable[str] | None = None,
    quantization: str | None = "int8",
    seed: int = 0,
    sp_model_type: str = "unigram",
) -> Path:
    """Write a ``.argosmodel`` to ``dest`` (a file path, or a folder to name it in); return its path.

    The model's vocabulary is the sentencepiece pieces, padded with unused pieces up to
    ``dims.vocab_size`` when the corpus supports fewer (so the output layer has the intended size).
    """
    import sentencepiece

    folder = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / f"{folder}.argosmodel"
    sp_proto = train_sentencepiece(corpus if corpus is not None else default_corpus(seed=seed), dims.vocab_size,
                                   sp_model_type)
    processor = sentencepiece.SentencePieceProcessor(model_proto=sp_proto)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    vocab = SPECIALS + [p for p in pieces if p not in SPECIALS]
    vocab += [f"<unused{i}>" for i in range(dims.vocab_size - len(vocab))]
    metadata = {
        "package_version": version, "argos_version": "1.9", "type": "translate",
        "from_code": from_code, "from_name": from_code, "to_code": to_code, "to_name": to_code,
        "links": [], "note": "random weights: for tests and benchmarks only",
    }
    work = Path(tempfile.mkdtemp(prefix="tiny-argos-"))
    try:
        build_model_dir(work / "model", vocab, dims, quantization, seed)
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.with_name(dest.name + ".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            _add(archive, f"{folder}/metadata.json", json.dumps(metadata, indent=2).encode())
            _add(archive, f"{folder}/sentencepiece.model", sp_proto)
            _add(archive, f"{folder}/README.md", b"Random-weight test package built by workbench.\n")
            for path in sorted((work / "model").iterdir()):
                _add(archive, f"{folder}/model/{path.name}", path.read_bytes())
        partial.replace(dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return dest


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2022, 1, 1, 0, 0, 0))  # reproducible archives
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)
