/* crb-undo.c: undo and redo by SQLite session changesets
 *
 * Each action's changeset is stored with it (crb-history.c).  Undo applies
 * the inverted changeset, redo the changeset itself; a conflict (the rows
 * are no longer as the step left them, e.g. after a merge) aborts with the
 * project unchanged.  The full-text indexes are outside the changesets and
 * are brought in step around the apply (crb-fts.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-undo"

#include "crb-fts-private.h"
#include "crb-history-private.h"
#include "crb-project-private.h"
#include "crb-undo-private.h"

static const struct
{
  const char    *table;
  CrbChangeFlags changes;
} table_changes[] = {
  { "document", CRB_CHANGE_DOCUMENTS },
  { "revision", CRB_CHANGE_DOCUMENTS },
  { "original", CRB_CHANGE_DOCUMENTS },
  { "tag", CRB_CHANGE_TAGS | CRB_CHANGE_CLAIMS },
  { "claim", CRB_CHANGE_CLAIMS },
  { "claim_tag", CRB_CHANGE_CLAIMS | CRB_CHANGE_TAGS },
  { "entity", CRB_CHANGE_ENTITIES },
  { "alias", CRB_CHANGE_ENTITIES },
  { "claim_entity", CRB_CHANGE_ENTITIES | CRB_CHANGE_CLAIMS },
  { "mention", CRB_CHANGE_ENTITIES },
  { "event", CRB_CHANGE_EVENTS },
  { "facet", CRB_CHANGE_EVENTS },
  { "event_claim", CRB_CHANGE_EVENTS | CRB_CHANGE_CLAIMS },
  { "relation", CRB_CHANGE_RELATIONS | CRB_CHANGE_DOCUMENTS },
};

static CrbChangeFlags
changes_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_changes); i++)
    if (g_strcmp0 (table, table_changes[i].table) == 0)
      return table_changes[i].changes;
  return 0;
}

CrbChangeFlags
_crb_undo_changes_of (const void *changeset, int size)
{
  sqlite3_changeset_iter *iter = NULL;
  CrbChangeFlags changes = 0;

  if (sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return CRB_CHANGE_ALL;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int columns, op, indirect;

      sqlite3changeset_op (iter, &table, &columns, &op, &indirect);
      changes |= changes_for_table (table);
    }
  sqlite3changeset_finalize (iter);
  return changes;
}

/* More changed claims than this, and observers had better read them all. */
#define MAX_LISTED_CLAIMS 256
/* Column 1 of the claim table is its UUID (crb-schema.c: id, then the
 * common row columns). */
#define CLAIM_UUID_COLUMN 1

char **
_crb_undo_claims_of (sqlite3 *db, const void *changeset, int size)
{
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) find = NULL;
  sqlite3_changeset_iter *iter = NULL;
  gboolean too_many = FALSE;

  if (size <= 0 || sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return NULL;
  while (!too_many && sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int columns, op, indirect;
      sqlite3_value *value = NULL;

      sqlite3changeset_op (iter, &table, &columns, &op, &indirect);
      if (g_strcmp0 (table, "claim") != 0)
        continue;
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, CLAIM_UUID_COLUMN, &value);
      else if (op == SQLITE_DELETE)
        sqlite3changeset_old (iter, CLAIM_UUID_COLUMN, &value);
      else if (sqlite3changeset_old (iter, 0, &value) == SQLITE_OK && value != NULL)
        {
          /* An update names the row by its id only. */
          if (find == NULL
              && sqlite3_prepare_v2 (db, "SELECT uuid FROM claim WHERE id = ?1", -1, &find, NULL)
                     != SQLITE_OK)
            break;
          sqlite3_bind_int64 (find, 1, sqlite3_value_int64 (value));
          value = sqlite3_step (find) == SQLITE_ROW ? sqlite3_column_value (find, 0) : NULL;
        }
      if (value != NULL && sqlite3_value_type (value) == SQLITE_TEXT)
        g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_value_text (value)));
      if (find != NULL)
        sqlite3_reset (find);
      too_many = uuids->len > MAX_LISTED_CLAIMS;
    }
  sqlite3changeset_finalize (iter);
  if (too_many)
    return NULL;
  g_ptr_array_add (uuids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&uuids), FALSE);
}

typedef struct
{
  CrbFtsTable table;
  gint64      rowid;
} IndexedRow;

/* The rows of indexed tables that a changeset touches. */
static GArray *
indexed_rows_of (const void *changeset, int size)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (IndexedRow));
  sqlite3_changeset_iter *iter = NULL;

  if (sqlite3changeset_start (&iter, size, (void *) changeset) != SQLITE_OK)
    return rows;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int columns, op, indirect;
      sqlite3_value *key = NULL;
      IndexedRow row;

      sqlite3changeset_op (iter, &table, &columns, &op, &indirect);
      if (g_strcmp0 (table, "revision") == 0)
        row.table = CRB_FTS_REVISION;
      else if (g_strcmp0 (table, "claim") == 0)
        row.table = CRB_FTS_CLAIM;
      else
        continue;

      /* Column 0 is the INTEGER PRIMARY KEY in every table. */
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 0, &key);
      else
        sqlite3changeset_old (iter, 0, &key);
      if (key == NULL)
        continue;
      row.rowid = sqlite3_value_int64 (key);
      g_array_append_val (rows, row);
    }
  sqlite3changeset_finalize (iter);
  return rows;
}

static int
abort_on_conflict (void *data, int conflict, sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_ABORT;
}

/* Undoing an import whose revisions were written outside its changeset:
 * they are taken out of the search index and deleted, recorded by a
 * session of their own.  `outside` is that deletion's changeset. */
static gboolean
delete_revisions (CrbProject *self, GPtrArray *revisions, void **outside, int *outside_size,
                  gboolean *conflict, GError **error)
{
  static const char *const deletes[] = {
    "DELETE FROM original WHERE revision_uuid = ?1",
    "DELETE FROM revision WHERE uuid = ?1",
  };
  sqlite3 *db = _crb_project_get_db (self);
  sqlite3_session *session = NULL;
  sqlite3_stmt *find;
  int rc;

  find = _crb_project_prepare (self, "SELECT id FROM revision WHERE uuid = ?1 AND deleted = 0",
                               error);
  if (find == NULL)
    return FALSE;
  rc = sqlite3session_create (db, "main", &session);
  if (rc == SQLITE_OK)
    rc = sqlite3session_attach (session, "revision");
  if (rc == SQLITE_OK)
    rc = sqlite3session_attach (session, "original");
  for (guint i = 0; rc == SQLITE_OK && i < revisions->len; i++)
    {
      const char *uuid = g_ptr_array_index (revisions, i);

      crb_bind_text (find, 1, uuid);
      if (sqlite3_step (find) != SQLITE_ROW)
        {
          sqlite3_reset (find);
          sqlite3session_delete (session);
          *conflict = TRUE;
          return FALSE;
        }
      if (!_crb_fts_unindex (db, CRB_FTS_REVISION, sqlite3_column_int64 (find, 0), error))
        {
          sqlite3_reset (find);
          sqlite3session_delete (session);
          return FALSE;
        }
      sqlite3_reset (find);
      for (guint d = 0; d < G_N_ELEMENTS (deletes); d++)
        {
          sqlite3_stmt *stmt = _crb_project_prepare (self, deletes[d], error);

          if (stmt == NULL)
            {
              sqlite3session_delete (session);
              return FALSE;
            }
          crb_bind_text (stmt, 1, uuid);
          if (!_crb_project_step_done (self, stmt, "the imported text", error))
            {
              sqlite3session_delete (session);
              return FALSE;
            }
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3session_changeset (session, outside_size, outside);
  sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    {
      _crb_project_set_sqlite_error (self, error, rc, "the imported text");
      return FALSE;
    }
  return TRUE;
}

/* From now on the step's changeset holds the revisions too: redo inserts
 * them again, and a later undo deletes them like any other row. */
static gboolean
absorb_revisions (sqlite3 *db, gint64 id, GBytes *stored, void *outside, int outside_size,
                  GError **error)
{
  void *inserts = NULL, *joined = NULL;
  int inserts_size = 0, joined_size = 0;
  gsize size;
  const void *changeset = g_bytes_get_data (stored, &size);
  gboolean ok;
  int rc;

  rc = sqlite3changeset_invert (outside_size, outside, &inserts_size, &inserts);
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_concat ((int) size, (void *) changeset, inserts_size, inserts,
                                  &joined_size, &joined);
  sqlite3_free (inserts);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                   "The undo history could not be written (%s).", sqlite3_errstr (rc));
      return FALSE;
    }
  ok = _crb_history_replace (db, id, joined, joined_size, error);
  sqlite3_free (joined);
  return ok;
}

static gboolean
apply_step (CrbProject *self, gboolean redo, char **label_out, GError **error)
{
  sqlite3 *db = _crb_project_get_db (self);
  g_autoptr (GBytes) stored = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autofree char *label = NULL;
  gboolean conflict = FALSE;
  g_auto (GStrv) claims = NULL;
  void *outside = NULL;
  int outside_size = 0;
  void *inverted = NULL;
  const void *changeset;
  gsize size;
  gint64 id;
  int rc;
  CrbChangeFlags changes;

  _crb_project_lock (self);
  if (db == NULL || !_crb_history_peek (db, redo, &id, &label, &stored))
    {
      _crb_project_unlock (self);
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOTHING_TO_UNDO,
                           redo ? "There is nothing to redo." : "There is nothing to undo.");
      return FALSE;
    }

  changeset = g_bytes_get_data (stored, &size);
  if (!redo)
    {
      int inverted_size = 0;

      if (sqlite3changeset_invert ((int) size, changeset, &inverted_size, &inverted) != SQLITE_OK)
        {
          _crb_project_unlock (self);
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                       "The undo step “%s” is damaged and cannot be applied.", label);
          return FALSE;
        }
      changeset = inverted;
      size = inverted_size;
    }

  rows = indexed_rows_of (changeset, (int) size);
  changes = _crb_undo_changes_of (changeset, (int) size);
  revisions = redo ? g_ptr_array_new () : _crb_history_revisions (db, id);
  if (revisions->len > 0)
    changes |= CRB_CHANGE_DOCUMENTS;

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _crb_project_set_sqlite_error (self, error, rc, label);
      goto out;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      IndexedRow *row = &g_array_index (rows, IndexedRow, i);

      if (!_crb_fts_unindex (db, row->table, row->rowid, error))
        goto rollback;
    }
  if (!redo && revisions->len > 0
      && (!delete_revisions (self, revisions, &outside, &outside_size, &conflict, error)
          || !absorb_revisions (db, id, stored, outside, outside_size, error)))
    goto conflicted;
  rc = sqlite3changeset_apply (db, (int) size, (void *) changeset, NULL, abort_on_conflict, NULL);
  if (rc != SQLITE_OK)
    {
      conflict = (rc & 0xff) == SQLITE_ABORT;
      if (!conflict)
        _crb_project_set_sqlite_error (self, error, rc, label);
      goto conflicted;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      IndexedRow *row = &g_array_index (rows, IndexedRow, i);

      if (!_crb_fts_index (db, row->table, row->rowid, error))
        goto rollback;
    }
  if (!_crb_history_mark (db, id, !redo, error))
    goto rollback;
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _crb_project_set_sqlite_error (self, error, rc, label);
      goto rollback;
    }

  claims = _crb_undo_claims_of (db, changeset, (int) size);
  sqlite3_free (inverted);
  sqlite3_free (outside);
  _crb_project_unlock (self);
  _crb_project_emit_changes (self, changes, g_steal_pointer (&claims));
  if (label_out)
    *label_out = g_steal_pointer (&label);
  return TRUE;

conflicted:
  if (conflict)
    g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_CONFLICT,
                 "“%s” cannot be %s: the project has changed since (for example by a merge).",
                 label, redo ? "redone" : "undone");
rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
out:
  sqlite3_free (inverted);
  sqlite3_free (outside);
  _crb_project_unlock (self);
  return FALSE;
}

gboolean
crb_project_undo (CrbProject *self, char **label, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return apply_step (self, FALSE, label, error);
}

gboolean
crb_project_redo (CrbProject *self, char **label, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return apply_step (self, TRUE, label, error);
}
