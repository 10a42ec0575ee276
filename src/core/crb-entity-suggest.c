/* crb-entity-suggest.c: alias variants and candidate entities
 *
 * Names in the documents are runs of capitalised words
 * (crb-entity-candidates.c).  A run, or a stretch of up to four of its
 * words, is a variant of a known name when crb_name_variant_score() says
 * so; only names that share a word starting with the same two letters of
 * their matching keys are scored, which keeps the work near-linear in a
 * large corpus while still pairing "Qasim-Skomart Tokaye" with
 * "Kassym-Jomart Tokayev" (through "kasim" and "tokae…").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity"

#include <string.h>

#include "crb-alias.h"
#include "crb-document.h"
#include "crb-entity-suggest.h"
#include "crb-entity.h"
#include "crb-name-variant.h"
#include "crb-record.h"
#include "crb-tokenizer.h"

/* Longest stretch of a run compared with the known names. */
#define MAX_SPAN 4

typedef struct
{
  const char *entity_uuid; /* borrowed from the entity list */
  const char *entity_name;
  char       *name;
  GArray     *tokens;
} KnownName;

typedef struct
{
  GPtrArray  *entities; /* CrbEntity */
  GPtrArray  *names;    /* KnownName */
  GHashTable *blocks;   /* two letters of a key word → GPtrArray of KnownName (borrowed) */
  GHashTable *normal;   /* normal forms of every known name */
  GHashTable *scores;   /* "variant\nname" → score, memoised */
} Known;

static void
known_name_free (KnownName *name)
{
  g_free (name->name);
  g_array_unref (name->tokens);
  g_free (name);
}

static void
known_clear (Known *known)
{
  g_clear_pointer (&known->blocks, g_hash_table_unref);
  g_clear_pointer (&known->names, g_ptr_array_unref);
  g_clear_pointer (&known->entities, g_ptr_array_unref);
  g_clear_pointer (&known->normal, g_hash_table_unref);
  g_clear_pointer (&known->scores, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Known, known_clear)

static char *
normal_form (const char *text, GArray *tokens)
{
  return crb_tokens_dup_normal (text, (const CrbToken *) tokens->data, tokens->len);
}

/* The blocks of a name: the first two letters of each word of its key. */
static GStrv
name_blocks (const char *name)
{
  g_autofree char *key = crb_name_key (name);
  g_auto (GStrv) words = g_strsplit (key, " ", -1);
  g_autoptr (GStrvBuilder) blocks = g_strv_builder_new ();

  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0')
      {
        const char *end =
            g_utf8_offset_to_pointer (words[i], MIN (2, g_utf8_strlen (words[i], -1)));

        g_autofree char *block = g_strndup (words[i], end - words[i]);

        g_strv_builder_add (blocks, block);
      }
  return g_strv_builder_end (blocks);
}

static void
add_known (Known *known, CrbEntity *entity, const char *name)
{
  KnownName *known_name = g_new0 (KnownName, 1);
  g_auto (GStrv) blocks = NULL;

  known_name->entity_uuid = crb_record_get_uuid (CRB_RECORD (entity));
  known_name->entity_name = crb_entity_get_name (entity);
  known_name->name = g_strdup (name);
  known_name->tokens = crb_tokenize (name, -1, NULL, CRB_TOKENIZE_DEFAULT);
  if (known_name->tokens->len == 0)
    {
      known_name_free (known_name);
      return;
    }
  g_ptr_array_add (known->names, known_name);
  g_hash_table_add (known->normal, normal_form (name, known_name->tokens));

  blocks = name_blocks (name);
  for (guint i = 0; blocks[i]; i++)
    {
      GPtrArray *block = g_hash_table_lookup (known->blocks, blocks[i]);

      if (block == NULL)
        {
          block = g_ptr_array_new ();
          g_hash_table_insert (known->blocks, g_strdup (blocks[i]), block);
        }
      if (block->len == 0 || g_ptr_array_index (block, block->len - 1) != known_name)
        g_ptr_array_add (block, known_name);
    }
}

static gboolean
load_known (CrbProject *project, Known *known, GError **error)
{
  known->names = g_ptr_array_new_with_free_func ((GDestroyNotify) known_name_free);
  known->blocks =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  known->normal = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known->scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!(known->entities = crb_project_list_entities (project, error)))
    return FALSE;
  for (guint i = 0; i < known->entities->len; i++)
    {
      CrbEntity *entity = g_ptr_array_index (known->entities, i);
      g_autoptr (GPtrArray) aliases = NULL;

      add_known (known, entity, crb_entity_get_name (entity));
      if (!(aliases = crb_project_list_aliases (project, crb_record_get_uuid (CRB_RECORD (entity)),
                                                error)))
        return FALSE;
      for (guint j = 0; j < aliases->len; j++)
        add_known (known, entity, crb_alias_get_name (g_ptr_array_index (aliases, j)));
    }
  return TRUE;
}

static double
memo_score (Known *known, const char *variant, const KnownName *name)
{
  g_autofree char *key = g_strconcat (variant, "\n", name->name, NULL);
  double          *score = g_hash_table_lookup (known->scores, key);

  if (score == NULL)
    {
      score = g_new (double, 1);
      *score = crb_name_variant_score (variant, name->name);
      g_hash_table_insert (known->scores, g_steal_pointer (&key), score);
    }
  return *score;
}

/* TRUE when every word of `tokens` is a word of `name`: a shortening, not
 * another spelling. */
static gboolean
is_shortening (const CrbToken *tokens, guint n_tokens, const KnownName *name)
{
  for (guint i = 0; i < n_tokens; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < name->tokens->len && !found; j++)
        found = g_array_index (name->tokens, CrbToken, j).hash == tokens[i].hash;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* One entity's best match among the stretches of a run. */
typedef struct
{
  const KnownName *name;
  char            *variant;
  double           score;
  guint            n_words;
  gboolean         spelt_known; /* a stretch already is one of its names */
  guint            covered;     /* words of the longest stretch that is a name or variant */
} Match;

static void
match_free (Match *match)
{
  g_free (match->variant);
  g_free (match);
}

/* Of the stretches of one run that pass, the one with as many words as
 * the name it resembles ("Timur Saidashev", not "Governor Timur
 * Saidashev" nor "Saidashev", for "Timur Saydashev"), then the best. */
static gboolean
better_stretch (const Match *match, const KnownName *name, guint n_words, double score)
{
  guint distance = ABS ((int) n_words - (int) name->tokens->len);
  guint best = ABS ((int) match->n_words - (int) match->name->tokens->len);

  if (distance != best)
    return distance < best;
  if (score != match->score)
    return score > match->score;
  return n_words > match->n_words;
}

/* Scores every stretch of `run` against the known names that share a
 * block with it; returns entity UUID → Match. */
static GHashTable *
match_run (Known *known, const char *run, const char *only_entity)
{
  g_autoptr (GArray) tokens = crb_tokenize (run, -1, NULL, CRB_TOKENIZE_DEFAULT);
  GHashTable *matches =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) match_free);
  const CrbToken *words = (const CrbToken *) tokens->data;

  for (guint first = 0; first < tokens->len; first++)
    for (guint n = 1; n <= MAX_SPAN && first + n <= tokens->len; n++)
      {
        g_autofree char *variant = g_strndup (
            run + words[first].byte_start, words[first + n - 1].byte_end - words[first].byte_start);
        g_autofree char *normal = crb_tokens_dup_normal (run, &words[first], n);
        gboolean         is_known = g_hash_table_contains (known->normal, normal);
        g_auto (GStrv) blocks = name_blocks (variant);
        g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

        for (guint b = 0; blocks[b]; b++)
          {
            GPtrArray *block = g_hash_table_lookup (known->blocks, blocks[b]);

            for (guint i = 0; block && i < block->len; i++)
              {
                const KnownName *name = g_ptr_array_index (block, i);
                Match           *match;
                double           score;

                if (!g_hash_table_add (seen, (gpointer) name) ||
                    (only_entity && !g_str_equal (only_entity, name->entity_uuid)))
                  continue;
                match = g_hash_table_lookup (matches, name->entity_uuid);
                if (is_known)
                  {
                    g_autofree char *name_normal = normal_form (name->name, name->tokens);

                    if (g_str_equal (name_normal, normal))
                      {
                        if (match == NULL)
                          {
                            match = g_new0 (Match, 1);
                            g_hash_table_insert (matches, (gpointer) name->entity_uuid, match);
                          }
                        match->spelt_known = TRUE;
                        match->covered = MAX (match->covered, n);
                      }
                    continue;
                  }
                if (is_shortening (&words[first], n, name))
                  {
                    /* Not a variant, but this stretch names the entity. */
                    if (match != NULL)
                      match->covered = MAX (match->covered, n);
                    else
                      {
                        match = g_new0 (Match, 1);
                        match->covered = n;
                        g_hash_table_insert (matches, (gpointer) name->entity_uuid, match);
                      }
                    continue;
                  }
                score = memo_score (known, variant, name);
                if (score < CRB_NAME_VARIANT_THRESHOLD)
                  continue;
                if (match == NULL)
                  {
                    match = g_new0 (Match, 1);
                    g_hash_table_insert (matches, (gpointer) name->entity_uuid, match);
                  }
                if (match->variant == NULL || better_stretch (match, name, n, score))
                  {
                    g_free (match->variant);
                    match->variant = g_strdup (variant);
                    match->name = name;
                    match->score = score;
                    match->n_words = n;
                  }
                match->covered = MAX (match->covered, n);
              }
          }
      }
  return matches;
}

void
crb_alias_suggestion_free (CrbAliasSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->entity_uuid);
  g_free (suggestion->entity_name);
  g_free (suggestion->matched_name);
  g_free (suggestion->variant);
  g_clear_pointer (&suggestion->documents, g_ptr_array_unref);
  g_free (suggestion);
}

static void
note_variant (GHashTable *suggestions, GPtrArray *order, const Match *match,
              const char *document_uuid, guint n_occurrences)
{
  g_autofree char    *key = g_strconcat (match->name->entity_uuid, "\n", match->variant, NULL);
  CrbAliasSuggestion *suggestion = g_hash_table_lookup (suggestions, key);

  if (suggestion == NULL)
    {
      suggestion = g_new0 (CrbAliasSuggestion, 1);
      suggestion->entity_uuid = g_strdup (match->name->entity_uuid);
      suggestion->entity_name = g_strdup (match->name->entity_name);
      suggestion->matched_name = g_strdup (match->name->name);
      suggestion->variant = g_strdup (match->variant);
      suggestion->score = match->score;
      suggestion->documents = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (suggestions, g_steal_pointer (&key), suggestion);
      g_ptr_array_add (order, suggestion);
    }
  suggestion->n_occurrences += n_occurrences;
  if (suggestion->documents->len == 0 ||
      !g_str_equal (g_ptr_array_index (suggestion->documents, suggestion->documents->len - 1),
                    document_uuid))
    g_ptr_array_add (suggestion->documents, g_strdup (document_uuid));
}

static int
compare_suggestions (gconstpointer a, gconstpointer b)
{
  const CrbAliasSuggestion *x = *(CrbAliasSuggestion *const *) a;
  const CrbAliasSuggestion *y = *(CrbAliasSuggestion *const *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->documents->len != y->documents->len)
    return x->documents->len > y->documents->len ? -1 : 1;
  return g_utf8_collate (x->variant, y->variant);
}

GPtrArray *
crb_project_suggest_aliases (CrbProject *project, const char *entity_id, GError **error)
{
  g_auto (Known) known = { NULL };
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GHashTable) suggestions =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) order =
      g_ptr_array_new_with_free_func ((GDestroyNotify) crb_alias_suggestion_free);
  const char *only = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (entity_id != NULL)
    {
      if (!(entity = crb_project_find_entity (project, entity_id, error)))
        return NULL;
      only = crb_record_get_uuid (CRB_RECORD (entity));
    }
  if (!load_known (project, &known, error) ||
      !(documents = crb_project_list_documents (project, error)))
    return NULL;

  for (guint d = 0; d < documents->len; d++)
    {
      const char *uuid = crb_record_get_uuid (g_ptr_array_index (documents, d));
      g_autoptr (CrbEntityCandidates) collector = crb_entity_candidates_new ();
      g_autoptr (GPtrArray) runs = NULL;
      g_autofree char *text = crb_project_dup_document_text (project, uuid, error);

      if (text == NULL)
        return NULL;
      crb_entity_candidates_add_document (collector, text, -1);
      runs = crb_entity_candidates_get (collector, 1, 1);
      for (guint r = 0; r < runs->len; r++)
        {
          const CrbEntityCandidate *run = g_ptr_array_index (runs, r);
          g_autoptr (GHashTable) matches = match_run (&known, run->name, only);
          GHashTableIter iter;
          gpointer       value;

          g_hash_table_iter_init (&iter, matches);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              const Match *match = value;

              /* "Colonel Yevgeny Kholodov" holds the name itself: no variant. */
              if (!match->spelt_known && match->variant != NULL)
                note_variant (suggestions, order, match, uuid, run->n_occurrences);
            }
        }
    }
  g_ptr_array_sort (order, compare_suggestions);
  return g_steal_pointer (&order);
}

/* Normal-form hashes of every word the corpus writes in lower case. */
static void
add_lower_case_words (GHashTable *words, const char *text)
{
  g_autoptr (GArray) tokens = crb_tokenize (text, -1, NULL, CRB_TOKENIZE_DEFAULT);

  for (guint i = 0; i < tokens->len; i++)
    {
      const CrbToken *token = &g_array_index (tokens, CrbToken, i);

      if (!(token->flags & (CRB_TOKEN_CAPITALISED | CRB_TOKEN_ALL_CAPS | CRB_TOKEN_NUMERIC)))
        g_hash_table_add (words, g_memdup2 (&token->hash, sizeof token->hash));
    }
}

static gboolean
is_common_word (GHashTable *lower_case, const char *name)
{
  g_autoptr (GArray) tokens = crb_tokenize (name, -1, NULL, CRB_TOKENIZE_DEFAULT);

  return tokens->len == 1 &&
         g_hash_table_contains (lower_case, &g_array_index (tokens, CrbToken, 0).hash);
}

GPtrArray *
crb_project_suggest_entities (CrbProject *project, guint min_documents, GError **error)
{
  g_auto (Known) known = { NULL };
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (CrbEntityCandidates) collector = crb_entity_candidates_new ();
  g_autoptr (GHashTable) lower_case =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GPtrArray) result =
      g_ptr_array_new_with_free_func ((GDestroyNotify) crb_entity_candidate_free);

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (min_documents == 0)
    min_documents = 2;
  if (!load_known (project, &known, error) ||
      !(documents = crb_project_list_documents (project, error)))
    return NULL;
  for (guint i = 0; i < known.names->len; i++)
    crb_entity_candidates_ignore (collector,
                                  ((KnownName *) g_ptr_array_index (known.names, i))->name);
  for (guint d = 0; d < documents->len; d++)
    {
      g_autofree char *text = crb_project_dup_document_text (
          project, crb_record_get_uuid (g_ptr_array_index (documents, d)), error);

      if (text == NULL)
        return NULL;
      crb_entity_candidates_add_document (collector, text, -1);
      add_lower_case_words (lower_case, text);
    }

  candidates = crb_entity_candidates_get (collector, min_documents, 1);
  for (guint i = 0; i < candidates->len; i++)
    {
      CrbEntityCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autoptr (GHashTable) matches = NULL;
      g_autoptr (GArray) tokens = crb_tokenize (candidate->name, -1, NULL, CRB_TOKENIZE_DEFAULT);
      gboolean       known_name = FALSE;
      GHashTableIter iter;
      gpointer       value;

      if (is_common_word (lower_case, candidate->name))
        continue;
      /* A known name in another spelling, or with a title ("Colonel
       * Yevgeny Kholodov"), is no new entity; one that only shares a
       * word with a known name ("Upper Ilmet Reservoir") may be. */
      matches = match_run (&known, candidate->name, NULL);
      g_hash_table_iter_init (&iter, matches);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        known_name |= ((Match *) value)->covered * 2 > tokens->len;
      if (known_name)
        continue;
      g_ptr_array_add (result, g_steal_pointer (&candidates->pdata[i]));
    }
  return g_steal_pointer (&result);
}
