/* crb-reuse-direction.h: which of two related documents copies the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CRB_REUSE_DIRECTION_UNKNOWN,
  CRB_REUSE_DIRECTION_B_COPIES_A,
  CRB_REUSE_DIRECTION_A_COPIES_B,
} CrbReuseDirection;

/* A guess and why: @confidence is 0 for UNKNOWN, else between 0.5 and
 * 0.95; @reason is a sentence for the analyst. */
typedef struct
{
  CrbReuseDirection  direction;
  double             confidence;
  char              *reason;
} CrbReuseDirectionGuess;

/* Frees @guess (NULL is fine). */
void crb_reuse_direction_guess_free (CrbReuseDirectionGuess *guess);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbReuseDirectionGuess, crb_reuse_direction_guess_free)

/* Infers the direction of a relation between documents A and B from their
 * publication dates (either may be NULL when unknown) and coverages
 * (@coverage_a: share of A found in B; @coverage_b: share of B in A):
 *  - dates at least a day apart: the later document copies the earlier,
 *    the more surely the more of the earlier one it repeats;
 *  - otherwise, one document that contains nearly all of the other (≥ 80%)
 *    while most of itself (> 40%) is not in the other is the other plus
 *    additions: it copies the other;
 *  - otherwise (near-duplicates without dates, or partial overlap) the
 *    direction is unknown. */
CrbReuseDirectionGuess *crb_reuse_direction_infer (GDateTime *date_a,
                                                   GDateTime *date_b,
                                                   double     coverage_a,
                                                   double     coverage_b);

G_END_DECLS
