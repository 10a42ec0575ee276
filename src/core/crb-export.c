/* crb-export.c: exports — the claims with their context, and dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-export"

#include "crb-accounts.h"
#include "crb-briefing.h"
#include "crb-claim-entity.h"
#include "crb-entity.h"
#include "crb-event-claim.h"
#include "crb-export-private.h"
#include "crb-project-private.h"
#include "crb-record.h"
#include "crb-tag.h"
#include "crb-util.h"

gboolean
crb_export_format_from_string (const char *name, CrbExportFormat *format)
{
  static const struct
  {
    const char     *name;
    CrbExportFormat format;
  } names[] = {
    { "jsonld", CRB_EXPORT_JSONLD }, { "json-ld", CRB_EXPORT_JSONLD },
    { "csv", CRB_EXPORT_CSV },       { "markdown", CRB_EXPORT_MARKDOWN },
    { "md", CRB_EXPORT_MARKDOWN },   { "html", CRB_EXPORT_HTML },
  };

  for (guint i = 0; name && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (names[i].name, name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

void
_crb_export_claim_free (CrbExportClaim *item)
{
  if (item == NULL)
    return;
  g_clear_object (&item->claim);
  g_clear_object (&item->document);
  g_clear_pointer (&item->tags, g_ptr_array_unref);
  g_clear_pointer (&item->entities, g_ptr_array_unref);
  g_clear_pointer (&item->events, g_ptr_array_unref);
  g_free (item);
}

char *
_crb_export_time (gint64 ms)
{
  return ms > 0 ? crb_format_time_ms (ms) : NULL;
}

char *
_crb_export_source (CrbDocument *document)
{
  const char *address = crb_document_get_web_address (document);

  if (address)
    return g_strdup (address);
  return g_strdup_printf ("urn:uuid:%s", crb_record_get_uuid (CRB_RECORD (document)));
}

static gint64
revision_retrieved_at (CrbProject *project, const char *revision_uuid)
{
  sqlite3_stmt *stmt;
  gint64        at = 0;

  _crb_project_lock (project);
  stmt = _crb_project_prepare (project, "SELECT retrieved_at FROM revision WHERE uuid = ?1", NULL);
  if (stmt != NULL)
    {
      crb_bind_text (stmt, 1, revision_uuid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        at = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  _crb_project_unlock (project);
  return at;
}

static CrbExportClaim *
describe (CrbProject *project, CrbClaim *claim, GHashTable *documents, GError **error)
{
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  g_autoptr (GPtrArray) events = NULL;
  const char     *uuid = crb_record_get_uuid (CRB_RECORD (claim));
  CrbExportClaim *item;
  CrbDocument    *document = g_hash_table_lookup (documents, crb_claim_get_document_uuid (claim));

  if (document == NULL)
    return NULL; /* its document is gone: nothing to point at */
  if (!(tags = crb_project_list_claim_tags (project, uuid, error)) ||
      !(entities = crb_project_list_claim_entities (project, uuid, error)) ||
      !(events = crb_project_list_claim_events (project, uuid, error)))
    return NULL;

  item = g_new0 (CrbExportClaim, 1);
  item->claim = g_object_ref (claim);
  item->document = g_object_ref (document);
  item->retrieved_at = revision_retrieved_at (project, crb_claim_get_revision_uuid (claim));
  item->tags = g_ptr_array_new_with_free_func (g_free);
  item->entities = g_ptr_array_new_with_free_func (g_free);
  item->events = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < tags->len; i++)
    g_ptr_array_add (item->tags, g_strdup (crb_tag_get_name (g_ptr_array_index (tags, i))));
  for (guint i = 0; i < entities->len; i++)
    {
      CrbClaimEntity *link = g_ptr_array_index (entities, i);

      g_ptr_array_add (item->entities,
                       g_strdup_printf ("%s (%s)", crb_claim_entity_get_entity_name (link),
                                        crb_claim_entity_get_role (link)));
    }
  for (guint i = 0; i < events->len; i++)
    {
      CrbEventClaim *link = g_ptr_array_index (events, i);
      const char    *facet = crb_event_claim_get_facet_name (link);

      g_ptr_array_add (item->events,
                       facet
                           ? g_strdup_printf ("%s: %s (%s)", crb_event_claim_get_event_title (link),
                                              facet, crb_event_claim_get_stance (link))
                           : g_strdup_printf ("%s (%s)", crb_event_claim_get_event_title (link),
                                              crb_event_claim_get_stance (link)));
    }
  return item;
}

GPtrArray *
_crb_export_claims (CrbProject *project, GError **error)
{
  g_autoptr (GPtrArray) items =
      g_ptr_array_new_with_free_func ((GDestroyNotify) _crb_export_claim_free);
  g_autoptr (GPtrArray) documents = crb_project_list_documents (project, error);
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  if (documents == NULL || !(claims = crb_project_list_claims (project, NULL, error)))
    return NULL;
  for (guint i = 0; i < documents->len; i++)
    g_hash_table_insert (by_uuid, (gpointer) crb_record_get_uuid (g_ptr_array_index (documents, i)),
                         g_ptr_array_index (documents, i));
  for (guint i = 0; i < claims->len; i++)
    {
      g_autoptr (GError) local_error = NULL;
      CrbExportClaim *item =
          describe (project, g_ptr_array_index (claims, i), by_uuid, &local_error);

      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (item)
        g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

char *
crb_project_export (CrbProject *project, CrbExportFormat format, const char *event_id,
                    GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  switch (format)
    {
    case CRB_EXPORT_JSONLD:
      return _crb_export_jsonld (project, error);
    case CRB_EXPORT_CSV:
      return _crb_export_csv (project, error);
    case CRB_EXPORT_MARKDOWN:
    case CRB_EXPORT_HTML:
      if (event_id == NULL)
        {
          g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                               "A briefing is about one event: say which.");
          return NULL;
        }
      {
        /* The briefing is the event's accounts grid, rendered. */
        g_autoptr (CrbAccountsGrid) grid =
            crb_project_build_accounts (project, event_id, NULL, error);

        if (grid == NULL)
          return NULL;
        return format == CRB_EXPORT_HTML ? crb_accounts_grid_to_html (grid)
                                         : crb_accounts_grid_to_markdown (grid);
      }
    default:
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "Unknown export format.");
      return NULL;
    }
}
