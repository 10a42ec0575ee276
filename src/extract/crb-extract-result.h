/* crb-extract-result.h: what one extraction produces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The result of extracting one file.  Every string is valid UTF-8; `text` is
 * NFC-normalised with LF line endings.  Offsets are in Unicode code points of
 * `text` (the unit of GtkTextIter offsets and of claim anchors). */
typedef struct
{
  GString   *text;
  char      *kind;        /* "text", "markdown", "html", "pdf", "docx", "odt", "epub" */
  char      *title;       /* NULL where unknown, likewise below */
  char      *author;
  char      *publisher;
  char      *published;   /* ISO 8601 date or date-time as found */
  char      *language;    /* BCP 47 tag */
  char      *encoding;    /* the source encoding that was detected or declared */
  GArray    *pages;       /* guint: offset where each page starts (PDF), else empty */
  GArray    *paragraphs;  /* guint: offset where each paragraph or block starts */
  GPtrArray *warnings;    /* char *: things the analyst should know */
  GPtrArray *removed;     /* char *: what was dropped as boilerplate, one line each */
} CrbExtractResult;

CrbExtractResult *crb_extract_result_new  (void);
void              crb_extract_result_free (CrbExtractResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbExtractResult, crb_extract_result_free)

G_END_DECLS
