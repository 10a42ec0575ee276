/* crb-record-query.c: reading and re-pointing records
 *
 * Table and column names in the SQL built here come from the callers'
 * static strings, never from input; values are always bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-record"

#include "crb-edit-private.h"
#include "crb-record-query-private.h"

/* Counts the rows of a prepared, bound statement, keeping the first. */
static guint
collect_first (sqlite3_stmt *stmt, CrbRowReader read, GObject **first, int *rc_out)
{
  guint matches = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (matches++ == 0)
      *first = read (stmt);
  sqlite3_reset (stmt);
  *rc_out = rc;
  return matches;
}

gpointer
_crb_record_query_find (CrbProject *project, const char *prefix_sql, const char *name_sql,
                        const char *id, CrbRowReader read, const char *noun, GError **error)
{
  g_autoptr (GObject) found = NULL;
  sqlite3_stmt *stmt;
  guint matches = 0;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "No %s was given; name one by its identifier.", noun);
      return NULL;
    }

  _crb_project_lock (project);
  if ((stmt = _crb_project_prepare (project, prefix_sql, error)) == NULL)
    goto fail;
  crb_bind_text (stmt, 1, id);
  matches = collect_first (stmt, read, &found, &rc);
  if (matches == 0 && rc == SQLITE_DONE && name_sql != NULL)
    {
      if ((stmt = _crb_project_prepare (project, name_sql, error)) == NULL)
        goto fail;
      crb_bind_text (stmt, 1, id);
      matches = collect_first (stmt, read, &found, &rc);
    }
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "the lookup");
      goto fail;
    }
  _crb_project_unlock (project);

  if (matches == 1)
    return g_steal_pointer (&found);
  g_set_error (error, CRB_PROJECT_ERROR,
               matches == 0 ? CRB_PROJECT_ERROR_NOT_FOUND : CRB_PROJECT_ERROR_INVALID,
               matches == 0 ? "There is no %s “%s” in this project."
                            : "Several %s records match “%s”; give more of the identifier.",
               noun, id);
  return NULL;

fail:
  _crb_project_unlock (project);
  return NULL;
}

GPtrArray *
_crb_record_query_list (CrbProject *project, const char *sql, const char * const *params,
                        guint n_params, CrbRowReader read, GError **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  _crb_project_lock (project);
  if ((stmt = _crb_project_prepare (project, sql, error)) == NULL)
    {
      _crb_project_unlock (project);
      return NULL;
    }
  for (guint i = 0; i < n_params; i++)
    crb_bind_text (stmt, (int) i + 1, params[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "the list");
      _crb_project_unlock (project);
      return NULL;
    }
  _crb_project_unlock (project);
  return g_steal_pointer (&records);
}

gpointer
_crb_record_query_by_rowid (CrbProject *project, const char *sql, gint64 rowid, CrbRowReader read,
                            GError **error)
{
  sqlite3_stmt *stmt;
  gpointer record = NULL;
  int rc;

  _crb_project_lock (project);
  if ((stmt = _crb_project_prepare (project, sql, error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, rowid);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        record = read (stmt);
      else if (rc == SQLITE_DONE)
        g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
                             "The record has gone.");
      else
        _crb_project_set_sqlite_error (project, error, rc, "the record");
      sqlite3_reset (stmt);
    }
  _crb_project_unlock (project);
  return record;
}

gboolean
_crb_record_query_update (CrbProject *project, const char *table, const char *uuid,
                          const char *column, const char *value, GError **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_assert (_crb_project_in_action (project));

  sql = g_strdup_printf ("UPDATE %s SET %s = ?2, modified_at = ?3, modified_by = ?4 "
                         "WHERE uuid = ?1 AND deleted = 0",
                         table, column);
  if ((stmt = _crb_project_prepare (project, sql, error)) == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, uuid);
  crb_bind_text (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, _crb_project_now (project));
  crb_bind_text (stmt, 4, crb_project_get_author (project));
  return _crb_project_step_done (project, stmt, "the change", error);
}

GPtrArray *
_crb_record_query_strings (CrbProject *project, const char *sql, const char * const *params,
                           guint n_params, GError **error)
{
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  _crb_project_lock (project);
  if ((stmt = _crb_project_prepare (project, sql, error)) == NULL)
    {
      _crb_project_unlock (project);
      return NULL;
    }
  for (guint i = 0; i < n_params; i++)
    crb_bind_text (stmt, (int) i + 1, params[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (strings, crb_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "the list");
      _crb_project_unlock (project);
      return NULL;
    }
  _crb_project_unlock (project);
  return g_steal_pointer (&strings);
}

gboolean
_crb_record_query_lookup (CrbProject *project, const char *sql, const char * const *params,
                          guint n_params, char **first, GError **error)
{
  g_autoptr (GPtrArray) strings = _crb_record_query_strings (project, sql, params, n_params,
                                                             error);

  *first = NULL;
  if (strings == NULL)
    return FALSE;
  if (strings->len > 0)
    *first = g_strdup (g_ptr_array_index (strings, 0));
  return TRUE;
}

gboolean
_crb_record_query_move (CrbProject *project, const char *table, const char *column,
                        const char *from_uuid, const char *into_uuid, const char *doubled_sql,
                        GError **error)
{
  const char *params[] = { from_uuid, into_uuid };
  g_autoptr (GPtrArray) doubled = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;

  if (!(doubled = _crb_record_query_strings (project, doubled_sql, params, 2, error)))
    return FALSE;
  for (guint i = 0; i < doubled->len; i++)
    if (!_crb_edit_delete (project, table, g_ptr_array_index (doubled, i), error))
      return FALSE;

  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE %s = ?1 AND deleted = 0 ORDER BY id", table,
                         column);
  if (!(rows = _crb_record_query_strings (project, sql, params, 1, error)))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!_crb_record_query_update (project, table, g_ptr_array_index (rows, i), column, into_uuid,
                                   error))
      return FALSE;
  return TRUE;
}

gpointer
_crb_record_query_add (CrbProject *project, const char *label, CrbChangeFlags changes,
                       const char *table, const char * const *columns, const GValue *values,
                       guint n_values, const char *load_sql, CrbRowReader read, GError **error)
{
  g_autoptr (GObject) record = NULL;
  gint64 rowid;

  if (!_crb_project_begin_action (project, label, error))
    return NULL;
  if (!_crb_edit_insert (project, table, NULL, columns, values, n_values, NULL, &rowid, error)
      || !(record = _crb_record_query_by_rowid (project, load_sql, rowid, read, error)))
    {
      _crb_project_rollback_action (project);
      return NULL;
    }
  _crb_project_note_change (project, changes);
  if (!_crb_project_commit_action (project, error))
    return NULL;
  return g_steal_pointer (&record);
}
