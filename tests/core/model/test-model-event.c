/* test-model-event.c: events, facets and claims as accounts of events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "model-fixture.h"

#define TEXT_A "The Ilmet dam failed at dawn on 3 May. Officials counted 41 dead."
#define TEXT_B "Volunteers said at least 60 people died when the dam broke overnight."

static const char *
uuid_of (gpointer record)
{
  return crb_record_get_uuid (CRB_RECORD (record));
}

static CrbEvent *
add_event (CrbProject *project, const char *title, const char *start, const char *end)
{
  g_autoptr (GError) error = NULL;
  CrbEvent *event = crb_project_add_event (project, title, start, end, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static CrbFacet *
add_facet (CrbProject *project, CrbEvent *event, const char *name)
{
  g_autoptr (GError) error = NULL;
  CrbFacet *facet = crb_project_add_facet (project, uuid_of (event), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (facet);
  return facet;
}

static CrbClaim *
add_claim (CrbProject *project, const char *document, const char *quote)
{
  g_autoptr (GError) error = NULL;
  CrbClaim *claim = crb_project_add_claim_by_quote (project, document, quote, 1, NULL, NULL,
                                                    &error);

  g_assert_no_error (error);
  return claim;
}

static CrbEventClaim *
link_account (CrbProject *project, CrbClaim *claim, CrbEvent *event, CrbFacet *facet, const char *stance)
{
  g_autoptr (GError) error = NULL;
  CrbEventClaim *result = crb_project_link_claim_event (project, uuid_of (claim), uuid_of (event),
                                                        facet ? uuid_of (facet) : NULL, stance,
                                                        &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_new_and_destroy (void)
{
  GType types[] = { CRB_TYPE_EVENT, CRB_TYPE_FACET, CRB_TYPE_EVENT_CLAIM };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GObject *object = g_object_new (types[i], NULL);

      g_assert_true (CRB_IS_RECORD (object));
      g_assert_finalize_object (object);
    }
}

static void
test_loaded_and_destroy (ModelFixture *fixture, gconstpointer data)
{
  g_autofree char *document = crb_test_add_document (fixture->project, "Gazette", TEXT_A);
  CrbEvent *event = add_event (fixture->project, "Dam collapse", NULL, NULL);
  CrbFacet *facet = add_facet (fixture->project, event, "How many died");
  CrbClaim *claim = add_claim (fixture->project, document, "counted 41 dead");
  CrbEventClaim *account = link_account (fixture->project, claim, event, facet, "supports");

  g_assert_finalize_object (account);
  g_assert_finalize_object (claim);
  g_assert_finalize_object (facet);
  g_assert_finalize_object (event);
}

static void
test_add (ModelFixture *fixture, gconstpointer data)
{
  static const char *bad[][2] = {
    { "2024-13-01", NULL }, { "May 5", NULL }, { "2024-02-30", NULL },
    { "2024-05-03", "2024-05-01" }, { "2024", "2023-12" }, { NULL, "yesterday" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEvent) collapse = NULL;
  g_autoptr (CrbEvent) undated = NULL;
  g_autoptr (CrbEvent) earlier = NULL;
  g_autoptr (CrbEvent) found = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);

  collapse = crb_project_add_event (fixture->project, " Dam collapse ", "2024-05-03",
                                    "2024-05-03T06:30", "Ilmet", "The dam failed", &error);
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  g_assert_cmpstr (crb_event_get_title (collapse), ==, "Dam collapse");
  undated = add_event (fixture->project, "Evacuation", NULL, NULL);
  earlier = add_event (fixture->project, "Warnings ignored", "2024-04", "2024-05-02");
  g_assert_null (crb_event_get_place (earlier));
  g_assert_cmpstr (crb_event_get_description (earlier), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (CrbEvent) refused = crb_project_add_event (fixture->project, "X", bad[i][0],
                                                            bad[i][1], NULL, NULL, &error);

      g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
      g_assert_null (refused);
      g_clear_error (&error);
    }
  g_assert_null (crb_project_add_event (fixture->project, "", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  model_fixture_reopen (fixture);
  events = crb_project_list_events (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (crb_event_get_title (events->pdata[0]), ==, "Warnings ignored");
  g_assert_cmpstr (crb_event_get_date_start (events->pdata[0]), ==, "2024-04");
  g_assert_cmpstr (crb_event_get_title (events->pdata[1]), ==, "Dam collapse");
  g_assert_cmpstr (crb_event_get_date_end (events->pdata[1]), ==, "2024-05-03T06:30");
  g_assert_cmpstr (crb_event_get_place (events->pdata[1]), ==, "Ilmet");
  g_assert_cmpstr (crb_event_get_description (events->pdata[1]), ==, "The dam failed");
  g_assert_cmpstr (crb_event_get_title (events->pdata[2]), ==, "Evacuation");
  found = crb_project_find_event (fixture->project, "dam collapse", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid_of (found), ==, uuid_of (collapse));
}

static void
test_edit (ModelFixture *fixture, gconstpointer data)
{
  static const char *edits[][2] = {
    { "title", "Ilmet dam collapse" }, { "date_start", "2024-05-02" },
    { "date_end", "2024-05-03" },      { "place", "Ilmet, upper valley" },
    { "description", "Failure of the earth dam above Ilmet" },
    { "place", NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEvent) event = add_event (fixture->project, "Dam collapse", NULL, NULL);
  g_autoptr (CrbEvent) reloaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *before = crb_test_dump (fixture->project);

      g_assert_true (crb_project_set_field (fixture->project, "event", uuid_of (event),
                                            edits[i][0], edits[i][1], &error));
      g_assert_no_error (error);
      model_assert_undo_redo (fixture->project, before);
    }

  model_fixture_reopen (fixture);
  reloaded = crb_project_find_event (fixture->project, uuid_of (event), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_event_get_title (reloaded), ==, "Ilmet dam collapse");
  g_assert_cmpstr (crb_event_get_date_start (reloaded), ==, "2024-05-02");
  g_assert_cmpstr (crb_event_get_date_end (reloaded), ==, "2024-05-03");
  g_assert_null (crb_event_get_place (reloaded));
  g_assert_cmpstr (crb_event_get_description (reloaded), ==,
                   "Failure of the earth dam above Ilmet");
}

static void
test_facets (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEvent) event = add_event (fixture->project, "Dam collapse", NULL, NULL);
  g_autoptr (CrbEvent) other = add_event (fixture->project, "Evacuation", NULL, NULL);
  g_autoptr (CrbFacet) toll = NULL;
  g_autoptr (CrbFacet) when = NULL;
  g_autoptr (CrbFacet) other_toll = NULL;
  g_autoptr (CrbFacet) found = NULL;
  g_autoptr (GPtrArray) facets = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);

  toll = add_facet (fixture->project, event, "How many died");
  model_assert_undo_redo (fixture->project, before);
  when = add_facet (fixture->project, event, "When");
  g_assert_cmpint (crb_facet_get_position (toll), ==, 0);
  g_assert_cmpint (crb_facet_get_position (when), ==, 1);
  g_assert_cmpstr (crb_facet_get_event_uuid (when), ==, uuid_of (event));
  /* The same name in another event is another facet. */
  other_toll = add_facet (fixture->project, other, "How many died");

  g_assert_null (crb_project_add_facet (fixture->project, uuid_of (event), "how many DIED",
                                        &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (crb_project_add_facet (fixture->project, uuid_of (event), " ", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_set_field (fixture->project, "facet", uuid_of (toll), "position", "5",
                                        &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_set_field (fixture->project, "facet", uuid_of (toll), "name",
                                        "Death toll", &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  facets = crb_project_list_facets (fixture->project, uuid_of (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facets->len, ==, 2);
  g_assert_cmpstr (crb_facet_get_name (facets->pdata[0]), ==, "When");
  g_assert_cmpstr (crb_facet_get_name (facets->pdata[1]), ==, "Death toll");
  g_assert_cmpint (crb_facet_get_position (facets->pdata[1]), ==, 5);
  found = crb_project_find_facet (fixture->project, uuid_of (other), "how many died", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid_of (found), ==, uuid_of (other_toll));
  g_clear_object (&found);
  found = crb_project_find_facet (fixture->project, uuid_of (other), "When", &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_delete_record (fixture->project, "facet", uuid_of (when), &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  g_clear_pointer (&facets, g_ptr_array_unref);
  facets = crb_project_list_facets (fixture->project, uuid_of (event), &error);
  g_assert_cmpuint (facets->len, ==, 1);
}

static void
test_claim_links (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *gazette = crb_test_add_document (fixture->project, "Gazette", TEXT_A);
  g_autofree char *blog = crb_test_add_document (fixture->project, "Aid blog", TEXT_B);
  g_autoptr (CrbClaim) failed = add_claim (fixture->project, gazette, "The Ilmet dam failed");
  g_autoptr (CrbClaim) counted = add_claim (fixture->project, gazette, "counted 41 dead");
  g_autoptr (CrbClaim) sixty = add_claim (fixture->project, blog, "at least 60 people died");
  g_autoptr (CrbEvent) event = add_event (fixture->project, "Dam collapse", "2024-05-03", NULL);
  g_autoptr (CrbEvent) other = add_event (fixture->project, "Evacuation", NULL, NULL);
  g_autoptr (CrbFacet) toll = add_facet (fixture->project, event, "How many died");
  g_autoptr (CrbFacet) foreign = add_facet (fixture->project, other, "Who left");
  g_autoptr (CrbEventClaim) whole = NULL, official = NULL, again = NULL, disputed = NULL;
  g_autoptr (CrbEventClaim) changed = NULL;
  g_autoptr (CrbEvent) counted_event = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);
  g_autofree char *linked = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *label = NULL;

  official = link_account (fixture->project, counted, event, toll, "supports");
  model_assert_undo_redo (fixture->project, before);
  g_assert_cmpstr (crb_event_claim_get_facet_name (official), ==, "How many died");
  g_assert_cmpstr (crb_event_claim_get_document_uuid (official), ==, gazette);
  g_assert_cmpstr (crb_event_claim_get_document_title (official), ==, "Gazette");
  g_assert_cmpstr (crb_event_claim_get_exact (official), ==, "counted 41 dead");
  whole = link_account (fixture->project, failed, event, NULL, "context");
  g_assert_null (crb_event_claim_get_facet_uuid (whole));
  disputed = link_account (fixture->project, sixty, event, toll, "partial");

  /* The same link again changes nothing and adds no step. */
  linked = crb_test_dump (fixture->project);
  again = link_account (fixture->project, sixty, event, toll, "partial");
  g_assert_cmpstr (uuid_of (again), ==, uuid_of (disputed));
  unchanged = crb_test_dump (fixture->project);
  g_assert_cmpstr (unchanged, ==, linked);
  label = crb_project_dup_undo_label (fixture->project);
  g_assert_cmpstr (label, ==, "Add to event");
  g_clear_pointer (&label, g_free);

  /* Another stance changes the link's. */
  changed = link_account (fixture->project, sixty, event, toll, "disputes");
  g_assert_cmpstr (uuid_of (changed), ==, uuid_of (disputed));
  g_assert_cmpstr (crb_event_claim_get_stance (changed), ==, "disputes");
  label = crb_project_dup_undo_label (fixture->project);
  g_assert_cmpstr (label, ==, "Change stance");
  model_assert_undo_redo (fixture->project, linked);

  g_assert_null (crb_project_link_claim_event (fixture->project, uuid_of (sixty), uuid_of (event),
                                               uuid_of (foreign), "supports", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (crb_project_link_claim_event (fixture->project, uuid_of (sixty), uuid_of (event),
                                               NULL, "agrees", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "supports, disputes, partial or context"));
  g_clear_error (&error);

  model_fixture_reopen (fixture);
  accounts = crb_project_list_event_claims (fixture->project, uuid_of (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 3);
  g_assert_cmpstr (uuid_of (accounts->pdata[0]), ==, uuid_of (whole));
  g_assert_cmpstr (crb_event_claim_get_stance (accounts->pdata[0]), ==, "context");
  g_assert_cmpstr (uuid_of (accounts->pdata[1]), ==, uuid_of (disputed));
  g_assert_cmpstr (crb_event_claim_get_document_title (accounts->pdata[1]), ==, "Aid blog");
  g_assert_cmpstr (crb_event_claim_get_stance (accounts->pdata[1]), ==, "disputes");
  g_assert_cmpstr (uuid_of (accounts->pdata[2]), ==, uuid_of (official));
  g_assert_cmpstr (crb_event_claim_get_claim_uuid (accounts->pdata[2]), ==, uuid_of (counted));
  g_assert_cmpstr (crb_event_claim_get_event_title (accounts->pdata[2]), ==, "Dam collapse");
  g_clear_pointer (&accounts, g_ptr_array_unref);
  counted_event = crb_project_find_event (fixture->project, uuid_of (event), &error);
  g_assert_cmpuint (crb_event_get_claim_count (counted_event), ==, 3);
  g_assert_cmpuint (crb_event_get_document_count (counted_event), ==, 2);
  accounts = crb_project_list_claim_events (fixture->project, uuid_of (counted), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_clear_pointer (&accounts, g_ptr_array_unref);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_set_field (fixture->project, "event_claim", uuid_of (official),
                                        "facet_uuid", NULL, &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_delete_record (fixture->project, "event_claim", uuid_of (whole),
                                            &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  accounts = crb_project_list_event_claims (fixture->project, uuid_of (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpstr (uuid_of (accounts->pdata[0]), ==, uuid_of (official));
  g_assert_null (crb_event_claim_get_facet_uuid (accounts->pdata[0]));
}

static void
test_delete (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *gazette = crb_test_add_document (fixture->project, "Gazette", TEXT_A);
  g_autoptr (CrbClaim) counted = add_claim (fixture->project, gazette, "counted 41 dead");
  g_autoptr (CrbEvent) event = add_event (fixture->project, "Dam collapse", NULL, NULL);
  g_autoptr (CrbFacet) toll = add_facet (fixture->project, event, "How many died");
  g_autoptr (CrbEventClaim) account = link_account (fixture->project, counted, event, toll, "supports");
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);

  g_assert_true (crb_project_delete_record (fixture->project, "event", uuid_of (event), &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  rows = crb_project_list_events (fixture->project, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = crb_project_list_facets (fixture->project, uuid_of (event), &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = crb_project_list_claim_events (fixture->project, uuid_of (counted), &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, ModelFixture, NULL, model_fixture_setup, func, model_fixture_teardown)

  g_test_add_func ("/crb/model/event/new-and-destroy", test_new_and_destroy);
  ADD ("/crb/model/event/loaded-and-destroy", test_loaded_and_destroy);
  ADD ("/crb/model/event/add", test_add);
  ADD ("/crb/model/event/edit", test_edit);
  ADD ("/crb/model/event/facets", test_facets);
  ADD ("/crb/model/event/claim-links", test_claim_links);
  ADD ("/crb/model/event/delete", test_delete);
  return g_test_run ();
}
