/* test-model-tag.c: the codebook — tags, claim tags, merging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-record.h"
#include "crb-tag.h"
#include "model-fixture.h"

#define TEXT "The dam failed at dawn. Officials counted 41 dead; volunteers said 60."

static const char *
uuid_of (gpointer record)
{
  return crb_record_get_uuid (CRB_RECORD (record));
}

static CrbTag *
add_tag (CrbProject *project, const char *name, const char *color, const char *parent)
{
  g_autoptr (GError) error = NULL;
  CrbTag *tag = crb_project_add_tag (project, name, color, parent, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tag);
  return tag;
}

static CrbClaim *
add_claim (CrbProject *project, const char *document, guint start, guint end)
{
  g_autoptr (GError) error = NULL;
  CrbClaim *claim = crb_project_add_claim (project, document, start, end, NULL, NULL, &error);

  g_assert_no_error (error);
  return claim;
}

static void
test_new_and_destroy (void)
{
  CrbTag *tag = g_object_new (CRB_TYPE_TAG, NULL);

  g_assert_null (crb_tag_get_name (tag));
  g_assert_cmpuint (crb_tag_get_depth (tag), ==, 0);
  g_assert_finalize_object (tag);
}

static void
test_loaded_and_destroy (ModelFixture *fixture, gconstpointer data)
{
  CrbTag *tag = add_tag (fixture->project, "Casualties", NULL, NULL);

  g_assert_finalize_object (tag);
}

static void
test_add (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbTag) root = NULL;
  g_autoptr (CrbTag) child = NULL;
  g_autoptr (CrbTag) found = NULL;
  g_autoptr (CrbTag) refused = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);
  g_autofree char *root_uuid = NULL;

  root = add_tag (fixture->project, "  Casualties ", "#e01b24", NULL);
  model_assert_undo_redo (fixture->project, before);
  g_assert_cmpstr (crb_tag_get_name (root), ==, "Casualties");
  g_assert_cmpstr (crb_tag_get_color (root), ==, "#e01b24");
  g_assert_null (crb_tag_get_parent_uuid (root));
  g_assert_cmpstr (crb_record_get_author (CRB_RECORD (root)), ==, "Test Analyst");
  root_uuid = g_strdup (uuid_of (root));

  /* The parent may be named instead of identified. */
  child = add_tag (fixture->project, "Deaths", NULL, "casualties");
  g_assert_cmpstr (crb_tag_get_parent_uuid (child), ==, root_uuid);

  refused = crb_project_add_tag (fixture->project, "Deaths", NULL, root_uuid, &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DUPLICATE);
  g_assert_null (refused);
  g_clear_error (&error);
  refused = crb_project_add_tag (fixture->project, "Injuries", "red", NULL, &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "#rrggbb"));
  g_clear_error (&error);
  refused = crb_project_add_tag (fixture->project, "  ", NULL, NULL, &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  refused = crb_project_add_tag (fixture->project, "Orphan", NULL, "no-such-tag", &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  model_fixture_reopen (fixture);
  tags = crb_project_list_tags (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (uuid_of (tags->pdata[0]), ==, root_uuid);
  g_assert_cmpstr (crb_tag_get_color (tags->pdata[0]), ==, "#e01b24");
  g_assert_cmpstr (crb_tag_get_name (tags->pdata[1]), ==, "Deaths");
  g_assert_cmpuint (crb_tag_get_depth (tags->pdata[1]), ==, 1);

  found = crb_project_find_tag (fixture->project, root_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_tag_get_name (found), ==, "Casualties");
}

static void
test_tree_order (ModelFixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *name;
    guint       depth;
  } expected[] = { { "Alpha", 0 }, { "yankee", 1 }, { "Deep", 2 }, { "Zulu", 1 },
                   { "Bravo", 0 }, { "X-ray", 1 } };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (CrbTag) bravo = add_tag (fixture->project, "Bravo", NULL, NULL);
  g_autoptr (CrbTag) alpha = add_tag (fixture->project, "Alpha", NULL, NULL);
  g_autoptr (CrbTag) zulu = add_tag (fixture->project, "Zulu", NULL, uuid_of (alpha));
  g_autoptr (CrbTag) yankee = add_tag (fixture->project, "yankee", NULL, uuid_of (alpha));
  g_autoptr (CrbTag) xray = add_tag (fixture->project, "X-ray", NULL, uuid_of (bravo));
  g_autoptr (CrbTag) deep = add_tag (fixture->project, "Deep", NULL, uuid_of (yankee));

  tags = crb_project_list_tags (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < tags->len; i++)
    {
      g_assert_cmpstr (crb_tag_get_name (tags->pdata[i]), ==, expected[i].name);
      g_assert_cmpuint (crb_tag_get_depth (tags->pdata[i]), ==, expected[i].depth);
    }
  g_clear_pointer (&tags, g_ptr_array_unref);

  /* A tag cannot go inside its own subtree, and the tree stays as it was. */
  g_assert_false (crb_project_set_field (fixture->project, "tag", uuid_of (alpha), "parent_uuid",
                                         uuid_of (deep), &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (crb_project_set_field (fixture->project, "tag", uuid_of (alpha), "parent_uuid",
                                         uuid_of (alpha), &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  tags = crb_project_list_tags (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < tags->len; i++)
    g_assert_cmpstr (crb_tag_get_name (tags->pdata[i]), ==, expected[i].name);
}

static void
test_edit (ModelFixture *fixture, gconstpointer data)
{
  static const char *edits[][2] = {
    { "name", "Death toll" },
    { "color", "#33d17a" },
    { "color", NULL },
    { "description", "How many died, by whose count" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbTag) tag = add_tag (fixture->project, "Deaths", "#e01b24", NULL);
  g_autoptr (CrbTag) parent = add_tag (fixture->project, "Casualties", NULL, NULL);
  g_autoptr (CrbTag) reloaded = NULL;
  g_autofree char *uuid = g_strdup (uuid_of (tag));

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *before = crb_test_dump (fixture->project);

      g_assert_true (crb_project_set_field (fixture->project, "tag", uuid, edits[i][0],
                                            edits[i][1], &error));
      g_assert_no_error (error);
      model_assert_undo_redo (fixture->project, before);
    }
  {
    g_autofree char *before = crb_test_dump (fixture->project);

    g_assert_true (crb_project_set_field (fixture->project, "tag", uuid, "parent_uuid",
                                          uuid_of (parent), &error));
    g_assert_no_error (error);
    model_assert_undo_redo (fixture->project, before);
  }

  model_fixture_reopen (fixture);
  reloaded = crb_project_find_tag (fixture->project, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_tag_get_name (reloaded), ==, "Death toll");
  g_assert_null (crb_tag_get_color (reloaded));
  g_assert_cmpstr (crb_tag_get_description (reloaded), ==, "How many died, by whose count");
  g_assert_cmpstr (crb_tag_get_parent_uuid (reloaded), ==, uuid_of (parent));
  g_assert_cmpint (crb_record_get_modified_at (CRB_RECORD (reloaded)), >,
                   crb_record_get_created_at (CRB_RECORD (reloaded)));
}

static void
test_claim_tags (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Report", TEXT);
  g_autoptr (CrbClaim) claim = add_claim (fixture->project, document, 24, 51);
  g_autoptr (CrbTag) deaths = add_tag (fixture->project, "Deaths", NULL, NULL);
  g_autoptr (CrbTag) figures = add_tag (fixture->project, "Figures", NULL, NULL);
  g_autoptr (CrbTag) counted = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);
  g_autofree char *tagged = NULL;
  g_autofree char *again = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *undo_label = NULL;

  g_assert_true (crb_project_tag_claim (fixture->project, uuid_of (claim), "deaths", &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  /* Again: nothing changes and no undo step is added. */
  tagged = crb_test_dump (fixture->project);
  g_assert_true (crb_project_tag_claim (fixture->project, uuid_of (claim), uuid_of (deaths),
                                        &error));
  g_assert_no_error (error);
  again = crb_test_dump (fixture->project);
  g_assert_cmpstr (tagged, ==, again);
  g_assert_true (crb_project_undo (fixture->project, NULL, &error));
  g_assert_no_error (error);
  undone = crb_test_dump (fixture->project);
  g_assert_cmpstr (before, ==, undone);
  g_assert_true (crb_project_redo (fixture->project, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (crb_project_tag_claim (fixture->project, uuid_of (claim), uuid_of (figures),
                                        &error));
  g_assert_no_error (error);

  model_fixture_reopen (fixture);
  tags = crb_project_list_claim_tags (fixture->project, uuid_of (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (crb_tag_get_name (tags->pdata[0]), ==, "Deaths");
  g_assert_cmpstr (crb_tag_get_name (tags->pdata[1]), ==, "Figures");
  counted = crb_project_find_tag (fixture->project, uuid_of (deaths), &error);
  g_assert_cmpuint (crb_tag_get_claim_count (counted), ==, 1);
  g_clear_pointer (&tags, g_ptr_array_unref);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_untag_claim (fixture->project, uuid_of (claim), uuid_of (deaths),
                                          &error));
  g_assert_no_error (error);
  undo_label = crb_project_dup_undo_label (fixture->project);
  g_assert_cmpstr (undo_label, ==, "Remove tag");
  model_assert_undo_redo (fixture->project, before);
  g_assert_false (crb_project_untag_claim (fixture->project, uuid_of (claim), uuid_of (deaths),
                                           &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  model_fixture_reopen (fixture);
  tags = crb_project_list_claim_tags (fixture->project, uuid_of (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 1);
  g_assert_cmpstr (crb_tag_get_name (tags->pdata[0]), ==, "Figures");
}

static void
test_merge (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Report", TEXT);
  g_autoptr (CrbClaim) both = add_claim (fixture->project, document, 0, 23);
  g_autoptr (CrbClaim) only_from = add_claim (fixture->project, document, 24, 51);
  g_autoptr (CrbTag) from = add_tag (fixture->project, "Dead", NULL, NULL);
  g_autoptr (CrbTag) into = add_tag (fixture->project, "Deaths", NULL, NULL);
  g_autoptr (CrbTag) child = add_tag (fixture->project, "Official count", NULL, uuid_of (from));
  g_autoptr (CrbTag) moved = NULL;
  g_autoptr (CrbTag) gone = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autofree char *before = NULL;

  g_assert_true (crb_project_tag_claim (fixture->project, uuid_of (both), uuid_of (from), &error));
  g_assert_true (crb_project_tag_claim (fixture->project, uuid_of (both), uuid_of (into), &error));
  g_assert_true (crb_project_tag_claim (fixture->project, uuid_of (only_from), uuid_of (from),
                                        &error));
  g_assert_no_error (error);

  g_assert_false (crb_project_merge_tags (fixture->project, "Dead", "dead", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_merge_tags (fixture->project, uuid_of (from), uuid_of (into), &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  gone = crb_project_find_tag (fixture->project, uuid_of (from), &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  moved = crb_project_find_tag (fixture->project, uuid_of (child), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_tag_get_parent_uuid (moved), ==, uuid_of (into));
  for (guint i = 0; i < 2; i++)
    {
      CrbClaim *claim = i == 0 ? both : only_from;

      tags = crb_project_list_claim_tags (fixture->project, uuid_of (claim), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tags->len, ==, 1);
      g_assert_cmpstr (uuid_of (tags->pdata[0]), ==, uuid_of (into));
      g_clear_pointer (&tags, g_ptr_array_unref);
    }
}

static void
test_merge_into_descendant (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbTag) top = add_tag (fixture->project, "People", NULL, NULL);
  g_autoptr (CrbTag) from = add_tag (fixture->project, "Officials", NULL, uuid_of (top));
  g_autoptr (CrbTag) middle = add_tag (fixture->project, "Local", NULL, uuid_of (from));
  g_autoptr (CrbTag) into = add_tag (fixture->project, "Mayor", NULL, uuid_of (middle));
  g_autoptr (GPtrArray) tags = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);

  g_assert_true (crb_project_merge_tags (fixture->project, uuid_of (from), uuid_of (into), &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  /* People > Mayor > Local: no loop, nothing lost. */
  tags = crb_project_list_tags (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 3);
  g_assert_cmpstr (crb_tag_get_name (tags->pdata[0]), ==, "People");
  g_assert_cmpstr (crb_tag_get_name (tags->pdata[1]), ==, "Mayor");
  g_assert_cmpuint (crb_tag_get_depth (tags->pdata[1]), ==, 1);
  g_assert_cmpstr (crb_tag_get_name (tags->pdata[2]), ==, "Local");
  g_assert_cmpuint (crb_tag_get_depth (tags->pdata[2]), ==, 2);
}

static void
test_delete (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Report", TEXT);
  g_autoptr (CrbClaim) claim = add_claim (fixture->project, document, 0, 23);
  g_autoptr (CrbTag) parent = add_tag (fixture->project, "Casualties", NULL, NULL);
  g_autoptr (CrbTag) child = add_tag (fixture->project, "Deaths", NULL, uuid_of (parent));
  g_autoptr (GPtrArray) tags = NULL;
  g_autofree char *before = NULL;

  g_assert_true (crb_project_tag_claim (fixture->project, uuid_of (claim), uuid_of (child),
                                        &error));
  g_assert_no_error (error);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_delete_record (fixture->project, "tag", uuid_of (parent), &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  tags = crb_project_list_tags (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 0);
  g_clear_pointer (&tags, g_ptr_array_unref);
  tags = crb_project_list_claim_tags (fixture->project, uuid_of (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, ModelFixture, NULL, model_fixture_setup, func, model_fixture_teardown)

  g_test_add_func ("/crb/model/tag/new-and-destroy", test_new_and_destroy);
  ADD ("/crb/model/tag/loaded-and-destroy", test_loaded_and_destroy);
  ADD ("/crb/model/tag/add", test_add);
  ADD ("/crb/model/tag/tree-order", test_tree_order);
  ADD ("/crb/model/tag/edit", test_edit);
  ADD ("/crb/model/tag/claim-tags", test_claim_tags);
  ADD ("/crb/model/tag/merge", test_merge);
  ADD ("/crb/model/tag/merge-into-descendant", test_merge_into_descendant);
  ADD ("/crb/model/tag/delete", test_delete);
  return g_test_run ();
}
