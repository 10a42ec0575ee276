/* test-extract-odt.c: OpenDocument texts built here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-extract-formats.h"
#include "crb-test-zip.h"

#define NAMESPACES                                                                                 \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                             \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                                 \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                               \
  "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "                              \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "                                                 \
  "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""

static const char content_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-content " NAMESPACES ">\n"
    "  <office:automatic-styles><text:p>not text</text:p></office:automatic-styles>\n"
    "  <office:body>\n"
    "    <office:text>\n"
    "      <text:tracked-changes><text:changed-region><text:deletion>"
    "<text:p>deleted words</text:p></text:deletion></text:changed-region>"
    "</text:tracked-changes>\n"
    "      <text:table-of-content><text:index-body><text:p>Contents 1</text:p>"
    "</text:index-body></text:table-of-content>\n"
    "      <text:h text:outline-level=\"1\">Casualty figures</text:h>\n"
    "      <text:p>The ministry   reported <text:span>twelve</text:span> <text:span>dead"
    "</text:span>.<text:note text:id=\"ftn1\" text:note-class=\"footnote\">"
    "<text:note-citation>1</text:note-citation><text:note-body><text:p>Press release of "
    "4 March.</text:p></text:note-body></text:note> Others<text:s text:c=\"3\"/>said more."
    "<office:annotation><dc:creator>Editor</dc:creator><text:p>check this</text:p>"
    "</office:annotation><text:soft-page-break/></text:p>\n"
    "      <text:list>\n"
    "        <text:list-item><text:p>Kyiv</text:p>\n"
    "          <text:list><text:list-item><text:p>Left bank</text:p></text:list-item>"
    "</text:list>\n"
    "        </text:list-item>\n"
    "        <text:list-item><text:p>Kharkiv<text:line-break/>region</text:p>"
    "</text:list-item>\n"
    "      </text:list>\n"
    "      <table:table table:name=\"Figures\">\n"
    "        <table:table-column table:number-columns-repeated=\"2\"/>\n"
    "        <table:table-row><table:table-cell><text:p>Source</text:p></table:table-cell>"
    "<table:table-cell><text:p>Dead</text:p></table:table-cell></table:table-row>\n"
    "        <table:table-row><table:table-cell><text:p>Ministry</text:p></table:table-cell>"
    "<table:table-cell><text:p>12</text:p><text:p>(at least)</text:p></table:table-cell>"
    "</table:table-row>\n"
    "      </table:table>\n"
    "      <text:p><draw:frame><draw:text-box><text:p>Caption in a frame</text:p>"
    "</draw:text-box></draw:frame>After the frame.</text:p>\n"
    "      <text:p>   </text:p>\n"
    "    </office:text>\n"
    "  </office:body>\n"
    "</office:document-content>\n";

static const char expected_text[] = "Casualty figures\n\n"
                                    "The ministry reported twelve dead.[1] Others said more.\n\n"
                                    "• Kyiv\n"
                                    "  • Left bank\n"
                                    "• Kharkiv\nregion\n\n"
                                    "Source\tDead\n"
                                    "Ministry\t12 (at least)\n\n"
                                    "Caption in a frame\n\n"
                                    "After the frame.\n\n"
                                    "Notes\n\n"
                                    "[1] Press release of 4 March.";

static GBytes *
make_odt (const char *mimetype, const char *content)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();

  crb_test_zip_add (zip, "mimetype", mimetype, TRUE);
  crb_test_zip_add (zip, "content.xml", content, FALSE);
  crb_test_zip_add (zip, "meta.xml",
                    "<?xml version=\"1.0\"?><office:document-meta " NAMESPACES "><office:meta>"
                    "<dc:title>Casualty figures</dc:title><dc:creator>Last Editor</dc:creator>"
                    "<meta:initial-creator>Ivan Petrenko</meta:initial-creator>"
                    "<meta:creation-date>2022-03-04T09:15:00</meta:creation-date>"
                    "<dc:date>2022-03-06T11:00:00</dc:date><dc:language>uk-UA</dc:language>"
                    "</office:meta></office:document-meta>",
                    FALSE);
  crb_test_zip_add (zip, "META-INF/manifest.xml", "<manifest/>", FALSE);
  return crb_test_zip_finish (zip);
}

static void
test_structure (void)
{
  g_autoptr (GBytes) odt = make_odt ("application/vnd.oasis.opendocument.text", content_xml);
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_extract_odt (odt, NULL, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result->text->str, ==, expected_text);
  g_assert_cmpstr (result->kind, ==, "odt");
  g_assert_cmpstr (result->title, ==, "Casualty figures");
  g_assert_cmpstr (result->author, ==, "Ivan Petrenko");
  g_assert_cmpstr (result->published, ==, "2022-03-04T09:15:00");
  g_assert_cmpstr (result->language, ==, "uk-UA");
  g_assert_cmpuint (result->paragraphs->len, ==, 11);
  g_assert_cmpuint (result->removed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->removed, 0), ==,
                   "table of contents and other generated indexes");
}

static void
test_spreadsheet_refused (void)
{
  g_autoptr (GBytes) ods = make_odt ("application/vnd.oasis.opendocument.spreadsheet", content_xml);
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (crb_extract_odt (ods, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/odt/structure", test_structure);
  g_test_add_func ("/crb/extract/odt/spreadsheet-refused", test_spreadsheet_refused);
  return g_test_run ();
}
