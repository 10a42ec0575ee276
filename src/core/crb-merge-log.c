/* crb-merge-log.c: the change log — one version per field edit
 *
 * Every action's changeset is read when it commits: each updated field
 * (or field group, such as a claim's anchor) gets a version row with the
 * SHA-256 of its new value, a hybrid logical time (never behind any time
 * already in the log, so an edit made after a merge sorts after what the
 * merge brought) and the analyst's name.  The rows are appended to the
 * action's changeset, so undo removes them with the edit.  See
 * crb-merge.c for how a merge reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge"

#include "crb-merge-log-private.h"
#include "crb-merge-private.h"

gboolean
_crb_merge_log_tracks (const char *table)
{
  return g_strcmp0 (table, "change") == 0 || g_strcmp0 (table, "merge_conflict") == 0 ||
         g_strcmp0 (table, "redirect") == 0;
}

void
_crb_merge_version_free (CrbMergeVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->uuid);
  g_free (version->table);
  g_free (version->row_uuid);
  g_free (version->unit);
  g_free (version->value_sha256);
  g_free (version->author);
  g_free (version);
}

static CrbMergeVersion *
version_from_row (sqlite3_stmt *stmt)
{
  CrbMergeVersion *version = g_new0 (CrbMergeVersion, 1);

  version->uuid = crb_column_dup (stmt, 0);
  version->value_sha256 = crb_column_dup (stmt, 1);
  version->time = sqlite3_column_int64 (stmt, 2);
  version->author = crb_column_dup (stmt, 3);
  version->table = crb_column_dup (stmt, 4);
  version->row_uuid = crb_column_dup (stmt, 5);
  version->unit = crb_column_dup (stmt, 6);
  return version;
}

#define VERSION_COLUMNS "uuid, value_sha256, time, author, tbl, row_uuid, field"

CrbMergeVersion *
_crb_merge_log_head (CrbProject *project, const char *row_uuid, const char *unit)
{
  sqlite3_stmt    *stmt = _crb_project_prepare (project,
                                                "SELECT " VERSION_COLUMNS " FROM change "
                                                   "WHERE row_uuid = ?1 AND field = ?2 "
                                                   "ORDER BY time DESC, uuid DESC LIMIT 1",
                                                NULL);
  CrbMergeVersion *head = NULL;

  if (stmt == NULL)
    return NULL;
  crb_bind_text (stmt, 1, row_uuid);
  crb_bind_text (stmt, 2, unit);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    head = version_from_row (stmt);
  sqlite3_reset (stmt);
  return head;
}

gboolean
_crb_merge_log_has (CrbProject *project, const char *change_uuid)
{
  sqlite3_stmt *stmt = _crb_project_prepare (project, "SELECT 1 FROM change WHERE uuid = ?1", NULL);
  gboolean      found;

  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, change_uuid);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
_crb_merge_log_insert (CrbProject *project, const CrbMergeVersion *version, GError **error)
{
  sqlite3_stmt *stmt = _crb_project_prepare (project,
                                             "INSERT OR IGNORE INTO change (uuid, tbl, row_uuid, "
                                             "field, value_sha256, time, author) "
                                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                             error);

  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, version->uuid);
  crb_bind_text (stmt, 2, version->table);
  crb_bind_text (stmt, 3, version->row_uuid);
  crb_bind_text (stmt, 4, version->unit);
  crb_bind_text (stmt, 5, version->value_sha256);
  sqlite3_bind_int64 (stmt, 6, version->time);
  crb_bind_text (stmt, 7, version->author ? version->author : "");
  return _crb_project_step_done (project, stmt, "the change log", error);
}

char *
_crb_merge_version_id (const char *row_uuid, const char *unit, const char *value_sha256,
                       const char *parent)
{
  g_autofree char *key =
      g_strjoin ("\037", row_uuid, unit, value_sha256, parent ? parent : "", NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  /* Shaped like a UUID so that it reads like the other identifiers. */
  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", digest, digest + 8, digest + 12, digest + 16,
                          digest + 20);
}

gint64
_crb_merge_log_clock (CrbProject *project)
{
  sqlite3_stmt *stmt = _crb_project_prepare (project, "SELECT max(time) FROM change", NULL);
  gint64        now = _crb_project_now (project);

  if (stmt == NULL)
    return now;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    now = MAX (now, sqlite3_column_int64 (stmt, 0) + 1);
  sqlite3_reset (stmt);
  return now;
}

typedef struct
{
  const CrbMergeTable *table;
  gint64               id;
  guint64              units; /* bit per unit */
} UpdatedRow;

static GArray *
updated_rows (sqlite3 *db, const void *changeset, int size)
{
  GArray                 *rows = g_array_new (FALSE, FALSE, sizeof (UpdatedRow));
  sqlite3_changeset_iter *iter = NULL;

  if (sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return rows;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char    *name;
      int            n_columns, op, indirect;
      sqlite3_value *key = NULL;
      UpdatedRow     row = { NULL, 0, 0 };

      sqlite3changeset_op (iter, &name, &n_columns, &op, &indirect);
      if (op != SQLITE_UPDATE || !(row.table = _crb_merge_table (db, name)) ||
          sqlite3changeset_old (iter, 0, &key) != SQLITE_OK || key == NULL)
        continue;
      row.id = sqlite3_value_int64 (key);
      for (int c = 0; c < n_columns && c < (int) row.table->n_columns; c++)
        {
          sqlite3_value *value = NULL;

          if (row.table->unit_of[c] >= 0 && sqlite3changeset_new (iter, c, &value) == SQLITE_OK &&
              value != NULL)
            row.units |= G_GUINT64_CONSTANT (1) << row.table->unit_of[c];
        }
      if (row.units != 0)
        g_array_append_val (rows, row);
    }
  sqlite3changeset_finalize (iter);
  return rows;
}

static gboolean
log_row (CrbProject *project, const UpdatedRow *updated, gint64 time, GError **error)
{
  g_autofree char *sql = g_strconcat (updated->table->select_light, "WHERE id = ?1", NULL);
  sqlite3_stmt    *stmt = _crb_project_prepare (project, sql, error);
  g_autoptr (CrbMergeRow) row = NULL;
  const char *uuid;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, updated->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = _crb_merge_row_read (updated->table, stmt);
  sqlite3_reset (stmt);
  if (row == NULL)
    return TRUE;
  uuid = _crb_merge_row_text (row, updated->table->col_uuid);

  for (guint unit = 0; unit < updated->table->n_units; unit++)
    {
      g_autoptr (CrbMergeVersion) head = NULL;
      g_autofree char *hash = NULL;
      CrbMergeVersion  version = { 0 };
      g_autofree char *id = NULL;

      if (!(updated->units & (G_GUINT64_CONSTANT (1) << unit)))
        continue;
      hash = _crb_merge_unit_hash (row, unit);
      head = _crb_merge_log_head (project, uuid, updated->table->unit_names[unit]);
      if (head && g_str_equal (head->value_sha256, hash))
        continue;
      id = _crb_merge_version_id (uuid, updated->table->unit_names[unit], hash,
                                  head ? head->uuid : NULL);
      version.uuid = id;
      version.table = (char *) updated->table->name;
      version.row_uuid = (char *) uuid;
      version.unit = updated->table->unit_names[unit];
      version.value_sha256 = hash;
      version.time = time;
      version.author = (char *) crb_project_get_author (project);
      if (!_crb_merge_log_insert (project, &version, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_crb_merge_log_unit (CrbProject *project, const char *table_name, const char *uuid,
                     const char *unit, GError **error)
{
  const CrbMergeTable *table = _crb_merge_table (_crb_project_get_db (project), table_name);
  g_autofree char     *sql = NULL;
  sqlite3_stmt        *stmt;
  UpdatedRow           updated = { table, -1, 0 };

  g_return_val_if_fail (table != NULL, FALSE);
  for (guint u = 0; u < table->n_units; u++)
    if (g_str_equal (table->unit_names[u], unit))
      updated.units |= G_GUINT64_CONSTANT (1) << u;
  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", table->name);
  if (!(stmt = _crb_project_prepare (project, sql, error)))
    return FALSE;
  crb_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    updated.id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (updated.id < 0 || updated.units == 0)
    return TRUE;
  return log_row (project, &updated, _crb_merge_log_clock (project), error);
}

gboolean
_crb_merge_log_action (CrbProject *project, void **changeset, int *size, GError **error)
{
  sqlite3 *db = _crb_project_get_db (project);
  g_autoptr (GArray) rows = updated_rows (db, *changeset, *size);
  sqlite3_session *session = NULL;
  void            *logged = NULL, *joined = NULL;
  int              logged_size = 0, joined_size = 0;
  gint64           time;
  int              rc;

  if (rows->len == 0)
    return TRUE;

  /* Its own session: the action's is already summed up in `changeset`. */
  rc = sqlite3session_create (db, "main", &session);
  if (rc == SQLITE_OK)
    rc = sqlite3session_attach (session, "change");
  if (rc != SQLITE_OK)
    {
      sqlite3session_delete (session);
      return _crb_merge_exec_failed (db, rc, "the change log", error);
    }
  time = _crb_merge_log_clock (project);
  for (guint i = 0; i < rows->len; i++)
    if (!log_row (project, &g_array_index (rows, UpdatedRow, i), time, error))
      {
        sqlite3session_delete (session);
        return FALSE;
      }
  rc = sqlite3session_changeset (session, &logged_size, &logged);
  sqlite3session_delete (session);
  if (rc == SQLITE_OK && logged_size > 0)
    rc = sqlite3changeset_concat (*size, *changeset, logged_size, logged, &joined_size, &joined);
  sqlite3_free (logged);
  if (rc != SQLITE_OK)
    return _crb_merge_exec_failed (db, rc, "the change log", error);
  if (joined != NULL)
    {
      sqlite3_free (*changeset);
      *changeset = joined;
      *size = joined_size;
    }
  return TRUE;
}

gboolean
_crb_merge_load_other_log (CrbMerge *merge, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  if (merge->other_version < 2)
    return TRUE;
  stmt = _crb_merge_prepare (merge, TRUE,
                             "SELECT " VERSION_COLUMNS " FROM change "
                             "ORDER BY time DESC, uuid DESC",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrbMergeVersion *version = version_from_row (stmt);
      g_autofree char *key = NULL;
      GPtrArray       *versions;

      if (version->uuid == NULL || version->row_uuid == NULL || version->unit == NULL ||
          version->value_sha256 == NULL || version->table == NULL)
        {
          _crb_merge_version_free (version);
          continue;
        }
      key = _crb_merge_key (version->row_uuid, version->unit);
      versions = g_hash_table_lookup (merge->other_log, key);
      if (versions == NULL)
        {
          versions = g_ptr_array_new ();
          g_hash_table_insert (merge->other_log, g_steal_pointer (&key), versions);
        }
      g_ptr_array_add (versions, version);
      g_hash_table_insert (merge->other_changes, version->uuid, version);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crb_merge_exec_failed (merge->other, rc, "reading the other file's history", error);
  return TRUE;
}

gboolean
_crb_merge_union_logs (CrbMerge *merge, GError **error)
{
  GHashTableIter iter;
  gpointer       value;

  g_hash_table_iter_init (&iter, merge->other_changes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!_crb_merge_log_insert (merge->project, value, error))
      return FALSE;
  return TRUE;
}
