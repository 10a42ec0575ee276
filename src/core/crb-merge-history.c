/* crb-merge-history.c: who changed what, and whose claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge"

#include "crb-claim.h"
#include "crb-merge-private.h"
#include "crb-record.h"

void
crb_change_entry_free (CrbChangeEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->field);
  g_free (entry->author);
  g_free (entry->value_sha256);
  g_free (entry);
}

GPtrArray *
crb_project_list_changes (CrbProject *project, const char *table_name, const char *uuid,
                          GError **error)
{
  g_autoptr (GPtrArray) entries =
      g_ptr_array_new_with_free_func ((GDestroyNotify) crb_change_entry_free);
  const CrbMergeTable *table;
  g_autofree char     *sql = NULL;
  sqlite3_stmt        *stmt;
  int                  rc;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (table_name != NULL && uuid != NULL, NULL);

  _crb_project_lock (project);
  if (crb_project_is_closed (project) ||
      !(table = _crb_merge_table (_crb_project_get_db (project), table_name)))
    {
      _crb_project_unlock (project);
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is not a kind of record.", table_name);
      return NULL;
    }
  sql = g_strdup_printf ("SELECT author, created_at FROM %s WHERE uuid = ?1", table->name);
  if (!(stmt = _crb_project_prepare (project, sql, error)))
    goto fail;
  crb_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrbChangeEntry *created = g_new0 (CrbChangeEntry, 1);

      created->author = crb_column_dup (stmt, 0);
      created->time = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (entries, created);
    }
  sqlite3_reset (stmt);
  if (entries->len == 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
                   "There is no %s with the identifier “%s” in this project.", table->name, uuid);
      goto fail;
    }

  if (!(stmt = _crb_project_prepare (project,
                                     "SELECT field, author, time, value_sha256 FROM change "
                                     "WHERE row_uuid = ?1 ORDER BY time, uuid",
                                     error)))
    goto fail;
  crb_bind_text (stmt, 1, uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrbChangeEntry *entry = g_new0 (CrbChangeEntry, 1);

      entry->field = crb_column_dup (stmt, 0);
      entry->author = crb_column_dup (stmt, 1);
      entry->time = sqlite3_column_int64 (stmt, 2);
      entry->value_sha256 = crb_column_dup (stmt, 3);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "the history");
      goto fail;
    }
  _crb_project_unlock (project);
  return g_steal_pointer (&entries);

fail:
  _crb_project_unlock (project);
  return NULL;
}

GPtrArray *
crb_project_list_claims_by_author (CrbProject *project, const char *document_uuid,
                                   const char *author, GError **error)
{
  g_autoptr (GPtrArray) claims = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (author != NULL, NULL);

  if (!(claims = crb_project_list_claims (project, document_uuid, error)))
    return NULL;
  for (guint i = claims->len; i-- > 0;)
    if (g_strcmp0 (crb_record_get_author (g_ptr_array_index (claims, i)), author) != 0)
      g_ptr_array_remove_index (claims, i);
  return g_steal_pointer (&claims);
}
