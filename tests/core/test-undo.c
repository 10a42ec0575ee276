/* test-undo.c: every edit undoes to exactly the state before and redoes to
 * exactly the state after, across reopening the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "crb-claim.h"
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-search.h"
#include "crb-test-project.h"

typedef struct
{
  char       *path;
  CrbProject *project;
  char       *document;
  char       *claim;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = NULL;

  fixture->project = crb_test_new_project (&fixture->path);
  fixture->document = crb_test_add_document (fixture->project, "Wire report",
                                             "At least 14 people died when the Ilmet dam failed "
                                             "at 04:10, governor Arman Sadykov said.");
  claim = crb_project_add_claim (fixture->project, fixture->document, 0, 23, "claim",
                                 "Casualty figure", &error);
  g_assert_no_error (error);
  fixture->claim = g_strdup (crb_record_get_uuid (CRB_RECORD (claim)));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->path);
  g_free (fixture->document);
  g_free (fixture->claim);
}

static guint
count_hits (CrbProject *project, const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = crb_project_search (project, query, 50, &error);

  g_assert_no_error (error);
  return hits->len;
}

/* Runs `edit`, then checks undo → before, redo → after, also after
 * closing and reopening the file (the history persists). */
static void
check_round_trip (Fixture *fixture, void (*edit) (Fixture *))
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);
  g_autofree char *after = NULL;
  g_autofree char *state = NULL;
  g_autofree char *label = NULL;

  edit (fixture);
  after = crb_test_dump (fixture->project);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (crb_project_can_undo (fixture->project));

  crb_assert_ok (crb_project_undo (fixture->project, &label, &error));
  g_assert_nonnull (label);
  state = crb_test_dump (fixture->project);
  g_assert_cmpstr (state, ==, before);
  crb_assert_ok (crb_project_check (fixture->project, &error));

  crb_assert_ok (crb_project_redo (fixture->project, NULL, &error));
  g_free (state);
  state = crb_test_dump (fixture->project);
  g_assert_cmpstr (state, ==, after);
  crb_assert_ok (crb_project_check (fixture->project, &error));

  /* Undo again after reopening. */
  g_clear_object (&fixture->project);
  fixture->project = crb_project_open (fixture->path, &error);
  g_assert_no_error (error);
  crb_assert_ok (crb_project_undo (fixture->project, NULL, &error));
  g_free (state);
  state = crb_test_dump (fixture->project);
  g_assert_cmpstr (state, ==, before);
  crb_assert_ok (crb_project_check (fixture->project, &error));
}

static void
edit_note (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_set_field (fixture->project, "claim", fixture->claim, "note",
                                        "Contradicted by the regional daily", &error));
  g_assert_cmpuint (count_hits (fixture->project, "contradicted"), ==, 1);
}

static void
edit_kind (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_set_field (fixture->project, "claim", fixture->claim, "kind",
                                        "question", &error));
}

static void
edit_credibility (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_set_field (fixture->project, "claim", fixture->claim, "credibility",
                                        "3", &error));
}

static void
edit_grade (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_set_field (fixture->project, "document", fixture->document,
                                        "reliability", "C", &error));
}

static void
edit_title (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_set_field (fixture->project, "document", fixture->document, "title",
                                        "Northwire, 3 May", &error));
}

static void
add_claim (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = crb_project_add_claim_by_quote (fixture->project, fixture->document,
                                                               "governor Arman Sadykov", 1,
                                                               "highlight", "speaker", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (crb_claim_get_exact (claim), ==, "governor Arman Sadykov");
}

static void
move_claim (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_move_claim (fixture->project, fixture->claim, 9, 23, &error));
}

static void
delete_claim (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_delete_record (fixture->project, "claim", fixture->claim, &error));
  g_assert_cmpuint (count_hits (fixture->project, "casualty"), ==, 0);
}

static void
delete_document (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_delete_record (fixture->project, "document", fixture->document,
                                            &error));
  g_assert_cmpuint (count_hits (fixture->project, "Sadykov"), ==, 0);
}

static void
import_document (Fixture *fixture)
{
  g_autofree char *uuid = crb_test_add_document (fixture->project, "Second",
                                                 "Residents of Karaozek were evacuated overnight.");

  g_assert_cmpuint (count_hits (fixture->project, "Karaozek"), ==, 1);
}

static void
test_round_trip (Fixture *fixture, gconstpointer data)
{
  check_round_trip (fixture, data);
}

static void
test_undo_stack (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  /* Undo everything back to the start, then nothing is left to undo. */
  while (crb_project_can_undo (fixture->project))
    crb_assert_ok (crb_project_undo (fixture->project, NULL, &error));
  g_assert_false (crb_project_undo (fixture->project, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  g_assert_cmpuint (count_hits (fixture->project, "Ilmet"), ==, 0);

  /* Redo everything; a new edit then clears what could be redone. */
  while (crb_project_can_redo (fixture->project))
    crb_assert_ok (crb_project_redo (fixture->project, NULL, &error));
  g_assert_cmpuint (count_hits (fixture->project, "Ilmet"), ==, 1);
  crb_assert_ok (crb_project_undo (fixture->project, NULL, &error));
  crb_assert_ok (crb_project_set_field (fixture->project, "document", fixture->document, "title",
                                        "Renamed", &error));
  g_assert_false (crb_project_can_redo (fixture->project));
}

static void
test_undo_conflict (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *state = NULL;

  crb_assert_ok (crb_project_set_field (fixture->project, "claim", fixture->claim, "note", "Mine",
                                        &error));
  g_clear_object (&fixture->project);

  /* Someone changes the row behind our back (as a merge would). */
  crb_test_exec_raw (fixture->path, "UPDATE claim SET note = 'Theirs'");
  fixture->project = crb_project_open (fixture->path, &error);
  g_assert_no_error (error);
  state = crb_test_dump (fixture->project);

  g_assert_false (crb_project_undo (fixture->project, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_CONFLICT);
  {
    g_autofree char *now = crb_test_dump (fixture->project);
    g_assert_cmpstr (now, ==, state);
  }
}

/* The longest undo step in the history file (the project must be closed). */
static gint64
longest_history_step (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "corroborate", "history", NULL);
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  gint64 longest = -1;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)))
    if (g_str_has_suffix (name, ".sqlite"))
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        sqlite3 *db = NULL;
        sqlite3_stmt *stmt = NULL;

        g_assert_cmpint (sqlite3_open_v2 (file, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max(length(changeset)) FROM step", -1,
                                             &stmt, NULL),
                         ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        longest = MAX (longest, sqlite3_column_int64 (stmt, 0));
        sqlite3_finalize (stmt);
        sqlite3_close (db);
      }
  return longest;
}

static void
reopen (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  fixture->project = crb_project_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* An import's undo step does not keep a second copy of the text: only
 * undoing it moves the text into the history, so that redo can bring it
 * back. */
static void
test_import_text_stays_out_of_history (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *uuid = NULL;

  while (text->len < 200 * 1024)
    g_string_append_printf (text, "Paragraph %u: the Karaozek embankment held until dawn.\n\n",
                            (guint) text->len);
  uuid = crb_test_add_document (fixture->project, "Long report", text->str);
  g_assert_cmpuint (count_hits (fixture->project, "Karaozek"), ==, 1);
  g_clear_object (&fixture->project);
  g_assert_cmpint (longest_history_step (), <, 20 * 1024);

  reopen (fixture);
  crb_assert_ok (crb_project_undo (fixture->project, NULL, &error));
  g_assert_cmpuint (count_hits (fixture->project, "Karaozek"), ==, 0);
  crb_assert_ok (crb_project_check (fixture->project, &error));
  g_clear_object (&fixture->project);
  g_assert_cmpint (longest_history_step (), >, (gint64) text->len);

  reopen (fixture);
  crb_assert_ok (crb_project_redo (fixture->project, NULL, &error));
  g_assert_cmpuint (count_hits (fixture->project, "Karaozek"), ==, 1);
  {
    g_autofree char *stored = crb_project_dup_document_text (fixture->project, uuid, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stored, ==, text->str);
  }
  crb_assert_ok (crb_project_check (fixture->project, &error));
  crb_assert_ok (crb_project_undo (fixture->project, NULL, &error));
  g_assert_cmpuint (count_hits (fixture->project, "Karaozek"), ==, 0);
  crb_assert_ok (crb_project_check (fixture->project, &error));
}

static void
record_changed_claims (CrbProject *project, guint changes, GPtrArray *seen)
{
  const char * const *claims = crb_project_get_changed_claims (project);

  g_ptr_array_add (seen, claims ? g_strjoinv (",", (char **) claims) : g_strdup ("(unknown)"));
}

static char *
last_changed (GPtrArray *seen)
{
  g_assert_cmpuint (seen->len, >, 0);
  return g_strdup (g_ptr_array_index (seen, seen->len - 1));
}

/* CrbProject::changed says which claims an action, undo or redo touched,
 * so that the reader updates just those. */
static void
test_changed_claims (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CrbClaim) claim = NULL;
  const char *uuid;
  struct
  {
    const char *what;
    gboolean ok;
  } steps[6];
  guint n = 0;

  g_signal_connect (fixture->project, "changed", G_CALLBACK (record_changed_claims), seen);
  g_assert_null (crb_project_get_changed_claims (fixture->project));

  claim = crb_project_add_claim (fixture->project, fixture->document, 24, 40, "claim", "", &error);
  g_assert_no_error (error);
  uuid = crb_record_get_uuid (CRB_RECORD (claim));
  {
    g_autofree char *last = last_changed (seen);
    g_assert_cmpstr (last, ==, uuid);
  }

  steps[n].what = "note";
  steps[n++].ok = crb_project_set_field (fixture->project, "claim", uuid, "note", "Checked",
                                         &error);
  steps[n].what = "undo note";
  steps[n++].ok = crb_project_undo (fixture->project, NULL, &error);
  steps[n].what = "redo note";
  steps[n++].ok = crb_project_redo (fixture->project, NULL, &error);
  steps[n].what = "undo note again";
  steps[n++].ok = crb_project_undo (fixture->project, NULL, &error);
  steps[n].what = "undo creation";
  steps[n++].ok = crb_project_undo (fixture->project, NULL, &error);
  steps[n].what = "redo creation";
  steps[n++].ok = crb_project_redo (fixture->project, NULL, &error);
  g_assert_no_error (error);
  /* Each step was told, naming exactly the claim. */
  g_assert_cmpuint (seen->len, ==, 1 + n);
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%s: %s", steps[i].what, (char *) g_ptr_array_index (seen, i + 1));
      g_assert_true (steps[i].ok);
      g_assert_cmpstr (g_ptr_array_index (seen, i + 1), ==, uuid);
    }

  /* An import touches no claim: known, and empty. */
  g_free (crb_test_add_document (fixture->project, "Third", "Nothing to see here."));
  {
    g_autofree char *last = last_changed (seen);
    g_assert_cmpstr (last, ==, "");
  }
  /* Outside an emission nothing is told. */
  g_assert_null (crb_project_get_changed_claims (fixture->project));
}

static void
test_invalid_values (Fixture *fixture, gconstpointer data)
{
  static const char *cases[][4] = {
    { "claim", "credibility", "7", "credibility" },
    { "claim", "credibility", "high", "from 1" },
    { "claim", "kind", "rumour", "rumour" },
    { "document", "reliability", "G", "“G”" },
    { "document", "title", "   ", "empty" },
    { "claim", "uuid", "x", "not a field" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *id = g_str_equal (cases[i][0], "claim") ? fixture->claim : fixture->document;

      g_assert_false (crb_project_set_field (fixture->project, cases[i][0], id, cases[i][1],
                                             cases[i][2], &error));
      g_assert_nonnull (error);
      g_test_message ("%s.%s = %s: %s", cases[i][0], cases[i][1], cases[i][2], error->message);
      g_assert_nonnull (g_strstr_len (error->message, -1, cases[i][3]));
    }
}

int
main (int argc, char *argv[])
{
  static const struct
  {
    const char *name;
    void (*edit) (Fixture *);
  } edits[] = {
    { "edit-note", edit_note },       { "edit-kind", edit_kind },
    { "edit-credibility", edit_credibility }, { "grade-source", edit_grade },
    { "rename-source", edit_title },  { "add-claim", add_claim },
    { "move-claim", move_claim },     { "delete-claim", delete_claim },
    { "delete-document", delete_document }, { "import-document", import_document },
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crb/undo/round-trip/%s", edits[i].name);

      g_test_add (path, Fixture, edits[i].edit, fixture_set_up, test_round_trip,
                  fixture_tear_down);
    }
  g_test_add ("/crb/undo/stack", Fixture, NULL, fixture_set_up, test_undo_stack,
              fixture_tear_down);
  g_test_add ("/crb/undo/conflict-leaves-project-unchanged", Fixture, NULL, fixture_set_up,
              test_undo_conflict, fixture_tear_down);
  g_test_add ("/crb/undo/import-text-stays-out-of-history", Fixture, NULL, fixture_set_up,
              test_import_text_stays_out_of_history, fixture_tear_down);
  g_test_add ("/crb/undo/changed-claims", Fixture, NULL, fixture_set_up, test_changed_claims,
              fixture_tear_down);
  g_test_add ("/crb/edit/refuses-invalid-values", Fixture, NULL, fixture_set_up,
              test_invalid_values, fixture_tear_down);
  return g_test_run ();
}
