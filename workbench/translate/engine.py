"""Runs an installed Argos package: one CTranslate2 translator and one tokenizer per process.

Sentences come already split (the project's own segments): argostranslate's sentence splitter,
which reaches for the network, is never used, nor is ``argostranslate.translate`` (torch, stanza).
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from workbench.translate.packages import InstalledPackage

MAX_ALTERNATIVES = 3
MAX_INPUT_TOKENS = 1024  # CTranslate2 cuts longer inputs; segments (500 characters at most) stay far below


def default_threads() -> int:
    """Threads for one translator: ``$WORKBENCH_THREADS``, else every core this process may use."""
    configured = os.environ.get("WORKBENCH_THREADS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding settings; the defaults are argostranslate's (beam 4, length penalty 0.2)."""

    beam_size: int = 4
    length_penalty: float = 0.2
    # output length cap per batch: ratio x longest input + extra tokens, at most hard_cap
    max_length_ratio: float = 2.0
    max_length_extra: int = 10
    hard_cap: int = 256

    def max_length(self, longest_input: int) -> int:
        return max(1, min(self.hard_cap, math.ceil(self.max_length_ratio * longest_input) + self.max_length_extra))


@dataclass
class Translation:
    """One sentence's English, its score (mean log-probability per token) and alternatives."""

    text: str
    score: float
    alternatives: list[dict] = field(default_factory=list)  # [{"text": ..., "score": ...}]
    truncated: bool = False  # the output hit the length cap (or the input was cut): incomplete English


class Engine:
    """A loaded package. Build it with ``get_engine`` so a process loads each model once."""

    def __init__(self, package: InstalledPackage, *, threads: int | None = None,
                 compute_type: str = "auto", options: DecodeOptions | None = None) -> None:
        import ctranslate2

        self.package = package
        self.options = options or DecodeOptions()
        self.threads = threads or default_threads()
        self.translator = ctranslate2.Translator(
            str(package.path / "model"), device="cpu", compute_type=compute_type,
            inter_threads=1, intra_threads=self.threads,
        )
        self.tokenizer = _load_tokenizer(package)
        self.prefix = package.info.target_prefix

    @property
    def model_id(self) -> str:
        return self.package.model_id

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        return self.tokenizer.encode(list(texts))

    def translate(self, texts: Sequence[str], alternatives: int = 0) -> list[Translation]:
        return self.translate_tokens(self.tokenize(texts), alternatives)

    def translate_tokens(self, batch: list[list[str]], alternatives: int = 0) -> list[Translation]:
        """Translate pre-tokenised sentences in one CTranslate2 call (the caller sizes the batch)."""
        if not batch:
            return []
        wanted = 1 + max(0, min(MAX_ALTERNATIVES, alternatives))
        opts = self.options
        cap = opts.max_length(max(len(tokens) for tokens in batch))
        results = self.translator.translate_batch(
            batch,
            target_prefix=[[self.prefix]] * len(batch) if self.prefix else None,
            beam_size=max(opts.beam_size, wanted),
            num_hypotheses=wanted,
            length_penalty=opts.length_penalty,
            max_decoding_length=cap,
            max_input_length=MAX_INPUT_TOKENS,
            replace_unknowns=True,
            return_scores=True,
            return_end_token=True,  # a hypothesis without it stopped at the cap
        )
        out = []
        for source, result in zip(batch, results):
            best = result.hypotheses[0]
            # (the length test too, in case a model's end token is not "</s>"; a prefix may take one)
            cut_off = bool(best) and best[-1] != END and len(best) >= cap - 1
            truncated = cut_off or len(source) > MAX_INPUT_TOKENS
            hyps = [
                (self._detokenize(tokens), _mean_log_prob(score, len(_strip_end(tokens)), opts.length_penalty))
                for tokens, score in zip(result.hypotheses, result.scores)
            ]
            best_text, best_score = hyps[0]
            seen = {best_text}
            alts = []
            for text, score in hyps[1:]:
                if text not in seen:
                    seen.add(text)
                    alts.append({"text": text, "score": score})
            out.append(Translation(best_text, best_score, alts, truncated))
        return out

    def _detokenize(self, tokens: list[str]) -> str:
        if self.prefix and tokens and tokens[0] == self.prefix:
            tokens = tokens[1:]
        tokens = [t for t in tokens if t not in ("<blank>", "<s>", "</s>")]
        return self.tokenizer.decode(tokens)


END = "</s>"


def _strip_end(tokens: list[str]) -> list[str]:
    return tokens[:-1] if tokens and tokens[-1] == END else tokens


def _mean_log_prob(score: float, length: int, length_penalty: float) -> float:
    """CTranslate2 returns sum(log p) / length**penalty; undo it to a per-token mean."""
    length = max(1, length)
    return round(score * (length ** length_penalty) / length, 4)


class _SentencePiece:
    def __init__(self, path) -> None:
        import sentencepiece

        self.sp = sentencepiece.SentencePieceProcessor(model_file=str(path))

    def encode(self, texts: list[str]) -> list[list[str]]:
        return self.sp.encode(texts, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        return self.sp.decode_pieces(tokens).replace("\u2581", " ").strip()


class _Bpe:
    """Moses tokenisation + BPE, as argostranslate does for ``bpe.model`` packages."""

    def __init__(self, path, from_code: str, to_code: str) -> None:
        from argostranslate.apply_bpe import BPE  # a plain module: no torch, no network
        from sacremoses.normalize import MosesPunctNormalizer
        from sacremoses.tokenize import MosesDetokenizer, MosesTokenizer

        self.tokenizer = MosesTokenizer(from_code)
        self.detokenizer = MosesDetokenizer(to_code)
        self.normalizer = MosesPunctNormalizer(from_code)
        with open(path, encoding="utf-8") as handle:
            self.bpe = BPE(handle)

    def encode(self, texts: list[str]) -> list[list[str]]:
        out = []
        for text in texts:
            words = self.tokenizer.tokenize(self.normalizer.normalize(text))
            out.append(self.bpe.segment_tokens([w for w in words if w]))
        return out

    def decode(self, tokens: list[str]) -> str:
        return self.detokenizer.detokenize(" ".join(tokens).replace("@@ ", "").split(" ")).strip()


def _load_tokenizer(package: InstalledPackage):
    if package.tokenizer == "sentencepiece":
        return _SentencePiece(package.path / "sentencepiece.model")
    return _Bpe(package.path / "bpe.model", package.info.from_code, package.info.to_code)


_ENGINES: dict[tuple, Engine] = {}
_LOCK = threading.Lock()


def get_engine(package: InstalledPackage, *, threads: int | None = None, compute_type: str = "auto",
               options: DecodeOptions | None = None) -> Engine:
    """The process-wide engine for a package and settings: loaded on first use, then reused."""
    threads = threads or default_threads()
    options = options or DecodeOptions()
    key = (str(package.path), package.info.version, threads, compute_type, options)
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = Engine(package, threads=threads, compute_type=compute_type, options=options)
        return engine


def clear_engines() -> None:
    """Forget loaded engines (after a package is replaced)."""
    with _LOCK:
        _ENGINES.clear()
