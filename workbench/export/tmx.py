"""Writes sentence pairs as a TMX 1.4b translation memory, one translation unit per pair, streamed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from workbench import __version__
from workbench.corpus.pairs import SentencePair
from workbench.text.xml import xml_attr, xml_text

SUFFIX = ".tmx"
TARGET_LANG = "en"
BATCH = 256  # units per write call


def tmx_date(iso: str) -> str:
    """``2022-01-21T10:00:00+00:00`` -> ``20220121T100000Z`` (TMX's UTC date form)."""
    return iso[:19].replace("-", "").replace(":", "") + "Z"


def header(srclang: str, created: str) -> str:
    """The document start, up to the opening ``<body>``.

    ``srclang`` is the source language of every unit, or ``*all*`` when the file mixes languages
    (each unit then carries its own ``srclang``).
    """
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tmx version="1.4">\n'
        f'  <header creationtool="workbench" creationtoolversion="{xml_attr(__version__)}"'
        f' datatype="plaintext" segtype="sentence" adminlang="en" srclang="{xml_attr(srclang)}"'
        f' o-tmf="workbench" creationdate="{tmx_date(created)}"/>\n'
        "  <body>\n"
    )


FOOTER = "  </body>\n</tmx>\n"


def unit(pair: SentencePair, english: str) -> str:
    """One ``<tu>``: article metadata as ``<prop>`` elements, then the source and English ``<tuv>``."""
    props = [f'    <prop type="x-article-id">{pair.article_id}</prop>\n']
    props += [f'    <prop type="x-article-{kind}">{xml_text(value)}</prop>\n'
              for kind, value in (("title", pair.title), ("url", pair.url), ("date", pair.date)) if value]
    return (
        f'   <tu tuid="{pair.key}" srclang="{pair.lang}">\n'
        + "".join(props)
        + f'    <tuv xml:lang="{pair.lang}"><seg>{xml_text(pair.source)}</seg></tuv>\n'
        f'    <tuv xml:lang="{TARGET_LANG}"><seg>{xml_text(english)}</seg></tuv>\n'
        "   </tu>\n"
    )


def write_tmx(fh: IO[str], pairs: Iterable[SentencePair], *, srclang: str, created: str,
              canonical: bool = False) -> None:
    """Stream ``pairs`` to ``fh``; with ``canonical`` the English side has canonical names."""
    fh.write(header(srclang, created))
    batch: list[str] = []
    for pair in pairs:
        batch.append(unit(pair, pair.canonical_english()[0] if canonical else pair.english))
        if len(batch) >= BATCH:
            fh.write("".join(batch))
            batch.clear()
    fh.write("".join(batch) + FOOTER)
