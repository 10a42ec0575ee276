/* crb-align.c: word-level alignment of two token sequences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needleman-Wunsch on short stretches; longer inputs are first cut at
 * words that are unique on both sides and appear in the same order (longest
 * increasing subsequence), so that a 5,000-word copy costs about as much as
 * its changes rather than 25 million cells.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-align.h"

#include <string.h>

/* Above this many cells the quadratic step is replaced by anchoring. */
#define DP_LIMIT (96 * 96)
/* Even without anchors, stretches this small are aligned exactly. */
#define DP_FALLBACK_LIMIT (2048 * 2048)

static void
emit (GArray       *runs,
      CrbAlignKind  kind,
      guint32       a_start,
      guint32       a_length,
      guint32       b_start,
      guint32       b_length)
{
  CrbAlignRun *last;

  if (a_length == 0 && b_length == 0)
    return;
  if (runs->len > 0)
    {
      last = &g_array_index (runs, CrbAlignRun, runs->len - 1);
      /* Changes next to changes become one replacement; equal runs join. */
      if ((kind == CRB_ALIGN_EQUAL) == (last->kind == CRB_ALIGN_EQUAL)
          && last->a_start + last->a_length == a_start
          && last->b_start + last->b_length == b_start)
        {
          last->a_length += a_length;
          last->b_length += b_length;
          if (kind != CRB_ALIGN_EQUAL)
            last->kind = last->a_length == 0   ? CRB_ALIGN_INSERT
                         : last->b_length == 0 ? CRB_ALIGN_DELETE
                                               : CRB_ALIGN_REPLACE;
          return;
        }
    }
  if (kind != CRB_ALIGN_EQUAL)
    kind = a_length == 0 ? CRB_ALIGN_INSERT : b_length == 0 ? CRB_ALIGN_DELETE : CRB_ALIGN_REPLACE;
  g_array_append_vals (runs, &(CrbAlignRun) { kind, a_start, a_length, b_start, b_length }, 1);
}

enum { FROM_DIAGONAL, FROM_UP, FROM_LEFT };

/* Global alignment with a traceback matrix.  Matches score +2, every other
 * column -1: plain edit distance would happily pair a long insertion with
 * unrelated words on the diagonal, while rewarding matches keeps the copied
 * words together.  Ties prefer the diagonal so that replaced words pair up. */
#define SCORE_MATCH 2
#define SCORE_OTHER (-1)

static void
align_dp (const CrbToken *a,
          guint           n_a,
          guint32         a_offset,
          const CrbToken *b,
          guint           n_b,
          guint32         b_offset,
          GArray         *runs)
{
  g_autofree gint32 *row = g_new (gint32, n_b + 1);
  g_autofree guint8 *trace = g_new (guint8, (gsize) (n_a + 1) * (n_b + 1));
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (CrbAlignRun));
  guint i = n_a, j = n_b;

  for (guint y = 0; y <= n_b; y++)
    {
      row[y] = (gint32) y * SCORE_OTHER;
      trace[y] = FROM_LEFT;
    }
  for (guint x = 1; x <= n_a; x++)
    {
      gint32 diagonal = row[0];
      guint8 *t = trace + (gsize) x * (n_b + 1);

      row[0] = (gint32) x * SCORE_OTHER;
      t[0] = FROM_UP;
      for (guint y = 1; y <= n_b; y++)
        {
          gint32 best = diagonal + (a[x - 1].hash == b[y - 1].hash ? SCORE_MATCH : SCORE_OTHER);
          guint8 from = FROM_DIAGONAL;

          if (row[y] + SCORE_OTHER > best)
            best = row[y] + SCORE_OTHER, from = FROM_UP;
          if (row[y - 1] + SCORE_OTHER > best)
            best = row[y - 1] + SCORE_OTHER, from = FROM_LEFT;
          diagonal = row[y];
          row[y] = best;
          t[y] = from;
        }
    }

  /* Walk back, collecting single steps in reverse. */
  while (i > 0 || j > 0)
    {
      guint8 from = trace[(gsize) i * (n_b + 1) + j];
      CrbAlignRun step = { 0 };

      if (i > 0 && j > 0 && from == FROM_DIAGONAL)
        {
          i--, j--;
          step = (CrbAlignRun) { a[i].hash == b[j].hash ? CRB_ALIGN_EQUAL : CRB_ALIGN_REPLACE,
                                 a_offset + i, 1, b_offset + j, 1 };
        }
      else if (i > 0 && (j == 0 || from == FROM_UP))
        {
          i--;
          step = (CrbAlignRun) { CRB_ALIGN_DELETE, a_offset + i, 1, b_offset + j, 0 };
        }
      else
        {
          j--;
          step = (CrbAlignRun) { CRB_ALIGN_INSERT, a_offset + i, 0, b_offset + j, 1 };
        }
      g_array_append_val (reversed, step);
    }
  for (guint k = reversed->len; k > 0; k--)
    {
      const CrbAlignRun *step = &g_array_index (reversed, CrbAlignRun, k - 1);

      emit (runs, step->kind, step->a_start, step->a_length, step->b_start, step->b_length);
    }
}

typedef struct
{
  guint64 hash;
  guint32 a_position;
  guint32 b_position;
  guint16 a_count;
  guint16 b_count;
} Slot;

/* Words that occur exactly once in @a and once in @b, as (a, b) position
 * pairs in order of a. */
static GArray *
unique_pairs (const CrbToken *a,
              guint           n_a,
              const CrbToken *b,
              guint           n_b)
{
  guint capacity = 16;
  g_autofree Slot *slots = NULL;
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);

  while (capacity < 2 * (n_a + n_b))
    capacity *= 2;
  slots = g_new0 (Slot, capacity);

  for (guint side = 0; side < 2; side++)
    {
      const CrbToken *tokens = side == 0 ? a : b;
      guint n = side == 0 ? n_a : n_b;

      for (guint i = 0; i < n; i++)
        {
          guint64 hash = tokens[i].hash | 1;  /* 0 marks an empty slot */
          guint k = hash & (capacity - 1);

          while (slots[k].hash != 0 && slots[k].hash != hash)
            k = (k + 1) & (capacity - 1);
          slots[k].hash = hash;
          if (side == 0)
            {
              slots[k].a_position = i;
              slots[k].a_count = MIN (slots[k].a_count + 1, 2);
            }
          else if (slots[k].a_count > 0)
            {
              slots[k].b_position = i;
              slots[k].b_count = MIN (slots[k].b_count + 1, 2);
            }
        }
    }
  for (guint i = 0; i < n_a; i++)
    {
      guint64 hash = a[i].hash | 1;
      guint k = hash & (capacity - 1);

      while (slots[k].hash != hash)
        k = (k + 1) & (capacity - 1);
      if (slots[k].a_count == 1 && slots[k].b_count == 1)
        g_array_append_vals (pairs, (guint32[2]) { i, slots[k].b_position }, 1);
    }
  return pairs;
}

/* Longest chain of pairs increasing in b (they already increase in a). */
static GArray *
increasing_chain (GArray *pairs)
{
  guint n = pairs->len;
  g_autofree guint32 *tails = g_new (guint32, n + 1);
  g_autofree guint32 *previous = g_new (guint32, n + 1);
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint32 b = ((guint32 *) pairs->data)[2 * i + 1];
      guint low = 0, high = length;

      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (((guint32 *) pairs->data)[2 * tails[middle] + 1] < b)
            low = middle + 1;
          else
            high = middle;
        }
      previous[i] = low > 0 ? tails[low - 1] : G_MAXUINT32;
      tails[low] = i;
      if (low == length)
        length++;
    }
  g_array_set_size (chain, length);
  for (guint k = length, i = length > 0 ? tails[length - 1] : 0; k > 0; k--, i = previous[i])
    memcpy ((guint32 *) chain->data + 2 * (k - 1), (guint32 *) pairs->data + 2 * i,
            2 * sizeof (guint32));
  return chain;
}

static void
align_range (const CrbToken *a,
             guint           n_a,
             guint32         a_offset,
             const CrbToken *b,
             guint           n_b,
             guint32         b_offset,
             GArray         *runs);

static gboolean
align_anchored (const CrbToken *a,
                guint           n_a,
                guint32         a_offset,
                const CrbToken *b,
                guint           n_b,
                guint32         b_offset,
                GArray         *runs)
{
  g_autoptr(GArray) pairs = unique_pairs (a, n_a, b, n_b);
  g_autoptr(GArray) chain = NULL;
  guint32 a_done = 0, b_done = 0;

  if (pairs->len == 0)
    return FALSE;
  chain = increasing_chain (pairs);
  for (guint k = 0; k < chain->len; k++)
    {
      guint32 a_anchor = ((guint32 *) chain->data)[2 * k];
      guint32 b_anchor = ((guint32 *) chain->data)[2 * k + 1];

      align_range (a + a_done, a_anchor - a_done, a_offset + a_done,
                   b + b_done, b_anchor - b_done, b_offset + b_done, runs);
      emit (runs, CRB_ALIGN_EQUAL, a_offset + a_anchor, 1, b_offset + b_anchor, 1);
      a_done = a_anchor + 1;
      b_done = b_anchor + 1;
    }
  align_range (a + a_done, n_a - a_done, a_offset + a_done,
               b + b_done, n_b - b_done, b_offset + b_done, runs);
  return TRUE;
}

static void
align_range (const CrbToken *a,
             guint           n_a,
             guint32         a_offset,
             const CrbToken *b,
             guint           n_b,
             guint32         b_offset,
             GArray         *runs)
{
  guint prefix = 0, suffix = 0;

  while (prefix < n_a && prefix < n_b && a[prefix].hash == b[prefix].hash)
    prefix++;
  while (suffix < n_a - prefix && suffix < n_b - prefix
         && a[n_a - 1 - suffix].hash == b[n_b - 1 - suffix].hash)
    suffix++;

  emit (runs, CRB_ALIGN_EQUAL, a_offset, prefix, b_offset, prefix);
  a += prefix, b += prefix;
  a_offset += prefix, b_offset += prefix;
  n_a -= prefix + suffix, n_b -= prefix + suffix;

  if (n_a == 0 || n_b == 0)
    emit (runs, CRB_ALIGN_REPLACE, a_offset, n_a, b_offset, n_b);
  else if ((guint64) n_a * n_b <= DP_LIMIT)
    align_dp (a, n_a, a_offset, b, n_b, b_offset, runs);
  else if (!align_anchored (a, n_a, a_offset, b, n_b, b_offset, runs))
    {
      if ((guint64) n_a * n_b <= DP_FALLBACK_LIMIT)
        align_dp (a, n_a, a_offset, b, n_b, b_offset, runs);
      else
        emit (runs, CRB_ALIGN_REPLACE, a_offset, n_a, b_offset, n_b);
    }

  emit (runs, CRB_ALIGN_EQUAL, a_offset + n_a, suffix, b_offset + n_b, suffix);
}

void
crb_align_tokens (const CrbToken *a,
                  guint           n_a,
                  guint32         a_offset,
                  const CrbToken *b,
                  guint           n_b,
                  guint32         b_offset,
                  GArray         *runs)
{
  g_return_if_fail (a != NULL || n_a == 0);
  g_return_if_fail (b != NULL || n_b == 0);
  g_return_if_fail (runs != NULL);

  align_range (a, n_a, a_offset, b, n_b, b_offset, runs);
}

void
crb_align_runs_count (const CrbAlignRun *runs,
                      guint              n_runs,
                      guint             *n_equal,
                      guint             *n_columns)
{
  guint equal = 0, columns = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      if (runs[i].kind == CRB_ALIGN_EQUAL)
        equal += runs[i].a_length;
      columns += MAX (runs[i].a_length, runs[i].b_length);
    }
  if (n_equal != NULL)
    *n_equal = equal;
  if (n_columns != NULL)
    *n_columns = columns;
}
