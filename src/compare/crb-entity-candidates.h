/* crb-entity-candidates.h: names that recur across documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A capitalised name found in several documents and not yet known. */
typedef struct
{
  char  *name;           /* its most frequent spelling */
  char  *key;            /* crb_name_key() of it: spellings with one key are one candidate */
  guint  n_words;
  guint  n_documents;
  guint  n_occurrences;
} CrbEntityCandidate;

/* Frees @candidate (NULL is fine). */
void crb_entity_candidate_free (CrbEntityCandidate *candidate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbEntityCandidate, crb_entity_candidate_free)

/* Collects runs of capitalised words ("Central Asia", "Kassym-Jomart
 * Tokayev", "Ministry of Foreign Affairs") over a set of documents.
 * Sentence-initial function words ("The", "However", "В") are dropped
 * with a small English and Russian stoplist, and runs of capitals longer
 * than two words (headings, shouting) are ignored. */
typedef struct _CrbEntityCandidates CrbEntityCandidates;

/* Creates an empty collector; free it with crb_entity_candidates_free(). */
CrbEntityCandidates *crb_entity_candidates_new          (void);
void                 crb_entity_candidates_free         (CrbEntityCandidates *self);

/* Marks @name (an entity or alias already in the project) as known, so that
 * it and its spelling variants with the same key are not suggested. */
void                 crb_entity_candidates_ignore       (CrbEntityCandidates *self,
                                                         const char          *name);

/* Adds one document's names. */
void                 crb_entity_candidates_add_document (CrbEntityCandidates *self,
                                                         const char          *text,
                                                         gssize               length);

/* The candidates of at least @min_words words seen in at least
 * @min_documents documents, most documents first (then most occurrences).
 * Returns a GPtrArray of CrbEntityCandidate. */
GPtrArray           *crb_entity_candidates_get          (CrbEntityCandidates *self,
                                                         guint                min_documents,
                                                         guint                min_words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbEntityCandidates, crb_entity_candidates_free)

G_END_DECLS
