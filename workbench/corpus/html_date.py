"""An HTML page's publication date from its metadata, never from a copyright line ("© 2022")."""

from __future__ import annotations

import datetime as dt
import json
import re

# <meta> names / properties / itemprops that give the publication date, best first
META_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date",
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def published_date(root) -> str | None:
    """``YYYY-MM-DD`` from ``<meta>`` tags, JSON-LD ``datePublished`` or ``<time datetime>``, else None.

    ``root`` is an lxml HTML tree. Text content (footers, copyright lines) is never looked at.
    """
    return _from_meta(root) or _from_json_ld(root) or _from_time(root)


def iso_date(value: object) -> str | None:
    """The ``YYYY-MM-DD`` at the start of an ISO date or date-time string, if it is a real date."""
    if not isinstance(value, str):
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups())).isoformat()
    except ValueError:
        return None


def _from_meta(root) -> str | None:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in META_KEYS and key not in found:
            date = iso_date(meta.get("content"))
            if date:
                found[key] = date
    return next((found[k] for k in META_KEYS if k in found), None)


def _from_json_ld(root) -> str | None:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        date = _find_key(data, "datePublished")
        if date:
            return date
    return None


def _find_key(data, key: str, depth: int = 0) -> str | None:
    if depth > 6:
        return None
    if isinstance(data, dict):
        date = iso_date(data.get(key))
        if date:
            return date
        children = data.values()
    elif isinstance(data, list):
        children = data
    else:
        return None
    for child in children:
        date = _find_key(child, key, depth + 1)
        if date:
            return date
    return None


def _from_time(root) -> str | None:
    times = [t for t in root.iter("time") if iso_date(t.get("datetime"))]
    preferred = [t for t in times if (t.get("itemprop") or "").lower() == "datepublished"
                 or t.get("pubdate") is not None]
    for t in preferred + times:
        return iso_date(t.get("datetime"))
    return None
