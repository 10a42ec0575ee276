/* crb-tag.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-tag"

#include "crb-claim.h"
#include "crb-edit-private.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"
#include "crb-tag.h"
#include "crb-validate.h"

enum
{
  F_NAME,
  F_COLOR,
  F_PARENT,
  F_DESCRIPTION,
  N_FIELDS
};

#define TAG_QUERY                                                                         \
  "SELECT t.id, t.uuid, t.author, t.created_at, t.modified_at, t.name, t.color, "          \
  "t.parent_uuid, t.description, (SELECT count(*) FROM claim_tag l JOIN claim c "          \
  "ON c.uuid = l.claim_uuid AND c.deleted = 0 WHERE l.tag_uuid = t.uuid AND l.deleted = 0) " \
  "FROM tag t WHERE t.deleted = 0 "

struct _CrbTag
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
  guint     depth;
  guint     claim_count;
};

G_DEFINE_FINAL_TYPE (CrbTag, crb_tag, CRB_TYPE_RECORD)

/* String properties are numbered after their fields. */
enum
{
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  PROP_PARENT_UUID,
  PROP_DESCRIPTION,
  PROP_DEPTH,
  PROP_CLAIM_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_tag_finalize (GObject *object)
{
  CrbTag *self = CRB_TAG (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_tag_parent_class)->finalize (object);
}

static void
crb_tag_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbTag *self = CRB_TAG (object);

  switch (prop_id)
    {
    case PROP_NAME:
    case PROP_COLOR:
    case PROP_PARENT_UUID:
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->fields[prop_id - PROP_NAME]);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_tag_class_init (CrbTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_tag_finalize;
  object_class->get_property = crb_tag_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_PARENT_UUID] = g_param_spec_string ("parent-uuid", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CLAIM_COUNT] = g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0,
                                                    flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_tag_init (CrbTag *self)
{
}

static gpointer
tag_from_row (sqlite3_stmt *stmt)
{
  CrbTag *self = g_object_new (CRB_TYPE_TAG, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  self->claim_count = sqlite3_column_int (stmt, column++);
  return self;
}

CrbTag *
crb_project_find_tag (CrbProject *project, const char *id, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_find (project,
                                 TAG_QUERY "AND substr(t.uuid, 1, length(?1)) = ?1 LIMIT 2",
                                 TAG_QUERY "AND t.name = ?1 COLLATE NOCASE LIMIT 2", id,
                                 tag_from_row, "tag", error);
}

static void
append_subtree (GPtrArray *ordered, CrbTag *tag, guint depth, GHashTable *children,
                GHashTable *placed)
{
  GPtrArray *kids;

  if (!g_hash_table_add (placed, tag))
    return;
  tag->depth = depth;
  g_ptr_array_add (ordered, g_object_ref (tag));
  kids = g_hash_table_lookup (children, crb_record_get_uuid (CRB_RECORD (tag)));
  for (guint i = 0; kids && i < kids->len; i++)
    append_subtree (ordered, g_ptr_array_index (kids, i), depth + 1, children, placed);
}

GPtrArray *
crb_project_list_tags (CrbProject *project, GError **error)
{
  g_autoptr (GPtrArray) by_name = NULL;
  g_autoptr (GPtrArray) ordered = NULL;
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) placed = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  by_name = _crb_record_query_list (project, TAG_QUERY "ORDER BY t.name COLLATE NOCASE, t.id",
                                    NULL, 0, tag_from_row, error);
  if (by_name == NULL)
    return NULL;

  for (guint i = 0; i < by_name->len; i++)
    {
      CrbRecord *tag = g_ptr_array_index (by_name, i);

      g_hash_table_insert (by_uuid, (gpointer) crb_record_get_uuid (tag), tag);
    }
  for (guint i = 0; i < by_name->len; i++)
    {
      CrbTag *tag = g_ptr_array_index (by_name, i);
      const char *parent = tag->fields[F_PARENT];
      GPtrArray *kids;

      if (parent == NULL || !g_hash_table_contains (by_uuid, parent))
        continue;
      if (!(kids = g_hash_table_lookup (children, parent)))
        g_hash_table_insert (children, (gpointer) parent, kids = g_ptr_array_new ());
      g_ptr_array_add (kids, tag);
    }

  ordered = g_ptr_array_new_full (by_name->len, g_object_unref);
  for (guint i = 0; i < by_name->len; i++)
    {
      CrbTag *tag = g_ptr_array_index (by_name, i);

      if (tag->fields[F_PARENT] == NULL || !g_hash_table_contains (by_uuid, tag->fields[F_PARENT]))
        append_subtree (ordered, tag, 0, children, placed);
    }
  /* Tags in a loop of parents (possible after moves) have no root; show
   * each loop from its first tag by name rather than hide it. */
  for (guint i = 0; i < by_name->len; i++)
    append_subtree (ordered, g_ptr_array_index (by_name, i), 0, children, placed);
  return g_steal_pointer (&ordered);
}

GPtrArray *
crb_project_list_claim_tags (CrbProject *project, const char *claim_uuid, GError **error)
{
  const char *params[] = { claim_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (claim_uuid != NULL, NULL);

  return _crb_record_query_list (project,
                                 TAG_QUERY "AND t.uuid IN (SELECT tag_uuid FROM claim_tag "
                                           "WHERE claim_uuid = ?1 AND deleted = 0) "
                                           "ORDER BY t.name COLLATE NOCASE, t.id",
                                 params, 1, tag_from_row, error);
}

GHashTable *
crb_project_dup_claim_tag_colors (CrbProject *project, const char *document_uuid, GError **error)
{
  g_autoptr (GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (document_uuid != NULL, NULL);

  _crb_project_lock (project);
  stmt = _crb_project_prepare (project,
                               "SELECT c.uuid, t.color FROM claim c "
                               "JOIN claim_tag l ON l.claim_uuid = c.uuid AND l.deleted = 0 "
                               "JOIN tag t ON t.uuid = l.tag_uuid AND t.deleted = 0 "
                               "WHERE c.document_uuid = ?1 AND c.deleted = 0 "
                               "AND t.color IS NOT NULL AND t.color <> '' "
                               "ORDER BY c.uuid, t.name COLLATE NOCASE, t.id",
                               error);
  if (stmt == NULL)
    {
      _crb_project_unlock (project);
      return NULL;
    }
  crb_bind_text (stmt, 1, document_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *claim = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_hash_table_contains (colors, claim))
        g_hash_table_insert (colors, g_strdup (claim), crb_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    _crb_project_set_sqlite_error (project, error, rc, "the tag colours");
  _crb_project_unlock (project);
  return rc == SQLITE_DONE ? g_steal_pointer (&colors) : NULL;
}

static gboolean
check_new_name (CrbProject *project, const char *name, const char *parent_uuid, GError **error)
{
  const char *params[] = { name, parent_uuid };
  g_autofree char *existing = NULL;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "A tag needs a name.");
      return FALSE;
    }
  if (!_crb_record_query_lookup (project,
                                 "SELECT uuid FROM tag WHERE deleted = 0 AND name = ?1 "
                                 "COLLATE NOCASE AND parent_uuid IS ?2 LIMIT 1",
                                 params, 2, &existing, error))
    return FALSE;
  if (existing == NULL)
    return TRUE;
  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DUPLICATE,
               "There is already a tag “%s” here.", name);
  return FALSE;
}

CrbTag *
crb_project_add_tag (CrbProject *project, const char *name, const char *color,
                     const char *parent_id, GError **error)
{
  static const char *columns[] = { "name", "color", "parent_uuid" };
  g_autoptr (CrbTag) parent = NULL;
  g_autofree char *clean = NULL;
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  const char *parent_uuid;
  CrbTag *tag;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (color != NULL && *color == '\0')
    color = NULL;
  if (!crb_validate_field ("tag", "color", color, error))
    return NULL;
  if (parent_id != NULL && !(parent = crb_project_find_tag (project, parent_id, error)))
    return NULL;
  parent_uuid = parent ? crb_record_get_uuid (CRB_RECORD (parent)) : NULL;
  if (!check_new_name (project, clean, parent_uuid, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_init (&values[i], G_TYPE_STRING);
  g_value_set_string (&values[0], clean);
  g_value_set_string (&values[1], color);
  g_value_set_string (&values[2], parent_uuid);
  tag = _crb_record_query_add (project, "Add tag", CRB_CHANGE_TAGS, "tag", columns, values,
                               G_N_ELEMENTS (columns), TAG_QUERY "AND t.id = ?1", tag_from_row,
                               error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return tag;
}

static gboolean
find_claim_and_tag (CrbProject *project, const char *claim_id, const char *tag_id,
                    CrbClaim **claim, CrbTag **tag, GError **error)
{
  *claim = crb_project_find_claim (project, claim_id, error);
  if (*claim == NULL)
    return FALSE;
  *tag = crb_project_find_tag (project, tag_id, error);
  return *tag != NULL;
}

#define LINK_QUERY \
  "SELECT uuid FROM claim_tag WHERE claim_uuid = ?1 AND tag_uuid = ?2 AND deleted = 0"

gboolean
crb_project_tag_claim (CrbProject *project, const char *claim_id, const char *tag_id,
                       GError **error)
{
  static const char *columns[] = { "claim_uuid", "tag_uuid" };
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbTag) tag = NULL;
  g_autofree char *existing = NULL;
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  const char *params[2];
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  if (!find_claim_and_tag (project, claim_id, tag_id, &claim, &tag, error))
    return FALSE;
  params[0] = crb_record_get_uuid (CRB_RECORD (claim));
  params[1] = crb_record_get_uuid (CRB_RECORD (tag));

  if (!_crb_project_begin_action (project, "Tag claim", error))
    return FALSE;
  if (!_crb_record_query_lookup (project, LINK_QUERY " LIMIT 1", params, 2, &existing, error))
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  if (existing != NULL)
    {
      _crb_project_rollback_action (project);
      return TRUE;
    }
  for (guint i = 0; i < 2; i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_string (&values[i], params[i]);
    }
  ok = _crb_edit_insert (project, "claim_tag", NULL, columns, values, 2, NULL, NULL, error);
  for (guint i = 0; i < 2; i++)
    g_value_unset (&values[i]);
  if (!ok)
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  _crb_project_note_change (project, CRB_CHANGE_TAGS | CRB_CHANGE_CLAIMS);
  return _crb_project_commit_action (project, error);
}

gboolean
crb_project_untag_claim (CrbProject *project, const char *claim_id, const char *tag_id,
                         GError **error)
{
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbTag) tag = NULL;
  g_autoptr (GPtrArray) links = NULL;
  const char *params[2];

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  if (!find_claim_and_tag (project, claim_id, tag_id, &claim, &tag, error))
    return FALSE;
  params[0] = crb_record_get_uuid (CRB_RECORD (claim));
  params[1] = crb_record_get_uuid (CRB_RECORD (tag));

  if (!_crb_project_begin_action (project, "Remove tag", error))
    return FALSE;
  if (!(links = _crb_record_query_strings (project, LINK_QUERY, params, 2, error)))
    goto fail;
  if (links->len == 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
                   "The claim is not tagged “%s”.", crb_tag_get_name (tag));
      goto fail;
    }
  for (guint i = 0; i < links->len; i++)
    if (!_crb_edit_delete (project, "claim_tag", g_ptr_array_index (links, i), error))
      goto fail;
  _crb_project_note_change (project, CRB_CHANGE_TAGS | CRB_CHANGE_CLAIMS);
  return _crb_project_commit_action (project, error);

fail:
  _crb_project_rollback_action (project);
  return FALSE;
}

/* Whether `tag` lies under `ancestor` (bounded: parents may form a loop). */
static gboolean
is_under (CrbProject *project, const char *tag, const char *ancestor, GError **error)
{
  g_autofree char *current = g_strdup (tag);

  for (guint steps = 0; current != NULL && steps < 10000; steps++)
    {
      const char *params[] = { current };
      char *parent = NULL;

      if (!_crb_record_query_lookup (project,
                                     "SELECT parent_uuid FROM tag WHERE uuid = ?1 AND deleted = 0",
                                     params, 1, &parent, error))
        return FALSE;
      g_free (current);
      current = parent;
      if (g_strcmp0 (current, ancestor) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
merge_tags (CrbProject *project, CrbTag *from, CrbTag *into, GError **error)
{
  const char *from_uuid = crb_record_get_uuid (CRB_RECORD (from));
  const char *into_uuid = crb_record_get_uuid (CRB_RECORD (into));
  const char *params[] = { from_uuid, into_uuid };
  g_autoptr (GPtrArray) children = NULL;
  g_autoptr (GError) local_error = NULL;

  /* Moving `from`'s children under `into` must not hang `into` under
   * itself: lift it to `from`'s place first. */
  if (is_under (project, into_uuid, from_uuid, &local_error)
      && !_crb_record_query_update (project, "tag", into_uuid, "parent_uuid",
                                    from->fields[F_PARENT], error))
    return FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!(children = _crb_record_query_strings (project,
                                              "SELECT uuid FROM tag WHERE parent_uuid = ?1 "
                                              "AND deleted = 0 AND uuid != ?2",
                                              params, 2, error)))
    return FALSE;
  for (guint i = 0; i < children->len; i++)
    if (!_crb_record_query_update (project, "tag", g_ptr_array_index (children, i),
                                   "parent_uuid", into_uuid, error))
      return FALSE;

  /* A claim that has both keeps one link. */
  if (!_crb_record_query_move (project, "claim_tag", "tag_uuid", from_uuid, into_uuid,
                               "SELECT l.uuid FROM claim_tag l WHERE l.tag_uuid = ?1 "
                               "AND l.deleted = 0 AND EXISTS (SELECT 1 FROM claim_tag k "
                               "WHERE k.claim_uuid = l.claim_uuid AND k.tag_uuid = ?2 "
                               "AND k.deleted = 0)",
                               error))
    return FALSE;
  return _crb_edit_delete (project, "tag", from_uuid, error);
}

gboolean
crb_project_merge_tags (CrbProject *project, const char *from_id, const char *into_id,
                        GError **error)
{
  g_autoptr (CrbTag) from = NULL;
  g_autoptr (CrbTag) into = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  if (!(from = crb_project_find_tag (project, from_id, error))
      || !(into = crb_project_find_tag (project, into_id, error)))
    return FALSE;
  if (g_str_equal (crb_record_get_uuid (CRB_RECORD (from)), crb_record_get_uuid (CRB_RECORD (into))))
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” cannot be merged into itself.", crb_tag_get_name (from));
      return FALSE;
    }

  if (!_crb_project_begin_action (project, "Merge tags", error))
    return FALSE;
  if (!merge_tags (project, from, into, error))
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  _crb_project_note_change (project, CRB_CHANGE_TAGS | CRB_CHANGE_CLAIMS);
  return _crb_project_commit_action (project, error);
}

#define GETTER(name, field)                        \
  const char *crb_tag_get_##name (CrbTag *self)    \
  {                                                \
    g_return_val_if_fail (CRB_IS_TAG (self), NULL); \
    return self->fields[field];                    \
  }

GETTER (name, F_NAME)
GETTER (color, F_COLOR)
GETTER (parent_uuid, F_PARENT)
GETTER (description, F_DESCRIPTION)

guint
crb_tag_get_depth (CrbTag *self)
{
  g_return_val_if_fail (CRB_IS_TAG (self), 0);
  return self->depth;
}

guint
crb_tag_get_claim_count (CrbTag *self)
{
  g_return_val_if_fail (CRB_IS_TAG (self), 0);
  return self->claim_count;
}
