#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs test-accessible-workflow.py on a display and a D-Bus session of its
# own: the accessibility bus (at-spi-bus-launcher, D-Bus activated) and the
# registry that synthesises key presses must see this display, and no other
# test's window may sit under the pointer and take the keystrokes.
#   test-accessible-workflow.sh SCRIPT CORROBORATE CORROBORATE-CLI
# TAP output. Exit status 77 (skip) only when a tool that
# build-aux/install-deps installs is missing or AT-SPI cannot start.
set -u

script=$1
shift

skip () {
  echo "1..0 # SKIP $1"
  exit 77
}

# The distribution's Python: dogtail and pyatspi are Debian packages
# (python3-dogtail), which another python3 first in PATH would not see.
python=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1 \
     && "$candidate" -c 'import dogtail, pyatspi' >/dev/null 2>&1; then
    python=$candidate
    break
  fi
done
[ -n "$python" ] || skip "no python3 with dogtail and pyatspi (python3-dogtail, see build-aux/install-deps)"
command -v dbus-run-session >/dev/null 2>&1 || skip "dbus-run-session is not installed (dbus)"
[ -x /usr/libexec/at-spi-bus-launcher ] || command -v at-spi-bus-launcher >/dev/null 2>&1 \
  || skip "at-spi-bus-launcher is not installed (at-spi2-core)"

# The application talks to the accessibility bus (the suite's environment
# turns it off for in-process tests).
unset NO_AT_BRIDGE
export GTK_A11Y=atspi
# GTK 4.8's own accessibility code warns in ways the application cannot
# avoid; criticals still abort.
export G_DEBUG=fatal-criticals

# Only the script's TAP goes to standard output (kept as fd 3): services the
# session bus starts (the AT-SPI registry says it is running) write theirs
# to standard error.
exec 3>&1
if command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' sh "$python" "$script" "$@" >&2
fi
[ -n "${DISPLAY:-}" ] || skip "no display and no xvfb-run (xvfb, see build-aux/install-deps)"
exec dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' sh "$python" "$script" "$@" >&2
