/* crb-substitutions.c: consistent replacements between two aligned texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A copier who swaps one name for another does it everywhere, so a real
 * substitution repeats, while incidental edits and extraction damage do
 * not.  Counting replaced word groups and comparing with how often the same
 * words survived unchanged separates the two.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-substitutions.h"

#include <string.h>

void
crb_substitution_free (CrbSubstitution *substitution)
{
  if (substitution == NULL)
    return;
  g_free (substitution->a);
  g_free (substitution->b);
  g_free (substitution);
}

typedef struct
{
  CrbSubstitution *substitution;
  guint32          a_first;    /* one occurrence in each text, to find the others */
  guint32          a_length;
  guint32          b_first;
  guint32          b_length;
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  crb_substitution_free (candidate->substitution);
  g_free (candidate);
}

static int
compare_substitutions (gconstpointer a,
                       gconstpointer b)
{
  const CrbSubstitution *x = *(CrbSubstitution * const *) a;
  const CrbSubstitution *y = *(CrbSubstitution * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->a, y->a);
}

static inline gboolean
phrase_at (const CrbToken *haystack,
           const CrbToken *needle,
           guint           length)
{
  for (guint k = 0; k < length; k++)
    if (haystack[k].hash != needle[k].hash)
      return FALSE;
  return TRUE;
}

/* Occurrences of the @length words at @needle in @tokens. */
static guint
count_phrase (const CrbToken *tokens,
              guint           n_tokens,
              const CrbToken *needle,
              guint           length)
{
  guint count = 0;

  for (guint i = 0; i + length <= n_tokens; i++)
    count += phrase_at (tokens + i, needle, length);
  return count;
}

/* Times the words of @candidate appear inside EQUAL runs. */
static guint
count_kept (const Candidate   *candidate,
            const CrbToken    *a_tokens,
            const CrbAlignRun *runs,
            guint              n_runs)
{
  guint kept = 0;

  for (guint r = 0; r < n_runs; r++)
    if (runs[r].kind == CRB_ALIGN_EQUAL)
      kept += count_phrase (a_tokens + runs[r].a_start, runs[r].a_length,
                            a_tokens + candidate->a_first, candidate->a_length);
  return kept;
}

GPtrArray *
crb_substitutions_collect (const char        *a_text,
                           const CrbToken    *a_tokens,
                           guint              n_a,
                           const char        *b_text,
                           const CrbToken    *b_tokens,
                           guint              n_b,
                           const CrbAlignRun *runs,
                           guint              n_runs,
                           guint              min_count)
{
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            candidate_free);
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_substitution_free);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (runs != NULL || n_runs == 0, table);

  for (guint r = 0; r < n_runs; r++)
    {
      const CrbAlignRun *run = &runs[r];
      g_autofree char *a_words = NULL;
      g_autofree char *b_words = NULL;
      g_autofree char *key = NULL;
      Candidate *candidate;

      if (run->kind != CRB_ALIGN_REPLACE || run->a_length > CRB_SUBSTITUTION_MAX_WORDS
          || run->b_length > CRB_SUBSTITUTION_MAX_WORDS)
        continue;
      a_words = crb_tokens_dup_normal (a_text, a_tokens + run->a_start, run->a_length);
      b_words = crb_tokens_dup_normal (b_text, b_tokens + run->b_start, run->b_length);
      key = g_strconcat (a_words, "\x1f", b_words, NULL);
      candidate = g_hash_table_lookup (candidates, key);
      if (candidate == NULL)
        {
          candidate = g_new0 (Candidate, 1);
          candidate->substitution = g_new0 (CrbSubstitution, 1);
          candidate->substitution->a = g_steal_pointer (&a_words);
          candidate->substitution->b = g_steal_pointer (&b_words);
          candidate->a_first = run->a_start;
          candidate->a_length = run->a_length;
          candidate->b_first = run->b_start;
          candidate->b_length = run->b_length;
          g_hash_table_insert (candidates, g_steal_pointer (&key), candidate);
        }
      candidate->substitution->count++;
    }

  min_count = MAX (min_count, 1);
  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Candidate *candidate = value;
      CrbSubstitution *substitution = candidate->substitution;
      const CrbToken *a_words = a_tokens + candidate->a_first;
      const CrbToken *b_words = b_tokens + candidate->b_first;
      gboolean recurs, throughout;

      substitution->kept = count_kept (candidate, a_tokens, runs, n_runs);
      substitution->a_total = count_phrase (a_tokens, n_a, a_words, candidate->a_length);
      substitution->b_total = count_phrase (b_tokens, n_b, b_words, candidate->b_length);
      recurs = substitution->count >= min_count && substitution->kept < substitution->count;
      throughout = substitution->a_total >= min_count && substitution->b_total >= min_count
                   && count_phrase (b_tokens, n_b, a_words, candidate->a_length) == 0
                   && count_phrase (a_tokens, n_a, b_words, candidate->b_length) == 0;
      if (recurs || throughout)
        g_ptr_array_add (table, g_steal_pointer (&candidate->substitution));
    }
  g_ptr_array_sort (table, compare_substitutions);
  return table;
}
