/* crb-reanchor-diff.c: the unchanged stretches of an old and a new text
 *
 * Tokens are words (runs of letters and digits), runs of white space and
 * single other characters, compared exactly: an anchor may only follow a
 * stretch whose characters are really the same (the display diff in
 * compare/ folds case and punctuation, which is right for reading and
 * wrong here).  The diff is patience-style: common ends are matched, then
 * tokens that occur once on each side anchor the longest increasing
 * sequence, and the stretches between are diffed again.  Short stretches
 * without such tokens get an exact LCS; long ones are left unmatched, so a
 * moved paragraph comes out as a deletion and an insertion and is found
 * again by its quote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reanchor"

#include "crb-reanchor-private.h"

/* Largest stretch (tokens × tokens) given to the quadratic LCS. */
#define MAX_LCS_CELLS (300 * 300)

typedef struct
{
  guint32 start;
  guint32 end;
  guint64 hash;
} Token;

typedef struct
{
  guint32 a;
  guint32 b;
} Match;

typedef struct
{
  guint32 a_low, a_high, b_low, b_high;
} Range;

typedef struct
{
  const gunichar *a_text;
  const gunichar *b_text;
  GArray         *a; /* Token */
  GArray         *b;
  GArray         *matches;
} Diff;

static int
char_class (gunichar c)
{
  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return 1;
  if (g_unichar_isspace (c))
    return 2;
  return 0;
}

static GArray *
tokenize (const gunichar *text, gsize length)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  gsize   i = 0;

  while (i < length)
    {
      int   kind = char_class (text[i]);
      Token token = { (guint32) i, 0, 1469598103934665603ull };

      do
        {
          token.hash = (token.hash ^ text[i]) * 1099511628211ull;
          i++;
        }
      while (kind != 0 && i < length && char_class (text[i]) == kind);
      token.end = (guint32) i;
      g_array_append_val (tokens, token);
    }
  return tokens;
}

static gboolean
same_token (Diff *diff, guint32 ia, guint32 ib)
{
  const Token *x = &g_array_index (diff->a, Token, ia);
  const Token *y = &g_array_index (diff->b, Token, ib);

  return x->hash == y->hash && x->end - x->start == y->end - y->start &&
         memcmp (diff->a_text + x->start, diff->b_text + y->start,
                 (x->end - x->start) * sizeof (gunichar)) == 0;
}

static void
add_match (Diff *diff, guint32 a, guint32 b)
{
  Match match = { a, b };

  g_array_append_val (diff->matches, match);
}

typedef struct
{
  guint32 count_a, index_a, count_b, index_b;
} Occurrence;

/* Longest increasing subsequence of `pairs` (sorted by a) in b, as
 * indices into `pairs`, in order. */
static GArray *
longest_increasing (const Match *pairs, guint n)
{
  g_autofree guint *tails = g_new (guint, n + 1);
  g_autofree guint *previous = g_new (guint, n);
  GArray           *chain = g_array_new (FALSE, FALSE, sizeof (guint));
  guint             length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint low = 0, high = length;

      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (pairs[tails[middle]].b < pairs[i].b)
            low = middle + 1;
          else
            high = middle;
        }
      previous[i] = low > 0 ? tails[low - 1] : G_MAXUINT;
      tails[low] = i;
      if (low == length)
        length++;
    }
  g_array_set_size (chain, length);
  for (guint i = length, k = length > 0 ? tails[length - 1] : 0; i > 0; i--)
    {
      g_array_index (chain, guint, i - 1) = k;
      k = previous[k];
    }
  return chain;
}

static void
lcs (Diff *diff, const Range *range)
{
  guint               n = range->a_high - range->a_low, m = range->b_high - range->b_low;
  g_autofree guint16 *table = g_new0 (guint16, (gsize) (n + 1) * (m + 1));
  guint               i = n, j = m;

#define CELL(x, y) table[(gsize) (x) * (m + 1) + (y)]
  for (guint x = n; x-- > 0;)
    for (guint y = m; y-- > 0;)
      CELL (x, y) = same_token (diff, range->a_low + x, range->b_low + y)
                        ? CELL (x + 1, y + 1) + 1
                        : MAX (CELL (x + 1, y), CELL (x, y + 1));
  i = 0;
  j = 0;
  while (i < n && j < m)
    {
      if (same_token (diff, range->a_low + i, range->b_low + j))
        {
          add_match (diff, range->a_low + i, range->b_low + j);
          i++;
          j++;
        }
      else if (CELL (i + 1, j) >= CELL (i, j + 1))
        i++;
      else
        j++;
    }
#undef CELL
}

/* Matches the common ends of `range`, narrowing it; then anchors on
 * unique tokens and queues the stretches between them. */
static void
diff_range (Diff *diff, Range range, GArray *queue)
{
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GArray) pairs = NULL;
  g_autoptr (GArray) chain = NULL;
  g_autofree Occurrence *occurrences = NULL;
  guint                  n_occurrences = 0;

  while (range.a_low < range.a_high && range.b_low < range.b_high &&
         same_token (diff, range.a_low, range.b_low))
    add_match (diff, range.a_low++, range.b_low++);
  while (range.a_low < range.a_high && range.b_low < range.b_high &&
         same_token (diff, range.a_high - 1, range.b_high - 1))
    add_match (diff, --range.a_high, --range.b_high);
  if (range.a_low == range.a_high || range.b_low == range.b_high)
    return;

  /* Token hash → its occurrences on each side. */
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  occurrences = g_new0 (Occurrence, (range.a_high - range.a_low) + (range.b_high - range.b_low));
  for (guint side = 0; side < 2; side++)
    {
      GArray *tokens = side == 0 ? diff->a : diff->b;
      guint32 low = side == 0 ? range.a_low : range.b_low;
      guint32 high = side == 0 ? range.a_high : range.b_high;

      for (guint32 i = low; i < high; i++)
        {
          Token      *token = &g_array_index (tokens, Token, i);
          Occurrence *occurrence = g_hash_table_lookup (seen, &token->hash);

          if (occurrence == NULL)
            {
              if (side == 1)
                continue;
              occurrence = &occurrences[n_occurrences++];
              g_hash_table_insert (seen, &token->hash, occurrence);
            }
          if (side == 0)
            occurrence->count_a++, occurrence->index_a = i;
          else
            occurrence->count_b++, occurrence->index_b = i;
        }
    }

  pairs = g_array_new (FALSE, FALSE, sizeof (Match));
  for (guint32 i = range.a_low; i < range.a_high; i++)
    {
      Token      *token = &g_array_index (diff->a, Token, i);
      Occurrence *occurrence = g_hash_table_lookup (seen, &token->hash);

      if (occurrence->count_a == 1 && occurrence->count_b == 1 &&
          same_token (diff, i, occurrence->index_b))
        {
          Match pair = { i, occurrence->index_b };

          g_array_append_val (pairs, pair);
        }
    }

  chain = longest_increasing ((const Match *) pairs->data, pairs->len);
  if (chain->len == 0)
    {
      if ((guint64) (range.a_high - range.a_low) * (range.b_high - range.b_low) <= MAX_LCS_CELLS)
        lcs (diff, &range);
      return;
    }

  for (guint k = 0; k <= chain->len; k++)
    {
      const Match *anchor =
          k < chain->len ? &g_array_index (pairs, Match, g_array_index (chain, guint, k)) : NULL;
      Range between = range;

      if (k > 0)
        {
          const Match *before = &g_array_index (pairs, Match, g_array_index (chain, guint, k - 1));

          between.a_low = before->a + 1;
          between.b_low = before->b + 1;
        }
      if (anchor)
        {
          between.a_high = anchor->a;
          between.b_high = anchor->b;
          add_match (diff, anchor->a, anchor->b);
        }
      if (between.a_low < between.a_high && between.b_low < between.b_high)
        g_array_append_val (queue, between);
    }
}

static int
compare_matches (gconstpointer x, gconstpointer y)
{
  const Match *a = x, *b = y;

  return a->a < b->a ? -1 : a->a > b->a;
}

GArray *
_crb_reanchor_diff (const gunichar *a, gsize n_a, const gunichar *b, gsize n_b)
{
  Diff diff = { a, b, tokenize (a, n_a), tokenize (b, n_b),
                g_array_new (FALSE, FALSE, sizeof (Match)) };
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (Range));
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (CrbReanchorRun));
  Range   whole = { 0, diff.a->len, 0, diff.b->len };

  g_array_append_val (queue, whole);
  while (queue->len > 0)
    {
      Range range = g_array_index (queue, Range, queue->len - 1);

      g_array_set_size (queue, queue->len - 1);
      diff_range (&diff, range, queue);
    }

  g_array_sort (diff.matches, compare_matches);
  for (guint i = 0; i < diff.matches->len; i++)
    {
      const Match    *match = &g_array_index (diff.matches, Match, i);
      const Token    *x = &g_array_index (diff.a, Token, match->a);
      const Token    *y = &g_array_index (diff.b, Token, match->b);
      CrbReanchorRun *last =
          runs->len ? &g_array_index (runs, CrbReanchorRun, runs->len - 1) : NULL;

      if (last && last->a_start + last->length == x->start &&
          last->b_start + last->length == y->start)
        last->length += x->end - x->start;
      else
        {
          CrbReanchorRun run = { x->start, y->start, x->end - x->start };

          g_array_append_val (runs, run);
        }
    }

  g_array_unref (diff.a);
  g_array_unref (diff.b);
  g_array_unref (diff.matches);
  return runs;
}
