/* test-similar.c: a claim found across sources — copies, edited copies and
 * paraphrases, ranked with their evidence, and added to an event at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "accounts-samples.h"
#include "crb-claim.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-record.h"
#include "crb-similar.h"
#include "crb-test-project.h"
#include "crb-word-diff.h"

static void
show (GPtrArray *matches)
{
  for (guint i = 0; i < matches->len; i++)
    {
      const CrbSimilarMatch *match = g_ptr_array_index (matches, i);
      g_autofree char       *numbers = NULL;

      g_ptr_array_add (match->shared_numbers, NULL);
      numbers = g_strjoinv ("; ", (char **) match->shared_numbers->pdata);
      g_ptr_array_remove_index (match->shared_numbers, match->shared_numbers->len - 1);
      g_test_message ("%.3f %s %s: «%s» [%s]", match->score,
                      crb_similar_kind_to_string (match->kind), match->title, match->exact,
                      numbers);
    }
}

static const CrbSimilarMatch *
match_in (GPtrArray *matches, const char *uuid)
{
  for (guint i = 0; i < matches->len; i++)
    if (g_str_equal (((CrbSimilarMatch *) g_ptr_array_index (matches, i))->document_uuid, uuid))
      return g_ptr_array_index (matches, i);
  return NULL;
}

/* The match in one document, which must be there. */
static const CrbSimilarMatch *
expect_match (GPtrArray *matches, const char *uuid)
{
  const CrbSimilarMatch *match = match_in (matches, uuid);

  if (match == NULL)
    g_error ("no match in document %s", uuid);
  return match;
}

static gboolean
contains (GPtrArray *strings, const char *needle)
{
  for (guint i = 0; i < strings->len; i++)
    if (strstr (g_ptr_array_index (strings, i), needle))
      return TRUE;
  return FALSE;
}

static void
test_samples (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  const CrbSimilarMatch *courier, *translation;

  samples_load (&samples);
  claim = crb_project_add_claim_by_quote (samples.project, samples.uuids[SAMPLE_WIRE],
                                          "about 2,300 residents had been evacuated from "
                                          "low-lying districts",
                                          1, "claim", NULL, &error);
  g_assert_no_error (error);
  matches = crb_project_find_similar (samples.project, crb_record_get_uuid (CRB_RECORD (claim)), 0,
                                      &error);
  g_assert_no_error (error);
  show (matches);
  g_assert_cmpuint (matches->len, >=, 3);
  g_assert_null (match_in (matches, samples.uuids[SAMPLE_WIRE]));

  /* The Courier's copy, with its changed figure, ranks first. */
  courier = g_ptr_array_index (matches, 0);
  g_assert_cmpstr (courier->document_uuid, ==, samples.uuids[SAMPLE_COURIER]);
  g_assert_cmpint (courier->kind, ==, CRB_SIMILAR_EDITED);
  g_assert_cmpstr (courier->exact, ==,
                   "about 3,200 residents had been evacuated from low-lying districts");
  g_assert_true (courier->disagrees);
  g_assert_true (contains (courier->shared_numbers, "2,300 residents ≠ about 3,200 residents"));
  g_assert_cmpuint (courier->n_aligned, ==, courier->n_claim_words - 1);

  /* The machine translation says it in other words, with the same figure. */
  translation = expect_match (matches, samples.uuids[SAMPLE_VESTI_MT]);
  g_assert_cmpint (translation->kind, ==, CRB_SIMILAR_PARAPHRASE);
  g_assert_true (strstr (translation->exact, "evacuated 2300 inhabitants") != NULL);
  g_assert_false (translation->disagrees);
  g_assert_true (contains (translation->shared_numbers, "≈ 2300 inhabitants") ||
                 contains (translation->shared_numbers, "= 2300 inhabitants"));
  g_assert_true (contains (translation->shared_words, "evacuated"));
  g_assert_cmpfloat (translation->score, <, courier->score);

  /* The Russian original is another language, out of reach of words. */
  g_assert_null (match_in (matches, samples.uuids[SAMPLE_VESTI_RU]));

  for (guint i = 1; i < matches->len; i++)
    g_assert_cmpfloat (((CrbSimilarMatch *) g_ptr_array_index (matches, i - 1))->score, >=,
                       ((CrbSimilarMatch *) g_ptr_array_index (matches, i))->score);
}

static void
test_verbatim (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  const CrbSimilarMatch *first;

  samples_load (&samples);
  claim = crb_project_add_claim_by_quote (samples.project, samples.uuids[SAMPLE_WIRE],
                                          "At least 14 people were killed and 31 injured", 1,
                                          "claim", NULL, &error);
  g_assert_no_error (error);
  matches = crb_project_find_similar (samples.project, crb_record_get_uuid (CRB_RECORD (claim)), 5,
                                      &error);
  g_assert_no_error (error);
  show (matches);
  g_assert_cmpuint (matches->len, <=, 5);
  first = g_ptr_array_index (matches, 0);
  g_assert_cmpstr (first->document_uuid, ==, samples.uuids[SAMPLE_COURIER]);
  g_assert_cmpint (first->kind, ==, CRB_SIMILAR_VERBATIM);
  g_assert_cmpfloat (first->score, ==, 1.0);
  g_assert_cmpstr (first->exact, ==, "At least 14 people were killed and 31 injured");
  g_assert_cmpuint (first->runs->len, ==, 1);
  g_assert_cmpint (g_array_index (first->runs, CrbWordDiffRun, 0).kind, ==, CRB_ALIGN_EQUAL);
}

static const char *const paraphrase_texts[] = {
  "Valley report\n\nOfficials said 14 dead after the dam burst on Saturday, and the road to the "
  "valley was closed.",
  "Regional news\n\nThe river rose within minutes. At least 14 people died when the dam failed, "
  "officials said. Fourteen schools were closed for the week. The dam held 48 million cubic "
  "metres of water. The governor visited the valley.",
  "Sports\n\nThe home side won 14 to 3 on Saturday after a late goal.",
};

static void
test_paraphrase (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (NULL);
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  g_autofree char       *uuids[3] = { NULL };
  const CrbSimilarMatch *best;

  for (guint i = 0; i < G_N_ELEMENTS (paraphrase_texts); i++)
    {
      g_autofree char *title = g_strdup_printf ("report %u", i);

      uuids[i] = crb_test_add_document (project, title, paraphrase_texts[i]);
    }
  claim = crb_project_add_claim_by_quote (project, uuids[0], "14 dead after the dam burst", 1,
                                          "claim", NULL, &error);
  g_assert_no_error (error);
  matches = crb_project_find_similar (project, crb_record_get_uuid (CRB_RECORD (claim)), 0, &error);
  g_assert_no_error (error);
  show (matches);
  g_assert_cmpuint (matches->len, >=, 1);
  best = g_ptr_array_index (matches, 0);
  g_assert_cmpstr (best->document_uuid, ==, uuids[1]);
  g_assert_cmpint (best->kind, ==, CRB_SIMILAR_PARAPHRASE);
  g_assert_true (g_str_has_prefix (best->exact, "At least 14 people died when the dam failed"));
  g_assert_true (contains (best->shared_numbers, "14"));
  g_assert_true (contains (best->shared_words, "dam"));
  g_assert_true (contains (best->shared_words, "dead"));
  /* The sports result shares a figure and a day, not the event. */
  g_assert_null (match_in (matches, uuids[2]));
}

static void
test_link_to_event (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbFacet) facet = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GPtrArray) after_undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *label = NULL;
  guint            supports = 0, partial = 0;

  samples_load (&samples);
  claim = crb_project_add_claim_by_quote (samples.project, samples.uuids[SAMPLE_WIRE],
                                          "about 2,300 residents had been evacuated", 1, "claim",
                                          NULL, &error);
  g_assert_no_error (error);
  event = crb_project_add_event (samples.project, "Upper Ilmet dam collapse", "2026-04-18", NULL,
                                 "Korvash Region", NULL, &error);
  g_assert_no_error (error);
  facet = crb_project_add_facet (samples.project, crb_record_get_uuid (CRB_RECORD (event)),
                                 "evacuated", &error);
  g_assert_no_error (error);
  matches = crb_project_find_similar (samples.project, crb_record_get_uuid (CRB_RECORD (claim)), 0,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, >=, 2);

  before = crb_test_dump (samples.project);
  crb_assert_ok (
      crb_project_link_similar (samples.project, crb_record_get_uuid (CRB_RECORD (claim)), matches,
                                crb_record_get_uuid (CRB_RECORD (event)), "evacuated", &error));
  links = crb_project_list_event_claims (samples.project, crb_record_get_uuid (CRB_RECORD (event)),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, matches->len + 1);
  for (guint i = 0; i < links->len; i++)
    {
      CrbEventClaim *link = g_ptr_array_index (links, i);

      g_assert_cmpstr (crb_event_claim_get_facet_name (link), ==, "evacuated");
      if (g_str_equal (crb_event_claim_get_stance (link), "supports"))
        supports++;
      else
        {
          g_assert_cmpstr (crb_event_claim_get_stance (link), ==, "partial");
          partial++;
        }
    }
  /* The wire's own claim supports; the Courier's changed figure and the
   * paraphrases are partial. */
  g_assert_cmpuint (supports, >=, 1);
  g_assert_cmpuint (partial, >=, 2);

  /* Doing it again adds nothing; one undo takes all of it away. */
  crb_assert_ok (
      crb_project_link_similar (samples.project, crb_record_get_uuid (CRB_RECORD (claim)), matches,
                                crb_record_get_uuid (CRB_RECORD (event)), "evacuated", &error));
  crb_assert_ok (crb_project_undo (samples.project, &label, &error));
  g_assert_cmpstr (label, ==, "Add matches to event");
  restored = crb_test_dump (samples.project);
  g_assert_cmpstr (before, ==, restored);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crb/accounts/similar/samples", test_samples);
  g_test_add_func ("/crb/accounts/similar/verbatim", test_verbatim);
  g_test_add_func ("/crb/accounts/similar/paraphrase", test_paraphrase);
  g_test_add_func ("/crb/accounts/similar/link-to-event", test_link_to_event);
  return g_test_run ();
}
