#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Double-click, as a desktop sees it: the build installed into a temporary
# DESTDIR, the MIME and desktop-entry caches rebuilt there the way
# distribution packages' triggers do, then GIO asked which application
# opens a project; and the installed programs run.
#   test-install-open.sh BUILD-ROOT APPLICATION-ID BINDIR LIBEXECDIR DATADIR \
#                        VERSION HAVE-APP(true|false)
# TAP output.  Exit status 77 (skip) only when a tool that
# build-aux/install-deps installs is missing.
set -u

build_root=$1
app_id=$2
bindir=$3
libexecdir=$4
datadir=$5
version=$6
have_app=$7

for tool in update-mime-database update-desktop-database gio meson; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (see build-aux/install-deps)"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
dest="$tmp/root"
data="$dest$datadir"

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=$((failed + 1)); }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
comment () { sed 's/^/# /' "$1"; }

# --no-rebuild: meson test has built everything, and a second ninja in the
# same build directory would race with it.
if meson install -C "$build_root" --no-rebuild --quiet --destdir "$dest" >"$tmp/log" 2>&1; then
  ok "meson install --destdir"
else
  comment "$tmp/log"
  not_ok "meson install --destdir"
  echo "1..$n"
  exit 1
fi

if update-mime-database "$data/mime" >"$tmp/log" 2>&1 && [ -s "$data/mime/mime.cache" ]; then
  ok "update-mime-database builds the installed MIME cache"
else
  comment "$tmp/log"
  not_ok "update-mime-database builds the installed MIME cache"
fi
if update-desktop-database "$data/applications" >"$tmp/log" 2>&1 \
   && grep -q "^application/x-corroborate-project=.*$app_id.desktop" \
        "$data/applications/mimeinfo.cache"; then
  ok "update-desktop-database maps the project type to $app_id.desktop"
else
  comment "$tmp/log"
  not_ok "update-desktop-database maps the project type to $app_id.desktop"
fi

# GIO as a file manager uses it: only the installed tree and the system's
# base types (for the SQLite parent type), no user choices, and the
# installed programs first in PATH (GIO skips entries whose Exec it cannot
# find).
mkdir -p "$tmp/home/data" "$tmp/home/config"
gio_env () {
  env XDG_DATA_DIRS="$data:/usr/share" XDG_DATA_HOME="$tmp/home/data" \
      XDG_CONFIG_HOME="$tmp/home/config" XDG_CONFIG_DIRS="$tmp/home/config" \
      HOME="$tmp/home" PATH="$dest$bindir:$PATH" "$@"
}
gio_env gio mime application/x-corroborate-project >"$tmp/mime" 2>&1
default=$(sed -n 's/^Default application for .*: *//p' "$tmp/mime")
if [ "$default" = "$app_id.desktop" ]; then
  ok "the default application for application/x-corroborate-project is $app_id.desktop"
else
  comment "$tmp/mime"
  not_ok "the default application for application/x-corroborate-project is $app_id.desktop (got '$default')"
fi

# A project as a colleague would send it: recognised by name, and by its
# header when renamed, so a double-click on either starts Corroborate.
cli="$dest$bindir/corroborate-cli"
if [ -x "$cli" ] && "$cli" new "$tmp/sent.corroborate" >"$tmp/log" 2>&1; then
  cp "$tmp/sent.corroborate" "$tmp/sent-renamed"
  for file in sent.corroborate sent-renamed; do
    type=$(gio_env gio info -a standard::content-type "$tmp/$file" 2>&1 |
           sed -n 's/^ *standard::content-type: *//p')
    if [ "$type" = application/x-corroborate-project ]; then
      ok "$file is a Corroborate project to the desktop"
    else
      not_ok "$file is a Corroborate project to the desktop (got '$type')"
    fi
  done
else
  comment "$tmp/log"
  not_ok "the installed corroborate-cli makes a project to open"
fi

# The installed programs, each where it belongs, report this version.
for program in "$bindir/corroborate-cli" "$libexecdir/corroborate-extract" "$bindir/corroborate"; do
  name=$(basename "$program")
  if [ "$name" = corroborate ] && [ "$have_app" != true ]; then
    skip "installed $name --version" "this build has no application (-Dapp=false)"
    continue
  fi
  out=$(env GSETTINGS_BACKEND=memory "$dest$program" --version 2>&1)
  if [ "$out" = "$name $version" ]; then
    ok "installed $program --version prints '$name $version'"
  else
    echo "# $out"
    not_ok "installed $program --version prints '$name $version'"
  fi
done

echo "1..$n"
[ $failed -eq 0 ]
