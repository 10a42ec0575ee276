/* crb-app-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "crb-app-test.h"
#include "crb-test-project.h"

gboolean
crb_app_test_init (int *argc, char ***argv)
{
  g_autofree char *home = NULL;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS too, and with
   * them the icon theme and the MIME database the widgets need.  The
   * user's own folders are replaced by fresh ones instead. */
  home = g_dir_make_tmp ("crb-app-test-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const variables[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                                 "XDG_CACHE_HOME" };
      g_autofree char *folder = g_build_filename (home, variables[i], NULL);

      g_mkdir_with_parents (folder, 0700);
      g_setenv (variables[i], folder, TRUE);
    }
  g_test_init (argc, argv, NULL);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return FALSE;
  gtk_init ();
  adw_init ();
  /* Tests check the state that actions leave, not transitions; a flap's
   * reveal animation on a loaded machine (meson runs tests side by side)
   * can hand its content a width of INT_MIN (libadwaita 1.2), a warning
   * that fails the test. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return TRUE;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
crb_app_test_wait (CrbAppTestCondition condition, gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  /* A blocking iteration returns at least this often, so the deadline
   * is checked even when nothing else happens. */
  guint waker = g_timeout_add (20, wake, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (waker);
  return met;
}

static gboolean
idle_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
crb_app_test_flush (void)
{
  /* Twice: layout queued by the first round runs in the second. */
  for (guint i = 0; i < 2; i++)
    {
      gboolean done = FALSE;

      g_idle_add_full (G_PRIORITY_LOW, idle_done, &done, NULL);
      g_assert_true (crb_app_test_wait (is_true, &done));
    }
}

CrbApplication *
crb_app_test_new_app (void)
{
  /* One per process: a registered application exports its object path
   * on the bus for as long as the connection lives. */
  static CrbApplication *app;
  g_autoptr (GError) error = NULL;

  if (app == NULL)
    {
      app = crb_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  return g_object_ref (app);
}

char *
crb_app_test_sample_text (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "samples", name, NULL);
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

char *
crb_app_test_make_project (guint n_documents, GPtrArray **uuids)
{
  static const char * const names[][2] = {
    { "01-meridian-wire.txt", "Dam collapse floods Korvash valley" },
    { "03-ilmet-valley-gazette.txt", "Brezhki counts its dead" },
    { "02-national-courier.txt", "The National Courier on the dam collapse" },
  };
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);

  if (uuids)
    *uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < MIN (n_documents, G_N_ELEMENTS (names)); i++)
    {
      g_autofree char *text = crb_app_test_sample_text (names[i][0]);
      char *uuid = crb_test_add_document (project, names[i][1], text);

      if (uuids)
        g_ptr_array_add (*uuids, uuid);
      else
        g_free (uuid);
    }
  crb_project_close (project);
  return g_steal_pointer (&path);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
crb_app_test_destroy (GtkWidget *window, gpointer watched)
{
  gpointer pointer = watched;

  g_object_add_weak_pointer (G_OBJECT (watched), &pointer);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (crb_app_test_wait (is_null, &pointer));
}

static gboolean
has_project (gpointer data)
{
  return crb_window_has_project (data);
}

CrbWindow *
crb_app_test_open_window (CrbApplication *app, const char *path, int width, int height)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrbWindow *window = crb_window_new (app);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  crb_window_open_file (window, file);
  g_assert_true (crb_app_test_wait (has_project, window));
  return window;
}
