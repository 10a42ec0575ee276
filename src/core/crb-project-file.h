/* crb-project-file.h: opening the file safely (private to core/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/types.h>
#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  sqlite3 *db;
  int      lock_fd;
  dev_t    device;
  ino_t    inode;
  int      opened_version; /* user_version found on disk, before migration */
} CrbProjectFile;

/* Creates a new, empty project at `path` atomically (built beside it under a
 * temporary name, then renamed); fails if `path` exists. */
gboolean _crb_project_file_create (const char      *path,
                                   GError         **error);
/* Checks, locks, hardens and (after a verified backup) migrates. */
gboolean _crb_project_file_open   (const char      *path,
                                   CrbProjectFile  *file,
                                   GError         **error);
void     _crb_project_file_close  (CrbProjectFile  *file);

/* Applies the connection settings for files of uncertain provenance. */
void     _crb_project_file_harden (sqlite3         *db);
/* Header checks on the first 100 bytes, before SQLite sees the file. */
gboolean _crb_project_file_check_header (int          fd,
                                         const char  *path,
                                         int         *version,
                                         GError     **error);
/* Runs quick_check (or integrity_check) and reports the first problem. */
gboolean _crb_project_file_check_integrity (sqlite3    *db,
                                            gboolean    full,
                                            GError    **error);

G_END_DECLS
