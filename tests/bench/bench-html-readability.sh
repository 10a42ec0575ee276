#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-html-readability.sh BUILD_DIR
#
# Compares Corroborate's HTML extraction with Mozilla Readability on the test
# pages: installs @mozilla/readability and jsdom from npm into a scratch
# folder under the build directory (once), runs bench-html --tsv for our
# figures, then bench-html-readability.mjs for Readability's, and prints both
# F1 means and the time ratio.
set -eu

build=$(cd "${1:?usage: bench-html-readability.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
pages="$here/../extract/html/pages"
scratch="$build/bench-html-readability"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "node and npm are needed to run Readability; skipped" >&2
  exit 77
fi
mkdir -p "$scratch"
if [ ! -d "$scratch/node_modules/@mozilla/readability" ] || [ ! -d "$scratch/node_modules/jsdom" ]; then
  (cd "$scratch" && npm init -y >/dev/null && \
   npm install --no-audit --no-fund --loglevel=error @mozilla/readability jsdom >/dev/null)
fi
cp "$here/bench-html-readability.mjs" "$scratch/"
"$build/tests/bench/bench-html" --tsv "$pages" > "$scratch/ours.tsv"
cd "$scratch" && node bench-html-readability.mjs "$pages" ours.tsv
