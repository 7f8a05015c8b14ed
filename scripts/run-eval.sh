#!/usr/bin/env bash
# Accuracy on the annotated data in ../shared/data (each evaluator skips, saying so,
# when its data is absent): TimeBank/AQUAINT (time expressions), PolNeAR (attribution),
# Mozilla Readability pages (main-text extraction).
set -u
BUILD=${1:-build}
DATA=${DOSSIER_DATA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data}
run() { [ -x "$BUILD/$1" ] && { echo "== $1"; "$BUILD/$1" "$2" "${@:3}"; } || echo "== $1: not built"; }
run eval_timebank "$DATA/timebank"
run eval_polnear "$DATA/polnear" dev
run eval_readability "$DATA/readability-pages"
