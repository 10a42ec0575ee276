/* crb-align.h: word-level alignment of two token sequences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-tokenizer.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_ALIGN_EQUAL,    /* the same words on both sides */
  CRB_ALIGN_REPLACE,  /* words of A replaced by words of B */
  CRB_ALIGN_DELETE,   /* words only in A */
  CRB_ALIGN_INSERT,   /* words only in B */
} CrbAlignKind;

/* A run of one kind.  Positions are token indices into the sequences given
 * to crb_align_tokens() (plus the offsets given there). */
typedef struct
{
  CrbAlignKind kind;
  guint32      a_start;
  guint32      a_length;
  guint32      b_start;
  guint32      b_length;
} CrbAlignRun;

/* Aligns tokens @a (@n_a of them) with tokens @b, comparing normal-form
 * hashes, and appends CrbAlignRun values to @runs: a minimal edit script
 * where neighbouring changes are merged into one REPLACE run.  Long inputs
 * are split on words that occur once on each side (as patience diff does)
 * so that the quadratic step only ever sees short stretches.  Run positions
 * are offset by @a_offset and @b_offset. */
void     crb_align_tokens      (const CrbToken *a,
                                guint           n_a,
                                guint32         a_offset,
                                const CrbToken *b,
                                guint           n_b,
                                guint32         b_offset,
                                GArray         *runs);

/* Counts the words in EQUAL runs and the alignment columns (an EQUAL or
 * REPLACE column pairs two words, DELETE and INSERT columns hold one). */
void     crb_align_runs_count  (const CrbAlignRun *runs,
                                guint              n_runs,
                                guint             *n_equal,
                                guint             *n_columns);

G_END_DECLS
