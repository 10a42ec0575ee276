/* test-share.c: working with colleagues — merging a colleague's copy and
 * reviewing what both changed, exports, Web Annotations, analysts' claims
 * and history — driven through the real widgets' actions, then checked in
 * the project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "crb-app-test.h"
#include "crb-claim-inspector-private.h"
#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-export-dialog.h"
#include "crb-export.h"
#include "crb-merge-dialog.h"
#include "crb-reader-private.h"
#include "crb-window-private.h"

#define QUOTE "At least 14 people were killed and 31 injured"
#define OTHER_QUOTE "The village of Brezhki"
#define OURS "Toll confirmed by the regional ministry."
#define THEIRS "Toll from the wire only; not confirmed."

typedef struct
{
  CrbApplication *app;
  CrbWindow      *window;
  char           *path;
  char           *colleague_path;
  GPtrArray      *documents;
  char           *claim;
  char           *event;
} Fixture;

static gboolean
note_saved (gpointer data)
{
  return !crb_claim_inspector_has_pending_note (data);
}

/* The project as the analyst left it, and a colleague's copy of it in
 * which the colleague added a claim and rewrote the note (before the
 * analyst's own edit, so the analyst's stays in the record). */
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;

  g_settings_set_string (settings, "analyst-name", "Test Analyst");
  fixture->path = crb_app_test_make_project (2, &fixture->documents);
  dir = g_path_get_dirname (fixture->path);
  fixture->colleague_path = g_build_filename (dir, "colleague.corroborate", NULL);
  {
    g_autoptr (CrbProject) project = crb_project_open (fixture->path, &error);
    g_autoptr (CrbClaim) claim = NULL;
    g_autoptr (CrbEvent) event = NULL;
    g_autoptr (CrbEventClaim) link = NULL;

    g_assert_no_error (error);
    crb_project_set_author (project, "Test Analyst");
    claim = crb_project_add_claim_by_quote (project, g_ptr_array_index (fixture->documents, 0),
                                            QUOTE, 1, "claim", "First reading.", &error);
    g_assert_no_error (error);
    fixture->claim = g_strdup (crb_record_get_uuid (CRB_RECORD (claim)));
    event = crb_project_add_event (project, "Dam breach", "2026-04-18", NULL, "Ilmet valley", NULL,
                                   &error);
    g_assert_no_error (error);
    fixture->event = g_strdup (crb_record_get_uuid (CRB_RECORD (event)));
    link = crb_project_link_claim_event (project, fixture->claim, fixture->event, NULL, "supports",
                                         &error);
    g_assert_no_error (error);
    g_assert_true (
        crb_project_save_copy (project, fixture->colleague_path, CRB_COPY_DEFAULT, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr (CrbProject) colleague = crb_project_open (fixture->colleague_path, &error);
    g_autoptr (CrbClaim) added = NULL;

    g_assert_no_error (error);
    crb_project_set_author (colleague, "Colleague");
    g_assert_true (
        crb_project_set_field (colleague, "claim", fixture->claim, "note", THEIRS, &error));
    added = crb_project_add_claim_by_quote (colleague, g_ptr_array_index (fixture->documents, 0),
                                            OTHER_QUOTE, 1, "highlight", NULL, &error);
    g_assert_no_error (error);
  }
  /* Change times are in milliseconds: the analyst's edit comes later. */
  g_usleep (20 * 1000);

  fixture->app = crb_app_test_new_app ();
  fixture->window = crb_app_test_open_window (fixture->app, fixture->path, 0, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window)
    crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->documents, g_ptr_array_unref);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->colleague_path, g_free);
  g_clear_pointer (&fixture->claim, g_free);
  g_clear_pointer (&fixture->event, g_free);
}

static CrbProject *
project_of (Fixture *fixture)
{
  return crb_window_get_project (fixture->window);
}

/* The analyst opens the claim and types a note in the inspector. */
static void
type_note (Fixture *fixture, const char *note)
{
  GtkTextBuffer *buffer = crb_claim_inspector_get_note_buffer (fixture->window->inspector);

  g_assert_true (
      crb_window_show_document (fixture->window, g_ptr_array_index (fixture->documents, 0)));
  crb_reader_select_claim (fixture->window->reader, fixture->claim);
  g_assert_nonnull (crb_claim_inspector_get_claim (fixture->window->inspector));
  gtk_text_buffer_set_text (buffer, note, -1);
  g_assert_true (crb_app_test_wait (note_saved, fixture->window->inspector));
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window; /* the toplevel list keeps it */
    }
  return NULL;
}

static void
collect_labels (GtkWidget *widget, GString *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (text, "%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* The text of what a page shows. */
static char *
shown_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_labels (widget, text);
  return g_string_free (text, FALSE);
}

/* The button bound to `action` (with `target`, when given). */
static GtkWidget *
find_button (GtkWidget *widget, const char *action, GVariant *target)
{
  g_autoptr (GVariant) owned = target ? g_variant_ref_sink (target) : NULL;

  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      (owned == NULL ||
       (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) &&
        g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), owned))))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action, owned ? g_variant_ref (owned) : NULL);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
merge_done (gpointer data)
{
  return g_strcmp0 (crb_merge_dialog_get_page (data), "progress") != 0;
}

static CrbMergeDialog *
merge_colleague (Fixture *fixture, const char *path)
{
  CrbMergeDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "merge-file",
                                  g_variant_new_string (path));
  dialog = find_toplevel (CRB_TYPE_MERGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_true (crb_app_test_wait (merge_done, dialog));
  crb_app_test_flush ();
  return dialog;
}

static char *
claim_note (const char *path, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_open (path, &error);
  g_autoptr (CrbClaim) claim = NULL;

  g_assert_no_error (error);
  claim = crb_project_find_claim (project, uuid, &error);
  g_assert_no_error (error);
  return g_strdup (crb_claim_get_note (claim));
}

static void
test_merge_review (Fixture *fixture, gconstpointer data)
{
  const CrbMergeSummary *summary;
  CrbMergeDialog        *dialog;
  g_autofree char       *summary_text = NULL;
  g_autofree char       *review_text = NULL;
  g_autofree char       *note = NULL;
  GtkWidget             *button;

  type_note (fixture, OURS);
  dialog = merge_colleague (fixture, fixture->colleague_path);

  /* The summary: the colleague's highlight came in, the note is to review. */
  g_assert_cmpstr (crb_merge_dialog_get_page (dialog), ==, "summary");
  summary = crb_merge_dialog_get_summary (dialog);
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->added[CRB_MERGE_CLAIMS], ==, 1);
  g_assert_cmpuint (summary->conflicts, ==, 1);
  summary_text = shown_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (summary_text, "Merged “colleague.corroborate”"));
  g_assert_nonnull (strstr (summary_text, "1 field was changed by both of you"));
  g_assert_nonnull (strstr (summary_text, "Claims, highlights and questions"));
  g_assert_cmpuint (crb_conflict_banner_get_n_conflicts (fixture->window->conflict_banner), ==, 1);

  /* The review: both notes side by side with their authors. */
  button = find_button (GTK_WIDGET (dialog), "merge.review", NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  crb_app_test_flush ();
  g_assert_cmpstr (crb_merge_dialog_get_page (dialog), ==, "review");
  g_assert_cmpuint (crb_merge_dialog_get_n_conflicts (dialog), ==, 1);
  review_text = shown_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (review_text, "Claim “" QUOTE "”"));
  g_assert_nonnull (strstr (review_text, OURS));
  g_assert_nonnull (strstr (review_text, THEIRS));
  g_assert_nonnull (strstr (review_text, "Now · by Test Analyst"));
  g_assert_nonnull (strstr (review_text, "Not applied · by Colleague"));

  /* Picking the colleague's note. */
  {
    g_autoptr (GPtrArray) conflicts =
        crb_project_list_merge_conflicts (project_of (fixture), FALSE, NULL);

    g_assert_cmpuint (conflicts->len, ==, 1);
    button = find_button (
        GTK_WIDGET (dialog), "merge.resolve",
        g_variant_new ("(sb)", ((CrbMergeConflict *) g_ptr_array_index (conflicts, 0))->uuid,
                       TRUE));
  }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  crb_app_test_flush ();
  g_assert_cmpstr (crb_merge_dialog_get_page (dialog), ==, "reviewed");
  g_assert_cmpuint (crb_conflict_banner_get_n_conflicts (fixture->window->conflict_banner), ==, 0);
  g_assert_cmpstr (crb_claim_get_note (crb_claim_inspector_get_claim (fixture->window->inspector)),
                   ==, THEIRS);

  crb_app_test_destroy (GTK_WIDGET (dialog), dialog);
  crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  fixture->window = NULL;
  note = claim_note (fixture->path, fixture->claim);
  g_assert_cmpstr (note, ==, THEIRS);
}

static void
test_merge_undo (Fixture *fixture, gconstpointer data)
{
  CrbMergeDialog *dialog = merge_colleague (fixture, fixture->colleague_path);
  g_autoptr (GPtrArray) claims = NULL;

  g_assert_cmpstr (crb_merge_dialog_get_page (dialog), ==, "summary");
  crb_app_test_destroy (GTK_WIDGET (dialog), dialog);
  claims = crb_project_list_claims (project_of (fixture), NULL, NULL);
  g_assert_cmpuint (claims->len, ==, 2);
  g_clear_pointer (&claims, g_ptr_array_unref);

  /* The whole merge is one step. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  claims = crb_project_list_claims (project_of (fixture), NULL, NULL);
  g_assert_cmpuint (claims->len, ==, 1);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_merge_cancel (Fixture *fixture, gconstpointer data)
{
  CrbMergeDialog *dialog;
  gpointer        watched;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autofree char *note = NULL;

  type_note (fixture, OURS);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "merge-file",
                                  g_variant_new_string (fixture->colleague_path));
  dialog = find_toplevel (CRB_TYPE_MERGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (crb_merge_dialog_get_page (dialog), ==, "progress");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.cancel", NULL));
  /* The dialog stays until the merge has been taken back, then goes. */
  watched = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &watched);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (crb_app_test_wait (is_null, &watched));

  claims = crb_project_list_claims (project_of (fixture), NULL, NULL);
  g_assert_cmpuint (claims->len, ==, 1);
  conflicts = crb_project_list_merge_conflicts (project_of (fixture), FALSE, NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);
  crb_app_test_flush ();
  g_assert_cmpuint (crb_conflict_banner_get_n_conflicts (fixture->window->conflict_banner), ==, 0);
  crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  fixture->window = NULL;
  note = claim_note (fixture->path, fixture->claim);
  g_assert_cmpstr (note, ==, OURS);
}

static void
test_merge_refuses_foreign (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *foreign = g_build_filename (dir, "notes.corroborate", NULL);
  g_autofree char *text = NULL;
  CrbMergeDialog  *dialog;
  g_autoptr (GPtrArray) claims = NULL;

  g_assert_true (g_file_set_contents (foreign, "not a project at all\n", -1, NULL));
  dialog = merge_colleague (fixture, foreign);
  g_assert_cmpstr (crb_merge_dialog_get_page (dialog), ==, "error");
  text = shown_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "Could Not Merge"));
  g_assert_nonnull (strstr (text, "notes.corroborate"));
  claims = crb_project_list_claims (project_of (fixture), NULL, NULL);
  g_assert_cmpuint (claims->len, ==, 1);
  crb_app_test_destroy (GTK_WIDGET (dialog), dialog);
}

static void
test_history_and_authors (Fixture *fixture, gconstpointer data)
{
  CrbReader       *reader = fixture->window->reader;
  CrbMergeDialog  *dialog;
  g_autofree char *history = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (CrbClaim) claim = NULL;

  type_note (fixture, OURS);
  dialog = merge_colleague (fixture, fixture->colleague_path);
  crb_app_test_destroy (GTK_WIDGET (dialog), dialog);

  /* Who changed what: the note by both analysts, each with the time. */
  crb_reader_select_claim (reader, fixture->claim);
  g_assert_nonnull (crb_claim_inspector_get_claim (fixture->window->inspector));
  history = shown_text (GTK_WIDGET (fixture->window->inspector->history_row));
  g_assert_nonnull (strstr (history, "Created by Test Analyst"));
  g_assert_nonnull (strstr (history, "Note changed by Colleague"));
  g_assert_nonnull (strstr (history, "Note changed by Test Analyst"));

  /* Both analysts' highlights, then only the colleague's. */
  claims = crb_project_list_claims_by_author (
      project_of (fixture), g_ptr_array_index (fixture->documents, 0), "Colleague", NULL);
  g_assert_cmpuint (claims->len, ==, 1);
  theirs = g_strdup (crb_record_get_uuid (g_ptr_array_index (claims, 0)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reader->author_button)));
  g_assert_nonnull (crb_highlighter_lookup (reader->highlighter, fixture->claim));
  g_assert_nonnull (crb_highlighter_lookup (reader->highlighter, theirs));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (reader), "reader.show-author", "s", "Colleague"));
  g_assert_cmpstr (crb_reader_get_author_filter (reader), ==, "Colleague");
  g_assert_null (crb_highlighter_lookup (reader->highlighter, fixture->claim));
  g_assert_nonnull (crb_highlighter_lookup (reader->highlighter, theirs));
  /* The selected claim was the analyst's own: hidden, so no longer selected. */
  g_assert_null (crb_reader_get_selected_claim (reader));
  g_assert_cmpstr (gtk_menu_button_get_label (reader->author_button), ==, "Colleague");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.show-author", "s", ""));
  g_assert_nonnull (crb_highlighter_lookup (reader->highlighter, fixture->claim));

  /* A claim the analyst makes while only the colleague's are shown
   * brings every analyst's back, so that the new one is seen. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (reader), "reader.show-author", "s", "Colleague"));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (crb_reader_get_text_view (reader));
    GtkTextIter    start, match_start, match_end;

    gtk_text_buffer_get_start_iter (buffer, &start);
    g_assert_true (
        gtk_text_iter_forward_search (&start, "31 injured", 0, &match_start, &match_end, NULL));
    gtk_text_buffer_select_range (buffer, &match_start, &match_end);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.highlight", NULL));
  }
  g_assert_cmpstr (crb_reader_get_author_filter (reader), ==, "");
  g_assert_nonnull (crb_reader_get_selected_claim (reader));
  g_assert_cmpstr (crb_record_get_author (CRB_RECORD (crb_reader_get_selected_claim (reader))), ==,
                   "Test Analyst");

  /* A note made private in the inspector is private in the file. */
  crb_reader_select_claim (reader, fixture->claim);
  gtk_switch_set_active (fixture->window->inspector->private_switch, TRUE);
  claim = crb_project_find_claim (project_of (fixture), fixture->claim, NULL);
  g_assert_true (crb_claim_get_private (claim));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_save_copy_private (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *whole = g_build_filename (dir, "whole.corroborate", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.corroborate", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *ours = NULL;

  type_note (fixture, OURS);
  gtk_switch_set_active (fixture->window->inspector->private_switch, TRUE);

  /* Save a Copy runs in a worker thread; the file appears once it is
   * checked and renamed into place. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "save-copy-file",
                                  g_variant_new ("(sbb)", whole, FALSE, FALSE));
  g_assert_true (crb_app_test_wait (file_exists, whole));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "save-copy-file",
                                  g_variant_new ("(sbb)", shared, TRUE, TRUE));
  g_assert_true (crb_app_test_wait (file_exists, shared));
  crb_app_test_flush ();

  kept = claim_note (whole, fixture->claim);
  g_assert_cmpstr (kept, ==, OURS);
  left_out = claim_note (shared, fixture->claim);
  g_assert_true (left_out == NULL || *left_out == '\0');
  crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  fixture->window = NULL;
  ours = claim_note (fixture->path, fixture->claim);
  g_assert_cmpstr (ours, ==, OURS);
}

/* Exports */

static void
exported (CrbExportDialog *dialog, GFile *file, gboolean *done)
{
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static char *
export_through_dialog (Fixture *fixture, const char *format, const char *name)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrbExportDialog *dialog;
  gboolean         done = FALSE;
  char            *contents = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "export", NULL);
  dialog = find_toplevel (CRB_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.format", "s", format));
  g_assert_cmpstr (crb_export_dialog_get_format (dialog), ==, format);
  g_assert_cmpstr (crb_export_dialog_get_event (dialog), ==, fixture->event);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported), &done);
  crb_export_dialog_export_to (dialog, file);
  g_assert_true (crb_app_test_wait (is_true, &done));
  g_assert_null (find_toplevel (CRB_TYPE_EXPORT_DIALOG));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_export_formats (Fixture *fixture, gconstpointer data)
{
  g_autofree char *jsonld = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  JsonObject *collection;
  JsonArray  *items;
  JsonObject *annotation;
  JsonObject *target;

  type_note (fixture, OURS);

  /* W3C Web Annotation: a collection whose annotations carry the
   * required @context, id, type and target. */
  jsonld = export_through_dialog (fixture, "jsonld", "annotations.jsonld");
  g_assert_true (json_parser_load_from_data (parser, jsonld, -1, &error));
  g_assert_no_error (error);
  collection = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  items =
      json_object_get_array_member (json_object_get_object_member (collection, "first"), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  annotation = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (annotation, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (annotation, "type"), ==, "Annotation");
  g_assert_true (
      g_str_has_suffix (json_object_get_string_member (annotation, "id"), fixture->claim));
  target = json_object_get_object_member (annotation, "target");
  g_assert_nonnull (target);
  g_assert_nonnull (strstr (jsonld, QUOTE));
  g_assert_nonnull (strstr (jsonld, OURS));

  /* CSV: the header and one row. */
  csv = export_through_dialog (fixture, "csv", "claims.csv");
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  g_assert_nonnull (strstr (lines[0], "quote"));
  g_assert_nonnull (strstr (lines[1], QUOTE));
  g_assert_nonnull (strstr (lines[1], fixture->claim));

  /* The briefings of the event. */
  markdown = export_through_dialog (fixture, "markdown", "briefing.md");
  g_assert_nonnull (strstr (markdown, "Dam breach"));
  g_assert_nonnull (strstr (markdown, QUOTE));
  html = export_through_dialog (fixture, "html", "briefing.html");
  g_assert_nonnull (strstr (html, "<html"));
  g_assert_nonnull (strstr (html, "Dam breach"));
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_import_annotations (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *path = g_build_filename (dir, "colleague.jsonld", NULL);
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *jsonld = NULL;
  GtkWidget       *message;
  g_autofree char *text = NULL;

  /* The colleague's Web Annotations: one new, one that is here already. */
  {
    g_autoptr (CrbProject) colleague = crb_project_open (fixture->colleague_path, &error);

    g_assert_no_error (error);
    jsonld = crb_project_export (colleague, CRB_EXPORT_JSONLD, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (path, jsonld, -1, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "import-annotations-file",
                                  g_variant_new_string (path));
  g_assert_true (crb_app_test_wait (has_message_dialog, NULL));
  message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  text = shown_text (message);
  g_assert_nonnull (strstr (text, "1 annotation became a claim on its source."));
  g_assert_nonnull (strstr (text, "1 was in the project already."));
  claims = crb_project_list_claims (project_of (fixture), NULL, NULL);
  g_assert_cmpuint (claims->len, ==, 2);
  crb_app_test_destroy (message, message);
}

int
main (int argc, char *argv[])
{
  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }

  g_test_add ("/crb/app/share/merge-review", Fixture, NULL, fixture_set_up, test_merge_review,
              fixture_tear_down);
  g_test_add ("/crb/app/share/merge-undo", Fixture, NULL, fixture_set_up, test_merge_undo,
              fixture_tear_down);
  g_test_add ("/crb/app/share/merge-cancel", Fixture, NULL, fixture_set_up, test_merge_cancel,
              fixture_tear_down);
  g_test_add ("/crb/app/share/merge-refuses-foreign", Fixture, NULL, fixture_set_up,
              test_merge_refuses_foreign, fixture_tear_down);
  g_test_add ("/crb/app/share/history-and-authors", Fixture, NULL, fixture_set_up,
              test_history_and_authors, fixture_tear_down);
  g_test_add ("/crb/app/share/save-copy-private", Fixture, NULL, fixture_set_up,
              test_save_copy_private, fixture_tear_down);
  g_test_add ("/crb/app/share/export-formats", Fixture, NULL, fixture_set_up, test_export_formats,
              fixture_tear_down);
  g_test_add ("/crb/app/share/import-annotations", Fixture, NULL, fixture_set_up,
              test_import_annotations, fixture_tear_down);
  return g_test_run ();
}
