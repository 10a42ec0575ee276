/* test-entities.c: the entity page and the accounts grid, opened from the
 * sidebar and driven through their actions, checked in the project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "crb-accounts-page-private.h"
#include "crb-alias.h"
#include "crb-app-test.h"
#include "crb-claim-entity.h"
#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-entity-dialog.h"
#include "crb-entity-page.h"
#include "crb-entity.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-mention-detect.h"
#include "crb-mention.h"
#include "crb-reader.h"
#include "crb-window-private.h"

/* crb_app_test_make_project's first three sample documents. */
enum
{
  WIRE,
  GAZETTE,
  COURIER,
};

static const char *const published[] = { "2026-04-18T11:52:00+03:00", "2026-04-18T17:45:00+03:00",
                                         "2026-04-18T14:20:00+03:00" };

typedef struct
{
  CrbApplication *app;
  CrbWindow      *window;
  char           *path;
  GPtrArray      *documents;
  char           *entity;
  char           *event;
  char           *claims[3]; /* times of the breach: wire, gazette, courier */
} Fixture;

static const char *
document (Fixture *fixture, guint index)
{
  return g_ptr_array_index (fixture->documents, index);
}

static char *
add_claim (CrbProject *project, const char *document_uuid, const char *quote)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim =
      crb_project_add_claim_by_quote (project, document_uuid, quote, 1, "claim", NULL, &error);

  g_assert_no_error (error);
  return g_strdup (crb_record_get_uuid (CRB_RECORD (claim)));
}

/* The director named in two sources, and the time of the breach as three
 * sources give it: the Courier copies the wire, the Gazette disagrees. */
static void
fill_project (Fixture *fixture)
{
  static const char *const breach[] = { "at about 04:40 local time", "It was 03:52",
                                        "at about 04:40 local time" };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_open (fixture->path, &error);
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbFacet) facet = NULL;

  g_assert_no_error (error);
  crb_project_set_author (project, "Test Analyst");
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      crb_project_set_field (project, "document", document (fixture, i), "published_at",
                             published[i], &error);
      g_assert_no_error (error);
    }

  entity = crb_project_add_entity (project, "person", "Pyotr Sokol", "Director of Ilmet Hydro",
                                   NULL, &error);
  g_assert_no_error (error);
  fixture->entity = g_strdup (crb_record_get_uuid (CRB_RECORD (entity)));
  {
    g_autofree char *wire = add_claim (project, document (fixture, WIRE),
                                       "Its director, Pyotr Sokol, declined to comment");
    g_autofree char *courier =
        add_claim (project, document (fixture, COURIER), "Its director, Pavel Sokolov");
    g_autoptr (CrbClaimEntity) a =
        crb_project_link_claim_entity (project, wire, fixture->entity, "subject", &error);
    g_autoptr (CrbClaimEntity) b = NULL;

    g_assert_no_error (error);
    b = crb_project_link_claim_entity (project, courier, fixture->entity, "subject", &error);
    g_assert_no_error (error);
  }
  crb_project_detect_mentions (project, fixture->entity, NULL, NULL, &error);
  g_assert_no_error (error);

  event = crb_project_add_event (project, "Upper Ilmet dam collapse", "2026-04-18", NULL,
                                 "Korvash Region", NULL, &error);
  g_assert_no_error (error);
  fixture->event = g_strdup (crb_record_get_uuid (CRB_RECORD (event)));
  facet = crb_project_add_facet (project, fixture->event, "time of the breach", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (breach); i++)
    {
      g_autoptr (CrbEventClaim) link = NULL;

      fixture->claims[i] = add_claim (project, document (fixture, i), breach[i]);
      link = crb_project_link_claim_event (project, fixture->claims[i], fixture->event,
                                           crb_record_get_uuid (CRB_RECORD (facet)), "supports",
                                           &error);
      g_assert_no_error (error);
    }
  crb_project_close (project);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "analyst-name", "Test Analyst");
  fixture->path = crb_app_test_make_project (3, &fixture->documents);
  fill_project (fixture);
  fixture->app = crb_app_test_new_app ();
  fixture->window = crb_app_test_open_window (fixture->app, fixture->path, 1200, 800);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window)
    crb_app_test_destroy (GTK_WIDGET (fixture->window), fixture->window);
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->documents, g_ptr_array_unref);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->entity, g_free);
  g_clear_pointer (&fixture->event, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->claims); i++)
    g_clear_pointer (&fixture->claims[i], g_free);
}

/* Widgets */

static void
collect (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (gpointer widget, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, found);
  return found;
}

/* The sidebar's list of entities or of events, activated as a click would. */
static void
activate_in_sidebar (Fixture *fixture, GType item_type, const char *uuid)
{
  g_autoptr (GPtrArray) views = find_all (fixture->window->sidebar, GTK_TYPE_LIST_VIEW);

  for (guint i = 0; i < views->len; i++)
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (g_ptr_array_index (views, i)));

      for (guint p = 0; p < g_list_model_get_n_items (model); p++)
        {
          g_autoptr (CrbRecord) record = g_list_model_get_item (model, p);

          if (G_TYPE_CHECK_INSTANCE_TYPE (record, item_type) &&
              g_str_equal (crb_record_get_uuid (record), uuid))
            {
              g_signal_emit_by_name (g_ptr_array_index (views, i), "activate", p);
              return;
            }
        }
    }
  g_error ("%s is not in the sidebar", uuid);
}

static gboolean
entity_page_loaded (gpointer data)
{
  return !crb_entity_page_is_loading (data);
}

static gboolean
accounts_page_loaded (gpointer data)
{
  return !crb_accounts_page_is_loading (data) && crb_accounts_page_get_grid (data) != NULL;
}

static AdwPreferencesGroup *
group_titled (gpointer page, const char *title)
{
  g_autoptr (GPtrArray) groups = find_all (page, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) == 0)
      return g_ptr_array_index (groups, i);
  return NULL;
}

static AdwActionRow *
row_titled (gpointer parent, const char *title)
{
  g_autoptr (GPtrArray) rows = find_all (parent, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (strstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title))
      return g_ptr_array_index (rows, i);
  return NULL;
}

static GtkWidget *
button_for (gpointer parent, const char *action, const char *target)
{
  g_autoptr (GPtrArray) buttons = find_all (parent, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkActionable *button = g_ptr_array_index (buttons, i);
      GVariant      *value = gtk_actionable_get_action_target_value (button);

      if (g_strcmp0 (gtk_actionable_get_action_name (button), action) == 0 &&
          (target == NULL || (value && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                              g_str_equal (g_variant_get_string (value, NULL), target))))
        return GTK_WIDGET (button);
    }
  return NULL;
}

static guint
count_labels (gpointer parent, const char *text)
{
  g_autoptr (GPtrArray) labels = find_all (parent, GTK_TYPE_LABEL);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    n += g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0;
  return n;
}

static char *
file_value (const char *path, const char *sql, const char *uuid)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The content pane is 360 pixels at least: a page that needs more would
 * squeeze the reader and the inspector beside it. */
static void
assert_fits_content (gpointer page)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* The entity page */

static gboolean
shows_search (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (CRB_WINDOW (data)->content_stack),
                    "search") == 0;
}

static void
test_entity_page (Fixture *fixture, gconstpointer data)
{
  CrbProject    *project = crb_window_get_project (fixture->window);
  CrbEntityPage *page = fixture->window->entity_page;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (CrbDocument) wire =
      crb_project_find_document (project, document (fixture, WIRE), NULL);
  g_autoptr (CrbDocument) courier =
      crb_project_find_document (project, document (fixture, COURIER), NULL);
  AdwPreferencesGroup *wire_group, *courier_group;
  const char          *suggested = NULL;
  g_autofree char     *status = NULL;
  AdwActionRow        *row;
  GtkWidget           *confirm;

  activate_in_sidebar (fixture, CRB_TYPE_ENTITY, fixture->entity);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "entity");
  g_assert_true (crb_app_test_wait (entity_page_loaded, page));
  g_assert_cmpstr (crb_entity_page_get_title (page), ==, "Pyotr Sokol");
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->content_title), ==, "Pyotr Sokol");
  assert_fits_content (page);

  /* One group per source, each holding that source's claim. */
  wire_group = group_titled (page, crb_document_get_title (wire));
  courier_group = group_titled (page, crb_document_get_title (courier));
  g_assert_nonnull (wire_group);
  g_assert_nonnull (courier_group);
  g_assert_nonnull (row_titled (wire_group, "Its director, Pyotr Sokol, declined to comment"));
  g_assert_nonnull (row_titled (courier_group, "Its director, Pavel Sokolov"));
  g_assert_null (row_titled (wire_group, "Pavel Sokolov"));
  /* The Gazette names him without a claim: a mention to review. */
  g_assert_nonnull (group_titled (page, "Brezhki counts its dead"));
  g_assert_null (row_titled (group_titled (page, "Brezhki counts its dead"), "Its director"));
  g_assert_nonnull (row_titled (group_titled (page, "Brezhki counts its dead"), "Pyotr Sokol</b>"));

  /* Confirming a suggested mention, with the row's own button. */
  mentions = crb_project_list_mentions (project, document (fixture, WIRE), fixture->entity, NULL);
  for (guint i = 0; i < mentions->len && suggested == NULL; i++)
    if (g_str_equal (crb_mention_get_status (g_ptr_array_index (mentions, i)), "suggested"))
      suggested = crb_record_get_uuid (g_ptr_array_index (mentions, i));
  g_assert_nonnull (suggested);
  confirm = button_for (wire_group, "entity.confirm-mention", suggested);
  g_assert_nonnull (confirm);
  /* A click (gtk_widget_activate would wait for the button's press animation). */
  g_signal_emit_by_name (confirm, "clicked");
  status = file_value (fixture->path, "SELECT status FROM mention WHERE uuid = ?1", suggested);
  g_assert_cmpstr (status, ==, "confirmed");
  g_assert_true (crb_app_test_wait (entity_page_loaded, page));
  wire_group = group_titled (page, crb_document_get_title (wire));
  g_assert_null (button_for (wire_group, "entity.confirm-mention", suggested));

  /* A claim opens the reader at it. */
  row = row_titled (courier_group = group_titled (page, crb_document_get_title (courier)),
                    "Its director, Pavel Sokolov");
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "reader");
  g_assert_cmpstr (
      crb_record_get_uuid (CRB_RECORD (crb_reader_get_document (fixture->window->reader))), ==,
      document (fixture, COURIER));
  g_assert_cmpstr (crb_claim_get_exact (crb_reader_get_selected_claim (fixture->window->reader)),
                   ==, "Its director, Pavel Sokolov");

  /* The search stays one action away. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-entity",
                                  g_variant_new_string (fixture->entity));
  g_assert_true (crb_app_test_wait (entity_page_loaded, page));
  gtk_widget_activate_action (GTK_WIDGET (page), "entity.search", NULL);
  g_assert_cmpstr (gtk_editable_get_text (crb_sidebar_get_search_entry (fixture->window->sidebar)),
                   ==, "\"Pyotr Sokol\"");
  /* The search field waits for a pause in typing. */
  g_assert_true (crb_app_test_wait (shows_search, fixture->window));
}

static void
test_entity_aliases_and_merge (Fixture *fixture, gconstpointer data)
{
  CrbProject    *project = crb_window_get_project (fixture->window);
  CrbEntityPage *page = fixture->window->entity_page;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEntity) duplicate =
      crb_project_add_entity (project, "person", "P. Sokol", NULL, NULL, &error);
  g_autoptr (GPtrArray) aliases = NULL;
  g_autofree char *merged_into = NULL;
  GtkWidget       *remove, *dialog;
  GtkDropDown     *choice;
  GListModel      *names;

  g_assert_no_error (error);
  _crb_window_show_entity (fixture->window, fixture->entity);
  g_assert_true (crb_app_test_wait (entity_page_loaded, page));

  /* Another name, typed into the page. */
  gtk_widget_activate_action (GTK_WIDGET (page), "entity.accept-alias", "s", "Pavel Sokolov");
  g_assert_true (crb_app_test_wait (entity_page_loaded, page));
  aliases = crb_project_list_aliases (project, fixture->entity, NULL);
  g_assert_cmpuint (aliases->len, ==, 1);
  g_assert_cmpstr (crb_alias_get_name (g_ptr_array_index (aliases, 0)), ==, "Pavel Sokolov");
  remove = button_for (page, "entity.remove-alias",
                       crb_record_get_uuid (g_ptr_array_index (aliases, 0)));
  g_assert_nonnull (remove);

  /* Merge a Duplicate…: the dialog offers the other entities; the one
   * picked folds into the entity shown. */
  gtk_widget_activate_action (GTK_WIDGET (page), "entity.merge", NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  names = gtk_drop_down_get_model (choice);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr (GtkStringObject) name = g_list_model_get_item (names, i);

      if (g_str_equal (gtk_string_object_get_string (name), "P. Sokol"))
        gtk_drop_down_set_selected (choice, i);
    }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (crb_app_test_wait (entity_page_loaded, page));
  g_assert_nonnull (row_titled (group_titled (page, "Other Names"), "P. Sokol"));
  merged_into = file_value (fixture->path, "SELECT merged_into FROM entity WHERE uuid = ?1",
                            crb_record_get_uuid (CRB_RECORD (duplicate)));
  g_assert_cmpstr (merged_into, ==, fixture->entity);
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_new_entity (Fixture *fixture, gconstpointer data)
{
  CrbProject *project = crb_window_get_project (fixture->window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr (CrbEntity) created = NULL;
  g_autoptr (GPtrArray) aliases = NULL;
  GtkWidget *dialog = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-entity", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && !dialog; i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (CRB_IS_ENTITY_DIALOG (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  rows = find_all (dialog, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 0)), "Yevgeny Kholodov");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "Evgeniy Holodov, Kholodov");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 3)), "not an identifier");
  /* A bad identifier keeps the dialog open with the core's message. */
  gtk_widget_activate_action (dialog, "entity-dialog.save", NULL);
  g_assert_null (crb_project_find_entity (project, "Yevgeny Kholodov", NULL));
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 3)), "Q4115189");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (dialog, "entity-dialog.save", NULL);
  g_assert_true (crb_app_test_wait (dialog_gone, &dialog));

  created = crb_project_find_entity (project, "Yevgeny Kholodov", NULL);
  g_assert_nonnull (created);
  g_assert_cmpstr (crb_entity_get_kind (created), ==, "person");
  g_assert_cmpstr (crb_entity_get_external_id (created), ==, "Q4115189");
  aliases = crb_project_list_aliases (project, crb_record_get_uuid (CRB_RECORD (created)), NULL);
  g_assert_cmpuint (aliases->len, ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "entity");
  g_assert_cmpstr (crb_entity_page_get_entity (fixture->window->entity_page), ==,
                   crb_record_get_uuid (CRB_RECORD (created)));
}

/* The accounts grid */

static void
exported (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_accounts_page_export_finish (CRB_ACCOUNTS_PAGE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_accounts_grid (Fixture *fixture, gconstpointer data)
{
  CrbProject      *project = crb_window_get_project (fixture->window);
  CrbAccountsPage *page = fixture->window->accounts_page;
  g_autoptr (CrbDocument) wire =
      crb_project_find_document (project, document (fixture, WIRE), NULL);
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crb-briefing-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "briefing.md", NULL);
  g_autofree char *copies = g_strdup_printf ("Copies “%s”", crb_document_get_title (wire));
  g_autofree char *markdown = NULL;
  g_autofree char *facet_name = NULL;
  g_autoptr (CrbFacet) missing = NULL;
  CrbAccountsGrid  *grid;
  CrbAccountsFacet *breach;
  guint             warnings = 0;
  gboolean          done = FALSE;

  activate_in_sidebar (fixture, CRB_TYPE_EVENT, fixture->event);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==,
                   "accounts");
  g_assert_true (crb_app_test_wait (accounts_page_loaded, page));
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->content_title), ==,
                   "Upper Ilmet dam collapse");

  assert_fits_content (page);

  /* Three sources on the time, two of them independent, and they disagree. */
  grid = crb_accounts_page_get_grid (page);
  g_assert_cmpuint (grid->sources->len, ==, 3);
  g_assert_cmpuint (grid->facets->len, ==, 1);
  breach = g_ptr_array_index (grid->facets, 0);
  g_assert_cmpuint (breach->n_independent, ==, 2);
  g_assert_true (breach->disagreement);

  /* What the page shows: the counts, the flags in words and icons. */
  g_assert_cmpuint (count_labels (page->grid_view, "3 sources, 2 independent"), ==, 1);
  g_assert_cmpuint (count_labels (page->grid_view, "Sources disagree"), ==, 1);
  g_assert_cmpuint (count_labels (page->grid_view, "Disagrees"), >=, 2);
  /* The Courier's row names what it copies; its cell is marked a copy. */
  g_assert_cmpuint (count_labels (page->grid_view, copies), ==, 1);
  g_assert_cmpuint (count_labels (page->grid_view, "Copy"), ==, 1);
  g_assert_cmpuint (count_labels (page->grid_view, "≈ 04:40"), ==, 2);
  g_assert_cmpuint (count_labels (page->grid_view, "03:52"), ==, 1);
  images = find_all (page->grid_view, GTK_TYPE_IMAGE);
  for (guint i = 0; i < images->len; i++)
    warnings += g_strcmp0 (gtk_image_get_icon_name (g_ptr_array_index (images, i)),
                           "dialog-warning-symbolic") == 0;
  g_assert_cmpuint (warnings, ==, count_labels (page->grid_view, "Disagrees") + 1);

  /* A question added through the page is a column and a row in the file. */
  gtk_editable_set_text (GTK_EDITABLE (page->facet_entry), "missing");
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.add-facet", NULL);
  missing = crb_project_find_facet (project, fixture->event, "missing", NULL);
  g_assert_nonnull (missing);
  facet_name = file_value (fixture->path, "SELECT name FROM facet WHERE uuid = ?1",
                           crb_record_get_uuid (CRB_RECORD (missing)));
  g_assert_cmpstr (facet_name, ==, "missing");
  g_assert_true (crb_app_test_wait (accounts_page_loaded, page));
  g_assert_cmpuint (crb_accounts_page_get_grid (page)->facets->len, ==, 2);
  g_assert_cmpuint (count_labels (page->grid_view, "No accounts yet"), ==, 1);

  /* The Gazette's account moved to it leaves the time without disagreement. */
  gtk_widget_activate_action (
      GTK_WIDGET (page), "accounts.move-account", "(ss)",
      _crb_accounts_page_find_link (
          page, fixture->claims[GAZETTE],
          ((CrbAccountsFacet *) g_ptr_array_index (crb_accounts_page_get_grid (page)->facets, 0))
              ->facet_uuid),
      crb_record_get_uuid (CRB_RECORD (missing)));
  g_assert_true (crb_app_test_wait (accounts_page_loaded, page));
  g_assert_cmpuint (count_labels (page->grid_view, "Sources disagree"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_true (crb_app_test_wait (accounts_page_loaded, page));
  g_assert_cmpuint (count_labels (page->grid_view, "Sources disagree"), ==, 1);

  /* Removing the question leaves its row deleted in the file, and the grid. */
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.remove-facet", "s",
                              crb_record_get_uuid (CRB_RECORD (missing)));
  g_assert_true (crb_app_test_wait (accounts_page_loaded, page));
  g_clear_pointer (&facet_name, g_free);
  facet_name = file_value (fixture->path, "SELECT deleted FROM facet WHERE uuid = ?1",
                           crb_record_get_uuid (CRB_RECORD (missing)));
  g_assert_cmpstr (facet_name, ==, "1");
  g_assert_cmpuint (crb_accounts_page_get_grid (page)->facets->len, ==, 1);

  /* An account opens the reader at its claim. */
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.open-claim", "(ss)",
                              document (fixture, GAZETTE), fixture->claims[GAZETTE]);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "reader");
  g_assert_cmpstr (
      crb_record_get_uuid (CRB_RECORD (crb_reader_get_selected_claim (fixture->window->reader))),
      ==, fixture->claims[GAZETTE]);

  /* The briefing, as the Export dialog writes it. */
  file = g_file_new_for_path (target);
  crb_accounts_page_export_async (page, "markdown", file, NULL, exported, &done);
  g_assert_true (crb_app_test_wait (is_true, &done));
  g_assert_true (g_file_get_contents (target, &markdown, NULL, NULL));
  g_assert_nonnull (strstr (markdown, "Upper Ilmet dam collapse"));
  g_assert_nonnull (strstr (markdown, "2 independent of 3 sources"));
  g_assert_nonnull (strstr (markdown, "03:52"));
  g_assert_nonnull (strstr (markdown, "disagree"));
  g_unlink (target);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  /* Held like GApplication holds it, so that CrbProject::changed from a
   * worker thread (mention detection) is delivered here, not there. */
  g_main_context_acquire (NULL);
  /* GTK 4.8 warns when a scrolled window animating to a claim is unmapped
   * (the pages switch faster than a person could). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/crb/app/entities/entity-page", Fixture, NULL, fixture_set_up, test_entity_page,
              fixture_tear_down);
  g_test_add ("/crb/app/entities/aliases-and-merge", Fixture, NULL, fixture_set_up,
              test_entity_aliases_and_merge, fixture_tear_down);
  g_test_add ("/crb/app/entities/new-entity", Fixture, NULL, fixture_set_up, test_new_entity,
              fixture_tear_down);
  g_test_add ("/crb/app/entities/accounts-grid", Fixture, NULL, fixture_set_up, test_accounts_grid,
              fixture_tear_down);
  return g_test_run ();
}
