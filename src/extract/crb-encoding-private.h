/* crb-encoding-private.h: the single-byte encodings we can guess between
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Listed in order of preference when two decodings score the same. */
typedef enum
{
  CRB_SINGLE_BYTE_WINDOWS_1252,
  CRB_SINGLE_BYTE_WINDOWS_1251,
  CRB_SINGLE_BYTE_KOI8_R,
  CRB_SINGLE_BYTE_IBM866,
  CRB_SINGLE_BYTE_WINDOWS_1250,
  CRB_SINGLE_BYTE_ISO_8859_2,
  CRB_SINGLE_BYTE_KOI8_U,
  CRB_SINGLE_BYTE_KZ_1048,
  CRB_SINGLE_BYTE_ISO_8859_5,
  CRB_SINGLE_BYTE_N
} CrbSingleByte;

#define CRB_SINGLE_BYTE_NONE ((CrbSingleByte) -1)

/* The encoding that a charset label (as found in HTTP headers and <meta>)
 * names, or CRB_SINGLE_BYTE_NONE when it is not one of ours.  Labels for
 * ISO-8859-1 and US-ASCII mean windows-1252, as in browsers. */
CrbSingleByte crb_single_byte_from_label (const char *label);

/* The encoding's name as we report it (IANA spelling). */
const char   *crb_single_byte_name       (CrbSingleByte encoding);

/* FALSE when the C library cannot convert from this encoding. */
gboolean      crb_single_byte_available  (CrbSingleByte encoding);

/* Decodes every byte; bytes the encoding leaves undefined become U+FFFD and
 * NUL bytes are dropped.  *n_replaced (may be NULL) counts the former. */
char         *crb_single_byte_decode     (CrbSingleByte  encoding,
                                          const guint8  *data,
                                          gsize          length,
                                          gsize         *n_replaced);

/* How plausible each decoding of `data` is as human text (a log-likelihood:
 * higher is better; unavailable encodings get -G_MAXDOUBLE). */
void          crb_single_byte_score      (const guint8  *data,
                                          gsize          length,
                                          double         scores[CRB_SINGLE_BYTE_N]);

/* The best-scoring encoding. */
CrbSingleByte crb_single_byte_guess      (const guint8  *data,
                                          gsize          length);

G_END_DECLS
