/* crb-fetch-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-fetch-result.h"

CrbFetchResult *
crb_fetch_result_new (void)
{
  CrbFetchResult *result = g_new0 (CrbFetchResult, 1);

  result->redirect_chain = g_ptr_array_new_with_free_func (g_free);
  return result;
}

void
crb_fetch_result_free (CrbFetchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->requested_url);
  g_free (result->final_url);
  g_ptr_array_unref (result->redirect_chain);
  g_clear_pointer (&result->retrieved_at, g_date_time_unref);
  g_free (result->content_type);
  g_free (result->charset);
  g_free (result->last_modified);
  g_free (result->etag);
  g_free (result->content_language);
  g_free (result->date);
  g_free (result->remote_address);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->sha256);
  g_free (result);
}
