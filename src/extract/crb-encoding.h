/* crb-encoding.h: bytes of unknown encoding to clean UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Detects the encoding (BOM, then `declared` if it decodes cleanly, then
 * UTF-8, then a statistical choice among Windows-1251, KOI8-R, ISO-8859-1 /
 * Windows-1252 and others) and returns UTF-8.  *detected receives the
 * encoding's name.  Fails only when nothing decodes. */
char *crb_encoding_decode (const guint8  *data,
                           gsize          length,
                           const char    *declared,
                           char         **detected,
                           GError       **error);

/* NFC normalisation, CR LF and CR to LF, control characters other than
 * tab and newline dropped (form feed, vertical tab, NEL and U+2028 become a
 * newline, U+2029 a blank line), U+FEFF and noncharacters dropped.  Invalid
 * UTF-8 in the input is replaced by U+FFFD. */
char *crb_text_normalize  (const char    *utf8);

G_END_DECLS
