#!/usr/bin/env bash
# Regenerates tests/fixtures/NAME.expected.jsonl from each fixture input NAME.<ext> with
# `dossier extract`, run from inside tests/fixtures (so "file" is the bare name, as the
# tests expect). Review the result with `git diff tests/fixtures` before committing.
#   scripts/update-fixtures.sh [BUILD_DIR]      (default: build)
#   scripts/update-fixtures.sh BUILD_DIR NAME   (only tests/fixtures/NAME.*)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-build}" && pwd)
ONLY=${2:-}
DOSSIER=$BUILD/dossier
[ -x "$DOSSIER" ] || { echo "update-fixtures: $DOSSIER not built (make first)" >&2; exit 2; }
cd "$ROOT/tests/fixtures"
n=0
for input in *; do
  [ -f "$input" ] || continue
  case $input in *.expected.*) continue ;; esac
  base=${input%%.*}
  [ -z "$ONLY" ] || [ "$base" = "$ONLY" ] || continue
  # the tests take the first NAME.* in name order as the input; keep that unambiguous
  first=$(ls "$base".* | grep -v '\.expected\.' | head -1)
  if [ "$first" != "$input" ]; then
    echo "update-fixtures: $input skipped: $first is the input of $base" >&2
    continue
  fi
  rc=0
  "$DOSSIER" extract "$input" > "$base.expected.jsonl.new" 2> /dev/null || rc=$?
  if [ "$rc" -gt 1 ]; then # 1: some input skipped, which a fixture may show on purpose
    rm -f "$base.expected.jsonl.new"
    echo "update-fixtures: dossier extract $input exited with $rc" >&2
    exit 1
  fi
  mv "$base.expected.jsonl.new" "$base.expected.jsonl"
  n=$((n + 1))
done
echo "update-fixtures: $n expected file(s) written; review: git diff -- tests/fixtures"
