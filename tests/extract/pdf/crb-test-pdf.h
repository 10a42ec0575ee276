/* crb-test-pdf.h: writes PDFs for the extraction tests and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CrbTestPdf CrbTestPdf;

/* A PDF drawn with cairo's PDF surface: real fonts (DejaVu through
 * fontconfig, so Cyrillic works), real text operators, real ToUnicode maps.
 * Coordinates are points from the top-left corner of the page as the reader
 * sees it; `y` is the baseline. */
CrbTestPdf *crb_test_pdf_new (double width, double height);
void        crb_test_pdf_set_info (CrbTestPdf *pdf, const char *title, const char *author,
                                   const char *subject, const char *created);
void        crb_test_pdf_font (CrbTestPdf *pdf, double size, gboolean bold);
/* Returns where the text ends, for text that follows on the line. */
double crb_test_pdf_show (CrbTestPdf *pdf, double x, double y, const char *text);
/* A grey picture (an image XObject in the file), as a scanner makes. */
void crb_test_pdf_image (CrbTestPdf *pdf, double x, double y, double width, double height);
/* Shows `lines` (NULL-terminated) one under the other; returns the baseline
 * after the last one. */
double crb_test_pdf_show_lines (CrbTestPdf *pdf, double x, double y, double leading,
                                const char *const *lines);
/* Ends the current page.  With `rotated`, the next page is stored with
 * /Rotate 90 and its content drawn turned the other way, so that it reads
 * upright in a viewer, as scanned-in landscape pages do. */
void    crb_test_pdf_next_page (CrbTestPdf *pdf, gboolean rotated);
GBytes *crb_test_pdf_finish (CrbTestPdf *pdf);
void    crb_test_pdf_free (CrbTestPdf *pdf);

/* A one-page PDF protected with the standard security handler (RC4, 40-bit
 * key, revision 2): opening it needs `user_password`. */
GBytes *crb_test_pdf_encrypted (const char *user_password, const char *owner_password,
                                const char *text);

/* A deterministic two-column article: running header, page numbers, words
 * hyphenated at line ends.  `words` receives the body words in reading
 * order (what a perfect extraction gives). */
GBytes *crb_test_pdf_article (guint n_pages, guint32 seed, GPtrArray *words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbTestPdf, crb_test_pdf_free)

G_END_DECLS
