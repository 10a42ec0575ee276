/* crb-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-event"

#include "crb-event.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"
#include "crb-validate.h"

enum
{
  F_TITLE,
  F_DATE_START,
  F_DATE_END,
  F_PLACE,
  F_DESCRIPTION,
  N_FIELDS
};

#define EVENT_QUERY                                                                           \
  "SELECT v.id, v.uuid, v.author, v.created_at, v.modified_at, v.title, v.date_start, "        \
  "v.date_end, v.place, v.description, "                                                      \
  "(SELECT count(*) FROM event_claim l JOIN claim c ON c.uuid = l.claim_uuid AND c.deleted = 0 " \
  "WHERE l.event_uuid = v.uuid AND l.deleted = 0), "                                          \
  "(SELECT count(DISTINCT c.document_uuid) FROM event_claim l JOIN claim c "                  \
  "ON c.uuid = l.claim_uuid AND c.deleted = 0 WHERE l.event_uuid = v.uuid AND l.deleted = 0) " \
  "FROM event v WHERE v.deleted = 0 "

struct _CrbEvent
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
  guint     claim_count;
  guint     document_count;
};

G_DEFINE_FINAL_TYPE (CrbEvent, crb_event, CRB_TYPE_RECORD)

/* String properties are numbered after their fields. */
enum
{
  PROP_0,
  PROP_TITLE,
  PROP_DATE_START,
  PROP_DATE_END,
  PROP_PLACE,
  PROP_DESCRIPTION,
  PROP_CLAIM_COUNT,
  PROP_DOCUMENT_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_event_finalize (GObject *object)
{
  CrbEvent *self = CRB_EVENT (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_event_parent_class)->finalize (object);
}

static void
crb_event_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbEvent *self = CRB_EVENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
    case PROP_DATE_START:
    case PROP_DATE_END:
    case PROP_PLACE:
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->fields[prop_id - PROP_TITLE]);
      break;
    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;
    case PROP_DOCUMENT_COUNT:
      g_value_set_uint (value, self->document_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_event_class_init (CrbEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_event_finalize;
  object_class->get_property = crb_event_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DATE_START] = g_param_spec_string ("date-start", NULL, NULL, NULL, flags);
  properties[PROP_DATE_END] = g_param_spec_string ("date-end", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_CLAIM_COUNT] = g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                                                    flags);
  properties[PROP_DOCUMENT_COUNT] = g_param_spec_uint ("document-count", NULL, NULL, 0, G_MAXUINT,
                                                       0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_event_init (CrbEvent *self)
{
}

static gpointer
event_from_row (sqlite3_stmt *stmt)
{
  CrbEvent *self = g_object_new (CRB_TYPE_EVENT, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  self->claim_count = sqlite3_column_int (stmt, column++);
  self->document_count = sqlite3_column_int (stmt, column++);
  return self;
}

CrbEvent *
crb_project_find_event (CrbProject *project, const char *id, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_find (project,
                                 EVENT_QUERY "AND substr(v.uuid, 1, length(?1)) = ?1 LIMIT 2",
                                 EVENT_QUERY "AND v.title = ?1 COLLATE NOCASE LIMIT 2", id,
                                 event_from_row, "event", error);
}

GPtrArray *
crb_project_list_events (CrbProject *project, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_list (project,
                                 EVENT_QUERY "ORDER BY v.date_start IS NULL, v.date_start, "
                                             "v.title COLLATE NOCASE, v.id",
                                 NULL, 0, event_from_row, error);
}

static const char *
or_null (const char *text)
{
  return text && *text ? text : NULL;
}

CrbEvent *
crb_project_add_event (CrbProject *project, const char *title, const char *date_start,
                       const char *date_end, const char *place, const char *description,
                       GError **error)
{
  static const char *columns[] = { "title", "date_start", "date_end", "place", "description" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  g_autofree char *clean = NULL;
  CrbEvent *event;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  clean = g_strstrip (g_strdup (title ? title : ""));
  if (*clean == '\0')
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "An event needs a title.");
      return NULL;
    }
  if (!crb_validate_date_range (or_null (date_start), or_null (date_end), error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_init (&values[i], G_TYPE_STRING);
  g_value_set_string (&values[0], clean);
  g_value_set_string (&values[1], or_null (date_start));
  g_value_set_string (&values[2], or_null (date_end));
  g_value_set_string (&values[3], or_null (place));
  g_value_set_string (&values[4], description ? description : "");
  event = _crb_record_query_add (project, "Add event", CRB_CHANGE_EVENTS, "event", columns, values,
                                 G_N_ELEMENTS (columns), EVENT_QUERY "AND v.id = ?1",
                                 event_from_row, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return event;
}

#define GETTER(name, field)                          \
  const char *crb_event_get_##name (CrbEvent *self)  \
  {                                                  \
    g_return_val_if_fail (CRB_IS_EVENT (self), NULL); \
    return self->fields[field];                      \
  }

GETTER (title, F_TITLE)
GETTER (date_start, F_DATE_START)
GETTER (date_end, F_DATE_END)
GETTER (place, F_PLACE)
GETTER (description, F_DESCRIPTION)

guint
crb_event_get_claim_count (CrbEvent *self)
{
  g_return_val_if_fail (CRB_IS_EVENT (self), 0);
  return self->claim_count;
}

guint
crb_event_get_document_count (CrbEvent *self)
{
  g_return_val_if_fail (CRB_IS_EVENT (self), 0);
  return self->document_count;
}
