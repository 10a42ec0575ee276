/* test-disk-full.c: a full disk during import surfaces an error and keeps
 * everything committed before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-project-private.h"
#include "crb-search.h"
#include "crb-test-project.h"

static void
set_max_pages (CrbProject *project, int extra)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int pages;

  g_assert_cmpint (sqlite3_prepare_v2 (_crb_project_get_db (project), "PRAGMA page_count", -1,
                                       &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages + extra);
  g_assert_cmpint (sqlite3_exec (_crb_project_get_db (project), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

static void
test_disk_full_during_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autoptr (GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) documents = NULL;
  guint i;

  /* Room for a few documents only, as on a nearly full disk. */
  set_max_pages (project, 40);
  for (i = 0; i < 1000; i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Bulletin %u", i);
      char *uuid;

      for (guint p = 0; p < 60; p++)
        g_string_append_printf (text, "Bulletin %u paragraph %u: water level %u cm.\n\n", i, p,
                                p * 17 + i);
      uuid = crb_test_try_add_document (project, title, text->str, &error);
      if (uuid == NULL)
        break;
      g_ptr_array_add (committed, uuid);
    }
  g_assert_cmpuint (i, <, 1000);
  g_assert_cmpuint (committed->len, >, 0);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DISK_FULL);
  g_test_message ("after %u documents: %s", committed->len, error->message);
  g_assert_nonnull (g_strstr_len (error->message, -1, "disk is full"));
  g_clear_error (&error);

  /* Everything committed before is whole, in the file and in the index. */
  g_clear_object (&project);
  project = crb_project_open (path, &error);
  g_assert_no_error (error);
  crb_assert_ok (crb_project_check (project, &error));
  documents = crb_project_list_documents (project, &error);
  g_assert_cmpuint (documents->len, ==, committed->len);
  for (guint k = 0; k < committed->len; k++)
    {
      g_autofree char *query = g_strdup_printf ("\"Bulletin %u paragraph 59\"", k);
      g_autoptr (GPtrArray) hits = crb_project_search (project, query, 5, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_assert_cmpstr (((CrbSearchHit *) hits->pdata[0])->document_uuid, ==,
                       g_ptr_array_index (committed, k));
    }

  /* With space again, work goes on. */
  {
    g_autofree char *uuid = crb_test_add_document (project, "After", "Space was freed.");
    g_assert_nonnull (uuid);
  }
}

static void
test_disk_full_on_edit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (NULL);
  g_autofree char *uuid = crb_test_add_document (project, "Report", "Short text.");
  g_autofree char *before = crb_test_dump (project);
  g_autofree char *after = NULL;
  g_autoptr (GString) huge = g_string_new (NULL);

  set_max_pages (project, 2);
  for (guint i = 0; i < 20000; i++)
    g_string_append (huge, "A very long note that does not fit. ");
  g_assert_false (crb_project_set_field (project, "document", uuid, "title", huge->str, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DISK_FULL);
  after = crb_test_dump (project);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crb/disk-full/import-keeps-what-was-committed", test_disk_full_during_import);
  g_test_add_func ("/crb/disk-full/edit-changes-nothing", test_disk_full_on_edit);
  return g_test_run ();
}
