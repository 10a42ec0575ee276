/* crb-word-diff.c: word-level differences of two passages, for display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-word-diff.h"

#include "crb-substitutions.h"

/* Replacements must recur this often, as in whole-corpus analysis. */
#define MIN_SUBSTITUTION_COUNT 2

/* Tokens of the code points [@start, @end) of @text, with offsets into the
 * whole text. */
static GArray *
tokenize_range (const char *text,
                guint32     start,
                guint32     end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (from, end - start);
  guint32 byte_offset = from - text;
  GArray *tokens = crb_tokenize (from, to - from, NULL, CRB_TOKENIZE_DEFAULT);

  for (guint i = 0; i < tokens->len; i++)
    {
      CrbToken *token = &g_array_index (tokens, CrbToken, i);

      token->start += start;
      token->end += start;
      token->byte_start += byte_offset;
      token->byte_end += byte_offset;
    }
  return tokens;
}

/* Where a run covering @length tokens from @first sits; an empty run sits
 * after the previous token (or at @fallback). */
static void
token_span (GArray  *tokens,
            guint32  first,
            guint32  length,
            guint32  fallback,
            guint32 *start,
            guint32 *end)
{
  if (length > 0)
    {
      *start = g_array_index (tokens, CrbToken, first).start;
      *end = g_array_index (tokens, CrbToken, first + length - 1).end;
    }
  else
    *start = *end = first > 0 ? g_array_index (tokens, CrbToken, first - 1).end : fallback;
}

GArray *
crb_word_diff (const char *text_a,
               guint32     a_start,
               guint32     a_end,
               const char *text_b,
               guint32     b_start,
               guint32     b_end)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (CrbAlignRun));
  GArray *diff = g_array_new (FALSE, FALSE, sizeof (CrbWordDiffRun));

  g_return_val_if_fail (text_a != NULL && text_b != NULL, diff);
  g_return_val_if_fail (a_start <= a_end && b_start <= b_end, diff);

  a = tokenize_range (text_a, a_start, a_end);
  b = tokenize_range (text_b, b_start, b_end);
  crb_align_tokens ((const CrbToken *) a->data, a->len, 0, (const CrbToken *) b->data, b->len, 0, runs);
  for (guint r = 0; r < runs->len; r++)
    {
      const CrbAlignRun *run = &g_array_index (runs, CrbAlignRun, r);
      CrbWordDiffRun out = { run->kind, 0, 0, 0, 0, run->a_length, run->b_length };

      token_span (a, run->a_start, run->a_length, a_start, &out.a_start, &out.a_end);
      token_span (b, run->b_start, run->b_length, b_start, &out.b_start, &out.b_end);
      g_array_append_val (diff, out);
    }
  return diff;
}

/* Index of the first token starting at or after code point @offset. */
static guint
token_at (GArray  *tokens,
          guint32  offset)
{
  guint low = 0, high = tokens->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (tokens, CrbToken, middle).start < offset)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

GPtrArray *
crb_word_diff_substitutions (const char            *text_a,
                             const char            *text_b,
                             const CrbReusePassage *passages,
                             guint                  n_passages)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (CrbAlignRun));

  g_return_val_if_fail (text_a != NULL && text_b != NULL, NULL);
  g_return_val_if_fail (passages != NULL || n_passages == 0, NULL);

  a = crb_tokenize (text_a, -1, NULL, CRB_TOKENIZE_DEFAULT);
  b = crb_tokenize (text_b, -1, NULL, CRB_TOKENIZE_DEFAULT);
  for (guint p = 0; p < n_passages; p++)
    {
      guint a_first = token_at (a, passages[p].a_start);
      guint a_end = token_at (a, passages[p].a_end);
      guint b_first = token_at (b, passages[p].b_start);
      guint b_end = token_at (b, passages[p].b_end);

      if (a_end > a_first && b_end > b_first)
        crb_align_tokens ((const CrbToken *) a->data + a_first, a_end - a_first, a_first,
                          (const CrbToken *) b->data + b_first, b_end - b_first, b_first, runs);
    }
  return crb_substitutions_collect (text_a, (const CrbToken *) a->data, a->len,
                                    text_b, (const CrbToken *) b->data, b->len,
                                    (const CrbAlignRun *) runs->data, runs->len,
                                    MIN_SUBSTITUTION_COUNT);
}
