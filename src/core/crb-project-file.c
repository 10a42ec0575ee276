/* crb-project-file.c: create, check, lock and open a project file
 *
 * Files come from colleagues and the internet, so they are opened like
 * untrusted input (reliability.md §1.6): the header is read before SQLite
 * sees the file, the connection is hardened, the file is checked, and its
 * schema must be exactly ours.  A refused file is never written to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crb-copy-private.h"
#include "crb-project-file.h"
#include "crb-project.h"
#include "crb-schema.h"
#include "crb-sqlite-private.h"

/* Corroborate's own lock lives inside SQLite's lock-byte page, which holds
 * no data and which SQLite itself locks only in its first 512 bytes.  Open
 * file description locks are per open(), so a second window in the same
 * process is refused too. */
#define CRB_LOCK_OFFSET (0x40000000 + 0x800)

static const char sqlite_magic[16] = "SQLite format 3";

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8)
         | bytes[3];
}

static gboolean
has_hot_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  struct stat st;

  return g_stat (journal, &st) == 0 && st.st_size > 0;
}

gboolean
_crb_project_file_check_header (int fd, const char *path, int *version, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  guint8 header[100];
  struct stat st;
  ssize_t n;
  guint32 page_size, page_count;

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED, "Cannot read “%s”: %s",
                   name, g_strerror (saved));
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_EMPTY,
                   "“%s” is empty (0 bytes), so it is not a Corroborate project. If it should "
                   "hold your work, look for a backup or the copy you were sent.",
                   name);
      return FALSE;
    }

  n = pread (fd, header, sizeof header, 0);
  if (n < (ssize_t) sizeof header || memcmp (header, sqlite_magic, 16) != 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FOREIGN,
                   "“%s” is not a Corroborate project. Use Import to add documents to a project.",
                   name);
      return FALSE;
    }
  if (read_be32 (header + 68) != CRB_APPLICATION_ID)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FOREIGN,
                   "“%s” is a database made by another program, not a Corroborate project.",
                   name);
      return FALSE;
    }

  *version = (int) read_be32 (header + 60);
  if (*version > CRB_SCHEMA_VERSION)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NEWER,
                   "“%s” was made by a newer version of Corroborate (file format %d; this "
                   "version reads up to %d). Update Corroborate to open it.",
                   name, *version, CRB_SCHEMA_VERSION);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                   "“%s” is an unfinished or damaged Corroborate project.", name);
      return FALSE;
    }

  /* The page count in the header is valid when the change counter matches
   * the version-valid-for number; a file shorter than that was cut off. */
  /* After a crash a hot journal holds the pages to roll back, and the
   * header may describe a file that was never finished: SQLite repairs it
   * when it opens, so the size says nothing then. */
  if (has_hot_journal (path))
    return TRUE;
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  if (read_be32 (header + 24) == read_be32 (header + 92) && page_count > 0
      && (guint64) st.st_size < (guint64) page_size * page_count)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                   "“%s” is truncated: it should be %" G_GUINT64_FORMAT " bytes long but is %"
                   G_GUINT64_FORMAT ". It may have been cut off while being copied or sent; "
                   "ask for it again or open a backup.",
                   name, (guint64) page_size * page_count, (guint64) st.st_size);
      return FALSE;
    }
  return TRUE;
}

void
_crb_project_file_harden (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);

  /* Generous for document texts, tight for everything an attacker could
   * use to make a query explode. */
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 512 * 1024 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_limit (db, SQLITE_LIMIT_COLUMN, 100);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, 8);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 2); /* history + VACUUM INTO */
  sqlite3_limit (db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
  sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, 1000);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);

  sqlite3_exec (db,
                "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0; "
                "PRAGMA recursive_triggers = OFF; PRAGMA foreign_keys = OFF;",
                NULL, NULL, NULL);
  sqlite3_busy_timeout (db, 200);
}

gboolean
_crb_project_file_check_integrity (sqlite3 *db, gboolean full, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *sql = full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)";
  const char *answer;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                   "The project file is damaged and cannot be checked (%s). Open a backup or "
                   "ask for a fresh copy.",
                   sqlite3_errmsg (db));
      return FALSE;
    }
  answer = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (answer, "ok") != 0)
    {
      /* Reports start with a "*** in database main ***" line. */
      if (answer && g_str_has_prefix (answer, "*** ") && strchr (answer, '\n'))
        answer = strchr (answer, '\n') + 1;
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                   "The project file is damaged (%s). Open a backup or ask for a fresh copy.",
                   answer ? answer : "unknown problem");
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_lock (int fd, const char *path, GError **error)
{
  struct flock lock = {
    .l_type = F_WRLCK,
    .l_whence = SEEK_SET,
    .l_start = CRB_LOCK_OFFSET,
    .l_len = 1,
  };

  if (fcntl (fd, F_OFD_SETLK, &lock) == 0)
    return TRUE;
  if (errno == EAGAIN || errno == EACCES)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_ALREADY_OPEN,
                   "“%s” is already open in another Corroborate window or program. Switch to "
                   "that window, or close it first.",
                   name);
      return FALSE;
    }
  /* File systems without locks (some network and portal mounts) still get
   * SQLite's own locking; say so in the log rather than refuse. */
  g_debug ("Cannot lock %s: %s", path, g_strerror (errno));
  return TRUE;
}

static gboolean
sqlite_failure (sqlite3 *db, int rc, const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  int code = CRB_PROJECT_ERROR_FAILED;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = CRB_PROJECT_ERROR_FOREIGN;
      break;
    case SQLITE_CORRUPT:
      code = CRB_PROJECT_ERROR_DAMAGED;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CRB_PROJECT_ERROR_ALREADY_OPEN;
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      code = CRB_PROJECT_ERROR_READ_ONLY;
      break;
    case SQLITE_FULL:
      code = CRB_PROJECT_ERROR_DISK_FULL;
      break;
    default:
      break;
    }
  g_set_error (error, CRB_PROJECT_ERROR, code, "Cannot open “%s”: %s", name,
               db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
exec_or_fail (sqlite3 *db, const char *sql, const char *path, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || sqlite_failure (db, rc, path, error);
}

static gboolean
migrate (CrbProjectFile *file, const char *path, GError **error)
{
  g_autofree char *backup = NULL;

  /* Never migrate without a verified copy of the file as it was. */
  backup = _crb_copy_backup_database (file->db, path, file->opened_version, error);
  if (backup == NULL)
    return FALSE;
  g_info ("Backed up %s to %s before migrating it", path, backup);

  if (!exec_or_fail (file->db, "BEGIN IMMEDIATE", path, error))
    return FALSE;
  if (!crb_schema_migrate (file->db, file->opened_version, error)
      || !crb_schema_verify (file->db, CRB_SCHEMA_VERSION, error)
      || !exec_or_fail (file->db, "COMMIT", path, error))
    {
      sqlite3_exec (file->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
_crb_project_file_open (const char *path, CrbProjectFile *file, GError **error)
{
  g_autoptr (sqlite3) db = NULL;
  struct stat st;
  int fd;
  int rc;

  memset (file, 0, sizeof *file);
  file->lock_fd = -1;

  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, CRB_PROJECT_ERROR,
                   saved == ENOENT  ? CRB_PROJECT_ERROR_NOT_FOUND
                   : saved == EROFS || saved == EACCES ? CRB_PROJECT_ERROR_READ_ONLY
                                                       : CRB_PROJECT_ERROR_FAILED,
                   saved == ENOENT ? "There is no project file “%s”." : "Cannot open “%s”: %s",
                   name, g_strerror (saved));
      return FALSE;
    }
  file->lock_fd = fd;
  if (fstat (fd, &st) == 0)
    {
      file->device = st.st_dev;
      file->inode = st.st_ino;
    }

  if (!take_lock (fd, path, error)
      || !_crb_project_file_check_header (fd, path, &file->opened_version, error))
    goto fail;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_failure (db, rc, path, error);
      goto fail;
    }
  sqlite3_extended_result_codes (db, 1);
  _crb_project_file_harden (db);

  /* A file that arrives in WAL mode (never one of ours) is read in place;
   * the switch back to a rollback journal waits until it has passed every
   * check, so that a refused file stays as it was. */
  if (!_crb_project_file_check_integrity (db, FALSE, error)
      || !crb_schema_verify (db, file->opened_version, error))
    goto fail;

  if (!exec_or_fail (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;", path, error))
    goto fail;

  file->db = g_steal_pointer (&db);
  if (file->opened_version < CRB_SCHEMA_VERSION && !migrate (file, path, error))
    goto fail;
  return TRUE;

fail:
  _crb_project_file_close (file);
  return FALSE;
}

void
_crb_project_file_close (CrbProjectFile *file)
{
  g_clear_pointer (&file->db, sqlite3_close);
  if (file->lock_fd >= 0)
    {
      close (file->lock_fd);
      file->lock_fd = -1;
    }
}

gboolean
_crb_project_file_create (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *template = g_build_filename (dir, ".corroborate-new-XXXXXX", NULL);
  g_autoptr (sqlite3) db = NULL;
  GError *local_error = NULL;
  int fd, rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_EXISTS,
                   "“%s” already exists. Choose another name or open it instead.", name);
      return FALSE;
    }

  fd = g_mkstemp (template);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CRB_PROJECT_ERROR,
                   saved == ENOSPC ? CRB_PROJECT_ERROR_DISK_FULL : CRB_PROJECT_ERROR_READ_ONLY,
                   "Cannot create a project in this folder: %s", g_strerror (saved));
      return FALSE;
    }
  /* mkstemp makes the file private; a project is an ordinary document. */
  fchmod (fd, 0644);
  close (fd);

  rc = sqlite3_open_v2 (template, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      _crb_project_file_harden (db);
      rc = sqlite3_exec (db,
                         "PRAGMA page_size = 4096; PRAGMA journal_mode = DELETE; "
                         "PRAGMA synchronous = FULL; BEGIN IMMEDIATE;",
                         NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      sqlite_failure (db, rc, path, &local_error);
      goto fail;
    }
  if (!crb_schema_create (db, &local_error))
    goto fail;
  {
    g_autoptr (sqlite3_stmt) stmt = NULL;
    g_autofree char *uuid = g_uuid_string_random ();

    sqlite3_prepare_v2 (db, "INSERT INTO project_info (key, value) VALUES ('uuid', ?1)", -1,
                        &stmt, NULL);
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        sqlite_failure (db, sqlite3_errcode (db), path, &local_error);
        goto fail;
      }
  }
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite_failure (db, rc, path, &local_error);
      goto fail;
    }
  g_clear_pointer (&db, sqlite3_close);

  if (!_crb_copy_publish (template, path, &local_error))
    goto fail;
  return TRUE;

fail:
  g_clear_pointer (&db, sqlite3_close);
  g_unlink (template);
  g_propagate_error (error, local_error);
  return FALSE;
}
