/* html-f1.h: token F1 between an extracted text and the expected one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tokens are maximal runs of letters, marks and digits (Unicode categories
 * L, M, N) of the NFC-normalised, lower-cased text; F1 is computed over the
 * multisets of tokens.  tests/bench/bench-html-readability.mjs applies the
 * same rules to Readability's output. */
double html_f1_score (const char *extracted, const char *expected, double *precision,
                      double *recall);

G_END_DECLS
