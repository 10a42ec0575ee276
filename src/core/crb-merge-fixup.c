/* crb-merge-fixup.c: keeping links whole after two histories are combined
 *
 * One analyst merged entity A into B while the other gave A a new alias
 * or linked a claim to it: the alias and the link follow A into B (the
 * entity merge is, in effect, replayed over what it did not see), and
 * what would then be there twice is kept once.  One analyst deleted a
 * claim while the other tagged it: the tag goes with the claim, as a
 * deletion takes its dependants along when it is made here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge"

#include "crb-merge-log-private.h"
#include "crb-merge-private.h"

/* The same dependencies as deletion in crb-edit.c; entities merged into
 * another are followed first, so their dependants are not lost. */
static const struct
{
  const char *parent;
  const char *child;
  const char *column;
} cascades[] = {
  { "document", "revision", "document_uuid" },
  { "document", "claim", "document_uuid" },
  { "document", "mention", "document_uuid" },
  { "document", "relation", "from_document_uuid" },
  { "document", "relation", "to_document_uuid" },
  { "claim", "claim_tag", "claim_uuid" },
  { "claim", "claim_entity", "claim_uuid" },
  { "claim", "event_claim", "claim_uuid" },
  { "tag", "claim_tag", "tag_uuid" },
  { "tag", "tag", "parent_uuid" },
  { "entity", "alias", "entity_uuid" },
  { "entity", "claim_entity", "entity_uuid" },
  { "entity", "mention", "entity_uuid" },
  { "event", "facet", "event_uuid" },
  { "event", "event_claim", "event_uuid" },
};

/* Rows that would be doubles once links follow merged entities: the one
 * with the smallest UUID stays (whichever file it came from). */
static const char *doubles[] = {
  "SELECT a.uuid FROM alias a JOIN entity e ON e.uuid = a.entity_uuid WHERE a.deleted = 0 "
  "AND (lower(a.name) = lower(e.name) OR EXISTS (SELECT 1 FROM alias b WHERE b.deleted = 0 "
  "AND b.entity_uuid = a.entity_uuid AND lower(b.name) = lower(a.name) AND b.uuid < a.uuid))",
  "SELECT a.uuid FROM claim_entity a WHERE a.deleted = 0 AND EXISTS (SELECT 1 FROM claim_entity b "
  "WHERE b.deleted = 0 AND b.claim_uuid = a.claim_uuid AND b.entity_uuid = a.entity_uuid "
  "AND b.role = a.role AND b.uuid < a.uuid)",
  "SELECT a.uuid FROM mention a WHERE a.deleted = 0 AND EXISTS (SELECT 1 FROM mention b "
  "WHERE b.deleted = 0 AND b.entity_uuid = a.entity_uuid AND b.revision_uuid = a.revision_uuid "
  "AND b.start_offset = a.start_offset AND b.end_offset = a.end_offset AND b.uuid < a.uuid)",
};
static const char *double_tables[] = { "alias", "claim_entity", "mention" };

typedef struct
{
  char  *uuid;
  char  *target;
  gint64 at;
  char  *by;
} Found;

static void
found_clear (gpointer data)
{
  Found *found = data;

  g_free (found->uuid);
  g_free (found->target);
  g_free (found->by);
}

static GArray *
query (CrbMerge *merge, const char *sql, int n_columns, GError **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (Found));
  sqlite3_stmt *stmt = _crb_project_prepare (merge->project, sql, error);
  int           rc;

  g_array_set_clear_func (rows, found_clear);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Found found = { crb_column_dup (stmt, 0), NULL, 0, NULL };

      if (n_columns > 1)
        found.target = crb_column_dup (stmt, 1);
      if (n_columns > 2)
        {
          found.at = sqlite3_column_int64 (stmt, 2);
          found.by = crb_column_dup (stmt, 3);
        }
      g_array_append_val (rows, found);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_merge_exec_failed (merge->db, rc, "the merge", error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The live entity that a merged one ended up in, or NULL. */
static char *
final_entity (CrbMerge *merge, const char *uuid)
{
  g_autofree char *current = g_strdup (uuid);

  for (guint hops = 0; hops < 16; hops++)
    {
      sqlite3_stmt *stmt = _crb_project_prepare (merge->project,
                                                 "SELECT deleted, merged_into FROM entity "
                                                 "WHERE uuid = ?1",
                                                 NULL);
      gboolean      live = FALSE;
      char         *next = NULL;

      if (stmt == NULL)
        return NULL;
      crb_bind_text (stmt, 1, current);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          live = sqlite3_column_int (stmt, 0) == 0;
          next = crb_column_dup (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (live)
        {
          g_free (next);
          return g_steal_pointer (&current);
        }
      if (next == NULL)
        return NULL;
      g_free (current);
      current = next;
    }
  return NULL;
}

gboolean
_crb_merge_follow_entities (CrbMerge *merge, GError **error)
{
  static const char *tables[] = { "alias", "claim_entity", "mention" };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT x.uuid, x.entity_uuid FROM %s x "
                                              "JOIN entity e ON e.uuid = x.entity_uuid "
                                              "WHERE x.deleted = 0 AND e.deleted = 1 "
                                              "AND e.merged_into IS NOT NULL",
                                              tables[t]);
      g_autofree char *update =
          g_strdup_printf ("UPDATE %s SET entity_uuid = ?2 WHERE uuid = ?1", tables[t]);
      g_autoptr (GArray) rows = query (merge, sql, 2, error);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          Found           *row = &g_array_index (rows, Found, i);
          g_autofree char *target = final_entity (merge, row->target);
          sqlite3_stmt    *stmt;

          if (target == NULL)
            continue; /* the chain ends in a deletion: the cascade takes it */
          if (!(stmt = _crb_project_prepare (merge->project, update, error)))
            return FALSE;
          crb_bind_text (stmt, 1, row->uuid);
          crb_bind_text (stmt, 2, target);
          if (!_crb_project_step_done (merge->project, stmt, "the merged entity's links", error) ||
              !_crb_merge_log_unit (merge->project, tables[t], row->uuid, "entity_uuid", error))
            return FALSE;
        }
    }

  for (guint d = 0; d < G_N_ELEMENTS (doubles); d++)
    {
      g_autoptr (GArray) rows = query (merge, doubles[d], 1, error);
      const CrbMergeTable *table = _crb_merge_table (merge->db, double_tables[d]);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr (CrbMergeRow) row = _crb_merge_row_by_uuid (
              merge, FALSE, table, g_array_index (rows, Found, i).uuid, TRUE, error);

          if (row == NULL ||
              !_crb_merge_tombstone (merge, table, g_array_index (rows, Found, i).uuid,
                                     _crb_merge_row_int (row, table->col_modified),
                                     _crb_merge_row_text (row, table->col_modified_by), error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_crb_merge_cascade (CrbMerge *merge, GError **error)
{
  gboolean again = TRUE;

  /* A deletion may uncover another (document → claim → tag link). */
  for (guint round = 0; again && round < 8; round++)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (cascades); i++)
        {
          const CrbMergeTable *table = _crb_merge_table (merge->db, cascades[i].child);
          g_autofree char     *sql = g_strdup_printf (
                  "SELECT c.uuid, NULL, max(c.modified_at, p.modified_at), "
                      "CASE WHEN p.modified_at >= c.modified_at THEN p.modified_by ELSE c.modified_by END "
                      "FROM %s c JOIN %s p ON p.uuid = c.%s WHERE c.deleted = 0 AND p.deleted = 1 "
                      "AND NOT EXISTS (SELECT 1 FROM %s q WHERE q.uuid = c.%s AND q.deleted = 0)",
                  cascades[i].child, cascades[i].parent, cascades[i].column, cascades[i].parent,
                  cascades[i].column);
          g_autoptr (GArray) rows = query (merge, sql, 4, error);

          if (rows == NULL)
            return FALSE;
          for (guint r = 0; r < rows->len; r++)
            {
              Found *row = &g_array_index (rows, Found, r);

              if (!_crb_merge_tombstone (merge, table, row->uuid, row->at, row->by, error))
                return FALSE;
              again = TRUE;
            }
        }
    }
  return TRUE;
}
