/* crb-facet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-event"

#include "crb-event.h"
#include "crb-facet.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"

enum
{
  F_EVENT,
  F_NAME,
  N_FIELDS
};

#define FACET_QUERY                                                                         \
  "SELECT id, uuid, author, created_at, modified_at, event_uuid, name, position FROM facet " \
  "WHERE deleted = 0 "

struct _CrbFacet
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
  gint      position;
};

G_DEFINE_FINAL_TYPE (CrbFacet, crb_facet, CRB_TYPE_RECORD)

/* String properties are numbered after their fields. */
enum
{
  PROP_0,
  PROP_EVENT_UUID,
  PROP_NAME,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_facet_finalize (GObject *object)
{
  CrbFacet *self = CRB_FACET (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_facet_parent_class)->finalize (object);
}

static void
crb_facet_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbFacet *self = CRB_FACET (object);

  switch (prop_id)
    {
    case PROP_EVENT_UUID:
    case PROP_NAME:
      g_value_set_string (value, self->fields[prop_id - PROP_EVENT_UUID]);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_facet_class_init (CrbFacetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_facet_finalize;
  object_class->get_property = crb_facet_get_property;

  properties[PROP_EVENT_UUID] = g_param_spec_string ("event-uuid", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                                                flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_facet_init (CrbFacet *self)
{
}

static gpointer
facet_from_row (sqlite3_stmt *stmt)
{
  CrbFacet *self = g_object_new (CRB_TYPE_FACET, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  self->position = sqlite3_column_int (stmt, column++);
  return self;
}

CrbFacet *
crb_project_find_facet (CrbProject *project, const char *event_uuid, const char *id,
                        GError **error)
{
  g_autoptr (GError) local_error = NULL;
  const char *params[] = { event_uuid, id };
  g_autoptr (GPtrArray) named = NULL;
  CrbFacet *facet;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  facet = _crb_record_query_find (project,
                                  FACET_QUERY "AND substr(uuid, 1, length(?1)) = ?1 LIMIT 2", NULL,
                                  id, facet_from_row, "facet", &local_error);
  if (facet != NULL || event_uuid == NULL
      || !g_error_matches (local_error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return facet;
    }

  /* Names are unique within an event, so this finds at most one. */
  named = _crb_record_query_list (project,
                                  FACET_QUERY "AND event_uuid = ?1 AND name = ?2 COLLATE NOCASE "
                                              "LIMIT 1",
                                  params, 2, facet_from_row, error);
  if (named == NULL)
    return NULL;
  if (named->len == 1)
    return g_object_ref (g_ptr_array_index (named, 0));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

GPtrArray *
crb_project_list_facets (CrbProject *project, const char *event_uuid, GError **error)
{
  const char *params[] = { event_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (event_uuid != NULL, NULL);

  return _crb_record_query_list (project,
                                 FACET_QUERY "AND event_uuid = ?1 ORDER BY position, "
                                             "name COLLATE NOCASE, id",
                                 params, 1, facet_from_row, error);
}

CrbFacet *
crb_project_add_facet (CrbProject *project, const char *event_id, const char *name,
                       GError **error)
{
  static const char *columns[] = { "event_uuid", "name", "position" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (GPtrArray) facets = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  gint next = 0;
  CrbFacet *facet;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (*clean == '\0')
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "A facet needs a name, such as “How many died”.");
      return NULL;
    }
  if (!(event = crb_project_find_event (project, event_id, error))
      || !(facets = crb_project_list_facets (project, crb_record_get_uuid (CRB_RECORD (event)),
                                             error)))
    return NULL;
  folded = g_utf8_casefold (clean, -1);
  for (guint i = 0; i < facets->len; i++)
    {
      CrbFacet *other = g_ptr_array_index (facets, i);
      g_autofree char *other_folded = g_utf8_casefold (other->fields[F_NAME], -1);

      if (g_str_equal (folded, other_folded))
        {
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DUPLICATE,
                       "“%s” already has a facet “%s”.", crb_event_get_title (event),
                       other->fields[F_NAME]);
          return NULL;
        }
      next = MAX (next, other->position + 1);
    }

  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], crb_record_get_uuid (CRB_RECORD (event)));
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], clean);
  g_value_init (&values[2], G_TYPE_INT);
  g_value_set_int (&values[2], next);
  facet = _crb_record_query_add (project, "Add facet", CRB_CHANGE_EVENTS, "facet", columns,
                                 values, G_N_ELEMENTS (columns), FACET_QUERY "AND id = ?1",
                                 facet_from_row, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return facet;
}

const char *
crb_facet_get_event_uuid (CrbFacet *self)
{
  g_return_val_if_fail (CRB_IS_FACET (self), NULL);
  return self->fields[F_EVENT];
}

const char *
crb_facet_get_name (CrbFacet *self)
{
  g_return_val_if_fail (CRB_IS_FACET (self), NULL);
  return self->fields[F_NAME];
}

gint
crb_facet_get_position (CrbFacet *self)
{
  g_return_val_if_fail (CRB_IS_FACET (self), 0);
  return self->position;
}
