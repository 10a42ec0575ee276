/* crb-pdf-private.h: the PDF extractor's stages and what they pass along
 *
 * poppler gives characters with boxes; crb-pdf-page.c turns them into line
 * fragments, crb-pdf-clean.c drops running headers, footers and page
 * numbers, crb-pdf-layout.c puts each page in reading order (columns, then
 * footnotes), crb-pdf-compose.c writes paragraphs with de-hyphenation
 * (crb-pdf-hyphen.c) and page offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "crb-extract-result.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_PDF_LINE_NOTE = 1 << 0,        /* a footnote, set at the end of its page */
  CRB_PDF_LINE_VERTICAL = 1 << 1,    /* runs up or down the page (margin stamps) */
  CRB_PDF_LINE_SOFT_HYPHEN = 1 << 2, /* ended in U+00AD: always joined */
} CrbPdfLineFlags;

/* A run of text on one baseline, within one column.  Boxes are in points
 * with y growing down the page as the reader sees it (rotation applied). */
typedef struct
{
  double x1, y1, x2, y2;
  double size;    /* median glyph height: stands in for the font size */
  char  *text;    /* UTF-8, single spaces, no line break */
  guint  n_chars; /* code points in text */
  guint  flags;
  guint  block; /* reading-order block (one column piece) on its page */
  double block_x1, block_x2;
} CrbPdfLine;

typedef struct
{
  double     width, height;
  GPtrArray *pool;    /* CrbPdfLine *: owns every line of the page */
  GPtrArray *lines;   /* the fragments as read, not yet ordered */
  GPtrArray *body;    /* reading order, set by crb_pdf_page_order () */
  GPtrArray *notes;   /* footnotes in reading order */
  guint      n_chars; /* characters of text on the page before cleaning */
} CrbPdfPage;

CrbPdfLine *crb_pdf_line_new (const char *text);
void        crb_pdf_line_free (CrbPdfLine *line);

/* crb-pdf-page.c */
CrbPdfPage *crb_pdf_page_read (PopplerPage *page);
void        crb_pdf_page_free (CrbPdfPage *page);

/* crb-pdf-clean.c: flags nothing, drops the furniture from page->lines and
 * tells the analyst in result->removed. */
void crb_pdf_remove_furniture (GPtrArray *pages, CrbExtractResult *result);

/* crb-pdf-layout.c */
double crb_pdf_body_size (GPtrArray *pages);
void   crb_pdf_page_order (CrbPdfPage *page, double body_size);

/* crb-pdf-hyphen.c: the document's own words decide hyphen joins. */
typedef struct _CrbPdfVocabulary CrbPdfVocabulary;

CrbPdfVocabulary *crb_pdf_vocabulary_new (GPtrArray *pages);
void              crb_pdf_vocabulary_free (CrbPdfVocabulary *vocabulary);
gboolean crb_pdf_hyphen_keep (CrbPdfVocabulary *vocabulary, const char *left, const char *right);

/* crb-pdf-compose.c */
void crb_pdf_compose (GPtrArray *pages, CrbPdfVocabulary *vocabulary, CrbExtractResult *result);

/* poppler-glib 22.12 has no autoptr support and later versions do: own
 * names avoid a clash on either. */
typedef PopplerDocument CrbPopplerDocument;
typedef PopplerPage     CrbPopplerPage;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbPopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbPdfPage, crb_pdf_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbPdfVocabulary, crb_pdf_vocabulary_free)

G_END_DECLS
