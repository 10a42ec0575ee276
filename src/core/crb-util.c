/* crb-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-util.h"
#include "crb-utf8.h"

char *
crb_uuid_new (void)
{
  return g_uuid_string_random ();
}

gint64
crb_now_ms (void)
{
  static gint64 last;
  static GMutex mutex;
  gint64 now = g_get_real_time () / 1000;

  g_mutex_lock (&mutex);
  if (now <= last)
    now = last + 1;
  last = now;
  g_mutex_unlock (&mutex);
  return now;
}

char *
crb_sha256_hex (const void *data, gsize length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

char *
crb_format_time_ms (gint64 ms)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  if (time == NULL)
    return NULL;
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

gsize
crb_utf8_chars (const char *text, gssize length)
{
  return crb_utf8_count_chars (text, length < 0 ? strlen (text) : (gsize) length);
}

void
crb_json_append_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

int
crb_compare_string_pointers (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}
