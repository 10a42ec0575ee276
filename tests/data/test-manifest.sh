#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks every Flatpak manifest in flatpak/: flatpak-builder parses it with
# no warning, every external source is pinned (sha256 for downloads, a commit
# for git), and the sandbox asks for nothing beyond display, network and
# GPU: files reach the application through the document portal.
#   test-manifest.sh FLATPAK-DIR
# TAP output; exit status 77 (skip) when flatpak-builder is missing.
set -u

flatpak_dir=$1

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "1..0 # SKIP flatpak-builder is not installed (see build-aux/install-deps)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
failed=0
for manifest in "$flatpak_dir"/*.json; do
  name=$(basename "$manifest")
  # Module files (flatpak/modules/) are checked through the manifests that
  # include them; --show-manifest resolves the includes.
  n=$((n + 1))
  # flatpak-builder leaves a .flatpak-builder/ state folder in the current
  # directory, so it runs on a copy, never in the source tree.
  rm -rf "$tmp/copy" && cp -R "$flatpak_dir" "$tmp/copy"
  if (cd "$tmp/copy" && flatpak-builder --show-manifest "$name") \
       >"$tmp/resolved.json" 2>"$tmp/stderr" && [ ! -s "$tmp/stderr" ]; then
    echo "ok $n - $name: flatpak-builder --show-manifest parses it without warnings"
  else
    echo "not ok $n - $name: flatpak-builder --show-manifest parses it without warnings"
    sed 's/^/# /' "$tmp/stderr"
    failed=$((failed + 1))
    continue
  fi

  python3 - "$tmp/resolved.json" "$name" "$n" >"$tmp/tap" <<'PY'
import json, re, sys

manifest = json.load(open(sys.argv[1]))
name = sys.argv[2]
number = int(sys.argv[3])
failures = 0

def report(description, problems):
    global number, failures
    number += 1
    if problems:
        failures += 1
        print(f"not ok {number} - {name}: {description}")
        for problem in problems:
            print(f"# {problem}")
    else:
        print(f"ok {number} - {name}: {description}")

def modules(module_list):
    for module in module_list:
        yield module
        yield from modules(module.get("modules", []))

# Sources inside this repository need no pin; everything fetched does.
unpinned = []
for module in modules(manifest.get("modules", [])):
    for source in module.get("sources", []):
        kind = source.get("type")
        where = f"module {module.get('name')}, {kind} source"
        if kind in ("dir", "script", "inline") or (kind in ("file", "patch") and "path" in source):
            if kind == "dir" and source.get("path", "").startswith("/"):
                unpinned.append(f"{where}: absolute path {source['path']}")
            continue
        if kind == "git":
            if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
                unpinned.append(f"{where}: no full commit hash")
            continue
        if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            unpinned.append(f"{where} {source.get('url')}: no sha256")
        if not source.get("url", "").startswith("https://"):
            unpinned.append(f"{where}: not an https URL")
report("every external source is pinned by sha256 or commit", unpinned)

# Permissions: Flathub's linter rejects the first group, and the design
# (DESIGN.md §4, ecosystem.md §1) rules out the rest.
forbidden = [
    (r"--filesystem=.*", "file system access (files come through portals)"),
    (r"--socket=(session-bus|system-bus)", "unfiltered D-Bus"),
    (r"--socket=x11", "X11 without fallback (use --socket=fallback-x11)"),
    (r"--device=(all|input|shm)", "broad device access"),
    (r"--talk-name=org\.freedesktop\.Flatpak", "sandbox escape"),
    (r"--talk-name=ca\.desrt\.dconf", "dconf (settings use the keyfile backend)"),
    (r"--talk-name=.*\*", "wildcard bus names"),
]
finish_args = manifest.get("finish-args", [])
problems = []
for arg in finish_args:
    for pattern, why in forbidden:
        if re.fullmatch(pattern, arg):
            problems.append(f"{arg}: {why}")
for module in modules(manifest.get("modules", [])):
    for arg in module.get("build-options", {}).get("build-args", []):
        if arg.startswith("--share=network"):
            problems.append(f"module {module.get('name')}: network during the build")
for arg in manifest.get("build-options", {}).get("build-args", []):
    if arg.startswith("--share=network"):
        problems.append("network during the build")
report("no forbidden permission is requested", problems)

expected = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri", "--share=network"}
extra = sorted(set(finish_args) - expected)
missing = sorted(expected - set(finish_args))
report("finish-args are exactly display, GPU and network",
       [f"unexpected {a}" for a in extra] + [f"missing {a}" for a in missing])

problems = []
app_id = manifest.get("id") or manifest.get("app-id", "")
if not name == app_id + ".json":
    problems.append(f"file name does not match the id {app_id}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("not on the GNOME runtime")
if manifest.get("command") != "corroborate":
    problems.append("command is not corroborate")
names = [m.get("name") for m in manifest.get("modules", [])]
if not names or names[-1] != "corroborate":
    problems.append("corroborate is not the last module")
for needed in ("sqlite", "poppler", "gumbo-parser"):
    if needed not in names:
        problems.append(f"no {needed} module")
report("id, runtime, command and modules", problems)

print(f"#count {number} {failures}")
PY
  grep -v '^#count' "$tmp/tap"
  set -- $(sed -n 's/^#count //p' "$tmp/tap")
  n=${1:-$n}
  failed=$((failed + ${2:-1}))
done

if [ $n -eq 0 ]; then
  echo "not ok 1 - no manifest found in $flatpak_dir"
  n=1
  failed=1
fi
echo "1..$n"
[ $failed -eq 0 ]
