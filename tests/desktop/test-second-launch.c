/* test-second-launch.c: a second launch with a file opens it in the running
 * instance
 *
 * This process is the running instance (the real CrbApplication, unique, on
 * a private D-Bus session of its own); the second launch is the built
 * `corroborate` program, started as a file manager would on double-click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "crb-app-test.h"
#include "crb-window.h"

static GTestDBus *bus;

/* The window of `app` that shows the project at `path`, or NULL. */
static CrbWindow *
window_showing (CrbApplication *app, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CRB_IS_WINDOW (l->data) && crb_window_has_project (l->data) &&
        g_strcmp0 (crb_project_get_path (crb_window_get_project (l->data)), path) == 0)
      return l->data;
  return NULL;
}

typedef struct
{
  CrbApplication *app;
  const char     *path;
} Showing;

static gboolean
shows (gpointer data)
{
  Showing *showing = data;

  return window_showing (showing->app, showing->path) != NULL;
}

static void
launched (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, error);
  /* Marks the wait as over, with or without an error. */
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static gboolean
error_set (gpointer data)
{
  return *(GError **) data != NULL;
}

/* Runs the built program as a second instance and serves its request. */
static void
launch_again (const char *argument)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) outcome = NULL;
  g_autoptr (GSubprocess) second = NULL;

  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, CORROBORATE_PROGRAM, argument, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (second, NULL, launched, &outcome);
  /* The second instance hands its file over and waits for the answer,
   * which this main loop gives. */
  if (!crb_app_test_wait (error_set, &outcome))
    {
      g_subprocess_force_exit (second);
      g_error ("The second launch did not hand its file over to this instance");
    }
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
test_second_launch_opens_in_first (void)
{
  g_autoptr (CrbApplication) app = crb_application_new ();
  g_autofree char *first = crb_app_test_make_project (1, NULL);
  g_autofree char *second = crb_app_test_make_project (1, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (first);
  g_autoptr (GError) error = NULL;
  Showing showing = { app, first };
  GList  *windows;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  /* The first launch, with a project. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (crb_app_test_wait (shows, &showing));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* The second, with another: a second window of this instance. */
  launch_again (second);
  showing.path = second;
  g_assert_true (crb_app_test_wait (shows, &showing));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  g_assert_true (window_showing (app, first) != window_showing (app, second));

  /* The same file again only brings its window forward. */
  launch_again (first);
  crb_app_test_flush ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))))
    crb_app_test_destroy (windows->data, windows->data);
}

int
main (int argc, char *argv[])
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int              status;

  /* A bus of its own, before GTK connects to any: a Corroborate the
   * developer is running must not receive the test's files, nor answer in
   * this process's place. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY (against D-Bus autolaunch); the windows and
   * the second launch need it. */
  if (display)
    g_setenv ("DISPLAY", display, TRUE);

  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      status = 0;
    }
  else if (!g_file_test (CORROBORATE_PROGRAM, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("1..0 # SKIP %s was not built\n", CORROBORATE_PROGRAM);
      status = 77;
    }
  else
    {
      g_test_add_func ("/crb/desktop/second-launch/opens-in-first",
                       test_second_launch_opens_in_first);
      status = g_test_run ();
    }

  /* Not g_test_dbus_down (), nor the last unref which calls it: GTK keeps
   * its connection to the bus until exit, and down () waits for it. */
  g_test_dbus_stop (bus);
  return status;
}
