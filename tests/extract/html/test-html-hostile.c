/* test-html-hostile.c: pages built to hurt the extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each must end (meson's timeout bounds the test; nothing here waits) with a
 * result or a clear error, never a crash.  Depth is bounded before gumbo,
 * whose tree construction is quadratic in nesting.
 */
#include <string.h>

#include "crb-html-private.h"
#include "html-test-util.h"

static char *
nested (const char *open, const char *close, guint depth, const char *middle)
{
  GString *html = g_string_new ("<html><body>");
  guint    i;

  for (i = 0; i < depth; i++)
    g_string_append (html, open);
  g_string_append (html, middle);
  for (i = 0; close != NULL && i < depth; i++)
    g_string_append (html, close);
  g_string_append (html, "</body></html>");
  return g_string_free (html, FALSE);
}

static void
check_deep (const char *open, const char *close)
{
  g_autofree char *html =
      nested (open, close, 100000, "A paragraph of text at the very bottom, with a comma.");
  g_autoptr (CrbExtractResult) result = html_test_extract (html, -1, NULL, NULL);

  g_assert_nonnull (strstr (result->text->str, "at the very bottom"));
}

static void
test_deep_divs (void)
{
  check_deep ("<div>", "</div>");
}

static void
test_deep_unclosed (void)
{
  check_deep ("<div><span><b>", NULL);
}

static void
test_deep_tables (void)
{
  check_deep ("<table><tr><td>", "</td></tr></table>");
}

static void
test_deep_lists (void)
{
  check_deep ("<ul><li>", "</li></ul>");
}

static void
test_depth_limit_warns (void)
{
  g_autofree char *html = nested ("<div>", "</div>", 5000, "Deep text, with a comma.");
  g_autoptr (CrbExtractResult) result = html_test_extract (html, -1, NULL, NULL);

  g_assert_true (html_test_lines_contain (result->warnings, "levels deep"));
}

static void
test_limit_depth_counts (void)
{
  const char      *html = "<div><div><div><p>x</p><br><img src=a></div></div></div><div>y</div>";
  gsize            length;
  guint            dropped;
  g_autofree char *limited = crb_html_limit_depth (html, strlen (html), 2, &length, &dropped);

  g_assert_cmpuint (dropped, ==, 1);
  g_assert_cmpstr (limited, ==, "<div><div><p>x</p><br><img src=a></div></div><div>y</div>");
}

static void
test_limit_depth_raw_text (void)
{
  /* Tags inside scripts and comments are text, not nesting. */
  const char      *html = "<div><script>if (a<b) x='<div><div><div>'</script><!-- <div><div> -->"
                          "<div>z</div></div>";
  gsize            length;
  guint            dropped;
  g_autofree char *limited = crb_html_limit_depth (html, strlen (html), 2, &length, &dropped);

  g_assert_cmpuint (dropped, ==, 0);
  g_assert_cmpstr (limited, ==, html);
}

static void
test_huge_text_node (void)
{
  gsize            size = 10 * 1024 * 1024;
  g_autofree char *html = g_malloc (size + 64);
  gsize            i;
  g_autoptr (CrbExtractResult) result = NULL;

  memcpy (html, "<html><body><p>", 15);
  for (i = 15; i < size; i++)
    html[i] = (i % 7 == 0) ? ' ' : (i % 97 == 0) ? ',' : 'a';
  strcpy (html + size, "</p></body></html>");
  result = html_test_extract (html, -1, NULL, NULL);
  g_assert_cmpuint (result->text->len, >, size / 2);
}

static void
test_nul_and_invalid_bytes (void)
{
  static const char html[] = "<html><body><p>Before\0after, with \xff\xfe invalid bytes and a "
                             "\xc3 broken sequence, in a long enough paragraph of text.</p>"
                             "<p>\x01\x02\x1b control characters</p></body></html>";
  g_autoptr (CrbExtractResult) result = html_test_extract (html, sizeof html - 1, NULL, NULL);
  const char *p;

  g_assert_nonnull (strstr (result->text->str, "paragraph of text"));
  for (p = result->text->str; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t');
}

static void
test_unclosed_and_broken (void)
{
  const char *pages[] = {
    "<p>Unclosed paragraph, and another one<p>second, still going",
    "<table><td>cell text, in a table without rows<td>more</table><p>after the table, text",
    "<b><i>misnested, formatting</b> elements</i> everywhere <a href=x><a href=y>nested links</a>",
    "<svg><foreignObject><p>text in foreign content, odd</p></foreignObject></svg><p>tail, "
    "text</p>",
    "<select><option>Option one<option>Option two</select><p>Body text follows, with a comma.</p>",
    "<title>Only a title</title><p>x, y</p>",
    "</div></div></div><p>stray end tags first, then text</p>",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (CrbExtractResult) result = html_test_extract (pages[i], -1, NULL, NULL);

      g_assert_cmpuint (result->text->len, >, 0);
    }
}

static void
test_many_attributes (void)
{
  GString *html = g_string_new ("<div");
  guint    i;
  g_autoptr (CrbExtractResult) result = NULL;

  for (i = 0; i < 50000; i++)
    g_string_append_printf (html, " data-a%u=\"%u\"", i, i);
  g_string_append (html, " class=\"");
  for (i = 0; i < 20000; i++)
    g_string_append (html, "share ");
  g_string_append (html, "\">Text in a div with too many attributes, and a comma.</div>");
  result = html_test_extract (html->str, (gssize) html->len, NULL, NULL);
  g_assert_nonnull (strstr (result->text->str, "too many attributes"));
  g_string_free (html, TRUE);
}

static void
test_empty_is_an_error (void)
{
  const char *pages[] = {
    "",
    "<html><head><script>var x = 1;</script></head><body></body></html>",
    "<!-- only a comment -->",
    "<img src=a.jpg><img src=b.jpg>",
    /* An attribute value that never ends swallows the page, as in browsers. */
    "<html><body><div class=\"unterminated attribute value><p>text, after it</p></body></html>",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (pages[i], strlen (pages[i]));
      g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
      g_autoptr (GError) error = NULL;

      g_assert_false (crb_extract_html (bytes, NULL, result, &error));
      g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY);
    }
}

static void
test_too_large_is_an_error (void)
{
  gsize    size = CRB_HTML_MAX_INPUT + 1;
  gpointer data = g_malloc0 (size);
  g_autoptr (GBytes) bytes = g_bytes_new_take (data, size);
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (crb_extract_html (bytes, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/extract/html/hostile/deep-divs", test_deep_divs);
  g_test_add_func ("/crb/extract/html/hostile/deep-unclosed", test_deep_unclosed);
  g_test_add_func ("/crb/extract/html/hostile/deep-tables", test_deep_tables);
  g_test_add_func ("/crb/extract/html/hostile/deep-lists", test_deep_lists);
  g_test_add_func ("/crb/extract/html/hostile/depth-limit-warns", test_depth_limit_warns);
  g_test_add_func ("/crb/extract/html/hostile/limit-depth-counts", test_limit_depth_counts);
  g_test_add_func ("/crb/extract/html/hostile/limit-depth-raw-text", test_limit_depth_raw_text);
  g_test_add_func ("/crb/extract/html/hostile/huge-text-node", test_huge_text_node);
  g_test_add_func ("/crb/extract/html/hostile/nul-and-invalid-bytes", test_nul_and_invalid_bytes);
  g_test_add_func ("/crb/extract/html/hostile/unclosed-and-broken", test_unclosed_and_broken);
  g_test_add_func ("/crb/extract/html/hostile/many-attributes", test_many_attributes);
  g_test_add_func ("/crb/extract/html/hostile/empty-is-an-error", test_empty_is_an_error);
  g_test_add_func ("/crb/extract/html/hostile/too-large-is-an-error", test_too_large_is_an_error);
  return g_test_run ();
}
