/* crb-fold.c: case folding and diacritic stripping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that compares words (reuse detection, mention scanning, name
 * variants) must agree on one normal form, so the rule lives here once.
 * Latin, Greek and Cyrillic are looked up in a table built on first use;
 * the tokenizer calls this for every non-ASCII character of a corpus.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-fold.h"

#include <string.h>

/* Code points below this are folded through the table. */
#define TABLE_LIMIT 0x0530

typedef struct
{
  guint8 length;
  char   bytes[CRB_FOLD_MAX - 1];
} FoldEntry;

static FoldEntry fold_table[TABLE_LIMIT];

/* Letters that carry no Unicode decomposition but that readers treat as a
 * plain letter with a mark, or that are spelt out in transliteration. */
static const char *
special_fold (gunichar c)
{
  switch (c)
    {
    case 0x00DF: return "ss";  /* ß */
    case 0x1E9E: return "ss";  /* ẞ */
    case 0x00E6: return "ae";  /* æ */
    case 0x0153: return "oe";  /* œ */
    case 0x00F8: return "o";   /* ø */
    case 0x0142: return "l";   /* ł */
    case 0x0111: return "d";   /* đ */
    case 0x00F0: return "d";   /* ð */
    case 0x0127: return "h";   /* ħ */
    case 0x00FE: return "th";  /* þ */
    case 0x0131: return "i";   /* ı, Turkish and Kazakh dotless i */
    case 0x0439: return "\xd0\xb9";  /* й stays й */
    default: return NULL;
    }
}

static guint
fold_slow (gunichar c,
           char     out[CRB_FOLD_MAX])
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  const char *special;
  gsize n_decomposed;
  guint length = 0;

  if (g_unichar_ismark (c))
    return 0;

  c = g_unichar_tolower (c);
  special = special_fold (c);
  if (special != NULL)
    {
      length = strlen (special);
      memcpy (out, special, length);
      return length;
    }

  n_decomposed = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n_decomposed; i++)
    {
      if (g_unichar_ismark (decomposed[i]))
        continue;
      if (length + 6 > CRB_FOLD_MAX)
        break;
      length += g_unichar_to_utf8 (decomposed[i], out + length);
    }
  return length;
}

static gpointer
build_table (gpointer data)
{
  for (gunichar c = 0; c < TABLE_LIMIT; c++)
    {
      char out[CRB_FOLD_MAX];
      guint length = fold_slow (c, out);

      g_assert (length < CRB_FOLD_MAX);
      fold_table[c].length = length;
      memcpy (fold_table[c].bytes, out, length);
    }
  return NULL;
}

static inline void
ensure_table (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_table, NULL);
}

guint
crb_fold_unichar (gunichar c,
                  char     out[CRB_FOLD_MAX])
{
  if (c < TABLE_LIMIT)
    {
      ensure_table ();
      memcpy (out, fold_table[c].bytes, fold_table[c].length);
      return fold_table[c].length;
    }
  return fold_slow (c, out);
}

char *
crb_fold_string (const char *text,
                 gssize      length)
{
  const char *end;
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (length + 1);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      char folded[CRB_FOLD_MAX];
      guint n = crb_fold_unichar (g_utf8_get_char (p), folded);

      g_string_append_len (out, folded, n);
    }
  return g_string_free (out, FALSE);
}

gboolean
crb_fold_is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

guint64
crb_fold_hash (const char *bytes,
               gsize       length)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  /* FNV-1a over bytes, then a finaliser so that every bit is usable. */
  for (gsize i = 0; i < length; i++)
    {
      hash ^= (guchar) bytes[i];
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return crb_fold_mix64 (hash ^ length);
}
