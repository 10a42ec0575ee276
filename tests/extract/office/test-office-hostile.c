/* test-office-hostile.c: documents built to hurt the reader
 *
 * Entity expansion ("billion laughs"), external entities that would read
 * /etc/passwd, and zip bombs, against all three package formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-extract-formats.h"
#include "crb-test-zip.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

#define BILLION_LAUGHS                                                                             \
  "<!DOCTYPE lolz [\n"                                                                             \
  " <!ENTITY lol \"lol\">\n"                                                                       \
  " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"                       \
  " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"             \
  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"             \
  " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"             \
  " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"             \
  " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"             \
  " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"             \
  " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"             \
  " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"             \
  "]>\n"

#define EXTERNAL_ENTITY "<!DOCTYPE doc [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"

static GBytes *
make_docx (const char *document)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();

  crb_test_zip_add (zip, "word/document.xml", document, FALSE);
  return crb_test_zip_finish (zip);
}

static GBytes *
make_odt (const char *content)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();

  crb_test_zip_add (zip, "mimetype", "application/vnd.oasis.opendocument.text", TRUE);
  crb_test_zip_add (zip, "content.xml", content, FALSE);
  return crb_test_zip_finish (zip);
}

static GBytes *
make_epub (const char *package, const char *chapter)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();

  crb_test_zip_add (zip, "mimetype", "application/epub+zip", TRUE);
  crb_test_zip_add (zip, "META-INF/container.xml",
                    "<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
                    "<rootfiles><rootfile full-path=\"book.opf\"/></rootfiles></container>",
                    FALSE);
  crb_test_zip_add (zip, "book.opf", package, FALSE);
  crb_test_zip_add (zip, "chapter.xhtml", chapter, FALSE);
  return crb_test_zip_finish (zip);
}

static const char package_opf[] =
    "<package xmlns=\"http://www.idpf.org/2007/opf\"><manifest>"
    "<item id=\"c\" href=\"chapter.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
    "<spine><itemref idref=\"c\"/></spine></package>";

typedef gboolean (*Extractor) (GBytes *, const CrbExtractRequest *, CrbExtractResult *, GError **);

static void
assert_refused (Extractor extract, GBytes *data, int code, const char *message_part)
{
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (extract (data, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_null (strstr (result->text->str, "lollol"));
  g_assert_null (strstr (result->text->str, "root:"));
}

static void
test_billion_laughs (void)
{
  g_autoptr (GBytes) docx =
      make_docx ("<?xml version=\"1.0\"?>\n" BILLION_LAUGHS "<w:document " W_NS "><w:body><w:p>"
                 "<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
  g_autoptr (GBytes) odt =
      make_odt (BILLION_LAUGHS "<office:document-content xmlns:office=\"urn:oasis:names:tc:"
                               "opendocument:xmlns:office:1.0\"><office:body>&lol9;"
                               "</office:body></office:document-content>");
  g_autoptr (GBytes) epub = make_epub (
      BILLION_LAUGHS "<package xmlns=\"http://www.idpf.org/2007/opf\"><metadata>&lol9;</metadata>"
                     "</package>",
      "<html><body><p>text</p></body></html>");

  assert_refused (crb_extract_docx, docx, CRB_EXTRACT_ERROR_DAMAGED, "declares XML entities");
  assert_refused (crb_extract_odt, odt, CRB_EXTRACT_ERROR_DAMAGED, "declares XML entities");
  assert_refused (crb_extract_epub, epub, CRB_EXTRACT_ERROR_DAMAGED, "declares XML entities");
}

static void
test_external_entity_refused (void)
{
  g_autoptr (GBytes) docx =
      make_docx ("<?xml version=\"1.0\"?>\n" EXTERNAL_ENTITY "<w:document " W_NS "><w:body>"
                 "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>");

  assert_refused (crb_extract_docx, docx, CRB_EXTRACT_ERROR_DAMAGED, "external entity");
}

/* An external DTD declares nothing here: it is never loaded, so an entity
 * defined there stays undefined and nothing is read from the disk. */
static void
test_external_dtd_not_loaded (void)
{
  g_autoptr (GBytes) docx =
      make_docx ("<?xml version=\"1.0\"?>\n<!DOCTYPE w:document SYSTEM \"file:///etc/passwd\">\n"
                 "<w:document " W_NS "><w:body><w:p><w:r><w:t>before &xxe; after</w:t></w:r></w:p>"
                 "</w:body></w:document>");
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_extract_docx (docx, NULL, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result->text->str, ==, "before after");
}

/* Chapters go through the HTML parser, which reads no DTD and expands no
 * declared entity: the attack is left as harmless text. */
static void
test_epub_chapter_neutralised (void)
{
  g_autoptr (GBytes) epub =
      make_epub (package_opf, "<?xml version=\"1.0\"?>\n" EXTERNAL_ENTITY
                              "<html><body><p>Report &xxe; ends.</p><p>Second &lol9; line.</p>"
                              "</body></html>");
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_extract_epub (epub, NULL, result, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (result->text->str, "root:"));
  g_assert_nonnull (strstr (result->text->str, "Report"));
  g_assert_nonnull (strstr (result->text->str, "Second"));
  g_assert_cmpuint (result->text->len, <, 200);
}

static void
test_zip_bomb (void)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();
  g_autoptr (GBytes) docx = NULL;

  /* 65 MB of spaces: a few dozen kilobytes in the zip. */
  crb_test_zip_add_fill (zip, "word/document.xml", "<w:document " W_NS "><w:body>", ' ',
                         65 * 1024 * 1024);
  docx = crb_test_zip_finish (zip);
  g_assert_cmpuint (g_bytes_get_size (docx), <, 1024 * 1024);
  assert_refused (crb_extract_docx, docx, CRB_EXTRACT_ERROR_TOO_LARGE, "zip bomb");
}

/* Many parts, each under the cap, together far over it. */
static void
test_zip_bomb_total (void)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();
  g_autoptr (GBytes) epub = NULL;

  crb_test_zip_add (zip, "mimetype", "application/epub+zip", TRUE);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("OEBPS/chapter%u.xhtml", i);

      crb_test_zip_add_fill (zip, name, "<html><body><p>", 'a', 60 * 1024 * 1024);
    }
  epub = crb_test_zip_finish (zip);
  assert_refused (crb_extract_epub, epub, CRB_EXTRACT_ERROR_TOO_LARGE, "zip bomb");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/office-hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/crb/extract/office-hostile/external-entity-refused",
                   test_external_entity_refused);
  g_test_add_func ("/crb/extract/office-hostile/external-dtd-not-loaded",
                   test_external_dtd_not_loaded);
  g_test_add_func ("/crb/extract/office-hostile/epub-chapter-neutralised",
                   test_epub_chapter_neutralised);
  g_test_add_func ("/crb/extract/office-hostile/zip-bomb", test_zip_bomb);
  g_test_add_func ("/crb/extract/office-hostile/zip-bomb-total", test_zip_bomb_total);
  return g_test_run ();
}
