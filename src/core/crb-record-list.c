/* crb-record-list.c
 *
 * Records are snapshots, so a reload builds new objects; handing those to
 * a view as they are would drop every selection and rebuild every row.
 * Instead the fresh list is compared with the shown one: unchanged
 * records keep their objects, and the difference is reported as a few
 * items-changed over the stretches that differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-record-list"

#include "crb-claim.h"
#include "crb-document.h"
#include "crb-entity.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-record-list.h"
#include "crb-record.h"
#include "crb-tag.h"

struct _CrbRecordList
{
  GObject          parent_instance;

  CrbProject      *project;
  GType            item_type;
  CrbChangeFlags   watch;
  CrbRecordLoader  loader;
  gpointer         user_data;
  GDestroyNotify   destroy;

  GPtrArray       *items;
  GParamSpec     **pspecs; /* the item type's properties, to compare */
  guint            n_pspecs;
  gulong           changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrbRecordList, crb_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
crb_record_list_get_item_type (GListModel *model)
{
  return CRB_RECORD_LIST (model)->item_type;
}

static guint
crb_record_list_get_n_items (GListModel *model)
{
  return CRB_RECORD_LIST (model)->items->len;
}

static gpointer
crb_record_list_get_item (GListModel *model, guint position)
{
  CrbRecordList *self = CRB_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crb_record_list_get_item_type;
  iface->get_n_items = crb_record_list_get_n_items;
  iface->get_item = crb_record_list_get_item;
}

static void
crb_record_list_dispose (GObject *object)
{
  CrbRecordList *self = CRB_RECORD_LIST (object);

  if (self->project)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  g_ptr_array_set_size (self->items, 0);
  G_OBJECT_CLASS (crb_record_list_parent_class)->dispose (object);
}

static void
crb_record_list_finalize (GObject *object)
{
  CrbRecordList *self = CRB_RECORD_LIST (object);

  if (self->destroy)
    self->destroy (self->user_data);
  g_ptr_array_unref (self->items);
  g_free (self->pspecs);
  G_OBJECT_CLASS (crb_record_list_parent_class)->finalize (object);
}

static void
crb_record_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbRecordList *self = CRB_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_record_list_class_init (CrbRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crb_record_list_dispose;
  object_class->finalize = crb_record_list_finalize;
  object_class->get_property = crb_record_list_get_property;

  properties[PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, CRB_TYPE_PROJECT,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] = g_param_spec_gtype ("item-type", NULL, NULL, CRB_TYPE_RECORD,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                    | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_record_list_init (CrbRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Whether a fresh snapshot shows nothing different from the shown one. */
static gboolean
same_record (CrbRecordList *self, gpointer shown, gpointer fresh)
{
  if (crb_record_get_modified_at (shown) != crb_record_get_modified_at (fresh))
    return FALSE;
  /* Counts and joined names change without the row changing. */
  for (guint i = 0; i < self->n_pspecs; i++)
    {
      g_auto (GValue) a = G_VALUE_INIT;
      g_auto (GValue) b = G_VALUE_INIT;

      g_value_init (&a, self->pspecs[i]->value_type);
      g_value_init (&b, self->pspecs[i]->value_type);
      g_object_get_property (shown, self->pspecs[i]->name, &a);
      g_object_get_property (fresh, self->pspecs[i]->name, &b);
      if (g_param_values_cmp (self->pspecs[i], &a, &b) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Replaces unchanged records in `fresh` by the shown objects. */
static void
keep_unchanged (CrbRecordList *self, GPtrArray *fresh)
{
  g_autoptr (GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->items->len; i++)
    {
      CrbRecord *record = g_ptr_array_index (self->items, i);

      g_hash_table_insert (shown, (gpointer) crb_record_get_uuid (record), record);
    }
  for (guint i = 0; i < fresh->len; i++)
    {
      CrbRecord *record = g_ptr_array_index (fresh, i);
      CrbRecord *old = g_hash_table_lookup (shown, crb_record_get_uuid (record));

      if (old != NULL && same_record (self, old, record))
        {
          g_ptr_array_index (fresh, i) = g_object_ref (old);
          g_object_unref (record);
        }
    }
}

static gpointer
ref_item (gconstpointer item, gpointer data)
{
  return g_object_ref ((gpointer) item);
}

static GHashTable *
set_of (GPtrArray *items)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_add (set, g_ptr_array_index (items, i));
  return set;
}

/* Walks the shown list (`old`) and the fresh one together.  Where they
 * differ, a stretch of old items that are gone (or appear later) is
 * removed and a stretch of fresh items not waiting further on in the old
 * list is inserted, in one items-changed.  After each signal the list is
 * fresh[0, j) followed by old[i, …), as the signal promises. */
static void
apply (CrbRecordList *self, GPtrArray *fresh)
{
  g_autoptr (GPtrArray) old = self->items;
  g_autoptr (GHashTable) old_pending = set_of (old);
  g_autoptr (GHashTable) new_pending = set_of (fresh);
  guint n_old = old->len, n_new = fresh->len;
  guint i = 0, j = 0;

  self->items = g_ptr_array_copy (old, ref_item, NULL);
  g_ptr_array_set_free_func (self->items, g_object_unref);

  while (i < n_old || j < n_new)
    {
      guint i0 = i, j0 = j;

      if (i < n_old && j < n_new && old->pdata[i] == fresh->pdata[j])
        {
          g_hash_table_remove (old_pending, old->pdata[i++]);
          g_hash_table_remove (new_pending, fresh->pdata[j++]);
          continue;
        }
      for (;;)
        {
          gboolean progress = FALSE;

          for (; i < n_old && !g_hash_table_contains (new_pending, old->pdata[i]); i++)
            {
              g_hash_table_remove (old_pending, old->pdata[i]);
              progress = TRUE;
            }
          for (; j < n_new && !g_hash_table_contains (old_pending, fresh->pdata[j]); j++)
            {
              g_hash_table_remove (new_pending, fresh->pdata[j]);
              progress = TRUE;
            }
          if ((i >= n_old && j >= n_new)
              || (i < n_old && j < n_new && old->pdata[i] == fresh->pdata[j]))
            break;
          /* Both wait further on in the other list: a move.  Take the old
           * one out here; it goes in again where the fresh list has it. */
          if (!progress)
            g_hash_table_remove (old_pending, old->pdata[i++]);
        }

      g_ptr_array_remove_range (self->items, j0, i - i0);
      for (guint k = j0; k < j; k++)
        g_ptr_array_insert (self->items, k, g_object_ref (fresh->pdata[k]));
      g_list_model_items_changed (G_LIST_MODEL (self), j0, i - i0, j - j0);
    }
  g_assert (self->items->len == n_new);
}

gboolean
crb_record_list_reload (CrbRecordList *self, GError **error)
{
  g_autoptr (GPtrArray) fresh = NULL;
  guint n_before;

  g_return_val_if_fail (CRB_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  if (!(fresh = self->loader (self->project, self->user_data, error)))
    return FALSE;
  for (guint i = 0; i < fresh->len; i++)
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (fresh->pdata[i], self->item_type), FALSE);

  n_before = self->items->len;
  keep_unchanged (self, fresh);
  apply (self, fresh);
  if (self->items->len != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

static void
on_project_changed (CrbProject *project, guint changes, gpointer data)
{
  CrbRecordList *self = data;
  g_autoptr (GError) error = NULL;

  if ((changes & self->watch) == 0)
    return;
  /* Shown as it was; the next change or an explicit reload tries again. */
  if (!crb_record_list_reload (self, &error))
    g_warning ("Could not refresh a list: %s", error->message);
}

CrbRecordList *
crb_record_list_new (CrbProject *project, GType item_type, CrbChangeFlags watch,
                     CrbRecordLoader loader, gpointer user_data, GDestroyNotify destroy)
{
  g_autoptr (CrbRecordList) self = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTypeClass) item_class = NULL;
  g_autofree GParamSpec **all = NULL;
  guint n_all = 0;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, CRB_TYPE_RECORD), NULL);
  g_return_val_if_fail (loader != NULL, NULL);

  self = g_object_new (CRB_TYPE_RECORD_LIST, NULL);
  self->project = g_object_ref (project);
  self->item_type = item_type;
  self->watch = watch;
  self->loader = loader;
  self->user_data = user_data;
  self->destroy = destroy;

  item_class = g_type_class_ref (item_type);
  all = g_object_class_list_properties (G_OBJECT_CLASS (item_class), &n_all);
  self->pspecs = g_new0 (GParamSpec *, n_all);
  for (guint i = 0; i < n_all; i++)
    if (all[i]->flags & G_PARAM_READABLE)
      self->pspecs[self->n_pspecs++] = all[i];

  self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (on_project_changed), self);
  if (!crb_record_list_reload (self, &error))
    g_warning ("Could not load a list: %s", error->message);
  return g_steal_pointer (&self);
}

CrbProject *
crb_record_list_get_project (CrbRecordList *self)
{
  g_return_val_if_fail (CRB_IS_RECORD_LIST (self), NULL);
  return self->project;
}

static GPtrArray *
load_documents (CrbProject *project, gpointer data, GError **error)
{
  return crb_project_list_documents (project, error);
}

static GPtrArray *
load_claims (CrbProject *project, gpointer data, GError **error)
{
  return crb_project_list_claims (project, data, error);
}

static GPtrArray *
load_tags (CrbProject *project, gpointer data, GError **error)
{
  return crb_project_list_tags (project, error);
}

static GPtrArray *
load_entities (CrbProject *project, gpointer data, GError **error)
{
  return crb_project_list_entities (project, error);
}

static GPtrArray *
load_events (CrbProject *project, gpointer data, GError **error)
{
  return crb_project_list_events (project, error);
}

static GPtrArray *
load_facets (CrbProject *project, gpointer data, GError **error)
{
  return crb_project_list_facets (project, data, error);
}

static GPtrArray *
load_event_claims (CrbProject *project, gpointer data, GError **error)
{
  return crb_project_list_event_claims (project, data, error);
}

/* A document's claim count follows its claims. */
CrbRecordList *
crb_document_list_new (CrbProject *project)
{
  return crb_record_list_new (project, CRB_TYPE_DOCUMENT, CRB_CHANGE_DOCUMENTS | CRB_CHANGE_CLAIMS,
                              load_documents, NULL, NULL);
}

CrbRecordList *
crb_claim_list_new (CrbProject *project, const char *document_uuid)
{
  return crb_record_list_new (project, CRB_TYPE_CLAIM, CRB_CHANGE_CLAIMS, load_claims,
                              g_strdup (document_uuid), g_free);
}

CrbRecordList *
crb_tag_list_new (CrbProject *project)
{
  return crb_record_list_new (project, CRB_TYPE_TAG, CRB_CHANGE_TAGS, load_tags, NULL, NULL);
}

CrbRecordList *
crb_entity_list_new (CrbProject *project)
{
  return crb_record_list_new (project, CRB_TYPE_ENTITY, CRB_CHANGE_ENTITIES, load_entities, NULL,
                              NULL);
}

CrbRecordList *
crb_event_list_new (CrbProject *project)
{
  return crb_record_list_new (project, CRB_TYPE_EVENT, CRB_CHANGE_EVENTS, load_events, NULL, NULL);
}

CrbRecordList *
crb_facet_list_new (CrbProject *project, const char *event_uuid)
{
  g_return_val_if_fail (event_uuid != NULL, NULL);
  return crb_record_list_new (project, CRB_TYPE_FACET, CRB_CHANGE_EVENTS, load_facets,
                              g_strdup (event_uuid), g_free);
}

/* An account shows its claim's quote and document's title too. */
CrbRecordList *
crb_event_claim_list_new (CrbProject *project, const char *event_uuid)
{
  g_return_val_if_fail (event_uuid != NULL, NULL);
  return crb_record_list_new (project, CRB_TYPE_EVENT_CLAIM,
                              CRB_CHANGE_EVENTS | CRB_CHANGE_CLAIMS | CRB_CHANGE_DOCUMENTS,
                              load_event_claims, g_strdup (event_uuid), g_free);
}
