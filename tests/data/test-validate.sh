#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one desktop-integration validator on a built file and fails on any
# finding it prints, not only on errors: Flathub rejects warnings too.
#   test-validate.sh desktop FILE.desktop
#   test-validate.sh metainfo FILE.metainfo.xml
#   test-validate.sh schema DIRECTORY
# Exit status 77 (skip) when the validator is not installed.
set -u

kind=$1
target=$2

need ()
{
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "SKIP: $1 is not installed (see build-aux/install-deps)"
    exit 77
  fi
}

case "$kind" in
  desktop)
    need desktop-file-validate
    # It exits 0 on warnings and hints, so its output is the verdict.
    output=$(desktop-file-validate "$target" 2>&1)
    status=$?
    ;;
  metainfo)
    need appstreamcli
    # --strict fails on anything above pedantic, infos included.
    output=$(appstreamcli validate --no-net --strict --explain "$target" 2>&1)
    status=$?
    if [ $status -ne 0 ]; then
      # AppStream before 1.0 (Debian 12 has 0.16) does not know <developer>,
      # which Flathub requires: that one info is expected there and nothing
      # else is tolerated.
      version=$(appstreamcli --version | sed -n 's/^AppStream version: *//p')
      findings=$(printf '%s\n' "$output" | grep -E '^[EWIP]: ' |
                 grep -vE '^P: ')
      case "$version" in
        0.*)
          unexpected=$(printf '%s\n' "$findings" |
                       grep -vE '^I: [^ ]+: unknown-tag developer$' | grep -v '^$')
          if [ -z "$unexpected" ] && printf '%s\n' "$output" | grep -q 'Validation failed: infos: 1'; then
            status=0
          fi
          ;;
      esac
    fi
    printf '%s\n' "$output"
    exit $status
    ;;
  schema)
    need glib-compile-schemas
    output=$(glib-compile-schemas --strict --dry-run "$target" 2>&1)
    status=$?
    ;;
  *)
    echo "unknown kind: $kind" >&2
    exit 2
    ;;
esac

printf '%s\n' "$output"
if [ $status -ne 0 ] || [ -n "$output" ]; then
  exit 1
fi
exit 0
