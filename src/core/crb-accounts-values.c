/* crb-accounts-values.c: the figures of an account, normalised
 *
 * Quantities and dates come from crb-quantity (English and Russian).
 * Times of day are read here, because they are what accounts of a night's
 * events disagree on most ("the dam gave way at 04:40", "it was 03:52",
 * "около 4:30") and crb-quantity takes "04:40" for two numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-accounts"

#include <math.h>
#include <string.h>

#include "crb-accounts.h"

/* "About" a time of day: a quarter of an hour either way. */
#define ABOUT_MINUTES 15.0

static const struct
{
  const char  *word;
  CrbQualifier qualifier;
} time_qualifiers[] = {
  { "about", CRB_QUALIFIER_ABOUT },          { "around", CRB_QUALIFIER_ABOUT },
  { "approximately", CRB_QUALIFIER_ABOUT },  { "roughly", CRB_QUALIFIER_ABOUT },
  { "около", CRB_QUALIFIER_ABOUT },          { "примерно", CRB_QUALIFIER_ABOUT },
  { "приблизительно", CRB_QUALIFIER_ABOUT }, { "before", CRB_QUALIFIER_LESS_THAN },
  { "до", CRB_QUALIFIER_LESS_THAN },         { "after", CRB_QUALIFIER_MORE_THAN },
  { "после", CRB_QUALIFIER_MORE_THAN },
};

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* The word that ends right before `position` (spaces skipped): its start,
 * and its lower-case text in `word`. */
static glong
previous_word (const gunichar *text, glong position, char **word)
{
  glong end = position, start;

  while (end > 0 && g_unichar_isspace (text[end - 1]))
    end--;
  start = end;
  while (start > 0 && g_unichar_isalpha (text[start - 1]))
    start--;
  if (start == end)
    {
      *word = NULL;
      return position;
    }
  {
    g_autofree char *utf8 = g_ucs4_to_utf8 (text + start, end - start, NULL, NULL, NULL);

    *word = utf8 ? g_utf8_strdown (utf8, -1) : NULL;
  }
  return start;
}

/* Times of day "H:MM" and "HH:MM", with a qualifying word before them. */
static void
find_times (const gunichar *text, glong length, GArray *values)
{
  for (glong i = 0; i < length; i++)
    {
      glong            j = i;
      guint            hours = 0, minutes;
      g_autofree char *word = NULL;
      CrbQuantity      value = { 0 };
      glong            start;

      if (!is_digit (text[i]) || (i > 0 && (g_unichar_isalnum (text[i - 1]) || text[i - 1] == ':' ||
                                            text[i - 1] == '.' || text[i - 1] == ',')))
        continue;
      while (j < length && is_digit (text[j]) && j - i < 3)
        hours = hours * 10 + (text[j++] - '0');
      if (j - i > 2 || j + 2 >= length || text[j] != ':' || !is_digit (text[j + 1]) ||
          !is_digit (text[j + 2]) || (j + 3 < length && g_unichar_isalnum (text[j + 3])))
        continue;
      minutes = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
      if (hours > 24 || minutes > 59)
        continue;

      start = previous_word (text, i, &word);
      value.qualifier = CRB_QUALIFIER_EXACT;
      for (guint q = 0; word && q < G_N_ELEMENTS (time_qualifiers); q++)
        if (g_str_equal (word, time_qualifiers[q].word))
          value.qualifier = time_qualifiers[q].qualifier;
      value.kind = CRB_QUANTITY_NUMBER;
      value.start = value.qualifier == CRB_QUALIFIER_EXACT ? i : start;
      value.end = j + 3;
      value.value = value.value_max = hours * 60 + minutes;
      value.unit = CRB_ACCOUNTS_UNIT_TIME;
      g_array_append_val (values, value);
      i = j + 2;
    }
}

static int
compare_positions (gconstpointer a, gconstpointer b)
{
  const CrbQuantity *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

GArray *
crb_accounts_find_values (const char *text)
{
  g_autoptr (GArray) quantities = NULL;
  g_autofree gunichar *ucs4 = NULL;
  GArray              *values = g_array_new (FALSE, FALSE, sizeof (CrbQuantity));
  glong                length = 0;
  guint                n_times;

  g_return_val_if_fail (text != NULL, values);

  ucs4 = g_utf8_to_ucs4_fast (text, -1, &length);
  find_times (ucs4, length, values);
  n_times = values->len;
  quantities = crb_quantity_find (text, -1);
  for (guint i = 0; i < quantities->len; i++)
    {
      const CrbQuantity *quantity = &g_array_index (quantities, CrbQuantity, i);
      gboolean           inside_time = FALSE;

      /* "04:40" is no "about 4" followed by "40". */
      for (guint t = 0; t < n_times && !inside_time; t++)
        {
          const CrbQuantity *time = &g_array_index (values, CrbQuantity, t);

          inside_time = quantity->start < time->end && time->start < quantity->end;
        }
      if (!inside_time)
        g_array_append_val (values, *quantity);
    }
  g_array_sort (values, compare_positions);
  return values;
}

/* The interval a time of day allows, in minutes. */
static void
time_interval (const CrbQuantity *value, double *low, double *high)
{
  *low = value->value;
  *high = value->value_max;
  switch (value->qualifier)
    {
    case CRB_QUALIFIER_ABOUT:
      *low -= ABOUT_MINUTES;
      *high += ABOUT_MINUTES;
      break;
    case CRB_QUALIFIER_AT_LEAST:
    case CRB_QUALIFIER_MORE_THAN:
      *high = INFINITY;
      break;
    case CRB_QUALIFIER_AT_MOST:
    case CRB_QUALIFIER_LESS_THAN:
      *low = -INFINITY;
      break;
    case CRB_QUALIFIER_EXACT:
    case CRB_QUALIFIER_RANGE:
    default:
      break;
    }
}

CrbQuantityAgreement
crb_accounts_compare_values (const CrbQuantity *a, const CrbQuantity *b)
{
  gboolean a_time, b_time;
  double   a_low, a_high, b_low, b_high;

  g_return_val_if_fail (a != NULL && b != NULL, CRB_QUANTITY_INCOMPARABLE);

  a_time = g_strcmp0 (a->unit, CRB_ACCOUNTS_UNIT_TIME) == 0;
  b_time = g_strcmp0 (b->unit, CRB_ACCOUNTS_UNIT_TIME) == 0;
  if (!a_time && !b_time)
    return crb_quantity_compare (a, b);
  if (a_time != b_time)
    return CRB_QUANTITY_INCOMPARABLE;
  if (a->value == b->value && a->value_max == b->value_max && a->qualifier == b->qualifier)
    return CRB_QUANTITY_AGREE;
  time_interval (a, &a_low, &a_high);
  time_interval (b, &b_low, &b_high);
  return a_low <= b_high && b_low <= a_high ? CRB_QUANTITY_COMPATIBLE : CRB_QUANTITY_DISAGREE;
}

/* 2300 → "2,300"; 1.4e9 → "1.4 billion". */
static char *
format_number (double value)
{
  static const struct
  {
    double      size;
    const char *name;
  } scales[] = { { 1e9, "billion" }, { 1e6, "million" } };
  g_autoptr (GString) digits = NULL;
  char     buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean negative = value < 0;

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (fabs (value) >= scales[i].size)
      {
        g_ascii_formatd (buffer, sizeof buffer, "%.3g", value / scales[i].size);
        return g_strdup_printf ("%s %s", buffer, scales[i].name);
      }
  if (value != floor (value))
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.4g", value);
      return g_strdup (buffer);
    }
  digits = g_string_new (NULL);
  g_string_printf (digits, "%.0f", fabs (value));
  for (gssize i = (gssize) digits->len - 3; i > 0; i -= 3)
    g_string_insert_c (digits, i, ',');
  if (negative)
    g_string_prepend_c (digits, '-');
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static char *
format_plain (const CrbQuantity *value, double number)
{
  if (g_strcmp0 (value->unit, CRB_ACCOUNTS_UNIT_TIME) == 0)
    return g_strdup_printf ("%02u:%02u", (guint) number / 60, (guint) number % 60);
  if (value->kind == CRB_QUANTITY_DATE)
    return g_strdup (value->iso);
  return format_number (number);
}

char *
crb_accounts_value_label (const CrbQuantity *value)
{
  static const char *const signs[] = {
    [CRB_QUALIFIER_EXACT] = "",       [CRB_QUALIFIER_ABOUT] = "≈ ",
    [CRB_QUALIFIER_AT_LEAST] = "≥ ",  [CRB_QUALIFIER_AT_MOST] = "≤ ",
    [CRB_QUALIFIER_MORE_THAN] = "> ", [CRB_QUALIFIER_LESS_THAN] = "< ",
    [CRB_QUALIFIER_RANGE] = "",
  };
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  const char      *unit = "";

  g_return_val_if_fail (value != NULL, NULL);

  low = format_plain (value, value->value);
  if (value->qualifier == CRB_QUALIFIER_RANGE && value->kind != CRB_QUANTITY_DATE)
    {
      g_autofree char *both = NULL;

      high = format_plain (value, value->value_max);
      both = g_strdup_printf ("%s–%s", low, high);
      g_free (low);
      low = g_steal_pointer (&both);
    }
  if (value->kind == CRB_QUANTITY_NUMBER && value->unit && *value->unit &&
      !g_str_equal (value->unit, CRB_ACCOUNTS_UNIT_TIME))
    unit = value->unit;
  return g_strdup_printf ("%s%s%s%s", signs[MIN (value->qualifier, CRB_QUALIFIER_RANGE)], low,
                          *unit ? (g_str_equal (unit, "percent") ? "" : " ") : "",
                          g_str_equal (unit, "percent") ? "%" : unit);
}
