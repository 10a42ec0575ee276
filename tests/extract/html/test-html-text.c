/* test-html-text.c: how the article's tree becomes plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "html-test-util.h"

static CrbExtractResult *
extract_body (const char *body)
{
  g_autofree char *html = g_strconcat ("<html><body>", body, "</body></html>", NULL);

  return html_test_extract (html, -1, NULL, NULL);
}

static void
assert_text (const char *body, const char *expected)
{
  g_autoptr (CrbExtractResult) result = extract_body (body);

  g_assert_cmpstr (result->text->str, ==, expected);
}

static void
test_paragraphs_and_breaks (void)
{
  assert_text ("<p>One  paragraph\n with   spaces.</p><p>Two.</p>",
               "One paragraph with spaces.\n\nTwo.");
  assert_text ("<p>Line one<br>line two<br><br>New paragraph</p>",
               "Line one\nline two\n\nNew paragraph");
  assert_text ("<div>Bare text<div>inner block</div>tail text</div>",
               "Bare text\n\ninner block\n\ntail text");
  assert_text ("<p>a<b>b</b> <i>c</i>&nbsp;d&shy;e\u200bf</p>", "ab c def");
}

static void
test_lists (void)
{
  assert_text ("<ul><li>apples</li><li>pears<ul><li>green</li></ul></li></ul>",
               "• apples\n• pears\n  • green");
  assert_text ("<ol start=\"3\"><li>third</li><li><p>fourth</p></li></ol><p>after</p>",
               "3. third\n4. fourth\n\nafter");
}

static void
test_tables (void)
{
  assert_text ("<table><caption>Prices</caption><tr><th>Item</th><th>Price</th></tr>"
               "<tr><td>Tea</td><td>2.50</td></tr></table>",
               "Prices\n\nItem\tPrice\nTea\t2.50");
  /* A table that lays out the page is read as blocks. */
  assert_text ("<table><tr><td><p>Column one has a paragraph that is long enough to be a real "
               "paragraph of prose, which no cell of a data table ever holds, surely not.</p>"
               "<p>And a second one.</p></td></tr></table>",
               "Column one has a paragraph that is long enough to be a real paragraph of prose, "
               "which no cell of a data table ever holds, surely not.\n\nAnd a second one.");
}

static void
test_pre (void)
{
  assert_text ("<pre>\nline 1\n    indented\tline</pre><p>after</p>",
               "line 1\n    indented\tline\n\nafter");
}

static void
test_hidden_and_nontext (void)
{
  g_autoptr (CrbExtractResult) result = extract_body (
      "<p>Visible text, in a paragraph.</p><p hidden>hidden attribute</p>"
      "<p aria-hidden=\"true\">aria hidden</p><p style=\"color:red; display : none\">styled</p>"
      "<span class=\"sr-only\">screen reader</span><script>var secret = 1;</script>"
      "<style>p{}</style><noscript>enable scripts</noscript><template><p>template</p></template>"
      "<svg><text>svg text</text></svg><button>Click</button><p class=\"d-none d-md-block\">Shown "
      "on "
      "desktops.</p>");

  g_assert_cmpstr (result->text->str, ==, "Visible text, in a paragraph.\n\nShown on desktops.");
  g_assert_true (html_test_lines_contain (result->removed, "hidden elements"));
}

static void
test_offsets_are_code_points (void)
{
  /* "é" decomposed in the source comes out composed (NFC), so offsets count
   * one code point for it. */
  g_autoptr (CrbExtractResult) result =
      extract_body ("<p>Cafe\u0301 crème, déjà vu.</p><p>Второй абзац.</p><ul><li>пункт</li></ul>");
  const char *text = result->text->str;

  g_assert_cmpstr (text, ==, "Café crème, déjà vu.\n\nВторой абзац.\n\n• пункт");
  g_assert_cmpuint (result->paragraphs->len, ==, 3);
  g_assert_cmpuint (g_array_index (result->paragraphs, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (result->paragraphs, guint, 1), ==, 22);
  g_assert_cmpuint (g_array_index (result->paragraphs, guint, 2), ==, 37);
}

static void
test_removed_lines (void)
{
  g_autoptr (CrbExtractResult) result = extract_body (
      "<nav><a href=/>Home</a> <a href=/a>A</a></nav><nav><a href=/b>B</a></nav>"
      "<article><h1>Headline of the story</h1><p>First paragraph of the story, which is long, and "
      "has commas, to be the article.</p><p>Second paragraph of the story, also long, also with "
      "commas, and more words.</p><div class=share-bar><a href=#>Share</a></div></article>"
      "<div id=cookie-notice>We use cookies. <button>OK</button></div>");

  g_assert_true (html_test_lines_contain (result->removed, "navigation (2 blocks)"));
  g_assert_true (html_test_lines_contain (result->removed, "cookie notice"));
  g_assert_true (html_test_lines_contain (result->removed, "share"));
  g_assert_true (g_str_has_prefix (result->text->str, "Headline of the story\n\nFirst"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/extract/html/text/paragraphs-and-breaks", test_paragraphs_and_breaks);
  g_test_add_func ("/crb/extract/html/text/lists", test_lists);
  g_test_add_func ("/crb/extract/html/text/tables", test_tables);
  g_test_add_func ("/crb/extract/html/text/pre", test_pre);
  g_test_add_func ("/crb/extract/html/text/hidden-and-nontext", test_hidden_and_nontext);
  g_test_add_func ("/crb/extract/html/text/offsets-are-code-points", test_offsets_are_code_points);
  g_test_add_func ("/crb/extract/html/text/removed-lines", test_removed_lines);
  return g_test_run ();
}
