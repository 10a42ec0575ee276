/* crb-similar-view.h: a claim across sources — the passages of other
 * documents that say what it says, best first, with the evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_SIMILAR_VIEW (crb_similar_view_get_type ())
G_DECLARE_FINAL_TYPE (CrbSimilarView, crb_similar_view, CRB, SIMILAR_VIEW, GtkWidget)

GtkWidget *crb_similar_view_new (void);
void       crb_similar_view_set_project (CrbSimilarView *self, CrbProject *project);
/* Looks for the claim in every other source, in a worker thread, and
 * lists what it finds; a spinner meanwhile. */
void     crb_similar_view_find (CrbSimilarView *self, const char *claim_uuid);
gboolean crb_similar_view_is_busy (CrbSimilarView *self);
/* The matches shown: a GPtrArray of CrbSimilarMatch, or NULL. */
GPtrArray *crb_similar_view_get_matches (CrbSimilarView *self);
/* The claim's quote once found, else "". */
const char *crb_similar_view_get_summary (CrbSimilarView *self);

G_END_DECLS
