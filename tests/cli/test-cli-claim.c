/* test-cli-claim.c: corroborate-cli claim add/list/edit/move/delete, grade,
 * and undo/redo round trips, all checked through the JSON listings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cli-test-util.h"

static const char *const report[] = {
  "Dam breach at Ilmet\n\n"
  "The dam on the Ilmet river failed at 04:10 on Tuesday. Officials said twelve people died; "
  "the regional governor later spoke of nine.\n",
  NULL,
};

typedef struct
{
  char *path;
  char *document_id;
  char *text;
} Project;

static void
project_clear (Project *project)
{
  g_free (project->path);
  g_free (project->document_id);
  g_free (project->text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Project, project_clear)

static void
make_project (CliFixture *fixture, Project *project)
{
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) shown = NULL;

  project->path = cli_make_project (fixture, "claims.corroborate", report);
  list = cli_run_json (fixture, "list", project->path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 1);
  project->document_id =
      g_strdup (json_object_get_string_member (cli_json_element (list, 0), "id"));
  shown = cli_run_json (fixture, "show", project->path, project->document_id, NULL);
  project->text = g_strdup (json_object_get_string_member (json_node_get_object (shown), "text"));
}

/* The claim `id` as `claim list --json` shows it now (NULL when gone). */
static JsonObject *
listed_claim (CliFixture *fixture, const char *path, const char *id, JsonNode **keep)
{
  g_clear_pointer (keep, json_node_unref);
  *keep = cli_run_json (fixture, "claim", "list", path, NULL);
  return cli_json_find (*keep, "id", id);
}

/* Code-point offset of the `occurrence`-th `needle` in `text`. */
static guint
offset_of (const char *text, const char *needle, guint occurrence)
{
  const char *at = text;

  for (guint i = 0; i < occurrence; i++)
    {
      if (i > 0)
        at++;
      at = strstr (at, needle);
      g_assert_nonnull (at);
    }
  return (guint) g_utf8_pointer_to_offset (text, at);
}

static char *
undo (CliFixture *fixture, const char *verb, const char *path)
{
  g_autofree char *out = cli_run_ok (fixture, verb, path, NULL);

  return g_strdup (g_strstrip (out));
}

static void
test_add_list (CliFixture *fixture, gconstpointer data)
{
  g_auto (Project) project = { 0 };
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) added = NULL;
  g_autoptr (CliRun) absent = NULL;
  g_autoptr (CliRun) bad_kind = NULL;
  g_autoptr (CliRun) bad_doc = NULL;
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  JsonObject      *claim;
  guint            start;

  make_project (fixture, &project);
  id = cli_run_ok (fixture, "claim", "add", project.path, project.document_id, "--quote",
                   "twelve people died", "--note", "Ministry figure", NULL);
  g_strstrip (id);
  g_assert_true (g_uuid_string_is_valid (id));

  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_nonnull (claim);
  start = offset_of (project.text, "twelve people died", 1);
  g_assert_cmpstr (json_object_get_string_member (claim, "document_id"), ==, project.document_id);
  g_assert_cmpstr (json_object_get_string_member (claim, "quote"), ==, "twelve people died");
  g_assert_cmpint (json_object_get_int_member (claim, "start"), ==, start);
  g_assert_cmpint (json_object_get_int_member (claim, "end"), ==, start + 18);
  g_assert_cmpstr (json_object_get_string_member (claim, "note"), ==, "Ministry figure");
  g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "claim");
  g_assert_cmpstr (json_object_get_string_member (claim, "anchor"), ==, "anchored");
  g_assert_cmpstr (json_object_get_string_member (claim, "author"), ==, "Test Analyst");
  g_assert_true (json_object_get_null_member (claim, "credibility"));
  g_assert_false (json_object_get_boolean_member (claim, "private"));

  /* The second "Ilmet" (the river, not the headline), as a question, by a
   * prefix of the document's identifier, answered in JSON. */
  {
    g_autofree char *doc_prefix = g_strndup (project.document_id, 8);

    added = cli_run_json (fixture, "claim", "add", project.path, doc_prefix, "--quote", "Ilmet",
                          "--occurrence", "2", "--kind", "question", NULL);
  }
  second = g_strdup (json_object_get_string_member (json_node_get_object (added), "id"));
  claim = listed_claim (fixture, project.path, second, &list);
  g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "question");
  g_assert_cmpint (json_object_get_int_member (claim, "start"), ==,
                   offset_of (project.text, "Ilmet", 2));
  g_assert_cmpuint (cli_json_length (list), ==, 2);

  /* Listing one document; the document's claim count follows. */
  {
    g_autoptr (JsonNode) of_document =
        cli_run_json (fixture, "claim", "list", project.path, project.document_id, NULL);
    g_autoptr (JsonNode) documents = cli_run_json (fixture, "list", project.path, NULL);

    g_assert_cmpuint (cli_json_length (of_document), ==, 2);
    g_assert_cmpint (json_object_get_int_member (cli_json_element (documents, 0), "claims"), ==, 2);
  }

  absent = cli_run (fixture, "claim", "add", project.path, project.document_id, "--quote",
                    "thirty houses", NULL);
  cli_assert_failed (absent, 1, "does not occur");
  bad_kind = cli_run (fixture, "claim", "add", project.path, project.document_id, "--quote", "nine",
                      "--kind", "rumour", NULL);
  cli_assert_failed (bad_kind, 1, "not a kind");
  bad_doc = cli_run (fixture, "claim", "add", project.path, "nonexistent", "--quote", "nine", NULL);
  cli_assert_failed (bad_doc, 1, "no document");
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_cmpuint (cli_json_length (list), ==, 2);
}

static void
test_edit_undo_redo (CliFixture *fixture, gconstpointer data)
{
  g_auto (Project) project = { 0 };
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *id = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *label = NULL;
  g_autoptr (CliRun) bad = NULL;
  JsonObject *claim;

  make_project (fixture, &project);
  id = cli_run_ok (fixture, "claim", "add", project.path, project.document_id, "--quote",
                   "twelve people died", NULL);
  g_strstrip (id);
  prefix = g_strndup (id, 7);

  g_free (cli_run_ok (fixture, "claim", "edit", project.path, prefix, "--note", "Revised",
                      "--credibility", "2", "--private", "yes", NULL));
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_cmpstr (json_object_get_string_member (claim, "note"), ==, "Revised");
  g_assert_cmpint (json_object_get_int_member (claim, "credibility"), ==, 2);
  g_assert_true (json_object_get_boolean_member (claim, "private"));

  /* Each change is its own step, undone last first. */
  label = undo (fixture, "undo", project.path);
  g_assert_cmpstr (label, ==, "Undone: Change privacy");
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_false (json_object_get_boolean_member (claim, "private"));
  g_assert_cmpint (json_object_get_int_member (claim, "credibility"), ==, 2);
  g_free (label);
  label = undo (fixture, "undo", project.path);
  g_assert_cmpstr (label, ==, "Undone: Grade claim");
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_true (json_object_get_null_member (claim, "credibility"));
  g_free (label);
  label = undo (fixture, "redo", project.path);
  g_assert_cmpstr (label, ==, "Redone: Grade claim");
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_cmpint (json_object_get_int_member (claim, "credibility"), ==, 2);

  /* Clearing a grade, changing the kind. */
  g_free (cli_run_ok (fixture, "claim", "edit", project.path, id, "--credibility", "none", "--kind",
                      "highlight", NULL));
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_true (json_object_get_null_member (claim, "credibility"));
  g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "highlight");

  bad = cli_run (fixture, "claim", "edit", project.path, id, "--credibility", "7", NULL);
  g_assert_cmpint (bad->status, ==, 2);
  g_clear_pointer (&bad, cli_run_free);
  bad = cli_run (fixture, "claim", "edit", project.path, id, NULL);
  g_assert_cmpint (bad->status, ==, 2);
  g_clear_pointer (&bad, cli_run_free);
  bad = cli_run (fixture, "claim", "edit", project.path, "0000", "--note", "x", NULL);
  cli_assert_failed (bad, 1, "0000");
}

static void
test_move_delete_undo (CliFixture *fixture, gconstpointer data)
{
  g_auto (Project) project = { 0 };
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *id = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *label = NULL;
  g_autoptr (CliRun) nothing = NULL;
  JsonObject *claim;
  guint       start;

  make_project (fixture, &project);
  id = cli_run_ok (fixture, "claim", "add", project.path, project.document_id, "--quote",
                   "twelve people", "--note", "Keep this note", NULL);
  g_strstrip (id);

  /* Widen to "twelve people died". */
  start = offset_of (project.text, "twelve people died", 1);
  start_text = g_strdup_printf ("%u", start);
  end_text = g_strdup_printf ("%u", start + 18);
  g_free (cli_run_ok (fixture, "claim", "move", project.path, id, start_text, end_text, NULL));
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_cmpstr (json_object_get_string_member (claim, "quote"), ==, "twelve people died");
  g_free (cli_run_ok (fixture, "undo", project.path, NULL));
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_cmpstr (json_object_get_string_member (claim, "quote"), ==, "twelve people");

  /* Delete, undo (note and all come back), redo. */
  g_free (cli_run_ok (fixture, "claim", "delete", project.path, id, NULL));
  g_assert_null (listed_claim (fixture, project.path, id, &list));
  label = undo (fixture, "undo", project.path);
  g_assert_cmpstr (label, ==, "Undone: Delete claim");
  claim = listed_claim (fixture, project.path, id, &list);
  g_assert_nonnull (claim);
  g_assert_cmpstr (json_object_get_string_member (claim, "note"), ==, "Keep this note");
  g_free (cli_run_ok (fixture, "redo", project.path, NULL));
  g_assert_null (listed_claim (fixture, project.path, id, &list));

  /* Undo all the way back, past the claim and the import, to nothing. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr (CliRun) step = cli_run (fixture, "undo", project.path, NULL);

      if (step->status != 0)
        break;
    }
  nothing = cli_run (fixture, "undo", project.path, NULL);
  cli_assert_failed (nothing, 1, "nothing to undo");
  g_clear_pointer (&list, json_node_unref);
  list = cli_run_json (fixture, "list", project.path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 0);
}

static void
test_grade (CliFixture *fixture, gconstpointer data)
{
  g_auto (Project) project = { 0 };
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) after_undo = NULL;
  g_autofree char *label = NULL;

  make_project (fixture, &project);
  g_free (cli_run_ok (fixture, "grade", project.path, project.document_id, "b", NULL));
  list = cli_run_json (fixture, "list", project.path, NULL);
  g_assert_cmpstr (json_object_get_string_member (cli_json_element (list, 0), "reliability"), ==,
                   "B");
  label = undo (fixture, "undo", project.path);
  g_assert_cmpstr (label, ==, "Undone: Grade source");
  after_undo = cli_run_json (fixture, "list", project.path, NULL);
  g_assert_true (json_object_get_null_member (cli_json_element (after_undo, 0), "reliability"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func)                                                                            \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)
  ADD ("/crb/cli/claim/add-and-list", test_add_list);
  ADD ("/crb/cli/claim/edit-undo-redo", test_edit_undo_redo);
  ADD ("/crb/cli/claim/move-delete-undo", test_move_delete_undo);
  ADD ("/crb/cli/grade/source-reliability", test_grade);
#undef ADD

  return g_test_run ();
}
