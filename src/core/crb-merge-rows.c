/* crb-merge-rows.c: merging one record table, row by row
 *
 * For a record both files hold, each unit (a field, or a group of fields
 * that change together) is decided on its own from the change logs:
 * the side whose current version the other has already seen is older and
 * gives way; if neither has seen the other's, both changed it and the
 * later change is kept while the pair goes to the review list.  A record
 * deleted on either side stays deleted.  Written rows take the later of
 * the two modified stamps, so that the result does not depend on which
 * file was merged into which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge"

#include <string.h>

#include "crb-fts-private.h"
#include "crb-merge-private.h"

typedef enum
{
  KEEP,
  TAKE,
  CONFLICT_KEEP, /* both changed; ours is the later */
  CONFLICT_TAKE, /* both changed; theirs is the later */
} Decision;

const char *
_crb_merge_redirect (CrbMerge *merge, const char *uuid)
{
  for (guint hops = 0; uuid != NULL && hops < 16; hops++)
    {
      const char *next = g_hash_table_lookup (merge->redirects, uuid);

      if (next == NULL || g_str_equal (next, uuid))
        break;
      uuid = next;
    }
  return uuid;
}

static void
remap_references (CrbMerge *merge, CrbMergeRow *row)
{
  for (guint c = 0; c < row->table->n_columns; c++)
    {
      const char *value;
      const char *target;

      if (row->table->references[c] == NULL)
        continue;
      value = _crb_merge_row_text (row, (int) c);
      target = _crb_merge_redirect (merge, value);
      if (value != NULL && g_strcmp0 (target, value) != 0)
        {
          g_autofree char *copy = g_strdup (target);

          _crb_merge_row_set_text (row, (int) c, copy);
        }
    }
}

static CrbFtsTable
fts_of (const CrbMergeTable *table, gboolean *indexed)
{
  *indexed = TRUE;
  if (g_str_equal (table->name, "claim"))
    return CRB_FTS_CLAIM;
  if (g_str_equal (table->name, "revision"))
    return CRB_FTS_REVISION;
  *indexed = FALSE;
  return CRB_FTS_CLAIM;
}

static gint64
row_id (CrbMerge *merge, const CrbMergeTable *table, const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", table->name);
  sqlite3_stmt    *stmt = _crb_project_prepare (merge->project, sql, NULL);
  gint64           id = -1;

  if (stmt == NULL)
    return -1;
  crb_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static void
note_document (CrbMerge *merge, CrbMergeRow *row)
{
  const CrbMergeTable *table = row->table;

  for (guint c = 0; c < table->n_columns; c++)
    if (g_strcmp0 (table->references[c], "document") == 0 &&
        g_str_equal (table->columns[c], "document_uuid"))
      g_hash_table_add (merge->touched_documents, g_strdup (_crb_merge_row_text (row, (int) c)));
}

gboolean
_crb_merge_write_columns (CrbMerge *merge, CrbMergeRow *row, const int *columns, guint n_columns,
                          GError **error)
{
  const CrbMergeTable *table = row->table;
  g_autoptr (GString) sql = g_string_new (NULL);
  const char   *uuid = _crb_merge_row_text (row, table->col_uuid);
  gboolean      indexed;
  CrbFtsTable   fts = fts_of (table, &indexed);
  sqlite3_stmt *stmt;
  gint64        id = -1;

  if (n_columns == 0)
    return TRUE;
  g_string_append_printf (sql, "UPDATE %s SET ", table->name);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?%u", i ? ", " : "", table->columns[columns[i]],
                            i + 2);
  g_string_append (sql, " WHERE uuid = ?1");

  if (indexed)
    {
      if ((id = row_id (merge, table, uuid)) < 0)
        return _crb_merge_exec_failed (merge->db, SQLITE_NOTFOUND, "the merge", error);
      if (!_crb_fts_unindex (merge->db, fts, id, error))
        return FALSE;
    }
  if (!(stmt = _crb_project_prepare (merge->project, sql->str, error)))
    return FALSE;
  crb_bind_text (stmt, 1, uuid);
  for (guint i = 0; i < n_columns; i++)
    sqlite3_bind_value (stmt, (int) i + 2, row->values[columns[i]]);
  if (!_crb_project_step_done (merge->project, stmt, "the merged record", error))
    return FALSE;
  return !indexed || _crb_fts_index (merge->db, fts, id, error);
}

static gboolean
copy_original (CrbMerge *merge, const char *revision_uuid, GError **error)
{
  sqlite3_stmt *read = _crb_merge_prepare (merge, TRUE,
                                           "SELECT compression, bytes FROM original "
                                           "WHERE revision_uuid = ?1",
                                           error);
  sqlite3_stmt *write;
  gboolean      ok = TRUE;

  if (read == NULL)
    return FALSE;
  crb_bind_text (read, 1, revision_uuid);
  if (sqlite3_step (read) == SQLITE_ROW)
    {
      write = _crb_project_prepare (merge->project,
                                    "INSERT OR IGNORE INTO original (revision_uuid, compression, "
                                    "bytes) VALUES (?1, ?2, ?3)",
                                    error);
      if (write == NULL)
        ok = FALSE;
      else
        {
          crb_bind_text (write, 1, revision_uuid);
          sqlite3_bind_value (write, 2, sqlite3_column_value (read, 0));
          sqlite3_bind_value (write, 3, sqlite3_column_value (read, 1));
          ok = _crb_project_step_done (merge->project, write, "the original file", error);
        }
    }
  sqlite3_reset (read);
  return ok;
}

gboolean
_crb_merge_insert_row (CrbMerge *merge, CrbMergeRow *light, GError **error)
{
  const CrbMergeTable *table = light->table;
  g_autoptr (CrbMergeRow) full = NULL;
  CrbMergeRow *row = light;
  g_autoptr (GString) sql = g_string_new (NULL);
  gboolean      dead = _crb_merge_row_int (row, table->col_deleted) != 0;
  gboolean      indexed;
  CrbFtsTable   fts = fts_of (table, &indexed);
  sqlite3_stmt *stmt;
  gint64        id;

  /* Rows of the other file read for comparing lack their heavy columns:
   * read them whole, keeping the references as mapped. */
  if (light->light && !dead)
    {
      if (!(full = _crb_merge_row_by_uuid (
                merge, TRUE, table, _crb_merge_row_text (light, table->col_uuid), FALSE, error)))
        return FALSE;
      for (guint c = 0; c < table->n_columns; c++)
        if (!table->heavy[c])
          {
            sqlite3_value_free (full->values[c]);
            full->values[c] = sqlite3_value_dup (light->values[c]);
          }
      row = full;
    }

  /* A tombstone brings the fact of the deletion, not the content. */
  if (dead)
    for (guint c = 0; c < table->n_columns; c++)
      if (table->content[c])
        _crb_merge_row_set_text (row, (int) c, "");

  if (!(stmt = _crb_project_prepare (merge->project, table->insert, error)))
    return FALSE;
  for (guint c = 1; c < table->n_columns; c++)
    sqlite3_bind_value (stmt, (int) c, row->values[c]);
  if (!_crb_project_step_done (merge->project, stmt, "the merged record", error))
    return FALSE;
  id = sqlite3_last_insert_rowid (merge->db);
  if (indexed && !dead && !merge->index_later && !_crb_fts_index (merge->db, fts, id, error))
    return FALSE;
  if (g_str_equal (table->name, "revision") && !dead &&
      !copy_original (merge, _crb_merge_row_text (row, table->col_uuid), error))
    return FALSE;
  if (!dead)
    note_document (merge, row);
  return TRUE;
}

gboolean
_crb_merge_tombstone (CrbMerge *merge, const CrbMergeTable *table, const char *uuid,
                      gint64 modified_at, const char *modified_by, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted = 1, modified_at = ?2, "
                                          "modified_by = ?3 WHERE uuid = ?1",
                                          table->name);
  gboolean         indexed;
  CrbFtsTable      fts = fts_of (table, &indexed);
  sqlite3_stmt    *stmt;
  gint64           id = row_id (merge, table, uuid);

  if (id < 0)
    return TRUE;
  if (indexed && !_crb_fts_unindex (merge->db, fts, id, error))
    return FALSE;
  if (!(stmt = _crb_project_prepare (merge->project, sql, error)))
    return FALSE;
  crb_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, modified_at);
  crb_bind_text (stmt, 3, modified_by);
  return _crb_project_step_done (merge->project, stmt, "the deletion", error);
}

/* TRUE when `a` carries the later stamp (ties broken by name). */
static gboolean
later (CrbMergeRow *a, CrbMergeRow *b)
{
  const CrbMergeTable *table = a->table;
  gint64               x = _crb_merge_row_int (a, table->col_modified);
  gint64               y = _crb_merge_row_int (b, table->col_modified);

  if (x != y)
    return x > y;
  return g_strcmp0 (_crb_merge_row_text (a, table->col_modified_by),
                    _crb_merge_row_text (b, table->col_modified_by)) > 0;
}

static gboolean
never_modified (CrbMergeRow *row)
{
  return _crb_merge_row_int (row, row->table->col_created) ==
         _crb_merge_row_int (row, row->table->col_modified);
}

/* A value that differs from the newest version in a log was changed
 * without being recorded (e.g. by an older Corroborate): it counts as a
 * version after that one. */
static CrbMergeVersion *
catch_up (CrbMergeVersion *head, CrbMergeRow *row, const char *unit, const char *hash)
{
  CrbMergeVersion *version = g_new0 (CrbMergeVersion, 1);
  const char      *uuid = _crb_merge_row_text (row, row->table->col_uuid);

  version->uuid = _crb_merge_version_id (uuid, unit, hash, head->uuid);
  version->table = g_strdup (row->table->name);
  version->row_uuid = g_strdup (uuid);
  version->unit = g_strdup (unit);
  version->value_sha256 = g_strdup (hash);
  version->time = MAX (head->time + 1, _crb_merge_row_int (row, row->table->col_modified));
  version->author = g_strdup (_crb_merge_row_text (row, row->table->col_modified_by));
  return version;
}

static gboolean
decide (CrbMerge *merge, CrbMergeRow *local, CrbMergeRow *other, guint unit, Decision *decision,
        GError **error)
{
  const CrbMergeTable *table = local->table;
  const char          *uuid = _crb_merge_row_text (local, table->col_uuid);
  const char          *name = table->unit_names[unit];
  g_autofree char     *local_hash = _crb_merge_unit_hash (local, unit);
  g_autofree char     *other_hash = _crb_merge_unit_hash (other, unit);
  g_autofree char     *key = _crb_merge_key (uuid, name);
  g_autoptr (CrbMergeVersion) local_head = _crb_merge_log_head (merge->project, uuid, name);
  GPtrArray       *other_versions = g_hash_table_lookup (merge->other_log, key);
  CrbMergeVersion *other_head =
      other_versions && other_versions->len ? g_ptr_array_index (other_versions, 0) : NULL;
  gboolean local_seen, other_seen, local_wins;

  if (local_head && !g_str_equal (local_head->value_sha256, local_hash))
    {
      CrbMergeVersion *caught = catch_up (local_head, local, name, local_hash);

      _crb_merge_version_free (local_head);
      local_head = caught;
      if (!_crb_merge_log_insert (merge->project, local_head, error))
        return FALSE;
    }
  if (other_head && !g_str_equal (other_head->value_sha256, other_hash))
    {
      other_head = catch_up (other_head, other, name, other_hash);
      g_ptr_array_insert (other_versions, 0, other_head);
      g_hash_table_insert (merge->other_changes, other_head->uuid, other_head);
    }

  local_seen = local_head == NULL || g_hash_table_contains (merge->other_changes, local_head->uuid);
  other_seen = other_head == NULL || _crb_merge_log_has (merge->project, other_head->uuid);
  if (local_seen && !other_seen)
    {
      *decision = TAKE;
      return TRUE;
    }
  if (other_seen && !local_seen)
    {
      *decision = KEEP;
      return TRUE;
    }
  if (local_head == NULL && other_head == NULL)
    {
      /* No history on either side: a record never edited is the older. */
      if (never_modified (local) != never_modified (other))
        {
          *decision = never_modified (local) ? TAKE : KEEP;
          return TRUE;
        }
      local_wins = later (local, other);
    }
  else if (local_head == NULL || other_head == NULL)
    local_wins = other_head == NULL;
  else
    local_wins = local_head->time != other_head->time
                     ? local_head->time > other_head->time
                     : g_strcmp0 (local_head->uuid, other_head->uuid) > 0;
  *decision = local_wins ? CONFLICT_KEEP : CONFLICT_TAKE;
  return TRUE;
}

static gboolean
merge_live (CrbMerge *merge, CrbMergeRow *local, CrbMergeRow *other, GError **error)
{
  const CrbMergeTable *table = local->table;
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean took = FALSE;

  for (guint unit = 0; unit < table->n_units; unit++)
    {
      Decision decision;

      if (_crb_merge_unit_equal (local, other, unit))
        continue;
      if (!decide (merge, local, other, unit, &decision, error))
        return FALSE;
      if (decision == CONFLICT_KEEP || decision == CONFLICT_TAKE)
        {
          gboolean take = decision == CONFLICT_TAKE;

          if (!_crb_merge_record_conflict (merge, take ? other : local, take ? local : other, unit,
                                           error))
            return FALSE;
        }
      if (decision == TAKE || decision == CONFLICT_TAKE)
        {
          for (guint c = 0; c < table->n_columns; c++)
            if (table->unit_of[c] == (int) unit)
              g_array_append_val (columns, c);
          took = TRUE;
          if (g_str_equal (table->unit_names[unit], "anchor"))
            {
              note_document (merge, local);
              note_document (merge, other);
            }
        }
    }
  if (later (other, local))
    {
      g_array_append_val (columns, table->col_modified);
      g_array_append_val (columns, table->col_modified_by);
    }
  if (took)
    merge->summary->updated++;
  if (g_str_equal (table->name, "revision") && took)
    note_document (merge, local);
  return _crb_merge_write_columns (merge, other, (const int *) columns->data, columns->len, error);
}

static gboolean
differs (CrbMergeRow *a, CrbMergeRow *b)
{
  for (guint unit = 0; unit < a->table->n_units; unit++)
    if (!_crb_merge_unit_equal (a, b, unit))
      return TRUE;
  return FALSE;
}

/* An entity deleted by merging it into another says where it went, so
 * that what the other side linked to it can follow (crb-merge-fixup.c). */
static gboolean
keep_merged_into (CrbMerge *merge, CrbMergeRow *local, CrbMergeRow *other, GError **error)
{
  const CrbMergeTable *table = local->table;
  int                  column = -1;
  const char          *ours, *theirs;

  for (guint c = 0; c < table->n_columns; c++)
    if (g_str_equal (table->columns[c], "merged_into"))
      column = (int) c;
  if (column < 0)
    return TRUE;
  ours = _crb_merge_row_text (local, column);
  theirs = _crb_merge_row_text (other, column);
  if (theirs == NULL || g_strcmp0 (ours, theirs) == 0 || (ours != NULL && !later (other, local)))
    return TRUE;
  return _crb_merge_write_columns (merge, other, &column, 1, error);
}

static gboolean
merge_one (CrbMerge *merge, CrbMergeRow *other, guint kind, GError **error)
{
  const CrbMergeTable *table = other->table;
  const char          *uuid = _crb_merge_row_text (other, table->col_uuid);
  g_autoptr (CrbMergeRow) local = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean local_dead, other_dead;

  remap_references (merge, other);
  local = _crb_merge_row_by_uuid (merge, FALSE, table, uuid, TRUE, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  other_dead = _crb_merge_row_int (other, table->col_deleted) != 0;
  if (local == NULL)
    {
      if (!other_dead)
        merge->summary->added[kind]++;
      return _crb_merge_insert_row (merge, other, error);
    }

  local_dead = _crb_merge_row_int (local, table->col_deleted) != 0;
  if (!local_dead && !other_dead)
    return merge_live (merge, local, other, error);

  /* Deletion wins; the edits the other side made to it are counted. */
  if (local_dead != other_dead && differs (local, other))
    merge->summary->lost_edits++;
  if (!local_dead)
    merge->summary->deleted++;
  if (!keep_merged_into (merge, local, other, error))
    return FALSE;
  if (local_dead && !later (other, local))
    return TRUE;
  {
    CrbMergeRow *stamps = later (other, local) ? other : local;

    return _crb_merge_tombstone (merge, table, uuid,
                                 _crb_merge_row_int (stamps, table->col_modified),
                                 _crb_merge_row_text (stamps, table->col_modified_by), error);
  }
}

/* The rows a table pass inserted (ids above `after`) are indexed in one
 * statement: one prepared statement per row is what made bulk merges
 * slow.  Same rule as crb-fts.c: live rows, revisions only if current. */
static gboolean
index_inserted (CrbMerge *merge, const CrbMergeTable *table, gint64 after, GError **error)
{
  const char   *sql = g_str_equal (table->name, "claim")
                          ? "INSERT INTO claim_fts (rowid, note, exact) SELECT id, note, exact "
                            "FROM claim WHERE id > ?1 AND deleted = 0"
                          : "INSERT INTO revision_fts (rowid, text) SELECT id, text FROM revision "
                            "WHERE id > ?1 AND deleted = 0 AND current = 1";
  sqlite3_stmt *stmt = _crb_project_prepare (merge->project, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  return _crb_project_step_done (merge->project, stmt, "the search index", error);
}

static gint64
last_id (CrbMerge *merge, const CrbMergeTable *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM %s", table->name);
  sqlite3_stmt    *stmt = _crb_project_prepare (merge->project, sql, NULL);
  gint64           id = 0;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return id;
}

gboolean
_crb_merge_rows (CrbMerge *merge, const CrbMergeTable *table, GError **error)
{
  g_autofree char *sql = g_strconcat (table->select_light, "ORDER BY id", NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint kind = 0;
  int   rc;

  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    if (g_str_equal (crb_merge_kind_to_table (k), table->name))
      kind = k;

  gboolean indexed;
  gint64   before;

  fts_of (table, &indexed);
  before = indexed ? last_id (merge, table) : 0;
  merge->index_later = indexed;

  /* Its own statement: the cached ones are used for single rows inside. */
  rc = sqlite3_prepare_v2 (merge->other, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _crb_merge_exec_failed (merge->other, rc, "reading the other file", error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (CrbMergeRow) other = _crb_merge_row_read (table, stmt);
      const char *uuid = _crb_merge_row_text (other, table->col_uuid);

      other->light = TRUE;

      /* Documents and revisions matched by text were settled already. */
      if (uuid == NULL || g_strcmp0 (_crb_merge_redirect (merge, uuid), uuid) != 0)
        continue;
      if (!merge_one (merge, other, kind, error))
        {
          merge->index_later = FALSE;
          return FALSE;
        }
    }
  merge->index_later = FALSE;
  if (rc != SQLITE_DONE)
    return _crb_merge_exec_failed (merge->other, rc, "reading the other file", error);
  return !indexed || index_inserted (merge, table, before, error);
}
