/* test-source-details.c: the analyst types what a plain text did not say —
 * publisher, author, date — through the Source Details window opened from
 * the reader, and the project file holds it; a wrong date is refused and
 * nothing changes; undo takes a change back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crb-app-test.h"
#include "crb-document.h"
#include "crb-reader.h"
#include "crb-source-details-window.h"
#include "crb-window-private.h"

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

  g_settings_set_string (settings, "analyst-name", "Test Analyst");
  fixture->path = crb_app_test_make_project (1, &fixture->documents);
  fixture->app = crb_app_test_new_app ();
  fixture->window = crb_app_test_open_window (fixture->app, fixture->path, 0, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->documents, g_ptr_array_unref);
  g_clear_pointer (&fixture->path, g_free);
}

static CrbSourceDetailsWindow *
find_details_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (CRB_IS_SOURCE_DETAILS_WINDOW (window))
        return CRB_SOURCE_DETAILS_WINDOW (window);
    }
  return NULL;
}

static gboolean
details_shown (gpointer data)
{
  CrbSourceDetailsWindow *details = find_details_window ();

  return details && gtk_widget_get_mapped (GTK_WIDGET (details));
}

/* The entry row with this title, as a person finds it on screen. */
static AdwEntryRow *
row_titled (GtkWidget *widget, const char *prefix)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
    return ADW_ENTRY_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = row_titled (child, prefix);

      if (found)
        return found;
    }
  return NULL;
}

static void
type_and_apply (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  crb_app_test_flush ();
}

static CrbDocument *
stored_document (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  CrbDocument *document = crb_project_find_document (
      crb_window_get_project (fixture->window), g_ptr_array_index (fixture->documents, 0), &error);

  g_assert_no_error (error);
  return document;
}

static void
test_edit_details (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CrbSourceDetailsWindow *details;
  CrbDocument            *document;

  crb_window_show_document (fixture->window, g_ptr_array_index (fixture->documents, 0));
  crb_app_test_flush ();
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window->reader), "reader.details", NULL));
  g_assert_true (crb_app_test_wait (details_shown, NULL));
  details = find_details_window ();
  /* The text's own title is there to correct; the publisher is not known. */
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (row_titled (GTK_WIDGET (details), "Title"))), !=, "");
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (row_titled (GTK_WIDGET (details), "Publisher"))), ==,
      "");

  type_and_apply (row_titled (GTK_WIDGET (details), "Publisher"), "  Meridian Press Agency ");
  type_and_apply (row_titled (GTK_WIDGET (details), "Author"), "Lena Hartwig");
  type_and_apply (row_titled (GTK_WIDGET (details), "Published"), "2026-04-18T11:52+03:00");
  document = stored_document (fixture);
  g_assert_cmpstr (crb_document_get_publisher (document), ==, "Meridian Press Agency");
  g_assert_cmpstr (crb_document_get_byline (document), ==, "Lena Hartwig");
  g_assert_cmpstr (crb_document_get_published_at (document), ==, "2026-04-18T11:52+03:00");
  g_object_unref (document);

  /* Not a date: refused, the stored date kept and shown again. */
  type_and_apply (row_titled (GTK_WIDGET (details), "Published"), "18 April");
  document = stored_document (fixture);
  g_assert_cmpstr (crb_document_get_published_at (document), ==, "2026-04-18T11:52+03:00");
  g_object_unref (document);
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (row_titled (GTK_WIDGET (details), "Published"))), ==,
      "2026-04-18T11:52+03:00");

  /* Each field is one step of the project's undo. */
  g_assert_true (crb_project_undo (crb_window_get_project (fixture->window), NULL, &error));
  g_assert_no_error (error);
  document = stored_document (fixture);
  g_assert_null (crb_document_get_published_at (document));
  g_assert_cmpstr (crb_document_get_byline (document), ==, "Lena Hartwig");
  g_object_unref (document);

  gtk_window_destroy (GTK_WINDOW (details));
  crb_app_test_flush ();
}

static void
test_new_and_destroy (Fixture *fixture, gconstpointer data)
{
  CrbSourceDetailsWindow *details = crb_source_details_window_new (
      crb_window_get_project (fixture->window), g_ptr_array_index (fixture->documents, 0));

  crb_app_test_destroy (GTK_WIDGET (details), details);
}

int
main (int argc, char *argv[])
{
  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_add ("/crb/app/source-details/edit", Fixture, NULL, fixture_set_up, test_edit_details,
              fixture_tear_down);
  g_test_add ("/crb/app/source-details/new-and-destroy", Fixture, NULL, fixture_set_up,
              test_new_and_destroy, fixture_tear_down);
  return g_test_run ();
}
