/* bench-html.c: quality and speed of HTML extraction on the test pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For every tests/extract/html/pages/NAME.html: token F1 against
 * NAME.expected.txt and the mean time of crb_extract_html(), beside a raw
 * baseline that only parses the page with gumbo and keeps all its text (what
 * boilerplate removal costs, and what it buys).  With --tsv it prints one
 * line per page for bench-html-readability.sh, which runs Mozilla
 * Readability on the same pages and compares.
 *
 *   bench-html [--tsv] [--repeat N] PAGES_DIR
 */
#include <gumbo.h>
#include <string.h>

#include "crb-extract-formats.h"
#include "html-f1.h"

/* All text of the page, blocks on their own lines: the baseline. */
static void
append_all_text (GumboNode *root, GString *out)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GumboNode *node = g_ptr_array_steal_index (stack, stack->len - 1);
      guint      i;

      if (node->type == GUMBO_NODE_TEXT)
        {
          g_string_append (out, node->v.text.text);
          g_string_append_c (out, '\n');
        }
      else if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag != GUMBO_TAG_SCRIPT &&
               node->v.element.tag != GUMBO_TAG_STYLE && node->v.element.tag != GUMBO_TAG_HEAD)
        for (i = node->v.element.children.length; i-- > 0;)
          g_ptr_array_add (stack, node->v.element.children.data[i]);
    }
}

static char *
baseline (const char *html, gsize length)
{
  GumboOutput *output = gumbo_parse_with_options (&kGumboDefaultOptions, html, length);
  GString     *text = g_string_new (NULL);

  append_all_text (output->root, text);
  gumbo_destroy_output (&kGumboDefaultOptions, output);
  return g_string_free (text, FALSE);
}

static char *
read_meta_value (const char *pages, const char *name, const char *key)
{
  g_autofree char *file = g_strconcat (name, ".meta", NULL);
  g_autofree char *path = g_build_filename (pages, file, NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *prefix = g_strconcat (key, "=", NULL);
  guint            i;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  return NULL;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char **argv)
{
  gboolean     tsv = FALSE;
  gint         repeat = 20;
  GOptionEntry entries[] = {
    { "tsv", 0, 0, G_OPTION_ARG_NONE, &tsv, "One tab-separated line per page", NULL },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs per page for the timing", "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("PAGES_DIR");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  const char *file;
  double      sum_f1 = 0, sum_base_f1 = 0, sum_ms = 0, sum_base_ms = 0;
  guint       i;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: bench-html [--tsv] PAGES_DIR");
      return 2;
    }
  repeat = MAX (repeat, 1);
  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((file = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (file, ".html"))
      g_ptr_array_add (names, g_strndup (file, strlen (file) - 5));
  g_ptr_array_sort (names, compare_names);

  if (!tsv)
    g_print ("%-22s %7s %9s   %7s %9s\n", "page", "F1", "ms", "raw F1", "raw ms");
  for (i = 0; i < names->len; i++)
    {
      const char       *name = g_ptr_array_index (names, i);
      g_autofree char  *html_file = g_strconcat (name, ".html", NULL);
      g_autofree char  *expected_file = g_strconcat (name, ".expected.txt", NULL);
      g_autofree char  *html_path = g_build_filename (argv[1], html_file, NULL);
      g_autofree char  *expected_path = g_build_filename (argv[1], expected_file, NULL);
      g_autofree char  *html = NULL, *expected = NULL, *raw = NULL;
      g_autofree char  *url = read_meta_value (argv[1], name, "url");
      g_autofree char  *charset = read_meta_value (argv[1], name, "charset");
      CrbExtractRequest request = { url, "text/html", charset };
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (CrbExtractResult) result = NULL;
      gsize  length;
      gint64 start;
      double ms, base_ms, f1, base_f1;
      gint   run;

      if (!g_file_get_contents (html_path, &html, &length, &error) ||
          !g_file_get_contents (expected_path, &expected, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      bytes = g_bytes_new (html, length);

      start = g_get_monotonic_time ();
      for (run = 0; run < repeat; run++)
        {
          g_clear_pointer (&result, crb_extract_result_free);
          result = crb_extract_result_new ();
          if (!crb_extract_html (bytes, &request, result, &error))
            {
              g_printerr ("%s: %s\n", name, error->message);
              return 1;
            }
        }
      ms = (g_get_monotonic_time () - start) / 1000.0 / repeat;

      /* The raw baseline reads UTF-8; it is not asked to decode. */
      start = g_get_monotonic_time ();
      for (run = 0; run < repeat; run++)
        {
          g_free (raw);
          raw = baseline (html, length);
        }
      base_ms = (g_get_monotonic_time () - start) / 1000.0 / repeat;

      f1 = html_f1_score (result->text->str, expected, NULL, NULL);
      base_f1 = html_f1_score (raw, expected, NULL, NULL);
      sum_f1 += f1;
      sum_base_f1 += base_f1;
      sum_ms += ms;
      sum_base_ms += base_ms;
      if (tsv)
        g_print ("%s\t%.4f\t%.4f\n", name, f1, ms);
      else
        g_print ("%-22s %7.3f %9.3f   %7.3f %9.3f\n", name, f1, ms, base_f1, base_ms);
    }
  if (!tsv && names->len > 0)
    {
      g_print ("\nmean F1: %.4f (raw text of the page: %.4f) over %u pages\n", sum_f1 / names->len,
               sum_base_f1 / names->len, names->len);
      g_print ("mean time per page: %.3f ms (gumbo parse + all text: %.3f ms), ratio %.2fx\n",
               sum_ms / names->len, sum_base_ms / names->len, sum_ms / MAX (sum_base_ms, 1e-9));
    }
  return 0;
}
