/* crb-reuse-direction.c: which of two related documents copies the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-reuse-direction.h"

/* "Nearly all" of a document, and "most of the rest is new". */
#define CONTAINED  0.8
#define ADDITIONS  0.6

void
crb_reuse_direction_guess_free (CrbReuseDirectionGuess *guess)
{
  if (guess == NULL)
    return;
  g_free (guess->reason);
  g_free (guess);
}

static CrbReuseDirectionGuess *
guess_new (CrbReuseDirection  direction,
           double             confidence,
           char              *reason)
{
  CrbReuseDirectionGuess *guess = g_new0 (CrbReuseDirectionGuess, 1);

  guess->direction = direction;
  guess->confidence = direction == CRB_REUSE_DIRECTION_UNKNOWN ? 0.0 : CLAMP (confidence, 0.5, 0.95);
  guess->reason = reason;
  return guess;
}

CrbReuseDirectionGuess *
crb_reuse_direction_infer (GDateTime *date_a,
                           GDateTime *date_b,
                           double     coverage_a,
                           double     coverage_b)
{
  coverage_a = CLAMP (coverage_a, 0.0, 1.0);
  coverage_b = CLAMP (coverage_b, 0.0, 1.0);

  if (date_a != NULL && date_b != NULL
      && ABS (g_date_time_difference (date_a, date_b)) >= G_TIME_SPAN_DAY)
    {
      gboolean b_later = g_date_time_compare (date_b, date_a) > 0;
      GDateTime *earlier = b_later ? date_a : date_b;
      GDateTime *later = b_later ? date_b : date_a;
      double repeated = b_later ? coverage_a : coverage_b;
      g_autofree char *earlier_text = g_date_time_format (earlier, "%Y-%m-%d");
      g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%d");

      return guess_new (b_later ? CRB_REUSE_DIRECTION_B_COPIES_A : CRB_REUSE_DIRECTION_A_COPIES_B,
                        0.6 + 0.35 * repeated,
                        g_strdup_printf ("%s (%s) is later than %s (%s) and repeats %.0f%% of it",
                                         b_later ? "B" : "A", later_text, b_later ? "A" : "B",
                                         earlier_text, 100 * repeated));
    }

  if (coverage_a >= CONTAINED && coverage_b <= ADDITIONS)
    return guess_new (CRB_REUSE_DIRECTION_B_COPIES_A, 0.5 + 0.3 * (coverage_a - coverage_b),
                      g_strdup_printf ("B contains %.0f%% of A and adds text of its own "
                                       "(%.0f%% of B is not in A)",
                                       100 * coverage_a, 100 * (1 - coverage_b)));
  if (coverage_b >= CONTAINED && coverage_a <= ADDITIONS)
    return guess_new (CRB_REUSE_DIRECTION_A_COPIES_B, 0.5 + 0.3 * (coverage_b - coverage_a),
                      g_strdup_printf ("A contains %.0f%% of B and adds text of its own "
                                       "(%.0f%% of A is not in B)",
                                       100 * coverage_b, 100 * (1 - coverage_a)));
  if (coverage_a >= CONTAINED && coverage_b >= CONTAINED)
    return guess_new (CRB_REUSE_DIRECTION_UNKNOWN, 0,
                      g_strdup ("A and B are near-duplicates; without dates it is not known "
                                "which came first"));
  return guess_new (CRB_REUSE_DIRECTION_UNKNOWN, 0,
                    g_strdup_printf ("A and B share passages (%.0f%% of A, %.0f%% of B) but neither "
                                     "contains the other and their dates do not tell",
                                     100 * coverage_a, 100 * coverage_b));
}
