/* crb-similar.h: a claim across sources (DESIGN.md §7.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_SIMILAR_VERBATIM,   /* every word of the claim, in order */
  CRB_SIMILAR_EDITED,     /* most of the claim's words in order, some changed */
  CRB_SIMILAR_PARAPHRASE, /* the same facts in other words */
} CrbSimilarKind;

/* A passage of another document that says what a claim says. */
typedef struct
{
  char          *document_uuid;
  char          *title;
  guint32        start; /* code points of the document's current text */
  guint32        end;
  char          *exact; /* the passage */
  CrbSimilarKind kind;
  double         score; /* 0…1, what the ranking follows */
  guint          n_claim_words;
  guint          n_aligned;      /* claim words found in order in the passage */
  GArray        *runs;           /* CrbWordDiffRun: the claim (A) against the passage (B) */
  GPtrArray     *shared_numbers; /* e.g. "at least 14 people ≈ 14" */
  GPtrArray     *shared_names;   /* capitalised words on both sides */
  GPtrArray     *shared_words;   /* the rarest other words both use */
  gboolean       disagrees;      /* a figure of the claim is contradicted */
} CrbSimilarMatch;

void crb_similar_match_free (CrbSimilarMatch *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbSimilarMatch, crb_similar_match_free)

/* "verbatim", "edited" or "paraphrase". */
const char *crb_similar_kind_to_string (CrbSimilarKind kind);

/* Passages in every other live document that match the claim: copies
 * found by word alignment, and paraphrases found by the words they share
 * (weighted by how rare each word is in the project, with a few
 * equivalences of event reporting such as "dead"/"died"/"killed"), by
 * their figures (compared as quantities: "at least 14 people" and "14
 * dead" agree) and by their names.  Best first, at most `max_results`
 * (20 when 0), at most two per document.  Returns a GPtrArray of
 * CrbSimilarMatch. */
GPtrArray *crb_project_find_similar (CrbProject *project, const char *claim_id, guint max_results,
                                     GError **error);

/* One undoable action ("Add matches to event"): links the claim and every
 * match to the event (and facet, may be NULL), making a claim on each
 * matched passage that has none yet.  Copies whose figures agree support
 * the event; paraphrases and copies with other figures count as partial.
 * Links that already exist are kept as they are. */
gboolean crb_project_link_similar (CrbProject *project, const char *claim_id, GPtrArray *matches,
                                   const char *event_id, const char *facet_id, GError **error);

G_END_DECLS
