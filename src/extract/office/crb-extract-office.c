/* crb-extract-office.c: placeholder until the office extractors land
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-extract-formats.h"

static gboolean
not_yet (const char *what, GError **error)
{
  g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
               "%s files cannot be read yet", what);
  return FALSE;
}

gboolean
crb_extract_docx (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                  GError **error)
{
  return not_yet ("DOCX", error);
}

gboolean
crb_extract_odt (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                 GError **error)
{
  return not_yet ("ODT", error);
}

gboolean
crb_extract_epub (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                  GError **error)
{
  return not_yet ("EPUB", error);
}
