/* fuzz-office.c: libFuzzer target for the DOCX, ODT and EPUB extractors
 *
 * The same bytes go to all three, as the helper may try them in turn:
 * the zip reader with its caps, the hardened XML readers, the HTML parse
 * of chapters and the text builder.  Seeds are in seeds/office/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stddef.h>
#include <stdint.h>

#include "crb-extract-formats.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check (gboolean (*extract) (GBytes *, const CrbExtractRequest *, CrbExtractResult *, GError **),
       GBytes *bytes)
{
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  if (extract (bytes, NULL, result, &error))
    {
      g_assert (g_utf8_validate (result->text->str, result->text->len, NULL));
      for (guint i = 0; i < result->paragraphs->len; i++)
        g_assert (g_array_index (result->paragraphs, guint, i) <=
                  g_utf8_strlen (result->text->str, result->text->len));
    }
  else
    g_assert (error != NULL && error->domain == CRB_EXTRACT_ERROR);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);

  check (crb_extract_docx, bytes);
  check (crb_extract_odt, bytes);
  check (crb_extract_epub, bytes);
  return 0;
}
