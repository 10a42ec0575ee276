/* crb-merge-documents.c: documents both analysts imported, revisions
 *
 * The same text is the same revision whatever its UUID: two copies that
 * each imported one article hold two documents with different UUIDs and
 * one text.  They become one, the one with the smaller UUID (so that
 * merging either way gives the same document); the other is deleted with a
 * redirect to it, so that rows pointing at it from this or later merges
 * follow.  Fields of the two that differ go to the review list.
 *
 * Afterwards each document has exactly one current revision (the newest
 * of those current on either side) and its claims and mentions are
 * re-anchored onto it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge"

#include <string.h>

#include "crb-fts-private.h"
#include "crb-merge-log-private.h"
#include "crb-merge-private.h"
#include "crb-reanchor-private.h"

gboolean
_crb_merge_load_redirects (CrbMerge *merge, GError **error)
{
  for (int side = 0; side < 2; side++)
    {
      sqlite3_stmt *stmt;
      int           rc;

      if (side == 1 && merge->other_version < 2)
        break;
      if (!(stmt = _crb_merge_prepare (merge, side == 1, "SELECT uuid, into_uuid FROM redirect",
                                       error)))
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (sqlite3_column_text (stmt, 0) && sqlite3_column_text (stmt, 1))
          g_hash_table_insert (merge->redirects, crb_column_dup (stmt, 0),
                               crb_column_dup (stmt, 1));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _crb_merge_exec_failed (side ? merge->other : merge->db, rc, "the merge", error);
    }
  return TRUE;
}

/* Column 0 of each row of `sql` with ?1 = `param`, on either side. */
static GPtrArray *
strings (CrbMerge *merge, gboolean other, const char *sql, const char *param, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _crb_merge_prepare (merge, other, sql, error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  if (param)
    crb_bind_text (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, crb_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_merge_exec_failed (other ? merge->other : merge->db, rc, "the merge", error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* A live local document with a live revision of the same text. */
static char *
find_same_text (CrbMerge *merge, const char *other_document, GError **error)
{
  g_autoptr (GPtrArray) hashes = strings (merge, TRUE,
                                          "SELECT text_sha256 FROM revision "
                                          "WHERE document_uuid = ?1 AND deleted = 0",
                                          other_document, error);

  for (guint i = 0; hashes && i < hashes->len; i++)
    {
      g_autoptr (GPtrArray) found = strings (merge, FALSE,
                                             "SELECT r.document_uuid FROM revision r "
                                             "JOIN document d ON d.uuid = r.document_uuid "
                                             "WHERE r.text_sha256 = ?1 AND r.deleted = 0 "
                                             "AND d.deleted = 0 ORDER BY d.uuid LIMIT 1",
                                             g_ptr_array_index (hashes, i), error);

      if (found == NULL)
        return NULL;
      if (found->len > 0)
        return g_strdup (g_ptr_array_index (found, 0));
    }
  return NULL;
}

/* The live revision of `document` with this text, on the other file's
 * side when `on_other`. */
static char *
matching_revision (CrbMerge *merge, gboolean on_other, const char *document, const char *sha256,
                   GError **error)
{
  g_autoptr (GPtrArray) found = strings (merge, on_other,
                                         "SELECT uuid FROM revision WHERE text_sha256 = ?1 "
                                         "AND deleted = 0",
                                         sha256, error);
  const CrbMergeTable *revisions = _crb_merge_table (merge->db, "revision");

  for (guint i = 0; found && i < found->len; i++)
    {
      g_autoptr (CrbMergeRow) row = _crb_merge_row_by_uuid (
          merge, on_other, revisions, g_ptr_array_index (found, i), TRUE, error);
      int column = 0;

      for (guint c = 0; c < revisions->n_columns; c++)
        if (g_str_equal (revisions->columns[c], "document_uuid"))
          column = (int) c;
      if (row && g_strcmp0 (_crb_merge_row_text (row, column), document) == 0)
        return g_strdup (g_ptr_array_index (found, i));
    }
  return NULL;
}

static gboolean
conflicts_between (CrbMerge *merge, CrbMergeRow *kept, CrbMergeRow *other, GError **error)
{
  for (guint unit = 0; unit < kept->table->n_units; unit++)
    if (!_crb_merge_unit_equal (kept, other, unit) &&
        !_crb_merge_record_conflict (merge, kept, other, unit, error))
      return FALSE;
  return TRUE;
}

/* Stamps for a record merged away: the later of the two. */
static void
later_stamps (CrbMergeRow *a, CrbMergeRow *b, gint64 *at, const char **by)
{
  const CrbMergeTable *table = a->table;
  gint64               x = _crb_merge_row_int (a, table->col_modified);
  gint64               y = _crb_merge_row_int (b, table->col_modified);
  CrbMergeRow         *winner =
      x > y || (x == y && g_strcmp0 (_crb_merge_row_text (a, table->col_modified_by),
                                             _crb_merge_row_text (b, table->col_modified_by)) >= 0)
                  ? a
                  : b;

  *at = _crb_merge_row_int (winner, table->col_modified);
  *by = _crb_merge_row_text (winner, table->col_modified_by);
}

static gboolean
insert_tombstone (CrbMerge *merge, CrbMergeRow *row, CrbMergeRow *survivor, GError **error)
{
  const CrbMergeTable *table = row->table;
  gint64               at;
  const char          *by;

  later_stamps (row, survivor, &at, &by);
  _crb_merge_row_set_int (row, table->col_deleted, 1);
  _crb_merge_row_set_int (row, table->col_modified, at);
  {
    g_autofree char *author = g_strdup (by);

    _crb_merge_row_set_text (row, table->col_modified_by, author);
  }
  return _crb_merge_insert_row (merge, row, error);
}

static gboolean
run (CrbMerge *merge, const char *sql, const char *from, const char *into, GError **error)
{
  sqlite3_stmt *stmt = _crb_project_prepare (merge->project, sql, error);

  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, from);
  crb_bind_text (stmt, 2, into);
  return _crb_project_step_done (merge->project, stmt, "the merged document", error);
}

/* The other file's document `theirs` is ours `ours`: keep ours. */
static gboolean
fold_into_ours (CrbMerge *merge, CrbMergeRow *theirs, CrbMergeRow *ours, GError **error)
{
  const CrbMergeTable *revisions = _crb_merge_table (merge->db, "revision");
  const char          *their_uuid = _crb_merge_row_text (theirs, theirs->table->col_uuid);
  const char          *our_uuid = _crb_merge_row_text (ours, ours->table->col_uuid);
  g_autoptr (GPtrArray) their_revisions = NULL;

  if (!_crb_merge_add_redirect (merge, "document", their_uuid, our_uuid, error) ||
      !conflicts_between (merge, ours, theirs, error))
    return FALSE;
  their_revisions = strings (merge, TRUE, "SELECT uuid FROM revision WHERE document_uuid = ?1",
                             their_uuid, error);
  for (guint i = 0; their_revisions && i < their_revisions->len; i++)
    {
      g_autoptr (CrbMergeRow) revision = _crb_merge_row_by_uuid (
          merge, TRUE, revisions, g_ptr_array_index (their_revisions, i), TRUE, error);
      g_autoptr (CrbMergeRow) match_row = NULL;
      g_autofree char *match = NULL;
      int              sha = 0;

      if (revision == NULL)
        return FALSE;
      for (guint c = 0; c < revisions->n_columns; c++)
        if (g_str_equal (revisions->columns[c], "text_sha256"))
          sha = (int) c;
      match =
          matching_revision (merge, FALSE, our_uuid, _crb_merge_row_text (revision, sha), error);
      if (match == NULL)
        continue; /* a revision we lack: it comes in under our document */
      if (!(match_row = _crb_merge_row_by_uuid (merge, FALSE, revisions, match, TRUE, error)) ||
          !_crb_merge_add_redirect (merge, "revision", g_ptr_array_index (their_revisions, i),
                                    match, error) ||
          !insert_tombstone (merge, revision, match_row, error))
        return FALSE;
    }
  if (their_revisions == NULL)
    return FALSE;
  return insert_tombstone (merge, theirs, ours, error);
}

/* Our document `ours` is the other file's `theirs`, whose UUID is the one
 * to keep: theirs comes in, ours is folded into it. */
static gboolean
fold_into_theirs (CrbMerge *merge, CrbMergeRow *theirs, CrbMergeRow *ours, GError **error)
{
  const CrbMergeTable *documents = theirs->table;
  const CrbMergeTable *revisions = _crb_merge_table (merge->db, "revision");
  const char          *their_uuid = _crb_merge_row_text (theirs, documents->col_uuid);
  const char          *our_uuid = _crb_merge_row_text (ours, documents->col_uuid);
  g_autoptr (GPtrArray) our_revisions = NULL;
  gint64      at;
  const char *by;

  if (!_crb_merge_insert_row (merge, theirs, error) ||
      !conflicts_between (merge, theirs, ours, error))
    return FALSE;
  our_revisions =
      strings (merge, FALSE, "SELECT uuid FROM revision WHERE document_uuid = ?1 AND deleted = 0",
               our_uuid, error);
  for (guint i = 0; our_revisions && i < our_revisions->len; i++)
    {
      const char *our_revision = g_ptr_array_index (our_revisions, i);
      g_autoptr (CrbMergeRow) revision =
          _crb_merge_row_by_uuid (merge, FALSE, revisions, our_revision, TRUE, error);
      g_autoptr (CrbMergeRow) their_row = NULL;
      g_autofree char *match = NULL;
      int              sha = 0;

      if (revision == NULL)
        return FALSE;
      for (guint c = 0; c < revisions->n_columns; c++)
        if (g_str_equal (revisions->columns[c], "text_sha256"))
          sha = (int) c;
      match =
          matching_revision (merge, TRUE, their_uuid, _crb_merge_row_text (revision, sha), error);
      if (match == NULL)
        {
          if (!run (merge, "UPDATE revision SET document_uuid = ?2 WHERE uuid = ?1", our_revision,
                    their_uuid, error))
            return FALSE;
          continue;
        }
      if (!(their_row = _crb_merge_row_by_uuid (merge, TRUE, revisions, match, TRUE, error)) ||
          !_crb_merge_insert_row (merge, their_row, error) ||
          !run (merge, "UPDATE claim SET revision_uuid = ?2 WHERE revision_uuid = ?1", our_revision,
                match, error) ||
          !run (merge, "UPDATE mention SET revision_uuid = ?2 WHERE revision_uuid = ?1",
                our_revision, match, error) ||
          !_crb_merge_add_redirect (merge, "revision", our_revision, match, error))
        return FALSE;
      later_stamps (revision, their_row, &at, &by);
      {
        g_autofree char *author = g_strdup (by);

        if (!_crb_merge_tombstone (merge, revisions, our_revision, at, author, error))
          return FALSE;
      }
    }
  if (our_revisions == NULL)
    return FALSE;

  /* Everything else that points at our document points at theirs now. */
  if (!run (merge, "UPDATE claim SET document_uuid = ?2 WHERE document_uuid = ?1", our_uuid,
            their_uuid, error) ||
      !run (merge, "UPDATE mention SET document_uuid = ?2 WHERE document_uuid = ?1", our_uuid,
            their_uuid, error) ||
      !run (merge, "UPDATE relation SET from_document_uuid = ?2 WHERE from_document_uuid = ?1",
            our_uuid, their_uuid, error) ||
      !run (merge, "UPDATE relation SET to_document_uuid = ?2 WHERE to_document_uuid = ?1",
            our_uuid, their_uuid, error) ||
      !_crb_merge_add_redirect (merge, "document", our_uuid, their_uuid, error))
    return FALSE;
  later_stamps (ours, theirs, &at, &by);
  {
    g_autofree char *author = g_strdup (by);

    if (!_crb_merge_tombstone (merge, documents, our_uuid, at, author, error))
      return FALSE;
  }
  g_hash_table_add (merge->touched_documents, g_strdup (their_uuid));
  return TRUE;
}

gboolean
_crb_merge_match_documents (CrbMerge *merge, GError **error)
{
  const CrbMergeTable *documents = _crb_merge_table (merge->db, "document");
  g_autoptr (GPtrArray) theirs = strings (merge, TRUE,
                                          "SELECT uuid FROM document WHERE deleted = 0 "
                                          "ORDER BY id",
                                          NULL, error);

  if (theirs == NULL)
    return FALSE;
  for (guint i = 0; i < theirs->len; i++)
    {
      const char *their_uuid = g_ptr_array_index (theirs, i);
      g_autoptr (CrbMergeRow) their_row = NULL;
      g_autoptr (CrbMergeRow) our_row = NULL;
      g_autoptr (CrbMergeRow) known = NULL;
      g_autoptr (CrbMergeRow) both = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *ours = NULL;

      if (g_strcmp0 (_crb_merge_redirect (merge, their_uuid), their_uuid) != 0)
        continue;
      known = _crb_merge_row_by_uuid (merge, FALSE, documents, their_uuid, TRUE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (known != NULL)
        continue;
      if (!(ours = find_same_text (merge, their_uuid, &local_error)))
        {
          if (local_error)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }
      /* If they have our document too, theirs is a separate one. */
      both = _crb_merge_row_by_uuid (merge, TRUE, documents, ours, TRUE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (both != NULL)
        continue;
      if (!(their_row = _crb_merge_row_by_uuid (merge, TRUE, documents, their_uuid, TRUE, error)) ||
          !(our_row = _crb_merge_row_by_uuid (merge, FALSE, documents, ours, TRUE, error)))
        return FALSE;

      merge->summary->same_documents++;
      if (strcmp (ours, their_uuid) < 0 ? !fold_into_ours (merge, their_row, our_row, error)
                                        : !fold_into_theirs (merge, their_row, our_row, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64 id;
  char  *uuid;
  int    current;
  gint64 number;
  gint64 created;
} Revision;

static void
revision_clear (gpointer data)
{
  g_free (((Revision *) data)->uuid);
}

/* Whether `a` is newer than `b`. */
static gboolean
newer (const Revision *a, const Revision *b)
{
  if (a->number != b->number)
    return a->number > b->number;
  if (a->created != b->created)
    return a->created > b->created;
  return g_strcmp0 (a->uuid, b->uuid) > 0;
}

static gboolean
set_current (CrbMerge *merge, const Revision *revision, int current, GError **error)
{
  sqlite3_stmt *stmt;

  if (revision->current == current)
    return TRUE;
  if (!_crb_fts_unindex (merge->db, CRB_FTS_REVISION, revision->id, error) ||
      !(stmt = _crb_project_prepare (merge->project,
                                     "UPDATE revision SET current = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision->id);
  sqlite3_bind_int (stmt, 2, current);
  return _crb_project_step_done (merge->project, stmt, "the current revision", error) &&
         _crb_fts_index (merge->db, CRB_FTS_REVISION, revision->id, error) &&
         _crb_merge_log_unit (merge->project, "revision", revision->uuid, "current", error);
}

static gboolean
settle_document (CrbMerge *merge, const char *document_uuid, GError **error)
{
  g_autoptr (GArray) revisions = g_array_new (FALSE, FALSE, sizeof (Revision));
  sqlite3_stmt   *stmt;
  const Revision *chosen = NULL;
  gboolean        any_current = FALSE;
  int             rc;

  g_array_set_clear_func (revisions, revision_clear);
  stmt = _crb_project_prepare (merge->project,
                               "SELECT id, uuid, current, number, created_at FROM revision "
                               "WHERE document_uuid = ?1 AND deleted = 0",
                               error);
  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, document_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Revision revision = { sqlite3_column_int64 (stmt, 0), crb_column_dup (stmt, 1),
                            sqlite3_column_int (stmt, 2), sqlite3_column_int64 (stmt, 3),
                            sqlite3_column_int64 (stmt, 4) };

      any_current |= revision.current != 0;
      g_array_append_val (revisions, revision);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _crb_merge_exec_failed (merge->db, rc, "the merge", error);

  /* The newest of those that are current on either side. */
  for (guint i = 0; i < revisions->len; i++)
    {
      const Revision *revision = &g_array_index (revisions, Revision, i);

      if ((revision->current || !any_current) && (chosen == NULL || newer (revision, chosen)))
        chosen = revision;
    }
  for (guint i = 0; i < revisions->len; i++)
    {
      const Revision *revision = &g_array_index (revisions, Revision, i);

      if (!set_current (merge, revision, revision == chosen, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_crb_merge_settle_revisions (CrbMerge *merge, GError **error)
{
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, merge->touched_documents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!settle_document (merge, key, error))
      return FALSE;
  return TRUE;
}

gboolean
_crb_merge_reanchor (CrbMerge *merge, GError **error)
{
  GHashTableIter    iter;
  gpointer          key;
  CrbReanchorCounts counts = { 0 };

  g_hash_table_iter_init (&iter, merge->touched_documents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!_crb_reanchor_document (merge->project, key, &counts, error))
      return FALSE;
  merge->summary->reanchored += counts.anchored + counts.moved;
  merge->summary->ambiguous += counts.ambiguous;
  merge->summary->orphaned += counts.orphaned;
  return TRUE;
}
