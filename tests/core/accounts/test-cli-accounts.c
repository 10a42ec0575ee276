/* test-cli-accounts.c: corroborate-cli's comparison verbs on the sample
 * project — reuse, compare, similar, accounts, entity mentions and
 * suggestions, quantities — driven as a subprocess
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "accounts-samples.h"
#include "cli-test-util.h"
#include "crb-claim.h"
#include "crb-entity.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-record.h"
#include "crb-test-project.h"

typedef struct
{
  CliFixture cli;
  Samples    samples;
  char      *claim; /* the wire's evacuation figure */
  char      *event;
} Fixture;

static char *
add_account (Samples *samples, Sample sample, const char *quote, const char *event,
             const char *facet)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = crb_project_add_claim_by_quote (
      samples->project, samples->uuids[sample], quote, 1, "claim", NULL, &error);
  g_autoptr (CrbEventClaim) link = NULL;

  g_assert_no_error (error);
  link = crb_project_link_claim_event (samples->project, crb_record_get_uuid (CRB_RECORD (claim)),
                                       event, facet, "supports", &error);
  g_assert_no_error (error);
  return g_strdup (crb_record_get_uuid (CRB_RECORD (claim)));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbFacet) dead = NULL;
  g_autoptr (CrbFacet) evacuated = NULL;
  g_autoptr (CrbEntity) kholodov = NULL;

  cli_fixture_set_up (&fixture->cli, data);
  samples_load (&fixture->samples);
  event = crb_project_add_event (fixture->samples.project, "Upper Ilmet dam collapse", "2026-04-18",
                                 NULL, "Korvash Region", NULL, &error);
  g_assert_no_error (error);
  fixture->event = g_strdup (crb_record_get_uuid (CRB_RECORD (event)));
  dead = crb_project_add_facet (fixture->samples.project, fixture->event, "dead", &error);
  g_assert_no_error (error);
  evacuated = crb_project_add_facet (fixture->samples.project, fixture->event, "evacuated", &error);
  g_assert_no_error (error);
  g_free (add_account (&fixture->samples, SAMPLE_WIRE, "At least 14 people were killed",
                       fixture->event, "dead"));
  g_free (add_account (&fixture->samples, SAMPLE_COURIER, "At least 14 people were killed",
                       fixture->event, "dead"));
  g_free (add_account (&fixture->samples, SAMPLE_GAZETTE, "About 20 people died", fixture->event,
                       "dead"));
  fixture->claim =
      add_account (&fixture->samples, SAMPLE_WIRE, "about 2,300 residents had been evacuated",
                   fixture->event, "evacuated");
  g_free (add_account (&fixture->samples, SAMPLE_COURIER,
                       "about 3,200 residents had been evacuated", fixture->event, "evacuated"));
  kholodov = crb_project_add_entity (fixture->samples.project, "person", "Yevgeny Kholodov", NULL,
                                     NULL, &error);
  g_assert_no_error (error);
  /* The command line opens the file on its own. */
  g_clear_object (&fixture->samples.project);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  samples_clear (&fixture->samples);
  g_free (fixture->claim);
  g_free (fixture->event);
  cli_fixture_tear_down (&fixture->cli, data);
}

static void
test_reuse (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) links = cli_run_json (&fixture->cli, "reuse", fixture->samples.path, NULL);
  g_autoptr (JsonNode) after = NULL;
  g_autofree char *out = NULL;
  JsonObject      *copy = cli_json_find (links, "kind", "copies");
  JsonArray       *substitutions;
  guint            n_copies = 0;

  g_assert_nonnull (copy);
  g_assert_cmpstr (json_object_get_string_member (copy, "from"), ==, "The National Courier");
  g_assert_cmpstr (json_object_get_string_member (copy, "to"), ==, "Meridian Press Agency");
  g_assert_true (json_object_get_boolean_member (copy, "direction_known"));
  g_assert_cmpstr (json_object_get_string_member (copy, "status"), ==, "suggested");
  substitutions = json_object_get_array_member (copy, "substitutions");
  g_assert_cmpuint (json_array_get_length (substitutions), ==, 4);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (substitutions, 0), "a"), ==,
      "nizhny tal");
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (substitutions, 0), "count"), ==,
      3);
  for (guint i = 0; i < cli_json_length (links); i++)
    n_copies +=
        g_str_equal (json_object_get_string_member (cli_json_element (links, i), "kind"), "copies");
  g_assert_cmpuint (n_copies, ==, 1);

  /* The analyst rejects it; the next listing says so. */
  out = cli_run_ok (&fixture->cli, "reuse", fixture->samples.path, "The National Courier",
                    "Meridian Press Agency", "--reject", NULL);
  after = cli_run_json (&fixture->cli, "reuse", fixture->samples.path, NULL);
  g_assert_cmpstr (
      json_object_get_string_member (cli_json_find (after, "kind", "copies"), "status"), ==,
      "rejected");
}

static void
test_compare (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = cli_run_json (&fixture->cli, "compare", fixture->samples.path,
                                            "Meridian Press Agency", "The National Courier", NULL);
  g_autoptr (CliRun) plain = NULL;
  JsonObject *comparison = json_node_get_object (root);
  JsonArray  *passages = json_object_get_array_member (comparison, "passages");

  g_assert_cmpfloat (json_object_get_double_member (comparison, "coverage_a"), >, 0.85);
  g_assert_cmpuint (json_array_get_length (passages), >=, 1);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (comparison, "substitutions")), ==, 4);

  plain = cli_run (&fixture->cli, "compare", fixture->samples.path, "Meridian Press Agency",
                   "The National Courier", NULL);
  g_assert_cmpint (plain->status, ==, 0);
  g_assert_nonnull (strstr (plain->out, "[-Brezhki-]{+Nizhny Tal+}"));
  g_assert_nonnull (strstr (plain->out, "2,300 → 3,200  ×1"));
}

static void
test_similar (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) matches =
      cli_run_json (&fixture->cli, "similar", fixture->samples.path, fixture->claim, NULL);
  g_autoptr (JsonNode) grid = NULL;
  JsonObject *first = cli_json_element (matches, 0);

  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "The National Courier");
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "edited");
  g_assert_true (json_object_get_boolean_member (first, "disagrees"));
  g_assert_nonnull (cli_json_find (matches, "title", "Vesti Priilmetya (machine translation)"));

  /* Adding them to the event puts the translation's figure in the grid. */
  g_free (cli_run_ok (&fixture->cli, "similar", fixture->samples.path, fixture->claim,
                      "--add-to-event", fixture->event, "--facet", "evacuated", NULL));
  grid = cli_run_json (&fixture->cli, "accounts", fixture->samples.path, fixture->event, NULL);
  g_assert_nonnull (cli_json_find (json_object_get_member (json_node_get_object (grid), "sources"),
                                   "title", "Vesti Priilmetya (machine translation)"));
}

static void
test_accounts (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = cli_run_json (&fixture->cli, "accounts", fixture->samples.path,
                                            "Upper Ilmet dam collapse", NULL);
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autoptr (CliRun) both = NULL;
  JsonObject *grid = json_node_get_object (root);
  JsonNode   *facets = json_object_get_member (grid, "facets");
  JsonObject *dead = cli_json_find (facets, "name", "dead");
  JsonObject *evacuated = cli_json_find (facets, "name", "evacuated");
  JsonObject *courier =
      cli_json_find (json_object_get_member (grid, "sources"), "title", "The National Courier");
  JsonObject *account;

  g_assert_cmpint (json_object_get_int_member (dead, "sources"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (dead, "independent"), ==, 2);
  g_assert_false (json_object_get_boolean_member (dead, "disagreement"));
  g_assert_true (json_object_get_boolean_member (evacuated, "disagreement"));
  account = cli_json_find (json_object_get_member (courier, "accounts"), "facet", "evacuated");
  g_assert_nonnull (account);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (account, "value"), "label"), ==,
      "≈ 3,200 people");
  g_assert_nonnull (json_object_get_string_member (account, "copied_from"));

  markdown = cli_run_ok (&fixture->cli, "accounts", fixture->samples.path, fixture->event,
                         "--markdown", NULL);
  g_assert_true (g_str_has_prefix (markdown, "# Upper Ilmet dam collapse"));
  g_assert_nonnull (strstr (markdown, "| **Independent sources** | 2 of 3 | 1 of 2 |"));
  html =
      cli_run_ok (&fixture->cli, "accounts", fixture->samples.path, fixture->event, "--html", NULL);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  both = cli_run (&fixture->cli, "accounts", fixture->samples.path, fixture->event, "--html",
                  "--json", NULL);
  cli_assert_failed (both, 2, "one of");
}

static void
test_entities (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) mentions =
      cli_run_json (&fixture->cli, "entity", "mentions", fixture->samples.path, "--detect", NULL);
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (JsonNode) suggestions = NULL;
  JsonObject *root;

  g_assert_cmpuint (cli_json_length (mentions), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (cli_json_element (mentions, 0), "status"), ==,
                   "suggested");
  again = cli_run_json (&fixture->cli, "entity", "mentions", fixture->samples.path,
                        "Yevgeny Kholodov", "--detect", NULL);
  g_assert_cmpuint (cli_json_length (again), ==, 4);

  suggestions = cli_run_json (&fixture->cli, "entity", "suggest", fixture->samples.path, NULL);
  root = json_node_get_object (suggestions);
  g_assert_nonnull (
      cli_json_find (json_object_get_member (root, "aliases"), "variant", "Evgeniy Holodov"));
  g_assert_nonnull (cli_json_find (json_object_get_member (root, "entities"), "name", "Brezhki"));
}

static void
test_quantities (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) values = cli_run_json (
      &fixture->cli, "quantities", "about 2,300 residents; at about 04:40; около 4:30", NULL);
  g_autoptr (CliRun) missing = NULL;

  g_assert_cmpuint (cli_json_length (values), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (cli_json_element (values, 0), "label"), ==,
                   "≈ 2,300 people");
  g_assert_cmpstr (json_object_get_string_member (cli_json_element (values, 0), "qualifier"), ==,
                   "about");
  g_assert_cmpstr (json_object_get_string_member (cli_json_element (values, 1), "unit"), ==,
                   "time");
  g_assert_cmpfloat (json_object_get_double_member (cli_json_element (values, 2), "value"), ==,
                     270);
  missing = cli_run (&fixture->cli, "quantities", NULL);
  cli_assert_failed (missing, 2, "needs");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/crb/accounts/cli/reuse", test_reuse);
  ADD ("/crb/accounts/cli/compare", test_compare);
  ADD ("/crb/accounts/cli/similar", test_similar);
  ADD ("/crb/accounts/cli/accounts", test_accounts);
  ADD ("/crb/accounts/cli/entities", test_entities);
  ADD ("/crb/accounts/cli/quantities", test_quantities);
#undef ADD
  return g_test_run ();
}
