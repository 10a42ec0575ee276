/* test-html-quality.c: extraction quality on pages imitating real templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every pages/NAME.html comes with NAME.expected.txt (what the author wrote:
 * headline, standfirst, body, subheadings, lists, quotes, tables, captions)
 * and optionally NAME.meta (key=value: title, author, publisher, published,
 * language, encoding; url and charset are passed to the extractor as the
 * request; warning and removed name a substring one of those lines must
 * contain).  Token F1 is printed for each page; a page below PAGE_FLOOR or
 * an average below AVERAGE_FLOOR fails.
 */
#include <string.h>

#include "crb-extract-formats.h"
#include "html-f1.h"

#define PAGE_FLOOR 0.85
#define AVERAGE_FLOOR 0.95

typedef struct
{
  char       *name;
  GHashTable *meta; /* key → GPtrArray of values */
} Page;

static GPtrArray *pages;

static char *
page_path (const char *name, const char *suffix)
{
  g_autofree char *file = g_strconcat (name, suffix, NULL);

  return g_build_filename (HTML_PAGES_DIR, file, NULL);
}

static GHashTable *
read_meta (const char *name)
{
  GHashTable *meta =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autofree char *path = page_path (name, ".meta");
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  guint i;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return meta;
  lines = g_strsplit (contents, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      char            *equals = strchr (lines[i], '=');
      GPtrArray       *values;
      g_autofree char *key = NULL;

      if (lines[i][0] == '#' || equals == NULL)
        continue;
      key = g_strndup (lines[i], equals - lines[i]);
      values = g_hash_table_lookup (meta, key);
      if (values == NULL)
        {
          values = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (meta, g_strdup (key), values);
        }
      g_ptr_array_add (values, g_strdup (equals + 1));
    }
  return meta;
}

static const char *
meta_value (Page *page, const char *key)
{
  GPtrArray *values = g_hash_table_lookup (page->meta, key);

  return values == NULL ? NULL : g_ptr_array_index (values, 0);
}

/* Extracts one page; returns its F1 and the result. */
static double
run_page (Page *page, CrbExtractResult **out)
{
  g_autofree char *html_path = page_path (page->name, ".html");
  g_autofree char *expected_path = page_path (page->name, ".expected.txt");
  g_autofree char *html = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  CrbExtractRequest request = { 0 };
  gsize             length;
  double            precision, recall, f1;

  g_assert_true (g_file_get_contents (html_path, &html, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&html), length);
  request.name_hint = meta_value (page, "url");
  request.charset = meta_value (page, "charset");
  g_assert_true (crb_extract_html (bytes, &request, result, &error));
  g_assert_no_error (error);
  f1 = html_f1_score (result->text->str, expected, &precision, &recall);
  g_test_message ("%-28s F1 %.3f  (precision %.3f, recall %.3f)", page->name, f1, precision,
                  recall);
  *out = g_steal_pointer (&result);
  return f1;
}

static gboolean
some_line_contains (GPtrArray *lines, const char *needle)
{
  guint i;

  for (i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
check_metadata (Page *page, CrbExtractResult *result)
{
  static const char *const keys[] = { "title",     "author",   "publisher",
                                      "published", "language", "encoding" };
  const char              *values[G_N_ELEMENTS (keys)] = {
                 result->title,     result->author,   result->publisher,
                 result->published, result->language, result->encoding,
  };
  GPtrArray *lines;
  gsize      i;

  for (i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *expected = meta_value (page, keys[i]);

      if (expected != NULL)
        {
          if (g_strcmp0 (expected, values[i]) != 0)
            g_test_message ("%s: %s is \"%s\", expected \"%s\"", page->name, keys[i],
                            values[i] != NULL ? values[i] : "(none)", expected);
          g_assert_cmpstr (values[i], ==, expected);
        }
    }
  if ((lines = g_hash_table_lookup (page->meta, "warning")) != NULL)
    for (i = 0; i < lines->len; i++)
      g_assert_true (some_line_contains (result->warnings, g_ptr_array_index (lines, i)));
  if ((lines = g_hash_table_lookup (page->meta, "removed")) != NULL)
    for (i = 0; i < lines->len; i++)
      {
        if (!some_line_contains (result->removed, g_ptr_array_index (lines, i)))
          g_test_message ("%s: nothing removed as \"%s\"", page->name,
                          (const char *) g_ptr_array_index (lines, i));
        g_assert_true (some_line_contains (result->removed, g_ptr_array_index (lines, i)));
      }
}

/* Offsets are code points of the text, increasing, each at a block start
 * (after the indentation of a nested list item). */
static void
check_paragraphs (CrbExtractResult *result)
{
  glong length = g_utf8_strlen (result->text->str, -1);
  guint i, previous = 0;

  g_assert_cmpuint (result->paragraphs->len, >, 0);
  for (i = 0; i < result->paragraphs->len; i++)
    {
      guint       offset = g_array_index (result->paragraphs, guint, i);
      const char *at = g_utf8_offset_to_pointer (result->text->str, offset);

      g_assert_cmpuint (offset, <, (guint) length);
      if (i > 0)
        {
          const char *before = at;

          g_assert_cmpuint (offset, >, previous);
          /* at a line start, after the indentation of nested list items */
          while (before > result->text->str && before[-1] == ' ')
            before--;
          g_assert_true (before[-1] == '\n');
        }
      g_assert_false (g_unichar_isspace (g_utf8_get_char (at)));
      previous = offset;
    }
}

static void
test_page (gconstpointer data)
{
  Page *page = (Page *) data;
  g_autoptr (CrbExtractResult) result = NULL;
  double f1 = run_page (page, &result);

  g_assert_cmpstr (result->kind, ==, "html");
  g_assert_true (g_utf8_validate (result->text->str, -1, NULL));
  check_paragraphs (result);
  check_metadata (page, result);
  if (f1 < PAGE_FLOOR)
    g_test_message ("%s: extracted text was:\n%s", page->name, result->text->str);
  g_assert_cmpfloat (f1, >=, PAGE_FLOOR);
}

static void
test_average (void)
{
  double sum = 0;
  guint  i;

  g_assert_cmpuint (pages->len, >=, 30);
  for (i = 0; i < pages->len; i++)
    {
      g_autoptr (CrbExtractResult) result = NULL;

      sum += run_page (g_ptr_array_index (pages, i), &result);
    }
  g_test_message ("mean F1 over %u pages: %.4f", pages->len, sum / pages->len);
  g_assert_cmpfloat (sum / pages->len, >=, AVERAGE_FLOOR);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->name);
  g_hash_table_unref (page->meta);
  g_free (page);
}

static gint
compare_pages (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(Page *const *) a)->name, (*(Page *const *) b)->name);
}

int
main (int argc, char **argv)
{
  g_autoptr (GDir) dir = NULL;
  const char *file;
  guint       i;
  int         status;

  g_test_init (&argc, &argv, NULL);
  /* One weak page should not hide the figures of the others. */
  g_test_set_nonfatal_assertions ();
  pages = g_ptr_array_new_with_free_func (page_free);
  dir = g_dir_open (HTML_PAGES_DIR, 0, NULL);
  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (file, ".html"))
      {
        Page *page = g_new0 (Page, 1);

        page->name = g_strndup (file, strlen (file) - 5);
        page->meta = read_meta (page->name);
        g_ptr_array_add (pages, page);
      }
  g_ptr_array_sort (pages, compare_pages);
  for (i = 0; i < pages->len; i++)
    {
      Page            *page = g_ptr_array_index (pages, i);
      g_autofree char *path = g_strconcat ("/crb/extract/html/quality/", page->name, NULL);

      g_test_add_data_func (path, page, test_page);
    }
  g_test_add_func ("/crb/extract/html/quality/average", test_average);
  status = g_test_run ();
  g_ptr_array_unref (pages);
  return status;
}
