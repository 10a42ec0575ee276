/* test-comparison.c: one document against another — aligned passages,
 * word differences at code-point offsets, coverage, substitutions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "accounts-samples.h"
#include "crb-comparison.h"
#include "crb-test-project.h"

static char *
slice (const char *text, guint32 start, guint32 end)
{
  return g_utf8_substring (text, start, end);
}

static void
test_wire_and_courier (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbComparison) comparison = NULL;
  g_autofree char *wire = samples_read (SAMPLE_WIRE);
  g_autofree char *courier = samples_read (SAMPLE_COURIER);
  guint            replaced_place = 0;

  samples_load (&samples);
  comparison = crb_project_compare_documents (samples.project, "Meridian Press Agency",
                                              "The National Courier", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comparison->document_a, ==, samples.uuids[SAMPLE_WIRE]);
  g_assert_cmpuint (comparison->passages->len, >=, 1);
  g_assert_cmpfloat (comparison->coverage_a, >, 0.85);
  g_assert_cmpfloat (comparison->coverage_b, >, 0.8);
  g_assert_cmpfloat (comparison->coverage_a, <, 1.0);

  for (guint p = 0; p < comparison->passages->len; p++)
    {
      const CrbComparisonPassage *passage = g_ptr_array_index (comparison->passages, p);

      g_assert_cmpfloat (passage->identity, >, 0.9);
      for (guint r = 0; r < passage->runs->len; r++)
        {
          const CrbWordDiffRun *run = &g_array_index (passage->runs, CrbWordDiffRun, r);
          g_autofree char      *a = slice (wire, run->a_start, run->a_end);
          g_autofree char      *b = slice (courier, run->b_start, run->b_end);

          g_assert_cmpuint (run->a_start, >=, passage->a_start);
          g_assert_cmpuint (run->b_end, <=, passage->b_end);
          if (run->kind == CRB_ALIGN_EQUAL)
            g_assert_cmpstr (crb_comparison_kind_to_string (run->kind), ==, "equal");
          if (run->kind == CRB_ALIGN_REPLACE && g_str_equal (a, "Brezhki"))
            {
              g_assert_cmpstr (b, ==, "Nizhny Tal");
              replaced_place++;
            }
        }
    }
  g_assert_cmpuint (replaced_place, ==, 3);
  g_assert_cmpuint (comparison->substitutions->len, ==, 4);
  g_assert_cmpstr (((CrbSubstitution *) g_ptr_array_index (comparison->substitutions, 0))->a, ==,
                   "brezhki");
}

static void
test_translation_is_no_reuse (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbComparison) comparison = NULL;

  samples_load (&samples);
  comparison = crb_project_compare_documents (samples.project, samples.uuids[SAMPLE_VESTI_RU],
                                              samples.uuids[SAMPLE_VESTI_MT], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comparison->passages->len, ==, 0);
  g_assert_cmpfloat (comparison->coverage_a, ==, 0.0);
  g_assert_cmpuint (comparison->substitutions->len, ==, 0);
  g_assert_cmpuint (comparison->n_words_a, >, 100);
}

static void
test_code_points (void)
{
  /* Offsets are code points: the Cyrillic heading before the passage
   * must not shift them as bytes would. */
  const char *a = "Прорыв плотины — сводка.\n\nThe spillway of the Upper Ilmet dam gave way at "
                  "about 04:40 on Saturday, and 2,300 residents of Brezhki were evacuated "
                  "before the water reached the school.";
  const char *b = "«Курьер».\n\nThe spillway of the Upper Ilmet dam gave way at about 04:40 on "
                  "Saturday, and 3,200 residents of Brezhki were evacuated before the water "
                  "reached the school.";
  g_autoptr (CrbComparison) comparison = crb_comparison_new (a, b);
  const CrbComparisonPassage *passage;
  gboolean                    figure = FALSE;

  g_assert_cmpuint (comparison->passages->len, ==, 1);
  passage = g_ptr_array_index (comparison->passages, 0);
  g_assert_cmpuint (passage->a_start, ==, 26);
  g_assert_cmpuint (passage->b_start, ==, 11);
  for (guint r = 0; r < passage->runs->len; r++)
    {
      const CrbWordDiffRun *run = &g_array_index (passage->runs, CrbWordDiffRun, r);
      g_autofree char      *from = slice (a, run->a_start, run->a_end);
      g_autofree char      *to = slice (b, run->b_start, run->b_end);

      if (run->kind == CRB_ALIGN_REPLACE)
        {
          g_assert_cmpstr (from, ==, "2,300");
          g_assert_cmpstr (to, ==, "3,200");
          figure = TRUE;
        }
    }
  g_assert_true (figure);
  /* A single changed figure is in the table; the texts share most words. */
  g_assert_cmpuint (comparison->substitutions->len, ==, 1);
  g_assert_cmpuint (((CrbSubstitution *) g_ptr_array_index (comparison->substitutions, 0))->count,
                    ==, 1);
  g_assert_cmpfloat (comparison->coverage_b, >, 0.8);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crb/accounts/comparison/wire-and-courier", test_wire_and_courier);
  g_test_add_func ("/crb/accounts/comparison/translation-is-no-reuse",
                   test_translation_is_no_reuse);
  g_test_add_func ("/crb/accounts/comparison/code-points", test_code_points);
  return g_test_run ();
}
