/* crb-reuse-relation.c: the text two documents share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-reuse-relation.h"

#include <stdlib.h>

#include "crb-winnow.h"

/* A replacement must recur this often to be reported. */
#define MIN_SUBSTITUTION_COUNT 2

void
crb_reuse_relation_free (CrbReuseRelation *relation)
{
  if (relation == NULL)
    return;
  g_clear_pointer (&relation->passages, g_array_unref);
  g_clear_pointer (&relation->substitutions, g_ptr_array_unref);
  g_free (relation);
}

typedef struct
{
  guint32 first;
  guint32 length;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->first < y->first ? -1 : x->first > y->first;
}

/* Words covered by the union of the passages on one side. */
static guint
covered_tokens (GArray   *passages,
                gboolean  side_a)
{
  g_autofree Span *spans = g_new (Span, passages->len + 1);
  guint covered = 0;
  guint32 reach = 0;

  for (guint i = 0; i < passages->len; i++)
    {
      const CrbReusePassage *p = &g_array_index (passages, CrbReusePassage, i);

      spans[i].first = side_a ? p->a_first_token : p->b_first_token;
      spans[i].length = side_a ? p->a_n_tokens : p->b_n_tokens;
    }
  qsort (spans, passages->len, sizeof (Span), compare_spans);
  for (guint i = 0; i < passages->len; i++)
    {
      guint32 start = MAX (spans[i].first, reach);
      guint32 end = spans[i].first + spans[i].length;

      if (end > start)
        covered += end - start;
      reach = MAX (reach, end);
    }
  return covered;
}

CrbReuseRelation *
crb_reuse_relation_from_seeds (const CrbReuseOptions *options,
                               gint64                 document_a,
                               const char            *text_a,
                               GArray                *tokens_a,
                               gint64                 document_b,
                               const char            *text_b,
                               GArray                *tokens_b,
                               CrbSeed               *seeds,
                               guint                  n_seeds)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (CrbAlignRun));
  g_autoptr(GArray) passages = NULL;
  CrbReuseRelation *relation;
  const CrbToken *a = (const CrbToken *) tokens_a->data;
  const CrbToken *b = (const CrbToken *) tokens_b->data;

  passages = crb_reuse_find_passages (options, a, tokens_a->len, b, tokens_b->len,
                                      seeds, n_seeds, runs);
  if (passages->len == 0)
    return NULL;

  relation = g_new0 (CrbReuseRelation, 1);
  relation->document_a = document_a;
  relation->document_b = document_b;
  relation->n_tokens_a = tokens_a->len;
  relation->n_tokens_b = tokens_b->len;
  relation->coverage_a = (double) covered_tokens (passages, TRUE) / MAX (tokens_a->len, 1);
  relation->coverage_b = (double) covered_tokens (passages, FALSE) / MAX (tokens_b->len, 1);
  relation->substitutions = crb_substitutions_collect (text_a, a, tokens_a->len, text_b, b, tokens_b->len,
                                                       (const CrbAlignRun *) runs->data, runs->len,
                                                       MIN_SUBSTITUTION_COUNT);
  relation->passages = g_steal_pointer (&passages);
  return relation;
}

static int
compare_fingerprints (gconstpointer a,
                      gconstpointer b)
{
  const CrbFingerprint *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

CrbReuseRelation *
crb_reuse_relation_compare (const CrbReuseOptions *options,
                            gint64                 document_a,
                            const char            *text_a,
                            gint64                 document_b,
                            const char            *text_b)
{
  CrbReuseOptions defaults;
  g_autoptr(GArray) tokens_a = NULL;
  g_autoptr(GArray) tokens_b = NULL;
  g_autoptr(GArray) prints_a = NULL;
  g_autoptr(GArray) prints_b = NULL;
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (CrbSeed));
  guint i = 0, j = 0;

  g_return_val_if_fail (text_a != NULL, NULL);
  g_return_val_if_fail (text_b != NULL, NULL);

  if (options == NULL)
    {
      crb_reuse_options_init (&defaults);
      options = &defaults;
    }
  tokens_a = crb_tokenize (text_a, -1, NULL, CRB_TOKENIZE_DEFAULT);
  tokens_b = crb_tokenize (text_b, -1, NULL, CRB_TOKENIZE_DEFAULT);
  prints_a = crb_winnow ((const CrbToken *) tokens_a->data, tokens_a->len, options->shingle, options->window);
  prints_b = crb_winnow ((const CrbToken *) tokens_b->data, tokens_b->len, options->shingle, options->window);
  g_array_sort (prints_a, compare_fingerprints);
  g_array_sort (prints_b, compare_fingerprints);

  /* A merge join of the two sorted fingerprint lists; every pair of equal
   * hashes is a seed, boilerplate that repeats too often is skipped. */
  while (i < prints_a->len && j < prints_b->len)
    {
      guint32 ha = g_array_index (prints_a, CrbFingerprint, i).hash;
      guint32 hb = g_array_index (prints_b, CrbFingerprint, j).hash;
      guint i_end = i, j_end = j;

      if (ha != hb)
        {
          if (ha < hb)
            i++;
          else
            j++;
          continue;
        }
      while (i_end < prints_a->len && g_array_index (prints_a, CrbFingerprint, i_end).hash == ha)
        i_end++;
      while (j_end < prints_b->len && g_array_index (prints_b, CrbFingerprint, j_end).hash == ha)
        j_end++;
      if ((i_end - i) + (j_end - j) < options->max_df)
        for (guint x = i; x < i_end; x++)
          for (guint y = j; y < j_end; y++)
            {
              CrbSeed seed = { g_array_index (prints_a, CrbFingerprint, x).position,
                               g_array_index (prints_b, CrbFingerprint, y).position };

              g_array_append_val (seeds, seed);
            }
      i = i_end;
      j = j_end;
    }

  return crb_reuse_relation_from_seeds (options, document_a, text_a, tokens_a, document_b, text_b,
                                        tokens_b, (CrbSeed *) seeds->data, seeds->len);
}
