/* crb-docx-numbering.c: the numbers of numbered paragraphs in Word files
 *
 * Word stores "3." or "(b)" nowhere in the text: word/numbering.xml
 * defines, per list and level, a format (decimal, letters, roman) and a
 * template ("%1.%2."), and each numbered paragraph counts on.  Analysts
 * quote resolutions and reports by these numbers, so they are rebuilt
 * here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-office"

#include "crb-office-private.h"

#include <string.h>

#define W "wordprocessingml/2006/main"
#define LEVELS 9

typedef struct
{
  char *format;   /* numFmt: decimal, lowerLetter, bullet… */
  char *template; /* lvlText: "%1.", "(%2)" */
  guint start;
} Level;

typedef struct
{
  Level levels[LEVELS];
} List;

struct _CrbDocxNumbering
{
  GHashTable *lists;    /* abstractNumId → List */
  GHashTable *numbers;  /* numId → abstractNumId */
  GHashTable *counters; /* numId → guint[LEVELS] */
};

static void
list_free (List *list)
{
  for (guint i = 0; i < LEVELS; i++)
    {
      g_free (list->levels[i].format);
      g_free (list->levels[i].template);
    }
  g_free (list);
}

static guint
attribute_number (xmlTextReaderPtr reader, const char *name, guint fallback)
{
  g_autofree char *value = crb_office_xml_attribute (reader, W, name);

  return value != NULL && g_ascii_isdigit (*value) ? (guint) g_ascii_strtoull (value, NULL, 10)
                                                   : fallback;
}

CrbDocxNumbering *
crb_docx_numbering_new (GBytes *xml, const char *name)
{
  CrbDocxNumbering *numbering = g_new0 (CrbDocxNumbering, 1);
  g_autoptr (CrbXmlReader) reader = NULL;
  List            *list = NULL;
  Level           *level = NULL;
  g_autofree char *number = NULL;

  numbering->lists =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) list_free);
  numbering->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  numbering->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (xml == NULL || (reader = crb_office_xml_reader (xml, name, NULL)) == NULL)
    return numbering;

  while (crb_office_xml_read (reader, name, NULL))
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (crb_office_xml_is (reader, W, "abstractNum"))
        {
          char *id = crb_office_xml_attribute (reader, W, "abstractNumId");

          list = NULL;
          level = NULL;
          if (id == NULL)
            continue;
          list = g_new0 (List, 1);
          g_hash_table_replace (numbering->lists, id, list);
        }
      else if (list != NULL && crb_office_xml_is (reader, W, "lvl"))
        {
          guint index = attribute_number (reader, "ilvl", LEVELS);

          level = index < LEVELS ? &list->levels[index] : NULL;
          if (level != NULL)
            level->start = 1;
        }
      else if (level != NULL && crb_office_xml_is (reader, W, "start"))
        level->start = attribute_number (reader, "val", 1);
      else if (level != NULL && crb_office_xml_is (reader, W, "numFmt"))
        {
          g_free (level->format);
          level->format = crb_office_xml_attribute (reader, W, "val");
        }
      else if (level != NULL && crb_office_xml_is (reader, W, "lvlText"))
        {
          g_free (level->template);
          level->template = crb_office_xml_attribute (reader, W, "val");
        }
      else if (crb_office_xml_is (reader, W, "num"))
        {
          g_free (number);
          number = crb_office_xml_attribute (reader, W, "numId");
          list = NULL;
          level = NULL;
        }
      else if (number != NULL && crb_office_xml_is (reader, W, "abstractNumId"))
        {
          char *id = crb_office_xml_attribute (reader, W, "val");

          if (id != NULL)
            g_hash_table_replace (numbering->numbers, g_strdup (number), id);
        }
    }
  return numbering;
}

void
crb_docx_numbering_free (CrbDocxNumbering *numbering)
{
  if (numbering == NULL)
    return;
  g_hash_table_unref (numbering->lists);
  g_hash_table_unref (numbering->numbers);
  g_hash_table_unref (numbering->counters);
  g_free (numbering);
}

static void
append_letters (GString *out, guint n, gboolean upper)
{
  /* a … z, then aa, bb … as Word does */
  char letter = (char) ((upper ? 'A' : 'a') + (n - 1) % 26);

  for (guint i = 0; i <= (n - 1) / 26 && i < 10; i++)
    g_string_append_c (out, letter);
}

static void
append_roman (GString *out, guint n, gboolean upper)
{
  static const struct
  {
    guint       value;
    const char *digits;
  } numerals[] = { { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
                   { 100, "c" },  { 90, "xc" },  { 50, "l" },  { 10, "x" },
                   { 9, "ix" },   { 5, "v" },    { 4, "iv" },  { 1, "i" } };
  gsize start = out->len;

  n = MIN (n, 3999);
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    for (; n >= numerals[i].value; n -= numerals[i].value)
      g_string_append (out, numerals[i].digits);
  if (upper)
    for (gsize i = start; i < out->len; i++)
      out->str[i] = g_ascii_toupper (out->str[i]);
}

static void
append_number (GString *out, guint n, const char *format)
{
  if (g_strcmp0 (format, "lowerLetter") == 0 || g_strcmp0 (format, "upperLetter") == 0)
    append_letters (out, MAX (n, 1), format[0] == 'u');
  else if (g_strcmp0 (format, "lowerRoman") == 0 || g_strcmp0 (format, "upperRoman") == 0)
    append_roman (out, n, format[0] == 'u');
  else if (g_strcmp0 (format, "decimalZero") == 0)
    g_string_append_printf (out, "%02u", n);
  else
    g_string_append_printf (out, "%u", n);
}

char *
crb_docx_numbering_next (CrbDocxNumbering *numbering, const char *number, guint level)
{
  const char *list_id = g_hash_table_lookup (numbering->numbers, number);
  List       *list = list_id != NULL ? g_hash_table_lookup (numbering->lists, list_id) : NULL;
  guint      *counts;
  const char *template;
  GString *label;

  if (list == NULL || level >= LEVELS)
    return NULL;
  if (list->levels[level].format == NULL || strcmp (list->levels[level].format, "bullet") == 0 ||
      strcmp (list->levels[level].format, "none") == 0)
    return NULL;

  counts = g_hash_table_lookup (numbering->counters, number);
  if (counts == NULL)
    {
      counts = g_new0 (guint, LEVELS);
      g_hash_table_insert (numbering->counters, g_strdup (number), counts);
    }
  counts[level] = counts[level] == 0 ? list->levels[level].start : counts[level] + 1;
  for (guint deeper = level + 1; deeper < LEVELS; deeper++)
    counts[deeper] = 0;

  template = list->levels[level].template;
  if (template == NULL)
    template = "%1.";
  label = g_string_new (NULL);
  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          guint which = p[1] - '1';
          guint count = counts[which] != 0 ? counts[which] : list->levels[which].start;

          append_number (label, count, list->levels[which].format);
          p++;
        }
      else
        g_string_append_c (label, *p);
    }
  return g_string_free (label, FALSE);
}
