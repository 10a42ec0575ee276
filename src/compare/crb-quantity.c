/* crb-quantity.c: quantities and dates in English and Russian text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts of one event disagree in how they write figures as much as in
 * the figures themselves: "nearly 19 million", "19 млн", "about 21%",
 * "около 20 процентов".  The finder reads a number where it starts, then
 * looks around it for a multiplier, a unit, a range and a qualifier.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-quantity.h"

#include <math.h>
#include <string.h>

#include "crb-quantity-scanner.h"

/* A bare four-digit number in this span is read as a year. */
#define BARE_YEAR_MIN 1800
#define BARE_YEAR_MAX 2100

typedef struct
{
  const char *word;
  const char *unit;
  double      factor;
} Unit;

/* Longer phrases before their prefixes. */
static const Unit units[] = {
  { "percentage points", "percent", 1 }, { "per cent", "percent", 1 }, { "percent", "percent", 1 },
  { "pct", "percent", 1 }, { "%", "percent", 1 }, { "процентов", "percent", 1 },
  { "процента", "percent", 1 }, { "процент", "percent", 1 }, { "проц.", "percent", 1 },
  { "kilometres", "km", 1 }, { "kilometers", "km", 1 }, { "kilometre", "km", 1 },
  { "kilometer", "km", 1 }, { "km", "km", 1 }, { "километров", "km", 1 }, { "километра", "km", 1 },
  { "километр", "km", 1 }, { "км", "km", 1 }, { "miles", "km", 1.609344 }, { "mile", "km", 1.609344 },
  { "metres", "km", 0.001 }, { "meters", "km", 0.001 }, { "metre", "km", 0.001 },
  { "meter", "km", 0.001 }, { "метров", "km", 0.001 }, { "метра", "km", 0.001 },
  { "метр", "km", 0.001 }, { "m", "km", 0.001 }, { "м", "km", 0.001 },
  { "people", "people", 1 }, { "persons", "people", 1 }, { "person", "people", 1 },
  { "residents", "people", 1 }, { "inhabitants", "people", 1 }, { "civilians", "people", 1 },
  { "citizens", "people", 1 }, { "человек", "people", 1 }, { "людей", "people", 1 },
  { "жителей", "people", 1 }, { "граждан", "people", 1 },
  /* Counts of casualties are counts of people: "14 dead", "31 injured". */
  { "dead", "people", 1 }, { "killed", "people", 1 }, { "injured", "people", 1 },
  { "wounded", "people", 1 }, { "casualties", "people", 1 }, { "victims", "people", 1 },
  { "погибших", "people", 1 }, { "погибли", "people", 1 }, { "погибло", "people", 1 },
  { "раненых", "people", 1 }, { "пострадавших", "people", 1 }, { "пропавших", "people", 1 },
  { "military personnel", "troops", 1 }, { "troops", "troops", 1 }, { "soldiers", "troops", 1 },
  { "servicemen", "troops", 1 }, { "военнослужащих", "troops", 1 }, { "военных", "troops", 1 },
  { "солдат", "troops", 1 },
  { "tanks", "tanks", 1 }, { "tank", "tanks", 1 }, { "танков", "tanks", 1 }, { "танка", "tanks", 1 },
  { "танк", "tanks", 1 }, { "aircraft", "aircraft", 1 }, { "planes", "aircraft", 1 },
  { "jets", "aircraft", 1 }, { "самолетов", "aircraft", 1 }, { "самолета", "aircraft", 1 },
  { "years", "years", 1 }, { "year", "years", 1 }, { "лет", "years", 1 }, { "года", "years", 1 },
  { "год", "years", 1 }, { "months", "months", 1 }, { "month", "months", 1 },
  { "месяцев", "months", 1 }, { "месяца", "months", 1 }, { "days", "days", 1 }, { "day", "days", 1 },
  { "дней", "days", 1 }, { "дня", "days", 1 },
  { "us dollars", "USD", 1 }, { "dollars", "USD", 1 }, { "dollar", "USD", 1 }, { "usd", "USD", 1 },
  { "долларов", "USD", 1 }, { "доллара", "USD", 1 }, { "долл.", "USD", 1 },
  { "euros", "EUR", 1 }, { "euro", "EUR", 1 }, { "eur", "EUR", 1 }, { "евро", "EUR", 1 },
  { "roubles", "RUB", 1 }, { "rubles", "RUB", 1 }, { "rouble", "RUB", 1 }, { "ruble", "RUB", 1 },
  { "rub", "RUB", 1 }, { "рублей", "RUB", 1 }, { "рубля", "RUB", 1 }, { "руб.", "RUB", 1 },
  { "tenge", "KZT", 1 }, { "kzt", "KZT", 1 }, { "тенге", "KZT", 1 },
  { "pounds sterling", "GBP", 1 }, { "pounds", "GBP", 1 }, { "gbp", "GBP", 1 },
};

/* Currencies written before the amount. */
static const Unit currency_prefixes[] = {
  { "us$", "USD", 1 }, { "$", "USD", 1 }, { "usd", "USD", 1 }, { "€", "EUR", 1 }, { "eur", "EUR", 1 },
  { "£", "GBP", 1 }, { "gbp", "GBP", 1 }, { "₽", "RUB", 1 }, { "rub", "RUB", 1 },
  { "₸", "KZT", 1 }, { "kzt", "KZT", 1 },
};

typedef struct
{
  const char   *words;
  CrbQualifier  qualifier;
} Qualifier;

/* Longer phrases before the phrases they end with ("no more than" before
 * "more than", "не менее" before "менее"). */
static const Qualifier qualifiers[] = {
  { "not more than", CRB_QUALIFIER_AT_MOST }, { "no more than", CRB_QUALIFIER_AT_MOST },
  { "not less than", CRB_QUALIFIER_AT_LEAST }, { "no less than", CRB_QUALIFIER_AT_LEAST },
  { "no fewer than", CRB_QUALIFIER_AT_LEAST }, { "not fewer than", CRB_QUALIFIER_AT_LEAST },
  { "more than", CRB_QUALIFIER_MORE_THAN }, { "less than", CRB_QUALIFIER_LESS_THAN },
  { "fewer than", CRB_QUALIFIER_LESS_THAN }, { "at least", CRB_QUALIFIER_AT_LEAST },
  { "at most", CRB_QUALIFIER_AT_MOST }, { "up to", CRB_QUALIFIER_AT_MOST },
  { "as many as", CRB_QUALIFIER_AT_MOST }, { "as much as", CRB_QUALIFIER_AT_MOST },
  { "a maximum of", CRB_QUALIFIER_AT_MOST }, { "a minimum of", CRB_QUALIFIER_AT_LEAST },
  { "in excess of", CRB_QUALIFIER_MORE_THAN }, { "upwards of", CRB_QUALIFIER_MORE_THAN },
  { "just over", CRB_QUALIFIER_MORE_THAN }, { "well over", CRB_QUALIFIER_MORE_THAN },
  { "just under", CRB_QUALIFIER_LESS_THAN }, { "over", CRB_QUALIFIER_MORE_THAN },
  { "above", CRB_QUALIFIER_MORE_THAN }, { "under", CRB_QUALIFIER_LESS_THAN },
  { "below", CRB_QUALIFIER_LESS_THAN }, { "approximately", CRB_QUALIFIER_ABOUT },
  { "approx.", CRB_QUALIFIER_ABOUT }, { "about", CRB_QUALIFIER_ABOUT },
  { "around", CRB_QUALIFIER_ABOUT }, { "roughly", CRB_QUALIFIER_ABOUT },
  { "nearly", CRB_QUALIFIER_ABOUT }, { "almost", CRB_QUALIFIER_ABOUT },
  { "close to", CRB_QUALIFIER_ABOUT }, { "an estimated", CRB_QUALIFIER_ABOUT },
  { "estimated", CRB_QUALIFIER_ABOUT }, { "some", CRB_QUALIFIER_ABOUT },
  { "circa", CRB_QUALIFIER_ABOUT }, { "~", CRB_QUALIFIER_ABOUT },
  { "exactly", CRB_QUALIFIER_EXACT }, { "precisely", CRB_QUALIFIER_EXACT },
  { "не менее чем", CRB_QUALIFIER_AT_LEAST }, { "не менее", CRB_QUALIFIER_AT_LEAST },
  { "не меньше", CRB_QUALIFIER_AT_LEAST }, { "не более чем", CRB_QUALIFIER_AT_MOST },
  { "не более", CRB_QUALIFIER_AT_MOST }, { "не больше", CRB_QUALIFIER_AT_MOST },
  { "более чем", CRB_QUALIFIER_MORE_THAN }, { "более", CRB_QUALIFIER_MORE_THAN },
  { "больше", CRB_QUALIFIER_MORE_THAN }, { "свыше", CRB_QUALIFIER_MORE_THAN },
  { "менее чем", CRB_QUALIFIER_LESS_THAN }, { "менее", CRB_QUALIFIER_LESS_THAN },
  { "меньше", CRB_QUALIFIER_LESS_THAN }, { "как минимум", CRB_QUALIFIER_AT_LEAST },
  { "по меньшей мере", CRB_QUALIFIER_AT_LEAST }, { "по крайней мере", CRB_QUALIFIER_AT_LEAST },
  { "минимум", CRB_QUALIFIER_AT_LEAST }, { "как максимум", CRB_QUALIFIER_AT_MOST },
  { "максимум", CRB_QUALIFIER_AT_MOST }, { "до", CRB_QUALIFIER_AT_MOST },
  { "около", CRB_QUALIFIER_ABOUT }, { "примерно", CRB_QUALIFIER_ABOUT },
  { "приблизительно", CRB_QUALIFIER_ABOUT }, { "порядка", CRB_QUALIFIER_ABOUT },
  { "почти", CRB_QUALIFIER_ABOUT }, { "где-то", CRB_QUALIFIER_ABOUT },
  { "ровно", CRB_QUALIFIER_EXACT },
};

/* Words that open a range, and the word that must separate its ends. */
static const struct
{
  const char *opening;
  const char *separator;
} range_words[] = {
  { "between", "and" }, { "from", "to" }, { "между", "и" }, { "от", "до" }, { "с", "до" },
};

const char *
crb_qualifier_to_string (CrbQualifier qualifier)
{
  static const char *const names[] = {
    "exact", "about", "at least", "at most", "more than", "less than", "range",
  };

  g_return_val_if_fail (qualifier <= CRB_QUALIFIER_RANGE, "exact");
  return names[qualifier];
}

static gsize
match_unit (const CrbScanner *scanner,
            gsize             position,
            const Unit       *table,
            guint             n_table,
            const Unit      **unit)
{
  for (guint i = 0; i < n_table; i++)
    {
      gsize end = crb_scanner_match (scanner, position, table[i].word);

      if (end > 0)
        {
          *unit = &table[i];
          return end;
        }
    }
  return 0;
}

/* One number with what follows it directly: multiplier and unit. */
typedef struct
{
  gsize        start;
  gsize        end;
  double       value;
  gboolean     plain_integer;
  guint        n_digits;
  gboolean     has_multiplier;
  double       multiplier;
  const Unit  *unit;
} Amount;

static gboolean
parse_amount (const CrbScanner *scanner,
              gsize             position,
              gboolean          russian,
              const Unit       *currency,
              Amount           *amount)
{
  gsize end, next;
  double factor = 1;

  memset (amount, 0, sizeof *amount);
  amount->start = position;
  end = crb_number_parse (scanner, position, russian, &amount->value, &amount->plain_integer,
                          &amount->n_digits);
  if (end == 0)
    return FALSE;

  if ((next = crb_number_parse_multiplier (scanner, end, &factor)) > 0)
    {
      amount->has_multiplier = TRUE;
      end = next;
    }
  else if (currency != NULL && end < scanner->length
           && (scanner->text[end] == 'm' || scanner->text[end] == 'k' || scanner->text[end] == 'b')
           && !crb_scanner_is_alnum (scanner, end + 1))
    {
      /* "$5m", "€20k", "$3b" */
      factor = scanner->text[end] == 'm' ? 1e6 : scanner->text[end] == 'k' ? 1e3 : 1e9;
      amount->has_multiplier = TRUE;
      end++;
    }
  amount->value *= factor;
  amount->multiplier = factor;

  amount->unit = currency;
  if ((next = match_unit (scanner, crb_scanner_skip_space (scanner, end), units, G_N_ELEMENTS (units),
                          &amount->unit)) > 0
      && (currency == NULL || g_str_equal (amount->unit->unit, currency->unit)))
    end = next;
  else
    amount->unit = currency;
  /* Spelt-out numbers only count with a unit or a multiplier: "one of the"
   * is not a quantity. */
  if (!g_unichar_isdigit (scanner->text[position]) && amount->unit == NULL && !amount->has_multiplier)
    return FALSE;
  amount->end = end;
  return TRUE;
}

static gboolean
number_can_start (const CrbScanner *scanner,
                  gsize             position)
{
  gunichar c = scanner->text[position];

  if (position > 0 && g_unichar_isalnum (scanner->text[position - 1]))
    return FALSE;
  /* "-5" in "A-135" or "ISSN2076-0949" belongs to a code. */
  if (position > 1 && scanner->text[position - 1] == '-' && g_unichar_isalnum (scanner->text[position - 2]))
    return FALSE;
  return g_unichar_isalpha (c) || (c >= '0' && c <= '9');
}

static CrbQualifier
qualifier_before (const CrbScanner *scanner,
                  gsize            *start)
{
  for (guint i = 0; i < G_N_ELEMENTS (qualifiers); i++)
    {
      gsize found = crb_scanner_match_before (scanner, *start, qualifiers[i].words);

      if (found != G_MAXSIZE)
        {
          *start = found;
          return qualifiers[i].qualifier;
        }
    }
  return CRB_QUALIFIER_EXACT;
}

/* "10 or more", "20-odd", "20+", "20 с лишним". */
static gboolean
qualifier_after (const CrbScanner *scanner,
                 gsize            *end,
                 CrbQualifier     *qualifier)
{
  static const Qualifier trailing[] = {
    { "or more", CRB_QUALIFIER_AT_LEAST }, { "or so", CRB_QUALIFIER_ABOUT },
    { "or less", CRB_QUALIFIER_AT_MOST }, { "с лишним", CRB_QUALIFIER_MORE_THAN },
    { "с небольшим", CRB_QUALIFIER_MORE_THAN }, { "и более", CRB_QUALIFIER_AT_LEAST },
  };
  gsize p = *end;

  if (p < scanner->length && scanner->text[p] == '+')
    {
      *qualifier = CRB_QUALIFIER_AT_LEAST;
      *end = p + 1;
      return TRUE;
    }
  if (p + 4 <= scanner->length && scanner->text[p] == '-' && crb_scanner_match (scanner, p + 1, "odd") > 0)
    {
      *qualifier = CRB_QUALIFIER_ABOUT;
      *end = p + 4;
      return TRUE;
    }
  p = crb_scanner_skip_space (scanner, p);
  for (guint i = 0; i < G_N_ELEMENTS (trailing); i++)
    {
      gsize matched = crb_scanner_match (scanner, p, trailing[i].words);

      if (matched > 0)
        {
          *qualifier = trailing[i].qualifier;
          *end = matched;
          return TRUE;
        }
    }
  return FALSE;
}

static inline gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012;
}

/* The second end of a range after @first, if there is one; @opening is the
 * separator its opening word asks for ("to" after "from"), or NULL. */
static gboolean
parse_range_end (const CrbScanner *scanner,
                 const Amount     *first,
                 gboolean          russian,
                 const char       *separator,
                 Amount           *second)
{
  gsize p = crb_scanner_skip_space (scanner, first->end);
  gsize next;

  if (p < scanner->length && is_dash (scanner->text[p]))
    next = p + 1;
  else if ((next = crb_scanner_match (scanner, p, separator != NULL ? separator : "to")) == 0
           && (separator != NULL || (next = crb_scanner_match (scanner, p, "до")) == 0 || !russian))
    return FALSE;
  next = crb_scanner_skip_space (scanner, next);
  if (!parse_amount (scanner, next, russian, first->unit, second))
    return FALSE;
  if (first->unit != NULL && second->unit != NULL && !g_str_equal (first->unit->unit, second->unit->unit))
    return FALSE;
  return TRUE;
}

static void
add_number (GArray       *found,
            gsize         start,
            gsize         end,
            double        value,
            double        value_max,
            const Unit   *unit,
            CrbQualifier  qualifier)
{
  CrbQuantity quantity = { 0 };
  double factor = unit != NULL ? unit->factor : 1;

  quantity.kind = CRB_QUANTITY_NUMBER;
  quantity.start = start;
  quantity.end = end;
  quantity.value = value * factor;
  quantity.value_max = value_max * factor;
  quantity.unit = unit != NULL ? unit->unit : "";
  quantity.qualifier = qualifier;
  g_array_append_val (found, quantity);
}

static void
add_date (GArray       *found,
          gsize         start,
          gsize         end,
          double        first_day,
          double        last_day,
          const char   *iso,
          CrbQualifier  qualifier)
{
  CrbQuantity quantity = { 0 };

  quantity.kind = CRB_QUANTITY_DATE;
  quantity.start = start;
  quantity.end = end;
  quantity.value = first_day;
  quantity.value_max = last_day;
  quantity.unit = "date";
  quantity.qualifier = qualifier;
  g_strlcpy (quantity.iso, iso, sizeof quantity.iso);
  g_array_append_val (found, quantity);
}

/* Reads the quantity at @position, if any; returns where it ends or 0. */
static gsize
read_quantity (const CrbScanner *scanner,
               gsize             position,
               GArray           *found)
{
  gboolean russian = crb_scanner_is_russian_near (scanner, position, 40);
  const Unit *currency = NULL;
  gsize number_start = position, start = position, next;
  double first_day, last_day;
  char iso[24];
  Amount first, second;
  CrbQualifier qualifier;
  const char *separator = NULL;

  if ((next = match_unit (scanner, position, currency_prefixes, G_N_ELEMENTS (currency_prefixes), &currency)) > 0
      && crb_scanner_skip_space (scanner, next) < scanner->length
      && g_unichar_isdigit (scanner->text[crb_scanner_skip_space (scanner, next)]))
    number_start = crb_scanner_skip_space (scanner, next);
  else
    currency = NULL;

  if (currency == NULL && (next = crb_date_parse (scanner, position, &first_day, &last_day, iso)) > 0)
    {
      add_date (found, position, next, first_day, last_day, iso,
                strchr (iso, '/') != NULL ? CRB_QUALIFIER_RANGE : CRB_QUALIFIER_EXACT);
      return next;
    }
  if (!parse_amount (scanner, number_start, russian, currency, &first))
    return 0;

  /* "between 10 and 20", "от 10 до 20", "10–20 %", "10 to 20 million". */
  for (guint i = 0; i < G_N_ELEMENTS (range_words); i++)
    {
      gsize opening = crb_scanner_match_before (scanner, start, range_words[i].opening);

      if (opening != G_MAXSIZE)
        {
          start = opening;
          separator = range_words[i].separator;
          break;
        }
    }
  if (parse_range_end (scanner, &first, russian, separator, &second))
    {
      const Unit *unit = second.unit != NULL ? second.unit : first.unit;
      double low = first.value;

      /* "10 to 20 million": the multiplier of the second end applies to both. */
      if (second.has_multiplier && !first.has_multiplier && first.value < 1000)
        low = first.value * second.multiplier;
      if (second.value >= low)
        {
          if (first.plain_integer && second.plain_integer && first.n_digits == 4 && second.n_digits == 4
              && unit == NULL && low >= BARE_YEAR_MIN && second.value <= BARE_YEAR_MAX)
            {
              crb_date_set_year (low, second.value, &first_day, &last_day, iso);
              add_date (found, start, second.end, first_day, last_day, iso, CRB_QUALIFIER_RANGE);
            }
          else
            add_number (found, start, second.end, low, second.value, unit, CRB_QUALIFIER_RANGE);
          return second.end;
        }
    }
  start = position;

  next = first.end;
  if (!qualifier_after (scanner, &next, &qualifier))
    qualifier = qualifier_before (scanner, &start);

  /* "in 2014", "since 1991": a bare year. */
  if (first.plain_integer && first.n_digits == 4 && first.unit == NULL && !first.has_multiplier
      && qualifier == CRB_QUALIFIER_EXACT && start == position && first.value >= BARE_YEAR_MIN
      && first.value <= BARE_YEAR_MAX)
    {
      crb_date_set_year (first.value, first.value, &first_day, &last_day, iso);
      add_date (found, position, first.end, first_day, last_day, iso, CRB_QUALIFIER_EXACT);
      return first.end;
    }
  add_number (found, start, next, first.value, first.value, first.unit, qualifier);
  return next;
}

GArray *
crb_quantity_find (const char *text,
                   gssize      length)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (CrbQuantity));
  g_autofree gunichar *characters = NULL;
  glong n_characters = 0;
  CrbScanner scanner;

  g_return_val_if_fail (text != NULL || length == 0, found);

  characters = g_utf8_to_ucs4_fast (text != NULL ? text : "", length, &n_characters);
  scanner.text = characters;
  scanner.length = n_characters;

  for (gsize i = 0; i < scanner.length;)
    {
      gsize end = 0;
      gunichar c = scanner.text[i];

      if (number_can_start (&scanner, i) || c == '$' || c == 0x20AC || c == 0x00A3 || c == 0x20BD
          || c == 0x20B8)
        end = read_quantity (&scanner, i, found);
      if (end > i)
        i = end;
      else
        {
          /* Jump to the next word rather than trying every letter. */
          i++;
          while (i < scanner.length && g_unichar_isalpha (c) && g_unichar_isalpha (scanner.text[i]))
            i++;
        }
    }
  return found;
}

gboolean
crb_quantity_parse (const char  *text,
                    CrbQuantity *quantity)
{
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (quantity != NULL, FALSE);

  found = crb_quantity_find (text, -1);
  if (found->len == 0)
    return FALSE;
  *quantity = g_array_index (found, CrbQuantity, 0);
  return TRUE;
}

/* Comparison ---------------------------------------------------------------- */

typedef struct
{
  double   low;
  double   high;
  gboolean low_open;
  gboolean high_open;
} Interval;

static Interval
interval_of (const CrbQuantity *quantity)
{
  double v = quantity->value;

  switch (quantity->qualifier)
    {
    case CRB_QUALIFIER_ABOUT:
      return (Interval) { v - fabs (v) * CRB_QUANTITY_ABOUT_TOLERANCE, v + fabs (v) * CRB_QUANTITY_ABOUT_TOLERANCE, FALSE, FALSE };
    case CRB_QUALIFIER_AT_LEAST:
      return (Interval) { v, INFINITY, FALSE, FALSE };
    case CRB_QUALIFIER_MORE_THAN:
      return (Interval) { v, INFINITY, TRUE, FALSE };
    case CRB_QUALIFIER_AT_MOST:
      return (Interval) { -INFINITY, v, FALSE, FALSE };
    case CRB_QUALIFIER_LESS_THAN:
      return (Interval) { -INFINITY, v, FALSE, TRUE };
    case CRB_QUALIFIER_RANGE:
      return (Interval) { v, quantity->value_max, FALSE, FALSE };
    case CRB_QUALIFIER_EXACT:
    default:
      return (Interval) { v, quantity->kind == CRB_QUANTITY_DATE ? quantity->value_max : v, FALSE, FALSE };
    }
}

static gboolean
same_value (double a,
            double b)
{
  if (isinf (a) || isinf (b))
    return a == b;
  return fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b)) + 1e-12;
}

static gboolean
is_count (const char *unit)
{
  return g_str_equal (unit, "") || g_str_equal (unit, "people") || g_str_equal (unit, "troops")
         || g_str_equal (unit, "tanks") || g_str_equal (unit, "aircraft");
}

CrbQuantityAgreement
crb_quantity_compare (const CrbQuantity *a,
                      const CrbQuantity *b)
{
  Interval x, y;
  gboolean overlap;

  g_return_val_if_fail (a != NULL && b != NULL, CRB_QUANTITY_INCOMPARABLE);

  if (a->kind != b->kind)
    return CRB_QUANTITY_INCOMPARABLE;
  if (a->kind == CRB_QUANTITY_NUMBER && !g_str_equal (a->unit, b->unit)
      && !(is_count (a->unit) && is_count (b->unit) && (a->unit[0] == '\0' || b->unit[0] == '\0')))
    return CRB_QUANTITY_INCOMPARABLE;
  if (a->kind == CRB_QUANTITY_DATE && (isnan (a->value) || isnan (b->value)))
    return g_str_equal (a->iso, b->iso) ? CRB_QUANTITY_AGREE : CRB_QUANTITY_INCOMPARABLE;

  if (a->qualifier == b->qualifier && same_value (a->value, b->value)
      && same_value (a->value_max, b->value_max))
    return CRB_QUANTITY_AGREE;

  x = interval_of (a);
  y = interval_of (b);
  if (x.high < y.low || y.high < x.low)
    overlap = FALSE;
  else if (same_value (x.high, y.low))
    overlap = !x.high_open && !y.low_open;
  else if (same_value (y.high, x.low))
    overlap = !y.high_open && !x.low_open;
  else
    overlap = TRUE;
  return overlap ? CRB_QUANTITY_COMPATIBLE : CRB_QUANTITY_DISAGREE;
}
