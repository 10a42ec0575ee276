/* test-extract-docx.c: Word documents built here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-extract-formats.h"
#include "crb-test-zip.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define RELS_NS "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char document_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document " W_NS " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
    "<w:body>"
    "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Ceasefire talks</w:t></w:r></w:p>"
    "<w:p><w:r><w:t xml:space=\"preserve\">Delegations met in </w:t></w:r>"
    "<w:r><w:rPr><w:b/></w:rPr><w:t>Istanbul</w:t></w:r><w:r><w:t>.</w:t></w:r>"
    "<w:r><w:footnoteReference w:id=\"2\"/></w:r>"
    "<w:r><w:t xml:space=\"preserve\"> Talks lasted </w:t></w:r>"
    "<w:del><w:r><w:delText>five</w:delText></w:r></w:del>"
    "<w:ins><w:r><w:t>three</w:t></w:r></w:ins>"
    "<w:r><w:t xml:space=\"preserve\"> hours &amp; ended.</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"berschrift2\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/>"
    "</w:tabs></w:pPr><w:r><w:t>Demands</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "<w:r><w:t>Prisoner exchange</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "<w:r><w:t>all for all</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "<w:r><w:t>Humanitarian corridors</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
    "<w:r><w:t>Calls for a ceasefire</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
    "<w:r><w:t>within 24 hours</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
    "<w:r><w:t>under observation</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
    "<w:r><w:t>Requests a report</w:t></w:r></w:p>"
    "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>"
    "<w:tr><w:tc><w:p><w:r><w:t>Source</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Killed</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>Ministry</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p><w:p><w:r><w:t>(at least)</w:t></w:r></w:p>"
    "</w:tc></w:tr></w:tbl>"
    "<w:p><w:r><w:t xml:space=\"preserve\">A field: </w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>; a line</w:t><w:br/>"
    "<w:t>break</w:t><w:tab/><w:t>and tab.</w:t></w:r></w:p>"
    "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
    "<w:p><w:r><w:t>Text box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Text box</w:t></w:r></w:p>"
    "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    "<w:r><w:t>Closing words.</w:t></w:r></w:p>"
    "<w:p/>"
    "<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr>"
    "</w:body></w:document>";

static const char expected_text[] =
    "Ceasefire talks\n\n"
    "Delegations met in Istanbul.[1] Talks lasted three hours & ended.\n\n"
    "Demands\n\n"
    "• Prisoner exchange\n"
    "  • all for all\n"
    "• Humanitarian corridors\n"
    "7. Calls for a ceasefire\n"
    "  (a) within 24 hours\n"
    "  (b) under observation\n"
    "8. Requests a report\n\n"
    "Source\tKilled\n"
    "Ministry\t12 (at least)\n\n"
    "A field: 7; a line\nbreak and tab.\n\n"
    "Text box\n\n"
    "Closing words.\n\n"
    "Notes\n\n"
    "[1] Statement of the ministry, 3 March 2022.";

static GBytes *
make_docx (const char *document)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();

  crb_test_zip_add (zip, "[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    "package/2006/content-types\"><Default Extension=\"xml\" "
                    "ContentType=\"application/xml\"/></Types>",
                    FALSE);
  crb_test_zip_add (zip, "_rels/.rels",
                    "<?xml version=\"1.0\"?><Relationships " RELS_NS ">"
                    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" "
                    "Target=\"word/document.xml\"/></Relationships>",
                    FALSE);
  crb_test_zip_add (zip, "word/_rels/document.xml.rels",
                    "<?xml version=\"1.0\"?><Relationships " RELS_NS ">"
                    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
                    "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "footnotes\" "
                    "Target=\"footnotes.xml\"/>"
                    "<Relationship Id=\"rId4\" Type=\"" REL_TYPE "numbering\" "
                    "Target=\"numbering.xml\"/>"
                    "<Relationship Id=\"rId3\" Type=\"" REL_TYPE "hyperlink\" "
                    "Target=\"https://example.org/\" TargetMode=\"External\"/>"
                    "</Relationships>",
                    FALSE);
  crb_test_zip_add (zip, "word/document.xml", document, FALSE);
  crb_test_zip_add (zip, "word/styles.xml",
                    "<?xml version=\"1.0\"?><w:styles " W_NS ">"
                    "<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr>"
                    "</w:rPrDefault></w:docDefaults>"
                    "<w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
                    "</w:style>"
                    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
                    "<w:name w:val=\"heading 1\"/></w:style>"
                    "<w:style w:type=\"paragraph\" w:styleId=\"berschrift2\">"
                    "<w:name w:val=\"heading 2\"/></w:style></w:styles>",
                    FALSE);
  /* List 1: bullets; list 2: "7." (it starts at 7) and "(a)" below. */
  crb_test_zip_add (zip, "word/numbering.xml",
                    "<?xml version=\"1.0\"?><w:numbering " W_NS ">"
                    "<w:abstractNum w:abstractNumId=\"10\">"
                    "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"o\"/>"
                    "</w:lvl></w:abstractNum>"
                    "<w:abstractNum w:abstractNumId=\"11\">"
                    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"7\"/><w:numFmt w:val=\"decimal\"/>"
                    "<w:lvlText w:val=\"%1.\"/></w:lvl>"
                    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
                    "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/></w:lvl>"
                    "</w:abstractNum>"
                    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
                    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"11\"/></w:num>"
                    "</w:numbering>",
                    FALSE);
  crb_test_zip_add (zip, "word/footnotes.xml",
                    "<?xml version=\"1.0\"?><w:footnotes " W_NS ">"
                    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/>"
                    "</w:r></w:p></w:footnote>"
                    "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r>"
                    "<w:t>--</w:t></w:r></w:p></w:footnote>"
                    "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r>"
                    "<w:t xml:space=\"preserve\"> Statement of the ministry, 3 March 2022.</w:t>"
                    "</w:r></w:p></w:footnote></w:footnotes>",
                    FALSE);
  crb_test_zip_add (zip, "docProps/core.xml",
                    "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas."
                    "openxmlformats.org/package/2006/metadata/core-properties\" "
                    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                    "xmlns:dcterms=\"http://purl.org/dc/terms/\">"
                    "<dc:title>Talks report</dc:title><dc:creator>Anna Petrova</dc:creator>"
                    "<dcterms:created>2022-03-04T10:00:00Z</dcterms:created>"
                    "<dcterms:modified>2022-03-05T08:00:00Z</dcterms:modified>"
                    "</cp:coreProperties>",
                    FALSE);
  crb_test_zip_add (zip, "word/media/image1.png", "not really a PNG", TRUE);
  return crb_test_zip_finish (zip);
}

static void
test_structure (void)
{
  g_autoptr (GBytes) docx = make_docx (document_xml);
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;
  const char *paragraph;

  g_assert_true (crb_extract_docx (docx, NULL, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result->text->str, ==, expected_text);
  g_assert_cmpstr (result->kind, ==, "docx");
  g_assert_cmpstr (result->title, ==, "Talks report");
  g_assert_cmpstr (result->author, ==, "Anna Petrova");
  g_assert_cmpstr (result->published, ==, "2022-03-04T10:00:00Z");
  g_assert_cmpstr (result->language, ==, "en-GB");

  /* Headings, paragraphs, items, rows and notes each start a paragraph. */
  g_assert_cmpuint (result->paragraphs->len, ==, 17);
  paragraph =
      g_utf8_offset_to_pointer (result->text->str, g_array_index (result->paragraphs, guint, 3));
  g_assert_true (g_str_has_prefix (paragraph, "• Prisoner exchange"));
  g_assert_cmpuint (result->pages->len, ==, 0);
}

static void
test_not_word (void)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();
  g_autoptr (GBytes) epub = NULL;
  g_autoptr (GBytes) text = g_bytes_new_static ("plain words", 11);
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  crb_test_zip_add (zip, "mimetype", "application/epub+zip", TRUE);
  crb_test_zip_add (zip, "META-INF/container.xml", "<container/>", FALSE);
  epub = crb_test_zip_finish (zip);

  g_assert_false (crb_extract_docx (epub, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_false (crb_extract_docx (text, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED);
}

/* Password-protected Word files are OLE compound files that hold an
 * "EncryptedPackage" stream; a minimal one is enough to recognise. */
static void
test_password_protected (void)
{
  static const guint8 header[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  static const char   stream[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  g_autoptr (GByteArray) ole = g_byte_array_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;
  guint8 zeros[512] = { 0 };

  g_byte_array_append (ole, header, sizeof header);
  g_byte_array_append (ole, zeros, sizeof zeros);
  g_byte_array_append (ole, (const guint8 *) stream, sizeof stream - 1);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&ole));

  g_assert_false (crb_extract_docx (bytes, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "password-protected"));
}

static void
test_damaged_xml (void)
{
  g_autoptr (GBytes) docx = make_docx ("<w:document " W_NS "><w:body><w:p><w:r><w:t>cut off");
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (crb_extract_docx (docx, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "word/document.xml"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/docx/structure", test_structure);
  g_test_add_func ("/crb/extract/docx/not-word", test_not_word);
  g_test_add_func ("/crb/extract/docx/password-protected", test_password_protected);
  g_test_add_func ("/crb/extract/docx/damaged-xml", test_damaged_xml);
  return g_test_run ();
}
