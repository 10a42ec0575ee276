/* test-html-charset.c: the encoding a page declares, and which one wins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-html-private.h"
#include "html-test-util.h"

static void
assert_prescan (const char *html, const char *expected)
{
  g_autofree char *found = crb_html_prescan_charset ((const guint8 *) html, strlen (html));

  g_assert_cmpstr (found, ==, expected);
}

static void
test_meta_forms (void)
{
  assert_prescan ("<meta charset=\"utf-8\">", "UTF-8");
  assert_prescan ("<META CHARSET=windows-1251>", "windows-1251");
  assert_prescan ("<meta charset='KOI8-R' />", "KOI8-R");
  assert_prescan ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
                  "windows-1251");
  assert_prescan ("<meta content='text/html;charset=\"cp1251\"' http-equiv='content-type'>",
                  "windows-1251");
  assert_prescan ("<html><head><title>x</title><meta name=x content=y>"
                  "<meta charset=utf8></head>",
                  "UTF-8");
  assert_prescan ("<?xml version=\"1.0\" encoding=\"ISO-8859-5\"?><html>", "ISO-8859-5");
}

static void
test_labels (void)
{
  /* The WHATWG mapping: Latin-1 and ASCII labels mean windows-1252, a UTF-16
   * label seen by a byte-wise prescan means UTF-8. */
  assert_prescan ("<meta charset=iso-8859-1>", "windows-1252");
  assert_prescan ("<meta charset=us-ascii>", "windows-1252");
  assert_prescan ("<meta charset=utf-16>", "UTF-8");
  assert_prescan ("<meta charset=x-cp1251>", "windows-1251");
  assert_prescan ("<meta charset=\"bogus label with spaces\">", NULL);
  assert_prescan ("<meta charset=\"a;b\">", NULL);
}

static void
test_not_found (void)
{
  g_autofree char *padding = g_strnfill (5000, ' ');
  g_autofree char *late = g_strconcat ("<html>", padding, "<meta charset=koi8-r>", NULL);

  assert_prescan ("<!-- <meta charset=koi8-r> --><p>text</p>", NULL);
  assert_prescan ("<meta name=charset content=koi8-r>", NULL);
  assert_prescan ("<meta http-equiv=refresh content=\"5; charset=koi8-r\">", NULL);
  assert_prescan (late, NULL);
  assert_prescan ("<meta charset=", NULL);
  assert_prescan ("", NULL);
}

static void
test_bom (void)
{
  assert_prescan ("\xef\xbb\xbf<meta charset=windows-1251>", "UTF-8");
}

/* "Привет, мир" in windows-1251 and in KOI8-R. */
#define CP1251_TEXT "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0"
#define KOI8_TEXT "\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2"

static void
test_meta_only_windows_1251 (void)
{
  g_autoptr (CrbExtractResult) result = html_test_extract (
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
      "</head><body><p>" CP1251_TEXT "</p></body></html>",
      -1, NULL, NULL);

  g_assert_cmpstr (result->encoding, ==, "windows-1251");
  g_assert_cmpstr (result->text->str, ==, "Привет, мир");
}

static void
test_http_header_wins (void)
{
  /* The server says KOI8-R, the page (wrongly) says windows-1251. */
  g_autoptr (CrbExtractResult) result = html_test_extract (
      "<html><head><meta charset=windows-1251></head><body><p>" KOI8_TEXT "</p></body></html>", -1,
      "koi8-r", NULL);

  g_assert_cmpstr (result->text->str, ==, "Привет, мир");
}

static void
test_bom_wins (void)
{
  g_autoptr (CrbExtractResult) result = html_test_extract (
      "\xef\xbb\xbf<html><head><meta charset=windows-1251></head><body><p>Привет, мир</p></body>"
      "</html>",
      -1, "windows-1251", NULL);

  g_assert_cmpstr (result->text->str, ==, "Привет, мир");
  g_assert_cmpstr (result->encoding, ==, "UTF-8");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/extract/html/charset/meta-forms", test_meta_forms);
  g_test_add_func ("/crb/extract/html/charset/labels", test_labels);
  g_test_add_func ("/crb/extract/html/charset/not-found", test_not_found);
  g_test_add_func ("/crb/extract/html/charset/bom", test_bom);
  g_test_add_func ("/crb/extract/html/charset/meta-only-windows-1251", test_meta_only_windows_1251);
  g_test_add_func ("/crb/extract/html/charset/http-header-wins", test_http_header_wins);
  g_test_add_func ("/crb/extract/html/charset/bom-wins", test_bom_wins);
  return g_test_run ();
}
