/* crb-alias.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity"

#include "crb-alias.h"
#include "crb-entity.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"

enum
{
  F_ENTITY,
  F_NAME,
  F_LANGUAGE,
  N_FIELDS
};

#define ALIAS_QUERY                                                                        \
  "SELECT id, uuid, author, created_at, modified_at, entity_uuid, name, language FROM alias " \
  "WHERE deleted = 0 "

struct _CrbAlias
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CrbAlias, crb_alias, CRB_TYPE_RECORD)

/* Numbered after their fields. */
enum
{
  PROP_0,
  PROP_ENTITY_UUID,
  PROP_NAME,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_alias_finalize (GObject *object)
{
  CrbAlias *self = CRB_ALIAS (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_alias_parent_class)->finalize (object);
}

static void
crb_alias_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbAlias *self = CRB_ALIAS (object);

  if (prop_id >= PROP_ENTITY_UUID && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id - PROP_ENTITY_UUID]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
crb_alias_class_init (CrbAliasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_alias_finalize;
  object_class->get_property = crb_alias_get_property;

  properties[PROP_ENTITY_UUID] = g_param_spec_string ("entity-uuid", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_alias_init (CrbAlias *self)
{
}

static gpointer
alias_from_row (sqlite3_stmt *stmt)
{
  CrbAlias *self = g_object_new (CRB_TYPE_ALIAS, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  return self;
}

GPtrArray *
crb_project_list_aliases (CrbProject *project, const char *entity_uuid, GError **error)
{
  const char *params[] = { entity_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (entity_uuid != NULL, NULL);

  return _crb_record_query_list (project,
                                 ALIAS_QUERY "AND entity_uuid = ?1 ORDER BY name COLLATE NOCASE, id",
                                 params, 1, alias_from_row, error);
}

/* Whether the entity already answers to `name` (in any case). */
static gboolean
check_new_name (CrbProject *project, CrbEntity *entity, const char *name, GError **error)
{
  g_autoptr (GPtrArray) aliases = NULL;
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *entity_folded = g_utf8_casefold (crb_entity_get_name (entity), -1);
  gboolean taken = g_str_equal (folded, entity_folded);

  if (!(aliases = crb_project_list_aliases (project, crb_record_get_uuid (CRB_RECORD (entity)),
                                            error)))
    return FALSE;
  for (guint i = 0; !taken && i < aliases->len; i++)
    {
      CrbAlias *alias = g_ptr_array_index (aliases, i);
      g_autofree char *alias_folded = g_utf8_casefold (alias->fields[F_NAME], -1);

      taken = g_str_equal (folded, alias_folded);
    }
  if (!taken)
    return TRUE;
  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DUPLICATE,
               "“%s” is already a name of %s.", name, crb_entity_get_name (entity));
  return FALSE;
}

CrbAlias *
crb_project_add_alias (CrbProject *project, const char *entity_id, const char *name,
                       const char *language, GError **error)
{
  static const char *columns[] = { "entity_uuid", "name", "language" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr (CrbEntity) entity = NULL;
  g_autofree char *clean = NULL;
  CrbAlias *alias;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (*clean == '\0')
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "An alias needs a name.");
      return NULL;
    }
  if (!(entity = crb_project_find_entity (project, entity_id, error))
      || !check_new_name (project, entity, clean, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_init (&values[i], G_TYPE_STRING);
  g_value_set_string (&values[0], crb_record_get_uuid (CRB_RECORD (entity)));
  g_value_set_string (&values[1], clean);
  g_value_set_string (&values[2], language && *language ? language : NULL);
  alias = _crb_record_query_add (project, "Add alias", CRB_CHANGE_ENTITIES, "alias", columns,
                                 values, G_N_ELEMENTS (columns), ALIAS_QUERY "AND id = ?1",
                                 alias_from_row, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return alias;
}

#define GETTER(name, field)                          \
  const char *crb_alias_get_##name (CrbAlias *self)  \
  {                                                  \
    g_return_val_if_fail (CRB_IS_ALIAS (self), NULL); \
    return self->fields[field];                      \
  }

GETTER (entity_uuid, F_ENTITY)
GETTER (name, F_NAME)
GETTER (language, F_LANGUAGE)
