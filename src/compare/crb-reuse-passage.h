/* crb-reuse-passage.h: aligned passages shared by two documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-align.h"
#include "crb-tokenizer.h"

G_BEGIN_DECLS

/* Tuning of text-reuse detection.  crb_reuse_options_init() fills in the
 * defaults, which suit news and report prose. */
typedef struct
{
  guint  shingle;       /* words per shingle (k), 5 */
  guint  window;        /* winnowing window (w), 4: every shared run of 8 words is seen */
  guint  max_df;        /* fingerprints found this many times or more are boilerplate, 50 */
  guint  min_seeds;     /* shared fingerprints in one chain to try a passage, 2 */
  guint  max_gap;       /* words between two seeds of one chain, 40 */
  guint  max_edit;      /* longest unmatched stretch inside one passage, 10 */
  guint  min_matches;   /* equal words in a reported passage, 10 */
  double min_identity;  /* equal words / alignment columns of a reported passage, 0.5 */
  guint  n_threads;     /* worker threads of a whole-corpus analysis, 2 */
} CrbReuseOptions;

/* Fills @options with the defaults. */
void crb_reuse_options_init (CrbReuseOptions *options);

/* A shingle shared by two documents: token positions in A and in B. */
typedef struct
{
  guint32 a;
  guint32 b;
} CrbSeed;

/* A stretch of A aligned with a stretch of B.  Offsets are code points of
 * each document's text; token ranges index the documents' token arrays. */
typedef struct
{
  guint32 a_start;
  guint32 a_end;
  guint32 b_start;
  guint32 b_end;
  guint32 a_first_token;
  guint32 a_n_tokens;
  guint32 b_first_token;
  guint32 b_n_tokens;
  guint32 n_equal;      /* words equal on both sides */
  double  identity;     /* n_equal / alignment columns */
} CrbReusePassage;

/* Finds the passages shared by documents A and B from the @n_seeds shared
 * shingles in @seeds (any order; sorted in place): chains seeds that follow
 * one another on nearby diagonals, extends the chains over unmatched edges,
 * aligns each chain word by word (substitutions, small insertions and
 * deletions) and keeps the passages that pass @options.  Returns a GArray of
 * CrbReusePassage in order of A.  When @runs is given, the alignment runs of
 * the kept passages are appended to it (token positions of the documents). */
GArray *crb_reuse_find_passages (const CrbReuseOptions *options,
                                 const CrbToken        *a,
                                 guint                  n_a,
                                 const CrbToken        *b,
                                 guint                  n_b,
                                 CrbSeed               *seeds,
                                 guint                  n_seeds,
                                 GArray                *runs);

G_END_DECLS
