"""Benchmark: translate the same French sentences three ways on a transformer-base random-weight model.

  (a) raw ctranslate2.Translator.translate_batch on pre-tokenised, length-sorted batches (the limit)
  (b) argostranslate's own per-article path: Translation.translate(article) as argostranslate does it,
      its sentence splitter replaced by our offline segmenter (its default, MiniSBD, downloads a model)
  (c) workbench translate end to end: select, cache lookup, tokenise, batch, translate, DB writes

Same sentences, same decoding settings (beam 4, length penalty 0.2, replace_unknowns, output capped at
1.5 x the longest input of each CTranslate2 call: random weights never emit </s>), same threads and
compute type. Each way runs in its own process, so peak RSS is per way.

Usage: .venv/bin/python bench/bench_translate.py [--sentences 2000] [--batch-size 16] [--threads N] [--ways abc]
Way (b) needs argostranslate's full dependencies (stanza, spacy, torch), which the README's lean set-up
does not install: in that venv (b) is skipped with a note; install them in a separate venv to run it.
Goals (issue 6): c/a >= 0.9, c/b >= 1.5.
The model (~50 MB) is built once (about 10 s) and cached in bench/out/. A full run takes ~27 minutes,
most of it (b).

Last full run (2 cores, batch 16, 2 threads): (a) 14.8 sentences/s, 582 MB; (b) 1.5 sentences/s,
512 MB; (c) 14.0 sentences/s, 588 MB; c/a = 0.95, c/b = 9.1.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
PACKAGES = OUT / "argos-packages"
MODEL = OUT / "translate-fr_en-base.argosmodel"
RATIO = 1.5  # output cap: RATIO x longest input tokens, identical in the three ways
BEAM = 4
LENGTH_PENALTY = 0.2

# ---- realistic French news sentences -------------------------------------------------------------

PLACES = ["Hassaké", "Mossoul", "Kirkouk", "Deir ez-Zor", "Bagdad", "Damas", "Raqqa", "Diyala", "Tikrit",
          "Sinjar", "Qamichli", "Abou Kamal", "Ramadi", "Fallouja", "Erbil", "Souleimaniyé", "Alep", "Idleb"]
ACTORS = ["les Forces démocratiques syriennes", "l'armée irakienne", "la coalition internationale",
          "les Hachd al-Chaabi", "le ministère de l'Intérieur", "les services de renseignement",
          "un responsable kurde de la sécurité", "le gouverneur de la province", "des habitants du quartier",
          "le porte-parole du commandement des opérations conjointes", "des sources médicales",
          "l'Observatoire syrien des droits de l'homme", "le Premier ministre Moustafa al-Kazimi",
          "un député de la coalition sadriste", "les autorités locales", "des combattants de Daech"]
VERBS = ["a affirmé", "a déclaré", "a indiqué", "a assuré", "a annoncé", "a rapporté", "a estimé",
         "a précisé", "a reconnu", "a démenti", "a dénoncé", "a confirmé"]
EVENTS = ["une attaque contre un poste militaire", "des frappes aériennes contre des caches d'armes",
          "une opération de ratissage dans les villages voisins", "l'évasion de plusieurs détenus",
          "l'explosion d'une voiture piégée près d'un marché", "des affrontements avec des cellules dormantes",
          "le déploiement de renforts le long de la frontière", "l'arrestation d'un dirigeant local",
          "la reprise de plusieurs bâtiments du complexe pénitentiaire", "un couvre-feu total dans la ville",
          "des tirs de roquettes contre une base de la coalition", "l'évacuation de familles déplacées"]
DETAILS = ["après trois jours de combats", "selon un bilan encore provisoire", "malgré le froid intense",
           "dans la nuit de samedi à dimanche", "à une vingtaine de kilomètres au sud de la ville",
           "avec le soutien d'hélicoptères américains", "sans faire de victimes civiles selon l'armée",
           "alors que les négociations politiques restent bloquées", "pour la deuxième fois en un mois",
           "en coordination avec les forces de sécurité kurdes", "dans un communiqué publié sur les réseaux sociaux",
           "sous couvert d'anonymat", "lors d'une conférence de presse", "à la veille des élections"]
CONSEQUENCES = ["au moins {n} personnes ont été tuées", "{n} combattants ont été capturés",
                "des centaines de familles ont fui vers les camps", "les routes ont été fermées jusqu'à nouvel ordre",
                "les écoles resteront fermées jusqu'à la fin de la semaine", "{n} soldats ont été blessés",
                "la situation reste « préoccupante »", "l'enquête a été confiée à un juge d'instruction",
                "le bilan pourrait encore s'alourdir", "les habitants réclament davantage de protection"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def french_sentence(rng: random.Random) -> str:
    """One sentence of 8 to ~60 words, shaped like wire copy."""
    place, actor = rng.choice(PLACES), rng.choice(ACTORS)
    core = f"{actor[0].upper()}{actor[1:]} {rng.choice(VERBS)} {rng.choice(DAYS)} que {rng.choice(EVENTS)} avait eu lieu à {place}"
    shape = rng.random()
    if shape < 0.2:
        core = f"{rng.choice(EVENTS)[0].upper()}{rng.choice(EVENTS)[1:]} a visé {place} {rng.choice(DAYS)}"
    parts = [core]
    for _ in range(rng.choices([0, 1, 2, 3, 4], weights=[2, 4, 3, 2, 1])[0]):
        pick = rng.random()
        if pick < 0.5:
            parts.append(rng.choice(DETAILS))
        else:
            parts.append("et " + rng.choice(CONSEQUENCES).format(n=rng.randint(2, 350)))
    return ", ".join(parts) + "."


def make_articles(n_sentences: int, seed: int = 6) -> list[list[list[str]]]:
    """Articles -> paragraphs -> unique sentences; ~20 sentences per article."""
    rng = random.Random(seed)
    seen: set[str] = set()
    sentences = []
    while len(sentences) < n_sentences:
        s = french_sentence(rng)
        if s not in seen:
            seen.add(s)
            sentences.append(s)
    articles, i = [], 0
    while i < len(sentences):
        size = rng.randint(12, 28)
        body = sentences[i:i + size]
        i += size
        paragraphs, j = [], 0
        while j < len(body):
            k = rng.randint(2, 4)
            paragraphs.append(body[j:j + k])
            j += k
        articles.append(paragraphs)
    return articles


def sp_corpus(rng: random.Random, n: int = 40_000) -> list[str]:
    """Training text for the shared sentencepiece model (BPE: the generated text has too few distinct
    words for a unigram model of useful size): French sentences and English-like text."""
    from devtools.tiny_model import default_corpus

    return [french_sentence(rng) for _ in range(n)] + default_corpus(20_000, seed=1)


# ---- set-up: the model -----------------------------------------------------------------------------


def ensure_model() -> None:
    from workbench.translate.packages import find, install_archive
    from devtools.tiny_model import BASE, build_archive

    if not MODEL.exists():
        print(f"building {MODEL.name} (transformer base, random weights, int8)...", flush=True)
        started = time.perf_counter()
        build_archive(MODEL, "fr", "en", dims=BASE, version="base", corpus=sp_corpus(random.Random(1)),
                      sp_model_type="bpe")
        print(f"built in {time.perf_counter() - started:.0f} s ({MODEL.stat().st_size / 1e6:.0f} MB)", flush=True)
    if find("fr") is None:
        install_archive(MODEL)


# ---- the three ways (each in a child process) -------------------------------------------------------


def cap(longest: int) -> int:
    return int(RATIO * longest + 0.999999)


def way_a(data: dict, batch_size: int, threads: int) -> int:
    import ctranslate2

    from workbench.translate.engine import _SentencePiece
    from workbench.translate.packages import find
    from workbench.translate.runner import _batches

    package = find("fr")
    translator = ctranslate2.Translator(str(package.path / "model"), device="cpu", compute_type="auto",
                                        inter_threads=1, intra_threads=threads)
    tokens = _SentencePiece(package.path / "sentencepiece.model").encode(data["sentences"])
    keys = sorted(range(len(tokens)), key=lambda i: len(tokens[i]), reverse=True)
    batches = list(_batches(keys, dict(enumerate(tokens)), batch_size))
    started = time.perf_counter()
    for batch in batches:
        chunk = [tokens[i] for i in batch]
        translator.translate_batch(chunk, beam_size=BEAM, length_penalty=LENGTH_PENALTY, replace_unknowns=True,
                                   return_scores=True, max_decoding_length=cap(max(map(len, chunk))))
    return started


class _PreSplit:
    """Stands in for argostranslate's sentencizer: our offline segmenter, the same sentences as (c)."""

    def split_sentences(self, text: str) -> list[str]:
        from workbench.text.segment import split

        return [text[a:b] for a, b in split(text, "fr")]


class _CappedTranslator:
    """argostranslate's translator call, with the output cap applied per CTranslate2 batch.

    argostranslate calls translate_batch(max_batch_size=32, batch_type="tokens"), so CTranslate2 splits
    the sentences of a paragraph into sub-batches of at most 32 tokens (in practice one sentence each).
    We make the same sub-batches and give each the same cap rule as (a) and (c).
    """

    def __init__(self, translator) -> None:
        self.translator = translator

    def translate_batch(self, source, max_batch_size=0, batch_type="examples", **kwargs):
        order = sorted(range(len(source)), key=lambda i: len(source[i]), reverse=True)
        groups, group = [], []
        for i in order:
            longest = max([len(source[j]) for j in group] + [len(source[i])])
            if group and (len(group) + 1) * longest > max_batch_size:
                groups.append(group)
                group = []
            group.append(i)
        if group:
            groups.append(group)
        results = [None] * len(source)
        prefix = kwargs.pop("target_prefix", None)
        for group in groups:
            chunk = [source[i] for i in group]
            out = self.translator.translate_batch(
                chunk, target_prefix=[prefix[i] for i in group] if prefix else None,
                max_decoding_length=cap(max(map(len, chunk))), **kwargs)
            for i, r in zip(group, out):
                results[i] = r
        return results


def way_b(data: dict, batch_size: int, threads: int) -> float:
    os.environ["ARGOS_INTRA_THREADS"] = str(threads)  # same threads as (a) and (c); beam 4 is its default
    os.environ["ARGOS_BEAM_SIZE"] = str(BEAM)
    started = time.perf_counter()
    import argostranslate.translate as argos  # torch, stanza, spacy: 2-3 s

    print(f"   (b) import argostranslate.translate: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    translation = argos.get_translation_from_codes("fr", "en")  # CachedTranslation(PackageTranslation)
    package_translation = translation.underlying
    package_translation.sentencizer = _PreSplit()
    package_translation.hypotheses("Bonjour.", 1)  # loads the model: not timed, as in (a)
    package_translation.translator = _CappedTranslator(package_translation.translator)
    started = time.perf_counter()
    for article in data["articles"]:
        translation.translate("\n".join(" ".join(p) for p in article))
    return started


def way_c(data: dict, batch_size: int, threads: int) -> float:
    from workbench.cli.translate_cmd import translate_with_progress
    from workbench.store import open_db
    from workbench.translate.engine import DecodeOptions

    db = open_db(data["db"])
    options = DecodeOptions(beam_size=BEAM, length_penalty=LENGTH_PENALTY, max_length_ratio=RATIO, max_length_extra=0)
    started = time.perf_counter()
    result = translate_with_progress(db.conn, quiet=True, out=sys.stderr, batch_size=batch_size, threads=threads,
                                     options=options)
    assert result.done == result.total == len(data["sentences"]) and result.translated == result.total, result
    return started


def child(way: str, data_path: str, batch_size: int, threads: int) -> None:
    data = json.loads(Path(data_path).read_text(encoding="utf-8"))
    started = {"a": way_a, "b": way_b, "c": way_c}[way](data, batch_size, threads)
    elapsed = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps({"elapsed": elapsed, "rss_mb": rss}))


# ---- the parent ---------------------------------------------------------------------------------------


def run_way(way: str, data_path: Path, batch_size: int, threads: int) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", way, "--data", str(data_path), "--batch-size", str(batch_size),
         "--threads", str(threads)],
        capture_output=True, text=True, env={**os.environ, "ARGOS_PACKAGES_DIR": str(PACKAGES)}, check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode or not lines:
        sys.exit(f"way {way} failed:\n{proc.stderr[-3000:]}")
    for line in proc.stderr.splitlines():
        if line.startswith("   ("):
            print(line)
    return json.loads(lines[-1][7:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=None, help="default: workbench's default")
    parser.add_argument("--threads", type=int, default=None, help="default: workbench's default (all cores)")
    parser.add_argument("--ways", default="abc")
    parser.add_argument("--child", choices=["a", "b", "c"], help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["ARGOS_PACKAGES_DIR"] = str(PACKAGES)
    from workbench.translate.engine import default_threads
    from workbench.translate.runner import DEFAULT_BATCH_SIZE

    batch_size = args.batch_size or DEFAULT_BATCH_SIZE
    threads = args.threads or default_threads()
    if args.child:
        child(args.child, args.data, batch_size, threads)
        return
    if "b" in args.ways and importlib.util.find_spec("stanza") is None:
        print("(b) skipped: argostranslate's own dependencies (stanza, spacy, torch) are not installed",
              file=sys.stderr)
        args.ways = args.ways.replace("b", "")

    from workbench.corpus.importer import import_paths
    from workbench.text.segment import split
    from workbench.store import open_db

    OUT.mkdir(exist_ok=True)
    ensure_model()
    articles = make_articles(args.sentences)
    texts = ["\n".join(" ".join(p) for p in a) for a in articles]
    sentences = [t[a:b] for t in texts for a, b in split(t, "fr")]
    assert sentences == [s for a in articles for p in a for s in p], "the segmenter must see the generated sentences"
    run_dir = OUT / f"run-{os.getpid()}"
    run_dir.mkdir()
    corpus = run_dir / "articles.jsonl"
    corpus.write_text("".join(json.dumps({"text": t, "lang": "fr"}, ensure_ascii=False) + "\n" for t in texts),
                      encoding="utf-8")
    db_file = run_dir / "bench.db"
    summary = import_paths(open_db(db_file).conn, [corpus])
    assert summary.imported == len(articles), summary
    data_path = run_dir / "data.json"
    data_path.write_text(json.dumps({"sentences": sentences, "articles": articles, "db": str(db_file)},
                                    ensure_ascii=False), encoding="utf-8")
    from workbench.translate.engine import _SentencePiece
    from workbench.translate.packages import find

    lengths = [len(t) for t in _SentencePiece(find("fr").path / "sentencepiece.model").encode(sentences)]
    print(f"{len(sentences)} French sentences in {len(articles)} articles; tokens per sentence: mean "
          f"{sum(lengths) / len(lengths):.1f}, max {max(lengths)}; words per sentence: mean "
          f"{sum(len(s.split()) for s in sentences) / len(sentences):.1f}")
    print(f"model: transformer base 6+6, d_model 512, 8 heads, FFN 2048, int8, random weights; "
          f"beam {BEAM}, length penalty {LENGTH_PENALTY}, output cap {RATIO} x longest input per call; "
          f"batch size {batch_size}, {threads} thread(s)")
    results = {}
    labels = {"a": "(a) raw ctranslate2 translate_batch", "b": "(b) argostranslate per article",
              "c": "(c) workbench translate (DB writes)"}
    for way in args.ways:
        r = run_way(way, data_path, batch_size, threads)
        r["rate"] = len(sentences) / r["elapsed"]
        results[way] = r
        print(f"{labels[way]:<38} {r['rate']:8.1f} sentences/s  ({r['elapsed']:6.1f} s)   "
              f"peak RSS {r['rss_mb']:6.0f} MB", flush=True)
    if "a" in results and "c" in results:
        print(f"c/a = {results['c']['rate'] / results['a']['rate']:.2f}   goal >= 0.9")
    if "b" in results and "c" in results:
        print(f"c/b = {results['c']['rate'] / results['b']['rate']:.2f}   goal >= 1.5")
    for path in run_dir.iterdir():
        path.unlink()
    run_dir.rmdir()


if __name__ == "__main__":
    main()
