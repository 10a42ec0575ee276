/* test-extract-epub.c: e-books built here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-extract-formats.h"
#include "crb-test-zip.h"

static const char container_xml[] =
    "<?xml version=\"1.0\"?><container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
    "<rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
    "</rootfiles></container>";

static const char package_opf[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"id\">"
    "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:identifier id=\"id\">urn:uuid:1</dc:identifier>"
    "<dc:title>The Border Diaries</dc:title><dc:creator>Olena Kovalenko</dc:creator>"
    "<dc:creator>Second Author</dc:creator><dc:publisher>Free Press Kyiv</dc:publisher>"
    "<dc:date>2023-02-24</dc:date><dc:language>en</dc:language></metadata>"
    "<manifest>"
    "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
    "properties=\"nav\"/>"
    "<item id=\"c2\" href=\"Text/part%202.xhtml\" media-type=\"application/xhtml+xml\"/>"
    "<item id=\"c1\" href=\"Text/part1.xhtml\" media-type=\"application/xhtml+xml\"/>"
    "<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>"
    "</manifest>"
    "<spine><itemref idref=\"nav\"/><itemref idref=\"c1\"/><itemref idref=\"c2\"/></spine>"
    "</package>";

static const char chapter1[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" "
    "\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">"
    "<head><title>Part one</title><style>p { margin: 0 }</style></head><body>\n"
    "<h1>Day one</h1>\n"
    "<p>We crossed at dawn&nbsp;&#8212; the guards\n   waved us through.</p>\n"
    "<div class=\"note\"><p>Nobody asked for papers.</p>Then the road.</div>\n"
    "<ul><li>water</li><li><p>bread</p><p>and salt</p></li></ul>\n"
    "<table><tr><th>Checkpoint</th><th>Time</th></tr>"
    "<tr><td>North</td><td>06:10</td></tr></table>\n"
    "<script>document.write('not text')</script>\n"
    "</body></html>";

static const char chapter2[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Part two</title></head><body>"
    "<section><h2>Day two</h2><p>Rain.<br/>More rain.</p>"
    "<pre>line one\nline two</pre></section></body></html>";

static const char expected_text[] = "Day one\n\n"
                                    "We crossed at dawn \u2014 the guards waved us through.\n\n"
                                    "Nobody asked for papers.\n\n"
                                    "Then the road.\n\n"
                                    "• water\n"
                                    "• bread\n\n"
                                    "and salt\n\n"
                                    "Checkpoint\tTime\n"
                                    "North\t06:10\n\n"
                                    "Day two\n\n"
                                    "Rain.\nMore rain.\n\n"
                                    "line one\nline two";

static GBytes *
make_epub (const char *package, const char *first_chapter, const char *encryption)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();

  crb_test_zip_add (zip, "mimetype", "application/epub+zip", TRUE);
  crb_test_zip_add (zip, "META-INF/container.xml", container_xml, FALSE);
  if (encryption != NULL)
    crb_test_zip_add (zip, "META-INF/encryption.xml", encryption, FALSE);
  crb_test_zip_add (zip, "OEBPS/content.opf", package, FALSE);
  crb_test_zip_add (zip, "OEBPS/nav.xhtml",
                    "<html><body><nav><ol><li>Day one</li></ol></nav></body></html>", FALSE);
  crb_test_zip_add (zip, "OEBPS/Text/part1.xhtml", first_chapter, FALSE);
  crb_test_zip_add (zip, "OEBPS/Text/part 2.xhtml", chapter2, FALSE);
  crb_test_zip_add (zip, "OEBPS/style.css", "p { margin: 0 }", FALSE);
  return crb_test_zip_finish (zip);
}

static void
test_structure (void)
{
  g_autoptr (GBytes) epub = make_epub (package_opf, chapter1, NULL);
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_extract_epub (epub, NULL, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result->text->str, ==, expected_text);
  g_assert_cmpstr (result->kind, ==, "epub");
  g_assert_cmpstr (result->title, ==, "The Border Diaries");
  g_assert_cmpstr (result->author, ==, "Olena Kovalenko");
  g_assert_cmpstr (result->publisher, ==, "Free Press Kyiv");
  g_assert_cmpstr (result->published, ==, "2023-02-24");
  g_assert_cmpstr (result->language, ==, "en");
  g_assert_cmpuint (result->paragraphs->len, ==, 12);
  g_assert_cmpstr (g_ptr_array_index (result->removed, 0), ==,
                   "table of contents (navigation document)");
}

static void
test_drm_refused (void)
{
  g_autoptr (GBytes) epub = make_epub (
      package_opf, chapter1,
      "<?xml version=\"1.0\"?><encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:"
      "container\" xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\"><enc:EncryptedData>"
      "<enc:CipherData><enc:CipherReference URI=\"OEBPS/Text/part1.xhtml\"/></enc:CipherData>"
      "</enc:EncryptedData></encryption>");
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (crb_extract_epub (epub, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "DRM"));
}

static void
test_not_epub (void)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();
  g_autoptr (GBytes) docx = NULL;
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  crb_test_zip_add (zip, "word/document.xml", "<document/>", FALSE);
  docx = crb_test_zip_finish (zip);
  g_assert_false (crb_extract_epub (docx, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/epub/structure", test_structure);
  g_test_add_func ("/crb/extract/epub/drm-refused", test_drm_refused);
  g_test_add_func ("/crb/extract/epub/not-epub", test_not_epub);
  return g_test_run ();
}
