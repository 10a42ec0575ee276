/* test-storage-banner.c: the window warns about where a project lives and
 * works through a private copy where the file cannot be locked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "crb-app-test.h"
#include "crb-storage-banner.h"
#include "crb-test-project.h"
#include "crb-window-private.h"

typedef struct
{
  CrbApplication *app;
  CrbWindow      *window;
} Fixture;

static gboolean
has_project (gpointer data)
{
  return crb_window_has_project (data);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_unsetenv ("CORROBORATE_TEST_NO_LOCK");
  fixture->app = crb_app_test_new_app ();
  fixture->window = crb_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window)
    crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  g_clear_object (&fixture->app);
  g_unsetenv ("CORROBORATE_TEST_NO_LOCK");
}

static void
open_in (CrbWindow *window, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  crb_window_open_file (window, file);
  g_assert_true (crb_app_test_wait (has_project, window));
  crb_app_test_flush ();
}

static const char *
banner_message (CrbWindow *window)
{
  return crb_storage_banner_get_message (window->storage_banner);
}

static int
count_documents (const char *path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int           count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM document", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
test_local_folder_is_quiet (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = crb_app_test_make_project (1, NULL);

  open_in (fixture->window, path);
  g_assert_null (fixture->window->working_copy);
  g_assert_null (banner_message (fixture->window));
}

static void
test_synced_folder_warns (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (g_get_home_dir (), "Dropbox", "inquiry", NULL);
  g_autofree char *path = g_build_filename (dir, "dam.corroborate", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = NULL;
  const char *message;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  project = crb_project_create (path, &error);
  g_assert_no_error (error);
  crb_project_close (project);

  open_in (fixture->window, path);
  message = banner_message (fixture->window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Dropbox synchronises"));
  g_assert_nonnull (strstr (message, "Save a Copy"));
  /* The remedy is one click away. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "save-copy"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window->storage_banner),
                              "storage-banner.dismiss", NULL);
  g_assert_null (banner_message (fixture->window));

  /* Closing the project clears the warning. */
  crb_window_set_project (fixture->window, NULL);
  g_assert_null (banner_message (fixture->window));
}

static gboolean
written_back (gpointer data)
{
  return !crb_working_copy_get_dirty (data);
}

static gboolean
failed_to_write_back (gpointer data)
{
  return crb_working_copy_get_error (data) != NULL;
}

static void
test_working_copy (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = crb_app_test_make_project (1, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto (GStrv) recent = NULL;
  g_autoptr (CrbWorkingCopy) copy = NULL;
  CrbWindow  *second;
  CrbProject *project;
  const char *message;

  g_setenv ("CORROBORATE_TEST_NO_LOCK", "1", TRUE);
  open_in (fixture->window, path);
  copy = g_object_ref (fixture->window->working_copy);
  g_assert_nonnull (copy);
  project = crb_window_get_project (fixture->window);
  g_assert_cmpstr (crb_project_get_path (project), !=, path);
  /* The analyst sees their file, not the private copy. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "test");
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpstr (recent[0], ==, uri);
  message = banner_message (fixture->window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "private copy"));

  /* Opening it again shows this window rather than a second copy. */
  second = crb_window_new (fixture->app);
  {
    g_autoptr (GFile) file = g_file_new_for_path (path);

    crb_window_open_file (second, file);
  }
  g_assert_false (crb_window_has_project (second));
  gtk_window_destroy (GTK_WINDOW (second));

  crb_working_copy_set_delay (copy, 10);
  {
    g_autofree char *uuid = crb_test_add_document (project, "Later", "A later account.");
  }
  g_assert_true (crb_app_test_wait (written_back, copy));
  g_assert_cmpint (count_documents (path), ==, 2);

  /* Someone else's program rewrites the file: the work is kept, the
   * analyst is told, and the file is left as they left it. */
  crb_test_exec_raw (path, "CREATE TABLE their_change (x); DROP TABLE their_change;");
  {
    g_autofree char *uuid = crb_test_add_document (project, "Mine", "My account.");
  }
  g_assert_true (crb_app_test_wait (failed_to_write_back, copy));
  message = banner_message (fixture->window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "changed by another program"));
  g_assert_cmpint (count_documents (path), ==, 2);

  crb_window_set_project (fixture->window, NULL);
  g_assert_null (fixture->window->working_copy);
  g_assert_true (g_file_test (crb_working_copy_get_path (copy), G_FILE_TEST_EXISTS));
}

static void
test_new_and_destroy (void)
{
  GtkWidget *banner = crb_storage_banner_new ();

  g_object_ref_sink (banner);
  g_assert_null (crb_storage_banner_get_message (CRB_STORAGE_BANNER (banner)));
  g_assert_finalize_object (banner);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("crb-desktop-home-XXXXXX", NULL);

  /* Before GLib reads it: the sync folders are looked for in the home. */
  g_setenv ("HOME", home, TRUE);
  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  g_test_add_func ("/crb/desktop/storage-banner/new-and-destroy", test_new_and_destroy);
  g_test_add ("/crb/desktop/storage-banner/local-folder-is-quiet", Fixture, NULL, fixture_set_up,
              test_local_folder_is_quiet, fixture_tear_down);
  g_test_add ("/crb/desktop/storage-banner/synced-folder-warns", Fixture, NULL, fixture_set_up,
              test_synced_folder_warns, fixture_tear_down);
  g_test_add ("/crb/desktop/storage-banner/working-copy", Fixture, NULL, fixture_set_up,
              test_working_copy, fixture_tear_down);
  return g_test_run ();
}
