/* crb-working-copy.h: a private copy of a project whose own file system
 * cannot lock it (the Flatpak document portal, some network mounts),
 * written back to the original safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_WORKING_COPY (crb_working_copy_get_type ())
G_DECLARE_FINAL_TYPE (CrbWorkingCopy, crb_working_copy, CRB, WORKING_COPY, GObject)

/* Whether `path` should be worked on through a private copy: it is on the
 * document portal, or its file system refuses locks.  The environment
 * variable CORROBORATE_TEST_NO_LOCK=1 makes every file count as unlockable;
 * it exists for tests only and is read here and nowhere else. */
gboolean        crb_working_copy_is_needed          (const char      *path);

/* Opens `path` in place when its file system can lock it; otherwise copies
 * it into the user's cache folder, opens the copy and returns in
 * `*working_copy` the object that writes it back (else sets it to NULL).
 * Work left in a copy by a session that ended before writing it back is
 * written back first, if the original has not changed since. */
CrbProject     *crb_project_open_with_fallback      (const char      *path,
                                                     CrbWorkingCopy **working_copy,
                                                     GError         **error);
void            crb_project_open_with_fallback_async (const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
CrbProject     *crb_project_open_with_fallback_finish (GAsyncResult     *result,
                                                       CrbWorkingCopy  **working_copy,
                                                       GError          **error);

CrbProject     *crb_working_copy_get_project        (CrbWorkingCopy  *self);
/* The file the analyst opened, and the private copy worked on. */
const char     *crb_working_copy_get_original_path  (CrbWorkingCopy  *self);
const char     *crb_working_copy_get_path           (CrbWorkingCopy  *self);
/* TRUE while changes have not reached the original. */
gboolean        crb_working_copy_get_dirty          (CrbWorkingCopy  *self);
/* Why the last write-back failed, or NULL after a successful one. */
const GError   *crb_working_copy_get_error          (CrbWorkingCopy  *self);
/* Where unwritten work from an earlier session was put because the
 * original had changed meanwhile, or NULL. */
const char     *crb_working_copy_get_set_aside_path (CrbWorkingCopy  *self);

/* Milliseconds between the last change and its automatic write-back. */
guint           crb_working_copy_get_delay          (CrbWorkingCopy  *self);
void            crb_working_copy_set_delay          (CrbWorkingCopy  *self,
                                                     guint            delay);

/* Writes the copy back now (nothing to do when it is not dirty).  Refuses
 * with CRB_PROJECT_ERROR_CONFLICT when another program changed the
 * original since it was copied: the work stays safe in the copy. */
gboolean        crb_working_copy_write_back         (CrbWorkingCopy  *self,
                                                     GError         **error);
/* Writes back, closes the project and deletes the copy.  On failure the
 * copy is kept, and the next opening of the original recovers it. */
gboolean        crb_working_copy_close              (CrbWorkingCopy  *self,
                                                     GError         **error);

G_END_DECLS
