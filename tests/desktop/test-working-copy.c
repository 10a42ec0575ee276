/* test-working-copy.c: projects on file systems that cannot lock them
 *
 * CORROBORATE_TEST_NO_LOCK=1 stands in for the document portal or an NFS
 * mount without a lock daemon; everything else is the real code on real
 * files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/fs.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "crb-test-project.h"
#include "crb-working-copy.h"

/* Documents in a project file, read as another program would. */
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

/* A closed project with one document, in a fresh folder. */
static char *
make_original (void)
{
  char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autofree char *uuid = crb_test_add_document (project, "First", "The first account.");

  crb_project_close (project);
  return path;
}

static CrbProject *
open_through_copy (const char *path, CrbWorkingCopy **working_copy)
{
  g_autoptr (GError) error = NULL;
  CrbProject *project = crb_project_open_with_fallback (path, working_copy, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_nonnull (*working_copy);
  return project;
}

/* Iterates the main context until `copy` is clean, with a bound. */
static void
wait_until_written (CrbWorkingCopy *copy)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (crb_working_copy_get_dirty (copy) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (crb_working_copy_get_dirty (copy));
}

static void
test_needed (void)
{
  g_autofree char *path = make_original ();

  g_unsetenv ("CORROBORATE_TEST_NO_LOCK");
  g_assert_false (crb_working_copy_is_needed (path));
  g_setenv ("CORROBORATE_TEST_NO_LOCK", "1", TRUE);
  g_assert_true (crb_working_copy_is_needed (path));
}

static void
test_local_opens_in_place (void)
{
  g_autofree char *path = make_original ();
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;

  g_unsetenv ("CORROBORATE_TEST_NO_LOCK");
  project = crb_project_open_with_fallback (path, &copy, &error);
  g_assert_no_error (error);
  g_assert_null (copy);
  g_assert_cmpstr (crb_project_get_path (project), ==, path);
}

static void
test_writes_back (void)
{
  g_autofree char *path = make_original ();
  g_autofree char *before = crb_test_file_digest (path);
  g_autofree char *after = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *copy_base = NULL;
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbProject) reopened = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (GError) error = NULL;

  project = open_through_copy (path, &copy);
  copy_path = g_strdup (crb_working_copy_get_path (copy));
  copy_base = g_path_get_basename (copy_path);
  /* The copy is private, but named like the original (window titles). */
  g_assert_cmpstr (crb_project_get_path (project), ==, copy_path);
  g_assert_true (g_str_has_prefix (copy_path, g_get_user_cache_dir ()));
  g_assert_cmpstr (copy_base, ==, base);
  g_assert_cmpstr (crb_working_copy_get_original_path (copy), ==, path);
  g_assert_false (crb_working_copy_get_dirty (copy));

  /* A long delay: this test writes back by hand. */
  crb_working_copy_set_delay (copy, 3600 * 1000);
  uuid = crb_test_add_document (project, "Second", "The second account, copied.");
  g_assert_true (crb_working_copy_get_dirty (copy));
  after = crb_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_documents (path), ==, 1);

  /* A private file stays private when it is replaced. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  crb_assert_ok (crb_working_copy_write_back (copy, &error));
  g_assert_false (crb_working_copy_get_dirty (copy));
  g_assert_null (crb_working_copy_get_error (copy));
  g_assert_cmpint (count_documents (path), ==, 2);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  /* Nothing left beside the original. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)))
      g_assert_cmpstr (name, ==, base);
  }

  crb_assert_ok (crb_working_copy_close (copy, &error));
  g_assert_true (crb_project_is_closed (project));
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));

  g_unsetenv ("CORROBORATE_TEST_NO_LOCK");
  reopened = crb_project_open (path, &error);
  g_assert_no_error (error);
  crb_assert_ok (crb_project_check (reopened, &error));
}

static void
test_debounced (void)
{
  g_autofree char *path = make_original ();
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbProject) project = open_through_copy (path, &copy);
  g_autoptr (GError) error = NULL;

  crb_working_copy_set_delay (copy, 10);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Burst %d", i);
      g_autofree char *uuid = crb_test_add_document (project, title, title);
    }
  g_assert_true (crb_working_copy_get_dirty (copy));
  wait_until_written (copy);
  g_assert_cmpint (count_documents (path), ==, 4);

  /* And again, after the first write-back. */
  {
    g_autofree char *uuid = crb_test_add_document (project, "Later", "A later account.");
  }
  wait_until_written (copy);
  g_assert_cmpint (count_documents (path), ==, 5);
  crb_assert_ok (crb_working_copy_close (copy, &error));
}

static void
test_refuses_changed_original (void)
{
  g_autofree char *path = make_original ();
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbProject) project = open_through_copy (path, &copy);
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (GError) error = NULL;

  crb_working_copy_set_delay (copy, 3600 * 1000);
  /* A colleague's sync client replaces the file meanwhile. */
  crb_test_exec_raw (path, "CREATE TABLE their_change (x); DROP TABLE their_change;");
  theirs = crb_test_file_digest (path);

  uuid = crb_test_add_document (project, "Mine", "My account.");
  g_assert_false (crb_working_copy_write_back (copy, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Save a Copy"));
  g_assert_true (crb_working_copy_get_dirty (copy));
  g_assert_error ((GError *) crb_working_copy_get_error (copy), CRB_PROJECT_ERROR,
                  CRB_PROJECT_ERROR_CONFLICT);
  now = crb_test_file_digest (path);
  g_assert_cmpstr (now, ==, theirs);

  /* Closing keeps the work in the copy. */
  g_clear_error (&error);
  g_assert_false (crb_working_copy_close (copy, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_CONFLICT);
  g_assert_true (g_file_test (crb_working_copy_get_path (copy), G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_documents (crb_working_copy_get_path (copy)), ==, 2);
}

static void
test_recovers_unwritten_work (void)
{
  g_autofree char *path = make_original ();
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbWorkingCopy) second = NULL;
  g_autoptr (CrbProject) project = open_through_copy (path, &copy);
  g_autoptr (CrbProject) again = NULL;
  g_autoptr (GError) error = NULL;

  crb_working_copy_set_delay (copy, 3600 * 1000);
  {
    g_autofree char *uuid = crb_test_add_document (project, "Unsaved", "Never written back.");
  }
  /* The session ends without writing back (a crash, a killed sandbox). */
  crb_project_close (project);
  g_clear_object (&project);
  g_clear_object (&copy);
  g_assert_cmpint (count_documents (path), ==, 1);

  again = open_through_copy (path, &second);
  g_assert_false (crb_working_copy_get_dirty (second));
  g_assert_null (crb_working_copy_get_error (second));
  g_assert_null (crb_working_copy_get_set_aside_path (second));
  g_assert_cmpint (count_documents (path), ==, 2);
  crb_assert_ok (crb_working_copy_close (second, &error));
}

static void
test_sets_aside_when_original_changed (void)
{
  g_autofree char *path = make_original ();
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbWorkingCopy) second = NULL;
  g_autoptr (CrbProject) project = open_through_copy (path, &copy);
  g_autoptr (CrbProject) again = NULL;
  g_autoptr (GError) error = NULL;
  const char *aside;

  crb_working_copy_set_delay (copy, 3600 * 1000);
  {
    g_autofree char *uuid = crb_test_add_document (project, "Unsaved", "Never written back.");
  }
  crb_project_close (project);
  g_clear_object (&project);
  g_clear_object (&copy);
  crb_test_exec_raw (path, "CREATE TABLE their_change (x); DROP TABLE their_change;");

  again = open_through_copy (path, &second);
  aside = crb_working_copy_get_set_aside_path (second);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, g_get_user_data_dir ()));
  g_assert_nonnull (strstr (aside, "not written back"));
  g_assert_cmpint (count_documents (aside), ==, 2);
  /* The copy now is the original as it is. */
  g_assert_cmpint (count_documents (path), ==, 1);
  g_assert_cmpint (count_documents (crb_working_copy_get_path (second)), ==, 1);
  crb_assert_ok (crb_working_copy_close (second, &error));
}

static void
test_already_open (void)
{
  g_autofree char *path = make_original ();
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbWorkingCopy) second = NULL;
  g_autoptr (CrbProject) project = open_through_copy (path, &copy);
  g_autoptr (CrbProject) other = NULL;
  g_autoptr (GError) error = NULL;

  other = crb_project_open_with_fallback (path, &second, &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_ALREADY_OPEN);
  g_assert_null (other);
  g_assert_null (second);
  g_clear_error (&error);
  /* The first is untouched by the attempt. */
  crb_assert_ok (crb_project_check (project, &error));
  crb_assert_ok (crb_working_copy_close (copy, &error));
}

static void
test_refused_file (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.corroborate", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.corroborate", NULL);
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "just some notes\n", -1, NULL));
  project = crb_project_open_with_fallback (path, &copy, &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FOREIGN);
  g_assert_null (project);
  g_assert_null (copy);
  g_clear_error (&error);

  project = crb_project_open_with_fallback (missing, &copy, &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (project);
}

/* Makes `dir` refuse new files while its files stay writable: permissions
 * for a normal user, the immutable flag for root. */
static gboolean
close_folder (const char *dir, gboolean close_it)
{
  g_autofree char *probe = g_build_filename (dir, "probe-XXXXXX", NULL);
  int              fd, flags = 0;
  gboolean         ok;

  g_chmod (dir, close_it ? 0555 : 0755);
  fd = g_open (dir, O_RDONLY | O_DIRECTORY, 0);
  if (fd >= 0 && ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0)
    {
      flags = close_it ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL;
      ioctl (fd, FS_IOC_SETFLAGS, &flags);
    }
  if (fd >= 0)
    close (fd);
  if (!close_it)
    return TRUE;
  fd = g_mkstemp (probe);
  ok = fd < 0;
  if (fd >= 0)
    {
      close (fd);
      g_unlink (probe);
    }
  return ok;
}

static void
test_writes_in_place_in_closed_folder (void)
{
  g_autofree char *path = make_original ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (CrbWorkingCopy) copy = NULL;
  g_autoptr (CrbProject) project = open_through_copy (path, &copy);
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  gboolean         closed;

  crb_working_copy_set_delay (copy, 3600 * 1000);
  closed = close_folder (dir, TRUE);
  if (!closed)
    {
      close_folder (dir, FALSE);
      crb_working_copy_close (copy, NULL);
      g_test_skip ("cannot make a folder refuse new files here");
      return;
    }
  uuid = crb_test_add_document (project, "In place", "Written into the original.");
  crb_assert_ok (crb_working_copy_write_back (copy, &error));
  close_folder (dir, FALSE);
  g_assert_cmpint (count_documents (path), ==, 2);
  crb_assert_ok (crb_working_copy_close (copy, &error));

  g_unsetenv ("CORROBORATE_TEST_NO_LOCK");
  {
    g_autoptr (CrbProject) reopened = crb_project_open (path, &error);

    g_assert_no_error (error);
    crb_assert_ok (crb_project_check (reopened, &error));
  }
}

static void
test_new_and_destroy (void)
{
  g_autofree char *path = make_original ();
  CrbWorkingCopy  *copy = NULL;
  CrbProject      *project = open_through_copy (path, &copy);
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_working_copy_close (copy, &error));
  g_object_unref (project);
  g_assert_finalize_object (copy);
}

/* Every test works through the copy unless it says otherwise. */
static void
run (gconstpointer data)
{
  GTestFunc func = (GTestFunc) data;

  g_setenv ("CORROBORATE_TEST_NO_LOCK", "1", TRUE);
  func ();
}

static void
add (const char *name, GTestFunc func)
{
  g_autofree char *full = g_strconcat ("/crb/working-copy/", name, NULL);

  g_test_add_data_func (full, (gconstpointer) func, run);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add ("needed", test_needed);
  add ("local-opens-in-place", test_local_opens_in_place);
  add ("writes-back", test_writes_back);
  add ("debounced", test_debounced);
  add ("refuses-changed-original", test_refuses_changed_original);
  add ("recovers-unwritten-work", test_recovers_unwritten_work);
  add ("sets-aside-when-original-changed", test_sets_aside_when_original_changed);
  add ("already-open", test_already_open);
  add ("refused-file", test_refused_file);
  add ("writes-in-place-in-closed-folder", test_writes_in_place_in_closed_folder);
  add ("new-and-destroy", test_new_and_destroy);
  return g_test_run ();
}
