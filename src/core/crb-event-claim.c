/* crb-event-claim.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-event"

#include "crb-claim.h"
#include "crb-edit-private.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"
#include "crb-validate.h"

enum
{
  F_EVENT,
  F_CLAIM,
  F_FACET,
  F_STANCE,
  F_FACET_NAME,
  F_EVENT_TITLE,
  F_DOCUMENT,
  F_DOCUMENT_TITLE,
  F_EXACT,
  N_FIELDS
};

/* Links to a deleted claim, event or facet are deleted with it
 * (crb-edit.c's cascades); a facet deleted on its own leaves its links
 * to the event as a whole. */
#define LINK_QUERY                                                                             \
  "SELECT l.id, l.uuid, l.author, l.created_at, l.modified_at, l.event_uuid, l.claim_uuid, "    \
  "f.uuid, l.stance, f.name, v.title, c.document_uuid, d.title, c.exact FROM event_claim l "   \
  "JOIN event v ON v.uuid = l.event_uuid AND v.deleted = 0 "                                   \
  "JOIN claim c ON c.uuid = l.claim_uuid AND c.deleted = 0 "                                   \
  "JOIN document d ON d.uuid = c.document_uuid "                                               \
  "LEFT JOIN facet f ON f.uuid = l.facet_uuid AND f.deleted = 0 WHERE l.deleted = 0 "

struct _CrbEventClaim
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CrbEventClaim, crb_event_claim, CRB_TYPE_RECORD)

/* Numbered after their fields. */
enum
{
  PROP_0,
  PROP_EVENT_UUID,
  PROP_CLAIM_UUID,
  PROP_FACET_UUID,
  PROP_STANCE,
  PROP_FACET_NAME,
  PROP_EVENT_TITLE,
  PROP_DOCUMENT_UUID,
  PROP_DOCUMENT_TITLE,
  PROP_EXACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_event_claim_finalize (GObject *object)
{
  CrbEventClaim *self = CRB_EVENT_CLAIM (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_event_claim_parent_class)->finalize (object);
}

static void
crb_event_claim_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbEventClaim *self = CRB_EVENT_CLAIM (object);

  if (prop_id >= PROP_EVENT_UUID && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id - PROP_EVENT_UUID]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
crb_event_claim_class_init (CrbEventClaimClass *klass)
{
  static const char *names[N_PROPS] = {
    NULL, "event-uuid", "claim-uuid", "facet-uuid", "stance", "facet-name", "event-title",
    "document-uuid", "document-title", "exact",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crb_event_claim_finalize;
  object_class->get_property = crb_event_claim_get_property;

  for (guint i = PROP_EVENT_UUID; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_event_claim_init (CrbEventClaim *self)
{
}

static gpointer
link_from_row (sqlite3_stmt *stmt)
{
  CrbEventClaim *self = g_object_new (CRB_TYPE_EVENT_CLAIM, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  return self;
}

GPtrArray *
crb_project_list_event_claims (CrbProject *project, const char *event_uuid, GError **error)
{
  const char *params[] = { event_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (event_uuid != NULL, NULL);

  return _crb_record_query_list (project,
                                 LINK_QUERY "AND l.event_uuid = ?1 ORDER BY f.uuid IS NOT NULL, "
                                            "f.position, f.name COLLATE NOCASE, "
                                            "d.title COLLATE NOCASE, c.document_uuid, "
                                            "c.start_offset, l.id",
                                 params, 1, link_from_row, error);
}

GPtrArray *
crb_project_list_claim_events (CrbProject *project, const char *claim_uuid, GError **error)
{
  const char *params[] = { claim_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (claim_uuid != NULL, NULL);

  return _crb_record_query_list (project,
                                 LINK_QUERY "AND l.claim_uuid = ?1 ORDER BY v.title COLLATE "
                                            "NOCASE, v.id, f.position, l.id",
                                 params, 1, link_from_row, error);
}

static CrbEventClaim *
change_stance (CrbProject *project, CrbEventClaim *link, const char *stance, GError **error)
{
  const char *uuid = crb_record_get_uuid (CRB_RECORD (link));
  CrbEventClaim *changed = NULL;

  if (!_crb_project_begin_action (project, "Change stance", error))
    return NULL;
  if (!_crb_edit_set_field (project, "event_claim", uuid, "stance", stance, error)
      || !(changed = _crb_record_query_by_rowid (project, LINK_QUERY "AND l.id = ?1",
                                                 crb_record_get_row_id (CRB_RECORD (link)),
                                                 link_from_row, error)))
    {
      _crb_project_rollback_action (project);
      return NULL;
    }
  _crb_project_note_change (project, CRB_CHANGE_EVENTS | CRB_CHANGE_CLAIMS);
  if (!_crb_project_commit_action (project, error))
    g_clear_object (&changed);
  return changed;
}

CrbEventClaim *
crb_project_link_claim_event (CrbProject *project, const char *claim_id, const char *event_id,
                              const char *facet_id, const char *stance, GError **error)
{
  static const char *columns[] = { "event_uuid", "claim_uuid", "facet_uuid", "stance" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbFacet) facet = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  const char *params[4];
  CrbEventClaim *link;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (!crb_validate_field ("event_claim", "stance", stance, error)
      || !(claim = crb_project_find_claim (project, claim_id, error))
      || !(event = crb_project_find_event (project, event_id, error)))
    return NULL;
  params[0] = crb_record_get_uuid (CRB_RECORD (event));
  params[1] = crb_record_get_uuid (CRB_RECORD (claim));
  if (facet_id != NULL && *facet_id != '\0')
    {
      if (!(facet = crb_project_find_facet (project, params[0], facet_id, error)))
        return NULL;
      if (g_strcmp0 (crb_facet_get_event_uuid (facet), params[0]) != 0)
        {
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                       "“%s” is a facet of another event, not of “%s”.",
                       crb_facet_get_name (facet), crb_event_get_title (event));
          return NULL;
        }
    }
  params[2] = facet ? crb_record_get_uuid (CRB_RECORD (facet)) : NULL;
  params[3] = stance;

  existing = _crb_record_query_list (project,
                                     LINK_QUERY "AND l.event_uuid = ?1 AND l.claim_uuid = ?2 "
                                                "AND l.facet_uuid IS ?3 LIMIT 1",
                                     params, 3, link_from_row, error);
  if (existing == NULL)
    return NULL;
  if (existing->len > 0)
    {
      CrbEventClaim *found = g_ptr_array_index (existing, 0);

      if (g_str_equal (found->fields[F_STANCE], stance))
        return g_object_ref (found);
      return change_stance (project, found, stance, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_string (&values[i], params[i]);
    }
  link = _crb_record_query_add (project, "Add to event", CRB_CHANGE_EVENTS | CRB_CHANGE_CLAIMS,
                                "event_claim", columns, values, G_N_ELEMENTS (columns),
                                LINK_QUERY "AND l.id = ?1", link_from_row, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return link;
}

#define GETTER(name, field)                                       \
  const char *crb_event_claim_get_##name (CrbEventClaim *self)    \
  {                                                               \
    g_return_val_if_fail (CRB_IS_EVENT_CLAIM (self), NULL);       \
    return self->fields[field];                                   \
  }

GETTER (event_uuid, F_EVENT)
GETTER (claim_uuid, F_CLAIM)
GETTER (facet_uuid, F_FACET)
GETTER (stance, F_STANCE)
GETTER (facet_name, F_FACET_NAME)
GETTER (event_title, F_EVENT_TITLE)
GETTER (document_uuid, F_DOCUMENT)
GETTER (document_title, F_DOCUMENT_TITLE)
GETTER (exact, F_EXACT)
