"""Reads .txt, .md, .html and .jsonl files into raw articles (text plus what metadata there is)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from workbench.config import LANGS
from workbench.errors import UserError, shown
from workbench.corpus.decode import decode
from workbench.corpus.limits import DEFAULT, Limits
from workbench.store.reading import human_size, read_input

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
    warnings: list[str] = field(default_factory=list)  # imported anyway, but worth a line ("line 3: ...")


def read_file(path: Path, limits: Limits = DEFAULT) -> tuple[list[RawArticle], str]:
    """Parse one file; return its articles and the encoding used. Raises ``UserError``."""
    name = shown(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            f"{name}: unsupported file type '{shown(suffix) or '(none)'}'; use .txt, .md, .html or .jsonl"
        )
    data = read_input(path, limits.max_file_size)  # regular files only, size-limited
    if not data.strip():
        raise UserError(f"{name}: empty file, nothing to import")
    text, encoding = decode(data, name)
    if suffix == ".jsonl":
        articles = _jsonl(text, name, limits)
    elif suffix in (".html", ".htm"):
        articles = [_html(text, name, limits)]
    elif suffix in (".md", ".markdown"):
        articles = [_markdown(text, name)]
    else:
        articles = [_plain(text)]
    for article in articles:
        if not article.text.strip():
            where = f"line {article.line}: " if article.line else ""
            raise UserError(f"{name}: {where}no text left to import (empty article)")
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
# Spans are bounded ({1,300}, {0,500}): an unbounded lazy span makes a line of many unmatched marks
# ("*a *a *a ...") quadratic, minutes for 100 kB; longer spans simply keep their marks.
_MD_RULES = [
    (re.compile(r"!\[([^\]]{0,300})\]\([^)]{0,500}\)"), ""),  # images
    (re.compile(r"\[([^\]]{1,300})\]\([^)]{0,500}\)"), r"\1"),  # links keep their text
    (re.compile(r"^#{1,6}[ \t]+", re.M), ""),  # heading marks
    (re.compile(r"^[ \t]*>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+\.)[ \t]+", re.M), ""),  # list bullets
    (re.compile(r"(\*\*|__)(.{1,300}?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.{1,300}?)(?<!\s)\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"`([^`]{1,300})`"), r"\1"),
    (re.compile(r"^[ \t]*(?:-{3,}|\*{3,})[ \t]*$", re.M), ""),  # rules
]


def _drop_code_blocks(text: str) -> str:
    """Remove fenced code blocks (a ``` line to the next ``` line); an unclosed fence is kept as text."""
    out: list[str] = []
    block: list[str] | None = None
    for line in text.split("\n"):
        if block is None:
            if line.startswith("```"):
                block = [line]
            else:
                out.append(line)
        elif line.startswith("```") and not line[3:].strip():
            block = None  # closed: dropped, and the closing line with it
            out.append("")
        else:
            block.append(line)
    if block is not None:
        out.extend(block)
    return "\n".join(out)


_META_KEY = re.compile(r"[A-Za-z_][\w-]*$")


def _markdown(text: str, name: str = "<markdown>") -> RawArticle:
    """Markdown to plain text; YAML-like front matter gives title, url, date and lang.

    Front matter that is opened but never closed rejects the file (where the text starts is unknown);
    a front-matter line that is not ``key: value`` is ignored with a warning naming its line.
    """
    text = _clean(text)
    meta: dict[str, str] = {}
    warnings: list[str] = []
    m = _FRONT_MATTER.match(text + "\n")
    if m:
        for number, line in enumerate(m.group(1).splitlines(), start=2):
            if not line.strip() or line.lstrip().startswith("#") or line[:1] in " \t-":
                continue  # blank, comment, or a YAML list item / continuation: not read, no warning
            key, sep, value = line.partition(":")
            if sep and _META_KEY.match(key.strip()):
                meta[key.strip().lower()] = value.strip().strip("\"'")
            else:
                warnings.append(f"line {number}: front matter line ignored, expected 'key: value': "
                                f"{shown(line[:60])}")
        text = text[m.end():]
    elif re.match(r"---[ \t]*\n", text) and re.search(r"^[A-Za-z_][\w-]*:", text[4:200], re.M):
        raise UserError(f"{name}: line 1: front matter opened with '---' is never closed; "
                        "end it with a line of '---' (or remove the first line)")
    text = _drop_code_blocks(text)
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
    article.warnings = warnings
    return article


# ---- HTML -----------------------------------------------------------------------------------------


_TAG = re.compile(r"<[A-Za-z]")


def _html(text: str, path: str, limits: Limits = DEFAULT) -> RawArticle:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_html_size:
        raise UserError(f"{path}: HTML too large ({human_size(size)}, the limit is "
                        f"{human_size(limits.max_html_size)}); raise it with WORKBENCH_MAX_HTML_SIZE")
    tags = sum(1 for _ in _TAG.finditer(text))
    if tags > limits.max_html_elements:
        raise UserError(f"{path}: HTML has {tags:,} elements (the limit is {limits.max_html_elements:,}); "
                        "not a single article? raise the limit with --max-html-elements")
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

_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = {"text", "title", "lang", "url", "date", "translation", "id", "source"}


def _depth(line: str) -> int:
    """Deepest nesting of arrays and objects in one JSON text (brackets inside strings not counted)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in line:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _jsonl(text: str, path: str, limits: Limits = DEFAULT) -> list[RawArticle]:
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        # cheap test first: only a line with many brackets is scanned
        if line.count("[") + line.count("{") > limits.max_json_depth and _depth(line) > limits.max_json_depth:
            raise UserError(f"{where}: JSON nested deeper than {limits.max_json_depth} levels; "
                            "an article is one flat object (raise the limit with --max-json-depth)")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:
            raise UserError(f"{where}: JSON nested too deeply to read") from None
        except ValueError as exc:  # an integer over Python's digit limit (sys.set_int_max_str_digits)
            if "digits" in str(exc):
                raise UserError(f"{where}: a number with more than {limits.max_number_digits} digits; "
                                "write long numbers as strings") from None
            raise UserError(f"{where}: invalid JSON ({exc})") from None
        if not isinstance(obj, dict):
            raise UserError(f"{where}: expected a JSON object with a \"text\" field")
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            raise UserError(f"{where}: missing or empty \"text\" field (required)")
        for key in ("title", "lang", "url", "date", "translation"):
            if obj.get(key) is not None and not isinstance(obj[key], str):
                raise UserError(f"{where}: field \"{key}\" must be a string")
        for key in ("text", "title", "lang", "url", "date", "translation"):
            if isinstance(obj.get(key), str) and _SURROGATE.search(obj[key]):
                raise UserError(f"{where}: field \"{key}\" holds a lone \\uD800-\\uDFFF escape, "
                                "which is not a character; fix the JSON writer")
        lang = obj.get("lang")
        if lang is not None and lang not in LANGS:
            raise UserError(
                f"{path}: line {number}: unknown language \"{shown(lang)}\" in field \"lang\"; use ar, fr or en"
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
