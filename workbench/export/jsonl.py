"""Writes sentence pairs as JSON Lines: one object per pair with entity spans on both sides, streamed."""

from __future__ import annotations

import json
from math import isfinite
from collections.abc import Iterable
from typing import IO

from workbench.corpus.pairs import Mention, SentencePair

SUFFIX = ".jsonl"
BATCH = 256  # lines per write call
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_str = json.encoder.encode_basestring  # the C string encoder json.dumps uses with ensure_ascii=False


def _score(value: float | None) -> float | None:
    return value if value is not None and isfinite(value) else None


def _span(span: Mention) -> dict:
    return {
        "start": span.start, "end": span.end, "surface": span.surface,
        "entity_id": span.entity_id, "canonical": span.canonical,
        "status": span.status, "score": _score(span.score),
    }


def record(pair: SentencePair, canonical: bool = False) -> dict:
    """The JSON object for one pair (see docs/export-formats.md)."""
    obj = {
        "id": pair.key,
        "article": {"id": pair.article_id, "title": pair.title, "url": pair.url, "date": pair.date},
        "source_lang": pair.lang,
        "target_lang": "en",
        "segment_ids": pair.segment_ids,
        "source": pair.source,
        "english": pair.english,
        "truncated": pair.truncated,
        "source_spans": [_span(s) for s in pair.source_mentions],
        "english_spans": [_span(s) for s in pair.english_mentions],
    }
    if canonical:
        text, spans = pair.canonical_english()
        obj["english_canonical"] = text
        obj["english_canonical_spans"] = [
            {"start": s.start, "end": s.end, "entity_id": s.entity_id, "canonical": s.canonical}
            for s in spans if s.linked
        ]
    return obj


def _opt(value: str | None) -> str:
    return "null" if value is None else _str(value)


def _spans(spans: list[Mention]) -> str:
    if not spans:
        return "[]"
    out = []
    for s in spans:
        score = s.score
        score = "null" if score is None or not isfinite(score) else repr(float(score))
        out.append(
            f'{{"start":{s.start},"end":{s.end},"surface":{_str(s.surface)},"entity_id":{_opt(s.entity_id)},'
            f'"canonical":{_opt(s.canonical)},"status":{_opt(s.status)},"score":{score}}}'
        )
    return "[" + ",".join(out) + "]"


def encode(pair: SentencePair, canonical: bool = False) -> str:
    """``record(pair)`` as compact JSON, built directly (the same text ``json.dumps`` gives, faster)."""
    line = (
        f'{{"id":"{pair.key}","article":{{"id":{pair.article_id},"title":{_opt(pair.title)},'
        f'"url":{_opt(pair.url)},"date":{_opt(pair.date)}}},"source_lang":{_str(pair.lang)},'
        f'"target_lang":"en","segment_ids":[{",".join(map(str, pair.segment_ids))}],'
        f'"source":{_str(pair.source)},"english":{_str(pair.english)},'
        f'"truncated":{"true" if pair.truncated else "false"},'
        f'"source_spans":{_spans(pair.source_mentions)},"english_spans":{_spans(pair.english_mentions)}'
    )
    if canonical:
        text, spans = pair.canonical_english()
        moved = ",".join(
            f'{{"start":{s.start},"end":{s.end},"entity_id":{_opt(s.entity_id)},"canonical":{_opt(s.canonical)}}}'
            for s in spans if s.linked
        )
        line += f',"english_canonical":{_str(text)},"english_canonical_spans":[{moved}]'
    return line + "}"


def write_jsonl(fh: IO[str], pairs: Iterable[SentencePair], *, canonical: bool = False, **_: object) -> None:
    """Stream one line per pair to ``fh`` (lines are handed to the file in small batches)."""
    batch: list[str] = []
    for pair in pairs:
        line = encode(pair, canonical)
        if "\u2028" in line or "\u2029" in line:  # line breaks to str.splitlines(): keep them escaped
            line = line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        batch.append(line)
        if len(batch) >= BATCH:
            fh.write("\n".join(batch) + "\n")
            batch.clear()
    if batch:
        fh.write("\n".join(batch) + "\n")
