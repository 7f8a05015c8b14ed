#!/usr/bin/env bash
# Runs every libFuzzer harness in BUILD (fuzz_*) for SECONDS each, starting from its
# seed corpus (tests/fuzz/corpus/<harness>/, plus fixtures of the matching kind)
# copied to a temporary directory, with tests/fuzz/dict/dossier.dict. Prints each
# fuzzer's total executions; a crash, leak, timeout or out-of-memory fails it (the
# reproducer is kept under $FUZZ_ARTIFACTS, default build-fuzz/artifacts).
# Ends with one line: "N passed, N failed".
#   usage: scripts/run-fuzz.sh BUILD [SECONDS]
set -u
BUILD=${1:-build-fuzz}
SECONDS_EACH=${2:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd) || exit 2
ARTIFACTS=${FUZZ_ARTIFACTS:-$BUILD/artifacts}
DICT=$ROOT/tests/fuzz/dict/dossier.dict
mkdir -p "$ARTIFACTS"
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
passed=0 failed=0 failures=()

# Fixture files of the kind a harness reads also seed it.
seed_fixtures() { # harness dir
  local pat
  case $1 in
  fuzz_text) pat='*.txt *.md' ;;
  fuzz_jsonl) pat='*.jsonl' ;;
  fuzz_html) pat='*.html *.htm' ;;
  *) pat='*.txt' ;;
  esac
  for p in $pat; do
    find "$ROOT/tests/fixtures" -name "$p" ! -name '*.expected.*' -size -64k \
      -exec cp {} "$2/" \; 2>/dev/null
  done
}

for fz in "$BUILD"/fuzz_*; do
  [ -x "$fz" ] && [ -f "$fz" ] || continue
  name=$(basename "$fz")
  work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-$name.XXXXXX")
  [ -d "$ROOT/tests/fuzz/corpus/$name" ] && cp "$ROOT/tests/fuzz/corpus/$name"/* "$work/" 2>/dev/null
  seed_fixtures "$name" "$work"
  log=$work.log
  "$fz" "$work" -dict="$DICT" -max_len=65536 -max_total_time="$SECONDS_EACH" \
    -timeout=10 -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$ARTIFACTS/$name-" \
    > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1)
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    printf '%-16s %10s executions  %-10s  ok\n' "$name" "${execs:-?}" "${cov:-}"
  else
    failed=$((failed + 1)) failures+=("$name")
    printf '%-16s %10s executions  FAILED (exit %d)\n' "$name" "${execs:-?}" "$rc"
    grep -E 'ERROR|SUMMARY|invariant|Test unit written|runtime error' "$log" | head -15
    echo "  full log: $log"
    log= # keep it
  fi
  rm -rf "$work"
  [ -n "$log" ] && rm -f "$log"
done

[ ${#failures[@]} -gt 0 ] && echo "failing: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
