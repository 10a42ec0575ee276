/* html-test-util.h: running the HTML extractor on a string in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-extract-formats.h"

G_BEGIN_DECLS

/* Extracts @length bytes of @html (-1: up to the NUL) and asserts success. */
CrbExtractResult *html_test_extract (const char *html, gssize length, const char *charset,
                                     const char *url);

/* Whether some line of @lines contains @needle. */
gboolean html_test_lines_contain (GPtrArray *lines, const char *needle);

G_END_DECLS
