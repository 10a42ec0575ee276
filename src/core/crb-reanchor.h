/* crb-reanchor.h: carrying annotations over to a document's new revision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_ANCHOR_ANCHORED,  /* the same text at the same place */
  CRB_ANCHOR_MOVED,     /* found elsewhere, or with small edits */
  CRB_ANCHOR_AMBIGUOUS, /* two or more places fit equally well: not guessed */
  CRB_ANCHOR_ORPHANED,  /* not found: kept on the old revision */
} CrbAnchorStatus;

typedef struct
{
  guint anchored;
  guint moved;
  guint ambiguous;
  guint orphaned;
} CrbReanchorCounts;

/* "anchored", "moved", "ambiguous" or "orphaned" (the claim table's words). */
const char *crb_anchor_status_to_string (CrbAnchorStatus status);

/* One undoable action: every live claim and mention of the document that is
 * not on its current revision is looked for in that revision's text — by
 * position where the text around it is unchanged, through a diff of the two
 * texts where it moved, by its quote and context otherwise.  Import does
 * this by itself when a document gets a new revision; this is for repairs
 * and scripts.  `counts` may be NULL. */
gboolean crb_project_reanchor_document (CrbProject *project, const char *document_id,
                                        CrbReanchorCounts *counts, GError **error);

G_END_DECLS
