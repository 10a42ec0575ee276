/* crb-masthead.h: publisher, byline and date from the lines under a plain
 * text's title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-extract-result.h"

G_BEGIN_DECLS

/* Fills result->publisher, ->author and ->published where they are still
 * NULL and the text's first lines give them. */
void crb_masthead_read (const char *text, CrbExtractResult *result);

G_END_DECLS
