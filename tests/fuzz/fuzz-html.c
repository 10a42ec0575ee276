/* fuzz-html.c: libFuzzer target for the HTML extractor
 *
 * Every stage runs on the bytes: charset prescan and decoding, the nesting
 * limit, gumbo's parse, metadata and JSON-LD, classification, scoring,
 * clean-up and rendering.  Seeds are in seeds/html/.
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
  CrbExtractRequest request = { "https://www.example.org/news/story", "text/html", NULL };

  if (crb_extract_html (bytes, &request, result, &error))
    {
      guint i;
      glong length = g_utf8_strlen (result->text->str, (gssize) result->text->len);

      g_assert (g_utf8_validate (result->text->str, (gssize) result->text->len, NULL));
      g_assert (result->text->len > 0);
      for (i = 0; i < result->paragraphs->len; i++)
        g_assert (g_array_index (result->paragraphs, guint, i) < (guint) length);
      g_assert (result->title == NULL || g_utf8_validate (result->title, -1, NULL));
      g_assert (result->author == NULL || g_utf8_validate (result->author, -1, NULL));
    }
  else
    g_assert (error != NULL && error->domain == CRB_EXTRACT_ERROR);
  return 0;
}
