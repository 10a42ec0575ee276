/* crb-markdown.h: Markdown as the text a reader sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-extract-result.h"

G_BEGIN_DECLS

/* Whether normalised text looks like Markdown rather than plain text:
 * several kinds of Markdown syntax must appear, not just a stray '#'. */
gboolean crb_markdown_sniff  (const char       *text);

/* Renders normalised Markdown into result->text as readable text: heading
 * marks, emphasis markers and link syntax go, link texts, list items and
 * code stay, images and comments are dropped (and listed in
 * result->removed).  The first heading, or a YAML front matter's title,
 * becomes result->title; the front matter's author, date and language fill
 * the matching fields. */
void     crb_markdown_render (const char       *text,
                              CrbExtractResult *result);

/* The inline part on its own (emphasis, links, code spans, escapes), for
 * one line; exposed for tests. */
char    *crb_markdown_inline (const char       *line,
                              GPtrArray        *removed);

G_END_DECLS
