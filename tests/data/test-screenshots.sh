#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every screenshot the AppStream metainfo lists is in data/screenshots/, a
# PNG of a full window (the store shows them; the screenshot test renders
# them and build-aux/update-screenshots copies them).
# Usage: test-screenshots.sh SOURCE-ROOT
set -u
root="$1"
metainfo="$root/data/io.github.corroborate.Corroborate.metainfo.xml.in"
n=0
failed=0
for name in $(sed -n 's|.*<image>.*/data/screenshots/\([^<]*\)</image>.*|\1|p' "$metainfo"); do
  n=$((n + 1))
  file="$root/data/screenshots/$name"
  # PNG signature, then the IHDR chunk's width and height (big-endian).
  if [ -f "$file" ] && [ "$(od -An -tx1 -N8 "$file" | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
    width=$(od -An -tu1 -j16 -N4 "$file" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
    height=$(od -An -tu1 -j20 -N4 "$file" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
    if [ "$width" -ge 1000 ] && [ "$height" -ge 600 ]; then
      echo "ok $n - data/screenshots/$name (${width}×${height})"
    else
      echo "not ok $n - data/screenshots/$name is ${width}×${height}, smaller than a window"
      failed=1
    fi
  else
    echo "not ok $n - data/screenshots/$name is missing or not a PNG (build-aux/update-screenshots)"
    failed=1
  fi
done
if [ "$n" -eq 0 ]; then
  echo "not ok 1 - the metainfo lists no screenshots"
  n=1
  failed=1
fi
echo "1..$n"
exit $failed
