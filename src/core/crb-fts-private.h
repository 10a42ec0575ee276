/* crb-fts-private.h: keeping the full-text indexes in step (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "crb-project.h"

G_BEGIN_DECLS

/* A row is in its index exactly when it is live (revisions: live and
 * current).  Call unindex before changing a row and index after; both look
 * at the row as it is at that moment, so they also serve undo and redo. */
typedef enum
{
  CRB_FTS_REVISION,
  CRB_FTS_CLAIM,
} CrbFtsTable;

gboolean _crb_fts_unindex             (sqlite3     *db,
                                       CrbFtsTable  table,
                                       gint64       rowid,
                                       GError     **error);
gboolean _crb_fts_index               (sqlite3     *db,
                                       CrbFtsTable  table,
                                       gint64       rowid,
                                       GError     **error);
/* Indexes a new live, current revision whose text the caller has at hand
 * (an import), without reading it back. */
gboolean _crb_fts_index_revision_text (CrbProject  *project,
                                       gint64       rowid,
                                       const char  *text,
                                       gsize        length,
                                       GError     **error);
/* Empties both indexes and indexes every live row again. */
gboolean _crb_fts_rebuild             (sqlite3     *db,
                                       GError     **error);
/* Compares what is indexed with what should be. */
gboolean _crb_fts_check               (sqlite3     *db,
                                       GError     **error);
/* For Save a Copy: blanks private notes and keeps the index in step. */
gboolean _crb_fts_clear_private_notes (sqlite3     *db,
                                       GError     **error);

G_END_DECLS
