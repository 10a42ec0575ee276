/* crb-extract-html.c: placeholder until the HTML extractor lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-extract-formats.h"

gboolean
crb_extract_html (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                GError **error)
{
  g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
               "HTML files cannot be read yet");
  return FALSE;
}
