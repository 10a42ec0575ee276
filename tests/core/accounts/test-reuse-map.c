/* test-reuse-map.c: the corpus reuse map over the sample project and the
 * shared corpus: relations, direction, substitutions, decisions, import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "accounts-samples.h"
#include "crb-edit.h"
#include "crb-relation.h"
#include "crb-reuse-map.h"
#include "crb-test-project.h"

static const CrbSubstitution *
find_substitution (CrbComparison *comparison, const char *a, const char *b)
{
  for (guint i = 0; i < comparison->substitutions->len; i++)
    {
      const CrbSubstitution *substitution = g_ptr_array_index (comparison->substitutions, i);

      if (g_str_equal (substitution->a, a) && g_str_equal (substitution->b, b))
        return substitution;
    }
  return NULL;
}

static CrbReuseMap *
updated_map (CrbProject *project)
{
  g_autoptr (GError) error = NULL;
  CrbReuseMap *map = crb_reuse_map_new (project);

  crb_assert_ok (crb_reuse_map_update (map, NULL, &error));
  return map;
}

static CrbReuseLink *
link_at (CrbReuseMap *map, guint position)
{
  return g_list_model_get_item (G_LIST_MODEL (map), position);
}

static void
test_samples_relations (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbReuseMap) map = NULL;
  g_autoptr (CrbReuseLink) copy = NULL;
  g_autoptr (CrbComparison) evidence = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  guint n_links, n_copies = 0;

  samples_load (&samples);
  map = updated_map (samples.project);
  n_links = g_list_model_get_n_items (G_LIST_MODEL (map));
  g_assert_cmpuint (n_links, >=, 1);

  /* Exactly one copy: the Courier copies the Meridian wire. */
  copy = link_at (map, 0);
  g_assert_cmpstr (crb_reuse_link_get_kind (copy), ==, "copies");
  g_assert_cmpstr (crb_reuse_link_get_from_uuid (copy), ==, samples.uuids[SAMPLE_COURIER]);
  g_assert_cmpstr (crb_reuse_link_get_to_uuid (copy), ==, samples.uuids[SAMPLE_WIRE]);
  g_assert_true (crb_reuse_link_get_direction_known (copy));
  g_assert_cmpfloat (crb_reuse_link_get_confidence (copy), >=, 0.5);
  g_assert_cmpfloat (crb_reuse_link_get_to_coverage (copy), >, 0.8);
  g_assert_cmpstr (crb_reuse_link_get_status (copy), ==, "suggested");

  /* Everything else is the Watershed Monitor quoting the Courier and the
   * Gazette; the Russian original and its machine translation are a
   * translation, not text reuse, and the others are independent. */
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr (CrbReuseLink) link = link_at (map, i);
      const char *from = crb_reuse_link_get_from_uuid (link);
      const char *to = crb_reuse_link_get_to_uuid (link);

      if (g_str_equal (crb_reuse_link_get_kind (link), "copies"))
        {
          n_copies++;
          continue;
        }
      g_assert_cmpstr (crb_reuse_link_get_kind (link), ==, "cites");
      g_assert_cmpstr (from, ==, samples.uuids[SAMPLE_MONITOR]);
      g_assert_true (g_str_equal (to, samples.uuids[SAMPLE_COURIER]) ||
                     g_str_equal (to, samples.uuids[SAMPLE_GAZETTE]));
      g_assert_true (crb_reuse_link_get_direction_known (link));
    }
  g_assert_cmpuint (n_copies, ==, 1);
  g_assert_cmpuint (n_links, <=, 3);

  /* The three silent changes of the copy, and the credit it rewrote. */
  evidence = crb_reuse_map_compare_link (map, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_substitution (evidence, "nizhny tal", "brezhki")->count, ==, 3);
  g_assert_cmpuint (find_substitution (evidence, "pavel sokolov", "pyotr sokol")->count, ==, 1);
  g_assert_cmpuint (find_substitution (evidence, "3,200", "2,300")->count, ==, 1);
  g_assert_nonnull (find_substitution (evidence, "the courier", "meridian"));
  g_assert_cmpuint (evidence->substitutions->len, ==, 4);

  /* The Sources list learns which documents derive from another. */
  g_assert_true (crb_reuse_map_is_derived (map, samples.uuids[SAMPLE_COURIER]));
  g_assert_false (crb_reuse_map_is_derived (map, samples.uuids[SAMPLE_WIRE]));
  g_assert_false (crb_reuse_map_is_derived (map, samples.uuids[SAMPLE_MONITOR]));
  sources = crb_reuse_map_dup_sources (map, samples.uuids[SAMPLE_COURIER], NULL);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sources, 0), ==, samples.uuids[SAMPLE_WIRE]);

  /* Analysis writes nothing into the shared file. */
  rows = crb_project_list_relations (samples.project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_review (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbReuseMap) map = NULL;
  g_autoptr (CrbReuseLink) copy = NULL;
  g_autoptr (CrbReuseLink) rejected = NULL;
  g_autoptr (CrbReuseLink) again = NULL;
  g_autoptr (CrbReuseLink) confirmed = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autofree char *label = NULL;

  samples_load (&samples);
  map = updated_map (samples.project);
  copy = crb_reuse_map_find_link (map, samples.uuids[SAMPLE_WIRE], samples.uuids[SAMPLE_COURIER]);
  g_assert_nonnull (copy);

  /* Rejected: one row, the pair stays rejected through a re-analysis. */
  crb_assert_ok (crb_reuse_map_review (map, copy, "rejected", FALSE, &error));
  rows = crb_project_list_relations (samples.project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (crb_relation_get_status (g_ptr_array_index (rows, 0)), ==, "rejected");
  g_assert_cmpstr (crb_relation_get_from_document_uuid (g_ptr_array_index (rows, 0)), ==,
                   samples.uuids[SAMPLE_COURIER]);
  rejected =
      crb_reuse_map_find_link (map, samples.uuids[SAMPLE_WIRE], samples.uuids[SAMPLE_COURIER]);
  g_assert_cmpstr (crb_reuse_link_get_status (rejected), ==, "rejected");
  g_assert_false (crb_reuse_map_is_derived (map, samples.uuids[SAMPLE_COURIER]));
  crb_assert_ok (crb_reuse_map_update (map, NULL, &error));
  again = crb_reuse_map_find_link (map, samples.uuids[SAMPLE_WIRE], samples.uuids[SAMPLE_COURIER]);
  g_assert_cmpstr (crb_reuse_link_get_status (again), ==, "rejected");

  /* Confirmed the other way round: the analyst's direction wins, the
   * rejection is replaced in the same step, with the passages as evidence. */
  crb_assert_ok (crb_reuse_map_review (map, again, "confirmed", TRUE, &error));
  after = crb_project_list_relations (samples.project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (crb_relation_get_status (g_ptr_array_index (after, 0)), ==, "confirmed");
  g_assert_cmpstr (crb_relation_get_from_document_uuid (g_ptr_array_index (after, 0)), ==,
                   samples.uuids[SAMPLE_WIRE]);
  g_assert_true (g_str_has_prefix (crb_relation_get_evidence (g_ptr_array_index (after, 0)),
                                   "[{\"from_start\":"));
  confirmed =
      crb_reuse_map_find_link (map, samples.uuids[SAMPLE_WIRE], samples.uuids[SAMPLE_COURIER]);
  g_assert_cmpstr (crb_reuse_link_get_from_uuid (confirmed), ==, samples.uuids[SAMPLE_WIRE]);
  g_assert_cmpstr (crb_reuse_link_get_status (confirmed), ==, "confirmed");
  g_assert_true (crb_reuse_map_is_derived (map, samples.uuids[SAMPLE_WIRE]));

  crb_assert_ok (crb_project_undo (samples.project, &label, &error));
  g_assert_cmpstr (label, ==, "Confirm relation");
}

static void
count_changed (CrbReuseMap *map, guint *count)
{
  (*count)++;
}

static void
wait_idle (CrbReuseMap *map)
{
  for (guint i = 0; crb_reuse_map_get_busy (map) && i < 1000; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (crb_reuse_map_get_busy (map));
}

static void
test_background_and_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (NULL);
  g_autoptr (CrbReuseMap) map = NULL;
  g_autoptr (CrbReuseLink) copy = NULL;
  g_autofree char *wire_text = samples_read (SAMPLE_WIRE);
  g_autofree char *gazette_text = samples_read (SAMPLE_GAZETTE);
  g_autofree char *courier_text = samples_read (SAMPLE_COURIER);
  g_autofree char *wire = crb_test_add_document (project, "Meridian", wire_text);
  g_autofree char *gazette = crb_test_add_document (project, "Gazette", gazette_text);
  g_autofree char *courier = NULL;
  guint            changed = 0;

  map = crb_reuse_map_new (project);
  g_signal_connect (map, "changed", G_CALLBACK (count_changed), &changed);
  crb_reuse_map_start (map);
  g_assert_true (crb_reuse_map_get_busy (map));
  wait_idle (map);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (map)), ==, 0);

  /* An import is checked against the index on its own. */
  courier = crb_test_add_document (project, "Courier", courier_text);
  wait_idle (map);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (map)), ==, 1);
  copy = crb_reuse_map_find_link (map, wire, courier);
  g_assert_nonnull (copy);
  g_assert_cmpstr (crb_reuse_link_get_kind (copy), ==, "copies");

  /* Deleting a document takes its links away. */
  crb_assert_ok (crb_project_delete_record (project, "document", courier, &error));
  wait_idle (map);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (map)), ==, 0);
  crb_reuse_map_stop (map);
  g_assert_finalize_object (g_steal_pointer (&map));
}

static void
test_corpus (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbReuseMap) map = NULL;
  g_autoptr (CrbReuseLink) study = NULL;
  g_autoptr (CrbReuseLink) news = NULL;
  g_autoptr (CrbComparison) study_evidence = NULL;
  g_autoptr (CrbComparison) news_evidence = NULL;
  g_autofree char       *uuids[5] = { NULL };
  char                  *texts[5] = { NULL };
  const CrbSubstitution *region;

  if (!corpus_read (texts))
    {
      g_test_skip ("the shared corpus (CORROBORATE_SHARED_CORPUS) is not available");
      return;
    }
  project = crb_test_new_project (NULL);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("corpus %03u", i);

      uuids[i] = crb_test_add_document (project, title, texts[i]);
      g_free (texts[i]);
    }
  map = updated_map (project);

  /* 000 rewrites the study 004 summarises; 000 and 001 share a news
   * passage; nothing else. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (map)), ==, 2);
  study = crb_reuse_map_find_link (map, uuids[0], uuids[4]);
  news = crb_reuse_map_find_link (map, uuids[0], uuids[1]);
  g_assert_nonnull (study);
  g_assert_nonnull (news);

  study_evidence = crb_reuse_map_compare_link (map, study, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (study_evidence->passages->len, >=, 6);
  /* "Turkestan (Turkic Union)" in 000 wherever the study says "Central
   * Asia", whichever side 000 is on (no dates: the direction is unknown). */
  g_assert_false (crb_reuse_link_get_direction_known (study));
  region = g_str_equal (crb_reuse_link_get_from_uuid (study), uuids[0])
               ? find_substitution (study_evidence, "turkestan turkic union", "central asia")
               : find_substitution (study_evidence, "central asia", "turkestan turkic union");
  g_assert_nonnull (region);
  g_assert_cmpuint (region->kept, ==, 0);
  g_assert_cmpuint (region->a_total, >=, 10);
  g_assert_cmpuint (region->b_total, >=, 10);

  news_evidence = crb_reuse_map_compare_link (map, news, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (news_evidence->passages->len, >=, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crb/accounts/reuse-map/samples", test_samples_relations);
  g_test_add_func ("/crb/accounts/reuse-map/review", test_review);
  g_test_add_func ("/crb/accounts/reuse-map/background-and-import", test_background_and_import);
  g_test_add_func ("/crb/accounts/reuse-map/corpus", test_corpus);
  return g_test_run ();
}
