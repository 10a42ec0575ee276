/* crb-utf8.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-utf8.h"

char *
crb_utf8_sanitize (const char *text, gsize length, gsize *n_multibyte, gsize *n_invalid)
{
  GString    *out;
  const char *p = text;
  const char *end;
  gsize       multibyte = 0, invalid = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  out = g_string_sized_new (length + 1);
  /* Pointer arithmetic on NULL, even by zero, is undefined. */
  end = length > 0 ? text + length : text;
  while (p < end)
    {
      const char *valid_end;

      g_utf8_validate_len (p, (gsize) (end - p), &valid_end);
      for (const char *q = p; q < valid_end; q++)
        if ((guchar) *q >= 0xC0)
          multibyte++;
      g_string_append_len (out, p, valid_end - p);
      p = valid_end;

      if (p < end)
        {
          /* A NUL stops the validator but is not an encoding error. */
          if (*p != '\0')
            {
              g_string_append (out, "\xEF\xBF\xBD");
              invalid++;
            }
          p++;
        }
    }

  if (n_multibyte != NULL)
    *n_multibyte = multibyte;
  if (n_invalid != NULL)
    *n_invalid = invalid;
  return g_string_free (out, FALSE);
}

gsize
crb_utf8_count_chars (const char *text, gsize length)
{
  const guchar *p = (const guchar *) text;
  gsize         continuation = 0;

  g_return_val_if_fail (text != NULL || length == 0, 0);

  /* A plain loop over bytes, which the compiler vectorises. */
  for (gsize i = 0; i < length; i++)
    continuation += (p[i] & 0xC0) == 0x80;
  return length - continuation;
}
