/* crb-merge-conflict.c: the review list of fields both analysts changed,
 * and the redirects of records merged into others
 *
 * Entries travel with the project like records: a merge brings in the
 * other file's entries, and one resolved in either copy is resolved in
 * both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge"

#include "crb-fts-private.h"
#include "crb-merge-private.h"

#define CONFLICT_COLUMNS                                                                           \
  "uuid, tbl, row_uuid, field, kept_value, kept_by, other_value, other_by, created_at, "           \
  "resolved, resolved_by, resolved_at"

gboolean
_crb_merge_record_conflict (CrbMerge *merge, CrbMergeRow *kept, CrbMergeRow *other, guint unit,
                            GError **error)
{
  const CrbMergeTable *table = kept->table;
  const char          *row_uuid = _crb_merge_row_text (kept, table->col_uuid);
  g_autofree char     *kept_hash = _crb_merge_unit_hash (kept, unit);
  g_autofree char     *other_hash = _crb_merge_unit_hash (other, unit);
  g_autofree char     *kept_value = _crb_merge_unit_json (kept, unit);
  g_autofree char     *other_value = _crb_merge_unit_json (other, unit);
  g_autofree char     *pair = g_strdup_printf ("%s+%s", kept_hash, other_hash);
  g_autofree char     *uuid =
      _crb_merge_version_id (row_uuid, table->unit_names[unit], pair, "conflict");
  sqlite3_stmt *stmt;

  stmt = _crb_project_prepare (merge->project,
                               "INSERT OR IGNORE INTO merge_conflict (" CONFLICT_COLUMNS ") "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, NULL, NULL)",
                               error);
  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, uuid);
  crb_bind_text (stmt, 2, table->name);
  crb_bind_text (stmt, 3, row_uuid);
  crb_bind_text (stmt, 4, table->unit_names[unit]);
  crb_bind_text (stmt, 5, kept_value);
  crb_bind_text (stmt, 6, _crb_merge_row_text (kept, table->col_modified_by));
  crb_bind_text (stmt, 7, other_value);
  crb_bind_text (stmt, 8, _crb_merge_row_text (other, table->col_modified_by));
  sqlite3_bind_int64 (stmt, 9,
                      MAX (_crb_merge_row_int (kept, table->col_modified),
                           _crb_merge_row_int (other, table->col_modified)));
  if (!_crb_project_step_done (merge->project, stmt, "the review list", error))
    return FALSE;
  if (sqlite3_changes (merge->db) > 0)
    merge->summary->conflicts++;
  return TRUE;
}

gboolean
_crb_merge_union_conflicts (CrbMerge *merge, GError **error)
{
  sqlite3_stmt *read, *write, *resolve;
  int           rc;

  if (merge->other_version < 2)
    return TRUE;
  if (!(read = _crb_merge_prepare (
            merge, TRUE, "SELECT " CONFLICT_COLUMNS " FROM merge_conflict ORDER BY id", error)))
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      /* Entries name tables and columns; only real ones are accepted. */
      const char *table = (const char *) sqlite3_column_text (read, 1);

      if (table == NULL || _crb_merge_table (merge->db, table) == NULL)
        continue;
      if (!(write = _crb_project_prepare (merge->project,
                                          "INSERT OR IGNORE INTO merge_conflict (" CONFLICT_COLUMNS
                                          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                          "?11, ?12)",
                                          error)))
        break;
      for (int c = 0; c < 12; c++)
        sqlite3_bind_value (write, c + 1, sqlite3_column_value (read, c));
      if (!_crb_project_step_done (merge->project, write, "the review list", error))
        break;
      if (sqlite3_changes (merge->db) > 0)
        {
          if (sqlite3_column_int (read, 9) == 0)
            merge->summary->conflicts++;
          continue;
        }
      if (sqlite3_column_int (read, 9) == 0)
        continue;
      if (!(resolve = _crb_project_prepare (merge->project,
                                            "UPDATE merge_conflict SET resolved = 1, "
                                            "resolved_by = ?2, resolved_at = ?3 "
                                            "WHERE uuid = ?1 AND resolved = 0",
                                            error)))
        break;
      sqlite3_bind_value (resolve, 1, sqlite3_column_value (read, 0));
      sqlite3_bind_value (resolve, 2, sqlite3_column_value (read, 10));
      sqlite3_bind_value (resolve, 3, sqlite3_column_value (read, 11));
      if (!_crb_project_step_done (merge->project, resolve, "the review list", error))
        break;
    }
  sqlite3_reset (read);
  if (rc == SQLITE_ROW)
    return FALSE;
  if (rc != SQLITE_DONE)
    return _crb_merge_exec_failed (merge->other, rc, "reading the other file", error);
  return TRUE;
}

gboolean
_crb_merge_add_redirect (CrbMerge *merge, const char *table, const char *from, const char *into,
                         GError **error)
{
  sqlite3_stmt *stmt = _crb_project_prepare (merge->project,
                                             "INSERT OR IGNORE INTO redirect (uuid, tbl, "
                                             "into_uuid) VALUES (?1, ?2, ?3)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, from);
  crb_bind_text (stmt, 2, table);
  crb_bind_text (stmt, 3, into);
  g_hash_table_insert (merge->redirects, g_strdup (from), g_strdup (into));
  return _crb_project_step_done (merge->project, stmt, "the merged record", error);
}

gboolean
_crb_merge_union_redirects (CrbMerge *merge, GError **error)
{
  sqlite3_stmt *read;
  int           rc;

  if (merge->other_version < 2)
    return TRUE;
  if (!(read =
            _crb_merge_prepare (merge, TRUE, "SELECT uuid, tbl, into_uuid FROM redirect", error)))
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (read, 1);

      if (table == NULL || _crb_merge_table (merge->db, table) == NULL)
        continue;
      if (!_crb_merge_add_redirect (merge, table, (const char *) sqlite3_column_text (read, 0),
                                    (const char *) sqlite3_column_text (read, 2), error))
        break;
    }
  sqlite3_reset (read);
  if (rc == SQLITE_ROW)
    return FALSE;
  if (rc != SQLITE_DONE)
    return _crb_merge_exec_failed (merge->other, rc, "reading the other file", error);
  return TRUE;
}

void
crb_merge_conflict_free (CrbMergeConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->uuid);
  g_free (conflict->table);
  g_free (conflict->row_uuid);
  g_free (conflict->field);
  g_free (conflict->kept_value);
  g_free (conflict->kept_by);
  g_free (conflict->other_value);
  g_free (conflict->other_by);
  g_free (conflict->resolved_by);
  g_free (conflict);
}

static CrbMergeConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  CrbMergeConflict *conflict = g_new0 (CrbMergeConflict, 1);

  conflict->uuid = crb_column_dup (stmt, 0);
  conflict->table = crb_column_dup (stmt, 1);
  conflict->row_uuid = crb_column_dup (stmt, 2);
  conflict->field = crb_column_dup (stmt, 3);
  conflict->kept_value = crb_column_dup (stmt, 4);
  conflict->kept_by = crb_column_dup (stmt, 5);
  conflict->other_value = crb_column_dup (stmt, 6);
  conflict->other_by = crb_column_dup (stmt, 7);
  conflict->created_at = sqlite3_column_int64 (stmt, 8);
  conflict->resolved = sqlite3_column_int (stmt, 9) != 0;
  conflict->resolved_by = crb_column_dup (stmt, 10);
  return conflict;
}

static GPtrArray *
list_conflicts (CrbProject *project, gboolean include_resolved, const char *prefix, GError **error)
{
  g_autoptr (GPtrArray) conflicts =
      g_ptr_array_new_with_free_func ((GDestroyNotify) crb_merge_conflict_free);
  sqlite3_stmt *stmt;
  int           rc;

  _crb_project_lock (project);
  stmt = _crb_project_prepare (project,
                               "SELECT " CONFLICT_COLUMNS " FROM merge_conflict "
                               "WHERE (?1 OR resolved = 0) AND (?2 IS NULL OR "
                               "substr(uuid, 1, length(?2)) = ?2) ORDER BY created_at, uuid",
                               error);
  if (stmt == NULL)
    {
      _crb_project_unlock (project);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, include_resolved);
  crb_bind_text (stmt, 2, prefix);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (conflicts, conflict_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "the review list");
      _crb_project_unlock (project);
      return NULL;
    }
  _crb_project_unlock (project);
  return g_steal_pointer (&conflicts);
}

GPtrArray *
crb_project_list_merge_conflicts (CrbProject *project, gboolean include_resolved, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  return list_conflicts (project, include_resolved, NULL, error);
}

static void
bind_json (sqlite3_stmt *stmt, int index, JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    crb_bind_text (stmt, index, json_node_get_string (node));
  else
    sqlite3_bind_null (stmt, index);
}

/* Writes the other value back: only the unit's own columns, from the
 * table description, never names taken from the stored entry. */
static gboolean
apply_other (CrbProject *project, CrbMergeConflict *conflict, GError **error)
{
  sqlite3             *db = _crb_project_get_db (project);
  const CrbMergeTable *table = _crb_merge_table (db, conflict->table);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  JsonObject *values;
  gboolean    indexed =
      table && (g_str_equal (table->name, "claim") || g_str_equal (table->name, "revision"));
  CrbFtsTable fts = table && g_str_equal (table->name, "claim") ? CRB_FTS_CLAIM : CRB_FTS_REVISION;
  sqlite3_stmt *stmt;
  gint64        id = -1;

  if (table == NULL || !json_parser_load_from_data (parser, conflict->other_value, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "This entry of the review list is damaged and cannot be applied.");
      return FALSE;
    }
  values = json_node_get_object (json_parser_get_root (parser));
  g_string_append_printf (sql, "UPDATE %s SET modified_at = ?2, modified_by = ?3", table->name);
  for (guint c = 0; c < table->n_columns; c++)
    if (table->unit_of[c] >= 0 &&
        g_str_equal (table->unit_names[table->unit_of[c]], conflict->field) &&
        json_object_has_member (values, table->columns[c]))
      {
        g_array_append_val (columns, c);
        g_string_append_printf (sql, ", \"%s\" = ?%u", table->columns[c], columns->len + 3);
      }
  g_string_append_printf (sql, " WHERE uuid = ?1 AND deleted = 0");

  {
    g_autofree char *find =
        g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1 AND deleted = 0", table->name);

    if (!(stmt = _crb_project_prepare (project, find, error)))
      return FALSE;
    crb_bind_text (stmt, 1, conflict->row_uuid);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      id = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
  }
  if (id < 0)
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
                           "The record of this entry has been deleted; keep what it holds.");
      return FALSE;
    }
  if (indexed && !_crb_fts_unindex (db, fts, id, error))
    return FALSE;
  if (!(stmt = _crb_project_prepare (project, sql->str, error)))
    return FALSE;
  crb_bind_text (stmt, 1, conflict->row_uuid);
  sqlite3_bind_int64 (stmt, 2, _crb_project_now (project));
  crb_bind_text (stmt, 3, crb_project_get_author (project));
  for (guint i = 0; i < columns->len; i++)
    bind_json (stmt, (int) i + 4,
               json_object_get_member (values, table->columns[g_array_index (columns, int, i)]));
  if (!_crb_project_step_done (project, stmt, "the chosen value", error))
    return FALSE;
  return !indexed || _crb_fts_index (db, fts, id, error);
}

gboolean
crb_project_resolve_merge_conflict (CrbProject *project, const char *conflict_id,
                                    gboolean take_other, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;
  CrbMergeConflict *conflict;
  sqlite3_stmt     *stmt;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (conflict_id != NULL, FALSE);

  if (!(found = list_conflicts (project, TRUE, conflict_id, error)))
    return FALSE;
  if (found->len != 1)
    {
      g_set_error (error, CRB_PROJECT_ERROR,
                   found->len ? CRB_PROJECT_ERROR_INVALID : CRB_PROJECT_ERROR_NOT_FOUND,
                   found->len ? "“%s” matches several entries of the review list; give more of "
                                "the identifier."
                              : "There is no entry “%s” in the review list.",
                   conflict_id);
      return FALSE;
    }
  conflict = g_ptr_array_index (found, 0);

  if (!_crb_project_begin_action (project, "Resolve merge conflict", error))
    return FALSE;
  if (take_other && !apply_other (project, conflict, error))
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  stmt = _crb_project_prepare (project,
                               "UPDATE merge_conflict SET resolved = 1, resolved_by = ?2, "
                               "resolved_at = ?3 WHERE uuid = ?1",
                               error);
  if (stmt == NULL)
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  crb_bind_text (stmt, 1, conflict->uuid);
  crb_bind_text (stmt, 2, crb_project_get_author (project));
  sqlite3_bind_int64 (stmt, 3, _crb_project_now (project));
  if (!_crb_project_step_done (project, stmt, "the review list", error))
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  _crb_project_note_change (project, CRB_CHANGE_ALL);
  return _crb_project_commit_action (project, error);
}
