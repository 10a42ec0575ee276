/* crb-copy.c: Save a Copy and backups
 *
 * VACUUM INTO writes a compact file with no deleted content, but does not
 * fsync it and may leave it half-written if interrupted
 * (reliability.md §1.4), hence: temporary file, check, fsync, rename.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-copy"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "crb-copy-private.h"
#include "crb-fts-private.h"
#include "crb-project-file.h"
#include "crb-schema.h"
#include "crb-sqlite-private.h"
#include "crb-util.h"

#define BACKUPS_KEPT 5

static gboolean
fsync_path (const char *path, int flags, GError **error)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, CRB_PROJECT_ERROR,
               saved == ENOSPC ? CRB_PROJECT_ERROR_DISK_FULL : CRB_PROJECT_ERROR_FAILED,
               "Cannot write the copy to disk: %s", g_strerror (saved));
  return FALSE;
}

gboolean
_crb_copy_publish (const char *temporary, const char *target, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  int saved;

  if (!fsync_path (temporary, O_RDONLY, error))
    return FALSE;

  /* link() refuses to replace an existing file, which rename() would do. */
  if (link (temporary, target) == 0)
    {
      g_unlink (temporary);
    }
  else
    {
      saved = errno;
      if (saved == EEXIST)
        {
          g_autofree char *name = g_filename_display_basename (target);

          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_EXISTS,
                       "“%s” already exists. Choose another name.", name);
          return FALSE;
        }
      /* File systems without hard links: check, then rename. */
      if (g_file_test (target, G_FILE_TEST_EXISTS) || g_rename (temporary, target) != 0)
        {
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                       "Cannot put the file in place: %s", g_strerror (saved));
          return FALSE;
        }
    }
  return fsync_path (dir, O_RDONLY | O_DIRECTORY, error);
}

gboolean
_crb_copy_verify (const char *path, GError **error)
{
  g_autoptr (sqlite3) db = NULL;
  int version = 0;
  int fd;
  gboolean ok;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                   "The copy cannot be read back: %s", g_strerror (errno));
      return FALSE;
    }
  ok = _crb_project_file_check_header (fd, path, &version, error);
  close (fd);
  if (!ok)
    return FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                   "The copy cannot be opened: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  _crb_project_file_harden (db);
  return _crb_project_file_check_integrity (db, FALSE, error)
         && crb_schema_verify (db, version, error);
}

static gboolean
exec_copy (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;
  g_set_error (error, CRB_PROJECT_ERROR,
               (rc & 0xff) == SQLITE_FULL ? CRB_PROJECT_ERROR_DISK_FULL : CRB_PROJECT_ERROR_FAILED,
               (rc & 0xff) == SQLITE_FULL ? "The disk is full; the copy was not made."
                                          : "The copy could not be made: %s",
               sqlite3_errmsg (db));
  return FALSE;
}

/* What must not travel: the content of deleted rows (their tombstones do
 * travel, so that merging does not resurrect them), and on request the
 * original files and private notes. */
static gboolean
scrub (const char *path, CrbCopyFlags flags, GError **error)
{
  g_autoptr (sqlite3) db = NULL;
  gboolean ok;
  int freelist = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    return exec_copy (db, "SELECT 1", error);
  _crb_project_file_harden (db);

  ok = exec_copy (db,
                  "PRAGMA secure_delete = ON; PRAGMA journal_mode = MEMORY; BEGIN;"
                  "UPDATE claim SET note = '', exact = '', prefix = '', suffix = '' "
                  "  WHERE deleted = 1 AND (note <> '' OR exact <> '');"
                  "DELETE FROM original WHERE revision_uuid IN "
                  "  (SELECT uuid FROM revision WHERE deleted = 1);"
                  "UPDATE revision SET text = '' WHERE deleted = 1 AND text <> '';"
                  "UPDATE entity SET description = '' WHERE deleted = 1 AND description <> '';"
                  "UPDATE event SET description = '' WHERE deleted = 1 AND description <> '';"
                  /* The review list keeps both sides' values: once settled,
                   * or once the record is gone, they must not travel. */
                  "UPDATE merge_conflict SET kept_value = NULL, other_value = NULL "
                  "  WHERE (kept_value IS NOT NULL OR other_value IS NOT NULL) AND (resolved = 1 "
                  "  OR row_uuid IN (SELECT uuid FROM claim WHERE deleted = 1 UNION ALL "
                  "  SELECT uuid FROM document WHERE deleted = 1 UNION ALL "
                  "  SELECT uuid FROM entity WHERE deleted = 1 UNION ALL "
                  "  SELECT uuid FROM event WHERE deleted = 1 UNION ALL "
                  "  SELECT uuid FROM tag WHERE deleted = 1 UNION ALL "
                  "  SELECT uuid FROM alias WHERE deleted = 1 UNION ALL "
                  "  SELECT uuid FROM facet WHERE deleted = 1));",
                  error);
  if (ok && (flags & CRB_COPY_DROP_ORIGINALS))
    ok = exec_copy (db, "DELETE FROM original", error);
  if (ok && (flags & CRB_COPY_DROP_PRIVATE))
    ok = _crb_fts_clear_private_notes (db, error);
  if (ok)
    ok = exec_copy (db, "COMMIT", error);
  if (!ok)
    return FALSE;

  {
    g_autoptr (sqlite3_stmt) stmt = NULL;

    if (sqlite3_prepare_v2 (db, "PRAGMA freelist_count", -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step (stmt) == SQLITE_ROW)
      freelist = sqlite3_column_int (stmt, 0);
  }
  return freelist == 0 || exec_copy (db, "VACUUM", error);
}

gboolean
_crb_copy_database (sqlite3 *db, const char *target, CrbCopyFlags flags, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *temporary = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GError *local_error = NULL;
  int rc;

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (target);

      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_EXISTS,
                   "“%s” already exists. Choose another name.", name);
      return FALSE;
    }

  temporary = g_strdup_printf ("%s/.%s.%08x.tmp", dir, base, g_random_int ());
  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, temporary, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (&local_error, CRB_PROJECT_ERROR,
                   (rc & 0xff) == SQLITE_FULL ? CRB_PROJECT_ERROR_DISK_FULL
                                              : CRB_PROJECT_ERROR_FAILED,
                   "The copy could not be written: %s", sqlite3_errmsg (db));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (((flags & CRB_COPY_KEEP_DELETED) == 0 && !scrub (temporary, flags, &local_error))
      || !_crb_copy_verify (temporary, &local_error)
      || !_crb_copy_publish (temporary, target, &local_error))
    goto fail;
  return TRUE;

fail:
  g_unlink (temporary);
  g_propagate_error (error, local_error);
  return FALSE;
}

static void
rotate_backups (const char *dir, const char *prefix)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".corroborate"))
      g_ptr_array_add (names, g_strdup (name));

  /* Names carry a sortable time stamp: the oldest sort first. */
  g_ptr_array_sort (names, crb_compare_string_pointers);
  for (guint i = 0; i + BACKUPS_KEPT < names->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (old);
    }
}

char *
_crb_copy_backup_database (sqlite3 *db, const char *path, int version, GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "corroborate", "backups", NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *target = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  if (g_str_has_suffix (base, ".corroborate"))
    base[strlen (base) - strlen (".corroborate")] = '\0';
  stem = g_strdelimit (g_strdup (base), "/\\", '_');
  prefix = g_strdup_printf ("%s.", stem);
  /* Microseconds keep the names in time order within one second. */
  target = g_strdup_printf ("%s/%s%s.%06d.v%d.corroborate", dir, prefix, stamp,
                            g_date_time_get_microsecond (now), version);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                   "Cannot create the backup folder %s: %s", dir, g_strerror (errno));
      return NULL;
    }
  if (!_crb_copy_database (db, target, CRB_COPY_KEEP_DELETED, error))
    return NULL;
  rotate_backups (dir, prefix);
  return g_steal_pointer (&target);
}
