"""Escaping text for XML 1.0 output: markup characters, line ends, and characters XML cannot hold."""

from __future__ import annotations

import re

# characters outside the XML 1.0 Char production (C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE/U+FFFF) cannot appear in a document even as references: they are left out
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """``value`` escaped for element content."""
    if _NOT_XML.search(value):
        value = _NOT_XML.sub("", value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:  # a parser would turn a raw CR into LF
        value = value.replace("\r", "&#13;")
    return value


def xml_attr(value: str) -> str:
    """``value`` escaped for a double-quoted attribute (line ends and tabs kept as references)."""
    value = xml_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value or "\t" in value:
        value = value.replace("\n", "&#10;").replace("\t", "&#9;")
    return value
