/* crb-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-schema"

#include "crb-schema.h"
#include "crb-project.h"
#include "crb-sqlite-private.h"

/* Every row a person creates carries these, so that colleagues' copies can
 * be merged without collisions or resurrections (DESIGN.md §4). */
#define ROW_COLUMNS                                                            \
  "uuid TEXT NOT NULL UNIQUE, author TEXT NOT NULL, "                          \
  "created_at INTEGER NOT NULL, modified_at INTEGER NOT NULL, modified_by TEXT NOT NULL, " \
  "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"

static const char *schema_v1[] = {
  "CREATE TABLE project_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",

  /* A document is what the analyst thinks of as one source; its texts are
   * revisions, so that re-importing an updated page keeps the history. */
  "CREATE TABLE document (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "title TEXT NOT NULL, "
  "kind TEXT NOT NULL CHECK (kind IN ('text','markdown','html','web','pdf','docx','odt','epub')), "
  "origin TEXT, final_url TEXT, published_at TEXT, doc_author TEXT, publisher TEXT, "
  "language TEXT, "
  "reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A','B','C','D','E','F')))",

  "CREATE TABLE revision (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "document_uuid TEXT NOT NULL, number INTEGER NOT NULL, "
  "text TEXT NOT NULL, chars INTEGER NOT NULL, text_sha256 TEXT NOT NULL, "
  "original_sha256 TEXT, original_size INTEGER, content_type TEXT, http_status INTEGER, "
  "retrieved_at INTEGER, encoding TEXT, notes TEXT, pages TEXT, paragraphs TEXT, "
  "current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)))",
  "CREATE INDEX revision_document ON revision (document_uuid, number)",
  "CREATE INDEX revision_text_sha256 ON revision (text_sha256)",
  "CREATE INDEX revision_original_sha256 ON revision (original_sha256)",

  /* Original bytes live apart so that Save a Copy can drop them. */
  "CREATE TABLE original (id INTEGER PRIMARY KEY, revision_uuid TEXT NOT NULL UNIQUE, "
  "compression TEXT NOT NULL CHECK (compression IN ('none','gzip')), bytes BLOB NOT NULL)",

  "CREATE TABLE tag (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "parent_uuid TEXT, name TEXT NOT NULL, color TEXT, description TEXT)",

  "CREATE TABLE claim (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "document_uuid TEXT NOT NULL, revision_uuid TEXT NOT NULL, "
  "start_offset INTEGER NOT NULL CHECK (start_offset >= 0), "
  "end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset), "
  "exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL, "
  "anchor_status TEXT NOT NULL DEFAULT 'anchored' "
  "CHECK (anchor_status IN ('anchored','moved','ambiguous','orphaned')), "
  "kind TEXT NOT NULL DEFAULT 'claim' CHECK (kind IN ('claim','highlight','question')), "
  "note TEXT NOT NULL DEFAULT '', "
  "credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6), "
  "private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)))",
  "CREATE INDEX claim_document ON claim (document_uuid, start_offset)",

  "CREATE TABLE claim_tag (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "claim_uuid TEXT NOT NULL, tag_uuid TEXT NOT NULL)",
  "CREATE INDEX claim_tag_claim ON claim_tag (claim_uuid)",
  "CREATE INDEX claim_tag_tag ON claim_tag (tag_uuid)",

  "CREATE TABLE entity (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "kind TEXT NOT NULL CHECK (kind IN ('person','organisation','place','event','other')), "
  "name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', external_id TEXT, "
  "merged_into TEXT)",

  "CREATE TABLE alias (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "entity_uuid TEXT NOT NULL, name TEXT NOT NULL, language TEXT)",
  "CREATE INDEX alias_entity ON alias (entity_uuid)",

  "CREATE TABLE claim_entity (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "claim_uuid TEXT NOT NULL, entity_uuid TEXT NOT NULL, "
  "role TEXT NOT NULL CHECK (role IN ('subject','object','mentioned','location','speaker')))",
  "CREATE INDEX claim_entity_claim ON claim_entity (claim_uuid)",
  "CREATE INDEX claim_entity_entity ON claim_entity (entity_uuid)",

  "CREATE TABLE mention (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "entity_uuid TEXT NOT NULL, document_uuid TEXT NOT NULL, revision_uuid TEXT NOT NULL, "
  "start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, exact TEXT NOT NULL, "
  "status TEXT NOT NULL CHECK (status IN ('suggested','confirmed','rejected')))",
  "CREATE INDEX mention_document ON mention (document_uuid, start_offset)",
  "CREATE INDEX mention_entity ON mention (entity_uuid)",

  "CREATE TABLE event (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "title TEXT NOT NULL, date_start TEXT, date_end TEXT, place TEXT, "
  "description TEXT NOT NULL DEFAULT '')",

  "CREATE TABLE facet (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "event_uuid TEXT NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0)",
  "CREATE INDEX facet_event ON facet (event_uuid)",

  "CREATE TABLE event_claim (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "event_uuid TEXT NOT NULL, claim_uuid TEXT NOT NULL, facet_uuid TEXT, "
  "stance TEXT NOT NULL CHECK (stance IN ('supports','disputes','partial','context')))",
  "CREATE INDEX event_claim_event ON event_claim (event_uuid)",
  "CREATE INDEX event_claim_claim ON event_claim (claim_uuid)",

  "CREATE TABLE relation (id INTEGER PRIMARY KEY, " ROW_COLUMNS ", "
  "from_document_uuid TEXT NOT NULL, to_document_uuid TEXT NOT NULL, "
  "kind TEXT NOT NULL CHECK (kind IN ('copies','translates','summarises','cites','updates')), "
  "evidence TEXT NOT NULL DEFAULT '[]', "
  "status TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested','confirmed','rejected')))",
  "CREATE INDEX relation_from ON relation (from_document_uuid)",
  "CREATE INDEX relation_to ON relation (to_document_uuid)",

  /* Full-text indexes with external content, kept in step by application
   * code (no triggers: DESIGN.md §4): a row is in its index exactly when it
   * is live (and, for revisions, current), see crb-fts.c. */
  "CREATE VIRTUAL TABLE revision_fts USING fts5 (text, content='revision', "
  "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
  "CREATE VIRTUAL TABLE claim_fts USING fts5 (note, exact, content='claim', "
  "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
  NULL
};

/* Version 2: what merging colleagues' copies needs (crb-merge.c).  A
 * change log with one version per field edit (so that "both changed this
 * field" can be told from "one of them did"), the review list of fields
 * both changed, and redirects of records merged into others. */
static const char *schema_v2[] = {
  "CREATE TABLE change (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, tbl TEXT NOT NULL, "
  "row_uuid TEXT NOT NULL, field TEXT NOT NULL, value_sha256 TEXT NOT NULL, "
  "time INTEGER NOT NULL, author TEXT NOT NULL)",
  "CREATE INDEX change_row ON change (row_uuid, field, time)",
  "CREATE INDEX change_time ON change (time)",
  "CREATE TABLE merge_conflict (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, "
  "tbl TEXT NOT NULL, row_uuid TEXT NOT NULL, field TEXT NOT NULL, kept_value TEXT, "
  "kept_by TEXT, other_value TEXT, other_by TEXT, created_at INTEGER NOT NULL, "
  "resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)), resolved_by TEXT, "
  "resolved_at INTEGER)",
  "CREATE INDEX merge_conflict_row ON merge_conflict (row_uuid)",
  "CREATE TABLE redirect (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, tbl TEXT NOT NULL, "
  "into_uuid TEXT NOT NULL)",
  /* Re-imports look documents up by where they came from. */
  "CREATE INDEX document_origin ON document (origin)",
  "CREATE INDEX document_final_url ON document (final_url)",
  NULL
};

static const char *record_tables[] = {
  "document", "revision", "tag", "claim", "claim_tag", "entity", "alias", "claim_entity",
  "mention", "event", "facet", "event_claim", "relation", NULL
};

const char * const *
crb_schema_record_tables (void)
{
  return record_tables;
}

static gboolean
exec_sql (sqlite3 *db, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                   "Could not set up the project file: %s", message ? message : "unknown error");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_statements (sqlite3 *db, const char **statements, GError **error)
{
  for (guint i = 0; statements[i] != NULL; i++)
    if (!exec_sql (db, statements[i], error))
      return FALSE;
  return TRUE;
}

gboolean
crb_schema_create (sqlite3 *db, GError **error)
{
  g_autofree char *pragmas = NULL;

  if (!apply_statements (db, schema_v1, error))
    return FALSE;
  if (!crb_schema_migrate (db, 1, error))
    return FALSE;
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             CRB_APPLICATION_ID, CRB_SCHEMA_VERSION);
  return exec_sql (db, pragmas, error);
}

gboolean
crb_schema_migrate (sqlite3 *db, int from_version, GError **error)
{
  /* One entry per version after 1: the statements that take version N-1 to
   * N. */
  static const char **migrations[] = { NULL, NULL, schema_v2 };
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (from_version >= 1 && from_version <= CRB_SCHEMA_VERSION, FALSE);

  for (int version = from_version + 1; version <= CRB_SCHEMA_VERSION; version++)
    if (migrations[version] != NULL && !apply_statements (db, migrations[version], error))
      return FALSE;

  pragma = g_strdup_printf ("PRAGMA user_version = %d", CRB_SCHEMA_VERSION);
  return exec_sql (db, pragma, error);
}

/* The expected schema of a version is whatever an empty in-memory database
 * holds after creating version 1 and migrating up: no second copy of the
 * schema to drift out of step. */
static GHashTable *
read_schema (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt,
                          NULL)
      != SQLITE_OK)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                   "The project file's table of contents cannot be read: %s", sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *table = (const char *) sqlite3_column_text (stmt, 2);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);

      g_hash_table_insert (entries, g_strdup_printf ("%s %s", type ? type : "?", name ? name : "?"),
                           g_strdup_printf ("%s\n%s", table ? table : "", sql ? sql : ""));
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                   "The project file's table of contents is damaged: %s", sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static GHashTable *
expected_schema (int version, GError **error)
{
  g_autoptr (sqlite3) db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                           "Out of memory while checking the project file");
      return NULL;
    }
  if (!apply_statements (db, schema_v1, error))
    return NULL;
  if (version > 1 && !crb_schema_migrate (db, 1, error))
    return NULL;
  return read_schema (db, error);
}

static char *
describe_entry (const char *key)
{
  g_auto (GStrv) parts = g_strsplit (key, " ", 2);

  return g_strdup_printf ("%s “%s”", parts[0], parts[1] ? parts[1] : "");
}

gboolean
crb_schema_verify (sqlite3 *db, int version, GError **error)
{
  g_autoptr (GHashTable) expected = NULL;
  g_autoptr (GHashTable) actual = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (!(expected = expected_schema (version, error)))
    return FALSE;
  if (!(actual = read_schema (db, error)))
    return FALSE;

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *want = g_hash_table_lookup (expected, key);

      if (want == NULL || g_strcmp0 (want, value) != 0)
        {
          g_autofree char *what = describe_entry (key);

          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_TAMPERED,
                       want == NULL ? "The project file contains a %s that Corroborate did not "
                                      "create. It was not opened, to protect your work; ask "
                                      "whoever sent it for a copy made with Save a Copy."
                                    : "The project file's %s has been changed outside "
                                      "Corroborate. It was not opened, to protect your work.",
                       what);
          return FALSE;
        }
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (actual, key))
      {
        g_autofree char *what = describe_entry (key);

        g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                     "The project file lacks its %s; it is damaged or was made by another "
                     "program.",
                     what);
        return FALSE;
      }
  return TRUE;
}
