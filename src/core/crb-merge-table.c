/* crb-merge-table.c: the record tables as a merge sees them, and rows
 *
 * The columns come from the schema itself (PRAGMA table_info), so a new
 * column is merged without touching this file; only the grouping of
 * columns into units and the references need saying.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge"

#include <string.h>

#include "crb-merge-private.h"
#include "crb-schema.h"

static const char *bookkeeping[] = { "id",          "uuid",        "author",  "created_at",
                                     "modified_at", "modified_by", "deleted", NULL };

/* Columns that change together. */
static const struct
{
  const char *table;
  const char *columns[9];
} anchors[] = {
  { "claim",
    { "document_uuid", "revision_uuid", "start_offset", "end_offset", "exact", "prefix", "suffix",
      "anchor_status", NULL } },
  { "mention", { "document_uuid", "revision_uuid", "start_offset", "end_offset", "exact", NULL } },
};

static const struct
{
  const char *table;
  const char *column;
  const char *target;
} references[] = {
  { "revision", "document_uuid", "document" },    { "tag", "parent_uuid", "tag" },
  { "claim", "document_uuid", "document" },       { "claim", "revision_uuid", "revision" },
  { "claim_tag", "claim_uuid", "claim" },         { "claim_tag", "tag_uuid", "tag" },
  { "entity", "merged_into", "entity" },          { "alias", "entity_uuid", "entity" },
  { "claim_entity", "claim_uuid", "claim" },      { "claim_entity", "entity_uuid", "entity" },
  { "mention", "entity_uuid", "entity" },         { "mention", "document_uuid", "document" },
  { "mention", "revision_uuid", "revision" },     { "facet", "event_uuid", "event" },
  { "event_claim", "event_uuid", "event" },       { "event_claim", "claim_uuid", "claim" },
  { "event_claim", "facet_uuid", "facet" },       { "relation", "from_document_uuid", "document" },
  { "relation", "to_document_uuid", "document" },
};

/* What Save a Copy blanks in tombstones (crb-copy.c): a tombstone that
 * arrives from elsewhere carries no more than that. */
static const struct
{
  const char *table;
  const char *column;
} contents[] = {
  { "claim", "note" },        { "claim", "exact" },   { "claim", "prefix" },
  { "claim", "suffix" },      { "revision", "text" }, { "entity", "description" },
  { "event", "description" },
};

/* Big values a comparison never looks at (revisions are immutable but
 * for their current flag). */
static const struct
{
  const char *table;
  const char *column;
} heavies[] = {
  { "revision", "text" },
  { "revision", "notes" },
  { "revision", "pages" },
  { "revision", "paragraphs" },
};

static GMutex         tables_mutex;
static CrbMergeTable *tables;
static guint          n_tables;

static gboolean
in_list (const char *const *list, const char *name)
{
  for (guint i = 0; list[i]; i++)
    if (g_str_equal (list[i], name))
      return TRUE;
  return FALSE;
}

static int
anchor_group (const char *table, const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
    if (g_str_equal (anchors[i].table, table) && in_list (anchors[i].columns, column))
      return (int) i;
  return -1;
}

static void
describe_table (sqlite3 *db, const char *name, CrbMergeTable *table)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", name);
  g_autoptr (GPtrArray) columns = g_ptr_array_new ();
  g_autoptr (GPtrArray) units = g_ptr_array_new ();
  int anchor_unit = -1;

  table->name = name;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  table->n_columns = columns->len;
  table->unit_of = g_new (int, columns->len);
  table->references = g_new0 (const char *, columns->len);
  table->content = g_new0 (gboolean, columns->len);
  table->heavy = g_new0 (gboolean, columns->len);
  g_ptr_array_add (columns, NULL);
  table->columns = (char **) g_ptr_array_free (g_steal_pointer (&columns), FALSE);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *column = table->columns[c];
      int         group = anchor_group (name, column);

      if (in_list (bookkeeping, column) ||
          (g_str_equal (name, "revision") && !g_str_equal (column, "current")))
        table->unit_of[c] = -1;
      else if (group >= 0 && anchor_unit >= 0)
        table->unit_of[c] = anchor_unit;
      else
        {
          table->unit_of[c] = (int) units->len;
          if (group >= 0)
            anchor_unit = (int) units->len;
          g_ptr_array_add (units, g_strdup (group >= 0 ? "anchor" : column));
        }
      for (guint r = 0; r < G_N_ELEMENTS (references); r++)
        if (g_str_equal (references[r].table, name) && g_str_equal (references[r].column, column))
          table->references[c] = references[r].target;
      for (guint k = 0; k < G_N_ELEMENTS (contents); k++)
        if (g_str_equal (contents[k].table, name) && g_str_equal (contents[k].column, column))
          table->content[c] = TRUE;
      for (guint k = 0; k < G_N_ELEMENTS (heavies); k++)
        if (g_str_equal (heavies[k].table, name) && g_str_equal (heavies[k].column, column))
          table->heavy[c] = TRUE;

      if (g_str_equal (column, "uuid"))
        table->col_uuid = (int) c;
      else if (g_str_equal (column, "author"))
        table->col_author = (int) c;
      else if (g_str_equal (column, "created_at"))
        table->col_created = (int) c;
      else if (g_str_equal (column, "modified_at"))
        table->col_modified = (int) c;
      else if (g_str_equal (column, "modified_by"))
        table->col_modified_by = (int) c;
      else if (g_str_equal (column, "deleted"))
        table->col_deleted = (int) c;
    }
  table->n_units = units->len;
  table->select_all = _crb_merge_select_sql (table, FALSE, "");
  table->select_light = _crb_merge_select_sql (table, TRUE, "");
  {
    GString *insert = g_string_new (NULL);

    g_string_append_printf (insert, "INSERT INTO %s (", name);
    for (guint c = 1; c < table->n_columns; c++)
      g_string_append_printf (insert, "%s\"%s\"", c > 1 ? ", " : "", table->columns[c]);
    g_string_append (insert, ") VALUES (");
    for (guint c = 1; c < table->n_columns; c++)
      g_string_append_printf (insert, "%s?%u", c > 1 ? ", " : "", c);
    g_string_append (insert, ")");
    table->insert = g_string_free (insert, FALSE);
  }
  g_ptr_array_add (units, NULL);
  table->unit_names = (char **) g_ptr_array_free (g_steal_pointer (&units), FALSE);
}

const CrbMergeTable *
_crb_merge_tables (sqlite3 *db, guint *n)
{
  g_mutex_lock (&tables_mutex);
  if (tables == NULL)
    {
      const char *const *names = crb_schema_record_tables ();

      n_tables = g_strv_length ((char **) names);
      tables = g_new0 (CrbMergeTable, n_tables);
      for (guint i = 0; i < n_tables; i++)
        describe_table (db, names[i], &tables[i]);
    }
  g_mutex_unlock (&tables_mutex);
  *n = n_tables;
  return tables;
}

const CrbMergeTable *
_crb_merge_table (sqlite3 *db, const char *name)
{
  guint                n;
  const CrbMergeTable *all = _crb_merge_tables (db, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (all[i].name, name))
      return &all[i];
  return NULL;
}

CrbMergeRow *
_crb_merge_row_read (const CrbMergeTable *table, sqlite3_stmt *stmt)
{
  CrbMergeRow *row = g_new0 (CrbMergeRow, 1);

  row->table = table;
  row->values = g_new0 (sqlite3_value *, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    row->values[c] = sqlite3_value_dup (sqlite3_column_value (stmt, (int) c));
  return row;
}

void
_crb_merge_row_free (CrbMergeRow *row)
{
  if (row == NULL)
    return;
  for (guint c = 0; c < row->table->n_columns; c++)
    sqlite3_value_free (row->values[c]);
  g_free (row->values);
  g_free (row);
}

const char *
_crb_merge_row_text (CrbMergeRow *row, int column)
{
  return (const char *) sqlite3_value_text (row->values[column]);
}

gint64
_crb_merge_row_int (CrbMergeRow *row, int column)
{
  return sqlite3_value_int64 (row->values[column]);
}

/* Replaces a value, going through a throwaway statement because SQLite
 * makes sqlite3_value objects only from queries. */
static void
set_value (CrbMergeRow *row, int column, const char *text, gint64 number)
{
  static sqlite3 *scratch;
  static GMutex   scratch_mutex;
  sqlite3_stmt   *stmt = NULL;

  g_mutex_lock (&scratch_mutex);
  if (scratch == NULL)
    sqlite3_open_v2 (":memory:", &scratch, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (sqlite3_prepare_v2 (scratch, "SELECT ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      if (text)
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, 1, number);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          sqlite3_value_free (row->values[column]);
          row->values[column] = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
        }
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&scratch_mutex);
}

void
_crb_merge_row_set_text (CrbMergeRow *row, int column, const char *text)
{
  g_return_if_fail (text != NULL);
  set_value (row, column, text, 0);
}

void
_crb_merge_row_set_int (CrbMergeRow *row, int column, gint64 number)
{
  set_value (row, column, NULL, number);
}

static gboolean
values_equal (sqlite3_value *a, sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      {
        const void *x = type == SQLITE_BLOB ? sqlite3_value_blob (a) : sqlite3_value_text (a);
        const void *y = type == SQLITE_BLOB ? sqlite3_value_blob (b) : sqlite3_value_text (b);
        int         n = sqlite3_value_bytes (a);

        return n == sqlite3_value_bytes (b) && (n == 0 || memcmp (x, y, n) == 0);
      }
    }
}

gboolean
_crb_merge_unit_equal (CrbMergeRow *a, CrbMergeRow *b, guint unit)
{
  for (guint c = 0; c < a->table->n_columns; c++)
    if (a->table->unit_of[c] == (int) unit && !values_equal (a->values[c], b->values[c]))
      return FALSE;
  return TRUE;
}

char *
_crb_merge_unit_hash (CrbMergeRow *row, guint unit)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint c = 0; c < row->table->n_columns; c++)
    {
      sqlite3_value *value = row->values[c];
      int            type;
      char           header[32];

      if (row->table->unit_of[c] != (int) unit)
        continue;
      type = sqlite3_value_type (value);
      if (type == SQLITE_INTEGER)
        g_snprintf (header, sizeof header, "i%" G_GINT64_FORMAT ";",
                    (gint64) sqlite3_value_int64 (value));
      else if (type == SQLITE_FLOAT)
        g_snprintf (header, sizeof header, "f%.17g;", sqlite3_value_double (value));
      else if (type == SQLITE_NULL)
        g_strlcpy (header, "n;", sizeof header);
      else
        g_snprintf (header, sizeof header, "t%d:", sqlite3_value_bytes (value));
      g_checksum_update (checksum, (const guchar *) header, -1);
      if (type == SQLITE_TEXT || type == SQLITE_BLOB)
        g_checksum_update (
            checksum, type == SQLITE_BLOB ? sqlite3_value_blob (value) : sqlite3_value_text (value),
            sqlite3_value_bytes (value));
    }
  return g_strdup (g_checksum_get_string (checksum));
}

char *
_crb_merge_unit_json (CrbMergeRow *row, guint unit)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint c = 0; c < row->table->n_columns; c++)
    {
      sqlite3_value *value = row->values[c];

      if (row->table->unit_of[c] != (int) unit)
        continue;
      json_builder_set_member_name (builder, row->table->columns[c]);
      switch (sqlite3_value_type (value))
        {
        case SQLITE_NULL:
          json_builder_add_null_value (builder);
          break;
        case SQLITE_INTEGER:
          json_builder_add_int_value (builder, sqlite3_value_int64 (value));
          break;
        case SQLITE_FLOAT:
          json_builder_add_double_value (builder, sqlite3_value_double (value));
          break;
        default:
          json_builder_add_string_value (builder, (const char *) sqlite3_value_text (value));
        }
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

char *
_crb_merge_select_sql (const CrbMergeTable *table, gboolean light, const char *where)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c)
        g_string_append (sql, ", ");
      if (light && table->heavy[c])
        g_string_append (sql, "NULL");
      else
        g_string_append_printf (sql, "\"%s\"", table->columns[c]);
    }
  g_string_append_printf (sql, " FROM %s %s", table->name, where ? where : "");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

sqlite3_stmt *
_crb_merge_prepare (CrbMerge *merge, gboolean other, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  if (!other)
    return _crb_project_prepare (merge->project, sql, error);
  if ((stmt = g_hash_table_lookup (merge->other_statements, sql)))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (merge->other, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                   "The other project file cannot be read: %s", sqlite3_errmsg (merge->other));
      return NULL;
    }
  g_hash_table_insert (merge->other_statements, g_strdup (sql), stmt);
  return stmt;
}

CrbMergeRow *
_crb_merge_row_by_uuid (CrbMerge *merge, gboolean other, const CrbMergeTable *table,
                        const char *uuid, gboolean light, GError **error)
{
  g_autofree char *sql =
      g_strconcat (light ? table->select_light : table->select_all, "WHERE uuid = ?1", NULL);
  sqlite3_stmt *stmt = _crb_merge_prepare (merge, other, sql, error);
  CrbMergeRow  *row = NULL;
  int           rc;

  if (stmt == NULL)
    return NULL;
  crb_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = _crb_merge_row_read (table, stmt);
      row->light = light;
    }
  else if (rc != SQLITE_DONE)
    _crb_merge_exec_failed (other ? merge->other : merge->db, rc, "the merge", error);
  sqlite3_reset (stmt);
  return row;
}

gboolean
_crb_merge_exec_failed (sqlite3 *db, int rc, const char *what, GError **error)
{
  g_set_error (error, CRB_PROJECT_ERROR,
               (rc & 0xff) == SQLITE_FULL      ? CRB_PROJECT_ERROR_DISK_FULL
               : (rc & 0xff) == SQLITE_CORRUPT ? CRB_PROJECT_ERROR_DAMAGED
                                               : CRB_PROJECT_ERROR_FAILED,
               "Could not complete %s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

char *
_crb_merge_key (const char *row_uuid, const char *unit)
{
  return g_strconcat (row_uuid, "\037", unit, NULL);
}
