/* test-quantity.c: quantity and date normalisation, table-driven
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "crb-quantity.h"

#define NUM CRB_QUANTITY_NUMBER
#define DATE CRB_QUANTITY_DATE
#define EXACT CRB_QUALIFIER_EXACT
#define ABOUT CRB_QUALIFIER_ABOUT
#define AT_LEAST CRB_QUALIFIER_AT_LEAST
#define AT_MOST CRB_QUALIFIER_AT_MOST
#define MORE CRB_QUALIFIER_MORE_THAN
#define LESS CRB_QUALIFIER_LESS_THAN
#define RANGE CRB_QUALIFIER_RANGE

typedef struct
{
  const char      *text;
  CrbQuantityKind  kind;
  CrbQualifier     qualifier;
  double           value;
  double           value_max;   /* 0: same as value */
  const char      *unit;        /* numbers: canonical unit; dates: ISO form */
  const char      *match;       /* the text the quantity spans, NULL: all of it */
} Row;

static const Row rows[] = {
  /* The examples of issue 5. */
  { "about 21%", NUM, ABOUT, 21, 0, "percent", NULL },
  { "20 percent", NUM, EXACT, 20, 0, "percent", NULL },
  { "at least 18 percent", NUM, AT_LEAST, 18, 0, "percent", NULL },
  { "nearly 19 million", NUM, ABOUT, 19e6, 0, "", NULL },
  { "7,590 km", NUM, EXACT, 7590, 0, "km", NULL },
  { "27 March 2014", DATE, EXACT, 0, 0, "2014-03-27", NULL },
  { "в 2014 году", DATE, EXACT, 0, 0, "2014", "2014 году" },
  { "около 20 процентов", NUM, ABOUT, 20, 0, "percent", NULL },
  { "March 27, 2014", DATE, EXACT, 0, 0, "2014-03-27", NULL },
  { "2014-03-27", DATE, EXACT, 0, 0, "2014-03-27", NULL },
  { "27 марта 2014 года", DATE, EXACT, 0, 0, "2014-03-27", NULL },
  { "in 2014", DATE, EXACT, 0, 0, "2014", "2014" },
  { "граница длиной 7 590 км", NUM, EXACT, 7590, 0, "km", "7 590 км" },
  { "граница длиной 7.590 км", NUM, EXACT, 7590, 0, "km", "7.590 км" },
  { "7,5 млн", NUM, EXACT, 7.5e6, 0, "", NULL },
  { "19 млн человек", NUM, EXACT, 19e6, 0, "people", NULL },
  { "более 1000 человек", NUM, MORE, 1000, 0, "people", NULL },
  { "от 10 до 20", NUM, RANGE, 10, 20, "", NULL },
  { "двадцать процентов", NUM, EXACT, 20, 0, "percent", NULL },
  /* English counts, shares, sums and distances. */
  { "about 7,590 km", NUM, ABOUT, 7590, 0, "km", NULL },
  { "more than 1,000 people", NUM, MORE, 1000, 0, "people", NULL },
  { "less than 5%", NUM, LESS, 5, 0, "percent", NULL },
  { "up to 3,000 troops", NUM, AT_MOST, 3000, 0, "troops", NULL },
  { "over 200 tanks", NUM, MORE, 200, 0, "tanks", NULL },
  { "between 10 and 20 percent", NUM, RANGE, 10, 20, "percent", NULL },
  { "from 5 to 10 km", NUM, RANGE, 5, 10, "km", NULL },
  { "10-20%", NUM, RANGE, 10, 20, "percent", NULL },
  { "10–20 million", NUM, RANGE, 10e6, 20e6, "", NULL },
  { "10 to 20 percent", NUM, RANGE, 10, 20, "percent", NULL },
  { "$5 million", NUM, EXACT, 5e6, 0, "USD", NULL },
  { "$5m", NUM, EXACT, 5e6, 0, "USD", NULL },
  { "€20 billion", NUM, EXACT, 20e9, 0, "EUR", NULL },
  { "500 million roubles", NUM, EXACT, 5e8, 0, "RUB", NULL },
  { "1.5 billion dollars", NUM, EXACT, 1.5e9, 0, "USD", NULL },
  { "US$3.2bn", NUM, EXACT, 3.2e9, 0, "USD", NULL },
  { "£3bn", NUM, EXACT, 3e9, 0, "GBP", NULL },
  { "KZT 500 million", NUM, EXACT, 5e8, 0, "KZT", NULL },
  { "₽100", NUM, EXACT, 100, 0, "RUB", NULL },
  { "46.2%", NUM, EXACT, 46.2, 0, "percent", NULL },
  { "0.5 percent", NUM, EXACT, 0.5, 0, "percent", NULL },
  { "9.8 percentage points", NUM, EXACT, 9.8, 0, "percent", NULL },
  { "About 21 per cent", NUM, ABOUT, 21, 0, "percent", NULL },
  { "20 pct", NUM, EXACT, 20, 0, "percent", NULL },
  { "approximately 30,000 people", NUM, ABOUT, 30000, 0, "people", NULL },
  { "roughly 2.5 million residents", NUM, ABOUT, 2.5e6, 0, "people", NULL },
  { "some 40 tanks", NUM, ABOUT, 40, 0, "tanks", NULL },
  { "almost 50 percent", NUM, ABOUT, 50, 0, "percent", NULL },
  { "around 600 km", NUM, ABOUT, 600, 0, "km", NULL },
  { "an estimated 2,000 civilians", NUM, ABOUT, 2000, 0, "people", NULL },
  { "no more than 10 soldiers", NUM, AT_MOST, 10, 0, "troops", NULL },
  { "not less than 15%", NUM, AT_LEAST, 15, 0, "percent", NULL },
  { "fewer than 100 civilians", NUM, LESS, 100, 0, "people", NULL },
  { "as many as 500 troops", NUM, AT_MOST, 500, 0, "troops", NULL },
  { "in excess of $2 billion", NUM, MORE, 2e9, 0, "USD", NULL },
  { "at most 12 aircraft", NUM, AT_MOST, 12, 0, "aircraft", NULL },
  { "exactly 550 years", NUM, EXACT, 550, 0, "years", NULL },
  { "20 or more", NUM, AT_LEAST, 20, 0, "", NULL },
  { "30-odd", NUM, ABOUT, 30, 0, "", NULL },
  { "20+", NUM, AT_LEAST, 20, 0, "", NULL },
  { "5 miles", NUM, EXACT, 8.04672, 0, "km", NULL },
  { "800 metres", NUM, EXACT, 0.8, 0, "km", NULL },
  { "1,500 m", NUM, EXACT, 1.5, 0, "km", NULL },
  { "3 years", NUM, EXACT, 3, 0, "years", NULL },
  { "10 days", NUM, EXACT, 10, 0, "days", NULL },
  { "six months", NUM, EXACT, 6, 0, "months", NULL },
  { "two million people", NUM, EXACT, 2e6, 0, "people", NULL },
  { "twenty-one percent", NUM, EXACT, 21, 0, "percent", NULL },
  { "a dozen tanks", NUM, EXACT, 12, 0, "tanks", NULL },
  { "two dozen people", NUM, EXACT, 24, 0, "people", NULL },
  { "14 dead", NUM, EXACT, 14, 0, "people", NULL },
  { "fourteen dead", NUM, EXACT, 14, 0, "people", NULL },
  { "twenty-one injured", NUM, EXACT, 21, 0, "people", NULL },
  { "at least 31 wounded", NUM, AT_LEAST, 31, 0, "people", NULL },
  { "не менее 14 погибших", NUM, AT_LEAST, 14, 0, "people", NULL },
  { "one hundred soldiers", NUM, EXACT, 100, 0, "troops", NULL },
  { "19 million people", NUM, EXACT, 19e6, 0, "people", NULL },
  { "1.000.000", NUM, EXACT, 1e6, 0, "", NULL },
  { "7.590 km", NUM, EXACT, 7.59, 0, "km", NULL },
  { "7,5 km", NUM, EXACT, 7.5, 0, "km", NULL },
  { "5 000 people", NUM, EXACT, 5000, 0, "people", NULL },
  { "25 foreign taxpayers contributed", NUM, EXACT, 25, 0, "", "25" },
  { "more than 28% of all taxes", NUM, MORE, 28, 0, "percent", "more than 28%" },
  /* English dates. */
  { "1990s", DATE, RANGE, 0, 0, "1990/1999", NULL },
  { "2014–2020", DATE, RANGE, 0, 0, "2014/2020", NULL },
  { "for 2014-2020", DATE, RANGE, 0, 0, "2014/2020", "2014-2020" },
  { "March 2014", DATE, EXACT, 0, 0, "2014-03", NULL },
  { "18 April 2022 12:28", DATE, EXACT, 0, 0, "2022-04-18", "18 April 2022" },
  { "on 18 April", DATE, EXACT, 0, 0, "--04-18", "18 April" },
  { "On February 2, Forbes", DATE, EXACT, 0, 0, "--02-02", "February 2" },
  { "Sept. 11, 2001", DATE, EXACT, 0, 0, "2001-09-11", NULL },
  { "December 31st, 1999", DATE, EXACT, 0, 0, "1999-12-31", NULL },
  { "27.03.2014", DATE, EXACT, 0, 0, "2014-03-27", NULL },
  { "1 January 2015", DATE, EXACT, 0, 0, "2015-01-01", NULL },
  { "30 November 2015", DATE, EXACT, 0, 0, "2015-11-30", NULL },
  { "In 2013, Afghanistan", DATE, EXACT, 0, 0, "2013", "2013" },
  { "since 1991", DATE, EXACT, 0, 0, "1991", "1991" },
  { "in early 2022", DATE, EXACT, 0, 0, "2022", "2022" },
  { "in October 2014", DATE, EXACT, 0, 0, "2014-10", "October 2014" },
  /* Russian. */
  { "примерно 20%", NUM, ABOUT, 20, 0, "percent", NULL },
  { "не менее 18 процентов", NUM, AT_LEAST, 18, 0, "percent", NULL },
  { "не более 5 тыс. человек", NUM, AT_MOST, 5000, 0, "people", NULL },
  { "свыше 100 танков", NUM, MORE, 100, 0, "tanks", NULL },
  { "менее 10%", NUM, LESS, 10, 0, "percent", NULL },
  { "почти 19 млн", NUM, ABOUT, 19e6, 0, "", NULL },
  { "население 19,5 млн человек", NUM, EXACT, 19.5e6, 0, "people", "19,5 млн человек" },
  { "граница 7,590 км", NUM, EXACT, 7.59, 0, "km", "7,590 км" },
  { "7 590 километров", NUM, EXACT, 7590, 0, "km", NULL },
  { "1 234 567 рублей", NUM, EXACT, 1234567, 0, "RUB", NULL },
  { "3,5 млрд долларов", NUM, EXACT, 3.5e9, 0, "USD", NULL },
  { "200 млрд тенге", NUM, EXACT, 2e11, 0, "KZT", NULL },
  { "между 10 и 20", NUM, RANGE, 10, 20, "", NULL },
  { "от 5 до 7 тысяч военнослужащих", NUM, RANGE, 5000, 7000, "troops", NULL },
  { "до 300 военных", NUM, AT_MOST, 300, 0, "troops", NULL },
  { "как минимум 40 человек", NUM, AT_LEAST, 40, 0, "people", NULL },
  { "по меньшей мере 12 человек", NUM, AT_LEAST, 12, 0, "people", NULL },
  { "более чем 200 человек", NUM, MORE, 200, 0, "people", NULL },
  { "приблизительно 2 тыс.", NUM, ABOUT, 2000, 0, "", NULL },
  { "порядка 150 единиц", NUM, ABOUT, 150, 0, "", "порядка 150" },
  { "20 с лишним", NUM, MORE, 20, 0, "", NULL },
  { "двадцать пять процентов", NUM, EXACT, 25, 0, "percent", NULL },
  { "сто человек", NUM, EXACT, 100, 0, "people", NULL },
  { "5 лет", NUM, EXACT, 5, 0, "years", NULL },
  { "30 дней", NUM, EXACT, 30, 0, "days", NULL },
  { "3 года", NUM, EXACT, 3, 0, "years", NULL },
  { "в марте 2014 года", DATE, EXACT, 0, 0, "2014-03", "марте 2014 года" },
  { "27.03.2014 г.", DATE, EXACT, 0, 0, "2014-03-27", NULL },
  { "18 апреля 2022 года", DATE, EXACT, 0, 0, "2022-04-18", NULL },
  { "2014 год", DATE, EXACT, 0, 0, "2014", NULL },
  { "в 1991 г.", DATE, EXACT, 0, 0, "1991", "1991 г." },
  { "в 2014–2020 годах", DATE, RANGE, 0, 0, "2014/2020", "2014–2020" },
  { "1 сентября 2021 г.", DATE, EXACT, 0, 0, "2021-09-01", NULL },
};

static void
test_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (rows), >=, 100);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const Row *row = &rows[i];
      CrbQuantity quantity;
      g_autofree char *matched = NULL;

      g_test_message ("row %u: %s", i, row->text);
      g_assert_true (crb_quantity_parse (row->text, &quantity));
      matched = g_utf8_substring (row->text, quantity.start, quantity.end);
      g_assert_cmpstr (matched, ==, row->match != NULL ? row->match : row->text);
      g_assert_cmpint (quantity.kind, ==, row->kind);
      g_assert_cmpint (quantity.qualifier, ==, row->qualifier);
      if (row->kind == CRB_QUANTITY_NUMBER)
        {
          g_assert_cmpfloat_with_epsilon (quantity.value, row->value, 1e-9 * MAX (1, row->value));
          g_assert_cmpfloat_with_epsilon (quantity.value_max, row->value_max != 0 ? row->value_max : row->value,
                                          1e-9 * MAX (1, row->value_max));
          g_assert_cmpstr (quantity.unit, ==, row->unit);
        }
      else
        {
          g_assert_cmpstr (quantity.iso, ==, row->unit);
          g_assert_cmpstr (quantity.unit, ==, "date");
          g_assert_true (isnan (quantity.value) == (row->unit[0] == '-'));
          if (!isnan (quantity.value))
            g_assert_cmpfloat (quantity.value, <=, quantity.value_max);
        }
    }
}

static void
test_find_all (void)
{
  const char *text = "The border (about 7,590 km) is long; ethnic Russians make up about 21% of the "
                     "population. In 2014 100 people left. Код A-135 and ISSN2076 are not figures.";
  g_autoptr(GArray) found = crb_quantity_find (text, -1);
  const char *expected[] = { "about 7,590 km", "about 21%", "2014", "100 people" };

  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < found->len; i++)
    {
      const CrbQuantity *quantity = &g_array_index (found, CrbQuantity, i);
      g_autofree char *matched = g_utf8_substring (text, quantity->start, quantity->end);

      g_assert_cmpstr (matched, ==, expected[i]);
    }
}

static void
test_nothing (void)
{
  CrbQuantity quantity;
  g_autoptr(GArray) none = crb_quantity_find ("One of the people said nothing of note.", -1);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_false (crb_quantity_parse ("", &quantity));
}

typedef struct
{
  const char           *a;
  const char           *b;
  CrbQuantityAgreement  expected;
} Comparison;

static void
test_compare (void)
{
  const Comparison comparisons[] = {
    { "about 21%", "20 percent", CRB_QUANTITY_COMPATIBLE },
    { "20 percent", "21 percent", CRB_QUANTITY_DISAGREE },
    { "at least 18 percent", "about 20%", CRB_QUANTITY_COMPATIBLE },
    { "about 21%", "at least 18 percent", CRB_QUANTITY_COMPATIBLE },
    { "about 20%", "около 20 процентов", CRB_QUANTITY_AGREE },
    { "7,590 km", "about 7,500 km", CRB_QUANTITY_COMPATIBLE },
    { "7,590 km", "7,500 km", CRB_QUANTITY_DISAGREE },
    { "7,590 km", "7 590 км", CRB_QUANTITY_AGREE },
    { "7,590 km", "7,590,000 m", CRB_QUANTITY_AGREE },
    { "nearly 19 million", "19 million people", CRB_QUANTITY_COMPATIBLE },
    { "19 million", "19,000,000", CRB_QUANTITY_AGREE },
    { "19 млн человек", "19 million people", CRB_QUANTITY_AGREE },
    { "more than 1000", "1000", CRB_QUANTITY_DISAGREE },
    { "at least 1000", "1000", CRB_QUANTITY_COMPATIBLE },
    { "less than 5%", "more than 5%", CRB_QUANTITY_DISAGREE },
    { "at most 5%", "at least 5%", CRB_QUANTITY_COMPATIBLE },
    { "10–20%", "15%", CRB_QUANTITY_COMPATIBLE },
    { "10–20%", "25%", CRB_QUANTITY_DISAGREE },
    { "between 10 and 20 percent", "от 10 до 20 процентов", CRB_QUANTITY_AGREE },
    { "about 30%", "40%", CRB_QUANTITY_DISAGREE },
    { "20 percent", "20 km", CRB_QUANTITY_INCOMPARABLE },
    { "200 tanks", "200 troops", CRB_QUANTITY_INCOMPARABLE },
    { "$5 million", "5 million roubles", CRB_QUANTITY_INCOMPARABLE },
    { "27 March 2014", "in 2014", CRB_QUANTITY_COMPATIBLE },
    { "27 March 2014", "2014-03-27", CRB_QUANTITY_AGREE },
    { "27 марта 2014 года", "March 27, 2014", CRB_QUANTITY_AGREE },
    { "27 March 2014", "March 2015", CRB_QUANTITY_DISAGREE },
    { "March 2014", "2014–2020", CRB_QUANTITY_COMPATIBLE },
    { "in 2014", "20 percent", CRB_QUANTITY_INCOMPARABLE },
    { "18 April", "18 April", CRB_QUANTITY_AGREE },
    { "18 April", "18 April 2022", CRB_QUANTITY_INCOMPARABLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    {
      CrbQuantity a, b;

      g_test_message ("%s ~ %s", comparisons[i].a, comparisons[i].b);
      g_assert_true (crb_quantity_parse (comparisons[i].a, &a));
      g_assert_true (crb_quantity_parse (comparisons[i].b, &b));
      g_assert_cmpint (crb_quantity_compare (&a, &b), ==, comparisons[i].expected);
      g_assert_cmpint (crb_quantity_compare (&b, &a), ==, comparisons[i].expected);
    }
  g_assert_cmpstr (crb_qualifier_to_string (CRB_QUALIFIER_AT_LEAST), ==, "at least");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/compare/quantity/table", test_table);
  g_test_add_func ("/crb/compare/quantity/find-all", test_find_all);
  g_test_add_func ("/crb/compare/quantity/nothing", test_nothing);
  g_test_add_func ("/crb/compare/quantity/compare", test_compare);
  return g_test_run ();
}
