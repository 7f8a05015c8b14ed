#!/usr/bin/env bash
# Renders the HTML dossier in a real browser (headless Chromium, Debian's `chromium`)
# and checks the page a person would see: every section is in the rendered DOM, the
# page's own script ran (so its Content-Security-Policy hash is right), the reprint is
# shown, and an article full of markup (<script>, onerror=, <svg onload>) is displayed
# as text and runs nothing. Prints "N passed, N failed"; skips when Chromium is absent.
#
#   tests/browser/check-html.sh [path/to/dossier]
#   SCREENSHOT=docs/demo-dossier.png tests/browser/check-html.sh build/dossier
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dossier=${1:-${DOSSIER:-$root/build/dossier}}
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  echo "SKIP: $chromium not found; install Debian's chromium package to run the browser test"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
if [ ! -x "$dossier" ]; then
  echo "error: $dossier is not an executable dossier (build it first)" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }
check() { # check NAME FILE PATTERN: the fixed string is in the file
  if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1 (no '$3' in $(basename "$2"))"; fi
}
check_not() {
  if grep -qF -- "$3" "$2"; then bad "$1 ('$3' found in $(basename "$2"))"; else ok "$1"; fi
}

# One browser run per action, each with a fresh profile and no network of its own.
browse() { # browse URL ACTION...
  local url=$1
  shift
  timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$tmp")" "$@" "$url" 2>>"$tmp/chromium.log"
}

# ---- the demo dossier ----
"$dossier" demo -f html -o "$tmp/demo.html" || bad "dossier demo -f html"
browse "file://$tmp/demo.html" --dump-dom >"$tmp/demo.dom"
browse "file://$tmp/demo.html" --window-size=1280,2600 --hide-scrollbars --screenshot="$tmp/demo.png" >/dev/null

for id in sources summary figures quotes timeline entities articles; do
  check "section #$id rendered" "$tmp/demo.dom" "id=\"$id\""
done
check "page script ran under its CSP" "$tmp/demo.dom" 'data-js="ready"'
check "tables made sortable" "$tmp/demo.dom" '<th tabindex="0"'
check "SVG timeline drawn" "$tmp/demo.dom" '<svg class="timeline"'
check "summary sentences cite outlets" "$tmp/demo.dom" '<span class="cite">[<a href="#art-'
check "quotes link to their sentence" "$tmp/demo.dom" 'href="#q1"'
check "figures link to their sentence" "$tmp/demo.dom" 'id="f1"'
check "reprint shown as such" "$tmp/demo.dom" 'reprint</span> of <a href="#art-2">Northbank Herald</a>'
check_not "no remote load" "$tmp/demo.dom" 'src="http'
if [ -s "$tmp/demo.png" ] && [ "$(head -c 8 "$tmp/demo.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
  ok "screenshot taken"
  [ -n "${SCREENSHOT:-}" ] && cp "$tmp/demo.png" "$SCREENSHOT"
else
  bad "screenshot taken"
fi

# ---- sorting: the page's own script on a small table, headers clicked in order ----
{
  echo '<!DOCTYPE html><html><body><table class="sortable"><thead><tr><th>n</th><th>s</th></tr></thead><tbody>'
  echo '<tr><td>10</td><td>b</td></tr><tr><td>9</td><td>c</td></tr><tr><td>1,200</td><td>a</td></tr></tbody></table><script>'
  awk '/<script>/{on=1; sub(/.*<script>/, "")} on{ if (/<\/script>/) { sub(/<\/script>.*/, ""); print; exit } print }' "$tmp/demo.html"
  echo "function order(){return Array.prototype.map.call(document.querySelectorAll('tbody tr td:first-child'),function(td){return td.textContent;}).join('|');}"
  echo "var th=document.querySelectorAll('th');th[0].click();var a=order();th[0].click();var d=order();th[1].click();var s=order();"
  echo "document.body.setAttribute('data-order',a+' '+d+' '+s);</script></body></html>"
} >"$tmp/sort.html"
browse "file://$tmp/sort.html" --dump-dom >"$tmp/sort.dom"
check "tables sort by number, both ways, and by text" "$tmp/sort.dom" 'data-order="9|10|1,200 1,200|10|9 1,200|10|9"'

# ---- hostile article text ----
mkdir -p "$tmp/evil"
cat >"$tmp/evil/evil.txt" <<'EOF'
---
title: <script>document.title='PWNED'</script> Harbour <b>report</b>
outlet: Evil "Outlet" <img src=x onerror="document.body.setAttribute('data-pwned','1')">
published: 2030-02-03
---

The harbour master said <script>document.body.setAttribute('data-pwned','2')</script> was painted on the gate on Monday.

A clerk typed "><img src=x onerror="document.body.setAttribute('data-pwned','3')"> into the form and 3,000 forms were lost.

"</script><svg onload=document.body.setAttribute('data-pwned','4')> is what we found," said Ana Quell, the harbour master.
EOF
cp "$root/examples/demo/01-cpa-wire.txt" "$tmp/evil/"
"$dossier" analyze -f html -o "$tmp/evil.html" "$tmp/evil" || bad "dossier analyze hostile input"
browse "file://$tmp/evil.html" --dump-dom >"$tmp/evil.dom"

check "hostile page: our script still ran" "$tmp/evil.dom" 'data-js="ready"'
check_not "hostile page: no script from article text ran" "$tmp/evil.dom" 'data-pwned="'
check_not "hostile page: title untouched" "$tmp/evil.dom" '<title>PWNED'
check_not "hostile page: no <img> element" "$tmp/evil.dom" '<img'
check_not "hostile page: no <svg onload> element" "$tmp/evil.dom" '<svg onload'
check "hostile page: <script> shown literally" "$tmp/evil.dom" "&lt;script&gt;document.body.setAttribute('data-pwned','2')&lt;/script&gt;"
check "hostile page: onerror shown literally" "$tmp/evil.dom" "&lt;img src=x onerror="
scripts=$(grep -o '<script' "$tmp/evil.dom" | wc -l)
if [ "$scripts" -eq 1 ]; then ok "hostile page: exactly one <script> element"; else bad "hostile page: $scripts <script> elements"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
