/* crb-fold.h: character folding shared by every comparison unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest folded form of one code point, in bytes. */
#define CRB_FOLD_MAX 8

/* Writes the folded form of @c (lower case, diacritics stripped, a few
 * ligatures and special letters spelt out) to @out as UTF-8 and returns its
 * length.  Combining marks fold to nothing (0).  Cyrillic й keeps its breve
 * because it is a separate letter, not an accent. */
guint     crb_fold_unichar     (gunichar c,
                                char     out[CRB_FOLD_MAX]);

/* Folds a whole UTF-8 string the same way; every other character is kept. */
char     *crb_fold_string      (const char *text,
                                gssize      length);

/* TRUE for characters that belong inside a word: letters, digits and
 * combining marks. */
gboolean  crb_fold_is_word_char (gunichar c);

/* A fast 64-bit hash of @length bytes, well mixed in every bit. */
guint64   crb_fold_hash        (const char *bytes,
                                gsize       length);

/* Mixes @value into a well-distributed 64-bit hash (the murmur3 finaliser). */
static inline guint64
crb_fold_mix64 (guint64 value)
{
  value ^= value >> 33;
  value *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  value ^= value >> 33;
  value *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  value ^= value >> 33;
  return value;
}

G_END_DECLS
