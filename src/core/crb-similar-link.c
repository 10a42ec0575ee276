/* crb-similar-link.c: adding a claim's matches to an event in one action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-similar"

#include "crb-claim.h"
#include "crb-edit-private.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-fts-private.h"
#include "crb-record.h"
#include "crb-similar.h"

/* As much context as crb-claim.c keeps around a quote. */
#define CONTEXT_CHARS 32

static gboolean
read_text (CrbProject *project, const char *sql, const char *param, char **column0, char **column1,
           GError **error)
{
  sqlite3_stmt *stmt = _crb_project_prepare (project, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, param);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *column0 = crb_column_dup (stmt, 0);
      if (column1)
        *column1 = crb_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "reading the project");
      return FALSE;
    }
  return TRUE;
}

/* Inside the action: the claim on [start, end) of the document's current
 * text, made when there is none. */
static char *
claim_on (CrbProject *project, const CrbSimilarMatch *match, GError **error)
{
  static const char *columns[] = { "document_uuid", "revision_uuid", "start_offset",
                                   "end_offset",    "exact",         "prefix",
                                   "suffix",        "kind",          "note" };
  GValue             values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  g_autofree char   *revision = NULL;
  g_autofree char   *text = NULL;
  g_autofree char   *exact = NULL, *prefix = NULL, *suffix = NULL;
  char              *uuid = NULL;
  sqlite3_stmt      *stmt;
  gint64             rowid;
  glong              length;
  gboolean           ok;

  if (!(stmt = _crb_project_prepare (project,
                                     "SELECT uuid FROM claim WHERE document_uuid = ?1 "
                                     "AND start_offset = ?2 AND end_offset = ?3 AND deleted = 0 "
                                     "ORDER BY id LIMIT 1",
                                     error)))
    return NULL;
  crb_bind_text (stmt, 1, match->document_uuid);
  sqlite3_bind_int64 (stmt, 2, match->start);
  sqlite3_bind_int64 (stmt, 3, match->end);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = crb_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (uuid != NULL)
    return uuid;

  if (!read_text (project,
                  "SELECT uuid, text FROM revision WHERE document_uuid = ?1 AND current = 1 "
                  "AND deleted = 0",
                  match->document_uuid, &revision, &text, error))
    return NULL;
  length = text ? g_utf8_strlen (text, -1) : 0;
  if (text == NULL || match->end > length || match->start >= match->end)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_CONFLICT,
                   "“%s” has changed since it was searched; search again.", match->title);
      return NULL;
    }
  exact = g_utf8_substring (text, match->start, match->end);
  prefix = g_utf8_substring (text, match->start > CONTEXT_CHARS ? match->start - CONTEXT_CHARS : 0,
                             match->start);
  suffix = g_utf8_substring (text, match->end, MIN (length, match->end + CONTEXT_CHARS));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_init (&values[i], i == 2 || i == 3 ? G_TYPE_INT64 : G_TYPE_STRING);
  g_value_set_string (&values[0], match->document_uuid);
  g_value_set_string (&values[1], revision);
  g_value_set_int64 (&values[2], match->start);
  g_value_set_int64 (&values[3], match->end);
  g_value_set_string (&values[4], exact);
  g_value_set_string (&values[5], prefix);
  g_value_set_string (&values[6], suffix);
  g_value_set_string (&values[7], "claim");
  g_value_set_string (&values[8], "");
  ok = _crb_edit_insert (project, "claim", NULL, columns, values, G_N_ELEMENTS (columns), &uuid,
                         &rowid, error) &&
       _crb_fts_index (_crb_project_get_db (project), CRB_FTS_CLAIM, rowid, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  if (!ok)
    g_clear_pointer (&uuid, g_free);
  return uuid;
}

/* Inside the action: links a claim unless it already is (any stance). */
static gboolean
link_claim (CrbProject *project, const char *claim_uuid, const char *event_uuid,
            const char *facet_uuid, const char *stance, GError **error)
{
  static const char *columns[] = { "event_uuid", "claim_uuid", "facet_uuid", "stance" };
  GValue             values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  const char        *strings[] = { event_uuid, claim_uuid, facet_uuid, stance };
  sqlite3_stmt      *stmt;
  gboolean           linked, ok;

  if (!(stmt = _crb_project_prepare (project,
                                     "SELECT 1 FROM event_claim WHERE event_uuid = ?1 "
                                     "AND claim_uuid = ?2 AND facet_uuid IS ?3 AND deleted = 0",
                                     error)))
    return FALSE;
  crb_bind_text (stmt, 1, event_uuid);
  crb_bind_text (stmt, 2, claim_uuid);
  crb_bind_text (stmt, 3, facet_uuid);
  linked = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (linked)
    return TRUE;

  /* A NULL string binds SQL NULL: a link to the event as a whole. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_static_string (&values[i], strings[i]);
    }
  ok = _crb_edit_insert (project, "event_claim", NULL, columns, values, G_N_ELEMENTS (columns),
                         NULL, NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return ok;
}

gboolean
crb_project_link_similar (CrbProject *project, const char *claim_id, GPtrArray *matches,
                          const char *event_id, const char *facet_id, GError **error)
{
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbFacet) facet = NULL;
  const char *event_uuid, *facet_uuid = NULL;
  gboolean    ok;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (matches != NULL, FALSE);

  if (!(claim = crb_project_find_claim (project, claim_id, error)) ||
      !(event = crb_project_find_event (project, event_id, error)))
    return FALSE;
  event_uuid = crb_record_get_uuid (CRB_RECORD (event));
  if (facet_id != NULL && *facet_id != '\0')
    {
      if (!(facet = crb_project_find_facet (project, event_uuid, facet_id, error)))
        return FALSE;
      if (g_strcmp0 (crb_facet_get_event_uuid (facet), event_uuid) != 0)
        {
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                       "“%s” is a facet of another event, not of “%s”.", crb_facet_get_name (facet),
                       crb_event_get_title (event));
          return FALSE;
        }
      facet_uuid = crb_record_get_uuid (CRB_RECORD (facet));
    }

  if (!_crb_project_begin_action (project, "Add matches to event", error))
    return FALSE;
  ok = link_claim (project, crb_record_get_uuid (CRB_RECORD (claim)), event_uuid, facet_uuid,
                   "supports", error);
  for (guint i = 0; ok && i < matches->len; i++)
    {
      const CrbSimilarMatch *match = g_ptr_array_index (matches, i);
      g_autofree char       *uuid = claim_on (project, match, error);
      gboolean               supports = match->kind != CRB_SIMILAR_PARAPHRASE && !match->disagrees;

      ok = uuid != NULL && link_claim (project, uuid, event_uuid, facet_uuid,
                                       supports ? "supports" : "partial", error);
    }
  if (!ok)
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  _crb_project_note_change (project, CRB_CHANGE_CLAIMS | CRB_CHANGE_EVENTS | CRB_CHANGE_DOCUMENTS);
  return _crb_project_commit_action (project, error);
}
