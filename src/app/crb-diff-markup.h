/* crb-diff-markup.h: word differences as Pango markup, for labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-word-diff.h"

G_BEGIN_DECLS

/* One side of a passage (code points `start`…`end` of `text`) with the
 * words that differ from the other side marked, not by colour alone:
 * on side A (`side_b` FALSE) words missing from B are struck through, on
 * side B words missing from A are underlined; replaced words are also
 * bold.  `runs` are CrbWordDiffRun of the whole texts (A against B). */
char *crb_diff_markup (const char *text, guint32 start, guint32 end, GArray *runs, gboolean side_b);

/* A whole-text slice between code points, escaped for markup. */
char *crb_diff_markup_escape_range (const char *text, guint32 start, guint32 end);

G_END_DECLS
