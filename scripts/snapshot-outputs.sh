#!/usr/bin/env bash
# snapshot-outputs.sh BUILD OUTDIR: writes the outputs a speed change must leave
# byte-identical (extract over a generated corpus, the seeds and ../shared/data when
# present; analyze over the seeds and a generated corpus). Compare two snapshots with
#   diff -rq OUT1 OUT2      (no output = identical)
set -eu
B=$(cd "$1" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
S=$ROOT/../shared
mkdir -p "$2"
cd "$2" # relative input names: the output records input paths
"$B/gen_corpus" 2000 7 > gen2000.in.jsonl
"$B/gen_corpus" 600 3 > gen600.in.jsonl
"$B/dossier" extract -q -j 1 gen2000.in.jsonl -o gen2000.extract.jsonl
"$B/dossier" analyze -q -f json gen600.in.jsonl -o gen600.analyze.json
if [ -d "$S/seeds" ]; then
  "$B/dossier" extract -q -j 1 "$S/seeds" -o seeds.extract.jsonl
  "$B/dossier" analyze -q -f json "$S/seeds" -o seeds.analyze.json
fi
if [ -d "$S/data" ]; then
  "$B/dossier" extract -q -j 1 $(ls "$S"/data/polnear/dev/text/*.txt | head -150) -o polnear.extract.jsonl
  "$B/dossier" extract -q -j 1 $(find "$S/data/timebank" -name '*.tml' | sort | head -120) -o timebank.extract.jsonl
  "$B/dossier" extract -q -j 1 $(find "$S/data/readability-pages" -name 'source.html' | sort | head -60) \
    -o readability.extract.jsonl 2>/dev/null || true
fi
rm -f ./*.in.jsonl
ls -l | awk 'NR > 1 {print $5, $9}'
