/* crb-similar-private.h: the parts of crb-similar.c (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-similar.h"
#include "crb-tokenizer.h"

G_BEGIN_DECLS

/* The key two words share when they count as the same: 0 for function
 * words, a class for equivalent words, else the first letters. */
guint64 _crb_similar_word_key (const char *text, const CrbToken *token);

/* The claim being looked for. */
typedef struct
{
  char    *text;
  guint32  n_chars;
  GArray  *tokens;     /* CrbToken */
  guint64 *keys;       /* per token */
  double  *weights;    /* per token, filled by the caller */
  GArray  *quantities; /* CrbQuantity */
} CrbSimilarClaim;

CrbSimilarClaim *_crb_similar_claim_new (const char *quote);
void             _crb_similar_claim_free (CrbSimilarClaim *claim);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbSimilarClaim, _crb_similar_claim_free)

/* Scores the sentences of one document against the claim and appends
 * the best passages (score ≥ `min_score`, at most `per_document`, not
 * overlapping) to `matches`. */
void _crb_similar_search_document (CrbSimilarClaim *claim, const char *uuid, const char *title,
                                   const char *text, GArray *tokens, const guint64 *keys,
                                   const double *weights, double min_score, guint per_document,
                                   GPtrArray *matches);
/* Best first. */
void _crb_similar_sort (GPtrArray *matches);

G_END_DECLS
