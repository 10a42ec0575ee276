/* test-model-grade.c: Admiralty grades — source reliability A–F on
 * documents, information credibility 1–6 on claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-claim.h"
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-validate.h"
#include "model-fixture.h"

#define TEXT "Officials counted 41 dead after the Ilmet dam failed."

static void
assert_refused (ModelFixture *fixture, const char *table, const char *uuid, const char *field,
                const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);
  g_autofree char *after = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", value);

  g_assert_false (crb_project_set_field (fixture->project, table, uuid, field, value, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_test_message ("%s = %s: %s", field, value, error->message);
  /* The message names what was refused. */
  g_assert_nonnull (strstr (error->message, quoted));
  after = crb_test_dump (fixture->project);
  g_assert_cmpstr (after, ==, before);
}

static void
test_reliability (ModelFixture *fixture, gconstpointer data)
{
  static const char *refused[] = { "G", "b", "AB", "1", "A+" };
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Gazette", TEXT);
  g_autoptr (CrbDocument) graded = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);

  g_assert_true (crb_project_set_field (fixture->project, "document", document, "reliability", "B",
                                        &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  for (char grade = 'A'; grade <= 'F'; grade++)
    {
      char value[2] = { grade, '\0' };
      g_autoptr (CrbDocument) reloaded = NULL;

      g_assert_true (crb_project_set_field (fixture->project, "document", document,
                                            "reliability", value, &error));
      g_assert_no_error (error);
      reloaded = crb_project_find_document (fixture->project, document, &error);
      g_assert_cmpstr (crb_document_get_reliability (reloaded), ==, value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused (fixture, "document", document, "reliability", refused[i]);

  g_assert_true (crb_project_set_field (fixture->project, "document", document, "reliability", "C",
                                        &error));
  g_assert_no_error (error);
  model_fixture_reopen (fixture);
  graded = crb_project_find_document (fixture->project, document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_document_get_reliability (graded), ==, "C");
  g_clear_object (&graded);

  /* Ungrading is an edit like any other. */
  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_set_field (fixture->project, "document", document, "reliability",
                                        NULL, &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  graded = crb_project_find_document (fixture->project, document, &error);
  g_assert_null (crb_document_get_reliability (graded));
}

static void
test_credibility (ModelFixture *fixture, gconstpointer data)
{
  static const char *refused[] = { "0", "7", "x", "2.5", "-1" };
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Gazette", TEXT);
  g_autoptr (CrbClaim) claim = crb_project_add_claim_by_quote (fixture->project, document,
                                                               "counted 41 dead", 1, NULL, NULL,
                                                               &error);
  g_autoptr (CrbClaim) graded = NULL;
  const char *uuid = crb_record_get_uuid (CRB_RECORD (claim));
  g_autofree char *before = crb_test_dump (fixture->project);

  g_assert_no_error (error);
  g_assert_cmpuint (crb_claim_get_credibility (claim), ==, 0);
  g_assert_true (crb_project_set_field (fixture->project, "claim", uuid, "credibility", "2",
                                        &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  for (guint grade = 1; grade <= 6; grade++)
    {
      g_autofree char *value = g_strdup_printf ("%u", grade);
      g_autoptr (CrbClaim) reloaded = NULL;

      g_assert_true (crb_project_set_field (fixture->project, "claim", uuid, "credibility", value,
                                            &error));
      g_assert_no_error (error);
      reloaded = crb_project_find_claim (fixture->project, uuid, &error);
      g_assert_cmpuint (crb_claim_get_credibility (reloaded), ==, grade);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused (fixture, "claim", uuid, "credibility", refused[i]);

  g_assert_true (crb_project_set_field (fixture->project, "claim", uuid, "credibility", "3",
                                        &error));
  model_fixture_reopen (fixture);
  graded = crb_project_find_claim (fixture->project, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crb_claim_get_credibility (graded), ==, 3);
  g_clear_object (&graded);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_set_field (fixture->project, "claim", uuid, "credibility", NULL,
                                        &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  graded = crb_project_find_claim (fixture->project, uuid, &error);
  g_assert_cmpuint (crb_claim_get_credibility (graded), ==, 0);
}

/* What a dialog shows before it saves: the scale, not just "invalid". */
static void
test_messages (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_validate_field ("document", "reliability", "F", NULL));
  g_assert_true (crb_validate_field ("document", "reliability", NULL, NULL));
  g_assert_false (crb_validate_field ("document", "reliability", "G", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "from A"));
  g_assert_nonnull (strstr (error->message, "to F"));
  g_clear_error (&error);

  g_assert_true (crb_validate_field ("claim", "credibility", "6", NULL));
  g_assert_true (crb_validate_field ("claim", "credibility", "", NULL));
  g_assert_false (crb_validate_field ("claim", "credibility", "7", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "from 1"));
  g_assert_nonnull (strstr (error->message, "to 6"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, ModelFixture, NULL, model_fixture_setup, func, model_fixture_teardown)

  ADD ("/crb/model/grade/reliability", test_reliability);
  ADD ("/crb/model/grade/credibility", test_credibility);
  g_test_add_func ("/crb/model/grade/messages", test_messages);
  return g_test_run ();
}
