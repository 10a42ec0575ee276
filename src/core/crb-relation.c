/* crb-relation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-relation"

#include "crb-document.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"
#include "crb-relation.h"
#include "crb-validate.h"

enum
{
  F_FROM,
  F_TO,
  F_KIND,
  F_EVIDENCE,
  F_STATUS,
  F_FROM_TITLE,
  F_TO_TITLE,
  N_FIELDS
};

#define RELATION_QUERY                                                                        \
  "SELECT r.id, r.uuid, r.author, r.created_at, r.modified_at, r.from_document_uuid, "         \
  "r.to_document_uuid, r.kind, r.evidence, r.status, a.title, b.title FROM relation r "       \
  "JOIN document a ON a.uuid = r.from_document_uuid AND a.deleted = 0 "                       \
  "JOIN document b ON b.uuid = r.to_document_uuid AND b.deleted = 0 WHERE r.deleted = 0 "

struct _CrbRelation
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CrbRelation, crb_relation, CRB_TYPE_RECORD)

/* Numbered after their fields. */
enum
{
  PROP_0,
  PROP_FROM_DOCUMENT_UUID,
  PROP_TO_DOCUMENT_UUID,
  PROP_KIND,
  PROP_EVIDENCE,
  PROP_STATUS,
  PROP_FROM_TITLE,
  PROP_TO_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_relation_finalize (GObject *object)
{
  CrbRelation *self = CRB_RELATION (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_relation_parent_class)->finalize (object);
}

static void
crb_relation_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbRelation *self = CRB_RELATION (object);

  if (prop_id >= PROP_FROM_DOCUMENT_UUID && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id - PROP_FROM_DOCUMENT_UUID]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
crb_relation_class_init (CrbRelationClass *klass)
{
  static const char *names[N_PROPS] = {
    NULL, "from-document-uuid", "to-document-uuid", "kind", "evidence", "status", "from-title",
    "to-title",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crb_relation_finalize;
  object_class->get_property = crb_relation_get_property;

  for (guint i = PROP_FROM_DOCUMENT_UUID; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_relation_init (CrbRelation *self)
{
}

static gpointer
relation_from_row (sqlite3_stmt *stmt)
{
  CrbRelation *self = g_object_new (CRB_TYPE_RELATION, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  return self;
}

CrbRelation *
crb_project_find_relation (CrbProject *project, const char *id, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_find (project,
                                 RELATION_QUERY "AND substr(r.uuid, 1, length(?1)) = ?1 LIMIT 2",
                                 NULL, id, relation_from_row, "relation", error);
}

GPtrArray *
crb_project_list_relations (CrbProject *project, const char *document_uuid, GError **error)
{
  const char *params[] = { document_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_list (project,
                                 RELATION_QUERY "AND (?1 IS NULL OR r.from_document_uuid = ?1 "
                                                "OR r.to_document_uuid = ?1) ORDER BY r.id",
                                 params, 1, relation_from_row, error);
}

CrbRelation *
crb_project_add_relation (CrbProject *project, const char *from_document_id,
                          const char *to_document_id, const char *kind, const char *evidence,
                          const char *status, GError **error)
{
  static const char *columns[] = { "from_document_uuid", "to_document_uuid", "kind", "evidence",
                                   "status" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  g_autoptr (CrbDocument) from = NULL;
  g_autoptr (CrbDocument) to = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  const char *params[G_N_ELEMENTS (columns)];
  CrbRelation *relation;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (evidence == NULL)
    evidence = "[]";
  if (status == NULL)
    status = "suggested";
  if (!crb_validate_field ("relation", "kind", kind, error)
      || !crb_validate_field ("relation", "status", status, error)
      || !crb_validate_field ("relation", "evidence", evidence, error)
      || !(from = crb_project_find_document (project, from_document_id, error))
      || !(to = crb_project_find_document (project, to_document_id, error)))
    return NULL;
  params[0] = crb_record_get_uuid (CRB_RECORD (from));
  params[1] = crb_record_get_uuid (CRB_RECORD (to));
  params[2] = kind;
  params[3] = evidence;
  params[4] = status;
  if (g_str_equal (params[0], params[1]))
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” cannot be related to itself.", crb_document_get_title (from));
      return NULL;
    }

  existing = _crb_record_query_list (project,
                                     RELATION_QUERY "AND r.from_document_uuid = ?1 "
                                                    "AND r.to_document_uuid = ?2 AND r.kind = ?3 "
                                                    "LIMIT 1",
                                     params, 3, relation_from_row, error);
  if (existing == NULL)
    return NULL;
  if (existing->len > 0)
    return g_object_ref (g_ptr_array_index (existing, 0));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_string (&values[i], params[i]);
    }
  relation = _crb_record_query_add (project, "Relate sources",
                                    CRB_CHANGE_RELATIONS | CRB_CHANGE_DOCUMENTS, "relation",
                                    columns, values, G_N_ELEMENTS (columns),
                                    RELATION_QUERY "AND r.id = ?1", relation_from_row, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return relation;
}

#define GETTER(name, field)                                \
  const char *crb_relation_get_##name (CrbRelation *self)  \
  {                                                        \
    g_return_val_if_fail (CRB_IS_RELATION (self), NULL);   \
    return self->fields[field];                            \
  }

GETTER (from_document_uuid, F_FROM)
GETTER (to_document_uuid, F_TO)
GETTER (kind, F_KIND)
GETTER (evidence, F_EVIDENCE)
GETTER (status, F_STATUS)
GETTER (from_title, F_FROM_TITLE)
GETTER (to_title, F_TO_TITLE)
