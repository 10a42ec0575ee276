/* crb-comparison.c: aligned passages, word differences, coverage and the
 * substitution table of two documents
 *
 * The passages come from the reuse engine (winnowing seeds, then local
 * alignment on words); this file turns them into what the comparison view
 * and the reuse map show.  The engine's substitution table keeps only
 * replacements that recur, because one-off edits would flood it; a copy
 * that silently changes one name or one figure is exactly what an analyst
 * must see, so single replacements are added back when a name (a
 * capitalised word inside a sentence) or a number is involved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-comparison.h"
#include "crb-document.h"
#include "crb-record.h"
#include "crb-substitutions.h"

/* The engine's threshold for a consistent replacement. */
#define CONSISTENT_COUNT 2

static void
passage_free (CrbComparisonPassage *passage)
{
  g_clear_pointer (&passage->runs, g_array_unref);
  g_free (passage);
}

void
crb_comparison_free (CrbComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->document_a);
  g_free (comparison->document_b);
  g_clear_pointer (&comparison->passages, g_ptr_array_unref);
  g_clear_pointer (&comparison->substitutions, g_ptr_array_unref);
  g_free (comparison);
}

const char *
crb_comparison_kind_to_string (CrbAlignKind kind)
{
  switch (kind)
    {
    case CRB_ALIGN_EQUAL:
      return "equal";
    case CRB_ALIGN_REPLACE:
      return "replace";
    case CRB_ALIGN_DELETE:
      return "delete";
    case CRB_ALIGN_INSERT:
      return "insert";
    default:
      g_return_val_if_reached ("equal");
    }
}

/* The first token that starts at or after code point `offset`. */
static guint
token_at (GArray *tokens, guint32 offset)
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

/* A name or a figure: a number, or a capitalised word that does not open
 * a sentence. */
static gboolean
names_or_counts (const CrbToken *tokens, guint n_tokens)
{
  for (guint i = 0; i < n_tokens; i++)
    if ((tokens[i].flags & CRB_TOKEN_NUMERIC) ||
        ((tokens[i].flags & (CRB_TOKEN_CAPITALISED | CRB_TOKEN_ALL_CAPS)) &&
         !(tokens[i].flags & CRB_TOKEN_SENTENCE_START)))
      return TRUE;
  return FALSE;
}

/* "a\nb" of every short replacement that involves a name or a figure. */
static GHashTable *
name_and_figure_changes (const char *text_a, GArray *a, const char *text_b, GArray *b, GArray *runs)
{
  GHashTable *changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      const CrbAlignRun *run = &g_array_index (runs, CrbAlignRun, i);
      const CrbToken    *a_tokens = (const CrbToken *) a->data + run->a_start;
      const CrbToken    *b_tokens = (const CrbToken *) b->data + run->b_start;
      g_autofree char   *a_words = NULL;
      g_autofree char   *b_words = NULL;

      if (run->kind != CRB_ALIGN_REPLACE || run->a_length > CRB_SUBSTITUTION_MAX_WORDS ||
          run->b_length > CRB_SUBSTITUTION_MAX_WORDS ||
          !(names_or_counts (a_tokens, run->a_length) || names_or_counts (b_tokens, run->b_length)))
        continue;
      a_words = crb_tokens_dup_normal (text_a, a_tokens, run->a_length);
      b_words = crb_tokens_dup_normal (text_b, b_tokens, run->b_length);
      g_hash_table_add (changes, g_strconcat (a_words, "\n", b_words, NULL));
    }
  return changes;
}

static int
compare_substitutions (gconstpointer x, gconstpointer y)
{
  const CrbSubstitution *a = *(CrbSubstitution *const *) x;
  const CrbSubstitution *b = *(CrbSubstitution *const *) y;
  int                    order;

  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  if ((order = g_strcmp0 (a->a, b->a)) != 0)
    return order;
  return g_strcmp0 (a->b, b->b);
}

static GPtrArray *
substitution_table (const char *text_a, GArray *a, const char *text_b, GArray *b, GArray *runs)
{
  const CrbAlignRun *run_data = (const CrbAlignRun *) runs->data;
  g_autoptr (GPtrArray) consistent = crb_substitutions_collect (
      text_a, (const CrbToken *) a->data, a->len, text_b, (const CrbToken *) b->data, b->len,
      run_data, runs->len, CONSISTENT_COUNT);
  g_autoptr (GPtrArray) every =
      crb_substitutions_collect (text_a, (const CrbToken *) a->data, a->len, text_b,
                                 (const CrbToken *) b->data, b->len, run_data, runs->len, 1);
  g_autoptr (GHashTable) changes = name_and_figure_changes (text_a, a, text_b, b, runs);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_substitution_free);

  for (guint i = 0; i < consistent->len; i++)
    {
      CrbSubstitution *substitution = g_ptr_array_index (consistent, i);

      g_hash_table_add (seen, g_strconcat (substitution->a, "\n", substitution->b, NULL));
      g_ptr_array_add (table, g_steal_pointer (&consistent->pdata[i]));
    }
  for (guint i = 0; i < every->len; i++)
    {
      CrbSubstitution *substitution = g_ptr_array_index (every, i);
      g_autofree char *key = g_strconcat (substitution->a, "\n", substitution->b, NULL);

      if (g_hash_table_contains (changes, key) && !g_hash_table_contains (seen, key))
        {
          g_hash_table_add (seen, g_steal_pointer (&key));
          g_ptr_array_add (table, g_steal_pointer (&every->pdata[i]));
        }
    }
  g_ptr_array_sort (table, compare_substitutions);
  return table;
}

/* Share of `tokens` inside the token ranges [first, end) of the passages. */
static double
coverage (GArray *tokens, const guint *firsts, const guint *ends, guint n)
{
  g_autofree gboolean *covered = NULL;
  guint                count = 0;

  if (tokens->len == 0)
    return 0.0;
  covered = g_new0 (gboolean, tokens->len);
  for (guint p = 0; p < n; p++)
    for (guint t = firsts[p]; t < ends[p]; t++)
      covered[t] = TRUE;
  for (guint t = 0; t < tokens->len; t++)
    count += covered[t];
  return (double) count / tokens->len;
}

CrbComparison *
crb_comparison_new_from_passages (const char *text_a, const char *text_b,
                                  const CrbReusePassage *passages, guint n_passages)
{
  g_autoptr (GArray) a = NULL;
  g_autoptr (GArray) b = NULL;
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (CrbAlignRun));
  g_autofree guint *a_firsts = g_new0 (guint, n_passages + 1);
  g_autofree guint *a_ends = g_new0 (guint, n_passages + 1);
  g_autofree guint *b_firsts = g_new0 (guint, n_passages + 1);
  g_autofree guint *b_ends = g_new0 (guint, n_passages + 1);
  CrbComparison    *comparison;

  g_return_val_if_fail (text_a != NULL && text_b != NULL, NULL);
  g_return_val_if_fail (passages != NULL || n_passages == 0, NULL);

  a = crb_tokenize (text_a, -1, NULL, CRB_TOKENIZE_DEFAULT);
  b = crb_tokenize (text_b, -1, NULL, CRB_TOKENIZE_DEFAULT);
  comparison = g_new0 (CrbComparison, 1);
  comparison->passages = g_ptr_array_new_with_free_func ((GDestroyNotify) passage_free);
  for (guint p = 0; p < n_passages; p++)
    {
      const CrbReusePassage *found = &passages[p];
      CrbComparisonPassage  *passage = g_new0 (CrbComparisonPassage, 1);
      guint                  n_columns = 0;

      a_firsts[p] = token_at (a, found->a_start);
      a_ends[p] = token_at (a, found->a_end);
      b_firsts[p] = token_at (b, found->b_start);
      b_ends[p] = token_at (b, found->b_end);
      if (a_ends[p] > a_firsts[p] && b_ends[p] > b_firsts[p])
        {
          guint first_run = runs->len;

          crb_align_tokens ((const CrbToken *) a->data + a_firsts[p], a_ends[p] - a_firsts[p],
                            a_firsts[p], (const CrbToken *) b->data + b_firsts[p],
                            b_ends[p] - b_firsts[p], b_firsts[p], runs);
          crb_align_runs_count ((const CrbAlignRun *) runs->data + first_run, runs->len - first_run,
                                &passage->n_equal, &n_columns);
        }
      passage->a_start = found->a_start;
      passage->a_end = found->a_end;
      passage->b_start = found->b_start;
      passage->b_end = found->b_end;
      passage->identity = n_columns > 0 ? (double) passage->n_equal / n_columns : 0.0;
      passage->runs = crb_word_diff (text_a, found->a_start, found->a_end, text_b, found->b_start,
                                     found->b_end);
      g_ptr_array_add (comparison->passages, passage);
    }
  comparison->substitutions = substitution_table (text_a, a, text_b, b, runs);
  comparison->n_words_a = a->len;
  comparison->n_words_b = b->len;
  comparison->coverage_a = coverage (a, a_firsts, a_ends, n_passages);
  comparison->coverage_b = coverage (b, b_firsts, b_ends, n_passages);
  return comparison;
}

CrbComparison *
crb_comparison_new (const char *text_a, const char *text_b)
{
  g_autoptr (CrbReuseRelation) relation = NULL;

  g_return_val_if_fail (text_a != NULL && text_b != NULL, NULL);

  relation = crb_reuse_relation_compare (NULL, 0, text_a, 1, text_b);
  if (relation == NULL)
    return crb_comparison_new_from_passages (text_a, text_b, NULL, 0);
  return crb_comparison_new_from_passages (
      text_a, text_b, (const CrbReusePassage *) relation->passages->data, relation->passages->len);
}

CrbComparison *
crb_project_compare_documents (CrbProject *project, const char *document_a, const char *document_b,
                               GError **error)
{
  g_autoptr (CrbDocument) a = NULL;
  g_autoptr (CrbDocument) b = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  CrbComparison   *comparison;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (!(a = crb_project_find_document (project, document_a, error)) ||
      !(b = crb_project_find_document (project, document_b, error)) ||
      !(text_a =
            crb_project_dup_document_text (project, crb_record_get_uuid (CRB_RECORD (a)), error)) ||
      !(text_b =
            crb_project_dup_document_text (project, crb_record_get_uuid (CRB_RECORD (b)), error)))
    return NULL;
  comparison = crb_comparison_new (text_a, text_b);
  comparison->document_a = g_strdup (crb_record_get_uuid (CRB_RECORD (a)));
  comparison->document_b = g_strdup (crb_record_get_uuid (CRB_RECORD (b)));
  return comparison;
}
