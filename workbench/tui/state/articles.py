"""The article list: filters, sort order and full-text search, read a page at a time."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from workbench.store import article_text

LANGS = (None, "ar", "fr", "en")
"""Language filter values in the order ``l`` cycles through them (None: all)."""

STATUSES: dict[str | None, str] = {
    None: "",
    "untranslated": "st.translated = 0",
    "partial": "st.translated > 0 AND st.translated < st.sentences",
    "translated": "st.translated >= st.sentences AND st.sentences > 0",
    "to review": "st.pending > 0",
    "reviewed": "st.mentions > 0 AND st.pending = 0",
}
"""Status filter values and their SQL conditions, in the order ``f`` cycles through them."""

SORTS: dict[str, str] = {
    "date": "a.date {dir}, a.id {dir}",
    "title": "coalesce(a.title, '') {dir}, a.id",
    "language": "a.lang {dir}, a.date DESC, a.id",
    "sentences": "st.sentences {dir}, a.id",
    "translated": "(st.translated * 1.0 / max(st.sentences, 1)) {dir}, a.id",
    "to review": "st.pending {dir}, a.id",
}
"""Sort keys and their ORDER BY, in the order ``s`` cycles through them."""

DEFAULT_DESCENDING = {"date", "to review", "sentences", "translated"}
SEARCH_LIMIT = 5000
"""At most this many articles are kept from one full-text search (best first)."""


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of the article list."""

    id: int
    title: str
    lang: str
    date: str
    sentences: int
    translated: int
    mentions: int
    pending: int

    @property
    def translated_share(self) -> float:
        return self.translated / self.sentences if self.sentences else 0.0


class ArticleList:
    """What the article list shows: a query over ``articles`` and ``article_stats``, paged."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.lang: str | None = None
        self.status: str | None = None
        self.sort = "date"
        self.descending = True
        self.search_text = ""
        self._hits = False  # a search is active: rows limited to temp.article_hits
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS article_hits (id INTEGER PRIMARY KEY, rank INTEGER)")

    # ---- changing what is shown ----------------------------------------------------------------

    def cycle_lang(self) -> str | None:
        self.lang = LANGS[(LANGS.index(self.lang) + 1) % len(LANGS)]
        return self.lang

    def cycle_status(self) -> str | None:
        keys = list(STATUSES)
        self.status = keys[(keys.index(self.status) + 1) % len(keys)]
        return self.status

    def cycle_sort(self) -> str:
        keys = list(SORTS) + (["relevance"] if self._hits else [])
        current = keys.index(self.sort) if self.sort in keys else -1
        self.sort = keys[(current + 1) % len(keys)]
        self.descending = self.sort in DEFAULT_DESCENDING
        return self.sort

    def reverse(self) -> None:
        self.descending = not self.descending

    def set_hits(self, text: str, ids: list[int] | None) -> None:
        """Limit the list to ``ids`` (best first) found for ``text``; None clears the search."""
        self.conn.execute("DELETE FROM temp.article_hits")
        if ids is None:
            self.search_text, self._hits = "", False
            if self.sort == "relevance":
                self.sort, self.descending = "date", True
            return
        self.conn.executemany("INSERT OR IGNORE INTO temp.article_hits (id, rank) VALUES (?, ?)",
                              ((i, n) for n, i in enumerate(ids)))
        self.search_text, self._hits = text, True
        self.sort, self.descending = "relevance", False

    # ---- reading -------------------------------------------------------------------------------

    def _where(self) -> tuple[str, str, list]:
        joins = " JOIN temp.article_hits h ON h.id = a.id" if self._hits else ""
        conditions, params = [], []
        if self.lang:
            conditions.append("a.lang = ?")
            params.append(self.lang)
        if self.status:
            conditions.append(STATUSES[self.status])
        where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
        return joins, where, params

    def count(self) -> int:
        joins, where, params = self._where()
        if not joins and not where:  # every article has its stats row (a trigger makes it): no join
            return self.conn.execute("SELECT count(*) FROM article_stats").fetchone()[0]
        sql = f"SELECT count(*) FROM articles a JOIN article_stats st ON st.article_id = a.id{joins}{where}"
        return self.conn.execute(sql, params).fetchone()[0]

    def page(self, offset: int, limit: int) -> list[ArticleRow]:
        joins, where, params = self._where()
        direction = "DESC" if self.descending else "ASC"
        order = "h.rank" if self.sort == "relevance" and self._hits else SORTS[self.sort].format(dir=direction)
        sql = f"""SELECT a.id, coalesce(nullif(trim(a.title), ''), substr({article_text.expression()}, 1, 120)), a.lang,
                         coalesce(a.date, ''), st.sentences, st.translated, st.mentions, st.pending
                  FROM articles a JOIN article_stats st ON st.article_id = a.id{joins}{where}
                  ORDER BY {order} LIMIT ? OFFSET ?"""
        return [ArticleRow(*row) for row in self.conn.execute(sql, [*params, limit, offset])]

    def describe(self) -> str:
        """One line saying what the list shows, for the status bar."""
        parts = [f"lang: {self.lang or 'all'}", f"status: {self.status or 'all'}",
                 f"sort: {self.sort} {'↓' if self.descending else '↑'}"]
        if self._hits:
            parts.insert(0, f"search: {self.search_text!r}")
        return " · ".join(parts)


def search_ids(conn: sqlite3.Connection, text: str) -> list[int]:
    """Article ids matching ``text`` (Arabic or Latin, accents and diacritics folded), best first."""
    from workbench.store.search import search_articles

    return search_articles(conn, text, limit=SEARCH_LIMIT)


def neighbours(conn: sqlite3.Connection, article_id: int) -> tuple[int | None, int | None]:
    """The article ids before and after ``article_id`` in id order (for ``[`` and ``]``)."""
    before = conn.execute("SELECT max(id) FROM articles WHERE id < ?", (article_id,)).fetchone()[0]
    after = conn.execute("SELECT min(id) FROM articles WHERE id > ?", (article_id,)).fetchone()[0]
    return before, after
