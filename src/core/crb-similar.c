/* crb-similar.c: finding a claim in other sources
 *
 * Copies are easy: the claim's words come back in order and word
 * alignment says how closely.  Paraphrases share few words, so each
 * sentence (and pair of sentences) of every other document is scored by
 * the words it shares with the claim, each weighted by its inverse
 * document frequency in the project so that "dam" and "Brezhki" count and
 * "the" does not; words are compared by a short stem (five letters), and
 * a few words that reports of casualties and disasters use
 * interchangeably ("dead", "died", "killed") count as one.  Figures are
 * compared as quantities (crb-quantity): "At least 14 people died" and
 * "14 dead" agree even though they share only the digits.  Recall of the
 * claim's words matters more than the length of the passage (an F-score
 * with β = 2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-similar"

#include <math.h>
#include <string.h>

#include "crb-align.h"
#include "crb-claim.h"
#include "crb-document.h"
#include "crb-fold.h"
#include "crb-quantity.h"
#include "crb-record.h"
#include "crb-similar-private.h"
#include "crb-similar.h"
#include "crb-word-diff.h"

#define STEM_CHARS 5
#define MIN_SCORE 0.30
#define PER_DOCUMENT 2

/* Words that carry no content of their own, in the two languages the
 * corpus mostly has; in a small project every word is rare, so the
 * inverse document frequency alone would not silence them. */
static const char *const function_words[] = {
  "a",     "about",  "after", "also",  "an",    "and",   "are",  "around", "as",  "at",   "be",
  "been",  "before", "but",   "by",    "can",   "could", "did",  "do",     "for", "from", "had",
  "has",   "have",   "he",    "her",   "his",   "in",    "into", "is",     "it",  "its",  "least",
  "more",  "no",     "not",   "of",    "on",    "or",    "over", "said",   "she", "some", "than",
  "that",  "the",    "their", "there", "they",  "this",  "to",   "up",     "was", "were", "when",
  "which", "who",    "will",  "with",  "would", "в",     "и",    "на",     "не",  "по",   "с",
  "что",   "это",    "как",   "из",    "за",    "к",     "о",    "от",     "у",
};

/* Words reports use for the same fact (first word names the class). */
static const char *const equivalents[][8] = {
  { "dead", "died", "die", "dies", "killed", "death", "deaths", "perished" },
  { "injured", "wounded", "hurt", "injuries", NULL },
  { "evacuated", "evacuation", "evacuees", "evacuate", NULL },
  { "burst", "breach", "breached", "collapse", "collapsed", "failed", "failure", "broke" },
  { "missing", "unaccounted", NULL },
};

static GHashTable *
word_classes (void)
{
  static GHashTable *classes;

  if (g_once_init_enter (&classes))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (function_words); i++)
        g_hash_table_insert (table, (gpointer) function_words[i], (gpointer) "");
      for (guint i = 0; i < G_N_ELEMENTS (equivalents); i++)
        for (guint j = 0; j < G_N_ELEMENTS (equivalents[i]) && equivalents[i][j]; j++)
          g_hash_table_insert (table, (gpointer) equivalents[i][j], (gpointer) equivalents[i][0]);
      g_once_init_leave (&classes, table);
    }
  return classes;
}

guint64
_crb_similar_word_key (const char *text, const CrbToken *token)
{
  g_autofree char *normal = crb_token_dup_normal (text, token);
  const char      *class_name = g_hash_table_lookup (word_classes (), normal);
  const char      *end;

  if (class_name != NULL)
    return *class_name ? crb_fold_hash (class_name, strlen (class_name)) | 1 : 0;
  /* "2,300" and "2300" (and the Russian "2 300") are one figure. */
  if (token->flags & CRB_TOKEN_NUMERIC)
    {
      g_autoptr (GString) digits = g_string_new (NULL);

      for (const char *p = normal; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      return crb_fold_hash (digits->str, digits->len) | 1;
    }
  end = g_utf8_offset_to_pointer (normal, MIN (STEM_CHARS, g_utf8_strlen (normal, -1)));
  return crb_fold_hash (normal, end - normal) | 1;
}

void
crb_similar_match_free (CrbSimilarMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->document_uuid);
  g_free (match->title);
  g_free (match->exact);
  g_clear_pointer (&match->runs, g_array_unref);
  g_clear_pointer (&match->shared_numbers, g_ptr_array_unref);
  g_clear_pointer (&match->shared_names, g_ptr_array_unref);
  g_clear_pointer (&match->shared_words, g_ptr_array_unref);
  g_free (match);
}

const char *
crb_similar_kind_to_string (CrbSimilarKind kind)
{
  switch (kind)
    {
    case CRB_SIMILAR_VERBATIM:
      return "verbatim";
    case CRB_SIMILAR_EDITED:
      return "edited";
    case CRB_SIMILAR_PARAPHRASE:
      return "paraphrase";
    default:
      g_return_val_if_reached ("paraphrase");
    }
}

/* One document's words, keyed. */
typedef struct
{
  char    *uuid;
  char    *title;
  char    *text;
  GArray  *tokens;
  guint64 *keys;
} Source;

static void
source_free (Source *source)
{
  g_free (source->uuid);
  g_free (source->title);
  g_free (source->text);
  g_clear_pointer (&source->tokens, g_array_unref);
  g_free (source->keys);
  g_free (source);
}

static Source *
source_new (const char *uuid, const char *title, char *text)
{
  Source *source = g_new0 (Source, 1);

  source->uuid = g_strdup (uuid);
  source->title = g_strdup (title);
  source->text = text;
  source->tokens = crb_tokenize (text, -1, NULL, CRB_TOKENIZE_DEFAULT);
  source->keys = g_new (guint64, source->tokens->len + 1);
  for (guint i = 0; i < source->tokens->len; i++)
    source->keys[i] = _crb_similar_word_key (text, &g_array_index (source->tokens, CrbToken, i));
  return source;
}

/* Inverse document frequency of every key of the project. */
static GHashTable *
document_frequencies (GPtrArray *sources)
{
  GHashTable *frequencies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint s = 0; s < sources->len; s++)
    {
      Source *source = g_ptr_array_index (sources, s);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < source->tokens->len; i++)
        {
          gpointer count;

          if (source->keys[i] == 0 || !g_hash_table_add (seen, &source->keys[i]))
            continue;
          count = g_hash_table_lookup (frequencies, &source->keys[i]);
          if (count == NULL)
            g_hash_table_insert (frequencies, g_memdup2 (&source->keys[i], sizeof (guint64)),
                                 GUINT_TO_POINTER (1));
          else
            g_hash_table_insert (frequencies, g_memdup2 (&source->keys[i], sizeof (guint64)),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }
  return frequencies;
}

static double
weight_of (GHashTable *frequencies, guint n_documents, guint64 key)
{
  guint df = GPOINTER_TO_UINT (g_hash_table_lookup (frequencies, &key));

  if (key == 0)
    return 0.0;
  return log ((n_documents + 1.0) / (df + 0.5));
}

GPtrArray *
crb_project_find_similar (CrbProject *project, const char *claim_id, guint max_results,
                          GError **error)
{
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  g_autoptr (GHashTable) frequencies = NULL;
  g_autoptr (CrbSimilarClaim) query = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (max_results == 0)
    max_results = 20;
  if (!(claim = crb_project_find_claim (project, claim_id, error)) ||
      !(documents = crb_project_list_documents (project, error)))
    return NULL;
  for (guint i = 0; i < documents->len; i++)
    {
      CrbDocument *document = g_ptr_array_index (documents, i);
      const char  *uuid = crb_record_get_uuid (CRB_RECORD (document));
      char        *text = crb_project_dup_document_text (project, uuid, error);

      if (text == NULL)
        return NULL;
      g_ptr_array_add (sources, source_new (uuid, crb_document_get_title (document), text));
    }
  frequencies = document_frequencies (sources);

  query = _crb_similar_claim_new (crb_claim_get_exact (claim));
  for (guint i = 0; i < query->tokens->len; i++)
    query->weights[i] = weight_of (frequencies, sources->len, query->keys[i]);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_similar_match_free);
  for (guint s = 0; s < sources->len; s++)
    {
      Source            *source = g_ptr_array_index (sources, s);
      g_autofree double *weights = NULL;

      if (g_str_equal (source->uuid, crb_claim_get_document_uuid (claim)))
        continue;
      weights = g_new (double, source->tokens->len + 1);
      for (guint i = 0; i < source->tokens->len; i++)
        weights[i] = weight_of (frequencies, sources->len, source->keys[i]);
      _crb_similar_search_document (query, source->uuid, source->title, source->text,
                                    source->tokens, source->keys, weights, MIN_SCORE, PER_DOCUMENT,
                                    matches);
    }
  _crb_similar_sort (matches);
  if (matches->len > max_results)
    g_ptr_array_set_size (matches, max_results);
  return matches;
}
