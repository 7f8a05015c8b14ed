#!/usr/bin/env bash
# Memcheck of the CLI: every report format (analyze -f json|md|html|text) and extract,
# over the built-in demo, tests/fixtures and ../shared/seeds (when present). Any leak
# (definite or indirect), invalid access or uninitialised read fails the run (exit 99).
# Exit codes 0 and 1 (some inputs skipped on purpose) of dossier itself are fine.
# Ends with one line: "N passed, N failed".
#   usage: scripts/valgrind.sh [BUILD]
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd) || exit 2
BIN=$BUILD/dossier
if ! command -v valgrind > /dev/null; then
  echo "skipped: valgrind not installed"
  echo "0 passed, 0 failed"
  exit 0
fi
[ -x "$BIN" ] || { echo "no $BIN: build first"; exit 2; }
VG=(valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --error-exitcode=99 --track-origins=yes)
LOG=$(mktemp "${TMPDIR:-/tmp}/dossier-valgrind.XXXXXX")
passed=0 failed=0 failures=()

run() { # name, dossier arguments...
  local name=$1
  shift
  "${VG[@]}" "$BIN" "$@" > /dev/null 2> "$LOG"
  local rc=$?
  if [ "$rc" -le 1 ]; then
    passed=$((passed + 1))
    printf '%-32s ok\n' "$name"
  else
    failed=$((failed + 1)) failures+=("$name")
    printf '%-32s FAILED (exit %d)\n' "$name" "$rc"
    grep -E '==[0-9]+== ' "$LOG" | head -30
  fi
}

inputs=()
[ -n "$(ls -A "$ROOT/tests/fixtures" 2> /dev/null)" ] && inputs+=("fixtures:$ROOT/tests/fixtures")
[ -d "$ROOT/../shared/seeds" ] && inputs+=("seeds:$ROOT/../shared/seeds")

for fmt in json md html text; do
  run "demo -f $fmt" demo -q -f "$fmt"
  for in in "${inputs[@]}"; do run "${in%%:*} analyze -f $fmt" analyze -q -f "$fmt" "${in#*:}"; done
done
for in in "${inputs[@]}"; do run "${in%%:*} extract" extract -q "${in#*:}"; done
run "extract -j 2 (threads)" extract -q -j 2 "$ROOT/examples/demo"

rm -f "$LOG"
[ ${#failures[@]} -gt 0 ] && echo "failing: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
