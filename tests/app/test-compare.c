/* test-compare.c: comparing accounts in the window — document against
 * document, the reuse map, the Sources marker and a claim across sources —
 * driven through the real widgets' actions on a project built here: the
 * sample wire report and a copy of it that swaps a place and a name, as
 * the National Courier did (data/SAMPLES.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "crb-app-test.h"
#include "crb-comparison-view.h"
#include "crb-document.h"
#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-event.h"
#include "crb-similar.h"
#include "crb-source-row.h"
#include "crb-test-project.h"
#include "crb-window-private.h"

typedef struct
{
  CrbApplication *app;
  CrbWindow      *window;
  char           *path;
  char           *wire; /* the original */
  char           *copy; /* published later, Brezhki → Nizhny Tal, Pyotr Sokol → Pavel Sokolov */
  char           *other;
} Fixture;

static char *
replace_all (const char *text, const char *old, const char *new)
{
  g_auto (GStrv) parts = g_strsplit (text, old, -1);

  return g_strjoinv (new, parts);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wire = crb_app_test_sample_text ("01-meridian-wire.txt");
  g_autofree char *renamed = replace_all (wire, "Brezhki", "Nizhny Tal");
  g_autofree char *copy = replace_all (renamed, "Pyotr Sokol", "Pavel Sokolov");
  g_autofree char *gazette = crb_app_test_sample_text ("03-ilmet-valley-gazette.txt");

  g_settings_set_string (settings, "analyst-name", "Test Analyst");
  project = crb_test_new_project (&fixture->path);
  fixture->wire = crb_test_add_document (project, "Meridian wire", wire);
  fixture->copy = crb_test_add_document (project, "Courier copy", copy);
  fixture->other = crb_test_add_document (project, "Valley Gazette", gazette);
  crb_project_set_field (project, "document", fixture->wire, "published_at",
                         "2026-04-18T11:52:00+03:00", &error);
  g_assert_no_error (error);
  crb_project_set_field (project, "document", fixture->copy, "published_at",
                         "2026-04-18T14:20:00+03:00", &error);
  g_assert_no_error (error);
  crb_project_close (project);

  fixture->app = crb_app_test_new_app ();
  fixture->window = crb_app_test_open_window (fixture->app, fixture->path, 1100, 760);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window)
    crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  g_clear_object (&fixture->app);
  g_free (fixture->path);
  g_free (fixture->wire);
  g_free (fixture->copy);
  g_free (fixture->other);
}

/* A label under `root` whose text contains every one of `parts`. */
static GtkLabel *
find_label (GtkWidget *root, const char *const *parts)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (root));
      gboolean    all = TRUE;

      for (guint i = 0; parts[i] && all; i++)
        all = strstr (text, parts[i]) != NULL;
      if (all)
        return GTK_LABEL (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, parts);

      if (found)
        return found;
    }
  return NULL;
}

#define FIND_LABEL(root, ...)                                                                      \
  find_label (GTK_WIDGET (root), (const char *const[]){ __VA_ARGS__, NULL })

static gboolean
comparison_done (gpointer data)
{
  CrbComparisonView *view = data;

  return !crb_comparison_view_is_busy (view) && crb_comparison_view_get_comparison (view);
}

static void
activate (Fixture *fixture, const char *action, GVariant *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), action, parameter);
}

static void
test_comparison_view (Fixture *fixture, gconstpointer data)
{
  CrbComparisonView   *view = fixture->window->comparison_view;
  const CrbComparison *comparison;
  g_autofree char     *coverage = NULL;

  activate (fixture, "compare-documents", g_variant_new ("(ss)", fixture->wire, fixture->copy));
  g_assert_true (crb_comparison_view_is_busy (view));
  g_assert_true (crb_app_test_wait (comparison_done, view));
  crb_app_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==,
                   "comparison");

  comparison = crb_comparison_view_get_comparison (view);
  g_assert_cmpstr (comparison->document_a, ==, fixture->wire);
  g_assert_cmpuint (comparison->passages->len, >, 0);
  g_assert_cmpfloat (comparison->coverage_a, >, 0.9);
  /* The swapped place, three times, as the page shows it. */
  g_assert_nonnull (FIND_LABEL (view, "brezhki", "→", "nizhny tal"));
  g_assert_nonnull (FIND_LABEL (view, "×3"));
  g_assert_nonnull (FIND_LABEL (view, "pyotr sokol", "→", "pavel sokolov"));
  coverage = g_strdup_printf ("%.0f%%", 100 * comparison->coverage_a);
  g_assert_nonnull (FIND_LABEL (view, coverage, "found in the other"));
  g_assert_nonnull (FIND_LABEL (view, "Passage 1"));
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->content_title), ==,
                   "Meridian wire and Courier copy");

  /* Swapping sides puts the copy on the left. */
  gtk_widget_activate_action (GTK_WIDGET (view), "comparison.swap", NULL);
  g_assert_true (crb_app_test_wait (comparison_done, view));
  g_assert_cmpstr (crb_comparison_view_get_comparison (view)->document_a, ==, fixture->copy);
  crb_app_test_flush ();
  g_assert_nonnull (FIND_LABEL (view, "nizhny tal", "→", "brezhki"));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Compare With… from the Sources list's context menu picks the other
 * document in a dialog. */
static void
test_compare_with (Fixture *fixture, gconstpointer data)
{
  CrbComparisonView *view = fixture->window->comparison_view;
  AdwMessageDialog  *dialog;
  GtkDropDown       *choice;
  GListModel        *documents;

  activate (fixture, "compare-with", g_variant_new_string (fixture->other));
  crb_app_test_flush ();
  g_assert_nonnull ((dialog = find_dialog ()));
  choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  documents = gtk_drop_down_get_model (choice);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (CrbDocument) document = g_list_model_get_item (documents, i);

      if (g_str_equal (crb_record_get_uuid (CRB_RECORD (document)), fixture->wire))
        gtk_drop_down_set_selected (choice, i);
    }
  adw_message_dialog_response (dialog, "compare");
  g_assert_true (crb_app_test_wait (comparison_done, view));
  g_assert_cmpstr (crb_comparison_view_get_comparison (view)->document_a, ==, fixture->other);
  g_assert_cmpstr (crb_comparison_view_get_comparison (view)->document_b, ==, fixture->wire);
}

static gboolean
map_ready (gpointer data)
{
  CrbReuseMap *map = data;

  return !crb_reuse_map_get_busy (map) && g_list_model_get_n_items (G_LIST_MODEL (map)) > 0;
}

/* The Sources row that shows a document, if it is on screen. */
static CrbSourceRow *
source_row (Fixture *fixture, const char *uuid)
{
  GtkWidget *view = crb_sidebar_get_sources_view (fixture->window->sidebar);

  for (GtkWidget *item = gtk_widget_get_first_child (view); item;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget   *row = gtk_widget_get_first_child (item);
      CrbDocument *document;

      if (CRB_IS_SOURCE_ROW (row) &&
          (document = crb_source_row_get_document (CRB_SOURCE_ROW (row))) &&
          g_str_equal (crb_record_get_uuid (CRB_RECORD (document)), uuid))
        return CRB_SOURCE_ROW (row);
    }
  return NULL;
}

static gboolean
copy_marked (gpointer data)
{
  Fixture *fixture = data;

  return crb_source_row_is_marked_derived (source_row (fixture, fixture->copy));
}

/* The analyst's decisions on the pair, as the project file holds them. */
static char *
stored_status (Fixture *fixture)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *status = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT status FROM relation WHERE deleted = 0 AND "
                                       "from_document_uuid = ?1 AND to_document_uuid = ?2",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, fixture->copy, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fixture->wire, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return status;
}

static void
test_reuse_map (Fixture *fixture, gconstpointer data)
{
  CrbReuseMap     *map = fixture->window->reuse_map;
  CrbReuseMapPage *page = fixture->window->reuse_map_page;
  g_autoptr (CrbReuseLink) link = NULL;
  g_autofree char *status = NULL;
  CrbSourceRow    *wire_row;

  /* Analysed in the background since the project opened. */
  g_assert_nonnull (map);
  g_assert_true (crb_app_test_wait (map_ready, map));
  link = crb_reuse_map_find_link (map, fixture->wire, fixture->copy);
  g_assert_nonnull (link);
  g_assert_cmpstr (crb_reuse_link_get_from_uuid (link), ==, fixture->copy);
  g_assert_true (crb_reuse_link_get_direction_known (link));
  g_assert_cmpstr (crb_reuse_link_get_kind (link), ==, "copies");
  g_assert_null (crb_reuse_map_find_link (map, fixture->wire, fixture->other));

  activate (fixture, "show-reuse-map", NULL);
  crb_app_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==,
                   "reuse-map");
  g_assert_cmpuint (crb_reuse_graph_get_n_nodes (crb_reuse_map_page_get_graph (page)), ==, 2);
  g_assert_cmpuint (crb_reuse_graph_get_n_edges (crb_reuse_map_page_get_graph (page)), ==, 1);
  g_assert_nonnull (FIND_LABEL (page, "“Courier copy” copies “Meridian wire”"));
  g_assert_nonnull (FIND_LABEL (page, "Suggested"));
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->content_title), ==, "Reuse Map");

  /* The copy is marked in the Sources list, the original is not. */
  g_assert_true (crb_app_test_wait (copy_marked, fixture));
  g_assert_cmpstr (crb_source_row_get_derived_tooltip (source_row (fixture, fixture->copy)), ==,
                   "Copies “Meridian wire”");
  wire_row = source_row (fixture, fixture->wire);
  g_assert_nonnull (wire_row);
  g_assert_false (crb_source_row_is_marked_derived (wire_row));

  /* Rejecting it in the list writes the decision into the project file… */
  gtk_widget_activate_action (GTK_WIDGET (page), "reuse.reject", "(ss)", fixture->copy,
                              fixture->wire);
  status = stored_status (fixture);
  g_assert_cmpstr (status, ==, "rejected");
  crb_app_test_flush ();
  g_assert_nonnull (FIND_LABEL (page, "Rejected"));
  g_assert_false (crb_source_row_is_marked_derived (source_row (fixture, fixture->copy)));
  g_assert_cmpuint (crb_reuse_graph_get_n_edges (crb_reuse_map_page_get_graph (page)), ==, 0);

  /* …and Undo takes it back. */
  activate (fixture, "undo", NULL);
  g_clear_pointer (&status, g_free);
  status = stored_status (fixture);
  g_assert_null (status);
  g_assert_true (crb_app_test_wait (copy_marked, fixture));

  /* Confirming keeps the direction, and the link leads to the comparison. */
  gtk_widget_activate_action (GTK_WIDGET (page), "reuse.confirm", "(ss)", fixture->copy,
                              fixture->wire);
  g_clear_pointer (&status, g_free);
  status = stored_status (fixture);
  g_assert_cmpstr (status, ==, "confirmed");
  gtk_widget_activate_action (GTK_WIDGET (page), "reuse.compare", "(ss)", fixture->copy,
                              fixture->wire);
  g_assert_true (crb_app_test_wait (comparison_done, fixture->window->comparison_view));
  g_assert_cmpstr (
      crb_comparison_view_get_comparison (fixture->window->comparison_view)->document_a, ==,
      fixture->wire);
}

static gboolean
similar_done (gpointer data)
{
  return !crb_similar_view_is_busy (data) && crb_similar_view_get_matches (data);
}

static guint
event_claim_count (Fixture *fixture, const char *event_uuid)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint         count = 0;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM event_claim WHERE deleted = 0 AND "
                                       "event_uuid = ?1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, event_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* A claim of the wire found in the copy, from the reader's shortcut and
 * the inspector's button; the passage opens; all linked to one event. */
static void
test_find_similar (Fixture *fixture, gconstpointer data)
{
  CrbProject     *project = crb_window_get_project (fixture->window);
  CrbSimilarView *view = fixture->window->similar_view;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = crb_project_add_claim_by_quote (
      project, fixture->wire, "The village of Brezhki, 9 kilometres downstream, was the worst hit.",
      1, "claim", NULL, &error);
  g_autoptr (CrbEvent) event = NULL;
  const CrbSimilarMatch *match = NULL;
  GPtrArray             *matches;
  GtkListBoxRow         *row;
  guint                  start, end, n_matches;

  g_assert_no_error (error);
  g_assert_true (crb_window_show_document (fixture->window, fixture->wire));
  crb_reader_select_claim (fixture->window->reader, crb_record_get_uuid (CRB_RECORD (claim)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window->reader),
                                             "reader.find-similar", NULL));
  g_assert_true (crb_similar_view_is_busy (view));
  g_assert_true (crb_app_test_wait (similar_done, view));
  crb_app_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==,
                   "similar");
  matches = crb_similar_view_get_matches (view);
  for (guint i = 0; i < matches->len; i++)
    if (g_str_equal (((CrbSimilarMatch *) g_ptr_array_index (matches, i))->document_uuid,
                     fixture->copy))
      match = g_ptr_array_index (matches, i);
  g_assert_nonnull (match);
  g_assert_cmpint (match->kind, ==, CRB_SIMILAR_EDITED);
  g_assert_nonnull (strstr (match->exact, "Nizhny Tal"));
  g_assert_nonnull (FIND_LABEL (view, "Edited copy"));
  g_assert_nonnull (FIND_LABEL (view, "Courier copy"));
  g_assert_nonnull (FIND_LABEL (view, "Nizhny Tal, 9 kilometres downstream"));
  n_matches = matches->len;

  /* The inspector's button finds the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window->inspector),
                                             "inspector.find-similar", NULL));
  g_assert_true (crb_app_test_wait (similar_done, view));
  g_assert_cmpuint (crb_similar_view_get_matches (view)->len, ==, n_matches);

  /* All of them to one event, in one step. */
  event = crb_project_add_event (project, "Dam collapse", "2026-04-18", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (view), "similar.add-to-event", "s",
                              crb_record_get_uuid (CRB_RECORD (event)));
  g_assert_cmpuint (event_claim_count (fixture, crb_record_get_uuid (CRB_RECORD (event))), ==,
                    1 + crb_similar_view_get_matches (view)->len);
  activate (fixture, "undo", NULL);
  g_assert_cmpuint (event_claim_count (fixture, crb_record_get_uuid (CRB_RECORD (event))), ==, 0);

  /* The first match opens its source at the passage. */
  match = g_ptr_array_index (crb_similar_view_get_matches (view), 0);
  row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (GTK_WIDGET (FIND_LABEL (view, "Edited copy")),
                                                   GTK_TYPE_LIST_BOX_ROW));
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_index (row) == 0);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "reader");
  g_assert_cmpstr (
      crb_record_get_uuid (CRB_RECORD (crb_reader_get_document (fixture->window->reader))), ==,
      match->document_uuid);
  g_assert_true (crb_reader_get_selection (fixture->window->reader, &start, &end));
  g_assert_cmpuint (start, ==, match->start);
  g_assert_cmpuint (end, ==, match->end);
}

int
main (int argc, char *argv[])
{
  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, test)                                                                            \
  g_test_add ("/crb/app/compare/" path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("comparison-view", test_comparison_view);
  ADD ("compare-with", test_compare_with);
  ADD ("reuse-map", test_reuse_map);
  ADD ("find-similar", test_find_similar);
#undef ADD
  return g_test_run ();
}
