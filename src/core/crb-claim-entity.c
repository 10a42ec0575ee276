/* crb-claim-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity"

#include "crb-claim-entity.h"
#include "crb-claim.h"
#include "crb-entity.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"
#include "crb-validate.h"

enum
{
  F_CLAIM,
  F_ENTITY,
  F_ROLE,
  F_ENTITY_NAME,
  F_ENTITY_KIND,
  F_DOCUMENT,
  F_EXACT,
  N_FIELDS
};

/* Links to a deleted claim or entity are deleted with it (crb-edit.c's
 * cascades); the joins only keep stale rows from colleagues' merges out. */
#define LINK_QUERY                                                                             \
  "SELECT l.id, l.uuid, l.author, l.created_at, l.modified_at, l.claim_uuid, l.entity_uuid, "   \
  "l.role, e.name, e.kind, c.document_uuid, c.exact FROM claim_entity l "                      \
  "JOIN entity e ON e.uuid = l.entity_uuid AND e.deleted = 0 "                                 \
  "JOIN claim c ON c.uuid = l.claim_uuid AND c.deleted = 0 WHERE l.deleted = 0 "

struct _CrbClaimEntity
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CrbClaimEntity, crb_claim_entity, CRB_TYPE_RECORD)

/* Numbered after their fields. */
enum
{
  PROP_0,
  PROP_CLAIM_UUID,
  PROP_ENTITY_UUID,
  PROP_ROLE,
  PROP_ENTITY_NAME,
  PROP_ENTITY_KIND,
  PROP_DOCUMENT_UUID,
  PROP_EXACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_claim_entity_finalize (GObject *object)
{
  CrbClaimEntity *self = CRB_CLAIM_ENTITY (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_claim_entity_parent_class)->finalize (object);
}

static void
crb_claim_entity_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbClaimEntity *self = CRB_CLAIM_ENTITY (object);

  if (prop_id >= PROP_CLAIM_UUID && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id - PROP_CLAIM_UUID]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
crb_claim_entity_class_init (CrbClaimEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_claim_entity_finalize;
  object_class->get_property = crb_claim_entity_get_property;

  properties[PROP_CLAIM_UUID] = g_param_spec_string ("claim-uuid", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY_UUID] = g_param_spec_string ("entity-uuid", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY_NAME] = g_param_spec_string ("entity-name", NULL, NULL, NULL, flags);
  properties[PROP_ENTITY_KIND] = g_param_spec_string ("entity-kind", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_UUID] = g_param_spec_string ("document-uuid", NULL, NULL, NULL, flags);
  properties[PROP_EXACT] = g_param_spec_string ("exact", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_claim_entity_init (CrbClaimEntity *self)
{
}

static gpointer
link_from_row (sqlite3_stmt *stmt)
{
  CrbClaimEntity *self = g_object_new (CRB_TYPE_CLAIM_ENTITY, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  return self;
}

GPtrArray *
crb_project_list_claim_entities (CrbProject *project, const char *claim_uuid, GError **error)
{
  const char *params[] = { claim_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (claim_uuid != NULL, NULL);

  return _crb_record_query_list (project,
                                 LINK_QUERY "AND l.claim_uuid = ?1 "
                                            "ORDER BY CASE l.role WHEN 'subject' THEN 0 "
                                            "WHEN 'object' THEN 1 WHEN 'speaker' THEN 2 "
                                            "WHEN 'location' THEN 3 ELSE 4 END, "
                                            "e.name COLLATE NOCASE, l.id",
                                 params, 1, link_from_row, error);
}

GPtrArray *
crb_project_list_entity_claims (CrbProject *project, const char *entity_uuid, GError **error)
{
  const char *params[] = { entity_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (entity_uuid != NULL, NULL);

  return _crb_record_query_list (project,
                                 LINK_QUERY "AND l.entity_uuid = ?1 "
                                            "ORDER BY c.document_uuid, c.start_offset, l.id",
                                 params, 1, link_from_row, error);
}

CrbClaimEntity *
crb_project_link_claim_entity (CrbProject *project, const char *claim_id, const char *entity_id,
                               const char *role, GError **error)
{
  static const char *columns[] = { "claim_uuid", "entity_uuid", "role" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  const char *params[3];
  CrbClaimEntity *link;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (!crb_validate_field ("claim_entity", "role", role, error)
      || !(claim = crb_project_find_claim (project, claim_id, error))
      || !(entity = crb_project_find_entity (project, entity_id, error)))
    return NULL;
  params[0] = crb_record_get_uuid (CRB_RECORD (claim));
  params[1] = crb_record_get_uuid (CRB_RECORD (entity));
  params[2] = role;

  existing = _crb_record_query_list (project,
                                     LINK_QUERY "AND l.claim_uuid = ?1 AND l.entity_uuid = ?2 "
                                                "AND l.role = ?3 LIMIT 1",
                                     params, 3, link_from_row, error);
  if (existing == NULL)
    return NULL;
  if (existing->len > 0)
    return g_object_ref (g_ptr_array_index (existing, 0));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_string (&values[i], params[i]);
    }
  link = _crb_record_query_add (project, "Link entity", CRB_CHANGE_ENTITIES | CRB_CHANGE_CLAIMS,
                                "claim_entity", columns, values, G_N_ELEMENTS (columns),
                                LINK_QUERY "AND l.id = ?1", link_from_row, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return link;
}

#define GETTER(name, field)                                         \
  const char *crb_claim_entity_get_##name (CrbClaimEntity *self)    \
  {                                                                 \
    g_return_val_if_fail (CRB_IS_CLAIM_ENTITY (self), NULL);        \
    return self->fields[field];                                     \
  }

GETTER (claim_uuid, F_CLAIM)
GETTER (entity_uuid, F_ENTITY)
GETTER (role, F_ROLE)
GETTER (entity_name, F_ENTITY_NAME)
GETTER (entity_kind, F_ENTITY_KIND)
GETTER (document_uuid, F_DOCUMENT)
GETTER (exact, F_EXACT)
