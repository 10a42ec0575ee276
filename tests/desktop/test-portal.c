/* test-portal.c: a project handed over through the real document portal
 *
 * Inside Flatpak every file the analyst opens arrives as a path on the
 * document portal's FUSE file system.  This test starts the portal on a
 * private D-Bus session (xdg-document-portal mounts its file system under
 * the test's runtime folder), hands it a project the way the file chooser
 * and a double-click do, and works on it through Corroborate.  Skipped
 * where the portal or FUSE is not available.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "crb-storage.h"
#include "crb-test-project.h"
#include "crb-working-copy.h"

#define PORTAL_NAME "org.freedesktop.portal.Documents"
#define PORTAL_PATH "/org/freedesktop/portal/documents"

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

/* Hands `path` to the portal as the file chooser does; returns the path
 * the application then sees, or NULL when the portal cannot run here. */
static char *
hand_over (GDBusConnection *bus, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) mount = NULL;
  g_autoptr (GVariant) added = NULL;
  g_autoptr (GUnixFDList) fds = NULL;
  g_autofree char *base = g_path_get_basename (path);
  const char      *mount_point, *id;
  int              fd;

  /* The portal keeps its database and mounts its file system in this
   * test's private folders (GLib's test isolation knows them; the process
   * environment does not). */
  {
    const struct
    {
      const char *name;
      const char *value;
    } folders[] = {
      { "HOME", g_get_home_dir () },
      { "XDG_DATA_HOME", g_get_user_data_dir () },
      { "XDG_CONFIG_HOME", g_get_user_config_dir () },
      { "XDG_CACHE_HOME", g_get_user_cache_dir () },
      { "XDG_RUNTIME_DIR", g_get_user_runtime_dir () },
    };
    g_autoptr (GVariantBuilder) environment = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
    g_autoptr (GVariant) updated = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
      {
        g_mkdir_with_parents (folders[i].value, 0700);
        g_variant_builder_add (environment, "{ss}", folders[i].name, folders[i].value);
      }
    updated = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "UpdateActivationEnvironment",
                                           g_variant_new ("(a{ss})", environment), NULL,
                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
    g_assert_no_error (error);
  }
  mount = g_dbus_connection_call_sync (bus, PORTAL_NAME, PORTAL_PATH, PORTAL_NAME, "GetMountPoint",
                                       NULL, G_VARIANT_TYPE ("(ay)"), G_DBUS_CALL_FLAGS_NONE, 20000,
                                       NULL, &error);
  if (mount == NULL)
    {
      g_test_message ("no document portal: %s", error->message);
      return NULL;
    }
  g_variant_get (mount, "(^&ay)", &mount_point);

  fd = g_open (path, O_PATH | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  fds = g_unix_fd_list_new_from_array (&fd, 1);
  /* (fd index, reuse an existing entry, persistent) */
  added = g_dbus_connection_call_with_unix_fd_list_sync (
      bus, PORTAL_NAME, PORTAL_PATH, PORTAL_NAME, "Add", g_variant_new ("(hbb)", 0, TRUE, FALSE),
      G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, 20000, fds, NULL, NULL, &error);
  if (added == NULL)
    {
      g_test_message ("the portal refused the file: %s", error->message);
      return NULL;
    }
  g_variant_get (added, "(&s)", &id);
  return g_build_filename (mount_point, id, base, NULL);
}

static void
test_portal (void)
{
  g_autoptr (GTestDBus) session = NULL;
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *handed = NULL;
  g_autofree char *service = NULL;
  g_autofree char *uuid = NULL;

  {
    g_autoptr (CrbProject) made = crb_test_new_project (&original);
    g_autofree char *first = crb_test_add_document (made, "First", "The first account.");

    crb_project_close (made);
  }

  session = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (session, "/usr/share/dbus-1/services");
  g_test_dbus_up (session);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  handed = hand_over (bus, original);
  if (handed == NULL || !g_file_test (handed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the document portal cannot run here (needs xdg-desktop-portal and FUSE)");
      g_clear_object (&bus);
      g_test_dbus_down (session);
      return;
    }
  g_test_message ("handed over as %s", handed);

  /* Recognised for what it is, whatever folder it is mounted on. */
  g_assert_cmpint (crb_storage_classify (handed, &service), ==, CRB_STORAGE_PORTAL);
  g_assert_true (crb_working_copy_is_needed (handed));
  {
    g_autoptr (GError) in_place_error = NULL;
    g_autoptr (CrbProject) in_place = crb_project_open (handed, &in_place_error);

    /* xdg-desktop-portal before 1.18.2 (Debian 12 has 1.16) fails SQLite
     * here; either way the working copy is used. */
    g_test_message ("opened in place: %s", in_place ? "yes" : in_place_error->message);
    if (in_place)
      crb_project_close (in_place);
  }

  project = crb_project_open_with_fallback (handed, &copy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (g_str_has_prefix (crb_working_copy_get_path (copy), g_get_user_cache_dir ()));

  crb_working_copy_set_delay (copy, 3600 * 1000);
  uuid = crb_test_add_document (project, "Second", "An account added in the portal's file.");
  crb_assert_ok (crb_working_copy_write_back (copy, &error));
  /* The file the analyst chose holds the work, through the portal. */
  g_assert_cmpint (count_documents (original), ==, 2);

  crb_assert_ok (crb_working_copy_close (copy, &error));
  g_assert_false (g_file_test (crb_working_copy_get_path (copy), G_FILE_TEST_EXISTS));
  {
    g_autoptr (CrbProject) reopened = crb_project_open (original, &error);

    g_assert_no_error (error);
    crb_assert_ok (crb_project_check (reopened, &error));
  }

  g_clear_object (&project);
  g_clear_object (&copy);
  g_clear_object (&bus);
  g_test_dbus_down (session);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crb/desktop/portal/working-copy", test_portal);
  return g_test_run ();
}
