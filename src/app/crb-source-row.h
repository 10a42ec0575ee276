/* crb-source-row.h: one source in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-document.h"
#include "crb-reuse-map.h"

G_BEGIN_DECLS

#define CRB_TYPE_SOURCE_ROW (crb_source_row_get_type ())
G_DECLARE_FINAL_TYPE (CrbSourceRow, crb_source_row, CRB, SOURCE_ROW, GtkWidget)

GtkWidget   *crb_source_row_new          (void);
CrbDocument *crb_source_row_get_document (CrbSourceRow *self);
void         crb_source_row_set_document (CrbSourceRow *self,
                                          CrbDocument  *document);

/* Marks the row when its document copies another, following the map. */
void         crb_source_row_set_reuse_map (CrbSourceRow *self,
                                           CrbReuseMap  *map);
gboolean     crb_source_row_is_marked_derived (CrbSourceRow *self);
/* "Copies “Title”", or NULL when not marked. */
const char  *crb_source_row_get_derived_tooltip (CrbSourceRow *self);

G_END_DECLS
