/* crb-mention.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity"

#include "crb-document.h"
#include "crb-entity.h"
#include "crb-mention.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"
#include "crb-validate.h"

enum
{
  F_ENTITY,
  F_DOCUMENT,
  F_REVISION,
  F_EXACT,
  F_STATUS,
  N_FIELDS
};

#define MENTION_QUERY                                                                     \
  "SELECT id, uuid, author, created_at, modified_at, entity_uuid, document_uuid, "         \
  "revision_uuid, exact, status, start_offset, end_offset FROM mention WHERE deleted = 0 "

struct _CrbMention
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
  guint     start;
  guint     end;
};

G_DEFINE_FINAL_TYPE (CrbMention, crb_mention, CRB_TYPE_RECORD)

/* String properties are numbered after their fields. */
enum
{
  PROP_0,
  PROP_ENTITY_UUID,
  PROP_DOCUMENT_UUID,
  PROP_REVISION_UUID,
  PROP_EXACT,
  PROP_STATUS,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_mention_finalize (GObject *object)
{
  CrbMention *self = CRB_MENTION (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_mention_parent_class)->finalize (object);
}

static void
crb_mention_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbMention *self = CRB_MENTION (object);

  switch (prop_id)
    {
    case PROP_ENTITY_UUID:
    case PROP_DOCUMENT_UUID:
    case PROP_REVISION_UUID:
    case PROP_EXACT:
    case PROP_STATUS:
      g_value_set_string (value, self->fields[prop_id - PROP_ENTITY_UUID]);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_mention_class_init (CrbMentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_mention_finalize;
  object_class->get_property = crb_mention_get_property;

  properties[PROP_ENTITY_UUID] = g_param_spec_string ("entity-uuid", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_UUID] = g_param_spec_string ("document-uuid", NULL, NULL, NULL, flags);
  properties[PROP_REVISION_UUID] = g_param_spec_string ("revision-uuid", NULL, NULL, NULL, flags);
  properties[PROP_EXACT] = g_param_spec_string ("exact", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_mention_init (CrbMention *self)
{
}

static gpointer
mention_from_row (sqlite3_stmt *stmt)
{
  CrbMention *self = g_object_new (CRB_TYPE_MENTION, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  self->start = sqlite3_column_int (stmt, column++);
  self->end = sqlite3_column_int (stmt, column++);
  return self;
}

GPtrArray *
crb_project_list_mentions (CrbProject *project, const char *document_uuid,
                           const char *entity_uuid, GError **error)
{
  const char *params[] = { document_uuid, entity_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_list (project,
                                 MENTION_QUERY "AND (?1 IS NULL OR document_uuid = ?1) "
                                               "AND (?2 IS NULL OR entity_uuid = ?2) "
                                               "ORDER BY document_uuid, start_offset, id",
                                 params, 2, mention_from_row, error);
}

/* The text of [start, end) in code points, or NULL when out of range. */
static char *
text_between (const char *text, guint start, guint end, GError **error)
{
  glong length = g_utf8_strlen (text, -1);
  const char *from, *to;

  if (start >= end || end > (guint) length)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "The range %u–%u is not a stretch of this document's text (%ld characters).",
                   start, end, length);
      return NULL;
    }
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  return g_strndup (from, to - from);
}

CrbMention *
crb_project_add_mention (CrbProject *project, const char *entity_id, const char *document_id,
                         guint start, guint end, const char *status, GError **error)
{
  static const char *columns[] = { "entity_uuid", "document_uuid", "revision_uuid", "exact",
                                   "status", "start_offset", "end_offset" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (CrbDocument) document = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *start_text = g_strdup_printf ("%u", start);
  g_autofree char *end_text = g_strdup_printf ("%u", end);
  const char *params[4];
  CrbMention *mention;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (status == NULL)
    status = "suggested";
  if (!crb_validate_field ("mention", "status", status, error)
      || !(entity = crb_project_find_entity (project, entity_id, error))
      || !(document = crb_project_find_document (project, document_id, error))
      || !(text = crb_project_dup_document_text (project,
                                                 crb_record_get_uuid (CRB_RECORD (document)),
                                                 error))
      || !(exact = text_between (text, start, end, error)))
    return NULL;

  params[0] = crb_record_get_uuid (CRB_RECORD (entity));
  params[1] = crb_document_get_revision_uuid (document);
  params[2] = start_text;
  params[3] = end_text;
  existing = _crb_record_query_list (project,
                                     MENTION_QUERY "AND entity_uuid = ?1 AND revision_uuid = ?2 "
                                                   "AND start_offset = CAST (?3 AS INTEGER) "
                                                   "AND end_offset = CAST (?4 AS INTEGER) LIMIT 1",
                                     params, 4, mention_from_row, error);
  if (existing == NULL)
    return NULL;
  if (existing->len > 0)
    return g_object_ref (g_ptr_array_index (existing, 0));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_init (&values[i], i < 5 ? G_TYPE_STRING : G_TYPE_INT64);
  g_value_set_string (&values[0], params[0]);
  g_value_set_string (&values[1], crb_record_get_uuid (CRB_RECORD (document)));
  g_value_set_string (&values[2], params[1]);
  g_value_set_string (&values[3], exact);
  g_value_set_string (&values[4], status);
  g_value_set_int64 (&values[5], start);
  g_value_set_int64 (&values[6], end);
  mention = _crb_record_query_add (project, "Add mention", CRB_CHANGE_ENTITIES, "mention",
                                   columns, values, G_N_ELEMENTS (columns),
                                   MENTION_QUERY "AND id = ?1", mention_from_row, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return mention;
}

#define GETTER(name, field)                              \
  const char *crb_mention_get_##name (CrbMention *self)  \
  {                                                      \
    g_return_val_if_fail (CRB_IS_MENTION (self), NULL);  \
    return self->fields[field];                          \
  }

GETTER (entity_uuid, F_ENTITY)
GETTER (document_uuid, F_DOCUMENT)
GETTER (revision_uuid, F_REVISION)
GETTER (exact, F_EXACT)
GETTER (status, F_STATUS)

guint
crb_mention_get_start (CrbMention *self)
{
  g_return_val_if_fail (CRB_IS_MENTION (self), 0);
  return self->start;
}

guint
crb_mention_get_end (CrbMention *self)
{
  g_return_val_if_fail (CRB_IS_MENTION (self), 0);
  return self->end;
}
