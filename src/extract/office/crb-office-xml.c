/* crb-office-xml.c: libxml2 readers that hostile documents cannot abuse
 *
 * Office and EPUB parts never need a document type declaration with
 * entities, so one that declares any (the "billion laughs" expansion, an
 * external entity pointing at /etc/passwd) is refused before parsing.
 * The readers themselves run without network access, without loading
 * DTDs, without substituting entities and without XML_PARSE_HUGE's raised
 * limits, and the process-wide external entity loader refuses every
 * request, so that nothing is ever fetched even if a path slips through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-office"

#include "crb-office-private.h"

#include <libxml/parserInternals.h>
#include <string.h>

#define READER_OPTIONS                                                                             \
  (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

static xmlParserInputPtr
refuse_external_entity (const char *url, const char *id, xmlParserCtxtPtr context)
{
  return NULL;
}

static void
ensure_no_external_entities (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialised, 1);
    }
}

static gboolean
contains (const guint8 *data, gsize length, const char *needle, gsize needle_length)
{
  return data != NULL && needle_length <= length
         && memmem (data, length, needle, needle_length) != NULL;
}

/* "<!ENTITY" in UTF-8 and in both UTF-16 byte orders. */
static gboolean
declares_entities (GBytes *xml)
{
  static const char utf16le[] = "<\0!\0E\0N\0T\0I\0T\0Y\0";
  static const char utf16be[] = "\0<\0!\0E\0N\0T\0I\0T\0Y";
  gsize             length;
  const guint8     *data = g_bytes_get_data (xml, &length);

  return contains (data, length, "<!ENTITY", 8) || contains (data, length, utf16le, 16) ||
         contains (data, length, utf16be, 16);
}

static void
ignore_error (void *data, xmlErrorPtr error)
{
}

xmlTextReaderPtr
crb_office_xml_reader (GBytes *xml, const char *name, GError **error)
{
  gsize            length;
  const char      *data = g_bytes_get_data (xml, &length);
  xmlTextReaderPtr reader;

  ensure_no_external_entities ();
  if (declares_entities (xml))
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                   "The part “%s” declares XML entities, which documents of this kind never "
                   "need; it was refused as a possible attack (entity expansion or an external "
                   "entity that reads local files).",
                   name);
      return NULL;
    }
  if (length > G_MAXINT)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE,
                   "The part “%s” is too large to read.", name);
      return NULL;
    }
  reader = xmlReaderForMemory (data, (int) length, name, NULL, READER_OPTIONS);
  if (reader == NULL)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                   "The part “%s” cannot be read as XML.", name);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, ignore_error, NULL);
  return reader;
}

gboolean
crb_office_xml_read (xmlTextReaderPtr reader, const char *name, GError **error)
{
  int status = xmlTextReaderRead (reader);

  if (status == 1)
    return TRUE;
  if (status < 0)
    {
      xmlErrorPtr      last = xmlGetLastError ();
      g_autofree char *reason = NULL;

      if (last != NULL && last->message != NULL)
        {
          g_autofree char *message = g_strstrip (g_strdup (last->message));

          reason = g_strdup_printf ("line %d: %s", last->line, message);
        }
      else
        reason = g_strdup_printf ("line %d", xmlTextReaderGetParserLineNumber (reader));
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                   "The document is damaged: its part “%s” is not well-formed XML (%s).", name,
                   reason);
    }
  return FALSE;
}

static gboolean
namespace_matches (const xmlChar *uri, const char *suffix)
{
  if (suffix == NULL)
    return uri == NULL;
  return uri != NULL && g_str_has_suffix ((const char *) uri, suffix);
}

gboolean
crb_office_xml_in (xmlTextReaderPtr reader, const char *namespace_suffix)
{
  return namespace_matches (xmlTextReaderConstNamespaceUri (reader), namespace_suffix);
}

gboolean
crb_office_xml_is (xmlTextReaderPtr reader, const char *namespace_suffix, const char *local_name)
{
  const xmlChar *local = xmlTextReaderConstLocalName (reader);

  return local != NULL && strcmp ((const char *) local, local_name) == 0 &&
         namespace_matches (xmlTextReaderConstNamespaceUri (reader), namespace_suffix);
}

char *
crb_office_xml_attribute (xmlTextReaderPtr reader, const char *namespace_suffix,
                          const char *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      if (crb_office_xml_is (reader, namespace_suffix, local_name))
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

char *
crb_office_xml_element_text (xmlTextReaderPtr reader)
{
  GString *text = g_string_new (NULL);
  int      depth = xmlTextReaderDepth (reader);

  if (xmlTextReaderIsEmptyElement (reader))
    return g_string_free (text, FALSE);
  while (xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        break;
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
          type == XML_READER_TYPE_WHITESPACE)
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  return g_string_free (text, FALSE);
}

gboolean
crb_office_xml_read_fields (GBytes *xml, const char *name, const CrbOfficeField *fields,
                            guint n_fields, GError **error)
{
  g_autoptr (CrbXmlReader) reader = crb_office_xml_reader (xml, name, error);
  g_autoptr (GError) local_error = NULL;

  if (reader == NULL)
    return FALSE;
  while (crb_office_xml_read (reader, name, &local_error))
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      for (guint i = 0; i < n_fields; i++)
        if (crb_office_xml_is (reader, fields[i].namespace_suffix, fields[i].local_name))
          {
            g_autofree char *value = crb_office_xml_element_text (reader);

            crb_office_set_field (fields[i].field, value);
            break;
          }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

xmlDocPtr
crb_office_html_parse (GBytes *html, const char *name)
{
  gsize         length;
  const guint8 *data = g_bytes_get_data (html, &length);
  gboolean      utf16 =
      length >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff));

  ensure_no_external_entities ();
  if (length > G_MAXINT)
    return NULL;
  /* EPUB requires UTF-8 or UTF-16; without the hint the HTML parser would
   * guess Latin-1 for a chapter that has no <meta charset>. */
  return htmlReadMemory ((const char *) data, (int) length, name, utf16 ? NULL : "UTF-8",
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_RECOVER);
}

char *
crb_office_resolve_path (const char *base, const char *target)
{
  g_autofree char *unescaped = g_uri_unescape_string (target, NULL);
  g_autofree char *folder = NULL;
  g_autoptr (GPtrArray) segments = g_ptr_array_new ();
  g_auto (GStrv) parts = NULL;
  const char *slash;

  if (unescaped == NULL)
    return NULL;
  /* Drop a fragment ("chapter.xhtml#note-3"). */
  if (strchr (unescaped, '#') != NULL)
    *strchr (unescaped, '#') = '\0';
  slash = strrchr (base, '/');
  folder =
      unescaped[0] == '/' || slash == NULL ? g_strdup ("") : g_strndup (base, slash - base + 1);
  {
    g_autofree char *joined = g_strconcat (folder, unescaped, NULL);

    parts = g_strsplit (joined, "/", -1);
  }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (segments->len > 0)
            g_ptr_array_set_size (segments, segments->len - 1);
          continue;
        }
      g_ptr_array_add (segments, parts[i]);
    }
  g_ptr_array_add (segments, NULL);
  return g_strjoinv ("/", (char **) segments->pdata);
}
