/* bench-pdf.c: Corroborate's PDF extraction against pdftotext
 *
 * Writes two-column articles (running header, page numbers, hyphenated
 * line ends) with cairo, then times `pdftotext FILE -` (the raw baseline:
 * poppler's own text output, in its own process as our helper will be)
 * and crb_extract_pdf () on the same bytes.  Prints both times, their
 * ratio, and how many of the article's words each gives back in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "crb-extract-formats.h"
#include "crb-test-pdf.h"

#define ROUNDS 5

/* Words of `text` found in order in `expected`: the longest common
 * subsequence of the two token lists, over the expected length. */
static double
words_in_order (const char *text, GPtrArray *expected)
{
  g_auto (GStrv) tokens = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr (GPtrArray) got = g_ptr_array_new ();
  g_autofree guint *previous = NULL;
  g_autofree guint *row = NULL;
  guint             n = expected->len;

  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_ptr_array_add (got, tokens[i]);
  previous = g_new0 (guint, n + 1);
  row = g_new0 (guint, n + 1);
  for (guint i = 0; i < got->len; i++)
    {
      for (guint j = 0; j < n; j++)
        row[j + 1] = strcmp (g_ptr_array_index (got, i), g_ptr_array_index (expected, j)) == 0
                         ? previous[j] + 1
                         : MAX (previous[j + 1], row[j]);
      memcpy (previous, row, (n + 1) * sizeof (guint));
    }
  return n == 0 ? 1 : (double) previous[n] / n;
}

static double
median (double *values, guint n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double swap = values[j];

        values[j] = values[j - 1];
        values[j - 1] = swap;
      }
  return values[n / 2];
}

int
main (int argc, char **argv)
{
  static const guint page_counts[] = { 2, 20, 60 };
  g_autofree char   *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("bench-pdf-XXXXXX", &error);
  double           total_ours = 0, total_baseline = 0;

  if (pdftotext == NULL)
    {
      g_print ("bench-pdf: pdftotext is not installed (poppler-utils); nothing to compare\n");
      return 0;
    }
  g_assert_no_error (error);
  g_print ("%-10s %14s %14s %8s %12s %12s\n", "pages", "pdftotext ms", "corroborate ms", "ratio",
           "words ours", "words pdftt");

  for (guint k = 0; k < G_N_ELEMENTS (page_counts); k++)
    {
      g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GBytes) pdf = crb_test_pdf_article (page_counts[k], 1000 + k, words);
      g_autofree char *path = g_strdup_printf ("%s/article-%u.pdf", folder, page_counts[k]);
      const char      *command[] = { pdftotext, "-q", path, "-", NULL };
      g_autofree char *baseline_text = NULL;
      g_autoptr (CrbExtractResult) kept = NULL;
      double ours[ROUNDS], baseline[ROUNDS];

      g_assert_true (
          g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
      for (guint round = 0; round < ROUNDS; round++)
        {
          g_autofree char *out = NULL;
          g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
          gint64 start = g_get_monotonic_time ();
          int    status;

          g_assert_true (g_spawn_sync (NULL, (char **) command, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                       &out, NULL, &status, &error));
          g_assert_no_error (error);
          baseline[round] = (g_get_monotonic_time () - start) / 1000.0;

          start = g_get_monotonic_time ();
          g_assert_true (crb_extract_pdf (pdf, NULL, result, &error));
          g_assert_no_error (error);
          ours[round] = (g_get_monotonic_time () - start) / 1000.0;

          g_free (baseline_text);
          baseline_text = g_steal_pointer (&out);
          g_clear_pointer (&kept, crb_extract_result_free);
          kept = g_steal_pointer (&result);
        }

      {
        double baseline_ms = median (baseline, ROUNDS), ours_ms = median (ours, ROUNDS);

        total_baseline += baseline_ms;
        total_ours += ours_ms;
        g_print ("%-10u %14.1f %14.1f %7.2fx %11.1f%% %11.1f%%\n", page_counts[k], baseline_ms,
                 ours_ms, ours_ms / baseline_ms, 100 * words_in_order (kept->text->str, words),
                 100 * words_in_order (baseline_text, words));
      }
      g_unlink (path);
    }
  g_rmdir (folder);
  g_print ("%-10s %14.1f %14.1f %7.2fx   (target: at most 1.5x)\n", "all", total_baseline,
           total_ours, total_ours / total_baseline);
  return 0;
}
