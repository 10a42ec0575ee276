/* test-word-diff.c: word diff, substitution tables and direction inference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "crb-reuse-direction.h"
#include "crb-reuse-relation.h"
#include "crb-word-diff.h"

static char *
slice (const char *text,
       guint32     start,
       guint32     end)
{
  return g_utf8_substring (text, start, end);
}

static void
test_runs (void)
{
  const char *a = "«President Tokayev of Kazakhstan met the envoy in Astana on Monday.»";
  const char *b = "President TOKAYE of Uzbekistan met a new envoy\nin Astana on Monday, officials said.";
  g_autoptr(GArray) diff = crb_word_diff (a, 1, g_utf8_strlen (a, -1) - 1, b, 0, g_utf8_strlen (b, -1));
  const struct
  {
    CrbAlignKind kind;
    const char  *a;
    const char  *b;
  } expected[] = {
    { CRB_ALIGN_EQUAL, "President", "President" },
    { CRB_ALIGN_REPLACE, "Tokayev", "TOKAYE" },
    { CRB_ALIGN_EQUAL, "of", "of" },
    { CRB_ALIGN_REPLACE, "Kazakhstan", "Uzbekistan" },
    { CRB_ALIGN_EQUAL, "met", "met" },
    { CRB_ALIGN_REPLACE, "the", "a new" },
    { CRB_ALIGN_EQUAL, "envoy in Astana on Monday", "envoy\nin Astana on Monday" },
    { CRB_ALIGN_INSERT, "", "officials said" },
  };

  g_assert_cmpuint (diff->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < diff->len; i++)
    {
      const CrbWordDiffRun *run = &g_array_index (diff, CrbWordDiffRun, i);
      g_autofree char *got_a = slice (a, run->a_start, run->a_end);
      g_autofree char *got_b = slice (b, run->b_start, run->b_end);

      g_assert_cmpint (run->kind, ==, expected[i].kind);
      g_assert_cmpstr (got_a, ==, expected[i].a);
      g_assert_cmpstr (got_b, ==, expected[i].b);
    }
  /* The insertion sits right after "Monday" in A. */
  g_assert_cmpuint (g_array_index (diff, CrbWordDiffRun, 7).a_start, ==, strlen ("«President Tokayev of Kazakhstan met the envoy in Astana on Monday") - 1);
}

static void
test_identical_and_empty (void)
{
  g_autoptr(GArray) same = crb_word_diff ("One two, three.", 0, 15, "one TWO three", 0, 13);
  g_autoptr(GArray) empty = crb_word_diff ("", 0, 0, "new words", 0, 9);

  g_assert_cmpuint (same->len, ==, 1);
  g_assert_cmpint (g_array_index (same, CrbWordDiffRun, 0).kind, ==, CRB_ALIGN_EQUAL);
  g_assert_cmpuint (g_array_index (same, CrbWordDiffRun, 0).a_n_words, ==, 3);
  g_assert_cmpuint (empty->len, ==, 1);
  g_assert_cmpint (g_array_index (empty, CrbWordDiffRun, 0).kind, ==, CRB_ALIGN_INSERT);
  g_assert_cmpuint (g_array_index (empty, CrbWordDiffRun, 0).b_n_words, ==, 2);
}

/* A text long enough to be indexed, with one name in several places. */
static char *
story (const char *country,
       const char *president,
       const char *article)
{
  return g_strdup_printf (
    "The government of %s announced on Tuesday that %s would hold early elections in the "
    "autumn after weeks of protests in the capital. Opposition leaders in %s said that the "
    "decision came too late and that the protests would continue until the demands of the "
    "workers were met in full. Analysts in %s expect %s to win comfortably because the "
    "opposition remains divided and has little access to %s national television. %s "
    "spokesman dismissed the criticism as the work of foreign agents and promised reforms.",
    country, president, country, country, president, article, president);
}

static const CrbSubstitution *
find (GPtrArray  *table,
      const char *a,
      const char *b)
{
  for (guint i = 0; i < table->len; i++)
    {
      const CrbSubstitution *substitution = g_ptr_array_index (table, i);

      if (g_str_equal (substitution->a, a) && g_str_equal (substitution->b, b))
        return substitution;
    }
  return NULL;
}

static void
test_substitution_table (void)
{
  g_autofree char *a = story ("Kazakhstan", "Kassym-Jomart Tokayev", "the");
  g_autofree char *b = story ("Uzbekistan", "Shavkat Mirziyoyev", "a");
  g_autoptr(CrbReuseRelation) relation = crb_reuse_relation_compare (NULL, 1, a, 2, b);
  g_autoptr(GPtrArray) again = NULL;
  const CrbSubstitution *country, *president;

  g_assert_nonnull (relation);
  country = find (relation->substitutions, "kazakhstan", "uzbekistan");
  president = find (relation->substitutions, "kassym jomart tokayev", "shavkat mirziyoyev");
  g_assert_nonnull (country);
  g_assert_cmpuint (country->count, ==, 3);
  g_assert_cmpuint (country->kept, ==, 0);
  g_assert_nonnull (president);
  g_assert_cmpuint (president->count, >=, 2);
  /* "the" → "a" happened once: an incidental edit, not a substitution. */
  g_assert_null (find (relation->substitutions, "the", "a"));
  g_assert_cmpuint (relation->substitutions->len, ==, 2);

  /* Stored passages give the same table. */
  again = crb_word_diff_substitutions (a, b, (const CrbReusePassage *) relation->passages->data,
                                       relation->passages->len);
  g_assert_cmpuint (again->len, ==, relation->substitutions->len);
  g_assert_nonnull (find (again, "kazakhstan", "uzbekistan"));
}

static void
test_direction (void)
{
  g_autoptr(GDateTime) early = g_date_time_new_utc (2014, 3, 27, 12, 0, 0);
  g_autoptr(GDateTime) late = g_date_time_new_utc (2022, 4, 18, 12, 28, 0);
  g_autoptr(GDateTime) same_day = g_date_time_new_utc (2014, 3, 27, 18, 0, 0);
  g_autoptr(CrbReuseDirectionGuess) dated = crb_reuse_direction_infer (early, late, 0.9, 0.2);
  g_autoptr(CrbReuseDirectionGuess) reversed = crb_reuse_direction_infer (late, early, 0.9, 0.2);
  g_autoptr(CrbReuseDirectionGuess) weak = crb_reuse_direction_infer (early, late, 0.1, 0.1);
  g_autoptr(CrbReuseDirectionGuess) additions = crb_reuse_direction_infer (NULL, NULL, 0.95, 0.3);
  g_autoptr(CrbReuseDirectionGuess) additions_b = crb_reuse_direction_infer (early, same_day, 0.3, 0.9);
  g_autoptr(CrbReuseDirectionGuess) twins = crb_reuse_direction_infer (NULL, late, 0.97, 0.95);
  g_autoptr(CrbReuseDirectionGuess) partial = crb_reuse_direction_infer (NULL, NULL, 0.15, 0.06);

  g_assert_cmpint (dated->direction, ==, CRB_REUSE_DIRECTION_B_COPIES_A);
  g_assert_cmpfloat (dated->confidence, >, 0.85);
  g_assert_nonnull (strstr (dated->reason, "2022-04-18"));
  g_assert_cmpint (reversed->direction, ==, CRB_REUSE_DIRECTION_A_COPIES_B);
  g_assert_cmpfloat (reversed->confidence, <, 0.7);
  g_assert_cmpint (weak->direction, ==, CRB_REUSE_DIRECTION_B_COPIES_A);
  g_assert_cmpfloat (weak->confidence, <, dated->confidence);
  g_assert_cmpint (additions->direction, ==, CRB_REUSE_DIRECTION_B_COPIES_A);
  g_assert_nonnull (strstr (additions->reason, "95%"));
  g_assert_cmpint (additions_b->direction, ==, CRB_REUSE_DIRECTION_A_COPIES_B);
  g_assert_cmpint (twins->direction, ==, CRB_REUSE_DIRECTION_UNKNOWN);
  g_assert_cmpfloat (twins->confidence, ==, 0.0);
  g_assert_cmpint (partial->direction, ==, CRB_REUSE_DIRECTION_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/compare/word-diff/runs", test_runs);
  g_test_add_func ("/crb/compare/word-diff/identical-and-empty", test_identical_and_empty);
  g_test_add_func ("/crb/compare/word-diff/substitution-table", test_substitution_table);
  g_test_add_func ("/crb/compare/word-diff/direction", test_direction);
  return g_test_run ();
}
