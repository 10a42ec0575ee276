/* html-test-util.c: running the HTML extractor on a string in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "html-test-util.h"

CrbExtractResult *
html_test_extract (const char *html, gssize length, const char *charset, const char *url)
{
  g_autoptr (GBytes) bytes = g_bytes_new (html, length < 0 ? strlen (html) : (gsize) length);
  g_autoptr (GError) error = NULL;
  CrbExtractResult *result = crb_extract_result_new ();
  CrbExtractRequest request = { url, "text/html", charset };

  g_assert_true (crb_extract_html (bytes, &request, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (result->text->str, (gssize) result->text->len, NULL));
  return result;
}

gboolean
html_test_lines_contain (GPtrArray *lines, const char *needle)
{
  guint i;

  for (i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), needle) != NULL)
      return TRUE;
  return FALSE;
}
