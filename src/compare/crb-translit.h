/* crb-translit.h: Cyrillic ↔ Latin transliteration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CRB_TRANSLIT_RUSSIAN_BGN,       /* Russian, BGN/PCGN-like: Жириновский → Zhirinovskiy */
  CRB_TRANSLIT_RUSSIAN_ISO9,      /* Russian, ISO 9: Жириновский → Žirinovskij */
  CRB_TRANSLIT_UKRAINIAN,         /* Ukrainian national (2010): Харків → Kharkiv */
  CRB_TRANSLIT_KAZAKH_LATIN,      /* Kazakh Latin alphabet: Қасым-Жомарт Тоқаев → Qasym-Jomart Toqaev */
  CRB_TRANSLIT_LATIN_TO_RUSSIAN,  /* a best guess back to Russian Cyrillic: Tokayev → Токаев */
} CrbTranslitScheme;

/* Transliterates @text (@length bytes, or NUL-terminated when -1) with
 * @scheme.  Characters the scheme does not cover are copied; capitals stay
 * capitals ("Ж" → "Zh", "ЖК" → "ZhK").  The Kazakh alphabet is the
 * acute-accent one of the 2021 reform as listed in issue 5 (ә á, ғ ǵ,
 * и/й ı, ң ń, ө ó, ү ú, у ý, ұ u, ш ş, ч ç, қ q, ж j, ы y, і i). */
char *crb_translit (const char        *text,
                    gssize             length,
                    CrbTranslitScheme  scheme);

/* Romanises one Cyrillic letter (lower case, any of Russian, Ukrainian and
 * Kazakh) to plain ASCII for matching, e.g. "щ" → "shch", "қ" → "k", "ь" → "";
 * returns NULL for anything else. */
const char *crb_translit_matching_letter (gunichar c);

G_END_DECLS
