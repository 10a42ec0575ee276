/* test-accounts.c: the accounts grid of the sample project's dam collapse
 * — normalised figures, disagreements, copied accounts counted once,
 * independent sources per facet — and its briefings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "accounts-samples.h"
#include "crb-accounts.h"
#include "crb-briefing.h"
#include "crb-claim.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-record.h"
#include "crb-relation.h"
#include "crb-reuse-map.h"
#include "crb-test-project.h"

enum
{
  DEAD,
  MISSING,
  EVACUATED,
  BREACH_TIME,
  N_FACETS
};

static const char *const facet_names[N_FACETS] = { "dead", "missing", "evacuated", "breach time" };

/* What each source says, by facet (quotes as they appear in the text). */
static const struct
{
  Sample      sample;
  guint       facet;
  const char *quote;
} accounts[] = {
  { SAMPLE_WIRE, DEAD, "At least 14 people were killed" },
  { SAMPLE_WIRE, MISSING, "Six people were still missing" },
  { SAMPLE_WIRE, EVACUATED, "about 2,300 residents had been evacuated" },
  { SAMPLE_WIRE, BREACH_TIME, "at about 04:40 local time" },
  { SAMPLE_COURIER, DEAD, "At least 14 people were killed" },
  { SAMPLE_COURIER, MISSING, "Six people were still missing" },
  { SAMPLE_COURIER, EVACUATED, "about 3,200 residents had been evacuated" },
  { SAMPLE_COURIER, BREACH_TIME, "at about 04:40 local time" },
  { SAMPLE_GAZETTE, DEAD, "About 20 people died" },
  { SAMPLE_GAZETTE, EVACUATED, "More than 2,000 people have spent the day" },
  { SAMPLE_GAZETTE, BREACH_TIME, "It was 03:52" },
  { SAMPLE_VESTI_RU, DEAD, "погибли не менее 14 человек" },
  { SAMPLE_VESTI_MT, DEAD, "perished not less than 14 persons" },
  { SAMPLE_VESTI_MT, MISSING, "still nine are listed as missing" },
  { SAMPLE_VESTI_MT, BREACH_TIME, "occurred about 4:30 on local time" },
  { SAMPLE_KORVASH24, DEAD, "has risen to 16" },
  { SAMPLE_KORVASH24, MISSING, "Seven people are still missing" },
  { SAMPLE_KORVASH24, EVACUATED, "2,450 people are now in temporary accommodation" },
};

typedef struct
{
  Samples samples;
  char   *event;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEvent) event = NULL;

  samples_load (&fixture->samples);
  event = crb_project_add_event (
      fixture->samples.project, "Upper Ilmet dam collapse", "2026-04-18", NULL, "Korvash Region",
      "The spillway section of an earth-fill dam <34 m> gave way.", &error);
  g_assert_no_error (error);
  fixture->event = g_strdup (crb_record_get_uuid (CRB_RECORD (event)));
  for (guint f = 0; f < N_FACETS; f++)
    {
      g_autoptr (CrbFacet) facet =
          crb_project_add_facet (fixture->samples.project, fixture->event, facet_names[f], &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr (CrbClaim) claim = NULL;
      g_autoptr (CrbEventClaim) link = NULL;

      claim = crb_project_add_claim_by_quote (fixture->samples.project,
                                              fixture->samples.uuids[accounts[i].sample],
                                              accounts[i].quote, 1, "claim", NULL, &error);
      g_assert_no_error (error);
      link = crb_project_link_claim_event (fixture->samples.project,
                                           crb_record_get_uuid (CRB_RECORD (claim)), fixture->event,
                                           facet_names[accounts[i].facet], "supports", &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  samples_clear (&fixture->samples);
  g_free (fixture->event);
}

static guint
row_of (CrbAccountsGrid *grid, const char *uuid)
{
  for (guint i = 0; i < grid->sources->len; i++)
    if (g_str_equal (((CrbAccountsSource *) g_ptr_array_index (grid->sources, i))->document_uuid,
                     uuid))
      return i;
  g_error ("no row for %s", uuid);
}

static CrbAccount *
account_of (CrbAccountsGrid *grid, Fixture *fixture, Sample sample, guint facet)
{
  GPtrArray *cell =
      crb_accounts_grid_get_cell (grid, row_of (grid, fixture->samples.uuids[sample]), facet);

  g_assert_cmpuint (cell->len, ==, 1);
  return g_ptr_array_index (cell, 0);
}

static CrbAccountsFacet *
facet_at (CrbAccountsGrid *grid, guint facet)
{
  return g_ptr_array_index (grid->facets, facet);
}

static void
check_grid (CrbAccountsGrid *grid, Fixture *fixture)
{
  const char *wire = fixture->samples.uuids[SAMPLE_WIRE];
  CrbAccount *account;

  /* Facets are the columns (no account speaks of the event as a whole),
   * the six sources with accounts the rows, the earliest first. */
  g_assert_cmpuint (grid->facets->len, ==, N_FACETS);
  g_assert_cmpstr (facet_at (grid, BREACH_TIME)->name, ==, "breach time");
  g_assert_cmpuint (grid->sources->len, ==, 6);
  g_assert_cmpstr (((CrbAccountsSource *) g_ptr_array_index (grid->sources, 0))->document_uuid, ==,
                   wire);

  /* Dead: 14 (at least) / about 20 / 16 — the Gazette and Korvash 24
   * cannot both be right; the Courier's copy counts once. */
  account = account_of (grid, fixture, SAMPLE_WIRE, DEAD);
  g_assert_true (account->has_value);
  g_assert_cmpstr (account->value_label, ==, "≥ 14 people");
  g_assert_cmpint (account->value.qualifier, ==, CRB_QUALIFIER_AT_LEAST);
  g_assert_false (account->disagrees);
  g_assert_null (account->copied_from);
  account = account_of (grid, fixture, SAMPLE_COURIER, DEAD);
  g_assert_cmpstr (account->copied_from, ==, wire);
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_GAZETTE, DEAD)->value_label, ==,
                   "≈ 20 people");
  g_assert_true (account_of (grid, fixture, SAMPLE_GAZETTE, DEAD)->disagrees);
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_KORVASH24, DEAD)->value_label, ==, "16");
  g_assert_true (account_of (grid, fixture, SAMPLE_KORVASH24, DEAD)->disagrees);
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_VESTI_MT, DEAD)->value_label, ==,
                   "≥ 14 people");
  g_assert_true (facet_at (grid, DEAD)->disagreement);
  g_assert_cmpuint (facet_at (grid, DEAD)->n_sources, ==, 6);

  /* Missing: 6 / 7, and a clumsy "nine" without a figure to read. */
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_WIRE, MISSING)->value_label, ==, "6 people");
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_KORVASH24, MISSING)->value_label, ==,
                   "7 people");
  g_assert_false (account_of (grid, fixture, SAMPLE_VESTI_MT, MISSING)->has_value);
  g_assert_true (facet_at (grid, MISSING)->disagreement);
  g_assert_cmpuint (facet_at (grid, MISSING)->n_sources, ==, 4);
  g_assert_cmpuint (facet_at (grid, MISSING)->n_independent, ==, 3);

  /* Evacuated: the Courier's copy changed the figure: still one account,
   * but flagged against its own source. */
  account = account_of (grid, fixture, SAMPLE_COURIER, EVACUATED);
  g_assert_cmpstr (account->value_label, ==, "≈ 3,200 people");
  g_assert_cmpstr (account->copied_from, ==, wire);
  g_assert_true (account->disagrees);
  g_assert_true (account_of (grid, fixture, SAMPLE_WIRE, EVACUATED)->disagrees);
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_GAZETTE, EVACUATED)->value_label, ==,
                   "> 2,000 people");
  g_assert_false (account_of (grid, fixture, SAMPLE_GAZETTE, EVACUATED)->disagrees);
  g_assert_cmpuint (facet_at (grid, EVACUATED)->n_sources, ==, 4);
  g_assert_cmpuint (facet_at (grid, EVACUATED)->n_independent, ==, 3);

  /* Breach time: about 04:40 / 03:52 / about 4:30. */
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_WIRE, BREACH_TIME)->value_label, ==,
                   "≈ 04:40");
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_GAZETTE, BREACH_TIME)->value_label, ==,
                   "03:52");
  g_assert_cmpstr (account_of (grid, fixture, SAMPLE_VESTI_MT, BREACH_TIME)->value_label, ==,
                   "≈ 04:30");
  g_assert_true (account_of (grid, fixture, SAMPLE_GAZETTE, BREACH_TIME)->disagrees);
  g_assert_false (account_of (grid, fixture, SAMPLE_VESTI_MT, BREACH_TIME)->disagrees &&
                  account_of (grid, fixture, SAMPLE_WIRE, BREACH_TIME)->disagrees &&
                  !account_of (grid, fixture, SAMPLE_GAZETTE, BREACH_TIME)->disagrees);
  g_assert_true (facet_at (grid, BREACH_TIME)->disagreement);
  g_assert_cmpuint (facet_at (grid, BREACH_TIME)->n_independent, ==, 3);

  /* The Courier takes text from the wire; nobody else copies. */
  g_assert_cmpuint (((CrbAccountsSource *) g_ptr_array_index (
                         grid->sources, row_of (grid, fixture->samples.uuids[SAMPLE_COURIER])))
                        ->copies->len,
                    ==, 1);
  g_assert_cmpuint (((CrbAccountsSource *) g_ptr_array_index (grid->sources, 0))->copies->len, ==,
                    0);
}

static void
test_grid (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbAccountsGrid) grid = NULL;

  grid = crb_project_build_accounts (fixture->samples.project, "Upper Ilmet dam collapse", NULL,
                                     &error);
  g_assert_no_error (error);
  check_grid (grid, fixture);
  /* The Russian original and its translation are two accounts until an
   * analyst records the translation. */
  g_assert_cmpuint (facet_at (grid, DEAD)->n_independent, ==, 5);
}

static void
test_grid_with_map (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbReuseMap) map = crb_reuse_map_new (fixture->samples.project);
  g_autoptr (CrbAccountsGrid) grid = NULL;

  crb_assert_ok (crb_reuse_map_update (map, NULL, &error));
  grid = crb_project_build_accounts (fixture->samples.project, fixture->event, map, &error);
  g_assert_no_error (error);
  check_grid (grid, fixture);
  g_assert_cmpuint (facet_at (grid, DEAD)->n_independent, ==, 5);
}

static void
test_decisions_count (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbRelation) translation = NULL;
  g_autoptr (CrbRelation) rejected = NULL;
  g_autoptr (CrbAccountsGrid) translated = NULL;
  g_autoptr (CrbAccountsGrid) independent = NULL;
  CrbProject *project = fixture->samples.project;

  /* A confirmed translation makes the two Vesti accounts one. */
  translation = crb_project_add_relation (project, fixture->samples.uuids[SAMPLE_VESTI_MT],
                                          fixture->samples.uuids[SAMPLE_VESTI_RU], "translates",
                                          NULL, "confirmed", &error);
  g_assert_no_error (error);
  translated = crb_project_build_accounts (project, fixture->event, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facet_at (translated, DEAD)->n_independent, ==, 4);
  g_assert_cmpstr (account_of (translated, fixture, SAMPLE_VESTI_MT, DEAD)->copied_from, ==,
                   fixture->samples.uuids[SAMPLE_VESTI_RU]);
  /* The translation's own "missing" has nothing in the original to repeat. */
  g_assert_null (account_of (translated, fixture, SAMPLE_VESTI_MT, MISSING)->copied_from);

  /* An analyst who rejects the copy gets the Courier counted on its own. */
  rejected = crb_project_add_relation (project, fixture->samples.uuids[SAMPLE_COURIER],
                                       fixture->samples.uuids[SAMPLE_WIRE], "copies", NULL,
                                       "rejected", &error);
  g_assert_no_error (error);
  independent = crb_project_build_accounts (project, fixture->event, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (account_of (independent, fixture, SAMPLE_COURIER, DEAD)->copied_from);
  g_assert_cmpuint (facet_at (independent, DEAD)->n_independent, ==, 5);
  g_assert_cmpuint (facet_at (independent, MISSING)->n_independent, ==, 4);
}

static void
test_briefings (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbAccountsGrid) grid = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;

  grid = crb_project_build_accounts (fixture->samples.project, fixture->event, NULL, &error);
  g_assert_no_error (error);
  markdown = crb_accounts_grid_to_markdown (grid);
  g_test_message ("%s", markdown);
  g_assert_true (g_str_has_prefix (markdown, "# Upper Ilmet dam collapse\n"));
  g_assert_nonnull (strstr (markdown, "| Source | dead | missing | evacuated | breach time |"));
  g_assert_nonnull (strstr (markdown, "| Meridian Press Agency | ≥ 14 people | ⚠ 6 people | ⚠ ≈ "
                                      "2,300 people | ⚠ ≈ 04:40 |"));
  g_assert_nonnull (strstr (markdown, "| \\> 2,000 people |"));
  g_assert_nonnull (strstr (markdown, "≥ 14 people _(copy of Meridian Press Agency)_"));
  g_assert_nonnull (strstr (markdown, "⚠ ≈ 20 people"));
  g_assert_nonnull (
      strstr (markdown, "| **Independent sources** | 5 of 6 | 3 of 4 | 3 of 4 | 3 of 4 |"));
  g_assert_nonnull (strstr (markdown, "\\<34 m\\>"));
  g_assert_true (g_utf8_validate (markdown, -1, NULL));

  html = crb_accounts_grid_to_html (grid);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<th>breach time</th>"));
  g_assert_nonnull (strstr (html, "earth-fill dam &lt;34 m&gt; gave way"));
  g_assert_nonnull (strstr (html, "<td class=\"disagrees\">disagree</td>"));
  /* Self-contained: nothing to fetch, nothing to run. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "src="));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
}

/* Claims about the event as a whole answer no one question: a toll and a
 * count of evacuees (both "people") are shown but never flagged. */
static void
test_whole_event_not_compared (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEvent) event = crb_project_add_event (fixture->samples.project, "Evacuation",
                                                      "2026-04-18", NULL, NULL, NULL, &error);
  static const struct
  {
    Sample      sample;
    const char *quote;
  } loose[] = {
    { SAMPLE_KORVASH24, "has risen to 16" },
    { SAMPLE_WIRE, "about 2,300 residents had been evacuated" },
  };
  g_autoptr (CrbAccountsGrid) grid = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (loose); i++)
    {
      g_autoptr (CrbClaim) claim = crb_project_add_claim_by_quote (
          fixture->samples.project, fixture->samples.uuids[loose[i].sample], loose[i].quote, 1,
          "claim", NULL, &error);
      g_autoptr (CrbEventClaim) link = NULL;

      g_assert_no_error (error);
      link = crb_project_link_claim_event (
          fixture->samples.project, crb_record_get_uuid (CRB_RECORD (claim)),
          crb_record_get_uuid (CRB_RECORD (event)), NULL, "supports", &error);
      g_assert_no_error (error);
    }
  grid = crb_project_build_accounts (fixture->samples.project,
                                     crb_record_get_uuid (CRB_RECORD (event)), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grid->facets->len, ==, 1);
  g_assert_null (((CrbAccountsFacet *) g_ptr_array_index (grid->facets, 0))->facet_uuid);
  g_assert_cmpuint (((CrbAccountsFacet *) g_ptr_array_index (grid->facets, 0))->n_sources, ==, 2);
  g_assert_false (((CrbAccountsFacet *) g_ptr_array_index (grid->facets, 0))->disagreement);
  for (guint s = 0; s < grid->sources->len; s++)
    {
      GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, 0);

      g_assert_cmpuint (cell->len, ==, 1);
      g_assert_true (((CrbAccount *) g_ptr_array_index (cell, 0))->has_value);
      g_assert_false (((CrbAccount *) g_ptr_array_index (cell, 0))->disagrees);
    }
}

static void
test_values (void)
{
  static const struct
  {
    const char *text;
    const char *label;
  } cases[] = {
    { "at about 04:40 local time", "≈ 04:40" },
    { "около 4:30 по местному времени", "≈ 04:30" },
    { "It was 03:52.", "03:52" },
    { "before 5:15", "< 05:15" },
    { "1.4 billion marks", "1.4 billion" },
    { "more than 2,000 people", "> 2,000 people" },
    { "at least 18 percent", "≥ 18%" },
    { "from 10 to 20 people", "10–20 people" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GArray) values = crb_accounts_find_values (cases[i].text);
      g_autofree char *label = NULL;

      g_assert_cmpuint (values->len, ==, 1);
      label = crb_accounts_value_label (&g_array_index (values, CrbQuantity, 0));
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_compare_times (void)
{
  g_autoptr (GArray) official = crb_accounts_find_values ("at about 04:40");
  g_autoptr (GArray) witness = crb_accounts_find_values ("It was 03:52");
  g_autoptr (GArray) vesti = crb_accounts_find_values ("около 4:30");
  g_autoptr (GArray) count = crb_accounts_find_values ("14 people");
  const CrbQuantity *a = &g_array_index (official, CrbQuantity, 0);
  const CrbQuantity *b = &g_array_index (witness, CrbQuantity, 0);
  const CrbQuantity *c = &g_array_index (vesti, CrbQuantity, 0);

  g_assert_cmpint (crb_accounts_compare_values (a, a), ==, CRB_QUANTITY_AGREE);
  g_assert_cmpint (crb_accounts_compare_values (a, c), ==, CRB_QUANTITY_COMPATIBLE);
  g_assert_cmpint (crb_accounts_compare_values (a, b), ==, CRB_QUANTITY_DISAGREE);
  g_assert_cmpint (crb_accounts_compare_values (b, c), ==, CRB_QUANTITY_DISAGREE);
  g_assert_cmpint (crb_accounts_compare_values (a, &g_array_index (count, CrbQuantity, 0)), ==,
                   CRB_QUANTITY_INCOMPARABLE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/crb/accounts/grid/dam-collapse", Fixture, NULL, fixture_set_up, test_grid,
              fixture_tear_down);
  g_test_add ("/crb/accounts/grid/with-reuse-map", Fixture, NULL, fixture_set_up,
              test_grid_with_map, fixture_tear_down);
  g_test_add ("/crb/accounts/grid/decisions-count", Fixture, NULL, fixture_set_up,
              test_decisions_count, fixture_tear_down);
  g_test_add ("/crb/accounts/grid/briefings", Fixture, NULL, fixture_set_up, test_briefings,
              fixture_tear_down);
  g_test_add ("/crb/accounts/grid/whole-event-not-compared", Fixture, NULL, fixture_set_up,
              test_whole_event_not_compared, fixture_tear_down);
  g_test_add_func ("/crb/accounts/values/labels", test_values);
  g_test_add_func ("/crb/accounts/values/compare-times", test_compare_times);
  return g_test_run ();
}
