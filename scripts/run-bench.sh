#!/usr/bin/env bash
# Benchmarks (issue: fast and scalable). Prints figures; asserts nothing about time.
#  1. extract throughput, MB of input text per second, -j 1 and -j 2, outputs identical
#  2. analyze of 10k, 30k and 100k synthetic articles: wall time, peak memory, scaling
#  3. extract over real news text from ../shared/data when present (PolNeAR articles, seeds)
# BENCH_SIZES overrides the analyze sizes (e.g. BENCH_SIZES="1000 3000" for a quick run).
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$ROOT/../shared/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
M=$BUILD/measure
D=$BUILD/dossier
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -m)"

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

echo "== extract throughput (synthetic, 20000 articles)"
"$BUILD/gen_corpus" 20000 7 > "$TMP/c.jsonl"
mb=$(awk -v b="$(stat -c %s "$TMP/c.jsonl")" 'BEGIN {printf "%.1f", b/1048576}')
for j in 1 2; do
  r=$("$M" "$TMP/out$j.jsonl" "$D" extract -q -j "$j" "$TMP/c.jsonl")
  w=$(echo "$r" | field wall_s)
  echo "  -j $j: $mb MB in ${w}s = $(awk -v m="$mb" -v w="$w" 'BEGIN {printf "%.1f", m/w}') MB/s  ($r)"
  eval "w$j=$w"
done
echo "  speed-up -j 2 / -j 1: $(awk -v a="$w1" -v b="$w2" 'BEGIN {printf "%.2f", a/b}')x"
cmp -s "$TMP/out1.jsonl" "$TMP/out2.jsonl" && echo "  -j 2 output identical to -j 1: yes" || echo "  -j 2 output identical to -j 1: NO"
# memory of extract must not grow with the input (articles are written and freed in batches)
head -n 5000 "$TMP/c.jsonl" > "$TMP/small.jsonl"
r5=$("$M" /dev/null "$D" extract -q -j 2 "$TMP/small.jsonl" | field maxrss_mb)
r20=$("$M" /dev/null "$D" extract -q -j 2 "$TMP/c.jsonl" | field maxrss_mb)
echo "  extract peak memory: ${r5} MB for 5000 articles, ${r20} MB for 20000 (ratio $(awk -v a="$r20" -v b="$r5" 'BEGIN {printf "%.2f", a/b}'))"
rm -f "$TMP/small.jsonl"

echo "== analyze scaling (synthetic)"
prev_n="" prev_w=""
for n in ${BENCH_SIZES:-10000 30000 100000}; do
  "$BUILD/gen_corpus" "$n" 11 > "$TMP/a.jsonl"
  mb=$(awk -v b="$(stat -c %s "$TMP/a.jsonl")" 'BEGIN {printf "%.0f", b/1048576}')
  r=$("$M" /dev/null "$D" analyze -q -j 2 -f json "$TMP/a.jsonl")
  w=$(echo "$r" | field wall_s)
  line="  $n articles ($mb MB): $r"
  [ -n "$prev_n" ] && line="$line  time ratio $(awk -v a="$w" -v b="$prev_w" 'BEGIN {printf "%.2f", a/b}') for size ratio $(awk -v a="$n" -v b="$prev_n" 'BEGIN {printf "%.2f", a/b}')"
  echo "$line"
  prev_n=$n prev_w=$w
  rm -f "$TMP/a.jsonl"
done

if [ -d "$DATA" ]; then
  # PolNeAR's articles are plain news text without a date, so every date is inferred: the
  # real-text figure. (TimeBank's .tml files are XML and would be read with their markup.)
  echo "== extract over ../shared/data (real news text: PolNeAR train articles and the seeds)"
  files=$(ls "$DATA"/polnear/train/text/*.txt "$ROOT"/../shared/seeds/*.txt 2>/dev/null)
  if [ -n "$files" ]; then
    bytes=$(cat $files | wc -c)
    for j in 1 2; do
      r=$("$M" /dev/null "$D" extract -q -j "$j" $files)
      w=$(echo "$r" | field wall_s)
      echo "  -j $j: $(echo "$files" | wc -l) files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}') MB: $r = $(awk -v b="$bytes" -v w="$w" 'BEGIN {printf "%.1f", b/1048576/w}') MB/s"
    done
  fi
fi
