#!/usr/bin/env bash
# Shows that OmegaT (Debian package `omegat`, 3.6) loads our exports, headless:
#   1. the corpus TMX as a reference translation memory: an OmegaT project (ar->en, then fr->en) whose
#      source file holds the exported sentences, with our TMX in tm/auto/, is translated in console
#      mode; every sentence must come out in English, taken from the TMX;
#   2. the OmegaT glossary of the project's language (names.ar.txt or names.fr.txt) and the TBX
#      glossary, read by OmegaT's own readers (GlossaryReaderTSV, GlossaryReaderTBX) from a Groovy
#      script that OmegaT runs inside the loaded project (--script).
# Usage: scripts/check_omegat.sh      (needs `apt-get install omegat`; takes about 20 s)
# Exit status 0 when every check passes. Nothing is written outside a temporary folder.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
WB="$ROOT/.venv/bin/workbench"
JAR=/usr/share/omegat/OmegaT.jar
if [[ ! -f "$JAR" ]] || ! command -v java >/dev/null; then
    echo "check_omegat: OmegaT is not installed (apt-get install omegat); nothing checked" >&2
    exit 2
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" WORKBENCH_DB="$WORK/workbench.db" WORKBENCH_USER=check
mkdir -p "$HOME"
cd "$ROOT"

# ---- a small aligned corpus (the test fixture: importer, then English and links) and the glossary ----
"$PY" - "$WORK" <<'PYTHON'
import sys
from pathlib import Path

from tests.test_export_corpus import build_corpus
from workbench.store import open_db

work = Path(sys.argv[1])
(work / "fixture").mkdir()
build_corpus(open_db(work / "workbench.db"), work / "fixture")
PYTHON
"$WB" export "$WORK/corpus.tmx" --quiet
"$WB" glossary import --curated >/dev/null
"$WB" glossary export "$WORK/names.txt" >/dev/null   # names.ar.txt and names.fr.txt
"$WB" glossary export "$WORK/names.tbx" >/dev/null

status=0
for lang in ar fr; do
    project="$WORK/omegat-$lang"
    mkdir -p "$project"/{source,target,tm/auto,glossary,dictionary,omegat}
    cp "$WORK/corpus.tmx" "$project/tm/auto/corpus.tmx"
    cp "$WORK/names.$lang.txt" "$project/glossary/"

    # the source file: every exported sentence of this language, one per paragraph
    "$PY" - "$WORK/corpus.tmx" "$lang" "$project/source/article.txt" "$project/expected.txt" <<'PYTHON'
import sys
from lxml import etree

tmx, lang, source, expected = sys.argv[1:]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
pairs = []
for tu in etree.parse(tmx).iter("tu"):
    segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.iter("tuv")}
    if lang in segs:
        pairs.append((segs[lang], segs["en"]))
open(source, "w", encoding="utf-8").write("\n\n".join(s for s, _ in pairs) + "\n")
open(expected, "w", encoding="utf-8").write("\n\n".join(e for _, e in pairs) + "\n")
PYTHON

    upper=$(echo "$lang" | tr a-z A-Z)
    tokenizer=$([[ $lang == ar ]] && echo LuceneArabicTokenizer || echo LuceneFrenchTokenizer)
    cat > "$project/omegat.project" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>$upper</source_lang>
    <target_lang>EN</target_lang>
    <source_tok>org.omegat.tokenizer.$tokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
XML

    term=$([[ $lang == ar ]] && echo "الحسكة" || echo "Hassaké")
    cat > "$project/glossaries.groovy" <<GROOVY
import org.omegat.gui.glossary.GlossaryReaderTBX
import org.omegat.gui.glossary.GlossaryReaderTSV
def tsv = GlossaryReaderTSV.read(new File("$project/glossary/names.$lang.txt"), false)
def tbx = GlossaryReaderTBX.read(new File("$WORK/names.tbx"), false)
def tsvHit = tsv.find { it.srcText == "$term" }
def tbxHit = tbx.find { it.srcText == "$term" }
println "GLOSSARY tsv=" + tsv.size() + " " + tsvHit?.locText + " tbx=" + tbx.size() + " " + tbxHit?.locText
GROOVY

    if ! java -Djava.awt.headless=true -jar "$JAR" "$project" --mode=console-translate \
            --script="$project/glossaries.groovy" --config-dir="$WORK/omegat-config" \
            --disable-project-locking --no-team > "$project/omegat.log" 2>&1; then
        echo "FAIL $lang: OmegaT console-translate failed:"
        tail -20 "$project/omegat.log"
        status=1
        continue
    fi

    if cmp -s "$project/target/article.txt" "$project/expected.txt"; then
        echo "ok   $lang->en TMX: OmegaT translated all $(grep -c . "$project/expected.txt") sentence(s)" \
             "of the source file from the exported TMX"
    else
        echo "FAIL $lang->en TMX: OmegaT's target file differs from the English in the TMX:"
        diff "$project/expected.txt" "$project/target/article.txt" | head -20 || true
        status=1
    fi

    lines=$(grep -vc '^#' "$WORK/names.$lang.txt")
    found=$(grep -m1 '^GLOSSARY ' "$project/omegat.log" || true)
    if [[ "$found" =~ ^GLOSSARY\ tsv=$lines\ Hasakah\ tbx=[1-9][0-9]*\ Hasakah$ ]]; then
        echo "ok   $lang->en glossaries: OmegaT reads all $lines entries of names.$lang.txt and the TBX" \
             "(${found#GLOSSARY })"
    else
        echo "FAIL $lang->en glossaries: expected $lines TSV entries and Hasakah from both readers;" \
             "got: ${found:-nothing}"
        grep -m5 -i -E "exception|error" "$project/omegat.log" || true
        status=1
    fi
done
exit $status
