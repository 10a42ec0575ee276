/* crb-reuse-relation.h: the text two documents share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-reuse-passage.h"
#include "crb-substitutions.h"

G_BEGIN_DECLS

/* Two documents that share text: the aligned passages, how much of each
 * document they cover, and the consistent replacements between them. */
typedef struct
{
  gint64     document_a;
  gint64     document_b;
  GArray    *passages;       /* CrbReusePassage, in order of A */
  GPtrArray *substitutions;  /* CrbSubstitution, most frequent first */
  guint32    n_tokens_a;     /* words in each whole document */
  guint32    n_tokens_b;
  double     coverage_a;     /* share of A's words inside the passages, 0…1 */
  double     coverage_b;
} CrbReuseRelation;

/* Frees @relation (NULL is fine). */
void crb_reuse_relation_free (CrbReuseRelation *relation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbReuseRelation, crb_reuse_relation_free)

/* Finds the passages of A and B from shared shingles @seeds (sorted in
 * place) and returns the relation, or NULL when no passage passes @options.
 * Used by the index; callers comparing two texts want
 * crb_reuse_relation_compare(). */
CrbReuseRelation *crb_reuse_relation_from_seeds (const CrbReuseOptions *options,
                                                 gint64                 document_a,
                                                 const char            *text_a,
                                                 GArray                *tokens_a,
                                                 gint64                 document_b,
                                                 const char            *text_b,
                                                 GArray                *tokens_b,
                                                 CrbSeed               *seeds,
                                                 guint                  n_seeds);

/* Compares two texts directly, without an index (for one document against
 * one other, e.g. the comparison view).  @options may be NULL for the
 * defaults.  Returns NULL when they share no passage. */
CrbReuseRelation *crb_reuse_relation_compare    (const CrbReuseOptions *options,
                                                 gint64                 document_a,
                                                 const char            *text_a,
                                                 gint64                 document_b,
                                                 const char            *text_b);

G_END_DECLS
