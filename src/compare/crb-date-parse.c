/* crb-date-parse.c: dates written in English and Russian
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include <math.h>

#include "crb-quantity-scanner.h"

#define MIN_YEAR 1000
#define MAX_YEAR 2199

/* Stems of month names; a Russian name matches in any case form ("марта",
 * "марте") because the rest of the word is free. */
static const struct
{
  const char *stem;
  gboolean    any_ending;
  guint       month;
} months[] = {
  { "january", FALSE, 1 }, { "february", FALSE, 2 }, { "march", FALSE, 3 }, { "april", FALSE, 4 },
  { "may", FALSE, 5 }, { "june", FALSE, 6 }, { "july", FALSE, 7 }, { "august", FALSE, 8 },
  { "september", FALSE, 9 }, { "october", FALSE, 10 }, { "november", FALSE, 11 },
  { "december", FALSE, 12 }, { "jan.", FALSE, 1 }, { "feb.", FALSE, 2 }, { "mar.", FALSE, 3 },
  { "apr.", FALSE, 4 }, { "jun.", FALSE, 6 }, { "jul.", FALSE, 7 }, { "aug.", FALSE, 8 },
  { "sept.", FALSE, 9 }, { "sep.", FALSE, 9 }, { "oct.", FALSE, 10 }, { "nov.", FALSE, 11 },
  { "dec.", FALSE, 12 },
  { "январ", TRUE, 1 }, { "феврал", TRUE, 2 }, { "март", TRUE, 3 }, { "апрел", TRUE, 4 },
  { "мая", FALSE, 5 }, { "май", FALSE, 5 }, { "мае", FALSE, 5 }, { "июн", TRUE, 6 },
  { "июл", TRUE, 7 }, { "август", TRUE, 8 }, { "сентябр", TRUE, 9 }, { "октябр", TRUE, 10 },
  { "ноябр", TRUE, 11 }, { "декабр", TRUE, 12 },
};

guint
crb_date_parse_month (const CrbScanner *scanner,
                      gsize             position,
                      gsize            *end)
{
  if (position > 0 && g_unichar_isalpha (scanner->text[position - 1]))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      const char *q = months[i].stem;
      gsize p = position;

      if (!months[i].any_ending)
        {
          gsize matched = crb_scanner_match (scanner, position, q);

          if (matched > 0)
            {
              *end = matched;
              return months[i].month;
            }
          continue;
        }
      for (; *q != '\0' && p < scanner->length; q = g_utf8_next_char (q), p++)
        if (g_unichar_tolower (scanner->text[p]) != g_utf8_get_char (q))
          break;
      if (*q != '\0')
        continue;
      /* At most three more letters: "марта", "сентября", "декабре". */
      for (guint k = 0; k < 3 && p < scanner->length && g_unichar_isalpha (scanner->text[p]); k++)
        p++;
      if (p < scanner->length && g_unichar_isalpha (scanner->text[p]))
        continue;
      *end = p;
      return months[i].month;
    }
  return 0;
}

/* Reads 1–@max_digits ASCII digits; returns the end or 0. */
static gsize
read_digits (const CrbScanner *scanner,
             gsize             position,
             guint             min_digits,
             guint             max_digits,
             guint            *value)
{
  gsize p = position;

  *value = 0;
  while (p < scanner->length && p - position < max_digits && scanner->text[p] >= '0'
         && scanner->text[p] <= '9')
    *value = *value * 10 + (scanner->text[p++] - '0');
  if (p - position < min_digits || (p < scanner->length && g_unichar_isdigit (scanner->text[p])))
    return 0;
  return p;
}

static gboolean
valid_day (guint year,
           guint month,
           guint day)
{
  return month >= 1 && month <= 12 && day >= 1 && year >= MIN_YEAR && year <= MAX_YEAR
         && g_date_valid_dmy (day, month, year);
}

static double
julian_day (guint year,
            guint month,
            guint day)
{
  GDate date;

  if (!g_date_valid_dmy (day, month, year))
    return NAN;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
set_day (guint   year,
         guint   month,
         guint   day,
         double *first_day,
         double *last_day,
         char    iso[24])
{
  *first_day = *last_day = julian_day (year, month, day);
  g_snprintf (iso, 24, "%04u-%02u-%02u", year, month, day);
}

static void
set_month (guint   year,
           guint   month,
           double *first_day,
           double *last_day,
           char    iso[24])
{
  *first_day = julian_day (year, month, 1);
  *last_day = julian_day (year, month, g_date_get_days_in_month (month, year));
  g_snprintf (iso, 24, "%04u-%02u", year, month);
}

void
crb_date_set_year (guint   year,
                   guint   year_end,
                   double *first_day,
                   double *last_day,
                   char    iso[24])
{
  *first_day = julian_day (year, 1, 1);
  *last_day = julian_day (year_end, 12, 31);
  if (year_end == year)
    g_snprintf (iso, 24, "%04u", year);
  else
    g_snprintf (iso, 24, "%04u/%04u", year, year_end);
}

/* " 2014", ", 2014", " 2014 года", " 2014 г.", " of 2014". */
static gsize
year_after (const CrbScanner *scanner,
            gsize             position,
            guint            *year)
{
  gsize p = position, end;

  if (p < scanner->length && scanner->text[p] == ',')
    p++;
  p = crb_scanner_skip_space (scanner, p);
  if ((end = crb_scanner_match (scanner, p, "of")) > 0)
    p = crb_scanner_skip_space (scanner, end);
  end = read_digits (scanner, p, 4, 4, year);
  if (end == 0 || *year < MIN_YEAR || *year > MAX_YEAR)
    return 0;
  /* The Russian "года"/"г." belongs to the date. */
  p = crb_scanner_skip_space (scanner, end);
  if ((p = crb_scanner_match_any (scanner, p, (const char *const[]) { "года", "году", "год", "г.", NULL }, NULL)) > 0)
    end = p;
  return end;
}

gsize
crb_date_parse (const CrbScanner *scanner,
                gsize             position,
                double           *first_day,
                double           *last_day,
                char              iso[24])
{
  guint year = 0, month = 0, day = 0, year_end = 0;
  gsize p, end;

  if (position > 0 && g_unichar_isalnum (scanner->text[position - 1]))
    return 0;

  /* "March 27, 2014", "March 2014", "марте 2014 года", "February 2". */
  if ((month = crb_date_parse_month (scanner, position, &p)) > 0)
    {
      gsize q = crb_scanner_skip_space (scanner, p);

      if ((end = read_digits (scanner, q, 1, 2, &day)) > 0 && day >= 1 && day <= 31)
        {
          gsize after = end;

          after = crb_scanner_match_any (scanner, after, (const char *const[]) { "st", "nd", "rd", "th", NULL }, NULL) ?: after;
          if ((end = year_after (scanner, after, &year)) > 0 && valid_day (year, month, day))
            {
              set_day (year, month, day, first_day, last_day, iso);
              return end;
            }
          *first_day = *last_day = NAN;
          g_snprintf (iso, 24, "--%02u-%02u", month, day);
          return after;
        }
      if ((end = year_after (scanner, p, &year)) > 0)
        {
          set_month (year, month, first_day, last_day, iso);
          return end;
        }
      return 0;
    }

  if (position >= scanner->length || !g_unichar_isdigit (scanner->text[position]))
    return 0;

  /* "2014-03-27" */
  if ((p = read_digits (scanner, position, 4, 4, &year)) > 0 && p + 5 < scanner->length
      && scanner->text[p] == '-' && (end = read_digits (scanner, p + 1, 2, 2, &month)) > 0
      && scanner->text[end] == '-' && (end = read_digits (scanner, end + 1, 2, 2, &day)) > 0
      && valid_day (year, month, day))
    {
      set_day (year, month, day, first_day, last_day, iso);
      return end;
    }

  /* "27.03.2014" */
  if ((p = read_digits (scanner, position, 1, 2, &day)) > 0 && p + 1 < scanner->length
      && scanner->text[p] == '.' && (end = read_digits (scanner, p + 1, 2, 2, &month)) > 0
      && end < scanner->length && scanner->text[end] == '.'
      && (end = read_digits (scanner, end + 1, 4, 4, &year)) > 0 && valid_day (year, month, day))
    {
      set_day (year, month, day, first_day, last_day, iso);
      if ((p = crb_scanner_match_any (scanner, crb_scanner_skip_space (scanner, end),
                                      (const char *const[]) { "года", "г.", NULL }, NULL)) > 0)
        end = p;
      return end;
    }

  /* "27 March 2014", "27 марта 2014 года", "18 April". */
  if ((p = read_digits (scanner, position, 1, 2, &day)) > 0 && day >= 1 && day <= 31
      && (month = crb_date_parse_month (scanner, crb_scanner_skip_space (scanner, p), &end)) > 0
      && crb_scanner_skip_space (scanner, p) > p)
    {
      gsize with_year = year_after (scanner, end, &year);

      if (with_year > 0 && valid_day (year, month, day))
        {
          set_day (year, month, day, first_day, last_day, iso);
          return with_year;
        }
      *first_day = *last_day = NAN;
      g_snprintf (iso, 24, "--%02u-%02u", month, day);
      return end;
    }

  /* "2014 году", "2014–2020", "1990s" */
  if ((p = read_digits (scanner, position, 4, 4, &year)) > 0 && year >= MIN_YEAR && year <= MAX_YEAR)
    {
      gsize q = crb_scanner_skip_space (scanner, p);

      if ((end = crb_scanner_match_any (scanner, q, (const char *const[]) { "году", "года", "год", "г.", NULL }, NULL)) > 0)
        {
          crb_date_set_year (year, year, first_day, last_day, iso);
          return end;
        }
      if (p < scanner->length && (scanner->text[p] == '-' || scanner->text[p] == 0x2013 || scanner->text[p] == 0x2014)
          && (end = read_digits (scanner, p + 1, 4, 4, &year_end)) > 0 && year_end > year
          && year_end - year < 200)
        {
          crb_date_set_year (year, year_end, first_day, last_day, iso);
          q = crb_scanner_skip_space (scanner, end);
          if ((p = crb_scanner_match_any (scanner, q, (const char *const[]) { "годов", "годы", "гг.", NULL }, NULL)) > 0)
            end = p;
          return end;
        }
      if (p < scanner->length && scanner->text[p] == 's' && year % 10 == 0
          && !crb_scanner_is_alnum (scanner, p + 1))
        {
          crb_date_set_year (year, year + 9, first_day, last_day, iso);
          return p + 1;
        }
    }
  return 0;
}
