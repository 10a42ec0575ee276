/* fuzz-text.c: libFuzzer target for plain-text and Markdown extraction
 *
 * The first byte says what the caller claims (a .md name, a .txt name, a
 * Markdown content type, nothing); the rest are the file's bytes.  The
 * hand-written Markdown renderer is the part that most needs it.  Seeds are
 * in seeds/text/.
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
  static const CrbExtractRequest requests[] = {
    { NULL, NULL, NULL },
    { "notes.md", NULL, NULL },
    { "notes.txt", NULL, NULL },
    { NULL, "text/markdown", "windows-1251" },
  };
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const CrbExtractRequest *request = &requests[0];
  glong                    n_chars;

  if (size > 0)
    {
      request = &requests[data[0] % G_N_ELEMENTS (requests)];
      data++;
      size--;
    }
  bytes = g_bytes_new (data, size);

  if (!crb_extract_text (bytes, request, result, &error))
    {
      g_assert (error != NULL && error->domain == CRB_EXTRACT_ERROR);
      return 0;
    }

  g_assert (g_utf8_validate (result->text->str, (gssize) result->text->len, NULL));
  g_assert (result->title == NULL || g_utf8_validate (result->title, -1, NULL));
  n_chars = g_utf8_strlen (result->text->str, (gssize) result->text->len);
  for (guint i = 0; i < result->paragraphs->len; i++)
    {
      guint offset = g_array_index (result->paragraphs, guint, i);

      g_assert ((glong) offset <= n_chars);
      g_assert (i == 0 || offset > g_array_index (result->paragraphs, guint, i - 1));
    }
  return 0;
}
