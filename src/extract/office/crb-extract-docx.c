/* crb-extract-docx.c: Word documents (Office Open XML)
 *
 * The package's relationships lead to the main part, its styles (which
 * paragraph styles are headings, in any UI language) and its notes.  The
 * main part is streamed: paragraphs, headings, list items, table rows with
 * tab-separated cells, text boxes; deleted text of tracked changes and
 * field instructions are left out; footnote and endnote references become
 * "[n]" with the notes at the end.  Metadata from docProps/core.xml.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-office"

#include "crb-office-private.h"

#include <string.h>

#define W "wordprocessingml/2006/main"
#define MC "markup-compatibility/2006"

typedef struct
{
  CrbOfficeText    *text;
  GHashTable       *headings; /* style id → GUINT level + 1 */
  guint             tables;   /* nesting depth */
  guint             cells;    /* cells begun in the current row */
  guint             cell_paragraphs;
  gboolean          in_properties; /* inside w:pPr */
  gboolean          heading;
  CrbDocxNumbering *numbering;
  char             *number; /* the paragraph's w:numId */
  guint             level;  /* its w:ilvl */
} Walk;

/* Relationship type (its last path segment) → part name, for `part`. */
static GHashTable *
read_relationships (CrbOfficeZip *zip, const char *part)
{
  GHashTable      *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *folder = g_path_get_dirname (part);
  g_autofree char *base = g_path_get_basename (part);
  g_autofree char *rels_name =
      strcmp (part, "") == 0
          ? g_strdup ("_rels/.rels")
          : (strcmp (folder, ".") == 0 ? g_strdup_printf ("_rels/%s.rels", base)
                                       : g_strdup_printf ("%s/_rels/%s.rels", folder, base));
  g_autoptr (GBytes) rels = crb_office_zip_get (zip, rels_name);
  g_autoptr (CrbXmlReader) reader = NULL;

  if (rels == NULL || (reader = crb_office_xml_reader (rels, rels_name, NULL)) == NULL)
    return targets;
  while (crb_office_xml_read (reader, rels_name, NULL))
    {
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;
      const char      *kind;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          !crb_office_xml_is (reader, "package/2006/relationships", "Relationship"))
        continue;
      type = crb_office_xml_attribute (reader, NULL, "Type");
      target = crb_office_xml_attribute (reader, NULL, "Target");
      mode = crb_office_xml_attribute (reader, NULL, "TargetMode");
      if (type == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
        continue;
      kind = strrchr (type, '/') != NULL ? strrchr (type, '/') + 1 : type;
      if (!g_hash_table_contains (targets, kind))
        g_hash_table_insert (targets, g_strdup (kind),
                             crb_office_resolve_path (strcmp (part, "") == 0 ? "/" : part, target));
    }
  return targets;
}

static guint
heading_level_from_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (strcmp (lower, "title") == 0)
    return 1;
  if (g_str_has_prefix (lower, "heading") && g_ascii_isdigit (lower[strlen (lower) - 1]))
    return lower[strlen (lower) - 1] - '0' + 1;
  return 0;
}

/* Paragraph styles that are headings: by their English built-in name
 * (style names stay English whatever the UI language) or their outline
 * level.  Also the document's default language. */
static GHashTable *
read_styles (CrbOfficeZip *zip, const char *name, CrbExtractResult *result)
{
  GHashTable *headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GBytes) styles = name != NULL ? crb_office_zip_get (zip, name) : NULL;
  g_autoptr (CrbXmlReader) reader = NULL;
  g_autofree char *style = NULL;
  g_autofree char *language = NULL;
  gboolean         defaults = FALSE;

  if (styles == NULL || (reader = crb_office_xml_reader (styles, name, NULL)) == NULL)
    return headings;
  while (crb_office_xml_read (reader, name, NULL))
    {
      guint level = 0;

      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
          crb_office_xml_is (reader, W, "docDefaults"))
        defaults = FALSE;
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (crb_office_xml_is (reader, W, "docDefaults"))
        defaults = TRUE;
      else if (defaults && language == NULL && crb_office_xml_is (reader, W, "lang"))
        language = crb_office_xml_attribute (reader, W, "val");
      else if (crb_office_xml_is (reader, W, "style"))
        {
          g_free (style);
          style = crb_office_xml_attribute (reader, W, "styleId");
          continue;
        }
      else if (style != NULL && crb_office_xml_is (reader, W, "name"))
        {
          g_autofree char *style_name = crb_office_xml_attribute (reader, W, "val");

          level = style_name != NULL ? heading_level_from_name (style_name) : 0;
        }
      else if (style != NULL && crb_office_xml_is (reader, W, "outlineLvl"))
        {
          g_autofree char *value = crb_office_xml_attribute (reader, W, "val");
          guint64          outline = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 9;

          level = outline < 9 ? outline + 1 : 0;
        }
      if (level > 0 && style != NULL && !g_hash_table_contains (headings, style))
        g_hash_table_insert (headings, g_strdup (style), GUINT_TO_POINTER (level));
    }
  crb_office_set_field (&result->language, language);
  return headings;
}

static gboolean
is_heading_style (Walk *walk, const char *style)
{
  if (g_hash_table_size (walk->headings) > 0)
    return g_hash_table_contains (walk->headings, style);
  return heading_level_from_name (style) > 0; /* no styles part: built-in ids */
}

/* Elements whose content is never text of the document. */
static gboolean
is_skipped (xmlTextReaderPtr reader)
{
  /* moveFrom: text a tracked change moved elsewhere (it is also at its
   * moveTo). */
  static const char *const skipped[] = { "delText", "instrText",   "delInstrText", "rPr",
                                         "sectPr",  "tblPr",       "trPr",         "tcPr",
                                         "tblGrid", "footnoteRef", "endnoteRef",   "sym",
                                         "moveFrom" };

  if (crb_office_xml_is (reader, MC, "Fallback"))
    return TRUE; /* the same content as mc:Choice, for older readers */
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (crb_office_xml_is (reader, W, skipped[i]))
      return TRUE;
  return FALSE;
}

static void
start_element (Walk *walk, xmlTextReaderPtr reader)
{
  CrbOfficeText *text = walk->text;
  const char    *name = (const char *) xmlTextReaderConstLocalName (reader);

  if (strcmp (name, "p") == 0)
    {
      walk->heading = FALSE;
      g_clear_pointer (&walk->number, g_free);
      walk->level = 0;
      if (walk->tables == 0)
        crb_office_text_begin (text, CRB_OFFICE_PARAGRAPH);
      else if (walk->cell_paragraphs++ > 0)
        crb_office_text_break (text, ' ');
    }
  else if (strcmp (name, "pPr") == 0)
    walk->in_properties = TRUE;
  else if (strcmp (name, "pStyle") == 0 && walk->tables == 0)
    {
      g_autofree char *style = crb_office_xml_attribute (reader, W, "val");

      if (style != NULL && is_heading_style (walk, style))
        {
          crb_office_text_set_kind (text, CRB_OFFICE_HEADING, 0);
          walk->heading = TRUE;
        }
    }
  else if (strcmp (name, "numPr") == 0 && walk->in_properties && walk->tables == 0 &&
           !walk->heading)
    crb_office_text_set_kind (text, CRB_OFFICE_ITEM, 0);
  else if (strcmp (name, "ilvl") == 0 && walk->in_properties && walk->tables == 0 && !walk->heading)
    {
      g_autofree char *value = crb_office_xml_attribute (reader, W, "val");

      walk->level = value != NULL ? MIN (g_ascii_strtoull (value, NULL, 10), 8) : 0;
      crb_office_text_set_kind (text, CRB_OFFICE_ITEM, walk->level);
    }
  else if (strcmp (name, "numId") == 0 && walk->in_properties && walk->tables == 0 &&
           !walk->heading)
    {
      g_autofree char *value = crb_office_xml_attribute (reader, W, "val");

      /* numId 0 takes a style's numbering away. */
      if (g_strcmp0 (value, "0") == 0)
        crb_office_text_set_kind (text, CRB_OFFICE_PARAGRAPH, 0);
      else
        {
          g_free (walk->number);
          walk->number = g_steal_pointer (&value);
        }
    }
  else if (walk->in_properties)
    return; /* w:tabs and the like describe layout */
  else if (strcmp (name, "t") == 0)
    {
      g_autofree char *value = crb_office_xml_element_text (reader);

      crb_office_text_append (text, value);
    }
  else if (strcmp (name, "tab") == 0)
    crb_office_text_break (text, ' ');
  else if (strcmp (name, "br") == 0 || strcmp (name, "cr") == 0)
    {
      g_autofree char *type = crb_office_xml_attribute (reader, W, "type");

      crb_office_text_break (text, type == NULL || strcmp (type, "textWrapping") == 0 ? '\n' : ' ');
    }
  else if (strcmp (name, "noBreakHyphen") == 0)
    crb_office_text_append (text, "-");
  else if (strcmp (name, "footnoteReference") == 0 || strcmp (name, "endnoteReference") == 0)
    {
      g_autofree char *id = crb_office_xml_attribute (reader, W, "id");
      g_autofree char *key = g_strdup_printf ("%c:%s", name[0], id != NULL ? id : "");

      crb_office_text_note_ref (text, key);
    }
  else if (strcmp (name, "tbl") == 0)
    walk->tables++;
  else if (strcmp (name, "tr") == 0 && walk->tables == 1)
    {
      crb_office_text_begin (text, CRB_OFFICE_ROW);
      walk->cells = 0;
    }
  else if (strcmp (name, "tc") == 0)
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
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);

  if (strcmp (name, "p") == 0 && walk->tables == 0)
    crb_office_text_end (walk->text);
  else if (strcmp (name, "pPr") == 0)
    {
      walk->in_properties = FALSE;
      /* The paragraph's properties are known: count it in its list. */
      if (walk->number != NULL && walk->tables == 0 && !walk->heading)
        {
          g_autofree char *label =
              crb_docx_numbering_next (walk->numbering, walk->number, walk->level);

          crb_office_text_set_label (walk->text, label);
        }
    }
  else if (strcmp (name, "tr") == 0 && walk->tables == 1)
    crb_office_text_end (walk->text);
  else if (strcmp (name, "tbl") == 0 && walk->tables > 0)
    walk->tables--;
}

static gboolean
walk_document (Walk *walk, GBytes *xml, const char *name, GError **error)
{
  g_autoptr (CrbXmlReader) reader = crb_office_xml_reader (xml, name, error);
  g_autoptr (GError) local_error = NULL;
  int skipping = -1; /* depth of the element being skipped */

  if (reader == NULL)
    return FALSE;
  while (crb_office_xml_read (reader, name, &local_error))
    {
      int type = xmlTextReaderNodeType (reader);

      if (skipping >= 0)
        {
          if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == skipping)
            skipping = -1;
          continue;
        }
      if (type == XML_READER_TYPE_ELEMENT && is_skipped (reader))
        {
          if (!xmlTextReaderIsEmptyElement (reader))
            skipping = xmlTextReaderDepth (reader);
          continue;
        }
      if (!crb_office_xml_in (reader, W))
        continue;
      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader);

          start_element (walk, reader);
          if (empty)
            end_element (walk, reader);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        end_element (walk, reader);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Footnotes or endnotes: each note's text, paragraphs run together. */
static void
read_notes (CrbOfficeText *text, CrbOfficeZip *zip, const char *name, char kind,
            CrbExtractResult *result)
{
  g_autoptr (GBytes) xml = name != NULL ? crb_office_zip_get (zip, name) : NULL;
  g_autoptr (CrbXmlReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) note = g_string_new (NULL);
  g_autofree char *id = NULL;

  if (xml == NULL)
    return;
  reader = crb_office_xml_reader (xml, name, &error);
  while (reader != NULL && crb_office_xml_read (reader, name, &error))
    {
      int      type = xmlTextReaderNodeType (reader);
      gboolean is_note = crb_office_xml_is (reader, W, kind == 'f' ? "footnote" : "endnote");

      if (type == XML_READER_TYPE_ELEMENT && is_note)
        {
          g_autofree char *note_type = crb_office_xml_attribute (reader, W, "type");

          g_free (id);
          id = note_type == NULL || strcmp (note_type, "normal") == 0
                   ? crb_office_xml_attribute (reader, W, "id")
                   : NULL; /* separators drawn between text and notes */
          g_string_truncate (note, 0);
        }
      else if (type == XML_READER_TYPE_ELEMENT && crb_office_xml_is (reader, W, "t"))
        {
          g_autofree char *value = crb_office_xml_element_text (reader);

          g_string_append (note, value);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && crb_office_xml_is (reader, W, "p"))
        g_string_append_c (note, ' ');
      else if (type == XML_READER_TYPE_END_ELEMENT && is_note && id != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%c:%s", kind, id);

          crb_office_text_set_note (text, key, g_strstrip (note->str));
        }
    }
  if (error != NULL)
    g_ptr_array_add (result->warnings,
                     g_strdup_printf ("The notes could not be read: %s", error->message));
}

static void
read_properties (CrbOfficeZip *zip, CrbExtractResult *result)
{
  g_autoptr (GBytes) core = crb_office_zip_get (zip, "docProps/core.xml");
  g_autoptr (GBytes) app = crb_office_zip_get (zip, "docProps/app.xml");
  g_autofree char     *modified = NULL;
  const CrbOfficeField core_fields[] = {
    { "purl.org/dc/elements/1.1/", "title", &result->title },
    { "purl.org/dc/elements/1.1/", "creator", &result->author },
    { "purl.org/dc/elements/1.1/", "language", &result->language },
    { "purl.org/dc/terms/", "created", &result->published },
    { "purl.org/dc/terms/", "modified", &modified },
  };
  const CrbOfficeField app_fields[] = {
    { "extended-properties", "Company", &result->publisher },
  };
  g_autoptr (GError) error = NULL;

  if (core != NULL && !crb_office_xml_read_fields (core, "docProps/core.xml", core_fields,
                                                   G_N_ELEMENTS (core_fields), &error))
    g_ptr_array_add (
        result->warnings,
        g_strdup_printf ("The document properties could not be read: %s", error->message));
  if (app != NULL)
    crb_office_xml_read_fields (app, "docProps/app.xml", app_fields, G_N_ELEMENTS (app_fields),
                                NULL);
  crb_office_set_field (&result->published, modified);
}

/* A password-protected Word file is not a zip at all but an OLE compound
 * file holding an "EncryptedPackage" stream. */
static gboolean
is_encrypted_ole (GBytes *data)
{
  static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  static const char   stream[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e";
  gsize               length;
  const guint8       *bytes = g_bytes_get_data (data, &length);

  return length > sizeof ole && memcmp (bytes, ole, sizeof ole) == 0 &&
         memmem (bytes, length, stream, sizeof stream - 1) != NULL;
}

gboolean
crb_extract_docx (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                  GError **error)
{
  g_autoptr (CrbOfficeZip) zip = NULL;
  g_autoptr (GHashTable) package = NULL;
  g_autoptr (GHashTable) parts = NULL;
  g_autoptr (GBytes) document = NULL;
  g_autoptr (CrbOfficeText) text = NULL;
  g_autoptr (GPtrArray) headers = NULL;
  g_autoptr (GHashTable) headings = NULL;
  g_autoptr (GBytes) numbering_xml = NULL;
  g_autoptr (CrbDocxNumbering) numbering = NULL;
  const char *main_part, *numbering_name;
  gboolean    walked;
  Walk        walk = { 0 };

  g_return_val_if_fail (data != NULL && result != NULL, FALSE);

  if (is_encrypted_ole (data))
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_ENCRYPTED,
                   "This Word document is password-protected. Open it with its password, save "
                   "an unprotected copy and import that.");
      return FALSE;
    }
  zip = crb_office_zip_open (data, "Word", error);
  if (zip == NULL)
    return FALSE;
  package = read_relationships (zip, "");
  main_part = g_hash_table_lookup (package, "officeDocument");
  if (main_part == NULL)
    main_part = "word/document.xml";
  document = crb_office_zip_get (zip, main_part);
  if (document == NULL || !g_str_has_suffix (main_part, "document.xml"))
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
                   "This zip package is not a Word document (it has no word/document.xml).");
      return FALSE;
    }

  parts = read_relationships (zip, main_part);
  text = crb_office_text_new (result);
  headings = read_styles (zip, g_hash_table_lookup (parts, "styles"), result);
  numbering_name = g_hash_table_lookup (parts, "numbering");
  numbering_xml = numbering_name != NULL ? crb_office_zip_get (zip, numbering_name) : NULL;
  numbering = crb_docx_numbering_new (numbering_xml, numbering_name);
  walk.text = text;
  walk.headings = headings;
  walk.numbering = numbering;
  walked = walk_document (&walk, document, main_part, error);
  g_free (walk.number);
  if (!walked)
    return FALSE;
  read_notes (text, zip, g_hash_table_lookup (parts, "footnotes"), 'f', result);
  read_notes (text, zip, g_hash_table_lookup (parts, "endnotes"), 'e', result);
  crb_office_text_finish (text);

  g_free (result->kind);
  result->kind = g_strdup ("docx");
  read_properties (zip, result);
  headers = crb_office_zip_list (zip, "word/header");
  if (headers->len > 0 || g_hash_table_contains (parts, "footer"))
    g_ptr_array_add (result->removed, g_strdup ("page headers and footers"));
  if (g_hash_table_contains (parts, "comments"))
    g_ptr_array_add (result->warnings,
                     g_strdup ("The document has review comments; they were not imported."));
  if (result->text->len == 0)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY,
                   "This Word document contains no text.");
      return FALSE;
    }
  return TRUE;
}
