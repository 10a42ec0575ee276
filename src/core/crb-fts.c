/* crb-fts.c: the full-text indexes, kept in step by application code
 *
 * The indexes use external content (the text is stored once, in its own
 * table) and no triggers (DESIGN.md §4).  Removing a row from an external
 * content index needs the values it was indexed with, so every change goes
 * unindex (old values) → change → index (new values).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-fts"

#include "crb-fts-private.h"
#include "crb-project-private.h"
#include "crb-project.h"
#include "crb-sqlite-private.h"

/* The values a row is (or was) indexed with, read first and then bound to a
 * single-row INSERT: an INSERT … SELECT into an FTS5 table opens a statement
 * savepoint, and FTS5 writes its pending terms to disk at every savepoint,
 * which would make one tiny index segment per document. */
static const struct
{
  const char *select;
  const char *insert;
  const char *remove;
  int         n_values;
} fts_sql[] = {
  [CRB_FTS_REVISION] = { "SELECT text FROM revision WHERE id = ?1 AND deleted = 0 AND current = 1",
                         "INSERT INTO revision_fts (rowid, text) VALUES (?1, ?2)",
                         "INSERT INTO revision_fts (revision_fts, rowid, text) "
                         "VALUES ('delete', ?1, ?2)",
                         1 },
  [CRB_FTS_CLAIM] = { "SELECT note, exact FROM claim WHERE id = ?1 AND deleted = 0",
                      "INSERT INTO claim_fts (rowid, note, exact) VALUES (?1, ?2, ?3)",
                      "INSERT INTO claim_fts (claim_fts, rowid, note, exact) "
                      "VALUES ('delete', ?1, ?2, ?3)",
                      2 },
};

static gboolean
fts_failed (sqlite3 *db, int rc, GError **error)
{
  g_set_error (error, CRB_PROJECT_ERROR,
               (rc & 0xff) == SQLITE_FULL ? CRB_PROJECT_ERROR_DISK_FULL : CRB_PROJECT_ERROR_FAILED,
               (rc & 0xff) == SQLITE_FULL ? "The disk is full. Free some space and try again."
                                          : "The search index could not be updated: %s",
               sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
run_for_row (sqlite3 *db, const char *sql, gint64 rowid, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, rowid);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    return fts_failed (db, rc, error);
  return TRUE;
}

static gboolean
copy_row (sqlite3 *db, CrbFtsTable table, const char *insert, gint64 rowid, GError **error)
{
  g_autoptr (sqlite3_stmt) select = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (db, fts_sql[table].select, -1, SQLITE_PREPARE_PERSISTENT, &select,
                           NULL);
  if (rc != SQLITE_OK)
    return fts_failed (db, rc, error);
  sqlite3_bind_int64 (select, 1, rowid);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    return TRUE; /* not a live row: nothing is indexed for it */
  if (rc != SQLITE_ROW)
    return fts_failed (db, rc, error);

  rc = sqlite3_prepare_v3 (db, insert, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    return fts_failed (db, rc, error);
  sqlite3_bind_int64 (stmt, 1, rowid);
  for (int i = 0; i < fts_sql[table].n_values; i++)
    sqlite3_bind_value (stmt, i + 2, sqlite3_column_value (select, i));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return fts_failed (db, rc, error);
  return TRUE;
}

gboolean
_crb_fts_index_revision_text (CrbProject *project, gint64 rowid, const char *text, gsize length,
                              GError **error)
{
  sqlite3_stmt *stmt = _crb_project_prepare (project, fts_sql[CRB_FTS_REVISION].insert, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text64 (stmt, 2, text, length, SQLITE_STATIC, SQLITE_UTF8);
  rc = sqlite3_step (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || fts_failed (_crb_project_get_db (project), rc, error);
}

gboolean
_crb_fts_unindex (sqlite3 *db, CrbFtsTable table, gint64 rowid, GError **error)
{
  return copy_row (db, table, fts_sql[table].remove, rowid, error);
}

gboolean
_crb_fts_index (sqlite3 *db, CrbFtsTable table, gint64 rowid, GError **error)
{
  return copy_row (db, table, fts_sql[table].insert, rowid, error);
}

static gboolean
exec_fts (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || fts_failed (db, rc, error);
}

gboolean
_crb_fts_rebuild (sqlite3 *db, GError **error)
{
  return exec_fts (db,
                   "INSERT INTO revision_fts (revision_fts) VALUES ('delete-all');"
                   "INSERT INTO revision_fts (rowid, text) SELECT id, text FROM revision "
                   "  WHERE deleted = 0 AND current = 1;"
                   "INSERT INTO claim_fts (claim_fts) VALUES ('delete-all');"
                   "INSERT INTO claim_fts (rowid, note, exact) SELECT id, note, exact FROM claim "
                   "  WHERE deleted = 0;",
                   error);
}

static gint64
count (sqlite3 *db, const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
_crb_fts_check (sqlite3 *db, GError **error)
{
  /* The docsize tables hold one row per indexed row; ids must match the
   * live rows exactly. */
  static const struct
  {
    const char *what;
    const char *sql;
  } checks[] = {
    { "documents",
      "SELECT (SELECT count(*) FROM revision_fts_docsize) + "
      "(SELECT count(*) FROM revision WHERE deleted = 0 AND current = 1) - 2 * "
      "(SELECT count(*) FROM revision_fts_docsize d JOIN revision r ON r.id = d.id "
      "  WHERE r.deleted = 0 AND r.current = 1)" },
    { "claims",
      "SELECT (SELECT count(*) FROM claim_fts_docsize) + "
      "(SELECT count(*) FROM claim WHERE deleted = 0) - 2 * "
      "(SELECT count(*) FROM claim_fts_docsize d JOIN claim c ON c.id = d.id "
      "  WHERE c.deleted = 0)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gint64 difference = count (db, checks[i].sql);

      if (difference != 0)
        {
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                       "The search index of %s is out of step with the project (%" G_GINT64_FORMAT
                       " differences). Run “corroborate-cli check --repair” to rebuild it.",
                       checks[i].what, difference);
          return FALSE;
        }
    }
  return exec_fts (db,
                   "INSERT INTO revision_fts (revision_fts) VALUES ('integrity-check');"
                   "INSERT INTO claim_fts (claim_fts) VALUES ('integrity-check');",
                   error);
}

gboolean
_crb_fts_clear_private_notes (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (sqlite3_prepare_v2 (db, "SELECT id FROM claim WHERE private = 1", -1, &stmt, NULL)
      != SQLITE_OK)
    return fts_failed (db, sqlite3_errcode (db), error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rows, id);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = g_array_index (rows, gint64, i);

      if (!_crb_fts_unindex (db, CRB_FTS_CLAIM, id, error)
          || !run_for_row (db, "UPDATE claim SET note = '' WHERE id = ?1", id, error)
          || !_crb_fts_index (db, CRB_FTS_CLAIM, id, error))
        return FALSE;
    }
  return TRUE;
}
