/* test-extract-text.c: plain text and Markdown extraction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-encoding.h"
#include "crb-extract-formats.h"
#include "crb-markdown.h"

static CrbExtractResult *
extract (const char *data, gssize length, const char *name, const char *type, GError **error)
{
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  CrbExtractRequest request = { name, type, NULL };

  if (!crb_extract_text (bytes, &request, result, error))
    return NULL;
  return g_steal_pointer (&result);
}

static CrbExtractResult *
extract_ok (const char *data, const char *name)
{
  g_autoptr (GError) error = NULL;
  CrbExtractResult *result = extract (data, -1, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (g_utf8_validate (result->text->str, (gssize) result->text->len, NULL));
  return result;
}

static gboolean
has_line (GPtrArray *lines, const char *prefix)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (lines, i), prefix))
      return TRUE;
  return FALSE;
}

static void
assert_paragraphs (CrbExtractResult *result, const guint *expected, guint n)
{
  g_assert_cmpuint (result->paragraphs->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (result->paragraphs, guint, i), ==, expected[i]);
}

static void
test_plain_cyrillic (void)
{
  const char      *text = "Заявление министерства\r\n\r\nВ пятницу министерство сообщило о "
                          "гибели двенадцати человек.\r\nДругие источники называют цифру в "
                          "двадцать человек.\r\n\r\n\r\nРасследование продолжается.\r\n";
  g_autofree char *cp1251 = g_convert (text, -1, "WINDOWS-1251", "UTF-8", NULL, NULL, NULL);
  g_autoptr (CrbExtractResult) result = extract_ok (cp1251, "statement.txt");
  g_autofree char *expected = crb_text_normalize (text);
  const guint      paragraphs[] = { 0, 24, 139 };

  g_assert_cmpstr (result->kind, ==, "text");
  g_assert_cmpstr (result->encoding, ==, "windows-1251");
  g_assert_cmpstr (result->text->str, ==, expected);
  g_assert_null (strchr (result->text->str, '\r'));
  g_assert_cmpstr (result->title, ==, "Заявление министерства");
  /* Offsets count code points, not bytes. */
  assert_paragraphs (result, paragraphs, G_N_ELEMENTS (paragraphs));
  g_assert_true (
      g_str_has_prefix (g_utf8_offset_to_pointer (result->text->str, 139), "Расследование"));
  g_assert_true (has_line (result->warnings, "The file does not say which encoding"));
}

static void
test_plain_declared_charset (void)
{
  g_autoptr (GError) error = NULL;
  const char      *text = "Für die Stadt gilt ab Montag eine Ausgangssperre.";
  g_autofree char *latin1 = g_convert (text, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GBytes) bytes = g_bytes_new (latin1, strlen (latin1));
  CrbExtractRequest request = { NULL, "text/plain", "iso-8859-1" };

  g_assert_true (crb_extract_text (bytes, &request, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result->text->str, ==, text);
  g_assert_cmpstr (result->encoding, ==, "windows-1252");
  g_assert_cmpuint (result->warnings->len, ==, 0);
}

/* A page saved as text, with the site's menu above the article. */
static void
test_title_skips_navigation (void)
{
  g_autoptr (CrbExtractResult) result = extract_ok ("facebook\n"
                                                    "twitter\n"
                                                    "telegram\n"
                                                    "en\n"
                                                    "SEARCH THE SITE\n"
                                                    "\n"
                                                    "Reproduction only with a link to the "
                                                    "Daily Ledger\n"
                                                    "Daily Ledger © 2024\n"
                                                    "A+\n"
                                                    "\n"
                                                    "Border talks stall after third round\n"
                                                    "\n"
                                                    "12 March 2024 09:15\n"
                                                    "\n"
                                                    "Negotiators left the capital without an "
                                                    "agreement on Tuesday.\n",
                                                    NULL);

  g_assert_cmpstr (result->title, ==, "Border talks stall after third round");
}

static void
test_title_from_first_sentence (void)
{
  g_autoptr (GString) text = g_string_new ("The council met on Monday. ");
  g_autoptr (CrbExtractResult) result = NULL;
  g_autoptr (CrbExtractResult) unbroken = NULL;

  for (guint i = 0; i < 20; i++)
    g_string_append (text, "Members discussed the budget at length and adjourned late. ");
  result = extract_ok (text->str, NULL);
  g_assert_cmpstr (result->title, ==, "The council met on Monday.");

  g_string_assign (text, "");
  for (guint i = 0; i < 40; i++)
    g_string_append (text, "and then another clause without any full stop ");
  unbroken = extract_ok (text->str, NULL);
  g_assert_true (g_str_has_suffix (unbroken->title, "…"));
  g_assert_cmpint (g_utf8_strlen (unbroken->title, -1), <=, 101);
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbExtractResult) result = extract (" \n\r\n\t \n", -1, "empty.txt", NULL, &error);
  g_autoptr (CrbExtractResult) images = NULL;

  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY);
  g_assert_null (result);
  g_clear_error (&error);

  images = extract ("![chart](chart.png)\n", -1, "figures.md", NULL, &error);
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY);
  g_assert_null (images);
}

static void
test_binary (void)
{
  g_autoptr (GError) error = NULL;
  const char data[] = "\x7f"
                      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\x10\x10\0\0";
  g_autoptr (CrbExtractResult) result = extract (data, sizeof data - 1, NULL, NULL, &error);

  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED);
  g_assert_null (result);
}

static const char markdown_document[] =
    "---\n"
    "title: \"Flood response: what the ministry said\"\n"
    "author: Field desk\n"
    "date: 2024-05-02\n"
    "lang: en\n"
    "---\n"
    "\n"
    "# Flood response\n"
    "\n"
    "The ministry *confirmed* **twelve** deaths; the [regional council](https://example.org/c "
    "\"Council\") says __twenty__.\n"
    "See also [the report][r1] and <https://example.org/full>.\n"
    "\n"
    "![Map of the flooded area](map.png)\n"
    "\n"
    "Key figures\n"
    "-----------\n"
    "\n"
    "- deaths: 12 (ministry)\n"
    "* deaths: 20 (council)\n"
    "  + evacuated: about 3,000\n"
    "1. first report\n"
    "2) second report\n"
    "\n"
    "| Source | Deaths |\n"
    "|:-------|-------:|\n"
    "| Ministry | 12 |\n"
    "| Council | 20 |\n"
    "\n"
    "> The water rose *two metres* overnight.\n"
    "\n"
    "```python\n"
    "total = a * b  # **not emphasis**\n"
    "```\n"
    "\n"
    "***\n"
    "\n"
    "Variables like snake_case_name stay, 5 * 3 = 15 stays, \\*literal stars\\* stay, "
    "~~struck~~ goes.<!-- editor: check figures -->\n"
    "\n"
    "[r1]: https://example.org/report\n";

static void
test_markdown_render (void)
{
  g_autoptr (CrbExtractResult) result = extract_ok (markdown_document, "flood.md");
  const char *expected = "Flood response\n"
                         "\n"
                         "The ministry confirmed twelve deaths; the regional council says "
                         "twenty.\n"
                         "See also the report and https://example.org/full.\n"
                         "\n"
                         "Key figures\n"
                         "\n"
                         "• deaths: 12 (ministry)\n"
                         "• deaths: 20 (council)\n"
                         "  • evacuated: about 3,000\n"
                         "1. first report\n"
                         "2) second report\n"
                         "\n"
                         "Source\tDeaths\n"
                         "Ministry\t12\n"
                         "Council\t20\n"
                         "\n"
                         "The water rose two metres overnight.\n"
                         "\n"
                         "total = a * b  # **not emphasis**\n"
                         "\n"
                         "Variables like snake_case_name stay, 5 * 3 = 15 stays, *literal "
                         "stars* stay, struck goes.";
  const guint paragraphs[] = { 0, 16, 139, 152, 260, 298, 336, 371 };

  g_assert_cmpstr (result->kind, ==, "markdown");
  g_assert_cmpstr (result->text->str, ==, expected);
  g_assert_cmpstr (result->title, ==, "Flood response: what the ministry said");
  g_assert_cmpstr (result->author, ==, "Field desk");
  g_assert_cmpstr (result->published, ==, "2024-05-02");
  g_assert_cmpstr (result->language, ==, "en");
  g_assert_cmpstr (result->encoding, ==, "UTF-8");
  g_assert_true (has_line (result->removed, "Image: Map of the flooded area (map.png)"));
  g_assert_true (has_line (result->removed, "Front matter"));
  g_assert_true (has_line (result->removed, "1 link reference definition"));
  assert_paragraphs (result, paragraphs, G_N_ELEMENTS (paragraphs));
}

static void
test_markdown_title_from_heading (void)
{
  g_autoptr (CrbExtractResult) atx = extract_ok ("Intro line\n\n## Second-level *title* ##\n\n"
                                                 "# Later\n",
                                                 "notes.md");
  g_autoptr (CrbExtractResult) setext = extract_ok ("Setext title\n===\n\nBody.\n", "a.md");

  g_assert_cmpstr (atx->title, ==, "Second-level title");
  g_assert_cmpstr (setext->title, ==, "Setext title");
  g_assert_cmpstr (setext->text->str, ==, "Setext title\n\nBody.");
}

static void
test_markdown_detection (void)
{
  const char *markdown = "# Report\n\nSee [the source](https://example.org).\n\n- one\n- two\n";
  const char *plain = "# not a heading, just a comment line\nkey = value\n";
  g_autoptr (CrbExtractResult) sniffed = extract_ok (markdown, NULL);
  g_autoptr (CrbExtractResult) forced_text = extract_ok (markdown, "report.txt");
  g_autoptr (CrbExtractResult) by_type = NULL;
  g_autoptr (CrbExtractResult) not_markdown = extract_ok (plain, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (sniffed->kind, ==, "markdown");
  g_assert_cmpstr (forced_text->kind, ==, "text");
  g_assert_cmpstr (forced_text->text->str, ==, markdown);
  g_assert_cmpstr (not_markdown->kind, ==, "text");

  by_type = extract ("Just *one* line.", -1, NULL, "text/markdown; charset=utf-8", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_type->kind, ==, "markdown");
  g_assert_cmpstr (by_type->text->str, ==, "Just one line.");
}

static void
test_markdown_inline (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "*a* **b** ***c*** _d_ __e__", "a b c d e" },
    { "un*frigging*believable", "unfriggingbelievable" },
    { "snake_case and __init__ names", "snake_case and init names" },
    { "2 * 3 * 4", "2 * 3 * 4" },
    { "**unclosed", "**unclosed" },
    { "`code *with* stars`", "code *with* stars" },
    { "`` a `tick` ``", "a `tick`" },
    { "[outer *em*](http://x \"t\")", "outer em" },
    { "[link](<url with spaces>) done", "link done" },
    { "[a](b(c)d) e", "a e" },
    { "[not a link] [x]", "[not a link] [x]" },
    { "![img](i.png) text", " text" },
    { "[![badge](b.svg)](https://ci)", "" },
    { "<b>bold</b> <br/> x < y > z", "bold  x < y > z" },
    { "<mailto:a@example.org> <a@example.org>", "mailto:a@example.org a@example.org" },
    { "\\[escaped\\] \\_x\\_ C:\\path", "[escaped] _x_ C:\\path" },
    { "~one~ ~~two~~", "~one~ two" },
    { "«*цитата*» — _ответ_", "«цитата» — ответ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *out = crb_markdown_inline (cases[i].in, removed);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Publisher, byline and date under a plain text's title, in the forms
 * saved news articles use. */
static void
test_masthead (void)
{
  static const struct
  {
    const char *text;
    const char *publisher, *author, *published;
  } cases[] = {
    { "Dam collapse floods Korvash valley\n\nMERIDIAN PRESS AGENCY\n"
      "By Lena Hartwig, with reporting by Davor Kessan\n"
      "SOVRANY, Korvash Region, Saturday 18 April 2026, 11:52 local time\n\n"
      "At least 14 people were killed on 17 April 2026.\n",
      "Meridian Press Agency", "Lena Hartwig", "2026-04-18T11:52" },
    { "Прорыв плотины на Ильмете\n\nВЕСТИ ПРИИЛЬМЕТЬЯ\nАлексей Гуров\n18.04.2026, 13:10\n\n"
      "Текст новости.\n",
      "Вести Приильметья", NULL, "2026-04-18T13:10" },
    { "Flood report\n\nVOICE OF THE VALLEY (weekly)\nApril 20, 2026\n\nText.\n",
      "Voice of the Valley", NULL, "2026-04-20" },
    { "Bericht\n\nVon Anna Berg · 18. März 2026\n\nText.\n", NULL, "Anna Berg", "2026-03-18" },
    /* A heading in capitals without a byline or date is not an outlet. */
    { "My notes\n\nINTRODUCTION\n\nThe dam failed in 2026.\n", NULL, NULL, NULL },
    /* Dates deep in the body are the story's, not the source's. */
    { "Title\n\nFirst paragraph, long enough to be the body of the text rather than its masthead, "
      "which ends here.\n\nOn 18 April 2026 the dam failed.\n",
      NULL, NULL, NULL },
    /* Not a date: the 30th of February. */
    { "Title\n\nBy Someone\n30 February 2026\n\nText.\n", NULL, "Someone", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CrbExtractResult) result = extract_ok (cases[i].text, "article.txt");

      g_test_message ("case %u", i);
      g_assert_cmpstr (result->publisher, ==, cases[i].publisher);
      g_assert_cmpstr (result->author, ==, cases[i].author);
      g_assert_cmpstr (result->published, ==, cases[i].published);
    }
}

static void
test_corpus (void)
{
  const char      *corpus = g_getenv ("CORROBORATE_SHARED_CORPUS");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (CrbExtractResult) result = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint       n = 0;

  if (corpus == NULL || (dir = g_dir_open (corpus, 0, NULL)) == NULL)
    {
      g_test_skip ("The shared corpus is not here (CORROBORATE_SHARED_CORPUS)");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_clear_pointer (&path, g_free);
      g_clear_pointer (&contents, g_free);
      g_clear_pointer (&expected, g_free);
      g_clear_pointer (&result, crb_extract_result_free);

      path = g_build_filename (corpus, name, NULL);
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      result = extract_ok (contents, name);
      expected = crb_text_normalize (contents);
      g_assert_cmpstr (result->kind, ==, "text");
      g_assert_cmpstr (result->encoding, ==, "UTF-8");
      g_assert_cmpstr (result->text->str, ==, expected);
      g_assert_nonnull (result->title);
      g_assert_cmpuint (result->paragraphs->len, >, 1);
      g_test_message ("%s: “%s”", name, result->title);

      /* The one saved with its site's menu. */
      if (g_str_has_prefix (name, "003_"))
        g_assert_cmpstr (result->title, ==,
                         "Which side Kazakhstan to choose - Turkish or Russian? Review by "
                         "Caliber.Az");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/text/plain/cyrillic", test_plain_cyrillic);
  g_test_add_func ("/crb/extract/text/plain/declared-charset", test_plain_declared_charset);
  g_test_add_func ("/crb/extract/text/title/skips-navigation", test_title_skips_navigation);
  g_test_add_func ("/crb/extract/text/title/first-sentence", test_title_from_first_sentence);
  g_test_add_func ("/crb/extract/text/masthead", test_masthead);
  g_test_add_func ("/crb/extract/text/empty", test_empty);
  g_test_add_func ("/crb/extract/text/binary", test_binary);
  g_test_add_func ("/crb/extract/text/markdown/render", test_markdown_render);
  g_test_add_func ("/crb/extract/text/markdown/title", test_markdown_title_from_heading);
  g_test_add_func ("/crb/extract/text/markdown/detection", test_markdown_detection);
  g_test_add_func ("/crb/extract/text/markdown/inline", test_markdown_inline);
  g_test_add_func ("/crb/extract/text/corpus", test_corpus);

  return g_test_run ();
}
