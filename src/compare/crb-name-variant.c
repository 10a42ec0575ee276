/* crb-name-variant.c: spelling variants of names across scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-name-variant.h"

#include <string.h>

#include "crb-fold.h"
#include "crb-translit.h"

/* Letters of Turkic Latin alphabets that folding alone would turn into a
 * different sound ("ş" is "sh", not "s"). */
static const char *
turkic_letter (gunichar c)
{
  switch (g_unichar_tolower (c))
    {
    case 0x015F: return "sh";  /* ş */
    case 0x00E7: return "ch";  /* ç */
    case 0x0131: return "i";   /* ı */
    case 0x00FD: return "u";   /* ý, Kazakh у */
    case 0x01F5: return "g";   /* ǵ */
    case 0x011F: return "g";   /* ğ */
    default: return NULL;
    }
}

/* Plain lower-case ASCII words of @name, romanised. */
static GPtrArray *
romanised_words (const char *name)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = name;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *spelling;
      char folded[CRB_FOLD_MAX];
      guint n;

      if (c == 0 || !crb_fold_is_word_char (c))
        {
          if (word->len > 0)
            g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
          if (c == 0)
            break;
          continue;
        }
      if ((spelling = crb_translit_matching_letter (c)) != NULL
          || (spelling = turkic_letter (c)) != NULL)
        {
          g_string_append (word, spelling);
          continue;
        }
      n = crb_fold_unichar (c, folded);
      for (guint k = 0; k < n; k++)
        if (g_ascii_isalnum (folded[k]))
          g_string_append_c (word, folded[k]);
    }
  return words;
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Replaces every @from in @word by @to. */
static void
replace_all (GString    *word,
             const char *from,
             const char *to)
{
  gsize from_length = strlen (from), to_length = strlen (to);

  for (gsize i = 0; i + from_length <= word->len;)
    {
      if (strncmp (word->str + i, from, from_length) == 0)
        {
          g_string_erase (word, i, from_length);
          g_string_insert (word, i, to);
          i += to_length;
        }
      else
        i++;
    }
}

/* The phonetic key of one romanised word. */
static char *
word_key (const char *romanised)
{
  static const char *const digraphs[][2] = {
    { "shch", "sh" }, { "sch", "sh" }, { "tch", "ch" }, { "dzh", "j" }, { "dj", "j" },
    { "zh", "j" }, { "kh", "h" }, { "gh", "g" }, { "ph", "f" }, { "th", "t" }, { "ck", "k" },
    { "ts", "C" }, { "tz", "C" }, { "cz", "C" }, { "ch", "H" }, { "c", "k" }, { "C", "c" },
    { "H", "ch" }, { "q", "k" }, { "x", "ks" }, { "w", "v" }, { "y", "i" }, { "ou", "u" },
    { "oo", "u" }, { "ee", "i" },
  };
  g_autoptr(GString) word = g_string_new (romanised);
  GString *key = g_string_sized_new (word->len);

  for (guint i = 0; i < G_N_ELEMENTS (digraphs); i++)
    replace_all (word, digraphs[i][0], digraphs[i][1]);

  for (gsize i = 0; i < word->len; i++)
    {
      char c = word->str[i];
      char next = word->str[i + 1];
      char previous = key->len > 0 ? key->str[key->len - 1] : '\0';

      /* "ie", "ia", "iu", "io": the i is how one script writes е, я, ю, ё. */
      if (c == 'i' && is_vowel (next) && next != 'i')
        continue;
      if (c == previous)
        continue;
      g_string_append_c (key, c);
    }
  return g_string_free (key, FALSE);
}

static GPtrArray *
name_keys (const char *name)
{
  g_autoptr(GPtrArray) words = romanised_words (name);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < words->len; i++)
    {
      char *key = word_key (g_ptr_array_index (words, i));

      if (*key != '\0')
        g_ptr_array_add (keys, key);
      else
        g_free (key);
    }
  return keys;
}

char *
crb_name_key (const char *name)
{
  g_autoptr(GPtrArray) keys = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  keys = name_keys (name);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (" ", (char **) keys->pdata);
}

/* Edit distance where vowel edits cost half. */
static double
weighted_distance (const char *a,
                   const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree double *row = g_new (double, m + 1);

  row[0] = 0;
  for (gsize j = 1; j <= m; j++)
    row[j] = row[j - 1] + (is_vowel (b[j - 1]) ? 0.5 : 1.0);
  for (gsize i = 1; i <= n; i++)
    {
      double diagonal = row[0];
      double delete_cost = is_vowel (a[i - 1]) ? 0.5 : 1.0;

      row[0] += delete_cost;
      for (gsize j = 1; j <= m; j++)
        {
          double insert_cost = is_vowel (b[j - 1]) ? 0.5 : 1.0;
          double substitute = a[i - 1] == b[j - 1] ? 0
                              : is_vowel (a[i - 1]) && is_vowel (b[j - 1]) ? 0.5 : 1.0;
          double best = diagonal + substitute;

          best = MIN (best, row[j] + delete_cost);
          best = MIN (best, row[j - 1] + insert_cost);
          diagonal = row[j];
          row[j] = best;
        }
    }
  return row[m];
}

static double
similarity (const char *a,
            const char *b)
{
  gsize longest = MAX (strlen (a), strlen (b));

  if (longest == 0)
    return 1.0;
  return MAX (0.0, 1.0 - weighted_distance (a, b) / longest);
}

static gsize
total_length (GPtrArray *keys)
{
  gsize length = 0;

  for (guint i = 0; i < keys->len; i++)
    length += strlen (g_ptr_array_index (keys, i));
  return length;
}

/* Pairs each word of @fewer with its best unused word of @more. */
static double
word_score (GPtrArray *fewer,
            GPtrArray *more)
{
  g_autofree gboolean *used = g_new0 (gboolean, more->len + 1);
  double weighted = 0;
  gsize fewer_length = total_length (fewer), more_length = total_length (more), matched_length = 0;

  for (guint i = 0; i < fewer->len; i++)
    {
      const char *word = g_ptr_array_index (fewer, i);
      double best = 0;
      gint best_index = -1;

      for (guint j = 0; j < more->len; j++)
        {
          double score;

          if (used[j])
            continue;
          score = similarity (word, g_ptr_array_index (more, j));
          if (score > best)
            {
              best = score;
              best_index = j;
            }
        }
      if (best_index >= 0)
        {
          used[best_index] = TRUE;
          matched_length += strlen (g_ptr_array_index (more, best_index));
        }
      weighted += best * strlen (word);
    }
  /* Words of the longer name left over lower the score a little. */
  return weighted / MAX (fewer_length, 1) * (0.9 + 0.1 * matched_length / MAX (more_length, 1));
}

double
crb_name_variant_score (const char *a,
                        const char *b)
{
  g_autoptr(GPtrArray) keys_a = NULL;
  g_autoptr(GPtrArray) keys_b = NULL;
  g_autofree char *joined_a = NULL;
  g_autofree char *joined_b = NULL;
  double by_words, joined;

  g_return_val_if_fail (a != NULL && b != NULL, 0.0);

  keys_a = name_keys (a);
  keys_b = name_keys (b);
  if (keys_a->len == 0 || keys_b->len == 0)
    return 0.0;
  /* Scored from the name with fewer words; both ways when they have as
   * many, so that the score does not depend on the order of a and b. */
  if (keys_a->len < keys_b->len)
    by_words = word_score (keys_a, keys_b);
  else if (keys_a->len > keys_b->len)
    by_words = word_score (keys_b, keys_a);
  else
    by_words = MAX (word_score (keys_a, keys_b), word_score (keys_b, keys_a));

  /* "Alma-Ata" and "Almaty" differ in where words break, not in letters. */
  g_ptr_array_add (keys_a, NULL);
  g_ptr_array_add (keys_b, NULL);
  joined_a = g_strjoinv ("", (char **) keys_a->pdata);
  joined_b = g_strjoinv ("", (char **) keys_b->pdata);
  joined = similarity (joined_a, joined_b);
  return MAX (by_words, joined);
}

gboolean
crb_name_is_variant (const char *a,
                     const char *b)
{
  return crb_name_variant_score (a, b) >= CRB_NAME_VARIANT_THRESHOLD;
}
