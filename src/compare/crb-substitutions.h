/* crb-substitutions.h: consistent replacements between two aligned texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-align.h"
#include "crb-tokenizer.h"

G_BEGIN_DECLS

/* One replacement seen throughout the aligned passages of two documents,
 * e.g. "central asia" in A always "turkestan turkic union" in B. */
typedef struct
{
  char  *a;       /* normal form of the words in A, space-separated */
  char  *b;       /* what B has in their place */
  guint  count;   /* times A's words were replaced by B's */
  guint  kept;    /* times A's words were left unchanged in the passages */
  guint  a_total; /* occurrences of A's words in the whole of A */
  guint  b_total; /* occurrences of B's words in the whole of B */
} CrbSubstitution;

/* Frees @substitution (NULL is fine). */
void crb_substitution_free (CrbSubstitution *substitution);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbSubstitution, crb_substitution_free)

/* Longest replaced stretch, in words on either side, that can be a name. */
#define CRB_SUBSTITUTION_MAX_WORDS 4

/* Builds the substitution table of texts A and B (all their tokens) from
 * the alignment @runs of their shared passages (token positions into
 * @a_tokens and @b_tokens).  Every REPLACE run of at most
 * CRB_SUBSTITUTION_MAX_WORDS words per side is a candidate; one-off edits
 * would flood the table, so a candidate is kept when it recurs in the
 * passages at least @min_count times and is more often replaced than kept,
 * or when it was applied throughout: A's words occur at least @min_count
 * times in A and never in B, and B's words at least @min_count times in B
 * and never in A.  Returns a GPtrArray of CrbSubstitution, most frequent
 * first. */
GPtrArray *crb_substitutions_collect (const char        *a_text,
                                      const CrbToken    *a_tokens,
                                      guint              n_a,
                                      const char        *b_text,
                                      const CrbToken    *b_tokens,
                                      guint              n_b,
                                      const CrbAlignRun *runs,
                                      guint              n_runs,
                                      guint              min_count);

G_END_DECLS
