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
#include "crb-project-private.h"
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

/* What the search keeps about the project between queries, attached to
 * the project (computed data, never in the file): the distinct word keys
 * of each current revision, sorted, for document frequencies and to skip
 * documents that share nothing with a claim; and the key of every word
 * seen, since words repeat and normalising them is the costly part. */
typedef struct
{
  GMutex      lock;
  GHashTable *word_keys; /* token hash → key */
  GHashTable *documents; /* revision id → GArray of sorted distinct keys */
  GHashTable *frequency; /* key → documents that have it */
} Corpus;

static void
corpus_free (Corpus *corpus)
{
  g_mutex_clear (&corpus->lock);
  g_hash_table_unref (corpus->word_keys);
  g_hash_table_unref (corpus->documents);
  g_hash_table_unref (corpus->frequency);
  g_free (corpus);
}

static Corpus *
corpus_for (CrbProject *project)
{
  static GMutex creating;
  Corpus       *corpus;

  g_mutex_lock (&creating);
  corpus = g_object_get_data (G_OBJECT (project), "crb-similar-corpus");
  if (corpus == NULL)
    {
      corpus = g_new0 (Corpus, 1);
      g_mutex_init (&corpus->lock);
      corpus->word_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      corpus->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                 (GDestroyNotify) g_array_unref);
      corpus->frequency = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (project), "crb-similar-corpus", corpus,
                              (GDestroyNotify) corpus_free);
    }
  g_mutex_unlock (&creating);
  return corpus;
}

/* The keys of every token of `text` (call with the corpus locked). */
static guint64 *
corpus_keys (Corpus *corpus, const char *text, GArray *tokens)
{
  guint64 *keys = g_new (guint64, tokens->len + 1);

  for (guint i = 0; i < tokens->len; i++)
    {
      const CrbToken *token = &g_array_index (tokens, CrbToken, i);
      guint64        *key = g_hash_table_lookup (corpus->word_keys, &token->hash);

      if (key == NULL)
        {
          key = g_new (guint64, 1);
          *key = _crb_similar_word_key (text, token);
          g_hash_table_insert (corpus->word_keys, g_memdup2 (&token->hash, sizeof token->hash),
                               key);
        }
      keys[i] = *key;
    }
  return keys;
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

static void
count_keys (Corpus *corpus, GArray *keys, int delta)
{
  for (guint i = 0; i < keys->len; i++)
    {
      guint64 *key = &g_array_index (keys, guint64, i);
      guint    count = GPOINTER_TO_UINT (g_hash_table_lookup (corpus->frequency, key));

      if (count + delta == 0)
        g_hash_table_remove (corpus->frequency, key);
      else
        g_hash_table_insert (corpus->frequency, g_memdup2 (key, sizeof *key),
                             GUINT_TO_POINTER (count + delta));
    }
}

/* A current revision, as the search lists them. */
typedef struct
{
  gint64 revision_id;
  char  *uuid;
  char  *title;
} Current;

static void
current_clear (Current *current)
{
  g_free (current->uuid);
  g_free (current->title);
}

static GArray *
list_current (CrbProject *project, GError **error)
{
  g_autoptr (GArray) current = g_array_new (FALSE, FALSE, sizeof (Current));
  sqlite3_stmt *stmt;
  int           rc = SQLITE_DONE;

  g_array_set_clear_func (current, (GDestroyNotify) current_clear);
  _crb_project_lock (project);
  stmt = _crb_project_prepare (project,
                               "SELECT r.id, d.uuid, d.title FROM document d JOIN revision r "
                               "ON r.document_uuid = d.uuid AND r.current = 1 AND r.deleted = 0 "
                               "WHERE d.deleted = 0 ORDER BY d.title COLLATE NOCASE, d.id",
                               error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Current item = { sqlite3_column_int64 (stmt, 0), crb_column_dup (stmt, 1),
                           crb_column_dup (stmt, 2) };

          g_array_append_val (current, item);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        _crb_project_set_sqlite_error (project, error, rc, "reading the documents");
    }
  _crb_project_unlock (project);
  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&current);
}

static char *
revision_text (CrbProject *project, gint64 revision_id)
{
  sqlite3_stmt *stmt;
  char         *text = NULL;

  _crb_project_lock (project);
  if ((stmt = _crb_project_prepare (project, "SELECT text FROM revision WHERE id = ?1", NULL)))
    {
      sqlite3_bind_int64 (stmt, 1, revision_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        text = crb_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  _crb_project_unlock (project);
  return text;
}

/* Brings the corpus in step with the current revisions (locked). */
static void
corpus_sync (Corpus *corpus, CrbProject *project, GArray *current)
{
  g_autoptr (GHashTable) now = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer       key, value;

  for (guint i = 0; i < current->len; i++)
    {
      Current         *item = &g_array_index (current, Current, i);
      g_autofree char *text = NULL;
      g_autoptr (GArray) tokens = NULL;
      g_autofree guint64 *keys = NULL;
      GArray             *distinct;

      g_hash_table_add (now, &item->revision_id);
      if (g_hash_table_contains (corpus->documents, &item->revision_id) ||
          !(text = revision_text (project, item->revision_id)))
        continue;
      tokens = crb_tokenize (text, -1, NULL, CRB_TOKENIZE_DEFAULT);
      keys = corpus_keys (corpus, text, tokens);
      distinct = g_array_sized_new (FALSE, FALSE, sizeof (guint64), tokens->len);
      g_array_append_vals (distinct, keys, tokens->len);
      g_array_sort (distinct, compare_keys);
      for (guint r = 0, w = 0; r <= distinct->len; r++)
        if (r == distinct->len)
          g_array_set_size (distinct, w);
        else if (g_array_index (distinct, guint64, r) != 0 &&
                 (w == 0 ||
                  g_array_index (distinct, guint64, w - 1) != g_array_index (distinct, guint64, r)))
          g_array_index (distinct, guint64, w++) = g_array_index (distinct, guint64, r);
      count_keys (corpus, distinct, 1);
      g_hash_table_insert (corpus->documents, g_memdup2 (&item->revision_id, sizeof (gint64)),
                           distinct);
    }
  g_hash_table_iter_init (&iter, corpus->documents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (now, key))
      {
        count_keys (corpus, value, -1);
        g_hash_table_iter_remove (&iter);
      }
}

static double
weight_of (Corpus *corpus, guint n_documents, guint64 key)
{
  guint df = GPOINTER_TO_UINT (g_hash_table_lookup (corpus->frequency, &key));

  if (key == 0)
    return 0.0;
  return log ((n_documents + 1.0) / (df + 0.5));
}

/* How many of the claim's keys (sorted, distinct) a document has. */
static guint
shared_keys (GArray *document, const guint64 *keys, guint n_keys)
{
  guint shared = 0;

  for (guint i = 0; i < n_keys; i++)
    {
      guint low = 0, high = document->len;

      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (g_array_index (document, guint64, middle) < keys[i])
            low = middle + 1;
          else
            high = middle;
        }
      shared += low < document->len && g_array_index (document, guint64, low) == keys[i];
    }
  return shared;
}

GPtrArray *
crb_project_find_similar (CrbProject *project, const char *claim_id, guint max_results,
                          GError **error)
{
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GArray) current = NULL;
  g_autoptr (CrbSimilarClaim) query = NULL;
  g_autoptr (GArray) claim_keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  Corpus    *corpus;
  GPtrArray *matches;
  guint      needed;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (max_results == 0)
    max_results = 20;
  if (!(claim = crb_project_find_claim (project, claim_id, error)) ||
      !(current = list_current (project, error)))
    return NULL;

  corpus = corpus_for (project);
  g_mutex_lock (&corpus->lock);
  corpus_sync (corpus, project, current);
  query = _crb_similar_claim_new (crb_claim_get_exact (claim));
  g_free (query->keys);
  query->keys = corpus_keys (corpus, query->text, query->tokens);
  for (guint i = 0; i < query->tokens->len; i++)
    {
      query->weights[i] = weight_of (corpus, current->len, query->keys[i]);
      if (query->keys[i] != 0)
        g_array_append_val (claim_keys, query->keys[i]);
    }
  g_array_sort (claim_keys, compare_keys);
  for (guint r = 0, w = 0; r <= claim_keys->len; r++)
    if (r == claim_keys->len)
      g_array_set_size (claim_keys, w);
    else if (w == 0 ||
             g_array_index (claim_keys, guint64, w - 1) != g_array_index (claim_keys, guint64, r))
      g_array_index (claim_keys, guint64, w++) = g_array_index (claim_keys, guint64, r);
  /* A passage must share two of the claim's words (or its only one). */
  needed = MIN (2, claim_keys->len);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_similar_match_free);
  for (guint d = 0; d < current->len && needed > 0; d++)
    {
      Current         *item = &g_array_index (current, Current, d);
      GArray          *distinct = g_hash_table_lookup (corpus->documents, &item->revision_id);
      g_autofree char *text = NULL;
      g_autoptr (GArray) tokens = NULL;
      g_autofree guint64 *keys = NULL;
      g_autofree double  *weights = NULL;

      if (g_str_equal (item->uuid, crb_claim_get_document_uuid (claim)) || distinct == NULL ||
          shared_keys (distinct, (const guint64 *) claim_keys->data, claim_keys->len) < needed ||
          !(text = revision_text (project, item->revision_id)))
        continue;
      tokens = crb_tokenize (text, -1, NULL, CRB_TOKENIZE_DEFAULT);
      keys = corpus_keys (corpus, text, tokens);
      weights = g_new (double, tokens->len + 1);
      for (guint i = 0; i < tokens->len; i++)
        weights[i] = weight_of (corpus, current->len, keys[i]);
      _crb_similar_search_document (query, item->uuid, item->title, text, tokens, keys, weights,
                                    MIN_SCORE, PER_DOCUMENT, matches);
    }
  g_mutex_unlock (&corpus->lock);

  _crb_similar_sort (matches);
  if (matches->len > max_results)
    g_ptr_array_set_size (matches, max_results);
  return matches;
}
