/* crb-reader-private.h: what crb-reader.c shares with its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-chooser-popover.h"
#include "crb-highlighter.h"
#include "crb-reader.h"
#include "crb-text-view.h"

G_BEGIN_DECLS

struct _CrbReader
{
  GtkWidget          parent_instance;

  CrbProject        *project;
  CrbDocument       *document;
  CrbClaim          *selected_claim;
  CrbHighlighter    *highlighter;
  GHashTable        *tag_colors;     /* claim UUID → colour of its tag, "" for none */
  GSettings         *settings;
  GtkCssProvider    *scale_provider;
  gulong             changed_id;
  guint              popover_timeout;
  gboolean           button_down;
  char              *author_filter;  /* "" for every analyst */
  GStrv              authors;        /* in the author menu */
  guint              pending_start;
  guint              pending_end;

  GtkWidget         *box;
  GtkLabel          *kind_label;
  GtkLabel          *title_label;
  GtkLabel          *byline_label;
  GtkMenuButton     *grade_button;
  GtkMenuButton     *author_button;
  GtkLinkButton     *origin_button;
  GtkLabel          *retrieved_label;
  GtkScrolledWindow *scroller;
  CrbTextView       *text_view;
  GtkPopover        *selection_popover;
  CrbChooserPopover *chooser;
};

void _crb_reader_class_actions_init (GtkWidgetClass *widget_class);
void _crb_reader_update_actions     (CrbReader      *self);
void _crb_reader_set_selected       (CrbReader      *self,
                                     CrbClaim       *claim);
/* Rect of the code points [start, end) in the reader's coordinates. */
void _crb_reader_range_rect         (CrbReader      *self,
                                     guint           start,
                                     guint           end,
                                     GdkRectangle   *rect);
void _crb_reader_connect_chooser (CrbReader      *self);
/* The author menu from the shown claims, and the claims of other
 * analysts taken out while one is chosen (crb-reader-authors.c). */
void _crb_reader_filter_authors     (CrbReader      *self,
                                     GPtrArray      *claims);
void _crb_reader_show_error         (CrbReader      *self,
                                     const GError   *error);

G_END_DECLS
