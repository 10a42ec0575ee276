/* fuzz-pdf.c: libFuzzer target for the PDF extractor
 *
 * Every stage runs on the bytes: poppler's parse, line reading, furniture
 * removal, column order, de-hyphenation and composition.  Seeds are in
 * seeds/pdf/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stddef.h>
#include <stdint.h>

#include "crb-extract-formats.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  if (crb_extract_pdf (bytes, NULL, result, &error))
    g_assert (g_utf8_validate (result->text->str, result->text->len, NULL));
  else
    g_assert (error != NULL && error->domain == CRB_EXTRACT_ERROR);
  return 0;
}
