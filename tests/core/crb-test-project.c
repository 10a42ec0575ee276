/* crb-test-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "crb-edit-private.h"
#include "crb-fts-private.h"
#include "crb-import-private.h"
#include "crb-schema.h"
#include "crb-test-project.h"

char *
crb_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("crb-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

CrbProject *
crb_test_new_project (char **path_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.corroborate", NULL);
  CrbProject *project = crb_project_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return project;
}

char *
crb_test_try_add_document (CrbProject *project, const char *title, const char *text,
                           GError **error)
{
  g_autoptr (CrbImportJob) job = g_new0 (CrbImportJob, 1);
  g_autoptr (CrbImportOutcome) outcome = g_new0 (CrbImportOutcome, 1);

  job->source = g_strdup (title);
  job->name = g_strdup_printf ("%s.txt", title);
  job->origin = g_strdup_printf ("/test/%s.txt", title);
  job->original = g_bytes_new (text, strlen (text));
  job->original_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  job->result = crb_extract_result_new ();
  g_string_assign (job->result->text, text);
  job->result->kind = g_strdup ("text");
  job->result->title = g_strdup (title);

  if (!_crb_project_begin_action (project, "Import document", error))
    return NULL;
  if (!_crb_import_store_job (project, job, TRUE, outcome, error))
    {
      _crb_project_rollback_action (project);
      return NULL;
    }
  if (!_crb_project_commit_action (project, error))
    return NULL;
  return g_steal_pointer (&outcome->document_uuid);
}

char *
crb_test_add_document (CrbProject *project, const char *title, const char *text)
{
  g_autoptr (GError) error = NULL;
  char *uuid = crb_test_try_add_document (project, title, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

char *
crb_test_file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
crb_test_exec_raw (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s", message);
  sqlite3_close (db);
}

char *
crb_test_dump (CrbProject *project)
{
  const char * const *tables = crb_schema_record_tables ();
  g_autoptr (GString) dump = g_string_new (NULL);
  sqlite3 *db = _crb_project_get_db (project);

  for (guint t = 0; tables[t]; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append_printf (dump, "%s:", tables[t]);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (dump, "|%s", value ? value : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}
