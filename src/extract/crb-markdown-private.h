/* crb-markdown-private.h: shared by the block and inline halves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-markdown.h"

G_BEGIN_DECLS

/* Renders `length` bytes of one line.  Images go to `removed` (may be NULL);
 * `labels` (may be NULL) holds the reference labels the document defines,
 * in lower case, so that "[label]" alone counts as a link. */
char *crb_markdown_inline_full (const char *line,
                                gsize       length,
                                GPtrArray  *removed,
                                GHashTable *labels);

G_END_DECLS
