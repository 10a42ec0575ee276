/* crb-entity-suggest.h: names in the corpus that the project does not know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-entity-candidates.h"
#include "crb-project.h"

G_BEGIN_DECLS

/* A spelling found in the documents that looks like another form of one
 * of an entity's names: misspelt, garbled by extraction, mangled by
 * machine translation, or in the other script ("Evgeniy Holodov",
 * "Евгений Холодов" for "Yevgeny Kholodov"). */
typedef struct
{
  char      *entity_uuid;
  char      *entity_name;
  char      *matched_name; /* the entity's name or alias it resembles most */
  char      *variant;      /* the spelling as found */
  double     score;        /* crb_name_variant_score(), at least CRB_NAME_VARIANT_THRESHOLD */
  guint      n_occurrences;
  GPtrArray *documents; /* UUIDs of the documents where it occurs, by title */
} CrbAliasSuggestion;

void crb_alias_suggestion_free (CrbAliasSuggestion *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbAliasSuggestion, crb_alias_suggestion_free)

/* Variants of the names of every entity (or only `entity_id`) found in
 * the current texts, to be offered as aliases: best score first, then
 * most documents.  A spelling that already is a name or alias of any
 * entity is not offered, nor a mere shortening ("Kholodov" of "Yevgeny
 * Kholodov"), which is not a different spelling.  Returns a GPtrArray of
 * CrbAliasSuggestion. */
GPtrArray *crb_project_suggest_aliases (CrbProject *project, const char *entity_id, GError **error);

/* Recurring capitalised names that are neither entities nor variants of
 * one, found in at least `min_documents` documents (2 when 0), ranked by
 * the number of documents, then of occurrences.  Words that the corpus
 * also writes in lower case ("Water", "Volunteers") are not names.
 * Returns a GPtrArray of CrbEntityCandidate. */
GPtrArray *crb_project_suggest_entities (CrbProject *project, guint min_documents, GError **error);

G_END_DECLS
