/* crb-reanchor-locate.c: where an old anchor lies in a new text
 *
 * In order of evidence (peers.md §3; Hypothesis does the last two):
 * 1. the anchor lies inside a stretch the diff found unchanged: it is
 *    carried over by position (anchored if the offsets did not change);
 * 2. its ends fall on either side of a small edit: the mapped span is
 *    taken if it still reads like the quote;
 * 3. the exact quote, each occurrence scored by how much of the old prefix
 *    and suffix surround it;
 * 4. an approximate quote (a few edits), found from exact pieces of the
 *    quote (if it is within k edits, one of k + 1 pieces is intact).
 * Two candidates that score the same are reported as ambiguous: we never
 * pick one by guesswork, nor by closeness to the old offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reanchor"

#include <string.h>

#include "crb-reanchor-private.h"

/* Quotes shorter than this must have some context to be found again. */
#define SHORT_QUOTE 16
/* Approximate search is pointless for shorter quotes. */
#define MIN_FUZZY_QUOTE 8
#define MAX_ERRORS 256
#define MAX_WINDOWS 20000
/* Unchanged context an anchor needs on each side to follow the diff. */
#define NEED_CONTEXT 8

typedef struct
{
  const gunichar *text;
  glong           length;
} Span;

typedef struct
{
  glong start;
  glong end;
  guint errors;
  guint context;
} Candidate;

CrbReanchorTexts *
_crb_reanchor_texts_new (const char *old_text, const char *new_text)
{
  CrbReanchorTexts *texts = g_new0 (CrbReanchorTexts, 1);

  texts->old_text = g_utf8_to_ucs4_fast (old_text, -1, &texts->old_length);
  texts->new_text = g_utf8_to_ucs4_fast (new_text, -1, &texts->new_length);
  texts->runs =
      _crb_reanchor_diff (texts->old_text, texts->old_length, texts->new_text, texts->new_length);
  return texts;
}

void
_crb_reanchor_texts_free (CrbReanchorTexts *texts)
{
  if (texts == NULL)
    return;
  g_free (texts->old_text);
  g_free (texts->new_text);
  g_clear_pointer (&texts->runs, g_array_unref);
  g_free (texts);
}

const char *
crb_anchor_status_to_string (CrbAnchorStatus status)
{
  static const char *names[] = { "anchored", "moved", "ambiguous", "orphaned" };

  g_return_val_if_fail (status <= CRB_ANCHOR_ORPHANED, "orphaned");
  return names[status];
}

/* The last run starting at or before `offset` in the old text, or -1. */
static int
run_before (GArray *runs, guint offset)
{
  int low = 0, high = (int) runs->len;

  while (low < high)
    {
      int middle = (low + high) / 2;

      if (g_array_index (runs, CrbReanchorRun, middle).a_start <= offset)
        low = middle + 1;
      else
        high = middle;
    }
  return low - 1;
}

static guint
levenshtein_banded (const gunichar *a, glong n, const gunichar *b, glong m, guint limit)
{
  g_autofree guint *row = NULL;
  g_autofree guint *next = NULL;

  if ((guint) ABS (n - m) > limit)
    return limit + 1;
  row = g_new (guint, m + 1);
  next = g_new (guint, m + 1);
  for (glong j = 0; j <= m; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= n; i++)
    {
      guint  best = G_MAXUINT;
      guint *swap;

      next[0] = (guint) i;
      for (glong j = 1; j <= m; j++)
        {
          guint cost = row[j - 1] + (a[i - 1] != b[j - 1]);

          cost = MIN (cost, row[j] + 1);
          cost = MIN (cost, next[j - 1] + 1);
          next[j] = cost;
          best = MIN (best, cost);
        }
      if (best > limit)
        return limit + 1;
      swap = row, row = next, next = swap;
    }
  return row[m];
}

/* How much of the old context surrounds [start, end) in the new text. */
static guint
context_score (CrbReanchorTexts *texts, glong start, glong end, const Span *prefix,
               const Span *suffix)
{
  guint score = 0;

  for (glong i = 1; i <= prefix->length && start - i >= 0; i++, score++)
    if (texts->new_text[start - i] != prefix->text[prefix->length - i])
      break;
  for (glong i = 0; i < suffix->length && end + i < texts->new_length; i++, score++)
    if (texts->new_text[end + i] != suffix->text[i])
      break;
  return score;
}

static guint
tolerance (glong length)
{
  return (guint) CLAMP (length / 5, 1, MAX_ERRORS);
}

/* For a span across an edit: the unchanged stretches on either side must
 * be long enough to say where the edit sits. */
#define MIN_SIDE_RUN 8

static gboolean
start_run_long_enough (GArray *runs, int index, guint start)
{
  const CrbReanchorRun *run;

  if (index < 0)
    return start == 0;
  run = &g_array_index (runs, CrbReanchorRun, index);
  return run->length >= MIN_SIDE_RUN || run->a_start == 0;
}

static gboolean
end_run_long_enough (GArray *runs, int index, guint end)
{
  const CrbReanchorRun *run;

  /* The run at or after the end: the one holding end - 1, or the next. */
  if (index >= 0)
    {
      run = &g_array_index (runs, CrbReanchorRun, index);
      if (end <= run->a_start + run->length)
        return run->length >= MIN_SIDE_RUN;
    }
  if ((guint) (index + 1) >= runs->len)
    return TRUE;
  return g_array_index (runs, CrbReanchorRun, index + 1).length >= MIN_SIDE_RUN;
}

/* Steps 1 and 2: through the diff.  A stretch is only evidence of where
 * the anchor went if some of the text around the anchor is in it too:
 * otherwise a short phrase that the LCS paired up in a rewritten passage
 * would be taken for the anchor (a guess, when the phrase repeats). */
static CrbAnchorStatus
map_through_diff (CrbReanchorTexts *texts, guint start, guint end, const Span *quote,
                  guint need_before, guint need_after, guint *new_start, guint *new_end)
{
  GArray               *runs = texts->runs;
  int                   first = run_before (runs, start);
  int                   last = run_before (runs, end - 1);
  const CrbReanchorRun *run;
  glong                 mapped_start, mapped_end;

  run = first >= 0 ? &g_array_index (runs, CrbReanchorRun, first) : NULL;
  if (run && end <= run->a_start + run->length)
    {
      if (start - run->a_start < need_before || run->a_start + run->length - end < need_after)
        return CRB_ANCHOR_ORPHANED;
      *new_start = run->b_start + (start - run->a_start);
      *new_end = *new_start + (end - start);
      return *new_start == start ? CRB_ANCHOR_ANCHORED : CRB_ANCHOR_MOVED;
    }

  /* An end in a changed stretch maps to that stretch's edge in the new
   * text, so that the span takes in what replaced it. */
  if (run && start < run->a_start + run->length)
    mapped_start = run->b_start + (start - run->a_start);
  else
    mapped_start = run ? run->b_start + run->length : 0;
  run = last >= 0 ? &g_array_index (runs, CrbReanchorRun, last) : NULL;
  if (run && end <= run->a_start + run->length)
    mapped_end = run->b_start + (end - run->a_start);
  else if ((guint) (last + 1) < runs->len)
    mapped_end = g_array_index (runs, CrbReanchorRun, last + 1).b_start;
  else
    mapped_end = texts->new_length;

  if (mapped_end > mapped_start && quote->length >= MIN_FUZZY_QUOTE &&
      start_run_long_enough (runs, first, start) && end_run_long_enough (runs, last, end) &&
      levenshtein_banded (quote->text, quote->length, texts->new_text + mapped_start,
                          mapped_end - mapped_start,
                          tolerance (quote->length)) <= tolerance (quote->length))
    {
      *new_start = (guint) mapped_start;
      *new_end = (guint) mapped_end;
      return CRB_ANCHOR_MOVED;
    }
  return CRB_ANCHOR_ORPHANED;
}

static gboolean
equal_at (const gunichar *text, glong at, const gunichar *piece, glong length)
{
  return memcmp (text + at, piece, length * sizeof (gunichar)) == 0;
}

/* Every place `piece` occurs in the new text. */
static GArray *
occurrences (CrbReanchorTexts *texts, const gunichar *piece, glong length)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (glong));

  for (glong at = 0; length > 0 && at + length <= texts->new_length; at++)
    if (texts->new_text[at] == piece[0] && equal_at (texts->new_text, at, piece, length))
      g_array_append_val (found, at);
  return found;
}

/* The best approximate match of `quote` ending in [from, to) of the new
 * text (edits allowed anywhere; the start is free). */
static gboolean
best_in_window (CrbReanchorTexts *texts, const Span *quote, glong from, glong to, guint limit,
                Candidate *best)
{
  glong             width = to - from;
  g_autofree guint *cost = g_new (guint, width + 1);
  g_autofree guint *next = g_new (guint, width + 1);
  g_autofree glong *origin = g_new (glong, width + 1);
  g_autofree glong *next_origin = g_new (glong, width + 1);

  for (glong j = 0; j <= width; j++)
    cost[j] = 0, origin[j] = from + j;
  for (glong i = 1; i <= quote->length; i++)
    {
      next[0] = (guint) i;
      next_origin[0] = from;
      for (glong j = 1; j <= width; j++)
        {
          guint diagonal = cost[j - 1] + (quote->text[i - 1] != texts->new_text[from + j - 1]);
          guint up = cost[j] + 1, left = next[j - 1] + 1;

          if (diagonal <= up && diagonal <= left)
            next[j] = diagonal, next_origin[j] = origin[j - 1];
          else if (up <= left)
            next[j] = up, next_origin[j] = origin[j];
          else
            next[j] = left, next_origin[j] = next_origin[j - 1];
        }
      memcpy (cost, next, (width + 1) * sizeof (guint));
      memcpy (origin, next_origin, (width + 1) * sizeof (glong));
    }

  best->errors = limit + 1;
  for (glong j = 1; j <= width; j++)
    if (cost[j] < best->errors && origin[j] < from + j)
      {
        best->errors = cost[j];
        best->start = origin[j];
        best->end = from + j;
      }
  return best->errors <= limit;
}

static int
compare_candidates (gconstpointer x, gconstpointer y)
{
  const Candidate *a = x, *b = y;

  if (a->errors != b->errors)
    return a->errors < b->errors ? -1 : 1;
  if (a->context != b->context)
    return a->context > b->context ? -1 : 1;
  return a->start < b->start ? -1 : a->start > b->start;
}

static GArray *
approximate_candidates (CrbReanchorTexts *texts, const Span *quote)
{
  guint limit = tolerance (quote->length);
  guint pieces = MAX (1, MIN (limit + 1, (guint) (quote->length / 4)));
  g_autoptr (GHashTable) tried = g_hash_table_new (g_direct_hash, g_direct_equal);
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint   windows = 0;

  for (guint p = 0; p < pieces && windows < MAX_WINDOWS; p++)
    {
      glong offset = quote->length * p / pieces;
      glong length = quote->length * (p + 1) / pieces - offset;
      g_autoptr (GArray) hits = occurrences (texts, quote->text + offset, length);

      for (guint h = 0; h < hits->len && windows < MAX_WINDOWS; h++)
        {
          glong origin = g_array_index (hits, glong, h) - offset;
          /* Origins may lie before the text (by less than the quote). */
          gpointer  key = GSIZE_TO_POINTER ((gsize) (origin + quote->length + 1));
          Candidate candidate;
          glong     from, to;

          if (!g_hash_table_add (tried, key))
            continue;
          windows++;
          from = MAX (0, origin - (glong) limit);
          to = MIN (texts->new_length, origin + quote->length + (glong) limit);
          if (best_in_window (texts, quote, from, to, limit, &candidate))
            g_array_append_val (found, candidate);
        }
    }
  return found;
}

/* The best candidate, or ambiguous when another one, not overlapping it,
 * scores the same. */
static CrbAnchorStatus
choose (GArray *candidates, guint *new_start, guint *new_end)
{
  g_autoptr (GArray) distinct = g_array_new (FALSE, FALSE, sizeof (Candidate));

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      gboolean         overlaps = FALSE;

      for (guint j = 0; j < distinct->len && !overlaps; j++)
        {
          const Candidate *kept = &g_array_index (distinct, Candidate, j);

          overlaps = candidate->start < kept->end && kept->start < candidate->end;
        }
      if (!overlaps)
        g_array_append_val (distinct, *candidate);
    }
  if (distinct->len == 0)
    return CRB_ANCHOR_ORPHANED;
  if (distinct->len > 1 &&
      g_array_index (distinct, Candidate, 0).errors ==
          g_array_index (distinct, Candidate, 1).errors &&
      g_array_index (distinct, Candidate, 0).context ==
          g_array_index (distinct, Candidate, 1).context)
    return CRB_ANCHOR_AMBIGUOUS;
  *new_start = (guint) g_array_index (distinct, Candidate, 0).start;
  *new_end = (guint) g_array_index (distinct, Candidate, 0).end;
  return CRB_ANCHOR_MOVED;
}

static void
score_all (CrbReanchorTexts *texts, GArray *candidates, const Span *prefix, const Span *suffix)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      candidate->context = context_score (texts, candidate->start, candidate->end, prefix, suffix);
    }
}

CrbAnchorStatus
_crb_reanchor_locate (CrbReanchorTexts *texts, guint start, guint end, const char *exact,
                      const char *prefix, const char *suffix, guint *new_start, guint *new_end)
{
  g_autofree gunichar *quote_text = NULL, *prefix_text = NULL, *suffix_text = NULL;
  g_autoptr (GArray) hits = NULL;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  Span            quote, before, after;
  CrbAnchorStatus status;

  quote_text = g_utf8_to_ucs4_fast (exact ? exact : "", -1, &quote.length);
  prefix_text = g_utf8_to_ucs4_fast (prefix ? prefix : "", -1, &before.length);
  suffix_text = g_utf8_to_ucs4_fast (suffix ? suffix : "", -1, &after.length);
  quote.text = quote_text;
  before.text = prefix_text;
  after.text = suffix_text;
  if (quote.length == 0)
    return CRB_ANCHOR_ORPHANED;

  /* Positions are evidence only if the quote really was there. */
  if (start < end && end <= (guint) texts->old_length && end - start == (guint) quote.length &&
      equal_at (texts->old_text, start, quote.text, quote.length))
    {
      status = map_through_diff (texts, start, end, &quote, MIN (NEED_CONTEXT, before.length),
                                 MIN (NEED_CONTEXT, after.length), new_start, new_end);
      if (status != CRB_ANCHOR_ORPHANED)
        {
          /* Same offsets but other words there is a move in place. */
          if (status == CRB_ANCHOR_ANCHORED &&
              (*new_end - *new_start != (guint) quote.length ||
               !equal_at (texts->new_text, *new_start, quote.text, quote.length)))
            status = CRB_ANCHOR_MOVED;
          return status;
        }
    }

  hits = occurrences (texts, quote.text, quote.length);
  for (guint i = 0; i < hits->len; i++)
    {
      Candidate candidate = { g_array_index (hits, glong, i), 0, 0, 0 };

      candidate.end = candidate.start + quote.length;
      g_array_append_val (candidates, candidate);
    }
  score_all (texts, candidates, &before, &after);
  if (quote.length < SHORT_QUOTE)
    for (guint i = candidates->len; i-- > 0;)
      if (g_array_index (candidates, Candidate, i).context == 0)
        g_array_remove_index (candidates, i);

  if (candidates->len == 0 && quote.length >= MIN_FUZZY_QUOTE)
    {
      g_array_unref (candidates);
      candidates = approximate_candidates (texts, &quote);
      score_all (texts, candidates, &before, &after);
    }

  status = choose (candidates, new_start, new_end);
  if (status == CRB_ANCHOR_MOVED && *new_start == start && *new_end == end &&
      equal_at (texts->new_text, start, quote.text, quote.length))
    status = CRB_ANCHOR_ANCHORED;
  return status;
}
