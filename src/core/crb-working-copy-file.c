/* crb-working-copy-file.c: copying a project in and writing it back
 *
 * Nothing here leaves a file half-made under a name that counts: copies
 * are made under temporary names and renamed; the one write that cannot
 * be atomic (into an original whose folder takes no new files) starts only
 * once a checked copy is safe in the private folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-working-copy"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crb-copy-private.h"
#include "crb-project-private.h"
#include "crb-storage.h"
#include "crb-working-copy-private.h"
#include "crb-working-copy.h"

gboolean
crb_working_copy_is_needed (const char *path)
{
  struct flock probe = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
  int          fd, rc, saved;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_strcmp0 (g_getenv ("CORROBORATE_TEST_NO_LOCK"), "1") == 0)
    return TRUE;
  if (crb_storage_classify (path, NULL) == CRB_STORAGE_PORTAL)
    return TRUE;

  /* F_GETLK only asks: it holds nothing that the opening could trip on. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  rc = fcntl (fd, F_OFD_GETLK, &probe);
  saved = errno;
  close (fd);
  return rc != 0 && (saved == ENOLCK || saved == EINVAL || saved == ENOSYS || saved == EOPNOTSUPP);
}

gboolean
_crb_file_stamp_read (const char *path, CrbFileStamp *stamp, GError **error)
{
  struct stat st;

  if (stat (path, &st) != 0)
    {
      int              saved = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, CRB_PROJECT_ERROR,
                   saved == ENOENT ? CRB_PROJECT_ERROR_NOT_FOUND : CRB_PROJECT_ERROR_FAILED,
                   saved == ENOENT ? "There is no project file “%s”." : "Cannot read “%s”: %s",
                   name, g_strerror (saved));
      return FALSE;
    }
  stamp->size = st.st_size;
  stamp->mtime_ns =
      (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  return TRUE;
}

gboolean
_crb_file_stamp_equal (const CrbFileStamp *a, const CrbFileStamp *b)
{
  return a->size == b->size && a->mtime_ns == b->mtime_ns;
}

static void
fsync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Some FUSE folders cannot be opened or synced; the file itself was. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
fsync_file (const char *path)
{
  int      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;
  int      saved = errno;

  if (fd >= 0)
    close (fd);
  errno = saved;
  return ok;
}

gboolean
_crb_working_copy_copy_in (const char *original, const char *target, CrbFileStamp *stamp,
                           GError **error)
{
  g_autofree char *name = g_filename_display_basename (original);
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *incoming = g_build_filename (folder, ".incoming", NULL);
  g_autoptr (GFile) source = g_file_new_for_path (original);
  g_autoptr (GFile) destination = g_file_new_for_path (incoming);

  /* A file that someone writes while it is copied gives a torn copy: the
   * stamp must be the same before and after. */
  for (int attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr (GError) local_error = NULL;
      CrbFileStamp before, after;

      if (!_crb_file_stamp_read (original, &before, error))
        return FALSE;
      if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                        NULL, NULL, NULL, &local_error))
        {
          g_set_error (error, CRB_PROJECT_ERROR,
                       g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                           ? CRB_PROJECT_ERROR_DISK_FULL
                           : CRB_PROJECT_ERROR_FAILED,
                       "Cannot make a private working copy of “%s”: %s", name,
                       local_error->message);
          g_unlink (incoming);
          return FALSE;
        }
      if (!_crb_file_stamp_read (original, &after, error))
        return FALSE;
      if (_crb_file_stamp_equal (&before, &after))
        {
          if (!fsync_file (incoming) || g_rename (incoming, target) != 0)
            {
              g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                           "Cannot make a private working copy of “%s”: %s", name,
                           g_strerror (errno));
              g_unlink (incoming);
              return FALSE;
            }
          fsync_folder (folder);
          *stamp = before;
          return TRUE;
        }
    }
  g_unlink (incoming);
  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_ALREADY_OPEN,
               "“%s” keeps changing while Corroborate copies it: another program is writing "
               "it. Close that program and open the project again.",
               name);
  return FALSE;
}

/* Writes the bytes of `source` over `target` (which must exist), from the
 * start, cutting what is left beyond, then syncs.  Plain writes only: the
 * target may be on a file system where SQLite itself fails. */
static gboolean
write_bytes (const char *source, const char *target, GError **error)
{
  char     buffer[64 * 1024];
  gint64   offset = 0;
  ssize_t  n = 0;
  int      in, out, saved = 0;
  gboolean ok = FALSE;

  in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  out = in >= 0 ? g_open (target, O_WRONLY | O_CLOEXEC, 0) : -1;
  if (out >= 0)
    {
      while ((n = read (in, buffer, sizeof buffer)) > 0)
        for (ssize_t done = 0; done < n;)
          {
            ssize_t written = pwrite (out, buffer + done, n - done, offset);

            if (written < 0)
              goto out;
            done += written;
            offset += written;
          }
      ok = n == 0 && ftruncate (out, offset) == 0 && fsync (out) == 0;
    }
out:
  saved = errno;
  if (in >= 0)
    close (in);
  if (out >= 0)
    close (out);
  if (!ok)
    {
      g_autofree char *name = g_filename_display_basename (target);

      g_set_error (error, CRB_PROJECT_ERROR,
                   saved == ENOSPC ? CRB_PROJECT_ERROR_DISK_FULL : CRB_PROJECT_ERROR_FAILED,
                   "Could not write your changes back to “%s”: %s. They are safe in "
                   "Corroborate: use Save a Copy to keep them in a new file.",
                   name, g_strerror (saved));
    }
  return ok;
}

/* A new file beside `original`, for an atomic rename over it; NULL where
 * the folder takes no new files (a read-only folder around a writable
 * file, or a portal that allows no more). */
static char *
create_beside (const char *original)
{
  g_autofree char *dir = g_path_get_dirname (original);
  g_autofree char *base = g_path_get_basename (original);
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX.writeback", dir, base);
  int         fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0644);
  struct stat st;

  if (fd < 0)
    return NULL;
  /* The file keeps who may read it. */
  if (stat (original, &st) == 0)
    fchmod (fd, st.st_mode & 07777);
  close (fd);
  return g_steal_pointer (&template);
}

gboolean
_crb_working_copy_replace (CrbProject *project, const char *original, const char *private_folder,
                           GError **error)
{
  g_autofree char *dir = g_path_get_dirname (original);
  g_autofree char *staged = g_build_filename (private_folder, ".writeback", NULL);
  g_autofree char *beside = NULL;
  gboolean         ok;

  /* The checked copy is made on the private folder's local disk: SQLite
   * never writes on the original's file system. */
  g_unlink (staged);
  _crb_project_lock (project);
  if (_crb_project_get_db (project) == NULL)
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                           "The project was closed before its changes were written back.");
      ok = FALSE;
    }
  else
    /* The project's own data, deleted rows and all: this is the
     * analyst's file, not a copy to share. */
    ok = _crb_copy_database (_crb_project_get_db (project), staged, CRB_COPY_KEEP_DELETED, error);
  _crb_project_unlock (project);
  if (!ok)
    return FALSE;

  beside = create_beside (original);
  if (beside)
    {
      if (!write_bytes (staged, beside, error))
        {
          g_unlink (beside);
          return FALSE;
        }
      if (g_rename (beside, original) != 0)
        {
          int              saved = errno;
          g_autofree char *name = g_filename_display_basename (original);

          g_unlink (beside);
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                       "Could not write your changes back to “%s”: %s. They are safe in "
                       "Corroborate: use Save a Copy to keep them in a new file.",
                       name, g_strerror (saved));
          return FALSE;
        }
      fsync_folder (dir);
    }
  /* Not atomic: until it ends, the checked copy stays in the private
   * folder and the state file still says the work is pending. */
  else if (!write_bytes (staged, original, error))
    return FALSE;
  g_unlink (staged);
  return TRUE;
}

char *
_crb_working_copy_set_aside (const char *path, const char *original)
{
  g_autofree char *dir =
      g_build_filename (g_get_user_data_dir (), "corroborate", "recovered", NULL);
  g_autofree char *base = g_path_get_basename (original);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H.%M.%S");
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;

  if (g_str_has_suffix (base, ".corroborate"))
    base[strlen (base) - strlen (".corroborate")] = '\0';
  name = g_strdup_printf ("%s (not written back %s).corroborate", base, when);
  target = g_build_filename (dir, name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_rename (path, target) != 0)
    {
      g_message ("Cannot set aside %s: %s", path, g_strerror (errno));
      return NULL;
    }
  return g_steal_pointer (&target);
}
