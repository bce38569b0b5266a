"""The ``align`` job: per article, find, pair and link mentions on both sides; resumable and incremental.

Each article is aligned in its own transaction and then recorded in ``align_state`` with a fingerprint
of its translations and the glossary generation it was aligned against (``workbench.align.generations``:
the glossary, the rejections and the remembered non-names). A re-run skips articles that are up to
date, so an interrupted run resumes where it stopped; after a glossary change it analyses again only
the sentence pairs the change can reach (``workbench.align.affected``), and ``refresh`` does the same
inside a decision's transaction. Re-aligning keeps mention ids stable (one row per
``(segment, side, start, end)``), never touches a link an analyst decided, and keeps a span the
analyst set (``align.edited``), matching it again and dropping the names found over it.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from workbench.align import (affected, analyser, arabic_names, common_words, detect_english, detect_source, edited,
                             generations, latin_heads, linker, longer_names, regional_bodies, reread)
from workbench.glossary import not_names
from workbench.names.index import GlossaryIndex, glossary_index
from workbench.names.normalize import normalize
from workbench.align.pairing import pair
from workbench.align.spans import EDITED, Found, Segment
from workbench.text.tokens import words
from workbench.clock import now
from workbench.errors import UserError
from workbench.store import article_text, jobs
from workbench.store import implied
from workbench.store.chunks import rows_in
from workbench.store.db import transaction
from workbench.store.fingerprints import translation_signatures
from workbench.store.why import compact as stored_why
from workbench.vocabulary import GLOSSARY, PENDING

Progress = Callable[[int, int, int], None]  # (sentences done, sentences in the run, article id in hand)
PROGRESS_STEPS = 200  # within a long article, progress is reported about every 1/200 of the run
BATCH_SECONDS = 0.5  # articles written in one transaction for up to this long


@dataclass
class AlignSummary:
    """What a run did."""

    aligned: list[int] = field(default_factory=list)
    skipped: int = 0  # already up to date
    mentions: int = 0
    pairs: int = 0
    cancelled: bool = False
    job_id: int | None = None


@dataclass
class Context:
    """What every article of a run is aligned against."""

    index: GlossaryIndex
    rejected: set[tuple[str, str]]
    glossary_sig: str
    finder: detect_source.NameFinder | None = None
    not_names: set[tuple[str, str]] = field(default_factory=set)  # (lang, norm) remembered as no name
    arabic_finder: Callable | None = None  # camel-tools' NER when installed and asked for (align.arabic_ner)


    @property
    def lexicon(self):
        return self.index.lookup


def build_context(conn: sqlite3.Connection, finder=None, arabic_finder=None) -> Context:
    index = glossary_index(conn)
    rejected = {(n, e) for n, e in conn.execute("SELECT norm, entity_id FROM rejections")}
    return Context(index, rejected, run_signature(conn, index), finder, not_names.known(conn), arabic_finder)


def run_signature(conn: sqlite3.Connection, index: GlossaryIndex) -> str:
    """The glossary's fingerprint, the analyst's rejections and non-names: what every article is aligned against."""
    row = conn.execute("SELECT count(*) || '/' || coalesce(max(decision_id), 0) FROM rejections").fetchone()
    return hashlib.sha1(f"{index.signature}|{row[0]}|{not_names.signature(conn)}".encode()).hexdigest()[:16]


@dataclass
class Synced:
    """A glossary generation recorded and, when the caller still held it, the index the generation
    before was recorded with (``affected.answers_differ`` then narrows what the change reaches)."""

    generation: int
    before: tuple[int, GlossaryIndex] | None = None


def sync_generation(conn: sqlite3.Connection, ctx: Context, before: GlossaryIndex | None = None) -> Synced:
    """Record the glossary of ``ctx`` as a generation (inside the caller's transaction, if any);
    ``before``: the index as it was before the caller's change."""
    with transaction(conn):
        recorded = generations.index_of(conn)
        generation = generations.sync(conn, ctx.index.rows, ctx.rejected, ctx.glossary_sig, ctx.not_names,
                                      ctx.index.signature)
    if before is None or recorded is None or recorded[0] >= generation or recorded[1] != before.signature:
        return Synced(generation)
    return Synced(generation, (recorded[0], before))


def behind(conn: sqlite3.Connection, synced: Synced, ctx: Context, article_ids: Iterable[int] | None = None
           ) -> tuple[list[int], dict[int, set[int]]]:
    """Articles aligned against an older glossary generation: (those the changes cannot reach, and
    article id -> segments to analyse again for the others)."""
    wanted = None if article_ids is None else set(article_ids)
    by_generation: dict[int, list[int]] = {}
    for aid, gen in conn.execute(
            "SELECT article_id, generation FROM align_state WHERE generation < ?", (synced.generation,)):
        if wanted is None or aid in wanted:
            by_generation.setdefault(gen, []).append(aid)
    reached: dict[int, set[int]] = {}
    for gen, aids in by_generation.items():
        before = synced.before
        differs = affected.answers_differ(before[1], ctx.index) if before and before[0] == gen else None
        reached.update(affected.segments(conn, generations.changed_since(conn, gen), aids, differs))
    return [a for aids in by_generation.values() for a in aids if a not in reached], reached


def _record(conn: sqlite3.Connection, article_id: int, signature: str, generation: int) -> None:
    conn.execute(
        "INSERT INTO align_state (article_id, signature, generation, aligned_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(article_id) DO UPDATE SET signature = excluded.signature,"
        " generation = excluded.generation, aligned_at = excluded.aligned_at",
        (article_id, signature, generation, now()),
    )


def refresh(conn: sqlite3.Connection, before: GlossaryIndex | None = None) -> int:
    """Bring aligned articles up to the glossary as it is now, inside the caller's transaction:
    only the sentence pairs a change can reach are analysed again. Returns the pairs analysed.

    Every write that changes the glossary or the rejections (a decision, an undo) calls it, so the
    next ``align`` finds nothing to do. ``before``: the glossary index as it was before the write
    (``glossary_index`` read then), when the caller has it: it narrows what a change reaches.
    """
    ctx = build_context(conn)
    synced = sync_generation(conn, ctx, before)
    generation = synced.generation
    untouched, reached = behind(conn, synced, ctx)
    pairs = 0
    with transaction(conn):
        for some in reread.batches(reached):
            reads, teaching = reread.read_reached(conn, {aid: reached[aid] for aid in some}, ctx.lexicon)
            named = reread.named_ahead(conn, some, ctx.lexicon)
            spans = _with_edited_spans(conn, some)
            for aid in some:
                _, groups, found = analyse_stored(conn, ctx, aid, reached[aid], read=reads.get(aid), teaching=teaching,
                                                  ahead=named.get(aid, detect_source.Ahead()))
                pairs += store_article(conn, ctx, aid, found, groups, reached[aid], aid in spans)[1]
        conn.executemany("UPDATE align_state SET generation = ? WHERE article_id = ?",
                         ((generation, aid) for aid in [*untouched, *reached]))
    return pairs


def align_articles(
    conn: sqlite3.Connection,
    article_ids: Iterable[int] | None = None,
    *,
    force: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    finder=None,
    arabic_finder=None,
    ctx: Context | None = None,
) -> AlignSummary:
    """Align the given articles (default: all), committed as it goes (a few articles a transaction).

    ``ctx`` lets a caller that aligns repeatedly (the TUI, benchmarks) build the glossary indexes once.
    """
    if article_ids is None:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    else:
        ids = list(dict.fromkeys(article_ids))
        known = {r[0] for r in conn.execute(
            f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)} if ids else set()
        missing = [i for i in ids if i not in known]
        if missing:
            raise UserError(f"no article with id {missing[0]}; `workbench articles` lists them")
    ctx = ctx or build_context(conn, finder, arabic_finder)
    summary = AlignSummary()
    synced = sync_generation(conn, ctx)
    generation = synced.generation
    states = {aid: (sig, gen) for aid, sig, gen in conn.execute(
        "SELECT article_id, signature, generation FROM align_state")}
    finder = analyser.version()  # aligned by another version of the name finder: aligned again, whole
    signatures = collections.defaultdict(lambda: f":{finder}", {
        aid: f"{sig}:{finder}" for aid, sig in translation_signatures(conn).items()})
    whole = [i for i in ids if force or states.get(i, ("", None))[1] is None
             or states[i][0] != signatures[i]]
    untouched, reached = behind(conn, synced, ctx, set(ids) - set(whole))
    if untouched:
        with transaction(conn):
            conn.executemany("UPDATE align_state SET generation = ? WHERE article_id = ?",
                             ((generation, aid) for aid in untouched))
    work = {i: None for i in whole} | reached  # article id -> segments to analyse (None: all)
    sizes = dict(conn.execute("SELECT article_id, count(*) FROM segments GROUP BY article_id"))
    total = sum(sizes.get(i, 0) for i in ids)  # progress and the job row count sentences (segments)
    step = max(1, total // PROGRESS_STEPS)
    jobs.reap_stale(conn)
    summary.job_id = jobs.start(conn, "align", {"articles": article_ids is not None and ids or "all", "force": force},
                                total)
    status = jobs.DONE
    reported = 0

    def report(count: int, article_id: int) -> None:
        nonlocal reported
        if progress is not None and count != reported:
            reported = count
            progress(count, total, article_id)

    todo = [i for i in ids if i in work]
    summary.skipped = len(ids) - len(todo)
    done = sum(sizes.get(i, 0) for i in ids if i not in work)
    report(done, ids[0] if ids else 0)

    def here(aid: int) -> tuple[int, list, list[Found]]:
        base = done

        def during(n: int) -> None:  # within a long article
            if base + n - reported >= step:
                report(base + n, aid)

        _, groups, found = analyse_stored(conn, ctx, aid, work[aid], during)
        return aid, groups, found

    def analysed() -> Iterator[tuple[int, list, list[Found]]]:
        away = _for_the_child(conn, ctx, todo)  # analysed by a second process while this one writes
        if not away:
            return (here(aid) for aid in todo)
        from workbench.align import worker  # multiprocessing: only a run that hands work to a child loads it

        return worker.analysed(worker.database_path(conn), ctx.glossary_sig, [(a, work[a]) for a in todo], away,
                               worker.CHILDREN, build_context, analyse_stored, here)

    results = analysed()
    try:
        finished = cancel is not None and cancel.is_set()
        summary.cancelled = finished
        status = jobs.CANCELLED if finished else status
        while not finished:
            with transaction(conn):  # several articles a transaction: commits cost as much as the writes
                started = time.monotonic()
                finished = True
                for article_id, groups, found in results:
                    count, pairs = store_article(conn, ctx, article_id, found, groups, work[article_id])
                    _record(conn, article_id, signatures[article_id], generation)
                    done += sizes.get(article_id, 0)
                    jobs.progress(conn, summary.job_id, done)
                    summary.aligned.append(article_id)
                    summary.mentions += count
                    summary.pairs += pairs
                    report(done, article_id)
                    if cancel is not None and cancel.is_set():
                        summary.cancelled = True
                        status = jobs.CANCELLED
                        break
                    if time.monotonic() - started > BATCH_SECONDS:
                        finished = False
                        break
    except BaseException as exc:
        status = jobs.CANCELLED if isinstance(exc, KeyboardInterrupt) else jobs.FAILED
        raise
    finally:
        results.close()
        jobs.finish(conn, summary.job_id, status, done,
                    f"{len(summary.aligned)} aligned, {summary.skipped} up to date")
    return summary


def _with_edited_spans(conn: sqlite3.Connection, article_ids: list[int]) -> set[int]:
    """Those of the articles that hold a span the analyst set."""
    return {r[0] for r in rows_in(conn, f"""SELECT DISTINCT s.article_id FROM mentions m JOIN segments s ON s.id = m.segment_id
                                            WHERE m.detector <> 'glossary' AND m.detector = '{EDITED}'
                                                  AND s.article_id IN ({{}})""", article_ids)}


def _for_the_child(conn: sqlite3.Connection, ctx: Context, todo: list[int]) -> set[int]:
    """The articles of a run that a second process should analyse (none when it would not pay).

    Not with a NER model (loaded in this process only), and not an article holding a span the analyst
    set: matching such a span again reads the database beside the article's fresh mentions.
    """
    from workbench.align import worker

    if ctx.finder is not None or ctx.arabic_finder is not None or not worker.worth_it(conn, len(todo)):
        return set()
    edited = {aid for (aid,) in conn.execute(
        f"""SELECT DISTINCT s.article_id FROM mentions m JOIN segments s ON s.id = m.segment_id
            WHERE m.detector <> 'glossary' AND m.detector = '{EDITED}'""")}
    away = {aid for aid in todo if aid not in edited}
    return away if len(away) >= worker.MIN_ARTICLES else set()


# ---- one article ------------------------------------------------------------------------------------


def sentence_groups(conn: sqlite3.Connection, article_id: int) -> tuple[str, list[tuple[list, tuple | None]]]:
    """The article's language and its pairs: ``([(segment_id, text)], (segment_id, english) | None)``.

    The pairs are ``workbench.corpus.pairs``' (2:1 merges grouped there); English articles have no
    English side: their text is the source.
    """
    from workbench.corpus.pairs import article_pairs

    pairs = article_pairs(conn, article_id, mentions=False)
    if pairs is None:
        raise UserError(f"no article with id {article_id}")
    lang = conn.execute("SELECT lang FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    return lang, [reread.group(p) for p in pairs]


def analyse_stored(conn: sqlite3.Connection, ctx: Context, article_id: int, only: set[int] | None,
                   on_segments: Callable[[int], None] | None = None, read: tuple | None = None,
                   teaching: dict[int, set[str]] | None = None,
                   ahead: detect_source.Ahead | None = None) -> tuple[str, list, list[Found]]:
    """Read one article and analyse it, writing nothing: its language, the sentence pairs analysed
    and their mentions (what an analysis child, ``align.worker``, does for each article it is given).

    ``only``: the pairs holding these segments. The pairs before them whose stored names can teach
    the article's memory (``detect_source.Memory``: "le colonel Dureid Saeed ... Saeed a ajouté")
    something the reached pairs may use (a word of those names is in them) go through source-side
    detection first, so a name seen earlier is remembered as a whole run remembers it. They are
    pairs no change reached: their names are the stored ones. ``read`` (the article's
    ``sentence_groups``) and ``teaching`` (``_teaching_words`` of those earlier pairs, or more): already
    read by a caller that reads many articles at once.
    """
    lang, groups = read or sentence_groups(conn, article_id)
    if only is None:
        return lang, groups, analyse_article(ctx, lang, groups, on_segments)
    wanted, earlier = reread.reached_pairs([[sid for sid, _ in sources] for sources, _ in groups], only)
    if not wanted:
        return lang, [], []
    reached = reread.words_of(groups, wanted)
    if teaching is None:
        teaching = reread.teaching_words(conn, earlier, ctx.lexicon, reached) if earlier else {}
    teach = reread.teaching_pairs([[sid for sid, _ in sources] for sources, _ in groups], wanted, teaching, reached)
    if ahead is None:
        ahead = reread.named_ahead(conn, [article_id], ctx.lexicon).get(article_id)
    if lang == "ar":  # the other bodies its stored mentions name, and those the pairs read here do; the
        ahead = ahead or detect_source.Ahead()  # common words its whole text uses
        text = conn.execute(f"SELECT {article_text.expression()} FROM articles a WHERE a.id = ?",
                            (article_id,)).fetchone()[0]
        ahead = dataclasses.replace(ahead, regional=(ahead.regional or frozenset())
                                    | regional_bodies.in_article(_source_texts(groups), ctx.lexicon),
                                    common=common_words.in_article([text], arabic_names.tables()),
                                    parts={**longer_names.context_owners([text], ctx.lexicon), **ahead.parts})
    found = analyse_article(ctx, lang, groups[:wanted[-1] + 1], on_segments, keep=set(wanted), teach=teach,
                            ahead=ahead)
    return lang, [groups[k] for k in wanted], found


def analyse_pair(ctx: Context, lang: str, sources: list[tuple[int, str]], english: tuple[int, str] | None,
                 memory: detect_source.Memory | None = None, learn_only: bool = False):
    """Find, pair and link the mentions of one sentence pair (no database access); ``memory`` holds
    the names of the article's earlier pairs. ``learn_only``: just let the memory learn this pair's
    names (the source side's detection alone; nothing is returned)."""
    segs, base = [], 0
    for sid, text in sources:
        toks = words(text)
        segs.append(Segment(sid, text, base, toks, [False] * len(toks)))
        base += len(text) + 1
    total = max(base - 1, 1)
    finder = ctx.finder if lang == "fr" else ctx.arabic_finder if lang == "ar" else None
    src: list[Found] = []
    for seg in segs:
        src += detect_source.detect(seg, lang, ctx.lexicon, total, finder, ctx.index, memory)
    if learn_only:
        return [], []
    eng: list[Found] = []
    if english is not None:
        toks = words(english[1])
        eseg = Segment(english[0], english[1], 0, toks, [False] * len(toks))
        eng = detect_english.detect(eseg, ctx.lexicon)
        extra_src, extra_eng = pair(src, eng, segs, eseg, lang)
        src += extra_src
        eng += extra_eng
    everything = src + eng
    texts = {sid: text for sid, text in sources}
    for f in everything:
        f.norm = normalize(f.stem, f.lang)
        if f.etype is None and not f.entries and f.lang != "ar":  # the village of X, President X, X, a village
            text = english[1] if f.side == "english" else texts[f.segment_id]
            f.etype, f.cue = latin_heads.kind_before(text, f.start, f.lang) \
                or latin_heads.kind_after(text, f.start, f.end, f.lang) or (None, f.cue)
    for f in everything:
        if f.entries or f.counterpart is None:
            linker.link(f, ctx.index, ctx.rejected)
    for f in everything:  # a mention without exact spelling leans on its counterpart's link
        if not f.entries and f.counterpart is not None:
            linker.link(f, ctx.index, ctx.rejected)
    if ctx.not_names:
        for f in everything:
            linker.dismiss_known(f, ctx.not_names, ctx.rejected)
    return src, eng


def analyse_article(ctx: Context, lang: str, groups: list, on_segments: Callable[[int], None] | None = None,
                    keep: set[int] | None = None, teach: set[int] | None = None,
                    ahead: detect_source.Ahead | None = None) -> list[Found]:
    """Find, pair and link the mentions of an article's sentence pairs (no database access).

    ``on_segments(n)`` is told after each pair how many of the article's segments are done.
    ``keep``: the mentions of just these pairs (by position); of the others, those in ``teach`` (all,
    when None) only teach the memory, the rest are passed over. ``ahead``: the glossary people, the
    longer organisation names and the other bodies' spellings the article names further on
    (``detect_source.Ahead``), for a pair analysed again; a whole Arabic article reads the last from its
    sentences first, finds the others itself and, when a family name or a part of such a name stands
    before them (a headline), is analysed once more knowing them.
    """
    ahead = ahead or detect_source.Ahead()
    if lang == "ar" and ahead.regional is None:
        ahead = dataclasses.replace(ahead, regional=regional_bodies.in_article(_source_texts(groups), ctx.lexicon))
    if lang == "ar" and ahead.common is None:
        ahead = dataclasses.replace(ahead, common=common_words.in_article(_source_texts(groups), arabic_names.tables()))
    if lang == "ar" and keep is None:  # a short name the article's words give to a longer body
        ahead = dataclasses.replace(ahead, parts={**longer_names.context_owners(_source_texts(groups), ctx.lexicon),
                                                  **ahead.parts})
    found = _analysed(ctx, lang, groups, on_segments, keep, teach, ahead)
    if keep is None and lang == "ar":
        later = detect_source.Ahead(detect_source.people_ahead(found, ctx.lexicon),
                                    {**ahead.parts, **detect_source.orgs_ahead(found, ctx.lexicon)}, ahead.regional,
                                    ahead.common)
        if (later.people and detect_source.said_before(groups, found, later.people)) \
                or detect_source.part_before(found, later.parts, ctx.lexicon):
            found = _analysed(ctx, lang, groups, None, keep, teach, later)
    if keep is None and lang == "fr":
        words = detect_source.last_words_ahead(found, ctx.lexicon)
        if words and detect_source.opened_before(groups, found, words):
            found = _analysed(ctx, lang, groups, None, keep, teach, dataclasses.replace(ahead, last_words=words))
    return found


def _source_texts(groups: list) -> list[str]:
    """The source sentences of an article's pairs."""
    return [text for sources, _ in groups for _, text in sources]


def _analysed(ctx: Context, lang: str, groups: list, on_segments: Callable[[int], None] | None,
              keep: set[int] | None, teach: set[int] | None, ahead: detect_source.Ahead) -> list[Found]:
    found: list[Found] = []
    segments = 0
    memory = ahead.memory()
    for k, (sources, english) in enumerate(groups):
        if keep is not None and k not in keep and teach is not None and k not in teach:
            continue
        src, eng = analyse_pair(ctx, lang, sources, english, memory, learn_only=keep is not None and k not in keep)
        found += src + eng
        segments += len(sources)
        if on_segments is not None:
            on_segments(segments)
    return found


def store_article(conn: sqlite3.Connection, ctx: Context, article_id: int, found: list[Found], groups: list,
                  only: set[int] | None, spans: bool = True) -> tuple[int, int]:
    """Write what ``analyse_article`` found, inside the caller's transaction; returns (mentions, pairs).
    ``spans``: the article may hold a span the analyst set (False: the caller knows it holds none)."""
    analysed = None if only is None else {sid for g in groups for sid, _ in g[0]}
    if spans:
        found = found + edited.refound(conn, ctx.index, ctx.rejected, article_id, found, analysed)
    store(conn, article_id, found, analysed)
    return len(found), len(groups)


def align_article(conn: sqlite3.Connection, ctx: Context, article_id: int,
                  only: set[int] | None = None) -> tuple[int, int]:
    """Align one article inside the caller's transaction; returns (mentions, sentence pairs).

    ``only``: analyse just the pairs holding one of these segments (the rest is left as it is).
    """
    _, groups, found = analyse_stored(conn, ctx, article_id, only)
    return store_article(conn, ctx, article_id, found, groups, only)


def store(conn: sqlite3.Connection, article_id: int, found: list[Found], segment_ids: set[int] | None = None) -> None:
    """Write mentions, links and candidates; keep ids of mentions seen before and human decisions.

    Rows that come out as they were are not written again. A link the aligner writes has an empty
    ``updated_at`` (25 bytes a link otherwise; the decisions log dates the analyst's). ``segment_ids``:
    only these segments were analysed (their mentions alone are replaced).
    """
    only = "" if segment_ids is None else f"AND s.id IN ({','.join(map(str, map(int, segment_ids)))})"
    existing = {
        (sid, side, start, end): (mid, decided_by, tuple(mention), tuple(link))
        for mid, sid, side, start, end, decided_by, *rest in conn.execute(
            f"""SELECT m.id, m.segment_id, m.side, m.start, m.end, {implied.decided_by()},
                       m.surface, m.norm, m.lang, m.detector, m.prefix, m.counterpart_id,
                       l.entity_id, l.status, l.score, l.why, l.proposal
                FROM segments s JOIN mentions m ON m.segment_id = s.id LEFT JOIN links l ON l.mention_id = m.id
                WHERE s.article_id = ? {only}""",
            (article_id,),
        )
        for mention, link in [(rest[:6], rest[6:])]
    }
    analyst: dict[tuple[int, str], list[tuple[int, int]]] = {}  # the analyst's spans: kept, matched again
    analyst_keys: dict[tuple, int | None] = {}  # key -> its counterpart's id
    for (sid, side, start, end), (_, _, mention, _) in existing.items():
        if mention[3] == EDITED:
            analyst.setdefault((sid, side), []).append((start, end))
            analyst_keys[(sid, side, start, end)] = mention[5]
    if analyst:  # a name found over (or inside) a span the analyst set is that span
        found = [f for f in found if f.detector == EDITED
                 or not any(f.start < e and f.end > s for s, e in analyst.get((f.segment_id, f.side), ()))]
    decided: dict[tuple[int, str], list[tuple[int, int]]] = {}  # mentions an analyst decided: they stay
    for (sid, side, start, end), (_, decided_by, _, _) in existing.items():
        if decided_by not in (None, "auto"):
            decided.setdefault((sid, side), []).append((start, end))
    if decided:  # so a name found over one of them (Hamrin mountains over a decided Hamrin) gives way
        found = [f for f in found if (f.segment_id, f.side, f.start, f.end) in existing
                 or not any(f.start < e and f.end > s for s, e in decided.get((f.segment_id, f.side), ()))]
    old_candidates: dict[int, list[tuple]] = {}
    if existing:
        for mid, *row in conn.execute(
                f"""SELECT c.mention_id, c.rank, c.entity_id, c.score, c.variant, c.why FROM segments s
                    JOIN mentions m ON m.segment_id = s.id JOIN candidates c ON c.mention_id = m.id
                    WHERE s.article_id = ? {only} ORDER BY c.mention_id, c.rank""", (article_id,)):
            old_candidates.setdefault(mid, []).append(tuple(row))
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM mentions").fetchone()[0]
    ids: dict[int, int] = {}  # id(Found) -> mention id
    before: dict[int, tuple] = {}  # id(Found) -> the kept mention's row as it was
    fresh: list[Found] = []
    kept: list[Found] = []
    human: set[int] = set()
    seen: set[tuple] = set()
    for f in found:
        key = (f.segment_id, f.side, f.start, f.end)
        if key in seen:
            continue
        seen.add(key)
        old = existing.get(key)
        if old is None:
            ids[id(f)] = next_id  # ids given here (the write lock is held) so counterparts link in one pass
            next_id += 1
            fresh.append(f)
        else:
            ids[id(f)] = old[0]
            before[id(f)] = old
            kept.append(f)
            if old[1] not in (None, "auto"):
                human.add(old[0])

    def counterpart(f: Found) -> int | None:
        cp = ids.get(id(f.counterpart)) if f.counterpart is not None else None
        if cp is None and f.detector == EDITED:  # its counterpart was not found again in this run
            cp = analyst_keys.get((f.segment_id, f.side, f.start, f.end))
            return None if cp in stale else cp
        return cp

    def mention_row(f: Found) -> tuple:
        return (f.surface, f.norm, f.lang, implied.stored(f.detector, GLOSSARY), f.prefix, counterpart(f))

    def link_row(f: Found) -> tuple:
        cp_id = counterpart(f)  # the why names the counterpart only through its stored row
        cp = f.counterpart if cp_id is not None and f.counterpart is not None and cp_id == ids.get(id(f.counterpart)) \
            else None
        why = stored_why(f.why, f.surface, f.lang, (cp.surface, cp.side) if cp is not None else None)
        return (f.entity_id, f.status, f.score, why, json.dumps(f.proposal, ensure_ascii=False) if f.proposal else None)

    def candidate_rows(f: Found) -> list[tuple]:
        return [(rank, *c) for rank, c in enumerate(f.candidates, start=1)] if keeps_candidates(f) else []

    stale = {mid for key, (mid, decided_by, _, _) in existing.items()
             if key not in seen and key not in analyst_keys and decided_by in (None, "auto")}
    _write_many(conn, "DELETE FROM mentions WHERE id = ?", ((m,) for m in stale))
    conn.execute("PRAGMA defer_foreign_keys = ON")  # a counterpart may be inserted after its partner
    _write_many(conn,
        """INSERT INTO mentions (id, segment_id, side, start, end, surface, norm, lang, detector, prefix,
                                counterpart_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        ((ids[id(f)], f.segment_id, f.side, f.start, f.end, *mention_row(f)) for f in fresh),
    )
    _write_many(conn,
        """UPDATE mentions SET surface = ?, norm = ?, lang = ?, detector = ?, prefix = ?, counterpart_id = ?
           WHERE id = ?""",
        ((*row, ids[id(f)]) for f in kept if (row := mention_row(f)) != before[id(f)][2]),
    )
    changed = [f for f in fresh + kept if ids[id(f)] not in human and (
        id(f) not in before or before[id(f)][1] != "auto" or before[id(f)][3] != link_row(f))]
    _write_many(conn,
        """INSERT INTO links (mention_id, entity_id, status, score, why, proposal, decided_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, NULL, '')
           ON CONFLICT(mention_id) DO UPDATE SET entity_id = excluded.entity_id, status = excluded.status,
               score = excluded.score, why = excluded.why, proposal = excluded.proposal,
               decided_by = NULL, updated_at = ''""",
        ((ids[id(f)], *link_row(f)) for f in changed),
    )
    rewrite = [f for f in fresh + kept if ids[id(f)] not in human
               and candidate_rows(f) != old_candidates.get(ids[id(f)], [])]
    _write_many(conn, "DELETE FROM candidates WHERE mention_id = ?", ((ids[id(f)],) for f in rewrite if id(f) in before))
    _write_many(conn,
        "INSERT INTO candidates (mention_id, rank, entity_id, score, variant, why) VALUES (?, ?, ?, ?, ?, ?)",
        ((ids[id(f)], *row) for f in rewrite for row in candidate_rows(f)),
    )


def _write_many(conn: sqlite3.Connection, sql: str, rows: Iterable[tuple]) -> None:
    """``executemany``, not run when there is nothing to write (most of an article's writes, when it is
    analysed again)."""
    rows = list(rows)
    if rows:
        conn.executemany(sql, rows)


def keeps_candidates(f: Found) -> bool:
    """False for a link whose only candidate is its own entity (an accepted exact match, most links).

    Such a row would repeat the link: the review shows the link as its candidate, and a rejection
    falls back to no candidate (the rejected entity is never suggested again) either way.
    """
    return not (f.status not in PENDING and len(f.candidates) == 1 and f.candidates[0][0] == f.entity_id)
