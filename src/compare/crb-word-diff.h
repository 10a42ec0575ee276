/* crb-word-diff.h: word-level differences of two passages, for display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-align.h"
#include "crb-reuse-passage.h"

G_BEGIN_DECLS

/* One run of a side-by-side diff.  Offsets are code points of the whole
 * texts; an INSERT has an empty A range where B's words go (and a DELETE an
 * empty B range), so that both views can mark the spot. */
typedef struct
{
  CrbAlignKind kind;
  guint32      a_start;
  guint32      a_end;
  guint32      b_start;
  guint32      b_end;
  guint32      a_n_words;
  guint32      b_n_words;
} CrbWordDiffRun;

/* Compares the passage of @text_a between code points @a_start and @a_end
 * with that of @text_b, word by word (case, accents, punctuation and line
 * breaks do not count as differences).  Returns a GArray of CrbWordDiffRun
 * covering both passages in order. */
GArray    *crb_word_diff               (const char            *text_a,
                                        guint32                a_start,
                                        guint32                a_end,
                                        const char            *text_b,
                                        guint32                b_start,
                                        guint32                b_end);

/* The substitution table (see crb_substitutions_collect()) of two whole
 * texts from their aligned @passages, e.g. passages stored earlier; only
 * their code-point offsets are used.  Returns a GPtrArray of
 * CrbSubstitution. */
GPtrArray *crb_word_diff_substitutions (const char            *text_a,
                                        const char            *text_b,
                                        const CrbReusePassage *passages,
                                        guint                  n_passages);

G_END_DECLS
