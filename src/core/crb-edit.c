/* crb-edit.c: generic insert, field edit and tombstoning of records
 *
 * Table and column names in the SQL built here come only from the static
 * tables below, never from input; values are always bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-edit"

#include <stdlib.h>
#include <string.h>

#include "crb-edit-private.h"
#include "crb-edit.h"
#include "crb-fts-private.h"
#include "crb-schema.h"
#include "crb-util.h"
#include "crb-validate.h"

typedef enum
{
  FIELD_TEXT,          /* any text, may not be empty */
  FIELD_TEXT_OR_EMPTY, /* any text, may be empty */
  FIELD_OPTIONAL,      /* text or NULL */
  FIELD_INT,           /* a whole number */
  FIELD_OPTIONAL_INT,  /* a whole number or NULL */
  FIELD_UUID,          /* a UUID of another record, or NULL */
} FieldType;

typedef struct
{
  const char *table;
  const char *field;
  FieldType   type;
  const char *label; /* for the undo history */
} Field;

static const Field fields[] = {
  { "document", "title", FIELD_TEXT, "Rename source" },
  { "document", "published_at", FIELD_OPTIONAL, "Change publication date" },
  { "document", "doc_author", FIELD_OPTIONAL, "Change source author" },
  { "document", "publisher", FIELD_OPTIONAL, "Change publisher" },
  { "document", "language", FIELD_OPTIONAL, "Change language" },
  { "document", "origin", FIELD_OPTIONAL, "Change origin" },
  { "document", "reliability", FIELD_OPTIONAL, "Grade source" },
  { "claim", "note", FIELD_TEXT_OR_EMPTY, "Edit note" },
  { "claim", "kind", FIELD_TEXT, "Change kind" },
  { "claim", "credibility", FIELD_OPTIONAL_INT, "Grade claim" },
  { "claim", "private", FIELD_INT, "Change privacy" },
  { "tag", "name", FIELD_TEXT, "Rename tag" },
  { "tag", "color", FIELD_OPTIONAL, "Change tag colour" },
  { "tag", "description", FIELD_OPTIONAL, "Describe tag" },
  { "tag", "parent_uuid", FIELD_UUID, "Move tag" },
  { "entity", "kind", FIELD_TEXT, "Change entity type" },
  { "entity", "name", FIELD_TEXT, "Rename entity" },
  { "entity", "description", FIELD_TEXT_OR_EMPTY, "Describe entity" },
  { "entity", "external_id", FIELD_OPTIONAL, "Change external identifier" },
  { "alias", "name", FIELD_TEXT, "Rename alias" },
  { "alias", "language", FIELD_OPTIONAL, "Change alias language" },
  { "claim_entity", "role", FIELD_TEXT, "Change role" },
  { "mention", "status", FIELD_TEXT, "Review mention" },
  { "event", "title", FIELD_TEXT, "Rename event" },
  { "event", "date_start", FIELD_OPTIONAL, "Change event date" },
  { "event", "date_end", FIELD_OPTIONAL, "Change event date" },
  { "event", "place", FIELD_OPTIONAL, "Change event place" },
  { "event", "description", FIELD_TEXT_OR_EMPTY, "Describe event" },
  { "facet", "name", FIELD_TEXT, "Rename facet" },
  { "facet", "position", FIELD_INT, "Move facet" },
  { "event_claim", "facet_uuid", FIELD_UUID, "Change facet" },
  { "event_claim", "stance", FIELD_TEXT, "Change stance" },
  { "relation", "kind", FIELD_TEXT, "Change relation" },
  { "relation", "status", FIELD_TEXT, "Review relation" },
};

/* What is tombstoned with a record: rows of `child` whose `column` holds
 * the record's UUID. */
typedef struct
{
  const char *table;
  const char *child;
  const char *column;
  gboolean    clear;  /* clear the link instead of deleting the child */
} Cascade;

static const Cascade cascades[] = {
  { "document", "revision", "document_uuid" },
  { "document", "claim", "document_uuid" },
  { "document", "mention", "document_uuid" },
  { "document", "relation", "from_document_uuid" },
  { "document", "relation", "to_document_uuid" },
  { "claim", "claim_tag", "claim_uuid" },
  { "claim", "claim_entity", "claim_uuid" },
  { "claim", "event_claim", "claim_uuid" },
  { "tag", "claim_tag", "tag_uuid" },
  { "tag", "tag", "parent_uuid" },
  { "entity", "alias", "entity_uuid" },
  { "entity", "claim_entity", "entity_uuid" },
  { "entity", "mention", "entity_uuid" },
  { "event", "facet", "event_uuid" },
  { "event", "event_claim", "event_uuid" },
  /* A claim linked to a deleted facet stays linked to the event. */
  { "facet", "event_claim", "facet_uuid", TRUE },
};

static const char *delete_labels[][2] = {
  { "document", "Delete source" }, { "claim", "Delete claim" },
  { "tag", "Delete tag" },          { "claim_tag", "Remove tag" },
  { "entity", "Delete entity" },    { "alias", "Delete alias" },
  { "claim_entity", "Unlink entity" }, { "mention", "Delete mention" },
  { "event", "Delete event" },      { "facet", "Delete facet" },
  { "event_claim", "Remove from event" }, { "relation", "Delete relation" },
};

static gboolean
is_record_table (const char *table)
{
  const char * const *tables = crb_schema_record_tables ();

  for (guint i = 0; tables[i]; i++)
    if (g_strcmp0 (tables[i], table) == 0)
      return TRUE;
  return FALSE;
}

const char **
crb_edit_fields_of (const char *table)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].table, table) == 0)
      g_ptr_array_add (names, (gpointer) fields[i].field);
  g_ptr_array_add (names, NULL);
  return (const char **) g_ptr_array_free (names, FALSE);
}

static const Field *
find_field (const char *table, const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].table, table) == 0 && g_strcmp0 (fields[i].field, field) == 0)
      return &fields[i];
  return NULL;
}

gint64
_crb_edit_row_id (CrbProject *self, const char *table, const char *uuid, GError **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_assert (is_record_table (table));
  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1 AND deleted = 0", table);
  if (!(stmt = _crb_project_prepare (self, sql, error)))
    return -1;
  crb_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);
      return id;
    }
  sqlite3_reset (stmt);
  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
               "There is no %s with the identifier “%s” in this project.", table,
               uuid ? uuid : "");
  return -1;
}

static void
bind_value (sqlite3_stmt *stmt, int index, const GValue *value)
{
  if (G_VALUE_TYPE (value) == G_TYPE_STRING)
    crb_bind_text (stmt, index, g_value_get_string (value));
  else if (G_VALUE_TYPE (value) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (G_VALUE_TYPE (value) == G_TYPE_INT)
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (G_VALUE_TYPE (value) == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (G_VALUE_TYPE (value) == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else if (G_VALUE_TYPE (value) == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);
      gsize size = 0;
      gconstpointer data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

      if (data == NULL)
        sqlite3_bind_zeroblob (stmt, index, 0);
      else
        sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
_crb_edit_insert (CrbProject *self, const char *table, const char *uuid,
                  const char * const *columns, const GValue *values, guint n_values,
                  char **uuid_out, gint64 *rowid_out, GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *fresh = uuid ? g_strdup (uuid) : crb_uuid_new ();
  sqlite3_stmt *stmt;
  gint64 now = _crb_project_now (self);
  const char *author = crb_project_get_author (self);

  g_assert (_crb_project_in_action (self));

  g_string_append_printf (sql, "INSERT INTO %s (uuid, author, created_at, modified_at, "
                               "modified_by",
                          table);
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (sql, ", %s", columns[i]);
  g_string_append (sql, ") VALUES (?1, ?2, ?3, ?3, ?2");
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (sql, ", ?%u", i + 4);
  g_string_append (sql, ")");

  if (!(stmt = _crb_project_prepare (self, sql->str, error)))
    return FALSE;
  crb_bind_text (stmt, 1, fresh);
  crb_bind_text (stmt, 2, author);
  sqlite3_bind_int64 (stmt, 3, now);
  for (guint i = 0; i < n_values; i++)
    bind_value (stmt, (int) i + 4, &values[i]);
  if (!_crb_project_step_done (self, stmt, "the new record", error))
    return FALSE;

  if (rowid_out)
    *rowid_out = sqlite3_last_insert_rowid (_crb_project_get_db (self));
  if (uuid_out)
    *uuid_out = g_steal_pointer (&fresh);
  return TRUE;
}

static gboolean
is_blank (const char *value)
{
  for (const char *p = value; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
parse_field_value (const Field *field, const char *value, GValue *out, GError **error)
{
  switch (field->type)
    {
    case FIELD_TEXT:
      if (is_blank (value))
        {
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                       "The %s cannot be empty.", field->field);
          return FALSE;
        }
      g_value_init (out, G_TYPE_STRING);
      g_value_set_string (out, value);
      return TRUE;
    case FIELD_TEXT_OR_EMPTY:
      g_value_init (out, G_TYPE_STRING);
      g_value_set_string (out, value ? value : "");
      return TRUE;
    case FIELD_OPTIONAL:
    case FIELD_UUID:
      g_value_init (out, G_TYPE_STRING);
      g_value_set_string (out, value && *value ? value : NULL);
      return TRUE;
    case FIELD_INT:
    case FIELD_OPTIONAL_INT:
      {
        gint64 number;

        if ((value == NULL || *value == '\0') && field->type == FIELD_OPTIONAL_INT)
          {
            g_value_init (out, G_TYPE_STRING);
            g_value_set_string (out, NULL);
            return TRUE;
          }
        if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT32, G_MAXINT32, &number,
                                                        NULL))
          {
            g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                         "The %s must be a whole number, not “%s”.", field->field,
                         value ? value : "");
            return FALSE;
          }
        g_value_init (out, G_TYPE_INT64);
        g_value_set_int64 (out, number);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* A tag may not end up inside itself. */
static gboolean
check_tag_parent (CrbProject *self, const char *uuid, const char *parent, GError **error)
{
  g_autofree char *current = g_strdup (parent);

  for (guint depth = 0; current != NULL && depth < 1000; depth++)
    {
      sqlite3_stmt *stmt;

      if (g_str_equal (current, uuid))
        {
          g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                               "A tag cannot be placed inside itself or one of its own subtags.");
          return FALSE;
        }
      if (!(stmt = _crb_project_prepare (self,
                                         "SELECT parent_uuid FROM tag WHERE uuid = ?1 "
                                         "AND deleted = 0",
                                         error)))
        return FALSE;
      crb_bind_text (stmt, 1, current);
      g_clear_pointer (&current, g_free);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        current = crb_column_dup (stmt, 0);
      else if (depth == 0)
        {
          sqlite3_reset (stmt);
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
                       "There is no tag “%s” to move this tag into.", parent);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static CrbFtsTable
fts_table_of (const char *table, gboolean *indexed)
{
  *indexed = TRUE;
  if (g_strcmp0 (table, "claim") == 0)
    return CRB_FTS_CLAIM;
  if (g_strcmp0 (table, "revision") == 0)
    return CRB_FTS_REVISION;
  *indexed = FALSE;
  return CRB_FTS_CLAIM;
}

gboolean
_crb_edit_set_field (CrbProject *self, const char *table, const char *uuid, const char *field,
                     const char *value, GError **error)
{
  const Field *spec = find_field (table, field);
  g_auto (GValue) parsed = G_VALUE_INIT;
  g_autofree char *sql = NULL;
  sqlite3 *db = _crb_project_get_db (self);
  sqlite3_stmt *stmt;
  gboolean indexed;
  CrbFtsTable fts = fts_table_of (table, &indexed);
  gint64 id;

  if (spec == NULL)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is not a field of %s that can be changed.", field, table);
      return FALSE;
    }
  if (!crb_validate_field (table, field, value, error)
      || !parse_field_value (spec, value, &parsed, error))
    return FALSE;
  if ((id = _crb_edit_row_id (self, table, uuid, error)) < 0)
    return FALSE;
  if (g_str_equal (table, "tag") && g_str_equal (field, "parent_uuid") && value && *value
      && !check_tag_parent (self, uuid, value, error))
    return FALSE;

  if (indexed && !_crb_fts_unindex (db, fts, id, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET %s = ?2, modified_at = ?3, modified_by = ?4 "
                         "WHERE id = ?1",
                         table, field);
  if (!(stmt = _crb_project_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_value (stmt, 2, &parsed);
  sqlite3_bind_int64 (stmt, 3, _crb_project_now (self));
  crb_bind_text (stmt, 4, crb_project_get_author (self));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_errcode (db);

      sqlite3_reset (stmt);
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                     "“%s” is not a valid %s.", value ? value : "", field);
      else
        _crb_project_set_sqlite_error (self, error, rc, spec->label);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return !indexed || _crb_fts_index (db, fts, id, error);
}

static const char *
delete_label (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (delete_labels); i++)
    if (g_strcmp0 (delete_labels[i][0], table) == 0)
      return delete_labels[i][1];
  return "Delete";
}

gboolean
_crb_edit_delete (CrbProject *self, const char *table, const char *uuid, GError **error)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = _crb_project_get_db (self);
  sqlite3_stmt *stmt;
  gboolean indexed;
  CrbFtsTable fts = fts_table_of (table, &indexed);
  gint64 id;

  if ((id = _crb_edit_row_id (self, table, uuid, error)) < 0)
    return FALSE;

  /* Dependants first, each through this same function so that their own
   * dependants and index entries follow. */
  for (guint i = 0; i < G_N_ELEMENTS (cascades); i++)
    {
      g_autoptr (GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *query = NULL;

      if (g_strcmp0 (cascades[i].table, table) != 0)
        continue;
      query = g_strdup_printf ("SELECT uuid FROM %s WHERE %s = ?1 AND deleted = 0",
                               cascades[i].child, cascades[i].column);
      if (!(stmt = _crb_project_prepare (self, query, error)))
        return FALSE;
      crb_bind_text (stmt, 1, uuid);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (children, crb_column_dup (stmt, 0));
      sqlite3_reset (stmt);

      for (guint j = 0; j < children->len; j++)
        if (!(cascades[i].clear
                  ? _crb_edit_set_field (self, cascades[i].child, g_ptr_array_index (children, j),
                                         cascades[i].column, NULL, error)
                  : _crb_edit_delete (self, cascades[i].child, g_ptr_array_index (children, j),
                                      error)))
          return FALSE;
    }

  if (indexed && !_crb_fts_unindex (db, fts, id, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET deleted = 1, modified_at = ?2, modified_by = ?3 "
                         "WHERE id = ?1",
                         table);
  if (!(stmt = _crb_project_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, _crb_project_now (self));
  crb_bind_text (stmt, 3, crb_project_get_author (self));
  return _crb_project_step_done (self, stmt, delete_label (table), error);
}

gboolean
crb_project_set_field (CrbProject *self, const char *table, const char *uuid, const char *field,
                       const char *value, GError **error)
{
  const Field *spec;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (table != NULL && field != NULL, FALSE);

  if (!(spec = find_field (table, field)))
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is not a field of %s that can be changed.", field, table);
      return FALSE;
    }
  if (!_crb_project_begin_action (self, spec->label, error))
    return FALSE;
  if (!_crb_edit_set_field (self, table, uuid, field, value, error))
    {
      _crb_project_rollback_action (self);
      return FALSE;
    }
  return _crb_project_commit_action (self, error);
}

gboolean
crb_project_delete_record (CrbProject *self, const char *table, const char *uuid, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (!is_record_table (table))
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is not a kind of record.", table);
      return FALSE;
    }
  if (!_crb_project_begin_action (self, delete_label (table), error))
    return FALSE;
  if (!_crb_edit_delete (self, table, uuid, error))
    {
      _crb_project_rollback_action (self);
      return FALSE;
    }
  return _crb_project_commit_action (self, error);
}
