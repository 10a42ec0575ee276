/* crb-extract-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-extract-result.h"

CrbExtractResult *
crb_extract_result_new (void)
{
  CrbExtractResult *result = g_new0 (CrbExtractResult, 1);

  result->text = g_string_new (NULL);
  result->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  result->paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->removed = g_ptr_array_new_with_free_func (g_free);
  return result;
}

void
crb_extract_result_free (CrbExtractResult *result)
{
  if (result == NULL)
    return;
  g_string_free (result->text, TRUE);
  g_free (result->kind);
  g_free (result->title);
  g_free (result->author);
  g_free (result->publisher);
  g_free (result->published);
  g_free (result->language);
  g_free (result->encoding);
  g_array_unref (result->pages);
  g_array_unref (result->paragraphs);
  g_ptr_array_unref (result->warnings);
  g_ptr_array_unref (result->removed);
  g_free (result);
}
