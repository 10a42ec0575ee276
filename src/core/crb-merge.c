/* crb-merge.c: merging a colleague's copy of the project
 *
 * Design.  Two copies of a project have a common past (one was sent as a
 * Save a Copy of the other, or both were sent from a third) but no record
 * of it: there is no "base" to do a three-way merge against.  Row
 * timestamps alone cannot tell "they changed the note" from "we changed
 * the credibility": the row's modified time moves for either.  So every
 * edit also writes a version of the field it changed into a change log
 * (schema 2, crb-merge-log.c): field (or a group of fields that only make
 * sense together, such as a claim's anchor), SHA-256 of the new value,
 * hybrid logical time, author, and an id derived from the previous
 * version and the value.  The logs travel in the file and are united by
 * merges, so for one field of one record:
 *
 *  - if the other side's newest version is in our log, we have seen it
 *    and changed the field since, or not at all differently: ours stays;
 *  - if our newest is in theirs, theirs is newer: it is taken;
 *  - if neither has seen the other's, both changed it: the later change
 *    is kept for now (the same choice from either side) and the pair goes
 *    to the review list, where the analyst picks; nothing is dropped.
 *
 * Fields are decided one by one, so edits of different fields combine.
 * Deletions (tombstones) always win and take their dependants along.
 * Records are matched by UUID; documents also by text (crb-merge-
 * documents.c).  Every choice depends only on the two files' contents,
 * never on which was merged into which, so A into B and B into A end
 * with the same records, and merging the same file again finds nothing
 * new.  The other file is opened like any untrusted project file and
 * only read.  The whole merge is one action: one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crb-merge-private.h"
#include "crb-project-file.h"
#include "crb-schema.h"

const char *
crb_merge_kind_to_table (CrbMergeKind kind)
{
  const char *const *tables = crb_schema_record_tables ();

  g_return_val_if_fail (kind < CRB_MERGE_N_KINDS, NULL);
  return tables[kind];
}

static sqlite3 *
open_other (CrbProject *project, const char *path, int *version, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr (sqlite3) db = NULL;
  struct stat mine, theirs;
  int         fd, rc;
  gboolean    ok;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CRB_PROJECT_ERROR,
                   saved == ENOENT ? CRB_PROJECT_ERROR_NOT_FOUND : CRB_PROJECT_ERROR_FAILED,
                   "Cannot open “%s”: %s", name, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &theirs) == 0 && g_stat (crb_project_get_path (project), &mine) == 0 &&
      mine.st_dev == theirs.st_dev && mine.st_ino == theirs.st_ino)
    {
      close (fd);
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is this project itself; choose the copy your colleague sent.", name);
      return NULL;
    }
  ok = _crb_project_file_check_header (fd, path, version, error);
  close (fd);
  if (!ok)
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED, "Cannot open “%s”: %s", name,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  _crb_project_file_harden (db);
  if (!_crb_project_file_check_integrity (db, FALSE, error) ||
      !crb_schema_verify (db, *version, error))
    return NULL;
  return g_steal_pointer (&db);
}

static void
merge_clear (CrbMerge *merge)
{
  g_clear_pointer (&merge->other_statements, g_hash_table_unref);
  g_clear_pointer (&merge->other, sqlite3_close);
  g_clear_pointer (&merge->other_log, g_hash_table_unref);
  g_clear_pointer (&merge->other_changes, g_hash_table_unref);
  g_clear_pointer (&merge->redirects, g_hash_table_unref);
  g_clear_pointer (&merge->touched_documents, g_hash_table_unref);
}

static int
pragma_int (sqlite3 *db, const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  return -2000;
}

static void
set_cache_size (CrbProject *project, int size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", size);

  _crb_project_lock (project);
  if (!crb_project_is_closed (project))
    sqlite3_exec (_crb_project_get_db (project), sql, NULL, NULL, NULL);
  _crb_project_unlock (project);
}

static gboolean
run_merge (CrbMerge *merge, GError **error)
{
  guint                n_tables;
  const CrbMergeTable *tables = _crb_merge_tables (merge->db, &n_tables);

  if (!_crb_merge_load_redirects (merge, error) || !_crb_merge_load_other_log (merge, error) ||
      !_crb_merge_match_documents (merge, error))
    return FALSE;
  for (guint t = 0; t < n_tables; t++)
    if (!_crb_merge_rows (merge, &tables[t], error))
      return FALSE;
  return _crb_merge_follow_entities (merge, error) && _crb_merge_cascade (merge, error) &&
         _crb_merge_settle_revisions (merge, error) && _crb_merge_reanchor (merge, error) &&
         _crb_merge_union_logs (merge, error) && _crb_merge_union_conflicts (merge, error) &&
         _crb_merge_union_redirects (merge, error);
}

gboolean
crb_project_merge (CrbProject *project, const char *other_path, CrbMergeSummary *summary,
                   GError **error)
{
  CrbMergeSummary  counts = { { 0 } };
  CrbMerge         merge = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  gboolean         ok;
  int              cache_size;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (other_path != NULL, FALSE);

  merge.project = project;
  merge.summary = &counts;
  if (!(merge.other = open_other (project, other_path, &merge.other_version, error)))
    return FALSE;
  merge.other_statements =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);
  merge.other_log =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  merge.other_changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) _crb_merge_version_free);
  merge.redirects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge.touched_documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  name = g_filename_display_basename (other_path);
  label = g_strdup_printf ("Merge “%s”", name);
  if (!_crb_project_begin_action (project, label, error))
    {
      merge_clear (&merge);
      return FALSE;
    }
  merge.db = _crb_project_get_db (project);
  /* A merge writes much in one transaction: a page cache that small
   * would spill to the file half-way (and read it back). */
  cache_size = pragma_int (merge.db, "PRAGMA cache_size");
  sqlite3_exec (merge.db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
  ok = run_merge (&merge, error);
  merge_clear (&merge);
  if (ok)
    {
      _crb_project_note_change (project, CRB_CHANGE_ALL);
      ok = _crb_project_commit_action (project, error);
    }
  else
    _crb_project_rollback_action (project);
  set_cache_size (project, cache_size);
  if (!ok)
    return FALSE;
  if (summary)
    *summary = counts;
  return TRUE;
}

static void
merge_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError          *error = NULL;
  CrbMergeSummary *summary = g_new0 (CrbMergeSummary, 1);

  if (crb_project_merge (source, task_data, summary, &error))
    g_task_return_pointer (task, summary, g_free);
  else
    {
      g_free (summary);
      g_task_return_error (task, error);
    }
}

void
crb_project_merge_async (CrbProject *project, const char *other_path, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CRB_IS_PROJECT (project));
  g_return_if_fail (other_path != NULL);

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_project_merge_async);
  g_task_set_task_data (task, g_strdup (other_path), g_free);
  g_task_run_in_thread (task, merge_thread);
}

gboolean
crb_project_merge_finish (CrbProject *project, GAsyncResult *result, CrbMergeSummary *summary,
                          GError **error)
{
  g_autofree CrbMergeSummary *counts = NULL;

  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);

  counts = g_task_propagate_pointer (G_TASK (result), error);
  if (counts == NULL)
    return FALSE;
  if (summary)
    *summary = *counts;
  return TRUE;
}
