/* test-widgets.c: every widget type of the application, on the floor
 *
 * Instantiating each type proves that its template only uses classes and
 * properties that exist in GTK 4.8 and libadwaita 1.2 (an unknown one is
 * a critical, fatal here), and that it is finalized when its window goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crb-accounts-page.h"
#include "crb-app-test.h"
#include "crb-chooser-popover.h"
#include "crb-claim-inspector.h"
#include "crb-conflict-banner.h"
#include "crb-export-dialog.h"
#include "crb-comparison-view.h"
#include "crb-entity-dialog.h"
#include "crb-entity-page.h"
#include "crb-entity-suggestions.h"
#include "crb-reuse-graph.h"
#include "crb-reuse-map-page.h"
#include "crb-similar-view.h"
#include "crb-highlighter.h"
#include "crb-import-banner.h"
#include "crb-merge-dialog.h"
#include "crb-preferences-window.h"
#include "crb-reader.h"
#include "crb-search-view.h"
#include "crb-sidebar.h"
#include "crb-source-row.h"
#include "crb-tag-manager.h"
#include "crb-test-project.h"
#include "crb-text-view.h"
#include "crb-welcome-page.h"
#include "crb-window.h"

static void
test_floor (void)
{
  /* The versions this run proves the templates against. */
  g_test_message ("GTK %u.%u.%u, libadwaita %u.%u.%u", gtk_get_major_version (),
                  gtk_get_minor_version (), gtk_get_micro_version (), adw_get_major_version (),
                  adw_get_minor_version (), adw_get_micro_version ());
  g_assert_cmpuint (gtk_get_major_version (), ==, 4);
  g_assert_cmpuint (gtk_get_minor_version (), >=, 8);
  g_assert_cmpuint (adw_get_minor_version (), >=, 2);
}

/* Shows a widget in a window of its own, then destroys both. */
static void
present_and_destroy (GType type)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget;

  g_type_ensure (type);
  widget = g_object_new (type, NULL);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, type));
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (widget));
  crb_app_test_destroy (window, widget);
}

static void
test_widget (gconstpointer data)
{
  present_and_destroy (((GType (*) (void)) data) ());
}

static void
test_chooser_popover (void)
{
  g_autofree char *path = crb_app_test_make_project (0, NULL);
  g_autoptr (CrbProject) project = crb_project_open (path, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *chooser = crb_chooser_popover_new ();

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), chooser);
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  crb_chooser_popover_setup (CRB_CHOOSER_POPOVER (chooser), project, CRB_CHOOSER_ENTITY, "Sokol");
  gtk_popover_popup (GTK_POPOVER (chooser));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (chooser));
  /* GTK 4.8 queues work on the popover's surface: let it run first. */
  gtk_popover_popdown (GTK_POPOVER (chooser));
  crb_app_test_flush ();
  crb_app_test_destroy (window, chooser);
}

static void
test_window (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  CrbWindow *window = crb_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_false (crb_window_has_project (window));
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

static void
test_tag_manager (void)
{
  g_autofree char *path = crb_app_test_make_project (1, NULL);
  g_autoptr (CrbProject) project = crb_project_open (path, NULL);
  GtkWidget *manager = crb_tag_manager_new (project);

  gtk_window_present (GTK_WINDOW (manager));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (manager));
  crb_app_test_destroy (manager, manager);
}

static void
test_merge_dialog (void)
{
  g_autofree char *path = crb_app_test_make_project (1, NULL);
  g_autoptr (CrbProject) project = crb_project_open (path, NULL);
  CrbMergeDialog *dialog = crb_merge_dialog_new (project);

  crb_merge_dialog_review (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (crb_merge_dialog_get_page (dialog), ==, "reviewed");
  crb_app_test_destroy (GTK_WIDGET (dialog), dialog);
}

static void
test_export_dialog (void)
{
  g_autofree char *path = crb_app_test_make_project (1, NULL);
  g_autoptr (CrbProject) project = crb_project_open (path, NULL);
  CrbExportDialog *dialog = crb_export_dialog_new (project);

  gtk_window_present (GTK_WINDOW (dialog));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (crb_export_dialog_get_format (dialog), ==, "jsonld");
  /* No event: no briefing to export. */
  g_assert_null (crb_export_dialog_get_event (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.format", "s", "html"));
  g_assert_cmpstr (crb_export_dialog_get_format (dialog), ==, "html");
  crb_app_test_destroy (GTK_WIDGET (dialog), dialog);
}

static void
test_preferences_window (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  CrbPreferencesWindow *preferences = crb_preferences_window_new (settings);

  gtk_window_present (GTK_WINDOW (preferences));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preferences)));
  crb_app_test_destroy (GTK_WIDGET (preferences), preferences);
}

static void
test_shortcuts_window (void)
{
  g_autoptr (GtkBuilder) builder =
      gtk_builder_new_from_resource ("/io/github/corroborate/Corroborate/gtk/help-overlay.ui");
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  crb_app_test_flush ();
  /* The toplevel list keeps the window; the builder lets go of it. */
  g_clear_object (&builder);
  crb_app_test_destroy (window, window);
}

static void
test_highlighter (void)
{
  GtkTextBuffer  *buffer = gtk_text_buffer_new (NULL);
  CrbHighlighter *highlighter = crb_highlighter_new (buffer);

  g_assert_cmpuint (crb_highlighter_get_n_categories (highlighter), ==, 0);
  g_assert_null (crb_highlighter_claim_at (highlighter, 0));
  g_object_unref (buffer);
  g_assert_finalize_object (highlighter);
}

static void
test_entity_dialog (void)
{
  g_autofree char *path = crb_app_test_make_project (0, NULL);
  g_autoptr (CrbProject) project = crb_project_open (path, NULL);
  GtkWidget *dialog = crb_entity_dialog_new (project, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (dialog));
  crb_app_test_destroy (dialog, dialog);
}

static gboolean
suggestions_loaded (gpointer data)
{
  return !crb_entity_suggestions_is_loading (data);
}

static void
test_entity_suggestions (void)
{
  g_autofree char *path = crb_app_test_make_project (2, NULL);
  g_autoptr (CrbProject) project = crb_project_open (path, NULL);
  GtkWidget *window = crb_entity_suggestions_new (project);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (crb_app_test_wait (suggestions_loaded, window));
  crb_app_test_flush ();
  g_assert_true (gtk_widget_get_mapped (window));
  crb_app_test_destroy (window, window);
}

int
main (int argc, char *argv[])
{
  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }

  g_test_add_func ("/crb/app/widgets/floor", test_floor);
  g_test_add_data_func ("/crb/app/widgets/welcome-page", crb_welcome_page_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/sidebar", crb_sidebar_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/source-row", crb_source_row_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/reader", crb_reader_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/text-view", crb_text_view_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/claim-inspector", crb_claim_inspector_get_type,
                        test_widget);
  g_test_add_data_func ("/crb/app/widgets/search-view", crb_search_view_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/import-banner", crb_import_banner_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/comparison-view", crb_comparison_view_get_type,
                        test_widget);
  g_test_add_data_func ("/crb/app/widgets/reuse-graph", crb_reuse_graph_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/reuse-map-page", crb_reuse_map_page_get_type,
                        test_widget);
  g_test_add_data_func ("/crb/app/widgets/similar-view", crb_similar_view_get_type, test_widget);
  g_test_add_func ("/crb/app/widgets/chooser-popover", test_chooser_popover);
  g_test_add_func ("/crb/app/widgets/window", test_window);
  g_test_add_func ("/crb/app/widgets/tag-manager", test_tag_manager);
  g_test_add_data_func ("/crb/app/widgets/conflict-banner", crb_conflict_banner_get_type,
                        test_widget);
  g_test_add_func ("/crb/app/widgets/merge-dialog", test_merge_dialog);
  g_test_add_func ("/crb/app/widgets/export-dialog", test_export_dialog);
  g_test_add_func ("/crb/app/widgets/preferences-window", test_preferences_window);
  g_test_add_func ("/crb/app/widgets/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/crb/app/widgets/highlighter", test_highlighter);
  g_test_add_data_func ("/crb/app/widgets/entity-page", crb_entity_page_get_type, test_widget);
  g_test_add_data_func ("/crb/app/widgets/accounts-page", crb_accounts_page_get_type, test_widget);
  g_test_add_func ("/crb/app/widgets/entity-dialog", test_entity_dialog);
  g_test_add_func ("/crb/app/widgets/entity-suggestions", test_entity_suggestions);
  return g_test_run ();
}
