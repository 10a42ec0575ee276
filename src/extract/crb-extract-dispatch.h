/* crb-extract-dispatch.h: which extractor reads these bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-extract-formats.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_EXTRACT_FORMAT_TEXT, /* plain text or Markdown */
  CRB_EXTRACT_FORMAT_HTML,
  CRB_EXTRACT_FORMAT_PDF,
  CRB_EXTRACT_FORMAT_ZIP,  /* DOCX, ODT or EPUB: the office readers tell */
  CRB_EXTRACT_FORMAT_DOCX,
  CRB_EXTRACT_FORMAT_ODT,
  CRB_EXTRACT_FORMAT_EPUB,
  CRB_EXTRACT_FORMAT_REFUSED, /* a format we know we cannot read */
} CrbExtractFormat;

/* Magic bytes first, then the content type and the name, then a look at
 * the text for HTML.  For CRB_EXTRACT_FORMAT_REFUSED, *why (may be NULL)
 * says what the file is. */
CrbExtractFormat crb_extract_sniff    (GBytes                  *data,
                                       const CrbExtractRequest *request,
                                       const char             **why);

/* Sniffs and runs the matching crb_extract_*(); a ZIP archive is offered
 * to the DOCX, ODT and EPUB readers in turn. */
gboolean         crb_extract_dispatch (GBytes                  *data,
                                       const CrbExtractRequest *request,
                                       CrbExtractResult        *result,
                                       GError                 **error);

G_END_DECLS
