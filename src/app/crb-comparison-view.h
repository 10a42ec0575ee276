/* crb-comparison-view.h: one document against another, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-comparison.h"
#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_COMPARISON_VIEW (crb_comparison_view_get_type ())
G_DECLARE_FINAL_TYPE (CrbComparisonView, crb_comparison_view, CRB, COMPARISON_VIEW, GtkWidget)

GtkWidget *crb_comparison_view_new (void);
void       crb_comparison_view_set_project (CrbComparisonView *self, CrbProject *project);
/* Compares two documents (UUIDs) in a worker thread and shows A on the
 * left, B on the right when done; a spinner meanwhile. */
void crb_comparison_view_compare (CrbComparisonView *self, const char *document_a,
                                  const char *document_b);
/* The comparison shown, or NULL (none yet, or one running). */
const CrbComparison *crb_comparison_view_get_comparison (CrbComparisonView *self);
gboolean             crb_comparison_view_is_busy (CrbComparisonView *self);
/* "A and B" once the documents are known, else "". */
const char *crb_comparison_view_get_summary (CrbComparisonView *self);

G_END_DECLS
