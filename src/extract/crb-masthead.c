/* crb-masthead.c: who published a plain text, who wrote it and when, read
 * from the lines under its title
 *
 * Articles saved as text or Markdown keep their masthead: the outlet's
 * name in capitals, a "By …" line, a dateline.  Only the first block of
 * short lines under the title is read, and an outlet's name is believed only beside a byline or
 * a date, so that an ordinary heading in capitals is not taken for one.
 * Dates become ISO 8601 without a time zone: the source's own clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract"

#include <stdlib.h>
#include <string.h>

#include "crb-masthead.h"

/* How many non-empty lines under the title are read, and how long one may be. */
#define MASTHEAD_LINES 6
#define MASTHEAD_LINE_CHARS 120
#define PUBLISHER_CHARS 48
#define BYLINE_CHARS 60

/* Month names as they appear in datelines: English, German, Russian
 * (genitive and nominative stems), by number. */
static const char *const months[][6] = {
  { "january", "jan", "januar", "январ", NULL },
  { "february", "feb", "februar", "феврал", NULL },
  { "march", "mar", "märz", "март", NULL },
  { "april", "apr", "april", "апрел", NULL },
  { "may", "mai", "мая", "май", NULL },
  { "june", "jun", "juni", "июн", NULL },
  { "july", "jul", "juli", "июл", NULL },
  { "august", "aug", "august", "август", NULL },
  { "september", "sep", "sept", "сентябр", NULL },
  { "october", "oct", "oktober", "октябр", NULL },
  { "november", "nov", "november", "ноябр", NULL },
  { "december", "dec", "dezember", "декабр", NULL },
};

static int
month_of (const char *word)
{
  g_autofree char *folded = g_utf8_strdown (word, -1);

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    for (guint k = 0; months[m][k]; k++)
      {
        gsize n = strlen (months[m][k]);

        /* Full names and three-letter abbreviations must match whole;
         * Russian stems take any ending (апреля, апрель). */
        if (g_str_has_prefix (folded, months[m][k]) &&
            (folded[n] == '\0' || folded[n] == '.' || (guchar) months[m][k][0] >= 0x80))
          return (int) m + 1;
      }
  return 0;
}

static GRegex *
compile_once (GRegex **regex, const char *pattern)
{
  if (g_once_init_enter (regex))
    g_once_init_leave (regex, g_regex_new (pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL));
  return *regex;
}

/* Where a date pattern puts its year, month and day (capture groups), and
 * whether the month is a word. */
typedef struct
{
  const char *pattern;
  int         year, month, day;
  gboolean    month_is_word;
} DatePattern;

static const DatePattern date_patterns[] = {
  { "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", 1, 2, 3, FALSE },                /* 2026-04-18 */
  { "\\b(\\d{1,2})\\.?\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})", 3, 2, 1, TRUE }, /* 18 April 2026 */
  { "\\b(\\p{L}+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})", 3, 1, 2, TRUE },     /* April 18, 2026 */
  { "\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b", 3, 2, 1, FALSE },        /* 18.04.2026 */
};

static int
group_number (GMatchInfo *match, int group, gboolean is_word)
{
  g_autofree char *text = g_match_info_fetch (match, group);

  return is_word ? month_of (text) : atoi (text);
}

/* "18 April 2026, 11:52", "April 18, 2026", "18.04.2026, 13:10",
 * "2026-04-18", "18. April 2026" — the first one in `line`, or NULL. */
static char *
find_date (const char *line)
{
  static GRegex *regexes[G_N_ELEMENTS (date_patterns)];
  int            day = 0, month = 0, year = 0, hour = -1, minute = -1, end = 0;

  for (guint i = 0; i < G_N_ELEMENTS (date_patterns) && month == 0; i++)
    {
      const DatePattern *p = &date_patterns[i];
      g_autoptr (GMatchInfo) match = NULL;

      if (!g_regex_match (compile_once (&regexes[i], p->pattern), line, 0, &match))
        continue;
      year = group_number (match, p->year, FALSE);
      month = group_number (match, p->month, p->month_is_word);
      day = group_number (match, p->day, FALSE);
      g_match_info_fetch_pos (match, 0, NULL, &end);
    }
  if (month < 1 || month > 12 || year < 1800 || year > 2200 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  /* A time of day right after the date: ", 11:52", " 13:10". */
  {
    const char *p = line + end;

    while (*p == ',' || *p == ' ' || *p == '-' || *p == '|')
      p++;
    if (g_ascii_isdigit (p[0]) && (p[1] == ':' || (g_ascii_isdigit (p[1]) && p[2] == ':')))
      {
        const char *colon = strchr (p, ':');

        hour = atoi (p);
        minute = g_ascii_isdigit (colon[1]) && g_ascii_isdigit (colon[2]) ? atoi (colon + 1) : 99;
        if (hour > 23 || minute > 59)
          hour = -1;
      }
  }
  if (hour >= 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* "By Lena Hartwig, with reporting by …" → "Lena Hartwig". */
static char *
find_byline (const char *line)
{
  static const char *const prefixes[] = { "by ", "von ", "par ", "автор: ", "автор " };
  g_autofree char         *folded = g_utf8_strdown (line, -1);
  const char              *name = NULL;
  g_autofree char         *cut = NULL;
  static const char *const ends[] = { ",", " · ", " | ", " - ", " — ", " with ", " in " };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes) && name == NULL; i++)
    if (g_str_has_prefix (folded, prefixes[i]))
      name = line + strlen (prefixes[i]);
  if (name == NULL)
    return NULL;
  cut = g_strdup (name);
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      char *end = strstr (cut, ends[i]);

      if (end)
        *end = '\0';
    }
  g_strstrip (cut);
  if (*cut == '\0' || g_utf8_strlen (cut, -1) > BYLINE_CHARS || strpbrk (cut, "0123456789"))
    return NULL;
  return g_steal_pointer (&cut);
}

/* An outlet's name in capitals: "THE NATIONAL COURIER" → "The National
 * Courier"; an explanation in brackets after it is left out. */
static char *
find_publisher (const char *line)
{
  g_autofree char *name = g_strdup (line);
  char            *bracket = strstr (name, " (");
  g_autoptr (GString) titled = g_string_new (NULL);
  guint    letters = 0, words = 1;
  gboolean word_start = TRUE;

  if (bracket)
    *bracket = '\0';
  g_strstrip (name);
  if (g_utf8_strlen (name, -1) > PUBLISHER_CHARS)
    return NULL;
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c) || g_unichar_isdigit (c) ||
          (c < 0x80 && strchr (".,:;!?\"", (int) c)))
        return NULL;
      letters += g_unichar_isalpha (c);
      words += c == ' ';
      if (word_start && words > 1 && g_unichar_isalpha (c))
        {
          /* Short joining words stay small, as in "Voice of the Valley". */
          static const char *const small[] = { "OF ", "THE ", "AND ", "DER ", "DIE ", "DAS " };
          gboolean                 is_small = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (small); i++)
            is_small |= g_str_has_prefix (p, small[i]);
          g_string_append_unichar (titled, is_small ? g_unichar_tolower (c) : c);
        }
      else
        g_string_append_unichar (titled, word_start ? c : g_unichar_tolower (c));
      word_start = c == ' ' || c == '-';
    }
  if (letters < 3 || words > 6)
    return NULL;
  return g_string_free (g_steal_pointer (&titled), FALSE);
}

void
crb_masthead_read (const char *text, CrbExtractResult *result)
{
  g_auto (GStrv) lines = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *published = NULL;
  guint            seen = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (result != NULL);

  lines = g_strsplit (text, "\n", 2 + 4 * MASTHEAD_LINES);
  /* The first non-empty line is the title; the masthead follows it. */
  for (guint i = 0, n = 0; lines[i] && seen < MASTHEAD_LINES; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (lines[i + 1] == NULL)
        break; /* the rest of the text, unsplit */
      if (*line == '\0')
        {
          /* The masthead is the first block of lines under the title. */
          if (seen > 0)
            break;
          continue;
        }
      if (n++ == 0)
        continue;
      seen++;
      if (g_utf8_strlen (line, -1) > MASTHEAD_LINE_CHARS)
        break; /* the body has begun */
      if (byline == NULL && (byline = find_byline (line)) != NULL)
        {
          /* "By Noor Halvorsen · Monday 20 April 2026" */
          if (published == NULL)
            published = find_date (line);
          continue;
        }
      if (published == NULL && (published = find_date (line)) != NULL)
        continue;
      if (publisher == NULL)
        publisher = find_publisher (line);
    }

  if (result->author == NULL && byline != NULL)
    result->author = g_steal_pointer (&byline);
  if (result->published == NULL && published != NULL)
    result->published = g_steal_pointer (&published);
  /* Capitals alone are a heading; beside a byline or a date, an outlet. */
  if (result->publisher == NULL && publisher != NULL && (result->author || result->published))
    result->publisher = g_steal_pointer (&publisher);
}
