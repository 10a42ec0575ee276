/* crb-search-view.h: ranked full-text results with snippets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_SEARCH_VIEW (crb_search_view_get_type ())
G_DECLARE_FINAL_TYPE (CrbSearchView, crb_search_view, CRB, SEARCH_VIEW, GtkWidget)

GtkWidget  *crb_search_view_new         (void);
void        crb_search_view_set_project (CrbSearchView *self,
                                         CrbProject    *project);
/* Searches (in a worker thread) and shows the results when they come. */
void        crb_search_view_set_query   (CrbSearchView *self,
                                         const char    *query);
/* "12 results", or "" while nothing is shown. */
const char *crb_search_view_get_summary (CrbSearchView *self);
guint       crb_search_view_get_n_results (CrbSearchView *self);
/* TRUE while a search runs. */
gboolean    crb_search_view_is_searching (CrbSearchView *self);
/* Activates the n-th result, as a click would. */
void        crb_search_view_activate_result (CrbSearchView *self,
                                             guint          index);

G_END_DECLS
