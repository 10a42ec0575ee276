/* crb-name-variant.h: spelling variants of names across scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Scores at or above this are variants of one name. */
#define CRB_NAME_VARIANT_THRESHOLD 0.80

/* A matching key for @name: Cyrillic romanised, case and accents folded,
 * and spellings that transliterations disagree on merged (kh/h/x, q/k,
 * zh/j/dzh, y/i, ts/c, doubled letters, "ye"/"e" after vowels…), one part
 * per word, space-separated.  "Kassym-Jomart Tokayev", "Qasym-Jomart
 * Toqaev", "Касым-Жомарт Токаев" and "Қасым-Жомарт Тоқаев" share the key
 * "kasim jomart tokaev". */
char   *crb_name_key           (const char *name);

/* How likely @a and @b name the same thing, from 0 to 1, tolerant of
 * transliteration, misspelling and machine-translation damage: words are
 * compared by their keys with an edit distance in which vowels count half
 * (they are what transliterations and typists change most), the best
 * pairing of words is kept, and a name that is a shorter form of the other
 * ("Tokayev" for "Kassym-Jomart Tokayev") loses a little.  Variants score
 * at least CRB_NAME_VARIANT_THRESHOLD; a garbled form such as "Qasim-Skomart
 * Tokaye" still passes with a lower score than a clean one. */
double  crb_name_variant_score (const char *a,
                                const char *b);

/* crb_name_variant_score (a, b) >= CRB_NAME_VARIANT_THRESHOLD */
gboolean crb_name_is_variant   (const char *a,
                                const char *b);

G_END_DECLS
