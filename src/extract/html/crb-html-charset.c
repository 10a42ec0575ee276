/* crb-html-charset.c: which encoding a page declares, and its text as UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-encoding.h"
#include "crb-html-private.h"

/* Browsers look for <meta charset> only near the start of the page (the HTML
 * standard's prescan reads 1024 bytes; real pages with long <head>s put it
 * later, and browsers are lenient), so do we. */
#define PRESCAN_BYTES 4096

/* Labels as pages write them, mapped to the encodings browsers actually use
 * for them (the WHATWG Encoding standard treats ISO-8859-1 and ASCII as
 * windows-1252, and a UTF-16 label in a byte-oriented prescan as UTF-8). */
static const struct
{
  const char *label;
  const char *name;
} labels[] = {
  { "utf-8", "UTF-8" },
  { "utf8", "UTF-8" },
  { "unicode-1-1-utf-8", "UTF-8" },
  { "utf-16", "UTF-8" },
  { "utf-16le", "UTF-8" },
  { "utf-16be", "UTF-8" },
  { "iso-8859-1", "windows-1252" },
  { "iso8859-1", "windows-1252" },
  { "latin1", "windows-1252" },
  { "l1", "windows-1252" },
  { "ascii", "windows-1252" },
  { "us-ascii", "windows-1252" },
  { "cp1252", "windows-1252" },
  { "x-cp1252", "windows-1252" },
  { "windows-1252", "windows-1252" },
  { "cp1251", "windows-1251" },
  { "x-cp1251", "windows-1251" },
  { "windows-1251", "windows-1251" },
  { "win-1251", "windows-1251" },
  { "koi8-r", "KOI8-R" },
  { "koi8_r", "KOI8-R" },
  { "koi8", "KOI8-R" },
  { "koi", "KOI8-R" },
  { "cskoi8r", "KOI8-R" },
  { "koi8-u", "KOI8-U" },
  { "koi8-ru", "KOI8-U" },
  { "iso-8859-5", "ISO-8859-5" },
  { "cp866", "IBM866" },
  { "ibm866", "IBM866" },
  { "iso-8859-9", "windows-1254" },
  { "latin5", "windows-1254" },
  { "tis-620", "windows-874" },
  { "iso-8859-11", "windows-874" },
  { "gb2312", "GBK" },
  { "x-gbk", "GBK" },
  { "gbk", "GBK" },
  { "sjis", "SHIFT_JIS" },
  { "shift_jis", "SHIFT_JIS" },
  { "x-sjis", "SHIFT_JIS" },
};

/* NULL for anything that is not a plausible encoding label. */
static char *
normalize_label (const char *label, gsize length)
{
  g_autofree char *lower = NULL;
  gsize            i;

  while (length > 0 && g_ascii_isspace (*label))
    label++, length--;
  while (length > 0 && (g_ascii_isspace (label[length - 1]) || label[length - 1] == '"' ||
                        label[length - 1] == '\'' || label[length - 1] == ';'))
    length--;
  if (length == 0 || length > 40)
    return NULL;
  lower = g_ascii_strdown (label, length);
  for (i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (lower, labels[i].label) == 0)
      return g_strdup (labels[i].name);
  for (i = 0; lower[i] != '\0'; i++)
    if (!g_ascii_isalnum (lower[i]) && strchr ("-_.:", lower[i]) == NULL)
      return NULL;
  return g_steal_pointer (&lower);
}

/* The value after "charset=" in a Content-Type value, or NULL. */
static char *
charset_from_content_type (const char *value, gsize length)
{
  gsize i;

  for (i = 0; i + 7 <= length; i++)
    {
      gsize start, stop;
      char  quote = 0;

      if (g_ascii_strncasecmp (value + i, "charset", 7) != 0)
        continue;
      start = i + 7;
      while (start < length && g_ascii_isspace (value[start]))
        start++;
      if (start >= length || value[start] != '=')
        continue;
      start++;
      while (start < length && g_ascii_isspace (value[start]))
        start++;
      if (start < length && (value[start] == '"' || value[start] == '\''))
        quote = value[start++];
      stop = start;
      while (stop < length && value[stop] != quote && value[stop] != ';' &&
             (quote != 0 || !g_ascii_isspace (value[stop])))
        stop++;
      return normalize_label (value + start, stop - start);
    }
  return NULL;
}

typedef struct
{
  const char *name;
  gsize       name_length;
  const char *value;
  gsize       value_length;
} Attribute;

/* Reads one attribute at *pos of a tag that ends before `end`; FALSE at '>'. */
static gboolean
next_attribute (const char *data, gsize *pos, gsize end, Attribute *attribute)
{
  gsize p = *pos;

  while (p < end && (g_ascii_isspace (data[p]) || data[p] == '/'))
    p++;
  if (p >= end || data[p] == '>')
    {
      *pos = p;
      return FALSE;
    }
  attribute->name = data + p;
  while (p < end && !g_ascii_isspace (data[p]) && data[p] != '=' && data[p] != '>' &&
         data[p] != '/')
    p++;
  attribute->name_length = (gsize) (data + p - attribute->name);
  attribute->value = data + p;
  attribute->value_length = 0;
  while (p < end && g_ascii_isspace (data[p]))
    p++;
  if (p < end && data[p] == '=')
    {
      p++;
      while (p < end && g_ascii_isspace (data[p]))
        p++;
      if (p < end && (data[p] == '"' || data[p] == '\''))
        {
          char quote = data[p++];

          attribute->value = data + p;
          while (p < end && data[p] != quote)
            p++;
          attribute->value_length = (gsize) (data + p - attribute->value);
          if (p < end)
            p++;
        }
      else
        {
          attribute->value = data + p;
          while (p < end && !g_ascii_isspace (data[p]) && data[p] != '>')
            p++;
          attribute->value_length = (gsize) (data + p - attribute->value);
        }
    }
  *pos = p;
  return TRUE;
}

static gboolean
attribute_is (const Attribute *attribute, const char *name)
{
  return attribute->name_length == strlen (name) &&
         g_ascii_strncasecmp (attribute->name, name, attribute->name_length) == 0;
}

/* The charset a <meta> tag starting at `pos` (just after "<meta") declares. */
static char *
charset_from_meta (const char *data, gsize pos, gsize end)
{
  Attribute   attribute;
  gboolean    http_equiv = FALSE;
  const char *content = NULL;
  gsize       content_length = 0;

  while (next_attribute (data, &pos, end, &attribute))
    {
      if (attribute_is (&attribute, "charset"))
        return normalize_label (attribute.value, attribute.value_length);
      if (attribute_is (&attribute, "http-equiv"))
        http_equiv = attribute.value_length == 12 &&
                     g_ascii_strncasecmp (attribute.value, "content-type", 12) == 0;
      else if (attribute_is (&attribute, "content"))
        {
          content = attribute.value;
          content_length = attribute.value_length;
        }
    }
  if (http_equiv && content != NULL)
    return charset_from_content_type (content, content_length);
  return NULL;
}

/* An XHTML page may declare its encoding only in the XML declaration. */
static char *
charset_from_xml_declaration (const char *data, gsize length)
{
  const char *close;
  const char *encoding;

  if (length < 6 || strncmp (data, "<?xml", 5) != 0)
    return NULL;
  close = memchr (data, '>', MIN (length, 200));
  if (close == NULL)
    return NULL;
  encoding = g_strstr_len (data, close - data, "encoding");
  if (encoding == NULL)
    return NULL;
  encoding += 8;
  while (encoding < close && (g_ascii_isspace (*encoding) || *encoding == '='))
    encoding++;
  if (encoding < close && (*encoding == '"' || *encoding == '\''))
    {
      char        quote = *encoding++;
      const char *stop = memchr (encoding, quote, close - encoding);

      if (stop != NULL)
        return normalize_label (encoding, stop - encoding);
    }
  return NULL;
}

/**
 * crb_html_prescan_charset:
 *
 * Looks for the encoding a page declares in its first bytes: a <meta charset>,
 * a <meta http-equiv="Content-Type" content="…; charset=…">, or an XML
 * declaration.  Comments are skipped, so a commented-out <meta> does not
 * count.  Returns a normalised encoding name or NULL.
 */
char *
crb_html_prescan_charset (const guint8 *bytes, gsize length)
{
  const char *data = (const char *) bytes;
  gsize       end = MIN (length, PRESCAN_BYTES);
  gsize       pos = 0;
  char       *found;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return g_strdup ("UTF-8");
  if ((found = charset_from_xml_declaration (data, end)) != NULL)
    return found;
  while (pos < end)
    {
      const char *lt = memchr (data + pos, '<', end - pos);

      if (lt == NULL)
        break;
      pos = (gsize) (lt - data);
      if (pos + 4 <= end && strncmp (data + pos, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (data + pos + 4, end - pos - 4, "-->");

          if (close == NULL)
            break;
          pos = (gsize) (close - data) + 3;
          continue;
        }
      if (pos + 6 <= end && g_ascii_strncasecmp (data + pos + 1, "meta", 4) == 0 &&
          (g_ascii_isspace (data[pos + 5]) || data[pos + 5] == '/'))
        {
          if ((found = charset_from_meta (data, pos + 5, end)) != NULL)
            return found;
        }
      pos++;
    }
  return NULL;
}

/**
 * crb_html_decode:
 * @http_charset: (nullable): the charset of the HTTP Content-Type header
 *
 * The page as UTF-8.  A byte-order mark wins (crb_encoding_decode() honours
 * it), then the HTTP header, then the page's own declaration; where none is
 * given or the declared one does not fit the bytes, crb_encoding_decode()
 * guesses.  *encoding receives the encoding used.
 */
char *
crb_html_decode (const guint8 *data, gsize length, const char *http_charset, char **encoding,
                 GError **error)
{
  g_autofree char *declared = NULL;

  if (http_charset != NULL)
    declared = normalize_label (http_charset, strlen (http_charset));
  if (declared == NULL)
    declared = crb_html_prescan_charset (data, length);
  return crb_encoding_decode (data, length, declared, encoding, error);
}
