/* crb-history.c: storage of undo steps (SQLite session changesets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-history"

#include <errno.h>
#include <glib/gstdio.h>

#include "crb-history-private.h"
#include "crb-project.h"
#include "crb-sqlite-private.h"

/* Enough for a day's work; the oldest steps go first. */
#define MAX_STEPS 500
#define MAX_BYTES (256 * 1024 * 1024)

static gboolean
history_failed (sqlite3 *db, GError **error)
{
  g_set_error (error, CRB_PROJECT_ERROR,
               (sqlite3_errcode (db) & 0xff) == SQLITE_FULL ? CRB_PROJECT_ERROR_DISK_FULL
                                                            : CRB_PROJECT_ERROR_FAILED,
               "The undo history could not be written: %s", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
try_attach (sqlite3 *db, const char *file, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3 *creator = NULL;

  /* ATTACH inherits the project connection's flags, which do not include
   * creating files: make sure the history file exists first. */
  sqlite3_open_v2 (file, &creator, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  sqlite3_close (creator);

  if (sqlite3_prepare_v2 (db, "ATTACH DATABASE ?1 AS history", -1, &stmt, NULL) != SQLITE_OK)
    return history_failed (db, error);
  sqlite3_bind_text (stmt, 1, file, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return history_failed (db, error);

  if (sqlite3_exec (db,
                    "PRAGMA history.journal_mode = DELETE; PRAGMA history.synchronous = NORMAL;"
                    "CREATE TABLE IF NOT EXISTS history.step (id INTEGER PRIMARY KEY, "
                    "label TEXT NOT NULL, changeset BLOB NOT NULL, "
                    "undone INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);"
                    "CREATE TABLE IF NOT EXISTS history.step_revision (step INTEGER NOT NULL, "
                    "revision_uuid TEXT NOT NULL);"
                    "CREATE INDEX IF NOT EXISTS history.step_revision_step "
                    "ON step_revision (step);"
                    "SELECT id, label, changeset, undone, created_at FROM history.step LIMIT 0;"
                    "SELECT step, revision_uuid FROM history.step_revision LIMIT 0;",
                    NULL, NULL, NULL)
      != SQLITE_OK)
    {
      history_failed (db, error);
      sqlite3_exec (db, "DETACH DATABASE history", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
_crb_history_attach (sqlite3 *db, const char *project_uuid, const char *path, GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "corroborate", "history", NULL);
  g_autofree char *real = g_canonicalize_filename (path, NULL);
  g_autofree char *key = g_strdup_printf ("%s\n%s", project_uuid, real);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *file = NULL;
  g_autoptr (GError) local_error = NULL;

  digest[32] = '\0';
  file = g_strdup_printf ("%s/%s.sqlite", dir, digest);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                   "Cannot create %s for the undo history: %s", dir, g_strerror (errno));
      return FALSE;
    }
  if (try_attach (db, file, &local_error))
    return TRUE;

  /* The history is a convenience: a damaged one is started afresh. */
  g_warning ("Starting a new undo history: %s", local_error->message);
  g_unlink (file);
  return try_attach (db, file, error);
}

static gboolean
add_revisions (sqlite3 *db, gint64 step, GPtrArray *revisions, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (revisions == NULL || revisions->len == 0)
    return TRUE;
  if (sqlite3_prepare_v2 (db, "INSERT INTO history.step_revision (step, revision_uuid) "
                              "VALUES (?1, ?2)",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return history_failed (db, error);
  for (guint i = 0; i < revisions->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, step);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (revisions, i), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return history_failed (db, error);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
_crb_history_push (sqlite3 *db, const char *label, const void *changeset, int size,
                   GPtrArray *revisions, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_exec (db,
                    "DELETE FROM history.step_revision WHERE step IN "
                    "(SELECT id FROM history.step WHERE undone = 1);"
                    "DELETE FROM history.step WHERE undone = 1",
                    NULL, NULL, NULL)
      != SQLITE_OK)
    return history_failed (db, error);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO history.step (label, changeset, created_at) "
                          "VALUES (?1, ?2, strftime('%s','now'))",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return history_failed (db, error);
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, changeset ? changeset : "", size, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE
      || !add_revisions (db, sqlite3_last_insert_rowid (db), revisions, error))
    return history_failed (db, error);

  if (sqlite3_exec (db,
                    "DELETE FROM history.step WHERE id <= (SELECT max(id) FROM history.step) - "
                    G_STRINGIFY (MAX_STEPS) ";"
                    "DELETE FROM history.step WHERE id < (SELECT id FROM (SELECT id, "
                    "sum(length(changeset)) OVER (ORDER BY id DESC) AS total FROM history.step) "
                    "WHERE total > " G_STRINGIFY (MAX_BYTES) " ORDER BY id DESC LIMIT 1) + 1 "
                    "AND id < (SELECT max(id) FROM history.step);"
                    "DELETE FROM history.step_revision WHERE step NOT IN "
                    "(SELECT id FROM history.step)",
                    NULL, NULL, NULL)
      != SQLITE_OK)
    return history_failed (db, error);
  return TRUE;
}

gboolean
_crb_history_peek (sqlite3 *db, gboolean for_redo, gint64 *id, char **label, GBytes **changeset)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *sql = for_redo ? "SELECT id, label, changeset FROM history.step WHERE undone = 1 "
                               "ORDER BY id ASC LIMIT 1"
                             : "SELECT id, label, changeset FROM history.step WHERE undone = 0 "
                               "ORDER BY id DESC LIMIT 1";

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (id)
    *id = sqlite3_column_int64 (stmt, 0);
  if (label)
    *label = crb_column_dup (stmt, 1);
  if (changeset)
    *changeset = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
  return TRUE;
}

gboolean
_crb_history_mark (sqlite3 *db, gint64 id, gboolean undone, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "UPDATE history.step SET undone = ?2 WHERE id = ?1", -1, &stmt,
                          NULL)
      != SQLITE_OK)
    return history_failed (db, error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, undone ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return history_failed (db, error);
  return TRUE;
}

GPtrArray *
_crb_history_revisions (sqlite3 *db, gint64 id)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GPtrArray *revisions = g_ptr_array_new_with_free_func (g_free);

  if (sqlite3_prepare_v2 (db, "SELECT revision_uuid FROM history.step_revision WHERE step = ?1",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    return revisions;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (revisions, crb_column_dup (stmt, 0));
  return revisions;
}

gboolean
_crb_history_replace (sqlite3 *db, gint64 id, const void *changeset, int size, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "UPDATE history.step SET changeset = ?2 WHERE id = ?1", -1, &stmt,
                          NULL)
      != SQLITE_OK)
    return history_failed (db, error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_blob (stmt, 2, changeset ? changeset : "", size, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return history_failed (db, error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (sqlite3_prepare_v2 (db, "DELETE FROM history.step_revision WHERE step = ?1", -1, &stmt,
                          NULL)
      != SQLITE_OK)
    return history_failed (db, error);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return history_failed (db, error);
  return TRUE;
}
