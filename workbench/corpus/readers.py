"""Reads .txt, .md, .html and .jsonl files into raw articles (text plus what metadata there is)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from workbench.config import LANGS
from workbench.errors import UserError
from workbench.corpus.decode import decode

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")


@dataclass
class RawArticle:
    """One article as read from a file, before language detection and segmentation."""

    text: str
    title: str | None = None
    lang: str | None = None
    url: str | None = None
    date: str | None = None
    translation: str | None = None  # an existing English version of the whole article
    line: int | None = None  # line number in a JSONL file


def read_file(path: Path) -> tuple[list[RawArticle], str]:
    """Parse one file; return its articles and the encoding used. Raises ``UserError``."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            f"{path}: unsupported file type '{suffix or '(none)'}'; use .txt, .md, .html or .jsonl"
        )
    try:
        data = path.read_bytes()
    except PermissionError:
        raise UserError(f"{path}: cannot read the file (permission denied)") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if not data.strip():
        raise UserError(f"{path}: empty file, nothing to import")
    text, encoding = decode(data, str(path))
    if suffix == ".jsonl":
        articles = _jsonl(text, path)
    elif suffix in (".html", ".htm"):
        articles = [_html(text, path)]
    elif suffix in (".md", ".markdown"):
        articles = [_markdown(text)]
    else:
        articles = [_plain(text)]
    for article in articles:
        if not article.text.strip():
            where = f"line {article.line}: " if article.line else ""
            raise UserError(f"{path}: {where}no text left to import (empty article)")
    return articles, encoding


def _plain(text: str) -> RawArticle:
    text = _clean(text)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return RawArticle(text=text, title=first[:200] or None)


def _clean(text: str) -> str:
    """Unify line ends; drop trailing white space at the end of the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip("\n\ufeff ").rstrip()


# ---- Markdown ---------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_MD_RULES = [
    (re.compile(r"^```.*?^```[ \t]*$", re.S | re.M), ""),  # code blocks
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^#{1,6}[ \t]+", re.M), ""),  # heading marks
    (re.compile(r"^[ \t]*>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+\.)[ \t]+", re.M), ""),  # list bullets
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^[ \t]*(?:-{3,}|\*{3,})[ \t]*$", re.M), ""),  # rules
]


def _markdown(text: str) -> RawArticle:
    text = _clean(text)
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text + "\n")
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[m.end():]
    heading = re.search(r"^#[ \t]+(.+)$", text, re.M)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    article = _plain(text)
    article.title = meta.get("title") or (heading.group(1).strip() if heading else article.title)
    article.url = meta.get("url") or None
    article.date = meta.get("date") or None
    lang = meta.get("lang")
    article.lang = lang if lang in LANGS else None
    return article


# ---- HTML -----------------------------------------------------------------------------------------


def _html(text: str, path: Path) -> RawArticle:
    import trafilatura  # only when HTML is imported: it pulls in lxml and friends

    from workbench.corpus.html_date import iso_date, published_date

    tree = trafilatura.load_html(text)
    if tree is None:
        raise UserError(f"{path}: no article text found in the HTML (only scripts, menus or boilerplate)")
    date = published_date(tree)  # before extraction, which prunes the tree
    # htmldate's extensive search reads the page's text and takes "© 2022" footers for dates: off
    doc = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = _clean(doc.text) if doc is not None and doc.text else ""
    if not body:
        raise UserError(f"{path}: no article text found in the HTML (only scripts, menus or boilerplate)")
    lang_attr = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", text[:4000])
    lang = lang_attr.group(1).lower() if lang_attr else None
    return RawArticle(
        text=body,
        title=(doc.title or None),
        url=(doc.url or None),
        date=date or iso_date(doc.date),
        lang=lang if lang in LANGS else None,
    )


# ---- JSONL ----------------------------------------------------------------------------------------

_FIELDS = {"text", "title", "lang", "url", "date", "translation", "id", "source"}


def _jsonl(text: str, path: Path) -> list[RawArticle]:
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{path}: line {number}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise UserError(f"{path}: line {number}: expected a JSON object with a \"text\" field")
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            raise UserError(f"{path}: line {number}: missing or empty \"text\" field (required)")
        for key in ("title", "lang", "url", "date", "translation"):
            if obj.get(key) is not None and not isinstance(obj[key], str):
                raise UserError(f"{path}: line {number}: field \"{key}\" must be a string")
        lang = obj.get("lang")
        if lang is not None and lang not in LANGS:
            raise UserError(
                f"{path}: line {number}: unknown language \"{lang}\" in field \"lang\"; use ar, fr or en"
            )
        translation = obj.get("translation")
        articles.append(
            RawArticle(
                text=_clean(body),
                title=obj.get("title") or None,
                lang=lang,
                url=obj.get("url") or None,
                date=obj.get("date") or None,
                translation=_clean(translation) if translation and translation.strip() else None,
                line=number,
            )
        )
    if not articles:
        raise UserError(f"{path}: no articles (every line is blank)")
    return articles
