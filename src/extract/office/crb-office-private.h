/* crb-office-private.h: what the DOCX, ODT and EPUB extractors share
 *
 * crb-office-zip.c reads the package with caps against zip bombs,
 * crb-office-xml.c makes hardened libxml2 readers (no network, no DTDs,
 * no entity declarations), crb-office-text.c builds the text with
 * paragraph offsets, list bullets, table rows and a closing "Notes"
 * section, so that the three formats come out alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>

#include "crb-extract-formats.h"

G_BEGIN_DECLS

/* Caps on what a package may unpack to: far above real documents (a
 * 1,000-page report's document.xml is ~20 MB), far below what hurts. */
#define CRB_OFFICE_MAX_ENTRIES 20000
#define CRB_OFFICE_MAX_ENTRY_SIZE (64 * 1024 * 1024)
#define CRB_OFFICE_MAX_TOTAL_SIZE (256 * 1024 * 1024)

/* crb-office-zip.c */
typedef struct _CrbOfficeZip CrbOfficeZip;

CrbOfficeZip *crb_office_zip_open (GBytes *data, const char *format, GError **error);
gboolean      crb_office_zip_has (CrbOfficeZip *zip, const char *name);
/* The unpacked bytes of a text part (XML, XHTML, mimetype), or NULL. */
GBytes *crb_office_zip_get (CrbOfficeZip *zip, const char *name);
/* A small part as a string (the mimetype), or NULL. */
char *crb_office_zip_get_string (CrbOfficeZip *zip, const char *name);
/* Names (borrowed) of all entries starting with `prefix`, sorted. */
GPtrArray *crb_office_zip_list (CrbOfficeZip *zip, const char *prefix);
void       crb_office_zip_free (CrbOfficeZip *zip);

/* crb-office-xml.c */
xmlTextReaderPtr crb_office_xml_reader (GBytes *xml, const char *name, GError **error);
/* Advances; FALSE at the end (error unset) or on broken XML (error set). */
gboolean crb_office_xml_read (xmlTextReaderPtr reader, const char *name, GError **error);
gboolean crb_office_xml_in (xmlTextReaderPtr reader, const char *namespace_suffix);
gboolean crb_office_xml_is (xmlTextReaderPtr reader, const char *namespace_suffix,
                            const char *local_name);
/* An attribute by local name and namespace suffix (NULL: no namespace). */
char *crb_office_xml_attribute (xmlTextReaderPtr reader, const char *namespace_suffix,
                                const char *local_name);
/* The text content of the current element, its subtree consumed. */
char *crb_office_xml_element_text (xmlTextReaderPtr reader);
/* Metadata: the text of the first element matching each field goes into
 * its result field (crb_office_set_field: first value wins). */
typedef struct
{
  const char *namespace_suffix;
  const char *local_name;
  char      **field;
} CrbOfficeField;

gboolean crb_office_xml_read_fields (GBytes *xml, const char *name, const CrbOfficeField *fields,
                                     guint n_fields, GError **error);
/* An HTML parse of an XHTML chapter, walkable like the XML readers. */
xmlDocPtr crb_office_html_parse (GBytes *html, const char *name);
/* Resolves `target` (percent-encoded, maybe with "../") against the
 * folder of the part `base`. */
char *crb_office_resolve_path (const char *base, const char *target);

/* crb-docx-numbering.c: labels of numbered Word paragraphs */
typedef struct _CrbDocxNumbering CrbDocxNumbering;

CrbDocxNumbering *crb_docx_numbering_new (GBytes *xml, const char *name);
/* The next label of list `number` at `level` ("4.", "(c)", "2.1."), or
 * NULL for a bullet. */
char *crb_docx_numbering_next (CrbDocxNumbering *numbering, const char *number, guint level);
void  crb_docx_numbering_free (CrbDocxNumbering *numbering);

/* crb-office-text.c */
typedef enum
{
  CRB_OFFICE_PARAGRAPH,
  CRB_OFFICE_HEADING,
  CRB_OFFICE_ITEM,
  CRB_OFFICE_ROW,
} CrbOfficeBlock;

typedef struct _CrbOfficeText CrbOfficeText;

CrbOfficeText *crb_office_text_new (CrbExtractResult *result);
void           crb_office_text_begin (CrbOfficeText *text, CrbOfficeBlock kind);
void           crb_office_text_set_kind (CrbOfficeText *text, CrbOfficeBlock kind, guint level);
/* A numbered item's label ("3.", "(b)") instead of the bullet. */
void crb_office_text_set_label (CrbOfficeText *text, const char *label);
/* Whitespace in `utf8` collapses to single spaces. */
void crb_office_text_append (CrbOfficeText *text, const char *utf8);
/* An explicit break: '\t' between cells, '\n' for a line break, ' '. */
void     crb_office_text_break (CrbOfficeText *text, char c);
gboolean crb_office_text_is_empty (CrbOfficeText *text);
void     crb_office_text_end (CrbOfficeText *text);
/* Marks a reference to note `key` ("[n]", numbered in order of first
 * reference) at the current position. */
void crb_office_text_note_ref (CrbOfficeText *text, const char *key);
void crb_office_text_set_note (CrbOfficeText *text, const char *key, const char *note);
/* Closes open blocks and appends the referenced notes under "Notes". */
void crb_office_text_finish (CrbOfficeText *text);
void crb_office_text_free (CrbOfficeText *text);

/* Sets `*field` to a trimmed, normalised copy of `value` if it is unset
 * and `value` has text. */
void crb_office_set_field (char **field, const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbOfficeZip, crb_office_zip_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbOfficeText, crb_office_text_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbDocxNumbering, crb_docx_numbering_free)

typedef struct _xmlTextReader CrbXmlReader;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbXmlReader, xmlFreeTextReader)
typedef struct _xmlDoc CrbXmlDoc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbXmlDoc, xmlFreeDoc)

G_END_DECLS
