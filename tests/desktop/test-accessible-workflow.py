# SPDX-License-Identifier: GPL-3.0-or-later
"""test-accessible-workflow.py: the built application driven through AT-SPI

What a screen reader user's tools see and can do: create a project, import
a document, mark a passage as a claim with a note, quit, start again on the
same file and find the claim. Every step goes through the accessibility
tree (dogtail and pyatspi) and the keyboard; the pointer only puts keyboard
focus into a text field, as AT-SPI's GrabFocus is not implemented by GTK 4.8.
Along the way every control shown must have an accessible name.

Run by test-accessible-workflow.sh on a display and a D-Bus session of its
own:  test-accessible-workflow.py CORROBORATE
TAP output; exit status 77 when AT-SPI cannot start.
"""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

APP = sys.argv[1]
# Seconds any one step may take; a loaded CI machine is slow, a hung step
# still fails within a minute.
TIMEOUT = 45

PASSAGE = "Officials said 40 people were evacuated"
NOTE = "Figure from the county officials"
ANALYST = "Ada Lovelace"
DOCUMENT = (
    "River Rises in the Valley\n\n"
    "The river rose by two metres overnight after the storm.\n\n"
    + PASSAGE
    + " from the lower valley before dawn.\n"
)

step = 0


def comment(text):
    for line in str(text).splitlines():
        print("# " + line, flush=True)


def ok(description):
    global step
    step += 1
    print("ok %d - %s" % (step, description), flush=True)


class Failure(Exception):
    pass


def skip(why):
    print("1..0 # SKIP " + why, flush=True)
    sys.exit(77)


# AT-SPI itself: the accessibility bus comes from the session bus. Only its
# absence is a reason to skip; everything after it is the application's.
try:
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                      None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 20000, None)
except GLib.Error as error:
    skip("the accessibility bus does not start (at-spi2-core): " + error.message)

# dogtail refuses to load unless the desktop's accessibility setting is on;
# this process's settings are in memory (GSETTINGS_BACKEND=memory).
# dogtail talks on stdout, which is TAP's: its chatter goes to stderr.
with contextlib.redirect_stdout(sys.stderr):
    import dogtail.utils

    try:
        dogtail.utils.enableA11y()
    except Exception:  # no org.gnome.desktop.interface schema: checked below anyway
        dogtail.utils.checkForA11y = lambda: None
    from dogtail import rawinput, tree
    from dogtail.config import config

config.logDebugToFile = False
config.logDebugToStdOut = False
config.typingDelay = 0.04
config.defaultDelay = 0.05
config.actionDelay = 0.05

# Names GTK 4.8 gives a control that has none: its type or a child's.
UNNAMED = re.compile(r"^((Gtk|Adw|Crb)[A-Za-z]*)?$")
CONTROLS = {"push button", "toggle button", "check box", "radio button", "combo box",
            "entry", "text", "spin button", "slider", "link", "password text",
            "menu item", "switch"}


def wait_for(what, predicate, timeout=TIMEOUT):
    """Polls predicate until it returns something true; fails naming what."""
    end = time.monotonic() + timeout
    last = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except (GLib.Error, LookupError, RuntimeError) as error:
            # Objects come and go while the interface changes.
            last = error
        if time.monotonic() > end:
            raise Failure("%s (waited %d s%s)" % (what, timeout,
                                                  "; last error: %s" % last if last else ""))
        time.sleep(0.05)


def is_named(node, label):
    # GTK 4.8 names a button with a mnemonic "_Label Label".
    return node.name == label or node.name.endswith(" " + label)


def find(root, role, label, timeout=TIMEOUT):
    """The first descendant of root with the role (or one of the roles)."""
    roles = (role,) if isinstance(role, str) else role
    return wait_for(
        "a %s named “%s”" % (" or ".join(roles), label),
        lambda: root.findChild(lambda n: n.roleName in roles and is_named(n, label),
                               retry=False, requireResult=False),
        timeout)


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def extents(node):
    # Window coordinates: GTK 4.8 has no screen coordinates, and with no
    # window manager on this display every window sits at the origin.
    box = node.queryComponent().getExtents(Atspi.CoordType.WINDOW)
    return box.x, box.y, box.width, box.height


def click(node):
    x, y, width, height = extents(node)
    if width <= 0 or height <= 0:
        raise Failure("%s “%s” is not on screen" % (node.roleName, node.name))
    rawinput.click(x + min(width // 2, 40), y + min(height // 2, 12))


def focus(node, description):
    """Puts keyboard focus into a text field by clicking it."""
    click(node)
    wait_for(description + " takes keyboard focus", lambda: node.focused)


def type_text(node, text, description, timeout=TIMEOUT):
    rawinput.typeText(text)
    try:
        wait_for("%s shows what was typed (“%s”)" % (description, text),
                 lambda: text in text_of(node), timeout)
    except Failure as failure:
        try:
            holds = "“%s”" % text_of(node)
        except GLib.Error as error:
            holds = "nothing that can be read (%s)" % error.message
        raise Failure("%s; it holds %s" % (failure, holds))


def where(node):
    """The names of a node's named ancestors, to tell where it is."""
    names = []
    while node is not None and len(names) < 3:
        if node.name and not UNNAMED.match(node.name):
            names.append("%s “%s”" % (node.roleName, node.name))
        node = node.parent
    return " in ".join(names) or "the window"


def unnamed_controls(root):
    found = []

    def walk(node, depth):
        if depth > 60:
            return
        try:
            role = node.roleName
            if role in CONTROLS and UNNAMED.match(node.name or ""):
                found.append("%s “%s” in %s" % (role, node.name, where(node.parent)))
            children = list(node.children)
        except (GLib.Error, LookupError):
            return
        for child in children:
            walk(child, depth + 1)

    walk(root, 0)
    return found


class Corroborate:
    """One run of the built application, with a private home."""

    def __init__(self, home, arguments):
        self.log = open(os.path.join(home, "app-%d.log" % time.monotonic_ns()), "w+")
        env = dict(os.environ)
        for key, folder in (("HOME", ""), ("XDG_CONFIG_HOME", "config"),
                            ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                            ("XDG_STATE_HOME", "state")):
            env[key] = os.path.join(home, folder)
            os.makedirs(env[key], exist_ok=True)
        self.process = subprocess.Popen([APP] + arguments, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self.node = wait_for("Corroborate appears on the accessibility bus", self.find_self)
        self.window = wait_for("Corroborate shows a window",
                               lambda: self.node.findChild(lambda n: n.roleName == "frame",
                                                           recursive=False, retry=False,
                                                           requireResult=False))

    def find_self(self):
        if self.process.poll() is not None:
            raise Failure("Corroborate exited with status %d at start" % self.process.returncode)
        for application in tree.root.applications():
            if application.get_process_id() == self.process.pid:
                return application
        return None

    def dialog(self, title):
        return wait_for("the “%s” dialog opens" % title,
                        lambda: self.node.findChild(lambda n: n.name == title,
                                                    recursive=False, retry=False,
                                                    requireResult=False))

    def quit(self):
        rawinput.keyCombo("<Control>q")
        try:
            self.process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Failure("Corroborate did not quit on Ctrl+Q within %d s" % TIMEOUT)
        if self.process.returncode != 0:
            raise Failure("Corroborate exited with status %d" % self.process.returncode)

    def close(self):
        if self.log.closed:
            return ""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.seek(0)
        output = self.log.read()
        self.log.close()
        return output


def choose_path(app, title, accept, path):
    """Types a path into the GTK file chooser, as a keyboard user would.

    Paths start in the application's private home (~/): the chooser
    completes names as they are typed, and a shared folder such as /tmp
    can hold thousands of them."""
    dialog = app.dialog(title)
    # The pointer over the dialog gives it the keyboard on a display
    # without a window manager.
    x, y, width, height = extents(dialog)
    rawinput.absoluteMotion(x + width // 2, y + height // 2)
    rawinput.keyCombo("<Control>l")
    location = wait_for("the location field of “%s”" % title,
                        lambda: dialog.findChild(lambda n: n.roleName == "text" and n.focused,
                                                 retry=False, requireResult=False))
    rawinput.keyCombo("<Control>a")
    try:
        type_text(location, path, "the location field", timeout=5)
    except Failure as failure:
        # The field completes file names as they are typed, which can race
        # with fast typing: once more, slowly.
        comment(str(failure) + "; typing it again")
        config.typingDelay *= 3
        rawinput.keyCombo("<Control>a")
        type_text(location, path, "the location field")
        config.typingDelay /= 3
    comment("typed into %s “%s”: %s" % (location.roleName, location.name, text_of(location)))
    # The dialog's button, not Return: Return may go to the completion.
    find(dialog, "push button", accept).doActionNamed("click")
    # GTK 4.8 leaves a closed dialog in the tree: the caller waits for its
    # effect instead.


def run(home):
    project = os.path.join(home, "flood.corroborate")
    source = os.path.join(home, "river.txt")
    with open(source, "w", encoding="utf-8") as file:
        file.write(DOCUMENT)

    # Start, then create a project.
    app = Corroborate(home, [])
    runs.append(app)
    ok("Corroborate starts and is on the accessibility bus")
    find(app.window, "push button", "New Project").doActionNamed("click")
    choose_path(app, "New Project", "Create", "~/" + os.path.basename(project))
    wait_for("the project file is created", lambda: os.path.exists(project))
    wait_for("the window shows the new project",
             lambda: app.window.findChild(lambda n: n.roleName == "label"
                                          and n.name == "flood", retry=False,
                                          requireResult=False))
    ok("New Project creates %s through the file chooser" % os.path.basename(project))

    unnamed = unnamed_controls(app.window)
    if unnamed:
        raise Failure("controls without an accessible name:\n  " + "\n  ".join(unnamed))
    ok("every control of the workbench has an accessible name")

    # Import the document.
    find(app.window, "push button", "Import Files…").doActionNamed("click")
    choose_path(app, "Import Files", "Import", "~/" + os.path.basename(source))
    reader = find(app.window, "text", "Document text")
    wait_for("the reader shows the document chosen in Import Files…",
             lambda: PASSAGE in text_of(reader))
    ok("Import Files… brings in the document and the reader shows it")

    # Select the passage with the keyboard and mark it as a claim.
    focus(reader, "the reader")
    start = text_of(reader).index(PASSAGE)
    if not reader.queryText().setCaretOffset(start):
        raise Failure("the reader refuses to move its caret through AT-SPI")
    for _ in PASSAGE.split():
        rawinput.keyCombo("<Control><Shift>Right")

    def selection():
        text = reader.queryText()
        return tuple(text.getSelection(0)) if text.getNSelections() == 1 else None

    passage = (start, start + len(PASSAGE))
    try:
        # The key presses arrive one by one: wait for the last.
        wait_for("the passage is selected", lambda: selection() == passage, timeout=15)
    except Failure:
        raise Failure("Ctrl+Shift+Right selected %r, not the passage at %r"
                      % (selection(), passage))
    ok("the passage is selected from the keyboard")

    rawinput.keyCombo("<Control>1")
    # The first claim asks who the analyst is.
    analyst = find(app.node, ("text", "entry"), "Analyst name")
    focus(analyst, "the analyst name field")
    rawinput.keyCombo("<Control>a")
    type_text(analyst, ANALYST, "the analyst name field")
    find(app.node, "push button", "Continue").doActionNamed("click")
    ok("the first claim asks for the analyst’s name, typed in")

    quote = wait_for("the inspector shows the new claim",
                     lambda: app.window.findChild(lambda n: n.roleName == "label"
                                                  and PASSAGE in n.name, retry=False,
                                                  requireResult=False))
    comment("inspector quote: " + quote.name)
    ok("Ctrl+1 marks the passage as a claim")

    note = find(app.window, "text", "Note")
    focus(note, "the note field")
    type_text(note, NOTE, "the note field")
    ok("the note is typed into the inspector")

    unnamed = unnamed_controls(app.window)
    if unnamed:
        raise Failure("controls without an accessible name:\n  " + "\n  ".join(unnamed))
    ok("every control of the workbench with a claim open has an accessible name")

    app.quit()
    ok("Ctrl+Q quits")

    # Again, on the same file: find the claim.
    app = Corroborate(home, [project])
    runs.append(app)
    ok("Corroborate starts again on the project")
    search = find(app.window, "entry", "Search sources and notes")
    focus(search, "the search field")
    type_text(search, "county", "the search field")
    results = find(app.window, "list", "Search results")
    try:
        hit = wait_for("the search finds the claim by its note",
                       lambda: results.findChild(lambda n: n.roleName == "list item"
                                                 and "county" in n.name.lower(),
                                                 retry=False, requireResult=False))
    except Failure as failure:
        shown = [n.name for n in results.children]
        raise Failure("%s; the results list shows %s" % (failure, shown or "nothing"))
    comment("search result: " + hit.name)
    click(hit)
    note = find(app.window, "text", "Note")
    wait_for("the inspector shows the claim’s note", lambda: text_of(note) == NOTE)
    reader = find(app.window, "text", "Document text")
    wait_for("the reader shows the claim’s source", lambda: PASSAGE in text_of(reader))
    wait_for("the inspector quotes the passage",
             lambda: app.window.findChild(lambda n: n.roleName == "label"
                                          and PASSAGE in n.name, retry=False,
                                          requireResult=False))
    ok("after a restart the search finds the claim, and the inspector shows its note")
    app.quit()
    ok("Ctrl+Q quits again")


runs = []


def main():
    home = tempfile.mkdtemp(prefix="crb-a11y-")
    failure = None
    try:
        run(home)
    except Failure as error:
        failure = str(error)
    except Exception:  # a broken step, reported like a failed one
        comment(traceback.format_exc())
        failure = "the test itself failed"
    finally:
        outputs = [each.close() for each in runs]
        if failure:
            for number, output in enumerate(outputs):
                comment("Corroborate, run %d:\n%s" % (number + 1, output or "(no output)"))
        if not os.environ.get("CRB_TEST_KEEP"):
            shutil.rmtree(home, ignore_errors=True)
    if failure:
        print("not ok %d - %s" % (step + 1, failure), flush=True)
        print("1..%d" % (step + 1))
        return 1
    print("1..%d" % step)
    return 0


if __name__ == "__main__":
    sys.exit(main())
