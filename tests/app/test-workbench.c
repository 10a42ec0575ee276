/* test-workbench.c: an analyst's session, driven through the real widgets'
 * actions, then checked in the project file itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "crb-app-test.h"
#include "crb-claim-inspector.h"
#include "crb-claim.h"
#include "crb-import.h"
#include "crb-reader.h"
#include "crb-search-view.h"
#include "crb-sidebar.h"
#include "crb-tag.h"
#include "crb-window-private.h"

#define QUOTE "At least 14 people were killed and 31 injured"
#define NOTE "Official toll at noon; the Gazette counts about 20."

typedef struct
{
  CrbApplication *app;
  CrbWindow      *window;
  char           *path;
  GPtrArray      *documents;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  /* Named already: the first annotation does not ask. */
  g_settings_set_string (settings, "analyst-name", "Test Analyst");
  fixture->path = crb_app_test_make_project (2, &fixture->documents);
  fixture->app = crb_app_test_new_app ();
  fixture->window = crb_app_test_open_window (fixture->app, fixture->path, 0, 0);
  g_assert_cmpstr (crb_project_get_author (crb_window_get_project (fixture->window)), ==,
                   "Test Analyst");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window)
    crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->documents, g_ptr_array_unref);
  g_clear_pointer (&fixture->path, g_free);
}

/* Picks a source in the sidebar, as a click would. */
static void
pick_source (Fixture *fixture, const char *uuid)
{
  GListModel *sources = crb_sidebar_get_sources (fixture->window->sidebar);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr (CrbRecord) document = g_list_model_get_item (sources, i);

      if (g_str_equal (crb_record_get_uuid (document), uuid))
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (sources), i);
          break;
        }
    }
  g_assert_nonnull (crb_reader_get_document (fixture->window->reader));
  g_assert_cmpstr (crb_record_get_uuid (CRB_RECORD (crb_reader_get_document (fixture->window->reader))),
                   ==, uuid);
}

static void
select_text (Fixture *fixture, const char *text)
{
  GtkTextView *view = crb_reader_get_text_view (fixture->window->reader);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
}

/* The text's tags as runs "start-end:tag,tag;" (the tags by identity). */
static char *
dump_highlights (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (crb_reader_get_text_view (fixture->window->reader));
  g_autoptr (GString) out = g_string_new (NULL);
  GtkTextIter iter, next;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_is_end (&iter))
    {
      g_autoptr (GSList) tags = gtk_text_iter_get_tags (&iter);

      next = iter;
      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL))
        gtk_text_iter_forward_to_end (&next);
      if (tags != NULL)
        {
          g_string_append_printf (out, "%d-%d:", gtk_text_iter_get_offset (&iter),
                                  gtk_text_iter_get_offset (&next));
          for (GSList *l = tags; l; l = l->next)
            g_string_append_printf (out, "%p,", l->data);
          g_string_append_c (out, ';');
        }
      iter = next;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the reader shows after a change equals what it shows when the
 * document is opened afresh. */
static void
assert_highlights_fresh (Fixture *fixture, const char *document)
{
  g_autofree char *updated = dump_highlights (fixture);
  g_autofree char *fresh = NULL;

  g_assert_true (crb_reader_show_document (fixture->window->reader, document, NULL));
  crb_app_test_flush ();
  fresh = dump_highlights (fixture);
  g_assert_cmpstr (updated, ==, fresh);
}

static gboolean
note_saved (gpointer data)
{
  return !crb_claim_inspector_has_pending_note (data);
}

static void
activate (Fixture *fixture, const char *action)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), action, NULL);
}

static CrbClaim *
inspected (Fixture *fixture)
{
  return crb_claim_inspector_get_claim (fixture->window->inspector);
}

static guint
claim_tag_count (CrbProject *project, const char *claim_uuid)
{
  g_autoptr (GPtrArray) tags = crb_project_list_claim_tags (project, claim_uuid, NULL);

  return tags ? tags->len : 0;
}

static int
deleted_flag (const char *path, const char *uuid)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int deleted = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT deleted FROM claim WHERE uuid = ?1", -1, &stmt,
                                       NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    deleted = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return deleted;
}

static void
test_annotate_undo_redo (Fixture *fixture, gconstpointer data)
{
  CrbProject *project = crb_window_get_project (fixture->window);
  GtkWidget *reader = GTK_WIDGET (fixture->window->reader);
  GtkWidget *inspector = GTK_WIDGET (fixture->window->inspector);
  g_autofree char *claim_uuid = NULL;
  g_autofree char *highlight_uuid = NULL;
  g_autoptr (CrbProject) reopened = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GError) error = NULL;
  GtkTextIter start, end;

  pick_source (fixture, g_ptr_array_index (fixture->documents, 0));

  /* Select a passage and mark it as a claim. */
  select_text (fixture, QUOTE);
  g_assert_true (gtk_widget_activate_action (reader, "reader.claim", NULL));
  g_assert_nonnull (crb_reader_get_selected_claim (fixture->window->reader));
  g_assert_nonnull (inspected (fixture));
  claim_uuid = g_strdup (crb_record_get_uuid (CRB_RECORD (inspected (fixture))));
  g_assert_cmpstr (crb_claim_get_exact (inspected (fixture)), ==, QUOTE);
  g_assert_cmpstr (crb_claim_get_kind (inspected (fixture)), ==, "claim");
  g_assert_true (adw_flap_get_reveal_flap (fixture->window->flap));

  /* Type a note; it is saved after the pause. */
  gtk_text_buffer_get_end_iter (crb_claim_inspector_get_note_buffer (fixture->window->inspector),
                                &end);
  gtk_text_buffer_insert (crb_claim_inspector_get_note_buffer (fixture->window->inspector), &end,
                          NOTE, -1);
  g_assert_true (crb_claim_inspector_has_pending_note (fixture->window->inspector));
  g_assert_true (crb_app_test_wait (note_saved, fixture->window->inspector));
  g_assert_cmpstr (crb_claim_get_note (inspected (fixture)), ==, NOTE);

  /* Tag it (a new tag). */
  g_assert_true (gtk_widget_activate_action (inspector, "inspector.tag", "s", "Casualties"));
  g_assert_cmpuint (claim_tag_count (project, claim_uuid), ==, 1);

  /* Undo takes the tag back (the tag's creation is a step of its own),
   * redo restores it. */
  activate (fixture, "undo");
  g_assert_cmpuint (claim_tag_count (project, claim_uuid), ==, 0);
  activate (fixture, "redo");
  g_assert_cmpuint (claim_tag_count (project, claim_uuid), ==, 1);
  g_assert_cmpstr (crb_claim_get_note (inspected (fixture)), ==, NOTE);

  /* Delete it from the inspector, then undo the deletion. */
  g_assert_true (gtk_widget_activate_action (inspector, "inspector.delete", NULL));
  g_assert_null (inspected (fixture));
  g_assert_null (crb_project_find_claim (project, claim_uuid, NULL));
  activate (fixture, "undo");
  claim = crb_project_find_claim (project, claim_uuid, NULL);
  g_assert_nonnull (claim);
  g_assert_cmpstr (crb_claim_get_note (claim), ==, NOTE);
  g_clear_object (&claim);

  /* A highlight that stays deleted leaves a tombstone. */
  select_text (fixture, "The village of Brezhki");
  g_assert_true (gtk_widget_activate_action (reader, "reader.highlight", NULL));
  highlight_uuid = g_strdup (crb_record_get_uuid (CRB_RECORD (inspected (fixture))));
  g_assert_cmpstr (crb_claim_get_kind (inspected (fixture)), ==, "highlight");
  g_assert_true (gtk_widget_activate_action (inspector, "inspector.delete", NULL));

  /* Clicking the claim's text selects it again. */
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (crb_reader_get_text_view (
                                  fixture->window->reader)),
                              &start, &end);
  crb_reader_select_claim (fixture->window->reader, claim_uuid);
  g_assert_cmpstr (crb_record_get_uuid (CRB_RECORD (inspected (fixture))), ==, claim_uuid);

  /* Closing the window closes the project: the file tells the rest. */
  crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  fixture->window = NULL;

  reopened = crb_project_open (fixture->path, &error);
  g_assert_no_error (error);
  claim = crb_project_find_claim (reopened, claim_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_claim_get_exact (claim), ==, QUOTE);
  g_assert_cmpstr (crb_claim_get_note (claim), ==, NOTE);
  g_assert_cmpstr (crb_record_get_author (CRB_RECORD (claim)), ==, "Test Analyst");
  tags = crb_project_list_claim_tags (reopened, claim_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 1);
  g_assert_cmpstr (crb_tag_get_name (g_ptr_array_index (tags, 0)), ==, "Casualties");
  g_assert_null (crb_project_find_claim (reopened, highlight_uuid, NULL));
  crb_project_close (reopened);
  g_assert_cmpint (deleted_flag (fixture->path, claim_uuid), ==, 0);
  g_assert_cmpint (deleted_flag (fixture->path, highlight_uuid), ==, 1);
}

static gboolean
is_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Ctrl+Q while typing a note: the note is in the file, as when the window
 * is closed. */
/* Claims made, deleted and brought back are repainted where they are (the
 * reader reads only the claims a change names). */
static void
test_highlights_follow_claims (Fixture *fixture, gconstpointer data)
{
  const char *document = g_ptr_array_index (fixture->documents, 0);
  GtkWidget *reader = GTK_WIDGET (fixture->window->reader);
  g_autofree char *before = NULL;
  g_autofree char *with_claims = NULL;
  g_autofree char *highlight = NULL;

  pick_source (fixture, document);
  before = dump_highlights (fixture);

  select_text (fixture, QUOTE);
  g_assert_true (gtk_widget_activate_action (reader, "reader.claim", NULL));
  with_claims = dump_highlights (fixture);
  g_assert_cmpstr (with_claims, !=, before);
  assert_highlights_fresh (fixture, document);

  /* Overlapping the first. */
  select_text (fixture, "31 injured");
  g_assert_true (gtk_widget_activate_action (reader, "reader.highlight", NULL));
  g_assert_nonnull (crb_reader_get_selected_claim (fixture->window->reader));
  highlight = g_strdup (
      crb_record_get_uuid (CRB_RECORD (crb_reader_get_selected_claim (fixture->window->reader))));
  assert_highlights_fresh (fixture, document);

  crb_reader_select_claim (fixture->window->reader, highlight);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window->inspector),
                                             "inspector.delete", NULL));
  assert_highlights_fresh (fixture, document);
  activate (fixture, "undo");
  assert_highlights_fresh (fixture, document);
  activate (fixture, "undo");
  activate (fixture, "undo");
  assert_highlights_fresh (fixture, document);
  {
    g_autofree char *after = dump_highlights (fixture);
    g_assert_cmpstr (after, ==, before);
  }
}

/* A long text shows its first screens at once and the rest of its
 * highlights follow in idle steps: in the end every claim is painted. */
static void
test_long_text_painted (Fixture *fixture, gconstpointer data)
{
  CrbProject *project = crb_window_get_project (fixture->window);
  g_autoptr (CrbImporter) importer = crb_importer_new (project);
  g_autoptr (CrbImportOutcome) outcome = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (crb_reader_get_text_view (fixture->window->reader));

  while (text->len < 300000)
    g_string_append (text, "The embankment at Karaozek held until dawn, officials said. ");
  outcome = crb_importer_import_text (importer, text->str, "Long report", &error);
  g_assert_no_error (error);
  for (guint start = 100; start + 40 < text->len; start += 7919)
    {
      g_autoptr (CrbClaim) claim =
          crb_project_add_claim (project, outcome->document_uuid, start, start + 30, "claim", "",
                                 &error);

      g_assert_no_error (error);
      g_array_append_val (starts, start);
    }
  crb_app_test_flush ();
  g_assert_true (crb_reader_show_document (fixture->window->reader, outcome->document_uuid, NULL));
  crb_app_test_flush ();
  for (guint i = 0; i < starts->len; i++)
    {
      GtkTextIter iter;
      g_autoptr (GSList) tags = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) g_array_index (starts, guint, i) + 5);
      tags = gtk_text_iter_get_tags (&iter);
      g_assert_nonnull (tags);
    }
}

static void
test_quit_saves_note (Fixture *fixture, gconstpointer data)
{
  GtkTextBuffer *note = crb_claim_inspector_get_note_buffer (fixture->window->inspector);
  g_autofree char *claim_uuid = NULL;
  g_autoptr (CrbProject) reopened = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GError) error = NULL;

  pick_source (fixture, g_ptr_array_index (fixture->documents, 0));
  select_text (fixture, QUOTE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window->reader), "reader.claim",
                                             NULL));
  claim_uuid = g_strdup (crb_record_get_uuid (CRB_RECORD (inspected (fixture))));
  gtk_text_buffer_set_text (note, NOTE, -1);
  g_assert_true (crb_claim_inspector_has_pending_note (fixture->window->inspector));

  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  g_assert_true (crb_app_test_wait (is_cleared, &fixture->window));

  reopened = crb_project_open (fixture->path, &error);
  g_assert_no_error (error);
  claim = crb_project_find_claim (reopened, claim_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_claim_get_note (claim), ==, NOTE);
  crb_project_close (reopened);
}

static gboolean
search_done (gpointer data)
{
  return !crb_search_view_is_searching (data);
}

static void
test_search_opens_hit (Fixture *fixture, gconstpointer data)
{
  GtkEditable *entry = crb_sidebar_get_search_entry (fixture->window->sidebar);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (crb_reader_get_text_view (fixture->window->reader));
  g_autofree char *selected = NULL;
  GtkTextIter start, end;

  gtk_editable_set_text (entry, "freight train");
  /* The entry reports after its own short delay; then the search runs. */
  g_assert_true (crb_app_test_wait ((CrbAppTestCondition) crb_search_view_get_n_results,
                                    fixture->window->search_view));
  g_assert_true (crb_app_test_wait (search_done, fixture->window->search_view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==,
                   "search");

  crb_search_view_activate_result (fixture->window->search_view, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==,
                   "reader");
  g_assert_cmpstr (crb_record_get_uuid (CRB_RECORD (crb_reader_get_document (fixture->window->reader))),
                   ==, g_ptr_array_index (fixture->documents, 1));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "freight");
}

static void
test_grade_source (Fixture *fixture, gconstpointer data)
{
  CrbProject *project = crb_window_get_project (fixture->window);
  const char *uuid = g_ptr_array_index (fixture->documents, 0);
  g_autoptr (CrbDocument) document = NULL;

  pick_source (fixture, uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window->reader), "reader.grade",
                                             "s", "B"));
  document = crb_project_find_document (project, uuid, NULL);
  g_assert_cmpstr (crb_document_get_reliability (document), ==, "B");
  g_assert_cmpstr (crb_document_get_reliability (crb_reader_get_document (fixture->window->reader)),
                   ==, "B");
  activate (fixture, "undo");
  g_clear_object (&document);
  document = crb_project_find_document (project, uuid, NULL);
  g_assert_null (crb_document_get_reliability (document));
}

int
main (int argc, char *argv[])
{
  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }

  g_test_add ("/crb/app/workbench/annotate-undo-redo", Fixture, NULL, fixture_set_up,
              test_annotate_undo_redo, fixture_tear_down);
  g_test_add ("/crb/app/workbench/highlights-follow-claims", Fixture, NULL, fixture_set_up,
              test_highlights_follow_claims, fixture_tear_down);
  g_test_add ("/crb/app/workbench/long-text-painted", Fixture, NULL, fixture_set_up,
              test_long_text_painted, fixture_tear_down);
  g_test_add ("/crb/app/workbench/quit-saves-note", Fixture, NULL, fixture_set_up,
              test_quit_saves_note, fixture_tear_down);
  g_test_add ("/crb/app/workbench/search-opens-hit", Fixture, NULL, fixture_set_up,
              test_search_opens_hit, fixture_tear_down);
  g_test_add ("/crb/app/workbench/grade-source", Fixture, NULL, fixture_set_up, test_grade_source,
              fixture_tear_down);
  return g_test_run ();
}
