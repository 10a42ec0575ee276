/* crb-history-private.h: the undo history (private to core/)
 *
 * The history is the analyst's own, not the project's: it lives in a small
 * database in the user's cache folder, attached to the project connection
 * as "history", so that each step is committed atomically with its action
 * and never travels with a shared project file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean _crb_history_attach  (sqlite3     *db,
                               const char  *project_uuid,
                               const char  *path,
                               GError     **error);
/* Inside the action's transaction: drops the redo steps, adds this one
 * with the revisions written outside its changeset (may be NULL). */
gboolean _crb_history_push    (sqlite3     *db,
                               const char  *label,
                               const void  *changeset,
                               int          size,
                               GPtrArray   *revisions,
                               GError     **error);
/* The UUIDs of the revisions step `id` wrote outside its changeset. */
GPtrArray *_crb_history_revisions (sqlite3 *db,
                                   gint64   id);
/* Gives step `id` a new changeset that includes what it wrote outside
 * its old one (when it is undone: crb-undo.c). */
gboolean _crb_history_replace (sqlite3     *db,
                               gint64       id,
                               const void  *changeset,
                               int          size,
                               GError     **error);
/* The step to undo (newest done) or to redo (oldest undone). */
gboolean _crb_history_peek    (sqlite3     *db,
                               gboolean     for_redo,
                               gint64      *id,
                               char       **label,
                               GBytes     **changeset);
gboolean _crb_history_mark    (sqlite3     *db,
                               gint64       id,
                               gboolean     undone,
                               GError     **error);

G_END_DECLS
