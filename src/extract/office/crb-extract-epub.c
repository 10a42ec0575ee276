/* crb-extract-epub.c: e-books (EPUB 2 and 3)
 *
 * META-INF/container.xml names the package document (OPF), whose spine
 * lists the chapters in reading order.  Chapters are XHTML, read with
 * libxml2's HTML parser, which knows HTML's named entities (&nbsp; in an
 * XHTML chapter without its DTD stops an XML parser), recovers from the
 * broken markup that e-book tools produce and never loads anything.  The
 * EPUB 3 navigation document repeats the headings and is left out; so is
 * a book whose chapters are encrypted (DRM).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-office"

#include "crb-office-private.h"

#include <string.h>

#define OPF "idpf.org/2007/opf"
#define DC "purl.org/dc/elements/1.1/"
#define CONTAINER "opendocument:xmlns:container"

typedef struct
{
  char *href;
  char *media_type;
  char *properties;
} Item;

static void
item_free (Item *item)
{
  g_free (item->href);
  g_free (item->media_type);
  g_free (item->properties);
  g_free (item);
}

static char *
find_package (CrbOfficeZip *zip, GError **error)
{
  g_autoptr (GBytes) container = crb_office_zip_get (zip, "META-INF/container.xml");
  g_autoptr (CrbXmlReader) reader = NULL;
  g_autoptr (GError) local_error = NULL;

  if (container == NULL)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
                   "This zip package is not an EPUB e-book (no META-INF/container.xml).");
      return NULL;
    }
  reader = crb_office_xml_reader (container, "META-INF/container.xml", error);
  while (reader != NULL && crb_office_xml_read (reader, "META-INF/container.xml", &local_error))
    if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
        crb_office_xml_is (reader, CONTAINER, "rootfile"))
      {
        char *path = crb_office_xml_attribute (reader, NULL, "full-path");

        if (path != NULL)
          return path;
      }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (reader != NULL)
    g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                 "This EPUB e-book is damaged: its container names no package document.");
  return NULL;
}

static const CrbOfficeField *
find_field (xmlTextReaderPtr reader, const CrbOfficeField *fields, guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (crb_office_xml_is (reader, fields[i].namespace_suffix, fields[i].local_name))
      return &fields[i];
  return NULL;
}

/* Metadata into `result`; the chapters' part names in reading order into
 * `chapters`.  Sets *navigation when the navigation document was left
 * out. */
static gboolean
read_package (CrbOfficeZip *zip, const char *package_name, CrbExtractResult *result,
              GPtrArray *chapters, gboolean *navigation, GError **error)
{
  g_autoptr (GBytes) package = crb_office_zip_get (zip, package_name);
  g_autoptr (CrbXmlReader) reader = NULL;
  g_autoptr (GHashTable) items =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) item_free);
  g_autoptr (GPtrArray) spine = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  const CrbOfficeField fields[] = {
    { DC, "title", &result->title },         { DC, "creator", &result->author },
    { DC, "publisher", &result->publisher }, { DC, "date", &result->published },
    { DC, "language", &result->language },
  };

  if (package == NULL)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                   "This EPUB e-book is damaged: its package document “%s” is missing.",
                   package_name);
      return FALSE;
    }
  reader = crb_office_xml_reader (package, package_name, error);
  if (reader == NULL)
    return FALSE;
  while (crb_office_xml_read (reader, package_name, &local_error))
    {
      const CrbOfficeField *field;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if ((field = find_field (reader, fields, G_N_ELEMENTS (fields))) != NULL)
        {
          g_autofree char *value = crb_office_xml_element_text (reader);

          crb_office_set_field (field->field, value);
        }
      else if (crb_office_xml_is (reader, OPF, "item"))
        {
          char *id = crb_office_xml_attribute (reader, NULL, "id");
          Item *item = g_new0 (Item, 1);

          item->href = crb_office_xml_attribute (reader, NULL, "href");
          item->media_type = crb_office_xml_attribute (reader, NULL, "media-type");
          item->properties = crb_office_xml_attribute (reader, NULL, "properties");
          if (id == NULL || item->href == NULL)
            {
              g_free (id);
              item_free (item);
              continue;
            }
          g_hash_table_replace (items, id, item);
        }
      else if (crb_office_xml_is (reader, OPF, "itemref"))
        {
          char *idref = crb_office_xml_attribute (reader, NULL, "idref");

          if (idref != NULL)
            g_ptr_array_add (spine, idref);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < spine->len; i++)
    {
      Item *item = g_hash_table_lookup (items, g_ptr_array_index (spine, i));
      char *path;

      if (item == NULL || item->media_type == NULL ||
          (strcmp (item->media_type, "application/xhtml+xml") != 0 &&
           strcmp (item->media_type, "text/html") != 0))
        continue;
      if (item->properties != NULL && strstr (item->properties, "nav") != NULL)
        {
          *navigation = TRUE;
          continue;
        }
      path = crb_office_resolve_path (package_name, item->href);
      if (path != NULL)
        g_ptr_array_add (chapters, path);
    }
  return TRUE;
}

/* Resources that META-INF/encryption.xml says are encrypted; fonts are
 * merely obfuscated by many tools, chapters only by DRM. */
static gboolean
has_encrypted_chapter (CrbOfficeZip *zip, GPtrArray *chapters)
{
  g_autoptr (GBytes) encryption = crb_office_zip_get (zip, "META-INF/encryption.xml");
  g_autoptr (CrbXmlReader) reader = NULL;

  if (encryption == NULL ||
      (reader = crb_office_xml_reader (encryption, "META-INF/encryption.xml", NULL)) == NULL)
    return FALSE;
  while (crb_office_xml_read (reader, "META-INF/encryption.xml", NULL))
    {
      g_autofree char *uri = NULL;
      g_autofree char *path = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          !crb_office_xml_is (reader, "xmlenc#", "CipherReference"))
        continue;
      uri = crb_office_xml_attribute (reader, NULL, "URI");
      path = uri != NULL ? crb_office_resolve_path ("", uri) : NULL;
      for (guint i = 0; path != NULL && i < chapters->len; i++)
        if (strcmp (path, g_ptr_array_index (chapters, i)) == 0)
          return TRUE;
    }
  return FALSE;
}

typedef struct
{
  CrbOfficeText *text;
  CrbOfficeBlock kind;     /* of the pending block */
  guint          headings; /* open h1–h6 */
  guint          lists;
  gboolean       item_pending;
  guint          rows; /* open tr */
  guint          cells;
  guint          pre;
} Chapter;

static void
begin_pending (Chapter *chapter)
{
  chapter->kind = chapter->headings > 0   ? CRB_OFFICE_HEADING
                  : chapter->item_pending ? CRB_OFFICE_ITEM
                                          : CRB_OFFICE_PARAGRAPH;
  crb_office_text_begin (chapter->text, chapter->kind);
  if (chapter->kind == CRB_OFFICE_ITEM)
    crb_office_text_set_kind (chapter->text, CRB_OFFICE_ITEM, MAX (chapter->lists, 1) - 1);
}

/* A block element starts or ends: what was pending becomes a block. */
static void
boundary (Chapter *chapter)
{
  gboolean empty;

  if (chapter->rows > 0)
    {
      crb_office_text_break (chapter->text, ' ');
      return;
    }
  empty = crb_office_text_is_empty (chapter->text);
  crb_office_text_end (chapter->text);
  if (chapter->kind == CRB_OFFICE_ITEM && !empty)
    chapter->item_pending = FALSE;
  begin_pending (chapter);
}

static gboolean
is_name (const char *name, const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *const skipped[] = { "head",   "script", "style", "noscript", "template",
                                       "iframe", "object", "nav",   "svg",      NULL };
static const char *const blocks[] = { "p",          "div",    "section", "article",    "aside",
                                      "header",     "footer", "main",    "blockquote", "figure",
                                      "figcaption", "dt",     "dd",      "dl",         "table",
                                      "caption",    "hr",     "address", "body",       "center",
                                      "tbody",      "thead",  "tfoot",   NULL };

static void
start_element (Chapter *chapter, const char *name)
{
  CrbOfficeText *text = chapter->text;

  if (strcmp (name, "br") == 0)
    crb_office_text_break (text, '\n');
  else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    {
      chapter->headings++;
      boundary (chapter);
    }
  else if (strcmp (name, "li") == 0)
    {
      chapter->item_pending = TRUE;
      boundary (chapter);
    }
  else if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0)
    {
      chapter->lists++;
      boundary (chapter);
    }
  else if (strcmp (name, "pre") == 0)
    {
      chapter->pre++;
      boundary (chapter);
    }
  else if (strcmp (name, "tr") == 0)
    {
      if (chapter->rows++ == 0)
        {
          crb_office_text_end (text);
          crb_office_text_begin (text, CRB_OFFICE_ROW);
        }
      else
        crb_office_text_break (text, ' ');
      chapter->cells = 0;
    }
  else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    {
      if (chapter->rows == 1 && chapter->cells++ > 0)
        crb_office_text_break (text, '\t');
      else if (chapter->rows > 1)
        crb_office_text_break (text, ' ');
    }
  else if (is_name (name, blocks))
    boundary (chapter);
}

static void
end_element (Chapter *chapter, const char *name)
{
  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    {
      if (chapter->headings > 0)
        chapter->headings--;
      boundary (chapter);
    }
  else if (strcmp (name, "li") == 0)
    {
      chapter->item_pending = FALSE;
      boundary (chapter);
    }
  else if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0)
    {
      if (chapter->lists > 0)
        chapter->lists--;
      boundary (chapter);
    }
  else if (strcmp (name, "pre") == 0)
    {
      if (chapter->pre > 0)
        chapter->pre--;
      boundary (chapter);
    }
  else if (strcmp (name, "tr") == 0 && chapter->rows > 0)
    {
      if (--chapter->rows == 0)
        {
          crb_office_text_end (chapter->text);
          begin_pending (chapter);
        }
    }
  else if (is_name (name, blocks))
    boundary (chapter);
}

static void
append_text (Chapter *chapter, const char *value)
{
  if (chapter->pre == 0)
    {
      crb_office_text_append (chapter->text, value);
      return;
    }
  for (const char *line = value; line != NULL;)
    {
      const char      *newline = strchr (line, '\n');
      g_autofree char *part =
          g_strndup (line, newline != NULL ? (gsize) (newline - line) : strlen (line));

      crb_office_text_append (chapter->text, part);
      if (newline != NULL)
        crb_office_text_break (chapter->text, '\n');
      line = newline != NULL ? newline + 1 : NULL;
    }
}

static void
read_chapter (CrbOfficeText *text, xmlDocPtr document)
{
  g_autoptr (CrbXmlReader) reader = xmlReaderWalker (document);
  Chapter chapter = { text };
  int     skipping = -1;

  if (reader == NULL)
    return;
  begin_pending (&chapter);
  while (xmlTextReaderRead (reader) == 1)
    {
      int         type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (skipping >= 0)
        {
          if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == skipping)
            skipping = -1;
          continue;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        {
          g_autofree char *lower = g_ascii_strdown (name, -1);
          gboolean         empty = xmlTextReaderIsEmptyElement (reader);

          if (is_name (lower, skipped))
            {
              if (!empty)
                skipping = xmlTextReaderDepth (reader);
              continue;
            }
          start_element (&chapter, lower);
          if (empty)
            end_element (&chapter, lower);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          g_autofree char *lower = g_ascii_strdown (name, -1);

          end_element (&chapter, lower);
        }
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
               type == XML_READER_TYPE_WHITESPACE)
        append_text (&chapter, (const char *) xmlTextReaderConstValue (reader));
    }
  crb_office_text_end (text);
  if (chapter.rows > 0)
    crb_office_text_end (text);
}

gboolean
crb_extract_epub (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                  GError **error)
{
  g_autoptr (CrbOfficeZip) zip = NULL;
  g_autofree char *mimetype = NULL;
  g_autofree char *package = NULL;
  g_autoptr (GPtrArray) chapters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CrbOfficeText) text = NULL;
  gboolean navigation = FALSE;
  guint    missing = 0;

  g_return_val_if_fail (data != NULL && result != NULL, FALSE);

  zip = crb_office_zip_open (data, "EPUB", error);
  if (zip == NULL)
    return FALSE;
  mimetype = crb_office_zip_get_string (zip, "mimetype");
  if (mimetype != NULL && strcmp (mimetype, "application/epub+zip") != 0)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
                   "This zip package is not an EPUB e-book (it is %s).", mimetype);
      return FALSE;
    }
  package = find_package (zip, error);
  if (package == NULL || !read_package (zip, package, result, chapters, &navigation, error))
    return FALSE;
  if (has_encrypted_chapter (zip, chapters))
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_ENCRYPTED,
                   "This e-book is protected by DRM and cannot be read. Import a copy "
                   "without DRM.");
      return FALSE;
    }

  text = crb_office_text_new (result);
  for (guint i = 0; i < chapters->len; i++)
    {
      const char *name = g_ptr_array_index (chapters, i);
      g_autoptr (GBytes) html = crb_office_zip_get (zip, name);
      g_autoptr (CrbXmlDoc) document = html != NULL ? crb_office_html_parse (html, name) : NULL;

      if (document == NULL)
        {
          missing++;
          continue;
        }
      read_chapter (text, document);
    }
  crb_office_text_finish (text);
  if (missing > 0)
    g_ptr_array_add (result->warnings,
                     g_strdup_printf ("%u chapter%s of the e-book could not be read.", missing,
                                      missing == 1 ? "" : "s"));

  g_free (result->kind);
  result->kind = g_strdup ("epub");
  if (navigation)
    g_ptr_array_add (result->removed, g_strdup ("table of contents (navigation document)"));
  if (result->text->len == 0)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY,
                   "This e-book contains no text.");
      return FALSE;
    }
  return TRUE;
}
