/* crb-translit.c: Cyrillic ↔ Latin transliteration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Table-driven: one row per Cyrillic letter with its spelling in each
 * scheme.  Russian BGN/PCGN spells е "ye" at the start of a word and after
 * vowels, as English-language reporting does (Yevgeny, Tokayev).
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-translit.h"

#include <string.h>

typedef struct
{
  gunichar    letter;    /* lower case */
  const char *bgn;
  const char *iso9;
  const char *ukrainian;
  const char *kazakh;
  const char *matching;  /* ASCII, for name keys */
} Letter;

static const Letter letters[] = {
  { 0x0430, "a", "a", "a", "a", "a" },                      /* а */
  { 0x0431, "b", "b", "b", "b", "b" },                      /* б */
  { 0x0432, "v", "v", "v", "v", "v" },                      /* в */
  { 0x0433, "g", "g", "h", "g", "g" },                      /* г */
  { 0x0491, "g", "g̀", "g", "g", "g" },              /* ґ */
  { 0x0434, "d", "d", "d", "d", "d" },                      /* д */
  { 0x0435, "e", "e", "e", "e", "e" },                      /* е (ye: see below) */
  { 0x0454, "ye", "ê", "ie", "e", "ye" },            /* є */
  { 0x0451, "yo", "ë", "io", "ıo", "yo" },    /* ё */
  { 0x0436, "zh", "ž", "zh", "j", "zh" },            /* ж */
  { 0x0437, "z", "z", "z", "z", "z" },                      /* з */
  { 0x0438, "i", "i", "y", "ı", "i" },               /* и */
  { 0x0456, "i", "ì", "i", "i", "i" },               /* і */
  { 0x0457, "yi", "ï", "i", "i", "yi" },             /* ї */
  { 0x0439, "y", "j", "i", "ı", "y" },               /* й */
  { 0x043A, "k", "k", "k", "k", "k" },                      /* к */
  { 0x049B, "q", "k̦", "k", "q", "k" },              /* қ */
  { 0x043B, "l", "l", "l", "l", "l" },                      /* л */
  { 0x043C, "m", "m", "m", "m", "m" },                      /* м */
  { 0x043D, "n", "n", "n", "n", "n" },                      /* н */
  { 0x04A3, "ng", "ņ", "n", "ń", "n" },      /* ң */
  { 0x043E, "o", "o", "o", "o", "o" },                      /* о */
  { 0x04E9, "o", "ô", "o", "ó", "o" },        /* ө */
  { 0x043F, "p", "p", "p", "p", "p" },                      /* п */
  { 0x0440, "r", "r", "r", "r", "r" },                      /* р */
  { 0x0441, "s", "s", "s", "s", "s" },                      /* с */
  { 0x0442, "t", "t", "t", "t", "t" },                      /* т */
  { 0x0443, "u", "u", "u", "ý", "u" },               /* у */
  { 0x04B1, "u", "ù", "u", "u", "u" },               /* ұ */
  { 0x04AF, "u", "û", "u", "ú", "u" },        /* ү */
  { 0x0444, "f", "f", "f", "f", "f" },                      /* ф */
  { 0x0445, "kh", "h", "kh", "h", "kh" },                   /* х */
  { 0x04BB, "h", "ḩ", "h", "h", "h" },           /* һ */
  { 0x0446, "ts", "c", "ts", "ts", "ts" },                  /* ц */
  { 0x0447, "ch", "č", "ch", "ç", "ch" },     /* ч */
  { 0x0448, "sh", "š", "sh", "ş", "sh" },     /* ш */
  { 0x0449, "shch", "ŝ", "shch", "şş", "shch" }, /* щ */
  { 0x044A, "", "ʺ", "", "", "" },                   /* ъ */
  { 0x044B, "y", "y", "y", "y", "y" },                      /* ы */
  { 0x044C, "", "ʹ", "", "", "" },                   /* ь */
  { 0x044D, "e", "è", "e", "e", "e" },               /* э */
  { 0x044E, "yu", "û", "iu", "ıý", "yu" }, /* ю */
  { 0x044F, "ya", "â", "ia", "ıa", "ya" },    /* я */
  { 0x04D9, "a", "ä", "a", "á", "a" },        /* ә */
  { 0x0493, "gh", "ġ", "g", "ǵ", "g" },       /* ғ */
};

static const Letter *
find_letter (gunichar c)
{
  c = g_unichar_tolower (c);
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    if (letters[i].letter == c)
      return &letters[i];
  return NULL;
}

const char *
crb_translit_matching_letter (gunichar c)
{
  const Letter *letter = find_letter (c);

  return letter != NULL ? letter->matching : NULL;
}

/* Vowels, and the signs after which Russian е is spelt "ye". */
static gboolean
is_cyrillic_vowel (gunichar c)
{
  return c != 0 && g_utf8_strchr ("аеёиоуыэюяіїєәөұүъь", -1, g_unichar_tolower (c)) != NULL;
}

/* Appends @spelling, capitalised when @upper: all of it when the next letter
 * is upper case too (an acronym or a name in capitals). */
static void
append_cased (GString    *out,
              const char *spelling,
              gboolean    upper,
              gboolean    next_upper)
{
  if (!upper || *spelling == '\0')
    {
      g_string_append (out, spelling);
      return;
    }
  for (const char *p = spelling; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, p == spelling || next_upper ? g_unichar_toupper (c) : c);
    }
}

static const char *
spelling_for (const Letter      *letter,
              CrbTranslitScheme  scheme,
              gunichar           previous)
{
  gboolean word_start = previous == 0 || !g_unichar_isalpha (previous);

  switch (scheme)
    {
    case CRB_TRANSLIT_RUSSIAN_BGN:
      if (letter->letter == 0x0435 && (word_start || is_cyrillic_vowel (previous)))
        return "ye";
      return letter->bgn;
    case CRB_TRANSLIT_RUSSIAN_ISO9:
      return letter->iso9;
    case CRB_TRANSLIT_UKRAINIAN:
      /* The national system spells є ї й ю я differently at a word start. */
      if (word_start)
        switch (letter->letter)
          {
          case 0x0454: return "ye";
          case 0x0457: return "yi";
          case 0x0439: return "y";
          case 0x044E: return "yu";
          case 0x044F: return "ya";
          default: break;
          }
      return letter->ukrainian;
    case CRB_TRANSLIT_KAZAKH_LATIN:
      return letter->kazakh;
    case CRB_TRANSLIT_LATIN_TO_RUSSIAN:
    default:
      return NULL;
    }
}

/* Latin → Russian: longest spelling first. */
static const struct
{
  const char *latin;
  const char *cyrillic;
} to_russian[] = {
  { "shch", "щ" }, { "sch", "щ" }, { "zh", "ж" }, { "kh", "х" }, { "ts", "ц" }, { "tz", "ц" },
  { "ch", "ч" }, { "sh", "ш" }, { "yu", "ю" }, { "ya", "я" }, { "yo", "ё" }, { "ye", "е" },
  { "ck", "к" }, { "ph", "ф" }, { "th", "т" }, { "oo", "у" }, { "ee", "и" }, { "iy", "ий" },
  { "yy", "ый" }, { "a", "а" }, { "b", "б" }, { "c", "к" }, { "d", "д" }, { "e", "е" },
  { "f", "ф" }, { "g", "г" }, { "h", "х" }, { "i", "и" }, { "j", "дж" }, { "k", "к" },
  { "l", "л" }, { "m", "м" }, { "n", "н" }, { "o", "о" }, { "p", "п" }, { "q", "к" },
  { "r", "р" }, { "s", "с" }, { "t", "т" }, { "u", "у" }, { "v", "в" }, { "w", "в" },
  { "x", "кс" }, { "y", "ы" }, { "z", "з" },
};

static gboolean
is_latin_vowel (char c)
{
  return c != '\0' && strchr ("aeiouy", g_ascii_tolower (c)) != NULL;
}

static void
latin_to_russian (GString    *out,
                  const char *text,
                  gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      guchar c = text[i];
      gboolean upper = g_ascii_isupper (c);
      gboolean matched = FALSE;

      if (!g_ascii_isalpha (c))
        {
          g_string_append_c (out, c);
          i++;
          continue;
        }
      /* "y" between a vowel and a consonant, or after a vowel at the end,
       * is й ("Shoygu", "Nikolay"); "i" likewise after a vowel ("Shoigu"). */
      if ((g_ascii_tolower (c) == 'y' || g_ascii_tolower (c) == 'i') && i > 0
          && is_latin_vowel (text[i - 1]) && (i + 1 >= length || !is_latin_vowel (text[i + 1])))
        {
          g_string_append (out, upper ? "Й" : "й");
          i++;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (to_russian) && !matched; k++)
        {
          gsize n = strlen (to_russian[k].latin);

          if (i + n <= length && g_ascii_strncasecmp (text + i, to_russian[k].latin, n) == 0)
            {
              const char *cyrillic = to_russian[k].cyrillic;

              /* "ye" after a consonant is ье only in rare words; е is the safe guess. */
              if (upper)
                {
                  g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (cyrillic)));
                  g_string_append (out, g_utf8_next_char (cyrillic));
                }
              else
                g_string_append (out, cyrillic);
              i += n;
              matched = TRUE;
            }
        }
    }
}

char *
crb_translit (const char        *text,
              gssize             length,
              CrbTranslitScheme  scheme)
{
  GString *out;
  gunichar previous = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  out = g_string_sized_new (length * 2 + 1);
  if (scheme == CRB_TRANSLIT_LATIN_TO_RUSSIAN)
    {
      latin_to_russian (out, text, length);
      return g_string_free (out, FALSE);
    }

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const Letter *letter = find_letter (c);
      const char *next = g_utf8_next_char (p);
      gboolean next_upper = next < text + length && g_unichar_isupper (g_utf8_get_char (next));

      if (letter == NULL)
        g_string_append_unichar (out, c);
      else
        append_cased (out, spelling_for (letter, scheme, previous), g_unichar_isupper (c), next_upper);
      previous = c;
    }
  return g_string_free (out, FALSE);
}
