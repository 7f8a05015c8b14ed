#!/usr/bin/env bash
# Runs every test: the cmocka unit programs, the CLI cases under tests/cli/, and the
# fixture files under tests/fixtures/ through the CLI (the library runs them in
# test_fixtures). Ends with one line: "N passed, N failed".
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd)
export DOSSIER=$BUILD/dossier
passed=0 failed=0 skipped=0
failures=()

for t in "$BUILD"/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  out=$(cd "$ROOT" && "$t" 2>&1)
  rc=$?
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{s+=$1} END {print s+0}')
  s=$(printf '%s\n' "$out" | grep -c '^\[  SKIPPED \]')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a crash counts as a failure
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  if [ "$f" -ne 0 ]; then
    failures+=("$name")
    printf '%s\n' "$out" | grep -E 'FAILED|ERROR|error|Assert|failure|Sanitizer|runtime error' | head -20
  fi
  printf '%-28s %4d passed %4d failed\n' "$name" "$p" "$f"
done

# CLI cases: tests/cli/NAME/{args,expected.out[,expected.err],expected.exit[,stdin]}
for dir in "$ROOT"/tests/cli/*/; do
  [ -f "$dir/args" ] || continue
  name=cli/$(basename "$dir")
  read -r -a args < "$dir/args"
  # @TMP@ in args is a fresh directory, removed afterwards; expected.file is compared
  # with @TMP@/out (the file a case writes with -o).
  case_tmp=$(mktemp -d)
  args=("${args[@]//@TMP@/$case_tmp}")
  want_exit=$(cat "$dir/expected.exit" 2>/dev/null || echo 0)
  stdin=/dev/null
  [ -f "$dir/stdin" ] && stdin=$dir/stdin
  got_out=$(cd "$dir" && NO_COLOR=1 "$DOSSIER" "${args[@]}" < "$stdin" 2> /tmp/dossier-test-err.$$)
  got_exit=$?
  ok=1
  [ "$got_exit" = "$want_exit" ] || { ok=0; echo "$name: exit $got_exit, expected $want_exit"; }
  if [ -f "$dir/expected.out" ] && [ "$got_out" != "$(cat "$dir/expected.out")" ]; then
    ok=0; echo "$name: stdout differs:"; diff <(printf '%s\n' "$got_out") "$dir/expected.out" | head -20
  fi
  if [ -f "$dir/expected.err" ] && [ "$(cat /tmp/dossier-test-err.$$)" != "$(cat "$dir/expected.err")" ]; then
    ok=0; echo "$name: stderr differs:"; diff /tmp/dossier-test-err.$$ "$dir/expected.err" | head -20
  fi
  if [ -f "$dir/expected.file" ] && ! cmp -s "$case_tmp/out" "$dir/expected.file"; then
    ok=0; echo "$name: written file differs:"; diff "$case_tmp/out" "$dir/expected.file" | head -20
  fi
  rm -rf "$case_tmp"
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
done
rm -f /tmp/dossier-test-err.$$

# Fixture files through the CLI: tests/fixtures/NAME.<ext> -> NAME.expected.jsonl
for exp in "$ROOT"/tests/fixtures/*.expected.jsonl; do
  [ -f "$exp" ] || continue
  base=${exp%.expected.jsonl}
  input=$(ls "$base".* | grep -v '\.expected\.' | head -1)
  name=fixture/$(basename "$base")
  got=$(cd "$ROOT/tests/fixtures" && "$DOSSIER" extract "$(basename "$input")" 2>/dev/null)
  if [ "$got" == "$(cat "$exp")" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); failures+=("$name")
    echo "$name: output differs (scripts/update-fixtures.sh regenerates; review the diff)"
  fi
done

# The HTML report in a real browser (skips, saying so, without Debian's chromium).
if [ -z "${DOSSIER_SKIP_BROWSER:-}" ]; then
  out=$("$ROOT/tests/browser/check-html.sh" "$DOSSIER" 2>&1)
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
  p=$(echo "$line" | cut -d' ' -f1) f=$(echo "$line" | cut -d' ' -f3 | tr -d ,)
  [ -n "$line" ] || { p=0 f=1; }
  printf '%s\n' "$out" | grep -E 'SKIP|FAIL|not ok' | head -20
  passed=$((passed + p)) failed=$((failed + f))
  [ "$f" -eq 0 ] || failures+=("browser")
  printf '%-28s %4d passed %4d failed\n' "browser/check-html" "$p" "$f"
fi

[ ${#failures[@]} -gt 0 ] && echo "failing: ${failures[*]}"
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"
else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
