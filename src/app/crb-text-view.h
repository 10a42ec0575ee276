/* crb-text-view.h: the reader's text, with page markers for paged sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRB_TYPE_TEXT_VIEW (crb_text_view_get_type ())
G_DECLARE_FINAL_TYPE (CrbTextView, crb_text_view, CRB, TEXT_VIEW, GtkTextView)

GtkWidget *crb_text_view_new       (void);
/* Code-point offsets where pages 2, 3, … begin (page 1 begins at 0), as
 * given by the document's pages JSON array; NULL or "" for none. */
void       crb_text_view_set_pages (CrbTextView *self,
                                    const char  *pages_json);
guint      crb_text_view_get_n_pages (CrbTextView *self);
/* Outlines the code points [start, end) (the selected claim); an empty
 * range removes the outline. */
void       crb_text_view_set_outline (CrbTextView *self,
                                      guint        start,
                                      guint        end);

G_END_DECLS
