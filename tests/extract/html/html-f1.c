/* html-f1.c: token F1 between an extracted text and the expected one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "html-f1.h"

static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* token → count */
static GHashTable *
count_tokens (const char *text, guint *total)
{
  GHashTable      *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *lower = g_utf8_strdown (nfc != NULL ? nfc : "", -1);
  GString         *token = g_string_new (NULL);
  const char      *p = lower;

  *total = 0;
  for (;;)
    {
      gunichar c = *p == '\0' ? 0 : g_utf8_get_char (p);

      if (c != 0 && is_token_char (c))
        g_string_append_unichar (token, c);
      else if (token->len > 0)
        {
          gpointer old = g_hash_table_lookup (counts, token->str);

          g_hash_table_insert (counts, g_strdup (token->str),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
          (*total)++;
          g_string_truncate (token, 0);
        }
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }
  g_string_free (token, TRUE);
  return counts;
}

double
html_f1_score (const char *extracted, const char *expected, double *precision, double *recall)
{
  g_autoptr (GHashTable) ours = NULL;
  g_autoptr (GHashTable) theirs = NULL;
  GHashTableIter iter;
  gpointer       key, value;
  guint          n_ours, n_theirs, overlap = 0;
  double         p, r;

  ours = count_tokens (extracted, &n_ours);
  theirs = count_tokens (expected, &n_theirs);
  g_hash_table_iter_init (&iter, ours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    overlap += MIN (GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (theirs, key)));
  if (n_ours == 0 && n_theirs == 0)
    p = r = 1;
  else
    {
      p = n_ours == 0 ? 0 : (double) overlap / n_ours;
      r = n_theirs == 0 ? 0 : (double) overlap / n_theirs;
    }
  if (precision != NULL)
    *precision = p;
  if (recall != NULL)
    *recall = r;
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}
