/* crb-quantity.h: quantities and dates in English and Russian text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CRB_QUANTITY_NUMBER,  /* a count, measure, share or sum */
  CRB_QUANTITY_DATE,    /* a day, month, year or range of years */
} CrbQuantityKind;

typedef enum
{
  CRB_QUALIFIER_EXACT,      /* "20 percent" */
  CRB_QUALIFIER_ABOUT,      /* "about", "nearly", "около", "почти" */
  CRB_QUALIFIER_AT_LEAST,   /* "at least", "не менее" */
  CRB_QUALIFIER_AT_MOST,    /* "at most", "up to", "не более", "до" */
  CRB_QUALIFIER_MORE_THAN,  /* "more than", "over", "более", "свыше" */
  CRB_QUALIFIER_LESS_THAN,  /* "less than", "under", "менее" */
  CRB_QUALIFIER_RANGE,      /* "10 to 20", "от 10 до 20", "2014–2020" */
} CrbQualifier;

/* One quantity found in a text.  Numbers carry their value with multipliers
 * applied ("19 млн" is 19000000) and a canonical unit: "" for a bare
 * number, "percent", "km" (metres and miles are converted), "people",
 * "troops", "tanks", "aircraft", "years", "days", "months", or a currency
 * code ("USD", "EUR", "RUB", "KZT", "GBP").  Dates carry the first and last
 * day they may mean as Julian day numbers (NAN when the year is unknown)
 * and an ISO 8601 form. */
typedef struct
{
  CrbQuantityKind  kind;
  guint32          start;      /* code points of the text */
  guint32          end;
  double           value;      /* the value, or the lower end of a range */
  double           value_max;  /* the upper end of a range, else = value */
  const char      *unit;       /* static string; "date" for dates */
  CrbQualifier     qualifier;
  char             iso[24];    /* dates: "2014-03-27", "2014-03", "2014", "2014/2020", "--04-18" */
} CrbQuantity;

/* Finds every quantity and date in @text (@length bytes, or NUL-terminated
 * when -1), in order.  Whether "7,590" means 7590 or 7.59 follows the
 * language around it: in Russian text the comma is the decimal separator
 * and spaces or dots group thousands.  Returns a GArray of CrbQuantity. */
GArray     *crb_quantity_find     (const char        *text,
                                   gssize             length);

/* Parses the first quantity of @text into @quantity; FALSE when there is
 * none.  Handy for one claim's quote or a grid cell. */
gboolean    crb_quantity_parse    (const char        *text,
                                   CrbQuantity       *quantity);

typedef enum
{
  CRB_QUANTITY_AGREE,         /* the same value, meant the same way */
  CRB_QUANTITY_COMPATIBLE,    /* both can be true: the intervals they allow overlap */
  CRB_QUANTITY_DISAGREE,      /* they cannot both be true */
  CRB_QUANTITY_INCOMPARABLE,  /* different kinds or units */
} CrbQuantityAgreement;

/* Relative tolerance of "about": ±10%. */
#define CRB_QUANTITY_ABOUT_TOLERANCE 0.10

/* Compares two quantities.  Each is read as the interval of values it
 * allows: an exact value itself, "about v" v ± 10%, "at least v" [v, ∞),
 * "more than v" (v, ∞), "at most v" (−∞, v], "less than v" (−∞, v), a
 * range its ends, a date its days.  Identical exact values (or identical
 * qualified statements) AGREE; otherwise overlapping intervals are
 * COMPATIBLE and disjoint ones DISAGREE — so two different exact figures
 * disagree, "about 21%" and "20 percent" are compatible, and so are "at
 * least 18 percent" and "about 20%".  A bare number compares with counts
 * of anything; other units must match. */
CrbQuantityAgreement crb_quantity_compare (const CrbQuantity *a,
                                           const CrbQuantity *b);

/* A short English name of @qualifier ("about", "at least", …). */
const char *crb_qualifier_to_string (CrbQualifier qualifier);

G_END_DECLS
