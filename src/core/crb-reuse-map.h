/* crb-reuse-map.h: which documents share text with which (DESIGN.md §7.3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crb-comparison.h"
#include "crb-project.h"
#include "crb-reuse-map-link.h"

G_BEGIN_DECLS

#define CRB_TYPE_REUSE_MAP (crb_reuse_map_get_type ())
G_DECLARE_FINAL_TYPE (CrbReuseMap, crb_reuse_map, CRB, REUSE_MAP, GObject)

/* The reuse map of an open project: a GListModel of CrbReuseLink (one per
 * pair of documents that share text, plus the relations analysts
 * recorded), copies first.  Create one per open project; nothing is
 * analysed until crb_reuse_map_start() or crb_reuse_map_update(). */
CrbReuseMap *crb_reuse_map_new (CrbProject *project);
CrbProject  *crb_reuse_map_get_project (CrbReuseMap *self);

/* Analyses the whole corpus in a worker thread now, then checks each
 * document imported, re-imported or deleted afterwards (following
 * CrbProject::changed), one document against the index.  ::changed is
 * emitted, in the main context the map was created in, whenever the links
 * change; "busy" is TRUE while an analysis runs. */
void crb_reuse_map_start (CrbReuseMap *self);
/* Stops following the project and cancels a running analysis (when the
 * project window closes). */
void     crb_reuse_map_stop (CrbReuseMap *self);
gboolean crb_reuse_map_get_busy (CrbReuseMap *self);
/* Brings the map up to date in the calling thread (the command line, tests).
 * Fails with G_IO_ERROR_PENDING while a background analysis runs. */
gboolean crb_reuse_map_update (CrbReuseMap *self, GCancellable *cancellable, GError **error);

/* The link between two documents (either order), or NULL. */
CrbReuseLink *crb_reuse_map_find_link (CrbReuseMap *self, const char *document_a,
                                       const char *document_b);
/* Records the analyst's decision on a link as a relation row, in one
 * undoable action: `status` is "confirmed" or "rejected"; `reverse`
 * turns the direction round ("to copies from").  A rejected pair stays in
 * the map, marked rejected, and never counts as derived. */
gboolean crb_reuse_map_review (CrbReuseMap *self, CrbReuseLink *link, const char *status,
                               gboolean reverse, GError **error);
/* The documents `document_uuid` takes text from (links with a known
 * direction that are not rejected), of `kind` or of any kind when NULL.
 * Returns UUIDs. */
GPtrArray *crb_reuse_map_dup_sources (CrbReuseMap *self, const char *document_uuid,
                                      const char *kind);
/* TRUE when the document copies, translates, summarises or updates
 * another (quoting passages does not make it derived): for the Sources
 * list. */
gboolean crb_reuse_map_is_derived (CrbReuseMap *self, const char *document_uuid);
/* The evidence of a link for side-by-side display: A is `from`, B `to`. */
CrbComparison *crb_reuse_map_compare_link (CrbReuseMap *self, CrbReuseLink *link, GError **error);

G_END_DECLS
