/* crb-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity"

#include "crb-alias.h"
#include "crb-edit-private.h"
#include "crb-entity.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"
#include "crb-validate.h"

enum
{
  F_KIND,
  F_NAME,
  F_DESCRIPTION,
  F_EXTERNAL_ID,
  N_FIELDS
};

#define ENTITY_QUERY                                                                           \
  "SELECT e.id, e.uuid, e.author, e.created_at, e.modified_at, e.kind, e.name, e.description, " \
  "e.external_id, (SELECT count(*) FROM claim_entity l JOIN claim c ON c.uuid = l.claim_uuid " \
  "AND c.deleted = 0 WHERE l.entity_uuid = e.uuid AND l.deleted = 0) "                          \
  "FROM entity e WHERE e.deleted = 0 "

struct _CrbEntity
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
  guint     claim_count;
};

G_DEFINE_FINAL_TYPE (CrbEntity, crb_entity, CRB_TYPE_RECORD)

/* String properties are numbered after their fields. */
enum
{
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_EXTERNAL_ID,
  PROP_CLAIM_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_entity_finalize (GObject *object)
{
  CrbEntity *self = CRB_ENTITY (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_entity_parent_class)->finalize (object);
}

static void
crb_entity_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbEntity *self = CRB_ENTITY (object);

  switch (prop_id)
    {
    case PROP_KIND:
    case PROP_NAME:
    case PROP_DESCRIPTION:
    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->fields[prop_id - PROP_KIND]);
      break;
    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_entity_class_init (CrbEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_entity_finalize;
  object_class->get_property = crb_entity_get_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, flags);
  properties[PROP_CLAIM_COUNT] = g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                                                    flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_entity_init (CrbEntity *self)
{
}

static gpointer
entity_from_row (sqlite3_stmt *stmt)
{
  CrbEntity *self = g_object_new (CRB_TYPE_ENTITY, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  self->claim_count = sqlite3_column_int (stmt, column++);
  return self;
}

CrbEntity *
crb_project_find_entity (CrbProject *project, const char *id, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_find (project,
                                 ENTITY_QUERY "AND substr(e.uuid, 1, length(?1)) = ?1 LIMIT 2",
                                 ENTITY_QUERY "AND (e.name = ?1 COLLATE NOCASE OR e.uuid IN "
                                              "(SELECT entity_uuid FROM alias WHERE deleted = 0 "
                                              "AND name = ?1 COLLATE NOCASE)) LIMIT 2",
                                 id, entity_from_row, "entity", error);
}

GPtrArray *
crb_project_list_entities (CrbProject *project, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_list (project, ENTITY_QUERY "ORDER BY e.name COLLATE NOCASE, e.id",
                                 NULL, 0, entity_from_row, error);
}

CrbEntity *
crb_project_add_entity (CrbProject *project, const char *kind, const char *name,
                        const char *description, const char *external_id, GError **error)
{
  static const char *columns[] = { "kind", "name", "description", "external_id" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT,
                                            G_VALUE_INIT };
  g_autofree char *clean = NULL;
  CrbEntity *entity;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (external_id != NULL && *external_id == '\0')
    external_id = NULL;
  if (!crb_validate_field ("entity", "kind", kind, error)
      || !crb_validate_field ("entity", "external_id", external_id, error))
    return NULL;
  if (*clean == '\0')
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "An entity needs a name.");
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_init (&values[i], G_TYPE_STRING);
  g_value_set_string (&values[0], kind);
  g_value_set_string (&values[1], clean);
  g_value_set_string (&values[2], description ? description : "");
  g_value_set_string (&values[3], external_id);
  entity = _crb_record_query_add (project, "Add entity", CRB_CHANGE_ENTITIES, "entity", columns,
                                  values, G_N_ELEMENTS (columns), ENTITY_QUERY "AND e.id = ?1",
                                  entity_from_row, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return entity;
}

/* `into` keeps what it has; gaps are filled from `from`. */
static gboolean
fill_gaps (CrbProject *project, CrbEntity *from, CrbEntity *into, GError **error)
{
  const char *into_uuid = crb_record_get_uuid (CRB_RECORD (into));

  if ((into->fields[F_DESCRIPTION] == NULL || *into->fields[F_DESCRIPTION] == '\0')
      && from->fields[F_DESCRIPTION] != NULL && *from->fields[F_DESCRIPTION] != '\0'
      && !_crb_record_query_update (project, "entity", into_uuid, "description",
                                    from->fields[F_DESCRIPTION], error))
    return FALSE;
  if (into->fields[F_EXTERNAL_ID] == NULL && from->fields[F_EXTERNAL_ID] != NULL
      && !_crb_record_query_update (project, "entity", into_uuid, "external_id",
                                    from->fields[F_EXTERNAL_ID], error))
    return FALSE;
  return TRUE;
}

static gboolean
add_folded (GHashTable *names, const char *name)
{
  return g_hash_table_add (names, g_utf8_casefold (name, -1));
}

/* `from`'s aliases and its own name become aliases of `into`, except
 * names that `into` already answers to (in any case). */
static gboolean
move_names (CrbProject *project, CrbEntity *from, CrbEntity *into, GError **error)
{
  static const char *columns[] = { "entity_uuid", "name" };
  const char *into_uuid = crb_record_get_uuid (CRB_RECORD (into));
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) into_aliases = NULL;
  g_autoptr (GPtrArray) from_aliases = NULL;
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  gboolean ok;

  if (!(into_aliases = crb_project_list_aliases (project, into_uuid, error))
      || !(from_aliases = crb_project_list_aliases (project, crb_record_get_uuid (CRB_RECORD (from)),
                                                    error)))
    return FALSE;
  add_folded (names, into->fields[F_NAME]);
  for (guint i = 0; i < into_aliases->len; i++)
    add_folded (names, crb_alias_get_name (g_ptr_array_index (into_aliases, i)));

  for (guint i = 0; i < from_aliases->len; i++)
    {
      CrbAlias *alias = g_ptr_array_index (from_aliases, i);
      const char *uuid = crb_record_get_uuid (CRB_RECORD (alias));

      if (add_folded (names, crb_alias_get_name (alias))
              ? !_crb_record_query_update (project, "alias", uuid, "entity_uuid", into_uuid, error)
              : !_crb_edit_delete (project, "alias", uuid, error))
        return FALSE;
    }

  if (!add_folded (names, from->fields[F_NAME]))
    return TRUE;
  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], into_uuid);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], from->fields[F_NAME]);
  ok = _crb_edit_insert (project, "alias", NULL, columns, values, 2, NULL, NULL, error);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
  return ok;
}

/* Where both name the same place, `into`'s mention stays; it takes over a
 * review the analyst made of `from`'s. */
static gboolean
keep_reviews (CrbProject *project, const char *from_uuid, const char *into_uuid, GError **error)
{
  const char *params[] = { from_uuid, into_uuid };
  g_autoptr (GPtrArray) reviews = NULL;

  reviews = _crb_record_query_strings (project,
                                       "SELECT n.uuid || ' ' || m.status FROM mention m "
                                       "JOIN mention n ON n.revision_uuid = m.revision_uuid "
                                       "AND n.start_offset = m.start_offset "
                                       "AND n.end_offset = m.end_offset AND n.deleted = 0 "
                                       "AND n.entity_uuid = ?2 AND n.status = 'suggested' "
                                       "WHERE m.entity_uuid = ?1 AND m.deleted = 0 "
                                       "AND m.status != 'suggested'",
                                       params, 2, error);
  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (g_ptr_array_index (reviews, i), " ", 2);

      if (!_crb_record_query_update (project, "mention", parts[0], "status", parts[1], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
merge_entities (CrbProject *project, CrbEntity *from, CrbEntity *into, GError **error)
{
  const char *from_uuid = crb_record_get_uuid (CRB_RECORD (from));
  const char *into_uuid = crb_record_get_uuid (CRB_RECORD (into));

  return move_names (project, from, into, error)
         && _crb_record_query_move (project, "claim_entity", "entity_uuid", from_uuid, into_uuid,
                                    "SELECT l.uuid FROM claim_entity l WHERE l.entity_uuid = ?1 "
                                    "AND l.deleted = 0 AND EXISTS (SELECT 1 FROM claim_entity k "
                                    "WHERE k.entity_uuid = ?2 AND k.deleted = 0 AND "
                                    "k.claim_uuid = l.claim_uuid AND k.role = l.role)",
                                    error)
         && keep_reviews (project, from_uuid, into_uuid, error)
         && _crb_record_query_move (project, "mention", "entity_uuid", from_uuid, into_uuid,
                                    "SELECT m.uuid FROM mention m WHERE m.entity_uuid = ?1 AND "
                                    "m.deleted = 0 AND EXISTS (SELECT 1 FROM mention n WHERE "
                                    "n.entity_uuid = ?2 AND n.deleted = 0 AND "
                                    "n.revision_uuid = m.revision_uuid AND "
                                    "n.start_offset = m.start_offset AND "
                                    "n.end_offset = m.end_offset)",
                                    error)
         && fill_gaps (project, from, into, error)
         && _crb_record_query_update (project, "entity", from_uuid, "merged_into", into_uuid,
                                      error)
         && _crb_edit_delete (project, "entity", from_uuid, error);
}

gboolean
crb_project_merge_entities (CrbProject *project, const char *from_id, const char *into_id,
                            GError **error)
{
  g_autoptr (CrbEntity) from = NULL;
  g_autoptr (CrbEntity) into = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  if (!(from = crb_project_find_entity (project, from_id, error))
      || !(into = crb_project_find_entity (project, into_id, error)))
    return FALSE;
  if (g_str_equal (crb_record_get_uuid (CRB_RECORD (from)), crb_record_get_uuid (CRB_RECORD (into))))
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” cannot be merged into itself.", from->fields[F_NAME]);
      return FALSE;
    }

  if (!_crb_project_begin_action (project, "Merge entities", error))
    return FALSE;
  if (!merge_entities (project, from, into, error))
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  _crb_project_note_change (project, CRB_CHANGE_ENTITIES | CRB_CHANGE_CLAIMS);
  return _crb_project_commit_action (project, error);
}

#define GETTER(name, field)                           \
  const char *crb_entity_get_##name (CrbEntity *self) \
  {                                                   \
    g_return_val_if_fail (CRB_IS_ENTITY (self), NULL); \
    return self->fields[field];                       \
  }

GETTER (kind, F_KIND)
GETTER (name, F_NAME)
GETTER (description, F_DESCRIPTION)
GETTER (external_id, F_EXTERNAL_ID)

guint
crb_entity_get_claim_count (CrbEntity *self)
{
  g_return_val_if_fail (CRB_IS_ENTITY (self), 0);
  return self->claim_count;
}
