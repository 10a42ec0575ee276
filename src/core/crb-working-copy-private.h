/* crb-working-copy-private.h: the file work behind CrbWorkingCopy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

/* What a file looked like: a change by anyone alters one of these. */
typedef struct
{
  gint64 size;
  gint64 mtime_ns;
} CrbFileStamp;

gboolean _crb_file_stamp_read        (const char          *path,
                                      CrbFileStamp        *stamp,
                                      GError             **error);
gboolean _crb_file_stamp_equal       (const CrbFileStamp  *a,
                                      const CrbFileStamp  *b);

/* Copies `original` to `target` through a temporary name in `target`'s
 * folder, and only if `original` did not change meanwhile; `stamp`
 * receives the original's stamp the copy matches. */
gboolean _crb_working_copy_copy_in   (const char          *original,
                                      const char          *target,
                                      CrbFileStamp        *stamp,
                                      GError             **error);
/* Writes a checked copy of `project`, made in `private_folder` (SQLite
 * never writes on the original's file system), in place of `original`:
 * through a new file beside it renamed over it where its folder takes new
 * files, else written into the original itself. */
gboolean _crb_working_copy_replace   (CrbProject          *project,
                                      const char          *original,
                                      const char          *private_folder,
                                      GError             **error);
/* Moves `path`, unwritten work for `original`, to the user's data folder
 * under a name that says so; returns the new path or NULL. */
char    *_crb_working_copy_set_aside (const char          *path,
                                      const char          *original);

G_END_DECLS
