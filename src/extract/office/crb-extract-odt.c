/* crb-extract-odt.c: OpenDocument text (LibreOffice, and what others save
 * as .odt)
 *
 * content.xml is streamed: headings, paragraphs, list items, table rows
 * with tab-separated cells, text frames; notes become "[n]" with their
 * text at the end; comments, tracked deletions and generated indexes (a
 * table of contents repeats the headings) are left out.  Metadata from
 * meta.xml.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-office"

#include "crb-office-private.h"

#include <string.h>

#define TEXT "opendocument:xmlns:text:1.0"
#define TABLE "opendocument:xmlns:table:1.0"
#define OFFICE "opendocument:xmlns:office:1.0"

typedef struct
{
  CrbOfficeText    *text;
  CrbExtractResult *result;
  guint             blocks; /* open text:p / text:h outside tables */
  guint             lists;  /* list nesting */
  gboolean          item_pending;
  guint             tables;
  guint             cells;
  guint             cell_paragraphs;
  guint             in_cell_paragraph;
  guint             notes;   /* notes seen, for keys */
  gboolean          indexes; /* a generated index was left out */
} Walk;

static gboolean
is_skipped (Walk *walk, xmlTextReaderPtr reader)
{
  static const char *const indexes[] = { "table-of-content",   "illustration-index",
                                         "alphabetical-index", "user-index",
                                         "object-index",       "table-index",
                                         "bibliography" };

  if (crb_office_xml_is (reader, OFFICE, "annotation") ||
      crb_office_xml_is (reader, TEXT, "tracked-changes") ||
      crb_office_xml_is (reader, OFFICE, "forms") ||
      crb_office_xml_is (reader, "svg-compatible:1.0", "desc") ||
      crb_office_xml_is (reader, "svg-compatible:1.0", "title"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    if (crb_office_xml_is (reader, TEXT, indexes[i]))
      {
        walk->indexes = TRUE;
        return TRUE;
      }
  return FALSE;
}

/* A note's body, read to the end of its text:note, paragraphs run
 * together; the citation is replaced by our own number. */
static void
read_note (Walk *walk, xmlTextReaderPtr reader)
{
  g_autoptr (GString) note = g_string_new (NULL);
  g_autofree char *key = g_strdup_printf ("n:%u", ++walk->notes);
  int              depth = xmlTextReaderDepth (reader);
  int              citation = -1;

  crb_office_text_note_ref (walk->text, key);
  if (xmlTextReaderIsEmptyElement (reader))
    return;
  while (xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        break;
      if (citation >= 0)
        {
          if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == citation)
            citation = -1;
          continue;
        }
      if (type == XML_READER_TYPE_ELEMENT && crb_office_xml_is (reader, TEXT, "note-citation") &&
          !xmlTextReaderIsEmptyElement (reader))
        citation = xmlTextReaderDepth (reader);
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        g_string_append (note, (const char *) xmlTextReaderConstValue (reader));
      else if ((type == XML_READER_TYPE_END_ELEMENT && crb_office_xml_is (reader, TEXT, "p")) ||
               (type == XML_READER_TYPE_ELEMENT && crb_office_xml_is (reader, TEXT, "s")))
        g_string_append_c (note, ' ');
    }
  crb_office_text_set_note (walk->text, key, g_strstrip (note->str));
}

static void
begin_paragraph (Walk *walk, gboolean heading)
{
  if (walk->tables > 0)
    {
      if (walk->cell_paragraphs++ > 0)
        crb_office_text_break (walk->text, ' ');
      walk->in_cell_paragraph++;
      return;
    }
  crb_office_text_begin (walk->text, heading ? CRB_OFFICE_HEADING : CRB_OFFICE_PARAGRAPH);
  if (!heading && walk->item_pending)
    crb_office_text_set_kind (walk->text, CRB_OFFICE_ITEM, walk->lists - 1);
  walk->item_pending = FALSE;
  walk->blocks++;
}

static void
end_paragraph (Walk *walk)
{
  if (walk->tables > 0)
    {
      if (walk->in_cell_paragraph > 0)
        walk->in_cell_paragraph--;
      return;
    }
  if (walk->blocks > 0)
    {
      walk->blocks--;
      crb_office_text_end (walk->text);
    }
}

static void
start_element (Walk *walk, xmlTextReaderPtr reader)
{
  CrbOfficeText *text = walk->text;
  gboolean       in_text = walk->blocks > 0 || walk->in_cell_paragraph > 0;

  if (crb_office_xml_is (reader, TEXT, "p") || crb_office_xml_is (reader, TEXT, "h"))
    begin_paragraph (walk, crb_office_xml_is (reader, TEXT, "h"));
  else if (crb_office_xml_is (reader, TEXT, "list"))
    walk->lists++;
  else if (crb_office_xml_is (reader, TEXT, "list-item"))
    walk->item_pending = walk->tables == 0;
  else if (crb_office_xml_is (reader, TEXT, "list-header"))
    walk->item_pending = FALSE;
  else if (crb_office_xml_is (reader, TEXT, "note") && in_text)
    read_note (walk, reader);
  else if ((crb_office_xml_is (reader, TEXT, "s") || crb_office_xml_is (reader, TEXT, "tab")) &&
           in_text)
    crb_office_text_break (text, ' ');
  else if (crb_office_xml_is (reader, TEXT, "line-break") && in_text)
    crb_office_text_break (text, '\n');
  else if (crb_office_xml_is (reader, TABLE, "table"))
    walk->tables++;
  else if (crb_office_xml_is (reader, TABLE, "table-row") && walk->tables == 1)
    {
      crb_office_text_begin (text, CRB_OFFICE_ROW);
      walk->cells = 0;
    }
  else if (crb_office_xml_is (reader, TABLE, "table-cell") ||
           crb_office_xml_is (reader, TABLE, "covered-table-cell"))
    {
      if (walk->tables == 1 && walk->cells++ > 0)
        crb_office_text_break (text, '\t');
      else if (walk->tables > 1)
        crb_office_text_break (text, ' ');
      walk->cell_paragraphs = 0;
    }
}

static void
end_element (Walk *walk, xmlTextReaderPtr reader)
{
  if (crb_office_xml_is (reader, TEXT, "p") || crb_office_xml_is (reader, TEXT, "h"))
    end_paragraph (walk);
  else if (crb_office_xml_is (reader, TEXT, "list") && walk->lists > 0)
    walk->lists--;
  else if (crb_office_xml_is (reader, TABLE, "table-row") && walk->tables == 1)
    crb_office_text_end (walk->text);
  else if (crb_office_xml_is (reader, TABLE, "table") && walk->tables > 0)
    walk->tables--;
}

static gboolean
walk_content (Walk *walk, GBytes *xml, GError **error)
{
  g_autoptr (CrbXmlReader) reader = crb_office_xml_reader (xml, "content.xml", error);
  g_autoptr (GError) local_error = NULL;
  int      skipping = -1;
  gboolean in_body = FALSE;

  if (reader == NULL)
    return FALSE;
  while (crb_office_xml_read (reader, "content.xml", &local_error))
    {
      int type = xmlTextReaderNodeType (reader);

      if (skipping >= 0)
        {
          if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == skipping)
            skipping = -1;
          continue;
        }
      if (crb_office_xml_is (reader, OFFICE, "body"))
        in_body = type == XML_READER_TYPE_ELEMENT;
      if (!in_body)
        continue;
      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          if (is_skipped (walk, reader))
            {
              if (!empty)
                skipping = xmlTextReaderDepth (reader);
              continue;
            }
          start_element (walk, reader);
          if (empty)
            end_element (walk, reader);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        end_element (walk, reader);
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
               (walk->blocks > 0 || walk->in_cell_paragraph > 0))
        crb_office_text_append (walk->text, (const char *) xmlTextReaderConstValue (reader));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
read_meta (CrbOfficeZip *zip, CrbExtractResult *result)
{
  g_autoptr (GBytes) meta = crb_office_zip_get (zip, "meta.xml");
  g_autofree char     *initial_creator = NULL;
  g_autofree char     *date = NULL;
  const CrbOfficeField fields[] = {
    { "purl.org/dc/elements/1.1/", "title", &result->title },
    { "purl.org/dc/elements/1.1/", "creator", &result->author },
    { "opendocument:xmlns:meta:1.0", "initial-creator", &initial_creator },
    { "opendocument:xmlns:meta:1.0", "creation-date", &result->published },
    { "purl.org/dc/elements/1.1/", "date", &date },
    { "purl.org/dc/elements/1.1/", "language", &result->language },
  };
  g_autoptr (GError) error = NULL;

  if (meta != NULL &&
      !crb_office_xml_read_fields (meta, "meta.xml", fields, G_N_ELEMENTS (fields), &error))
    g_ptr_array_add (
        result->warnings,
        g_strdup_printf ("The document properties could not be read: %s", error->message));
  /* The first author is the author; dc:creator is whoever saved last. */
  if (initial_creator != NULL)
    {
      g_free (result->author);
      result->author = g_steal_pointer (&initial_creator);
    }
  crb_office_set_field (&result->published, date);
}

gboolean
crb_extract_odt (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                 GError **error)
{
  g_autoptr (CrbOfficeZip) zip = NULL;
  g_autofree char *mimetype = NULL;
  g_autoptr (GBytes) content = NULL;
  g_autoptr (CrbOfficeText) text = NULL;
  Walk walk = { 0 };

  g_return_val_if_fail (data != NULL && result != NULL, FALSE);

  zip = crb_office_zip_open (data, "OpenDocument", error);
  if (zip == NULL)
    return FALSE;
  mimetype = crb_office_zip_get_string (zip, "mimetype");
  content = crb_office_zip_get (zip, "content.xml");
  if (content == NULL ||
      (mimetype != NULL && !g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument.text")))
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
                   "This zip package is not an OpenDocument text.");
      return FALSE;
    }

  text = crb_office_text_new (result);
  walk.text = text;
  walk.result = result;
  if (!walk_content (&walk, content, error))
    return FALSE;
  crb_office_text_finish (text);

  g_free (result->kind);
  result->kind = g_strdup ("odt");
  read_meta (zip, result);
  if (walk.indexes)
    g_ptr_array_add (result->removed, g_strdup ("table of contents and other generated indexes"));
  if (result->text->len == 0)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY,
                   "This document contains no text.");
      return FALSE;
    }
  return TRUE;
}
