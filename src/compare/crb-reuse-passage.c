/* crb-reuse-passage.c: aligned passages shared by two documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seeds are exact shared shingles.  Copies are rarely exact, so seeds are
 * chained along nearby diagonals (an insertion shifts the diagonal, a
 * substitution leaves a gap), each chain is widened to where the copy really
 * starts and ends, and the word alignment decides what the passage is.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-reuse-passage.h"

#include <stdlib.h>

void
crb_reuse_options_init (CrbReuseOptions *options)
{
  g_return_if_fail (options != NULL);

  options->shingle = 5;
  options->window = 4;
  options->max_df = 50;
  options->min_seeds = 2;
  options->max_gap = 40;
  options->max_edit = 10;
  options->min_matches = 10;
  options->min_identity = 0.5;
  options->n_threads = 2;
}

typedef struct
{
  guint32 first_a;
  guint32 first_b;
  guint32 last_a;
  guint32 last_b;
  guint   n_seeds;
} Chain;

static int
compare_seeds (gconstpointer a,
               gconstpointer b)
{
  const CrbSeed *x = a, *y = b;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  if (x->b != y->b)
    return x->b < y->b ? -1 : 1;
  return 0;
}

static gboolean
seed_is_exact (const CrbToken *a,
               guint           n_a,
               const CrbToken *b,
               guint           n_b,
               const CrbSeed  *seed,
               guint           shingle)
{
  if (seed->a + shingle > n_a || seed->b + shingle > n_b)
    return FALSE;
  for (guint i = 0; i < shingle; i++)
    if (a[seed->a + i].hash != b[seed->b + i].hash)
      return FALSE;
  return TRUE;
}

/* Greedy chaining: each seed joins the chain it continues most closely. */
static GArray *
chain_seeds (const CrbReuseOptions *options,
             const CrbToken        *a,
             guint                  n_a,
             const CrbToken        *b,
             guint                  n_b,
             const CrbSeed         *seeds,
             guint                  n_seeds)
{
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (Chain));
  GArray *done = g_array_new (FALSE, FALSE, sizeof (Chain));
  gint64 reach = options->shingle + options->max_gap;

  for (guint s = 0; s < n_seeds; s++)
    {
      const CrbSeed *seed = &seeds[s];
      gint best = -1;
      gint64 best_cost = G_MAXINT64;

      if (!seed_is_exact (a, n_a, b, n_b, seed, options->shingle))
        continue;

      for (guint c = 0; c < active->len;)
        {
          Chain *chain = &g_array_index (active, Chain, c);
          gint64 da = (gint64) seed->a - chain->last_a;
          gint64 db = (gint64) seed->b - chain->last_b;
          gint64 drift = ABS (da - db);

          if (da > reach)
            {
              /* Seeds come in order of A: this chain can no longer grow. */
              g_array_append_val (done, *chain);
              g_array_remove_index_fast (active, c);
              continue;
            }
          if (da >= 1 && db >= 1 && db <= reach && drift <= options->max_gap
              && da + db + 2 * drift < best_cost)
            {
              best = c;
              best_cost = da + db + 2 * drift;
            }
          c++;
        }

      if (best >= 0)
        {
          Chain *chain = &g_array_index (active, Chain, best);

          chain->last_a = seed->a;
          chain->last_b = seed->b;
          chain->n_seeds++;
        }
      else
        {
          Chain chain = { seed->a, seed->b, seed->a, seed->b, 1 };

          g_array_append_val (active, chain);
        }
    }
  g_array_append_vals (done, active->data, active->len);
  return done;
}

/* Moves the start back (direction -1) or the end forward (+1) over words
 * that still mostly match, allowing small insertions and deletions (a name
 * of one word replaced by a name of three must not stop it): the best
 * alignment anchored at (@a_from, @b_from) within EXTEND_WINDOW words,
 * matches +2 and every other column -1, worth at least EXTEND_MIN_SCORE
 * and ending on two consecutive matches (single matches of common words are
 * chance).  An exact continuation is always taken.  Sets how many words to
 * take on each side. */
#define EXTEND_WINDOW    24
#define EXTEND_MIN_SCORE 3

static void
extend (const CrbToken *a,
        guint           n_a,
        gint64          a_from,
        const CrbToken *b,
        guint           n_b,
        gint64          b_from,
        int             direction,
        guint          *a_taken,
        guint          *b_taken)
{
  gint64 a_room = direction < 0 ? a_from + 1 : (gint64) n_a - a_from;
  gint64 b_room = direction < 0 ? b_from + 1 : (gint64) n_b - b_from;
  guint la = (guint) CLAMP (a_room, 0, EXTEND_WINDOW);
  guint lb = (guint) CLAMP (b_room, 0, EXTEND_WINDOW);
  int score[EXTEND_WINDOW + 1][EXTEND_WINDOW + 1];
  int best = EXTEND_MIN_SCORE - 1;
  guint exact = 0;

#define TOKEN_A(k) (&a[a_from + direction * (gint64) ((k) - 1)])
#define TOKEN_B(k) (&b[b_from + direction * (gint64) ((k) - 1)])
#define MATCH(i, j) ((i) > 0 && (j) > 0 && TOKEN_A (i)->hash == TOKEN_B (j)->hash)

  while (exact < MIN (la, lb) && MATCH (exact + 1, exact + 1))
    exact++;
  *a_taken = *b_taken = exact;
  for (guint i = 0; i <= la; i++)
    for (guint j = 0; j <= lb; j++)
      {
        int value;

        if (i == 0 || j == 0)
          value = -(int) (i + j);
        else
          {
            value = score[i - 1][j - 1] + (MATCH (i, j) ? 2 : -1);
            value = MAX (value, score[i - 1][j] - 1);
            value = MAX (value, score[i][j - 1] - 1);
          }
        score[i][j] = value;
        if (value > best && i > exact && MATCH (i, j) && MATCH (i - 1, j - 1))
          {
            best = value;
            *a_taken = i;
            *b_taken = j;
          }
      }
#undef TOKEN_A
#undef TOKEN_B
#undef MATCH
}

static void
keep_passage (const CrbReuseOptions *options,
              const CrbToken        *a,
              const CrbToken        *b,
              const CrbAlignRun     *runs,
              guint                  n_runs,
              GArray                *passages,
              GArray                *kept_runs)
{
  const CrbAlignRun *first, *last;
  CrbReusePassage passage = { 0 };
  guint n_equal, n_columns;

  /* A passage starts and ends on equal words. */
  while (n_runs > 0 && runs[0].kind != CRB_ALIGN_EQUAL)
    runs++, n_runs--;
  while (n_runs > 0 && runs[n_runs - 1].kind != CRB_ALIGN_EQUAL)
    n_runs--;
  if (n_runs == 0)
    return;

  crb_align_runs_count (runs, n_runs, &n_equal, &n_columns);
  if (n_equal < options->min_matches || n_equal < options->min_identity * n_columns)
    return;

  first = &runs[0];
  last = &runs[n_runs - 1];
  passage.a_first_token = first->a_start;
  passage.a_n_tokens = last->a_start + last->a_length - first->a_start;
  passage.b_first_token = first->b_start;
  passage.b_n_tokens = last->b_start + last->b_length - first->b_start;
  passage.a_start = a[passage.a_first_token].start;
  passage.a_end = a[passage.a_first_token + passage.a_n_tokens - 1].end;
  passage.b_start = b[passage.b_first_token].start;
  passage.b_end = b[passage.b_first_token + passage.b_n_tokens - 1].end;
  passage.n_equal = n_equal;
  passage.identity = (double) n_equal / n_columns;
  g_array_append_val (passages, passage);
  if (kept_runs != NULL)
    g_array_append_vals (kept_runs, runs, n_runs);
}

static gboolean
contains (const CrbReusePassage *outer,
          const CrbReusePassage *inner)
{
  return outer->a_first_token <= inner->a_first_token
         && outer->a_first_token + outer->a_n_tokens >= inner->a_first_token + inner->a_n_tokens
         && outer->b_first_token <= inner->b_first_token
         && outer->b_first_token + outer->b_n_tokens >= inner->b_first_token + inner->b_n_tokens;
}

static int
compare_passage_indices (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  GArray *passages = user_data;
  const CrbReusePassage *x = &g_array_index (passages, CrbReusePassage, *(const guint *) a);
  const CrbReusePassage *y = &g_array_index (passages, CrbReusePassage, *(const guint *) b);

  if (x->a_first_token != y->a_first_token)
    return x->a_first_token < y->a_first_token ? -1 : 1;
  /* Longer first, so that containment is found looking backwards. */
  if (x->a_n_tokens != y->a_n_tokens)
    return x->a_n_tokens > y->a_n_tokens ? -1 : 1;
  return x->b_first_token < y->b_first_token ? -1 : x->b_first_token > y->b_first_token;
}

GArray *
crb_reuse_find_passages (const CrbReuseOptions *options,
                         const CrbToken        *a,
                         guint                  n_a,
                         const CrbToken        *b,
                         guint                  n_b,
                         CrbSeed               *seeds,
                         guint                  n_seeds,
                         GArray                *runs)
{
  g_autoptr(GArray) passages = g_array_new (FALSE, FALSE, sizeof (CrbReusePassage));
  g_autoptr(GArray) chains = NULL;
  g_autoptr(GArray) chain_runs = g_array_new (FALSE, FALSE, sizeof (CrbAlignRun));
  g_autoptr(GArray) passage_runs = runs != NULL ? g_array_new (FALSE, FALSE, sizeof (CrbAlignRun)) : NULL;
  g_autoptr(GArray) passage_run_ends = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (seeds != NULL || n_seeds == 0, NULL);

  qsort (seeds, n_seeds, sizeof (CrbSeed), compare_seeds);
  chains = chain_seeds (options, a, n_a, b, n_b, seeds, n_seeds);

  for (guint c = 0; c < chains->len; c++)
    {
      const Chain *chain = &g_array_index (chains, Chain, c);
      guint32 a0 = chain->first_a, b0 = chain->first_b;
      guint32 a1 = chain->last_a + options->shingle, b1 = chain->last_b + options->shingle;
      guint a_back, b_back, a_forward, b_forward, start;

      if (chain->n_seeds < options->min_seeds)
        continue;

      extend (a, n_a, (gint64) a0 - 1, b, n_b, (gint64) b0 - 1, -1, &a_back, &b_back);
      extend (a, n_a, a1, b, n_b, b1, +1, &a_forward, &b_forward);
      a0 -= a_back, b0 -= b_back;
      a1 += a_forward, b1 += b_forward;

      g_array_set_size (chain_runs, 0);
      crb_align_tokens (a + a0, a1 - a0, a0, b + b0, b1 - b0, b0, chain_runs);

      /* A long unmatched stretch (an insertion, or another column's text
       * spliced in by a PDF extractor) separates two passages: kept whole it
       * would drag the identity of good copies below the threshold. */
      start = 0;
      for (guint r = 0; r <= chain_runs->len; r++)
        {
          const CrbAlignRun *run = r < chain_runs->len ? &g_array_index (chain_runs, CrbAlignRun, r) : NULL;
          guint before = passages->len;

          if (run != NULL
              && (run->kind == CRB_ALIGN_EQUAL || MAX (run->a_length, run->b_length) <= options->max_edit))
            continue;
          keep_passage (options, a, b, &g_array_index (chain_runs, CrbAlignRun, start), r - start,
                        passages, passage_runs);
          if (passages->len > before)
            {
              guint n_runs = passage_runs != NULL ? passage_runs->len : 0;

              g_array_append_val (passage_run_ends, n_runs);
            }
          start = r + 1;
        }
    }

  /* Chains over repeated text can align the same stretch twice: keep the
   * longest, in order of A, with their runs. */
  {
    g_autofree guint *order = g_new (guint, passages->len + 1);
    g_autofree guint8 *drop = g_new0 (guint8, passages->len + 1);
    GArray *kept = g_array_new (FALSE, FALSE, sizeof (CrbReusePassage));

    for (guint i = 0; i < passages->len; i++)
      order[i] = i;
    g_qsort_with_data (order, passages->len, sizeof (guint), compare_passage_indices, passages);
    for (guint i = 0; i < passages->len; i++)
      for (guint j = 0; j < i && !drop[order[i]]; j++)
        if (!drop[order[j]] && contains (&g_array_index (passages, CrbReusePassage, order[j]),
                                         &g_array_index (passages, CrbReusePassage, order[i])))
          drop[order[i]] = TRUE;

    for (guint i = 0; i < passages->len; i++)
      {
        guint p = order[i];

        if (drop[p])
          continue;
        g_array_append_val (kept, g_array_index (passages, CrbReusePassage, p));
        if (runs != NULL)
          {
            guint from = p > 0 ? g_array_index (passage_run_ends, guint, p - 1) : 0;
            guint to = g_array_index (passage_run_ends, guint, p);

            g_array_append_vals (runs, &g_array_index (passage_runs, CrbAlignRun, from), to - from);
          }
      }
    return kept;
  }
}
