/* crb-utf8.h: any bytes to valid UTF-8 without NUL; counting characters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies `length` bytes, replacing each byte that is not part of a valid
 * UTF-8 sequence with U+FFFD and dropping NUL bytes.  n_multibyte and
 * n_invalid (both may be NULL) count the valid multi-byte sequences and the
 * replaced bytes, which tells UTF-8 with a few bad bytes from text in
 * another encoding. */
char *crb_utf8_sanitize (const char *text,
                         gsize       length,
                         gsize      *n_multibyte,
                         gsize      *n_invalid);

/* The number of code points in `length` bytes of valid UTF-8: the bytes
 * that start a character.  Several times faster than g_utf8_strlen(),
 * which steps from character to character. */
gsize crb_utf8_count_chars (const char *text,
                            gsize       length);

G_END_DECLS
