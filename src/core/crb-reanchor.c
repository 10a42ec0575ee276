/* crb-reanchor.c: carrying a document's claims and mentions over to its
 * current revision
 *
 * Anchors that are found move to the current revision with a fresh quote
 * and context; the others stay on the revision whose offsets they fit,
 * marked ambiguous or orphaned, so that nothing the analyst wrote is lost
 * and the reader can show them for review.  Anchor changes are made by
 * the program, not the analyst, so the rows' modified stamps stay; they
 * are versioned in the change log like any edit, so that a merge knows
 * the new anchor is newer than the one a colleague's copy still has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reanchor"

#include "crb-document.h"
#include "crb-fts-private.h"
#include "crb-merge-log-private.h"
#include "crb-reanchor-private.h"
#include "crb-record.h"

#define CONTEXT_CHARS 32

typedef struct
{
  gint64 id;
  char  *uuid;
  char  *revision;
  guint  start;
  guint  end;
  char  *exact;
  char  *prefix;
  char  *suffix;
  char  *status;
} Anchor;

static void
anchor_clear (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->uuid);
  g_free (anchor->revision);
  g_free (anchor->exact);
  g_free (anchor->prefix);
  g_free (anchor->suffix);
  g_free (anchor->status);
}

/* Claims (with context) or mentions (without) off the current revision. */
static GArray *
load_anchors (CrbProject *project, gboolean claims, const char *document_uuid, const char *current,
              GError **error)
{
  const char *sql = claims ? "SELECT id, uuid, revision_uuid, start_offset, end_offset, exact, "
                             "prefix, suffix, anchor_status FROM claim WHERE document_uuid = ?1 "
                             "AND deleted = 0 AND revision_uuid <> ?2 ORDER BY id"
                           : "SELECT id, uuid, revision_uuid, start_offset, end_offset, exact, "
                             "'', '', '' FROM mention WHERE document_uuid = ?1 AND deleted = 0 "
                             "AND revision_uuid <> ?2 ORDER BY id";
  g_autoptr (GArray) anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  sqlite3_stmt *stmt;
  int           rc;

  g_array_set_clear_func (anchors, anchor_clear);
  if (!(stmt = _crb_project_prepare (project, sql, error)))
    return NULL;
  crb_bind_text (stmt, 1, document_uuid);
  crb_bind_text (stmt, 2, current);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Anchor anchor = {
        sqlite3_column_int64 (stmt, 0),
        crb_column_dup (stmt, 1),
        crb_column_dup (stmt, 2),
        (guint) sqlite3_column_int64 (stmt, 3),
        (guint) sqlite3_column_int64 (stmt, 4),
        crb_column_dup (stmt, 5),
        crb_column_dup (stmt, 6),
        crb_column_dup (stmt, 7),
        crb_column_dup (stmt, 8),
      };

      g_array_append_val (anchors, anchor);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "the annotations");
      return NULL;
    }
  return g_steal_pointer (&anchors);
}

static char *
revision_text (CrbProject *project, const char *revision_uuid, GError **error)
{
  sqlite3_stmt *stmt =
      _crb_project_prepare (project, "SELECT text FROM revision WHERE uuid = ?1", error);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  crb_bind_text (stmt, 1, revision_uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = crb_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text ? text : g_strdup ("");
}

/* The current revision of a document, or NULL (no error) if none. */
static char *
current_revision (CrbProject *project, const char *document_uuid, GError **error)
{
  sqlite3_stmt *stmt = _crb_project_prepare (project,
                                             "SELECT uuid FROM revision WHERE document_uuid = ?1 "
                                             "AND current = 1 AND deleted = 0 "
                                             "ORDER BY number DESC LIMIT 1",
                                             error);
  char         *uuid = NULL;

  if (stmt == NULL)
    return NULL;
  crb_bind_text (stmt, 1, document_uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = crb_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return uuid;
}

static char *
slice (const gunichar *text, glong from, glong to)
{
  return g_ucs4_to_utf8 (text + from, to - from, NULL, NULL, NULL);
}

static gboolean
update_claim (CrbProject *project, const Anchor *anchor, const char *current,
              CrbReanchorTexts *texts, CrbAnchorStatus status, guint start, guint end,
              GError **error)
{
  sqlite3         *db = _crb_project_get_db (project);
  gboolean         placed = status == CRB_ANCHOR_ANCHORED || status == CRB_ANCHOR_MOVED;
  g_autofree char *exact = NULL, *prefix = NULL, *suffix = NULL;
  sqlite3_stmt    *stmt;

  if (!placed)
    {
      if (g_strcmp0 (anchor->status, crb_anchor_status_to_string (status)) == 0)
        return TRUE;
      stmt = _crb_project_prepare (project, "UPDATE claim SET anchor_status = ?2 WHERE id = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, anchor->id);
      crb_bind_text (stmt, 2, crb_anchor_status_to_string (status));
      return _crb_project_step_done (project, stmt, "the claim's anchor", error) &&
             _crb_merge_log_unit (project, "claim", anchor->uuid, "anchor", error);
    }

  exact = slice (texts->new_text, start, end);
  prefix = slice (texts->new_text, start > CONTEXT_CHARS ? start - CONTEXT_CHARS : 0, start);
  suffix = slice (texts->new_text, end, MIN ((glong) end + CONTEXT_CHARS, texts->new_length));
  if (!_crb_fts_unindex (db, CRB_FTS_CLAIM, anchor->id, error))
    return FALSE;
  stmt = _crb_project_prepare (project,
                               "UPDATE claim SET revision_uuid = ?2, start_offset = ?3, "
                               "end_offset = ?4, exact = ?5, prefix = ?6, suffix = ?7, "
                               "anchor_status = ?8 WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, anchor->id);
  crb_bind_text (stmt, 2, current);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, end);
  crb_bind_text (stmt, 5, exact);
  crb_bind_text (stmt, 6, prefix);
  crb_bind_text (stmt, 7, suffix);
  crb_bind_text (stmt, 8, crb_anchor_status_to_string (status));
  return _crb_project_step_done (project, stmt, "the claim's anchor", error) &&
         _crb_fts_index (db, CRB_FTS_CLAIM, anchor->id, error) &&
         _crb_merge_log_unit (project, "claim", anchor->uuid, "anchor", error);
}

static gboolean
update_mention (CrbProject *project, const Anchor *anchor, const char *current,
                CrbReanchorTexts *texts, guint start, guint end, GError **error)
{
  g_autofree char *exact = slice (texts->new_text, start, end);
  sqlite3_stmt    *stmt = _crb_project_prepare (project,
                                                "UPDATE mention SET revision_uuid = ?2, "
                                                   "start_offset = ?3, end_offset = ?4, exact = ?5 "
                                                   "WHERE id = ?1",
                                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, anchor->id);
  crb_bind_text (stmt, 2, current);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, end);
  crb_bind_text (stmt, 5, exact);
  return _crb_project_step_done (project, stmt, "the mention", error) &&
         _crb_merge_log_unit (project, "mention", anchor->uuid, "anchor", error);
}

static void
count (CrbReanchorCounts *counts, CrbAnchorStatus status)
{
  if (counts == NULL)
    return;
  switch (status)
    {
    case CRB_ANCHOR_ANCHORED:
      counts->anchored++;
      break;
    case CRB_ANCHOR_MOVED:
      counts->moved++;
      break;
    case CRB_ANCHOR_AMBIGUOUS:
      counts->ambiguous++;
      break;
    case CRB_ANCHOR_ORPHANED:
    default:
      counts->orphaned++;
      break;
    }
}

static gboolean
reanchor_all (CrbProject *project, GArray *anchors, gboolean claims, const char *current,
              const char *current_text, GHashTable *texts, CrbReanchorCounts *counts,
              GError **error)
{
  for (guint i = 0; i < anchors->len; i++)
    {
      const Anchor     *anchor = &g_array_index (anchors, Anchor, i);
      CrbReanchorTexts *pair = g_hash_table_lookup (texts, anchor->revision);
      CrbAnchorStatus   status;
      guint             start = 0, end = 0;

      if (pair == NULL)
        {
          g_autofree char *old_text = revision_text (project, anchor->revision, error);

          if (old_text == NULL)
            return FALSE;
          pair = _crb_reanchor_texts_new (old_text, current_text);
          g_hash_table_insert (texts, g_strdup (anchor->revision), pair);
        }
      status = _crb_reanchor_locate (pair, anchor->start, anchor->end, anchor->exact,
                                     anchor->prefix, anchor->suffix, &start, &end);
      if (claims)
        {
          if (!update_claim (project, anchor, current, pair, status, start, end, error))
            return FALSE;
          count (counts, status);
        }
      else if ((status == CRB_ANCHOR_ANCHORED || status == CRB_ANCHOR_MOVED) &&
               !update_mention (project, anchor, current, pair, start, end, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_crb_reanchor_document (CrbProject *project, const char *document_uuid, CrbReanchorCounts *counts,
                        GError **error)
{
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) _crb_reanchor_texts_free);
  g_autoptr (GArray) claims = NULL;
  g_autoptr (GArray) mentions = NULL;
  g_autofree char *current = NULL;
  g_autofree char *current_text = NULL;

  g_assert (_crb_project_in_action (project));

  /* Most documents have nothing off their current revision: find out
   * before reading any text. */
  current = current_revision (project, document_uuid, error);
  if (current == NULL)
    return error == NULL || *error == NULL;
  if (!(claims = load_anchors (project, TRUE, document_uuid, current, error)) ||
      !(mentions = load_anchors (project, FALSE, document_uuid, current, error)))
    return FALSE;
  if (claims->len == 0 && mentions->len == 0)
    return TRUE;
  if (!(current_text = revision_text (project, current, error)) ||
      !reanchor_all (project, claims, TRUE, current, current_text, texts, counts, error) ||
      !reanchor_all (project, mentions, FALSE, current, current_text, texts, NULL, error))
    return FALSE;
  _crb_project_note_change (project, CRB_CHANGE_CLAIMS | CRB_CHANGE_ENTITIES);
  return TRUE;
}

gboolean
crb_project_reanchor_document (CrbProject *project, const char *document_id,
                               CrbReanchorCounts *counts, GError **error)
{
  g_autoptr (CrbDocument) document = NULL;
  CrbReanchorCounts local = { 0 };

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  if (!(document = crb_project_find_document (project, document_id, error)))
    return FALSE;
  if (!_crb_project_begin_action (project, "Re-anchor annotations", error))
    return FALSE;
  if (!_crb_reanchor_document (project, crb_record_get_uuid (CRB_RECORD (document)), &local, error))
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  if (counts)
    *counts = local;
  return _crb_project_commit_action (project, error);
}
