/* crb-copy-private.h: safe copies of project files (private to core/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "crb-project.h"

G_BEGIN_DECLS

/* Internal to backups: keep the content of deleted rows too. */
#define CRB_COPY_KEEP_DELETED ((CrbCopyFlags) (1 << 8))

/* fsyncs `temporary`, renames it to `target` without replacing anything,
 * fsyncs the folder.  On failure `temporary` is left for the caller. */
gboolean  _crb_copy_publish          (const char    *temporary,
                                      const char    *target,
                                      GError       **error);
/* Opens a finished copy read-only and checks that it is a whole project. */
gboolean  _crb_copy_verify           (const char    *path,
                                      GError       **error);
/* VACUUM INTO a temporary file beside `target`, scrub what `flags` and
 * tombstones say must not travel, check, publish. */
gboolean  _crb_copy_database         (sqlite3       *db,
                                      const char    *target,
                                      CrbCopyFlags   flags,
                                      GError       **error);
/* A verified copy in the user's backup folder, keeping the newest few per
 * project; returns its path. */
char     *_crb_copy_backup_database  (sqlite3       *db,
                                      const char    *path,
                                      int            version,
                                      GError       **error);

G_END_DECLS
