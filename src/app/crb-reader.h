/* crb-reader.h: one document, its provenance and its highlighted claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-claim.h"
#include "crb-document.h"

G_BEGIN_DECLS

#define CRB_TYPE_READER (crb_reader_get_type ())
G_DECLARE_FINAL_TYPE (CrbReader, crb_reader, CRB, READER, GtkWidget)

GtkWidget   *crb_reader_new                (void);
CrbProject  *crb_reader_get_project        (CrbReader  *self);
void         crb_reader_set_project        (CrbReader  *self,
                                            CrbProject *project);
CrbDocument *crb_reader_get_document       (CrbReader  *self);
/* Shows a document of the project (by UUID), or nothing for NULL. */
gboolean     crb_reader_show_document      (CrbReader  *self,
                                            const char *document_uuid,
                                            GError    **error);
CrbClaim    *crb_reader_get_selected_claim (CrbReader  *self);
/* Selects a claim of the shown document (NULL to deselect) and scrolls to it. */
void         crb_reader_select_claim       (CrbReader  *self,
                                            const char *claim_uuid);
/* Selects a range of code points and scrolls it into view. */
void         crb_reader_reveal_range       (CrbReader  *self,
                                            guint       start,
                                            guint       end);
/* Finds a search snippet's marked match in the text and reveals it. */
gboolean     crb_reader_reveal_snippet     (CrbReader  *self,
                                            const char *snippet);
/* The selected text's code-point range; FALSE when nothing is selected. */
gboolean     crb_reader_get_selection      (CrbReader  *self,
                                            guint      *start,
                                            guint      *end);
GtkTextView *crb_reader_get_text_view      (CrbReader  *self);
/* Shows only the claims made by one analyst ("" or NULL for all). */
const char  *crb_reader_get_author_filter  (CrbReader  *self);
void         crb_reader_set_author_filter  (CrbReader  *self,
                                            const char *author);

G_END_DECLS
