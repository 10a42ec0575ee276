#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the built MIME definition into a private XDG data directory (with
# a copy of the system's freedesktop.org definitions, so that the generic
# SQLite type is known but nothing else installed on this machine can
# interfere), then asks GIO what it makes of project files and look-alikes.
#   test-mime.sh BUILT-MIME-XML APPLICATION-ID
# TAP output; exit status 77 (skip) when a tool is missing.
set -u

mime_xml=$1
app_id=$2
project_type=application/x-corroborate-project

for tool in update-mime-database gio; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (see build-aux/install-deps)"
    exit 77
  fi
done

system_defs=""
for dir in "$(pkg-config --variable=pkgdatadir shared-mime-info 2>/dev/null)" /usr/share/mime; do
  if [ -n "$dir" ] && [ -f "$dir/packages/freedesktop.org.xml" ]; then
    system_defs="$dir/packages/freedesktop.org.xml"
    break
  fi
done
if [ -z "$system_defs" ]; then
  echo "1..0 # SKIP freedesktop.org.xml (shared-mime-info) not found"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/data/mime/packages" "$tmp/none"
cp "$system_defs" "$tmp/data/mime/packages/"
cp "$mime_xml" "$tmp/data/mime/packages/$app_id.xml"

# Writes an SQLite database with the given application_id, using the sqlite3
# shell, or Python's sqlite3 module where the shell is missing.
make_sqlite ()
{
  if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$1" "PRAGMA application_id = $2; CREATE TABLE t (x); INSERT INTO t VALUES (1);"
  else
    python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA application_id = %d" % int(sys.argv[2]))
db.execute("CREATE TABLE t (x)")
db.execute("INSERT INTO t VALUES (1)")
db.commit()' "$1" "$2"
  fi
}

n=0
failed=0
check ()
{
  n=$((n + 1))
  if [ "$2" = "$3" ]; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    echo "# expected: $3"
    echo "# got:      $2"
    failed=$((failed + 1))
  fi
}

content_type ()
{
  # GIO_USE_VFS=local: no GVfs daemon, no session bus needed.
  XDG_DATA_HOME="$tmp/data" XDG_DATA_DIRS="$tmp/none" GIO_USE_VFS=local \
    gio info -a standard::content-type "$1" |
    sed -n 's/^ *standard::content-type: *//p'
}

echo "1..9"

if update-mime-database "$tmp/data/mime" >"$tmp/update.log" 2>&1; then
  check "update-mime-database accepts the definition" ok ok
else
  sed 's/^/# /' "$tmp/update.log"
  check "update-mime-database accepts the definition" failed ok
fi

# 0x43524252 = 'CRBR', DESIGN.md §1.
make_sqlite "$tmp/evidence.corroborate" 1129464402
check "a project with the .corroborate extension" \
  "$(content_type "$tmp/evidence.corroborate")" "$project_type"

cp "$tmp/evidence.corroborate" "$tmp/evidence-copy"
check "a project renamed without extension is recognised by its header" \
  "$(content_type "$tmp/evidence-copy")" "$project_type"

cp "$tmp/evidence.corroborate" "$tmp/evidence.dat"
check "a project renamed to .dat is recognised by its header" \
  "$(content_type "$tmp/evidence.dat")" "$project_type"

make_sqlite "$tmp/plain" 0
plain_type=$(content_type "$tmp/plain")
case "$plain_type" in
  application/vnd.sqlite3|application/x-sqlite3) plain_verdict=sqlite ;;
  *) plain_verdict="$plain_type" ;;
esac
check "a plain SQLite database is generic SQLite, not a project" \
  "$plain_verdict" sqlite

# Fossil's registered application_id: another program's database.
make_sqlite "$tmp/other-program" 252006674
other_type=$(content_type "$tmp/other-program")
check "another program's SQLite database is not a project" \
  "$([ "$other_type" = "$project_type" ] && echo project || echo other)" other

# The id bytes at offset 68 without the SQLite header must not match.
python3 -c 'import sys
data = bytearray(b"not a database, just text padded out to a hundred bytes. " * 2)
data[68:72] = (0x43524252).to_bytes(4, "big")
open(sys.argv[1], "wb").write(bytes(data))' "$tmp/fake"
fake_type=$(content_type "$tmp/fake")
check "the id bytes without an SQLite header are not a project" \
  "$([ "$fake_type" = "$project_type" ] && echo project || echo other)" other

# The project type is an SQLite database to anything that knows only that.
parent=$(sed -n 's/.*<sub-class-of type="\([^"]*\)".*/\1/p' \
         "$tmp/data/mime/$project_type.xml" | head -n 1)
check "the project type is a subclass of SQLite" "$parent" application/vnd.sqlite3

# Translated descriptions reach the generated database.
if grep -q '<comment xml:lang="ru">' "$tmp/data/mime/$project_type.xml"; then
  check "the type's description is translated" yes yes
else
  check "the type's description is translated" no yes
fi

[ $failed -eq 0 ]
