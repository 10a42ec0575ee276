/* crb-reuse-map-review.c: the analyst's decisions on the reuse map, and
 * what views ask of it
 *
 * A decision is a `relation` row (see the top of crb-reuse-map.c for why
 * suggestions are not): confirming writes the link's direction, kind and
 * passages; rejecting keeps the pair rejected.  Earlier rows about the
 * same pair that say something else are tombstoned in the same action, so
 * that one pair has one current decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reuse"

#include "crb-document.h"
#include "crb-edit-private.h"
#include "crb-record.h"
#include "crb-relation.h"
#include "crb-reuse-map-private.h"
#include "crb-validate.h"

static gboolean
insert_relation (CrbProject *project, const char *from, const char *to, const char *kind,
                 const char *evidence, const char *status, GError **error)
{
  static const char *columns[] = { "from_document_uuid", "to_document_uuid", "kind", "evidence",
                                   "status" };
  const char        *strings[] = { from, to, kind, evidence, status };
  GValue             values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  gboolean           ok;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_static_string (&values[i], strings[i]);
    }
  ok = _crb_edit_insert (project, "relation", NULL, columns, values, G_N_ELEMENTS (columns), NULL,
                         NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return ok;
}

gboolean
crb_reuse_map_review (CrbReuseMap *self, CrbReuseLink *link, const char *status, gboolean reverse,
                      GError **error)
{
  CrbProject      *project;
  const char      *from, *to, *kind;
  g_autofree char *evidence = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gboolean kept = FALSE, ok = TRUE;

  g_return_val_if_fail (CRB_IS_REUSE_MAP (self), FALSE);
  g_return_val_if_fail (CRB_IS_REUSE_LINK (link), FALSE);

  project = crb_reuse_map_get_project (self);
  if (!crb_validate_field ("relation", "status", status, error))
    return FALSE;
  from = reverse ? crb_reuse_link_get_to_uuid (link) : crb_reuse_link_get_from_uuid (link);
  to = reverse ? crb_reuse_link_get_from_uuid (link) : crb_reuse_link_get_to_uuid (link);
  kind = crb_reuse_link_get_kind (link);
  evidence = _crb_reuse_link_dup_evidence (link, reverse);
  if (!(rows = crb_project_list_relations (project, from, error)))
    return FALSE;

  if (!_crb_project_begin_action (
          project, g_str_equal (status, "rejected") ? "Reject relation" : "Confirm relation",
          error))
    return FALSE;
  for (guint i = 0; ok && i < rows->len; i++)
    {
      CrbRelation *row = g_ptr_array_index (rows, i);
      const char  *uuid = crb_record_get_uuid (CRB_RECORD (row));
      gboolean     same_pair = (g_str_equal (crb_relation_get_from_document_uuid (row), from) &&
                            g_str_equal (crb_relation_get_to_document_uuid (row), to)) ||
                           (g_str_equal (crb_relation_get_from_document_uuid (row), to) &&
                            g_str_equal (crb_relation_get_to_document_uuid (row), from));

      if (!same_pair)
        continue;
      if (!kept && g_str_equal (crb_relation_get_from_document_uuid (row), from) &&
          g_str_equal (crb_relation_get_kind (row), kind))
        {
          kept = TRUE;
          if (!g_str_equal (crb_relation_get_status (row), status))
            ok = _crb_edit_set_field (project, "relation", uuid, "status", status, error);
        }
      else
        ok = _crb_edit_delete (project, "relation", uuid, error);
    }
  if (ok && !kept)
    ok = insert_relation (project, from, to, kind, evidence, status, error);
  if (!ok)
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  _crb_project_note_change (project, CRB_CHANGE_RELATIONS | CRB_CHANGE_DOCUMENTS);
  if (!_crb_project_commit_action (project, error))
    return FALSE;
  _crb_reuse_map_rebuild (self);
  return TRUE;
}

CrbReuseLink *
crb_reuse_map_find_link (CrbReuseMap *self, const char *document_a, const char *document_b)
{
  GPtrArray *links;

  g_return_val_if_fail (CRB_IS_REUSE_MAP (self), NULL);

  links = _crb_reuse_map_get_links (self);
  for (guint i = 0; i < links->len; i++)
    {
      CrbReuseLink *link = g_ptr_array_index (links, i);
      const char   *from = crb_reuse_link_get_from_uuid (link);
      const char   *to = crb_reuse_link_get_to_uuid (link);

      if ((g_strcmp0 (from, document_a) == 0 && g_strcmp0 (to, document_b) == 0) ||
          (g_strcmp0 (from, document_b) == 0 && g_strcmp0 (to, document_a) == 0))
        return g_object_ref (link);
    }
  return NULL;
}

/* A link that says `document_uuid` takes text from another. */
static gboolean
takes_from (CrbReuseLink *link, const char *document_uuid)
{
  return crb_reuse_link_get_direction_known (link) &&
         !g_str_equal (crb_reuse_link_get_status (link), "rejected") &&
         g_strcmp0 (crb_reuse_link_get_from_uuid (link), document_uuid) == 0;
}

GPtrArray *
crb_reuse_map_dup_sources (CrbReuseMap *self, const char *document_uuid, const char *kind)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *links;

  g_return_val_if_fail (CRB_IS_REUSE_MAP (self), sources);

  links = _crb_reuse_map_get_links (self);
  for (guint i = 0; i < links->len; i++)
    {
      CrbReuseLink *link = g_ptr_array_index (links, i);

      if (takes_from (link, document_uuid) &&
          (kind == NULL || g_str_equal (crb_reuse_link_get_kind (link), kind)))
        g_ptr_array_add (sources, g_strdup (crb_reuse_link_get_to_uuid (link)));
    }
  return sources;
}

gboolean
crb_reuse_map_is_derived (CrbReuseMap *self, const char *document_uuid)
{
  GPtrArray *links;

  g_return_val_if_fail (CRB_IS_REUSE_MAP (self), FALSE);

  links = _crb_reuse_map_get_links (self);
  for (guint i = 0; i < links->len; i++)
    {
      CrbReuseLink *link = g_ptr_array_index (links, i);

      if (takes_from (link, document_uuid) &&
          !g_str_equal (crb_reuse_link_get_kind (link), "cites"))
        return TRUE;
    }
  return FALSE;
}

CrbComparison *
crb_reuse_map_compare_link (CrbReuseMap *self, CrbReuseLink *link, GError **error)
{
  CrbProject            *project;
  g_autofree char       *from_text = NULL;
  g_autofree char       *to_text = NULL;
  const CrbReusePassage *passages;
  CrbComparison         *comparison;
  guint                  n_passages = 0;

  g_return_val_if_fail (CRB_IS_REUSE_MAP (self), NULL);
  g_return_val_if_fail (CRB_IS_REUSE_LINK (link), NULL);

  project = crb_reuse_map_get_project (self);
  if (!(from_text =
            crb_project_dup_document_text (project, crb_reuse_link_get_from_uuid (link), error)) ||
      !(to_text =
            crb_project_dup_document_text (project, crb_reuse_link_get_to_uuid (link), error)))
    return NULL;
  passages = crb_reuse_link_get_passages (link, &n_passages);
  comparison = n_passages > 0
                   ? crb_comparison_new_from_passages (from_text, to_text, passages, n_passages)
                   : crb_comparison_new (from_text, to_text);
  comparison->document_a = g_strdup (crb_reuse_link_get_from_uuid (link));
  comparison->document_b = g_strdup (crb_reuse_link_get_to_uuid (link));
  return comparison;
}
