#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build directory into a temporary DESTDIR and checks the tree:
# every file meson says it installs is there, the programs the build defines
# are executable in the right directories, and the desktop integration files
# are where desktops look for them and agree with each other.
#   test-install.sh BUILD-ROOT SOURCE-ROOT APPLICATION-ID PREFIX BINDIR \
#                   LIBEXECDIR DATADIR LOCALEDIR
# TAP output.
set -u

build_root=$1
source_root=$2
app_id=$3
prefix=$4
bindir=$5
libexecdir=$6
datadir=$7
localedir=$8

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
dest="$tmp/root"

n=0
failed=0
ok ()
{
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok ()
{
  n=$((n + 1))
  echo "not ok $n - $1"
  failed=$((failed + 1))
}
check_file ()
{
  if [ -f "$dest$2" ]; then ok "$1"; else not_ok "$1: $2 missing"; fi
}

# --no-rebuild: meson test has built everything already, and a second ninja
# in the same build directory would race with it.
if meson install -C "$build_root" --no-rebuild --quiet --destdir "$dest" \
     >"$tmp/install.log" 2>&1; then
  ok "meson install --destdir succeeds"
else
  sed 's/^/# /' "$tmp/install.log"
  not_ok "meson install --destdir succeeds"
  echo "1..$n"
  exit 1
fi

# Everything meson plans to install must have arrived.
meson introspect --installed "$build_root" >"$tmp/installed.json"
missing=$(python3 - "$tmp/installed.json" "$dest" <<'PY'
import json, os, sys
installed = json.load(open(sys.argv[1]))
missing = [dst for dst in sorted(set(installed.values()))
           if not os.path.lexists(sys.argv[2] + dst)]
print("\n".join(missing))
PY
)
if [ -z "$missing" ]; then
  ok "every file in meson's install plan is installed"
else
  printf '%s\n' "$missing" | sed 's/^/# missing: /'
  not_ok "every file in meson's install plan is installed"
fi

# The programs of DESIGN.md §1, each where it belongs, for every one of them
# that this build defines (a build with -Dapp=false has no 'corroborate').
meson introspect --targets "$build_root" >"$tmp/targets.json"
python3 - "$tmp/targets.json" <<'PY' >"$tmp/programs"
import json, sys
for target in json.load(open(sys.argv[1])):
    if target["type"] == "executable" and target.get("installed"):
        for path in target.get("install_filename") or []:
            print(target["name"], path)
PY
for program in corroborate:"$bindir" corroborate-cli:"$bindir" corroborate-extract:"$libexecdir"; do
  name=${program%%:*}
  want_dir=${program#*:}
  if grep -q "^$name " "$tmp/programs"; then
    if [ -x "$dest$want_dir/$name" ]; then
      ok "$name is installed as an executable in $want_dir"
    else
      not_ok "$name is installed as an executable in $want_dir"
    fi
  else
    echo "# $name is not defined by this build configuration"
  fi
done
while read -r name path; do
  if [ -x "$dest$path" ]; then
    ok "installed program $name is executable"
  else
    not_ok "installed program $name is executable ($path)"
  fi
done <"$tmp/programs"

# Desktop integration, at the paths desktops and Flatpak export use.
desktop="$datadir/applications/$app_id.desktop"
check_file "desktop entry" "$desktop"
check_file "D-Bus service for DBusActivatable" "$datadir/dbus-1/services/$app_id.service"
check_file "AppStream metainfo" "$datadir/metainfo/$app_id.metainfo.xml"
check_file "GSettings schema" "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
check_file "MIME definition" "$datadir/mime/packages/$app_id.xml"
check_file "application icon" "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check_file "symbolic icon" "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check_file "MIME type icon" "$datadir/icons/hicolor/scalable/mimetypes/$app_id-project.svg"

if [ -f "$dest$desktop" ]; then
  icon=$(sed -n 's/^Icon=//p' "$dest$desktop")
  if [ -f "$dest$datadir/icons/hicolor/scalable/apps/$icon.svg" ]; then
    ok "the desktop entry's Icon is installed"
  else
    not_ok "the desktop entry's Icon ($icon) is installed"
  fi
  exec_line=$(sed -n 's/^Exec=//p' "$dest$desktop")
  if [ "${exec_line%% *}" = corroborate ]; then
    ok "the desktop entry starts corroborate"
  else
    not_ok "the desktop entry starts corroborate (Exec=$exec_line)"
  fi
fi
service_exec=$(sed -n 's/^Exec=//p' "$dest$datadir/dbus-1/services/$app_id.service" 2>/dev/null)
if [ "${service_exec%% *}" = "$bindir/corroborate" ]; then
  ok "the D-Bus service starts $bindir/corroborate"
else
  not_ok "the D-Bus service starts $bindir/corroborate (Exec=$service_exec)"
fi
mime_icon=$(sed -n 's/.*<icon name="\([^"]*\)".*/\1/p' "$dest$datadir/mime/packages/$app_id.xml" 2>/dev/null)
if [ -n "$mime_icon" ] && [ -f "$dest$datadir/icons/hicolor/scalable/mimetypes/$mime_icon.svg" ]; then
  ok "the MIME type's icon is installed"
else
  not_ok "the MIME type's icon ($mime_icon) is installed"
fi

if command -v glib-compile-schemas >/dev/null 2>&1 &&
   glib-compile-schemas --strict --dry-run "$dest$datadir/glib-2.0/schemas" >"$tmp/schema.log" 2>&1; then
  ok "the installed schema compiles"
else
  sed 's/^/# /' "$tmp/schema.log" 2>/dev/null
  not_ok "the installed schema compiles"
fi

# Translations: one catalogue per language in po/LINGUAS.
for lang in $(grep -v '^#' "$source_root/po/LINGUAS"); do
  check_file "$lang translation" "$localedir/$lang/LC_MESSAGES/corroborate.mo"
done

# The sample project's documents, byte for byte.
samples_src="$source_root/data/samples"
samples_dst="$dest$datadir/corroborate/samples"
if diff -r "$samples_src" "$samples_dst" >"$tmp/samples.diff" 2>&1 &&
   [ -n "$(ls "$samples_dst")" ]; then
  ok "the sample documents are installed unchanged ($(ls "$samples_dst" | wc -l) files)"
else
  sed 's/^/# /' "$tmp/samples.diff"
  not_ok "the sample documents are installed unchanged"
fi

# Nothing may land outside the prefix.
outside=$(cd "$dest" && find . -type f | sed 's|^\.||' | grep -v "^$prefix/" | head -n 5)
if [ -z "$outside" ]; then
  ok "everything is installed under $prefix"
else
  printf '%s\n' "$outside" | sed 's/^/# outside: /'
  not_ok "everything is installed under $prefix"
fi

echo "1..$n"
[ $failed -eq 0 ]
