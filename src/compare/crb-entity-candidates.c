/* crb-entity-candidates.c: names that recur across documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-entity-candidates.h"

#include <string.h>

#include "crb-name-variant.h"
#include "crb-tokenizer.h"

/* Capitalised only because they open a sentence. */
static const char *const sentence_words[] = {
  "a", "about", "according", "after", "again", "also", "although", "an", "and", "another", "as",
  "at", "because", "before", "both", "but", "by", "despite", "during", "each", "even", "every",
  "first", "for", "from", "further", "he", "her", "here", "his", "how", "however", "i", "if", "in",
  "instead", "it", "its", "last", "many", "meanwhile", "more", "moreover", "most", "my", "no", "not",
  "now", "of", "on", "one", "or", "other", "our", "perhaps", "second", "she", "since", "so", "some",
  "still", "such", "that", "the", "their", "then", "there", "these", "they", "third", "this",
  "those", "thus", "to", "today", "two", "under", "unlike", "until", "we", "what", "when", "where",
  "which", "while", "who", "why", "with", "yes", "yet", "you",
  "а", "в", "во", "вот", "все", "для", "если", "и", "из", "к", "как", "когда", "между", "мы",
  "на", "но", "о", "однако", "он", "она", "они", "от", "по", "после", "при", "с", "также", "то",
  "у", "что", "это", "этот", "я",
};

/* Capitalised everywhere in English, but not names of anything to follow. */
static const char *const never_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
  "saturday", "sunday", "mr", "mrs", "ms", "dr", "prof",
};

/* Small words that may sit inside a name: "Ministry of Foreign Affairs". */
static const char *const name_links[] = {
  "of", "the", "de", "du", "des", "von", "van", "der", "al", "bin", "ibn", "la", "le", "di", "da",
};

typedef struct
{
  GHashTable *spellings;    /* surface → count */
  guint       n_words;
  guint       n_documents;
  guint       n_occurrences;
  guint       last_document;
} Entry;

struct _CrbEntityCandidates
{
  GHashTable *entries;   /* key → Entry */
  GHashTable *ignored;   /* key set */
  GHashTable *stoplist;  /* word set */
  GHashTable *links;     /* word set */
  GHashTable *never;     /* word set */
  guint       n_documents;
};

void
crb_entity_candidate_free (CrbEntityCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->name);
  g_free (candidate->key);
  g_free (candidate);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_hash_table_unref (entry->spellings);
  g_free (entry);
}

static GHashTable *
word_set (const char *const *words,
          guint              n_words)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_words; i++)
    g_hash_table_add (set, (gpointer) words[i]);
  return set;
}

CrbEntityCandidates *
crb_entity_candidates_new (void)
{
  CrbEntityCandidates *self = g_new0 (CrbEntityCandidates, 1);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stoplist = word_set (sentence_words, G_N_ELEMENTS (sentence_words));
  self->links = word_set (name_links, G_N_ELEMENTS (name_links));
  self->never = word_set (never_names, G_N_ELEMENTS (never_names));
  return self;
}

void
crb_entity_candidates_free (CrbEntityCandidates *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->ignored);
  g_hash_table_unref (self->stoplist);
  g_hash_table_unref (self->links);
  g_hash_table_unref (self->never);
  g_free (self);
}

void
crb_entity_candidates_ignore (CrbEntityCandidates *self,
                              const char          *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  g_hash_table_add (self->ignored, crb_name_key (name));
}

/* Only spaces, one line break (extracted text) or one hyphen between two
 * words of a name. */
static gboolean
adjacent (const char     *text,
          const CrbToken *left,
          const CrbToken *right)
{
  gboolean hyphen = FALSE, newline = FALSE;

  for (const char *p = text + left->byte_end; p < text + right->byte_start; p++)
    {
      if (*p == '-' && !hyphen)
        hyphen = TRUE;
      else if (*p == '\n' && !newline)
        newline = TRUE;
      else if (*p != ' ')
        return FALSE;
    }
  return TRUE;
}

static void
record (CrbEntityCandidates *self,
        const char          *text,
        const CrbToken      *first,
        const CrbToken      *last,
        guint                n_words,
        gboolean             acronym)
{
  g_autofree char *surface = g_strndup (text + first->byte_start, last->byte_end - first->byte_start);
  /* Acronyms are spelt, not pronounced: "EEU" and "EU" must stay apart. */
  g_autofree char *key = acronym ? g_utf8_strdown (surface, -1) : crb_name_key (surface);
  Entry *entry;

  if (*key == '\0' || g_hash_table_contains (self->ignored, key))
    return;
  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      entry->n_words = n_words;
      g_hash_table_insert (self->entries, g_strdup (key), entry);
    }
  if (entry->n_documents == 0 || entry->last_document != self->n_documents)
    {
      entry->n_documents++;
      entry->last_document = self->n_documents;
    }
  entry->n_occurrences++;
  g_hash_table_insert (entry->spellings, g_strdup (surface),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (entry->spellings, surface)) + 1));
}

void
crb_entity_candidates_add_document (CrbEntityCandidates *self,
                                    const char          *text,
                                    gssize               length)
{
  g_autoptr(GArray) tokens = NULL;
  const CrbToken *words;
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || length == 0);

  self->n_documents++;
  tokens = crb_tokenize (text, length, NULL, CRB_TOKENIZE_DEFAULT);
  words = (const CrbToken *) tokens->data;
  n = tokens->len;

  for (guint i = 0; i < n;)
    {
      guint first = i, last, n_words = 0, n_caps = 0;

      if (!(words[i].flags & CRB_TOKEN_CAPITALISED))
        {
          i++;
          continue;
        }
      /* Grow the run over capitalised words and links between them. */
      last = i;
      for (guint j = i + 1; j < n && adjacent (text, &words[j - 1], &words[j]); j++)
        {
          if (words[j].flags & CRB_TOKEN_CAPITALISED)
            last = j;
          else
            {
              g_autofree char *link = crb_token_dup_normal (text, &words[j]);

              if (!g_hash_table_contains (self->links, link))
                break;
            }
        }
      i = last + 1;

      /* Trim what is not part of the name: a sentence opener ("The",
       * "However"), titles and month names, initials and stray letters, and
       * the small linking words they leave at either end. */
      for (gboolean trimmed = TRUE; trimmed && first <= last;)
        {
          g_autofree char *word = crb_token_dup_normal (text, &words[first]);

          trimmed = !(words[first].flags & CRB_TOKEN_CAPITALISED)
                    || g_hash_table_contains (self->never, word)
                    || words[first].end - words[first].start < 2
                    || ((words[first].flags & CRB_TOKEN_SENTENCE_START)
                        && g_hash_table_contains (self->stoplist, word));
          if (trimmed)
            first++;
        }
      for (gboolean trimmed = TRUE; trimmed && last > first;)
        {
          g_autofree char *word = crb_token_dup_normal (text, &words[last]);

          trimmed = !(words[last].flags & CRB_TOKEN_CAPITALISED) || g_hash_table_contains (self->never, word)
                    || words[last].end - words[last].start < 2;
          if (trimmed)
            last--;
        }
      if (first > last || (first == last && words[first].end - words[first].start < 2))
        continue;
      for (guint k = first; k <= last; k++)
        {
          n_words++;
          n_caps += (words[k].flags & CRB_TOKEN_ALL_CAPS) != 0;
        }
      if (n_caps == n_words && n_words > 2)
        continue;
      record (self, text, &words[first], &words[last], n_words, n_caps == n_words);
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const CrbEntityCandidate *x = *(CrbEntityCandidate * const *) a;
  const CrbEntityCandidate *y = *(CrbEntityCandidate * const *) b;

  if (x->n_documents != y->n_documents)
    return x->n_documents > y->n_documents ? -1 : 1;
  if (x->n_occurrences != y->n_occurrences)
    return x->n_occurrences > y->n_occurrences ? -1 : 1;
  return strcmp (x->name, y->name);
}

GPtrArray *
crb_entity_candidates_get (CrbEntityCandidates *self,
                           guint                min_documents,
                           guint                min_words)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_entity_candidate_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, candidates);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = value;
      CrbEntityCandidate *candidate;
      GHashTableIter spellings;
      gpointer spelling, count;
      guint best = 0;

      if (entry->n_documents < min_documents || entry->n_words < min_words)
        continue;
      candidate = g_new0 (CrbEntityCandidate, 1);
      candidate->key = g_strdup (key);
      candidate->n_words = entry->n_words;
      candidate->n_documents = entry->n_documents;
      candidate->n_occurrences = entry->n_occurrences;
      g_hash_table_iter_init (&spellings, entry->spellings);
      while (g_hash_table_iter_next (&spellings, &spelling, &count))
        if (GPOINTER_TO_UINT (count) > best
            || (GPOINTER_TO_UINT (count) == best && strcmp (spelling, candidate->name) < 0))
          {
            best = GPOINTER_TO_UINT (count);
            g_free (candidate->name);
            candidate->name = g_strdup (spelling);
          }
      g_ptr_array_add (candidates, candidate);
    }
  g_ptr_array_sort (candidates, compare_candidates);
  return candidates;
}
