/* crb-mention-detect-sources.c: an entity across sources, for its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity"

#include "crb-claim-entity.h"
#include "crb-document.h"
#include "crb-entity.h"
#include "crb-mention-detect.h"
#include "crb-mention.h"
#include "crb-record.h"

void
crb_entity_source_free (CrbEntitySource *source)
{
  if (source == NULL)
    return;
  g_free (source->document_uuid);
  g_free (source->title);
  g_free (source->published_at);
  g_clear_pointer (&source->claims, g_ptr_array_unref);
  g_clear_pointer (&source->mentions, g_ptr_array_unref);
  g_free (source);
}

static CrbEntitySource *
source_for (CrbProject *project, GHashTable *sources, const char *document_uuid, GError **error)
{
  CrbEntitySource *source = g_hash_table_lookup (sources, document_uuid);
  g_autoptr (CrbDocument) document = NULL;

  if (source != NULL)
    return source;
  if (!(document = crb_project_find_document (project, document_uuid, error)))
    return NULL;
  source = g_new0 (CrbEntitySource, 1);
  source->document_uuid = g_strdup (document_uuid);
  source->title = g_strdup (crb_document_get_title (document));
  source->published_at = g_strdup (crb_document_get_published_at (document));
  source->claims = g_ptr_array_new_with_free_func (g_object_unref);
  source->mentions = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (sources, source->document_uuid, source);
  return source;
}

static int
compare_sources (gconstpointer a, gconstpointer b)
{
  const CrbEntitySource *x = *(CrbEntitySource *const *) a;
  const CrbEntitySource *y = *(CrbEntitySource *const *) b;
  int                    order;

  if ((x->published_at == NULL) != (y->published_at == NULL))
    return x->published_at == NULL ? 1 : -1;
  if ((order = g_strcmp0 (x->published_at, y->published_at)) != 0)
    return order;
  if ((order = g_utf8_collate (x->title, y->title)) != 0)
    return order;
  return g_strcmp0 (x->document_uuid, y->document_uuid);
}

GPtrArray *
crb_project_list_entity_sources (CrbProject *project, const char *entity_id, GError **error)
{
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) result = NULL;
  GHashTableIter iter;
  gpointer       value;
  const char    *uuid;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (!(entity = crb_project_find_entity (project, entity_id, error)))
    return NULL;
  uuid = crb_record_get_uuid (CRB_RECORD (entity));
  if (!(claims = crb_project_list_entity_claims (project, uuid, error)) ||
      !(mentions = crb_project_list_mentions (project, NULL, uuid, error)))
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_entity_source_free);
  for (guint i = 0; i < claims->len; i++)
    {
      CrbClaimEntity  *link = g_ptr_array_index (claims, i);
      CrbEntitySource *source =
          source_for (project, sources, crb_claim_entity_get_document_uuid (link), error);

      if (source == NULL)
        goto fail;
      g_ptr_array_add (source->claims, g_object_ref (link));
    }
  for (guint i = 0; i < mentions->len; i++)
    {
      CrbMention      *mention = g_ptr_array_index (mentions, i);
      CrbEntitySource *source =
          source_for (project, sources, crb_mention_get_document_uuid (mention), error);

      if (source == NULL)
        goto fail;
      g_ptr_array_add (source->mentions, g_object_ref (mention));
    }

  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (result, value);
  g_hash_table_steal_all (sources);
  g_ptr_array_sort (result, compare_sources);
  return g_steal_pointer (&result);

fail:
  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    crb_entity_source_free (value);
  g_hash_table_steal_all (sources);
  return NULL;
}
