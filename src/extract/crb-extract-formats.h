/* crb-extract-formats.h: one entry point per format, called by the helper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-extract-error.h"
#include "crb-extract-result.h"

G_BEGIN_DECLS

/* What the caller knows about the bytes; every field may be NULL. */
typedef struct
{
  const char *name_hint;    /* file name or URL path */
  const char *content_type; /* from HTTP or guessed from the name */
  const char *charset;      /* from an HTTP header */
} CrbExtractRequest;

/* Each fills `result` (text, kind, metadata, paragraphs, warnings) and
 * returns TRUE, or sets a CRB_EXTRACT_ERROR and returns FALSE. */
gboolean crb_extract_text (GBytes *data, const CrbExtractRequest *request,
                           CrbExtractResult *result, GError **error);
gboolean crb_extract_html (GBytes *data, const CrbExtractRequest *request,
                           CrbExtractResult *result, GError **error);
gboolean crb_extract_pdf  (GBytes *data, const CrbExtractRequest *request,
                           CrbExtractResult *result, GError **error);
gboolean crb_extract_docx (GBytes *data, const CrbExtractRequest *request,
                           CrbExtractResult *result, GError **error);
gboolean crb_extract_odt  (GBytes *data, const CrbExtractRequest *request,
                           CrbExtractResult *result, GError **error);
gboolean crb_extract_epub (GBytes *data, const CrbExtractRequest *request,
                           CrbExtractResult *result, GError **error);

G_END_DECLS
