/* crb-similar-search.c: scoring the passages of one document against a
 * claim (see crb-similar.c for the measure)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-similar"

#include <math.h>

#include "crb-align.h"
#include "crb-quantity.h"
#include "crb-similar-private.h"
#include "crb-word-diff.h"

#define BETA2 4.0         /* recall of the claim's words counts four times */
#define NUMBER_SHARE 0.35 /* of the score, when the claim has figures */
#define EDITED_SHARE 0.6  /* of the claim's words aligned in order: an edited copy */
#define MAX_SHARED 5

CrbSimilarClaim *
_crb_similar_claim_new (const char *quote)
{
  CrbSimilarClaim *claim = g_new0 (CrbSimilarClaim, 1);

  claim->text = g_strdup (quote);
  claim->n_chars = g_utf8_strlen (quote, -1);
  claim->tokens = crb_tokenize (quote, -1, NULL, CRB_TOKENIZE_DEFAULT);
  claim->keys = g_new0 (guint64, claim->tokens->len + 1);
  claim->weights = g_new0 (double, claim->tokens->len + 1);
  for (guint i = 0; i < claim->tokens->len; i++)
    claim->keys[i] = _crb_similar_word_key (quote, &g_array_index (claim->tokens, CrbToken, i));
  claim->quantities = crb_quantity_find (quote, -1);
  return claim;
}

void
_crb_similar_claim_free (CrbSimilarClaim *claim)
{
  if (claim == NULL)
    return;
  g_free (claim->text);
  g_clear_pointer (&claim->tokens, g_array_unref);
  g_free (claim->keys);
  g_free (claim->weights);
  g_clear_pointer (&claim->quantities, g_array_unref);
  g_free (claim);
}

/* What one document offers the search. */
typedef struct
{
  CrbSimilarClaim *claim;
  GHashTable      *claim_keys;  /* key → its number + 1 */
  GArray          *key_weights; /* double, by number */
  GArray          *key_tokens;  /* guint: the claim's words with that key, by number */
  GArray          *key_seen;    /* guint: the window that last saw it, by number */
  guint            window;      /* the current window's number */
  guint            n_function;  /* the claim's words without a key */
  double           claim_total;
  const char      *text;
  GArray          *tokens;
  const guint64   *keys;
  const double    *weights;
  GArray          *quantities; /* CrbQuantity of the sentences read so far */
  GArray          *starts;     /* guint: first token of each sentence, then the end */
  GArray          *read;       /* gboolean: whether a sentence's figures were read */
} Search;

typedef struct
{
  guint  first; /* tokens [first, end) */
  guint  end;
  double score;
} Window;

/* 1 for equal values, falling with their ratio. */
static double
closeness (const CrbQuantity *a, const CrbQuantity *b)
{
  double x = fabs (a->value), y = fabs (b->value);

  if (x == y)
    return 1.0;
  return MIN (x, y) / MAX (x, y);
}

/* How well figure `q` of the claim is answered by the document's figures
 * between code points `start` and `end`; sets the best one. */
static double
figure_match (Search *search, const CrbQuantity *q, guint32 start, guint32 end,
              const CrbQuantity **best, CrbQuantityAgreement *agreement)
{
  double score = 0.0;

  *best = NULL;
  for (guint i = 0; i < search->quantities->len; i++)
    {
      const CrbQuantity   *other = &g_array_index (search->quantities, CrbQuantity, i);
      CrbQuantityAgreement how;
      double               value;

      if (other->start < start || other->end > end)
        continue;
      how = crb_quantity_compare (q, other);
      /* A different figure only says something when it counts the same
       * thing ("3,200 residents" against "2,300 residents"). */
      value = how == CRB_QUANTITY_AGREE ? 1.0
              /* "at least 14" allows 2,300 too: only near values say much. */
              : how == CRB_QUANTITY_COMPATIBLE ? 0.8 * closeness (q, other)
              : how == CRB_QUANTITY_DISAGREE && *q->unit && g_str_equal (q->unit, other->unit)
                  ? 0.3
                  : 0.0;
      if (value > score)
        {
          score = value;
          *best = other;
          *agreement = how;
        }
    }
  return score;
}

static double
figures_score (Search *search, guint32 start, guint32 end)
{
  double total = 0.0;

  for (guint i = 0; i < search->claim->quantities->len; i++)
    {
      const CrbQuantity   *best;
      CrbQuantityAgreement agreement;

      total += figure_match (search, &g_array_index (search->claim->quantities, CrbQuantity, i),
                             start, end, &best, &agreement);
    }
  return total / search->claim->quantities->len;
}

/* Words of the claim aligned in order with tokens [first, end); appends
 * the runs to `runs` when given. */
static guint
aligned_words (Search *search, guint first, guint end, GArray *runs, guint *n_columns)
{
  g_autoptr (GArray) scratch = g_array_new (FALSE, FALSE, sizeof (CrbAlignRun));
  GArray *out = runs ? runs : scratch;
  guint   n_equal = 0, columns = 0;

  crb_align_tokens ((const CrbToken *) search->claim->tokens->data, search->claim->tokens->len, 0,
                    (const CrbToken *) search->tokens->data + first, end - first, first, out);
  crb_align_runs_count ((const CrbAlignRun *) out->data, out->len, &n_equal, &columns);
  if (n_columns)
    *n_columns = columns;
  return n_equal;
}

static guint32
start_of (Search *search, guint token)
{
  return g_array_index (search->tokens, CrbToken, token).start;
}

static guint32
end_of (Search *search, guint token)
{
  return g_array_index (search->tokens, CrbToken, token - 1).end;
}

/* Reads the figures of the sentences between tokens `first` and `end`
 * once: reading them is the dearest step, and only sentences that share
 * words with the claim (and have digits) need it. */
static void
read_figures (Search *search, guint first, guint end)
{
  for (guint s = 0; s + 1 < search->starts->len; s++)
    {
      guint           from = g_array_index (search->starts, guint, s);
      guint           to = g_array_index (search->starts, guint, s + 1);
      gboolean        digits = FALSE;
      const CrbToken *head, *tail;
      g_autoptr (GArray) found = NULL;

      if (to <= first || from >= end || g_array_index (search->read, gboolean, s))
        continue;
      g_array_index (search->read, gboolean, s) = TRUE;
      for (guint t = from; t < to && !digits; t++)
        digits = (g_array_index (search->tokens, CrbToken, t).flags & CRB_TOKEN_NUMERIC) != 0;
      if (!digits)
        continue;
      head = &g_array_index (search->tokens, CrbToken, from);
      tail = &g_array_index (search->tokens, CrbToken, to - 1);
      found =
          crb_quantity_find (search->text + head->byte_start, tail->byte_end - head->byte_start);
      for (guint q = 0; q < found->len; q++)
        {
          CrbQuantity *quantity = &g_array_index (found, CrbQuantity, q);

          quantity->start += head->start;
          quantity->end += head->start;
          g_array_append_val (search->quantities, *quantity);
        }
    }
}

static double
score_window (Search *search, guint first, guint end)
{
  double shared = 0.0, total = 0.0, recall, precision, lexical, score;
  guint  n_shared = 0, n_found = search->n_function, n_claim = search->claim->tokens->len;

  search->window++;
  for (guint i = first; i < end; i++)
    {
      guint number;

      if (search->keys[i] == 0)
        continue;
      total += search->weights[i];
      number = GPOINTER_TO_UINT (g_hash_table_lookup (search->claim_keys, &search->keys[i]));
      if (number == 0 || g_array_index (search->key_seen, guint, number - 1) == search->window)
        continue;
      g_array_index (search->key_seen, guint, number - 1) = search->window;
      shared += g_array_index (search->key_weights, double, number - 1);
      n_found += g_array_index (search->key_tokens, guint, number - 1);
      n_shared++;
    }
  if (n_shared < MIN (2, g_hash_table_size (search->claim_keys)) || shared <= 0.0)
    return 0.0;
  recall = shared / search->claim_total;
  precision = total > 0.0 ? MIN (1.0, shared / total) : 0.0;
  lexical = (1 + BETA2) * precision * recall / (BETA2 * precision + recall);
  score = lexical;
  if (search->claim->quantities->len > 0)
    read_figures (search, first, end);
  if (search->claim->quantities->len > 0)
    score = (1 - NUMBER_SHARE) * lexical +
            NUMBER_SHARE * figures_score (search, start_of (search, first), end_of (search, end));
  /* Copies need no weighing: the share of the claim found in order.
   * Aligning costs most, so only when it could raise the score. */
  if (n_claim > 0 && (double) n_found / n_claim > score)
    score = MAX (score, (double) aligned_words (search, first, end, NULL, NULL) / n_claim);
  return MIN (score, 1.0);
}

static const char *const agreement_signs[] = { "=", "≈", "≠", "?" };

static void
add_unique (GPtrArray *array, char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), text))
      {
        g_free (text);
        return;
      }
  g_ptr_array_add (array, text);
}

static int
compare_weights_desc (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const double *weights = user_data;
  guint         x = *(const guint *) a, y = *(const guint *) b;

  return weights[x] > weights[y] ? -1 : weights[x] < weights[y] ? 1 : (int) x - (int) y;
}

/* The evidence both sides share: figures, names, rare words. */
static void
collect_evidence (Search *search, CrbSimilarMatch *match, guint first, guint end)
{
  CrbSimilarClaim *claim = search->claim;
  g_autoptr (GHashTable) span_keys = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) span_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) others = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < claim->quantities->len; i++)
    {
      const CrbQuantity   *q = &g_array_index (claim->quantities, CrbQuantity, i);
      const CrbQuantity   *best;
      CrbQuantityAgreement agreement = CRB_QUANTITY_INCOMPARABLE;

      double value = figure_match (search, q, match->start, match->end, &best, &agreement);

      /* Far-apart figures that merely fit together are no evidence. */
      if (value >= 0.5 || (value > 0.0 && agreement == CRB_QUANTITY_DISAGREE))
        {
          g_autofree char *mine = g_utf8_substring (claim->text, q->start, q->end);
          g_autofree char *theirs = g_utf8_substring (search->text, best->start, best->end);

          match->disagrees |= agreement == CRB_QUANTITY_DISAGREE;
          add_unique (match->shared_numbers,
                      g_strdup_printf ("%s %s %s", mine, agreement_signs[agreement], theirs));
        }
    }

  for (guint i = first; i < end; i++)
    {
      const CrbToken *token = &g_array_index (search->tokens, CrbToken, i);

      g_hash_table_add (span_keys, (gpointer) &search->keys[i]);
      if (token->flags & (CRB_TOKEN_CAPITALISED | CRB_TOKEN_ALL_CAPS))
        g_hash_table_add (span_names, (gpointer) &token->hash);
    }
  for (guint i = 0; i < claim->tokens->len; i++)
    {
      const CrbToken *token = &g_array_index (claim->tokens, CrbToken, i);

      if (claim->keys[i] == 0 || (token->flags & CRB_TOKEN_NUMERIC) ||
          !g_hash_table_contains (span_keys, &claim->keys[i]))
        continue;
      if ((token->flags & (CRB_TOKEN_CAPITALISED | CRB_TOKEN_ALL_CAPS)) &&
          g_hash_table_contains (span_names, &token->hash))
        add_unique (match->shared_names, crb_token_dup_normal (claim->text, token));
      else
        g_array_append_val (others, i);
    }
  g_array_sort_with_data (others, compare_weights_desc, claim->weights);
  for (guint i = 0; i < others->len && match->shared_words->len < MAX_SHARED; i++)
    add_unique (
        match->shared_words,
        crb_token_dup_normal (claim->text, &g_array_index (claim->tokens, CrbToken,
                                                           g_array_index (others, guint, i))));
}

static CrbSimilarMatch *
make_match (Search *search, const char *uuid, const char *title, const Window *window)
{
  CrbSimilarMatch *match = g_new0 (CrbSimilarMatch, 1);
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (CrbAlignRun));
  guint n_claim = search->claim->tokens->len;
  guint first = window->first, end = window->end, n_equal, n_columns = 0;

  /* A copy is cut down to the words aligned with the claim. */
  n_equal = aligned_words (search, first, end, runs, NULL);
  if (n_claim > 0 && n_equal >= EDITED_SHARE * n_claim)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < runs->len; i++)
        {
          const CrbAlignRun *run = &g_array_index (runs, CrbAlignRun, i);

          if (run->kind != CRB_ALIGN_EQUAL)
            continue;
          if (!found)
            first = run->b_start;
          end = run->b_start + run->b_length;
          found = TRUE;
        }
    }
  n_equal = aligned_words (search, first, end, NULL, &n_columns);

  match->document_uuid = g_strdup (uuid);
  match->title = g_strdup (title);
  match->start = start_of (search, first);
  match->end = end_of (search, end);
  match->exact = g_utf8_substring (search->text, match->start, match->end);
  match->score = window->score;
  match->n_claim_words = n_claim;
  match->n_aligned = n_equal;
  match->kind = n_equal == n_claim && n_columns == n_claim ? CRB_SIMILAR_VERBATIM
                : n_equal >= EDITED_SHARE * n_claim        ? CRB_SIMILAR_EDITED
                                                           : CRB_SIMILAR_PARAPHRASE;
  match->runs = crb_word_diff (search->claim->text, 0, search->claim->n_chars, search->text,
                               match->start, match->end);
  match->shared_numbers = g_ptr_array_new_with_free_func (g_free);
  match->shared_names = g_ptr_array_new_with_free_func (g_free);
  match->shared_words = g_ptr_array_new_with_free_func (g_free);
  collect_evidence (search, match, first, end);
  return match;
}

static int
compare_windows (gconstpointer a, gconstpointer b)
{
  const Window *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return (int) x->first - (int) y->first;
}

void
_crb_similar_search_document (CrbSimilarClaim *claim, const char *uuid, const char *title,
                              const char *text, GArray *tokens, const guint64 *keys,
                              const double *weights, double min_score, guint per_document,
                              GPtrArray *matches)
{
  g_autoptr (GHashTable) claim_keys = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) key_weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) key_tokens = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GArray) key_seen = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) windows = g_array_new (FALSE, FALSE, sizeof (Window));
  g_autoptr (GArray) quantities = NULL;
  g_autoptr (GArray) read = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr (GArray) taken = g_array_new (FALSE, FALSE, sizeof (Window));
  Search search = { claim, claim_keys, key_weights, key_tokens, key_seen, 0,   0,
                    0.0,   text,       tokens,      keys,       weights,  NULL };

  for (guint i = 0; i < claim->tokens->len; i++)
    {
      guint number;

      if (claim->keys[i] == 0 || claim->weights[i] <= 0.0)
        {
          search.n_function++;
          continue;
        }
      number = GPOINTER_TO_UINT (g_hash_table_lookup (claim_keys, &claim->keys[i]));
      if (number == 0)
        {
          g_array_append_val (key_weights, claim->weights[i]);
          g_array_set_size (key_tokens, key_weights->len);
          g_array_set_size (key_seen, key_weights->len);
          number = key_weights->len;
          g_hash_table_insert (claim_keys, &claim->keys[i], GUINT_TO_POINTER (number));
          search.claim_total += claim->weights[i];
        }
      g_array_index (key_tokens, guint, number - 1)++;
    }
  if (search.claim_total <= 0.0 || tokens->len == 0)
    return;
  search.quantities = quantities = g_array_new (FALSE, FALSE, sizeof (CrbQuantity));
  search.starts = starts;
  search.read = read;

  /* Sentences, and pairs of them: a claim may run over a full stop. */
  for (guint i = 0; i < tokens->len; i++)
    if (i == 0 || (g_array_index (tokens, CrbToken, i).flags & CRB_TOKEN_SENTENCE_START))
      g_array_append_val (starts, i);
  g_array_append_val (starts, tokens->len);
  g_array_set_size (read, starts->len);
  for (guint s = 0; s + 1 < starts->len; s++)
    for (guint span = 1; span <= 2 && s + span < starts->len; span++)
      {
        Window window = { g_array_index (starts, guint, s), g_array_index (starts, guint, s + span),
                          0.0 };

        window.score = score_window (&search, window.first, window.end);
        if (window.score >= min_score)
          g_array_append_val (windows, window);
      }

  g_array_sort (windows, compare_windows);
  for (guint w = 0; w < windows->len && taken->len < per_document; w++)
    {
      const Window *window = &g_array_index (windows, Window, w);
      gboolean      overlaps = FALSE;

      for (guint t = 0; t < taken->len && !overlaps; t++)
        {
          const Window *other = &g_array_index (taken, Window, t);

          overlaps = window->first < other->end && other->first < window->end;
        }
      if (overlaps)
        continue;
      g_array_append_val (taken, *window);
      g_ptr_array_add (matches, make_match (&search, uuid, title, window));
    }
}

static int
compare_matches (gconstpointer a, gconstpointer b)
{
  const CrbSimilarMatch *x = *(CrbSimilarMatch *const *) a;
  const CrbSimilarMatch *y = *(CrbSimilarMatch *const *) b;
  int                    order;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if ((order = g_strcmp0 (x->title, y->title)) != 0)
    return order;
  return (int) x->start - (int) y->start;
}

void
_crb_similar_sort (GPtrArray *matches)
{
  g_ptr_array_sort (matches, compare_matches);
}
