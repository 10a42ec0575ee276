/* crb-quantity-scanner.c: words, numbers and multipliers for the quantity parsers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-quantity-scanner.h"

#include <math.h>

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x2009
         || c == 0x202F || c == 0x2007;
}

static inline gunichar
fold (gunichar c)
{
  c = g_unichar_tolower (c);
  return c == 0x0451 ? 0x0435 : c;  /* ё reads as е */
}

gboolean
crb_scanner_is_alnum (const CrbScanner *scanner,
                      gsize             position)
{
  return position < scanner->length && g_unichar_isalnum (scanner->text[position]);
}

gsize
crb_scanner_skip_space (const CrbScanner *scanner,
                        gsize             position)
{
  while (position < scanner->length && is_space (scanner->text[position]))
    position++;
  return position;
}

gsize
crb_scanner_match (const CrbScanner *scanner,
                   gsize             position,
                   const char       *phrase)
{
  gsize p = position;
  const char *q = phrase;
  gunichar first = g_utf8_get_char (phrase);

  /* A word must not start in the middle of another word. */
  if (g_unichar_isalpha (first) && position > 0 && g_unichar_isalpha (scanner->text[position - 1]))
    return 0;

  while (*q != '\0')
    {
      gunichar expected = g_utf8_get_char (q);

      if (expected == ' ')
        {
          if (p >= scanner->length || !is_space (scanner->text[p]))
            return 0;
          p = crb_scanner_skip_space (scanner, p);
        }
      else if (expected == '.' && q[1] == '\0')
        {
          if (p < scanner->length && scanner->text[p] == '.')
            p++;
          else if (g_unichar_isalpha (scanner->text[p - 1]) && crb_scanner_is_alnum (scanner, p))
            return 0;
          return p;
        }
      else
        {
          if (p >= scanner->length || fold (scanner->text[p]) != expected)
            return 0;
          p++;
        }
      q = g_utf8_next_char (q);
    }
  /* …nor end in the middle of one. */
  if (p < scanner->length && p > position)
    {
      gunichar last = scanner->text[p - 1], next = scanner->text[p];

      if ((g_unichar_isalpha (last) && g_unichar_isalpha (next))
          || (g_unichar_isdigit (last) && g_unichar_isdigit (next)))
        return 0;
    }
  return p;
}

gsize
crb_scanner_match_any (const CrbScanner  *scanner,
                       gsize              position,
                       const char *const *phrases,
                       guint             *index)
{
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      gsize end = crb_scanner_match (scanner, position, phrases[i]);

      if (end > 0)
        {
          if (index != NULL)
            *index = i;
          return end;
        }
    }
  return 0;
}

gsize
crb_scanner_match_before (const CrbScanner *scanner,
                          gsize             position,
                          const char       *phrase)
{
  gssize n_chars = g_utf8_strlen (phrase, -1);
  gssize end = position;

  while (end > 0 && is_space (scanner->text[end - 1]))
    end--;
  /* Spaces inside the phrase may match runs of spaces: try the starts that
   * leave room for a few and let crb_scanner_match() decide. */
  for (gssize start = end - n_chars; start >= 0 && start >= end - n_chars - 8; start--)
    {
      gsize matched = crb_scanner_match (scanner, start, phrase);

      if (matched > 0 && crb_scanner_skip_space (scanner, matched) == position
          && (start == 0 || !g_unichar_isalnum (scanner->text[start - 1])))
        return start;
    }
  return G_MAXSIZE;
}

gboolean
crb_scanner_is_russian_near (const CrbScanner *scanner,
                             gsize             position,
                             gsize             radius)
{
  gsize from = position > radius ? position - radius : 0;
  gsize to = MIN (scanner->length, position + radius);
  guint cyrillic = 0, latin = 0;

  for (gsize i = from; i < to; i++)
    {
      gunichar c = scanner->text[i];

      if (c >= 0x0400 && c <= 0x04FF)
        cyrillic++;
      else if (c < 0x0250 && g_unichar_isalpha (c))
        latin++;
    }
  return cyrillic > latin;
}

/* Numbers written as words ----------------------------------------------- */

typedef struct
{
  const char *word;
  guint       value;
} NumberWord;

/* Longer forms first where one is a prefix of another. */
static const NumberWord units[] = {
  { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
  { "seven", 7 }, { "eight", 8 }, { "nine", 9 },
  { "один", 1 }, { "одна", 1 }, { "одно", 1 }, { "два", 2 }, { "две", 2 }, { "три", 3 },
  { "четыре", 4 }, { "пять", 5 }, { "шесть", 6 }, { "семь", 7 }, { "восемь", 8 }, { "девять", 9 },
  { NULL, 0 },
};

static const NumberWord teens_and_tens[] = {
  { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
  { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
  { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
  { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 }, { "a dozen", 12 }, { "dozen", 12 },
  { "десять", 10 }, { "одиннадцать", 11 }, { "двенадцать", 12 }, { "тринадцать", 13 },
  { "четырнадцать", 14 }, { "пятнадцать", 15 }, { "шестнадцать", 16 }, { "семнадцать", 17 },
  { "восемнадцать", 18 }, { "девятнадцать", 19 }, { "двадцать", 20 }, { "тридцать", 30 },
  { "сорок", 40 }, { "пятьдесят", 50 }, { "шестьдесят", 60 }, { "семьдесят", 70 },
  { "восемьдесят", 80 }, { "девяносто", 90 },
  { NULL, 0 },
};

static const NumberWord hundreds[] = {
  { "a hundred", 100 }, { "one hundred", 100 }, { "two hundred", 200 }, { "three hundred", 300 },
  { "four hundred", 400 }, { "five hundred", 500 }, { "сто", 100 }, { "двести", 200 },
  { "триста", 300 }, { "четыреста", 400 }, { "пятьсот", 500 }, { "шестьсот", 600 },
  { "семьсот", 700 }, { "восемьсот", 800 }, { "девятьсот", 900 }, { "hundred", 100 },
  { NULL, 0 },
};

static gsize
match_number_word (const CrbScanner *scanner,
                   gsize             position,
                   const NumberWord *words,
                   guint            *value)
{
  for (guint i = 0; words[i].word != NULL; i++)
    {
      gsize end = crb_scanner_match (scanner, position, words[i].word);

      if (end > 0)
        {
          *value = words[i].value;
          return end;
        }
    }
  return 0;
}

/* "two hundred and fifty-five", "двадцать пять", "a dozen". */
static gsize
parse_number_words (const CrbScanner *scanner,
                    gsize             position,
                    double           *value)
{
  guint total = 0, part = 0;
  gsize end = 0, p = position, next;

  if ((next = match_number_word (scanner, p, hundreds, &part)) > 0)
    {
      total = part;
      end = next;
      p = crb_scanner_skip_space (scanner, next);
      if ((next = crb_scanner_match (scanner, p, "and")) > 0)
        p = crb_scanner_skip_space (scanner, next);
    }
  if ((next = match_number_word (scanner, p, teens_and_tens, &part)) > 0)
    {
      total += part;
      end = next;
      if (part >= 20)
        {
          /* "twenty-one", "двадцать один" */
          gsize q = next < scanner->length && scanner->text[next] == '-'
                      ? next + 1 : crb_scanner_skip_space (scanner, next);

          if ((next = match_number_word (scanner, q, units, &part)) > 0)
            {
              total += part;
              end = next;
            }
        }
    }
  else if ((next = match_number_word (scanner, p, units, &part)) > 0)
    {
      total += part;
      end = next;
    }
  if (end == 0)
    return 0;
  /* "two dozen": a count of dozens. */
  if (total > 0 && total < 100)
    {
      gsize q = crb_scanner_skip_space (scanner, end);

      if ((next = crb_scanner_match (scanner, q, "dozen")) > 0)
        {
          total *= 12;
          end = next;
        }
    }
  *value = total;
  return end;
}

/* Numbers written with digits --------------------------------------------- */

static inline gboolean
is_digit_at (const CrbScanner *scanner,
             gsize             position)
{
  return position < scanner->length && g_unichar_isdigit (scanner->text[position])
         && scanner->text[position] < 0x80;
}

/* Exactly three digits at @position, not followed by a fourth. */
static gboolean
is_group_at (const CrbScanner *scanner,
             gsize             position)
{
  return is_digit_at (scanner, position) && is_digit_at (scanner, position + 1)
         && is_digit_at (scanner, position + 2) && !is_digit_at (scanner, position + 3);
}

static inline gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x2009 || c == 0x202F || c == 0x2007;
}

gsize
crb_number_parse (const CrbScanner *scanner,
                  gsize             position,
                  gboolean          russian,
                  double           *value,
                  gboolean         *plain_integer,
                  guint            *n_digits)
{
  gsize p = position;
  double number = 0;
  guint first_digits = 0;
  gboolean dot_groups = FALSE, grouped = FALSE;

  *plain_integer = FALSE;
  *n_digits = 0;
  if (!is_digit_at (scanner, p))
    {
      gsize end = parse_number_words (scanner, p, value);

      return end;
    }

  while (is_digit_at (scanner, p))
    {
      number = number * 10 + (scanner->text[p] - '0');
      p++;
      first_digits++;
    }

  /* Thousands groups: "7,590" (English), "7 590", "7.590" (Russian), "1.234.567". */
  for (;;)
    {
      gunichar separator = p < scanner->length ? scanner->text[p] : 0;
      gboolean group;

      if (!is_group_at (scanner, p + 1))
        break;
      if (is_group_space (separator))
        group = grouped ? !dot_groups : first_digits <= 3;
      else if (separator == ',')
        group = !russian && !dot_groups;
      else if (separator == '.')
        group = dot_groups || russian
                || (p + 5 < scanner->length && scanner->text[p + 4] == '.' && is_group_at (scanner, p + 5));
      else
        break;
      if (!group)
        break;
      if (separator == '.')
        dot_groups = TRUE;
      number = number * 1000 + (scanner->text[p + 1] - '0') * 100 + (scanner->text[p + 2] - '0') * 10
               + (scanner->text[p + 3] - '0');
      p += 4;
      grouped = TRUE;
    }

  /* A decimal part: "46.2", "7,5". */
  if (p + 1 < scanner->length && (scanner->text[p] == '.' || scanner->text[p] == ',')
      && is_digit_at (scanner, p + 1) && !(dot_groups && scanner->text[p] == '.'))
    {
      double scale = 0.1;

      p++;
      while (is_digit_at (scanner, p))
        {
          number += (scanner->text[p] - '0') * scale;
          scale /= 10;
          p++;
        }
      grouped = TRUE;
    }

  *value = number;
  *plain_integer = !grouped;
  *n_digits = first_digits;
  return p;
}

static const struct
{
  const char *word;
  double      factor;
} multipliers[] = {
  { "thousands", 1e3 }, { "thousand", 1e3 }, { "millions", 1e6 }, { "million", 1e6 },
  { "mln.", 1e6 }, { "mn", 1e6 }, { "billions", 1e9 }, { "billion", 1e9 }, { "bn", 1e9 },
  { "trillion", 1e12 }, { "тысячи", 1e3 }, { "тысяча", 1e3 }, { "тысяч", 1e3 }, { "тыс.", 1e3 },
  { "миллионов", 1e6 }, { "миллиона", 1e6 }, { "миллион", 1e6 }, { "млн.", 1e6 },
  { "миллиардов", 1e9 }, { "миллиарда", 1e9 }, { "миллиард", 1e9 }, { "млрд.", 1e9 },
  { "триллионов", 1e12 }, { "трлн.", 1e12 },
};

gsize
crb_number_parse_multiplier (const CrbScanner *scanner,
                             gsize             position,
                             double           *factor)
{
  gsize p = crb_scanner_skip_space (scanner, position);

  for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
    {
      gsize end = crb_scanner_match (scanner, p, multipliers[i].word);

      if (end > 0)
        {
          *factor = multipliers[i].factor;
          return end;
        }
    }
  return 0;
}
