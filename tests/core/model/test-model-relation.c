/* test-model-relation.c: relations between documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-edit.h"
#include "crb-relation.h"
#include "model-fixture.h"

#define ORIGINAL "Officials counted 41 dead after the Ilmet dam failed."
#define COPY "Officials counted 41 dead after the Orlov dam failed. More soon."
#define SUMMARY "Dam failure: 41 dead."

#define EVIDENCE "[{\"from\":[0,25],\"to\":[0,25]}]"

static const char *
uuid_of (gpointer record)
{
  return crb_record_get_uuid (CRB_RECORD (record));
}

static void
test_new_and_destroy (void)
{
  CrbRelation *relation = g_object_new (CRB_TYPE_RELATION, NULL);

  g_assert_null (crb_relation_get_kind (relation));
  g_assert_finalize_object (relation);
}

static void
test_add (ModelFixture *fixture, gconstpointer data)
{
  static const char *bad[][3] = {
    { "plagiarises", NULL, NULL },
    { "copies", "{\"not\": \"an array\"}", NULL },
    { "copies", "[unclosed", NULL },
    { "copies", NULL, "maybe" },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *original = crb_test_add_document (fixture->project, "Gazette", ORIGINAL);
  g_autofree char *copy = crb_test_add_document (fixture->project, "Copycat", COPY);
  g_autofree char *summary = crb_test_add_document (fixture->project, "Digest", SUMMARY);
  g_autoptr (CrbRelation) copies = NULL;
  g_autoptr (CrbRelation) again = NULL;
  g_autoptr (CrbRelation) summarises = NULL;
  g_autoptr (CrbRelation) found = NULL;
  g_autoptr (GPtrArray) relations = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);
  g_autofree char *added = NULL;
  g_autofree char *unchanged = NULL;

  copies = crb_project_add_relation (fixture->project, copy, original, "copies", EVIDENCE, NULL,
                                     &error);
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  g_assert_cmpstr (crb_relation_get_from_document_uuid (copies), ==, copy);
  g_assert_cmpstr (crb_relation_get_to_document_uuid (copies), ==, original);
  g_assert_cmpstr (crb_relation_get_status (copies), ==, "suggested");
  g_assert_cmpstr (crb_relation_get_evidence (copies), ==, EVIDENCE);
  g_assert_cmpstr (crb_relation_get_from_title (copies), ==, "Copycat");
  g_assert_cmpstr (crb_relation_get_to_title (copies), ==, "Gazette");

  /* Found again by analysis: the recorded one, untouched. */
  added = crb_test_dump (fixture->project);
  again = crb_project_add_relation (fixture->project, copy, original, "copies", NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid_of (again), ==, uuid_of (copies));
  unchanged = crb_test_dump (fixture->project);
  g_assert_cmpstr (unchanged, ==, added);

  summarises = crb_project_add_relation (fixture->project, summary, original, "summarises", NULL,
                                         "confirmed", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_relation_get_evidence (summarises), ==, "[]");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (CrbRelation) refused = crb_project_add_relation (
          fixture->project, copy, summary, bad[i][0], bad[i][1], bad[i][2], &error);

      g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
      g_assert_null (refused);
      g_clear_error (&error);
    }
  g_assert_null (crb_project_add_relation (fixture->project, copy, copy, "cites", NULL, NULL,
                                           &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (crb_project_add_relation (fixture->project, copy, "no-such-document", "cites",
                                           NULL, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  model_fixture_reopen (fixture);
  relations = crb_project_list_relations (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 2);
  g_assert_cmpstr (uuid_of (relations->pdata[0]), ==, uuid_of (copies));
  g_assert_cmpstr (crb_relation_get_kind (relations->pdata[1]), ==, "summarises");
  g_assert_cmpstr (crb_relation_get_status (relations->pdata[1]), ==, "confirmed");
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = crb_project_list_relations (fixture->project, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = crb_project_list_relations (fixture->project, original, &error);
  g_assert_cmpuint (relations->len, ==, 2);
  found = crb_project_find_relation (fixture->project, uuid_of (summarises), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_relation_get_from_document_uuid (found), ==, summary);
}

static void
test_review_and_delete (ModelFixture *fixture, gconstpointer data)
{
  static const char *edits[][2] = {
    { "status", "confirmed" }, { "status", "rejected" }, { "kind", "updates" },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *original = crb_test_add_document (fixture->project, "Gazette", ORIGINAL);
  g_autofree char *copy = crb_test_add_document (fixture->project, "Copycat", COPY);
  g_autoptr (CrbRelation) relation = crb_project_add_relation (fixture->project, copy, original,
                                                               "copies", EVIDENCE, NULL, &error);
  g_autoptr (CrbRelation) reloaded = NULL;
  g_autoptr (GPtrArray) relations = NULL;
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *state = crb_test_dump (fixture->project);

      g_assert_true (crb_project_set_field (fixture->project, "relation", uuid_of (relation),
                                            edits[i][0], edits[i][1], &error));
      g_assert_no_error (error);
      model_assert_undo_redo (fixture->project, state);
    }
  g_assert_false (crb_project_set_field (fixture->project, "relation", uuid_of (relation),
                                         "status", "perhaps", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  model_fixture_reopen (fixture);
  reloaded = crb_project_find_relation (fixture->project, uuid_of (relation), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_relation_get_status (reloaded), ==, "rejected");
  g_assert_cmpstr (crb_relation_get_kind (reloaded), ==, "updates");

  /* Deleting either document takes the relation with it. */
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_delete_record (fixture->project, "document", original, &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  model_fixture_reopen (fixture);
  relations = crb_project_list_relations (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, ModelFixture, NULL, model_fixture_setup, func, model_fixture_teardown)

  g_test_add_func ("/crb/model/relation/new-and-destroy", test_new_and_destroy);
  ADD ("/crb/model/relation/add", test_add);
  ADD ("/crb/model/relation/review-and-delete", test_review_and_delete);
  return g_test_run ();
}
