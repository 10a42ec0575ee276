/* crb-source-row.h: one source in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-document.h"

G_BEGIN_DECLS

#define CRB_TYPE_SOURCE_ROW (crb_source_row_get_type ())
G_DECLARE_FINAL_TYPE (CrbSourceRow, crb_source_row, CRB, SOURCE_ROW, GtkWidget)

GtkWidget   *crb_source_row_new          (void);
CrbDocument *crb_source_row_get_document (CrbSourceRow *self);
void         crb_source_row_set_document (CrbSourceRow *self,
                                          CrbDocument  *document);

G_END_DECLS
