#!/bin/sh
# Installs the Debian 12 packages dossier builds and tests with; does nothing when all
# are present. With --test it adds what only the test suite needs: chromium (the HTML
# report is checked in a real browser), valgrind and libclang-rt (fuzzers).
set -eu
PKGS="build-essential cmake pkg-config clang libxml2-dev libsqlite3-dev libutf8proc-dev \
libstemmer-dev libjansson-dev zlib1g-dev libcmocka-dev re2c iso-codes"
[ "${1:-}" = "--test" ] && PKGS="$PKGS chromium valgrind libclang-rt-14-dev"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
