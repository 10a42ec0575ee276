/* crb-quantity-scanner.h: shared helpers of the quantity parsers (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text as code points, so that positions are the offsets reported. */
typedef struct
{
  const gunichar *text;
  gsize           length;
} CrbScanner;

/* TRUE for letters and digits. */
gboolean crb_scanner_is_alnum       (const CrbScanner *scanner,
                                     gsize             position);

/* Skips spaces (including no-break and thin spaces); returns the new position. */
gsize    crb_scanner_skip_space     (const CrbScanner *scanner,
                                     gsize             position);

/* When the words of @phrase (lower case, single spaces) start at @position
 * and end at a word boundary, returns the position after them, else 0.
 * Spaces in @phrase match any run of spaces; a trailing '.' in @phrase is
 * optional in the text. */
gsize    crb_scanner_match          (const CrbScanner *scanner,
                                     gsize             position,
                                     const char       *phrase);

/* Like crb_scanner_match() but for the first of a NULL-terminated list;
 * sets *@index to which one matched. */
gsize    crb_scanner_match_any      (const CrbScanner  *scanner,
                                     gsize              position,
                                     const char *const *phrases,
                                     guint             *index);

/* When @phrase ends right before @position (possibly followed by spaces),
 * returns where it starts, else G_MAXSIZE. */
gsize    crb_scanner_match_before   (const CrbScanner *scanner,
                                     gsize             position,
                                     const char       *phrase);

/* TRUE when Cyrillic letters outnumber Latin ones within @radius code points
 * of @position. */
gboolean crb_scanner_is_russian_near (const CrbScanner *scanner,
                                      gsize             position,
                                      gsize             radius);

/* Numbers: parses one written with digits or as a word at @position.
 * Sets the value, whether it was a plain integer of digits only (for years)
 * and its digit count, and returns the end, or 0 when there is no number. */
gsize    crb_number_parse           (const CrbScanner *scanner,
                                     gsize             position,
                                     gboolean          russian,
                                     double           *value,
                                     gboolean         *plain_integer,
                                     guint            *n_digits);

/* Multipliers after a number ("million", "млн", "тыс."): returns the end
 * and sets the factor, or returns 0. */
gsize    crb_number_parse_multiplier (const CrbScanner *scanner,
                                      gsize             position,
                                      double           *factor);

/* Dates at @position: "27 March 2014", "March 27, 2014", "2014-03-27",
 * "27.03.2014", "27 марта 2014 года", "March 2014", "2014 году".  Fills the
 * Julian days and ISO form, returns the end or 0. */
gsize    crb_date_parse             (const CrbScanner *scanner,
                                     gsize             position,
                                     double           *first_day,
                                     double           *last_day,
                                     char              iso[24]);

/* Month names, English and Russian, in any case form: returns 1–12 and
 * sets *@end, or returns 0. */
guint    crb_date_parse_month       (const CrbScanner *scanner,
                                     gsize             position,
                                     gsize            *end);

/* Fills the days and ISO form of year @year alone. */
void     crb_date_set_year          (guint             year,
                                     guint             year_end,
                                     double           *first_day,
                                     double           *last_day,
                                     char              iso[24]);

G_END_DECLS
