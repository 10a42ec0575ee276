/* crb-window.c
 *
 * The window owns the open project and wires its views together: the
 * sidebar picks a source for the reader, the reader's selected claim goes
 * to the inspector, and search results open the reader at the hit.  The
 * views never reach into each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-labels.h"
#include "crb-window-private.h"

G_DEFINE_FINAL_TYPE (CrbWindow, crb_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (CrbWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width >= 360 && height >= 294)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
crb_window_close_request (GtkWindow *window)
{
  CrbWindow *self = CRB_WINDOW (window);

  save_window_state (self);
  crb_window_set_project (self, NULL);
  return GTK_WINDOW_CLASS (crb_window_parent_class)->close_request (window);
}

static void
crb_window_dispose (GObject *object)
{
  CrbWindow *self = CRB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable)
    g_cancellable_cancel (self->import_cancellable);
  if (self->project)
    crb_window_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (crb_window_parent_class)->dispose (object);
}

static void
update_content_title (CrbWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  CrbDocument *document = crb_reader_get_document (self->reader);
  const char *title, *subtitle;

  if (_crb_window_pages_title (self, page, &title, &subtitle))
    {
      adw_window_title_set_title (self->content_title, title);
      adw_window_title_set_subtitle (self->content_title, subtitle);
    }
  else if (g_strcmp0 (page, "reader") == 0 && document)
    {
      adw_window_title_set_title (self->content_title, crb_document_get_title (document));
      adw_window_title_set_subtitle (self->content_title,
                                     crb_document_get_publisher (document)
                                         ? crb_document_get_publisher (document)
                                         : "");
    }
  else if (g_strcmp0 (page, "search") == 0)
    {
      adw_window_title_set_title (self->content_title, _("Search"));
      adw_window_title_set_subtitle (self->content_title,
                                     crb_search_view_get_summary (self->search_view));
    }
  else if (!_crb_window_compare_title (self, page))
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
    }
}

void
_crb_window_update_content_title (CrbWindow *self)
{
  update_content_title (self);
}

gboolean
crb_window_show_document (CrbWindow *self, const char *document_uuid)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (CRB_IS_WINDOW (self), FALSE);

  if (!crb_reader_show_document (self->reader, document_uuid, &error))
    {
      crb_window_toast (self, error->message, FALSE);
      return FALSE;
    }
  gtk_stack_set_visible_child_name (self->content_stack, document_uuid ? "reader" : "empty");
  crb_sidebar_select_document (self->sidebar, document_uuid);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_content_title (self);
  return TRUE;
}

static void
document_activated (CrbWindow *self, const char *uuid)
{
  CrbDocument *shown = crb_reader_get_document (self->reader);

  /* Searching is over once a source is picked. */
  if (shown && g_str_equal (crb_record_get_uuid (CRB_RECORD (shown)), uuid)
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "reader") == 0)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }
  crb_window_show_document (self, uuid);
}

static void
search_changed (CrbWindow *self, const char *query)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query));

  crb_search_view_set_query (self->search_view, trimmed);
  if (*trimmed)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "search");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack,
                                      crb_reader_get_document (self->reader) ? "reader" : "empty");
  update_content_title (self);
}

static void
hit_activated (CrbWindow *self, const char *document_uuid, const char *claim_uuid,
               const char *snippet)
{
  CrbDocument *shown = crb_reader_get_document (self->reader);

  if (shown == NULL || !g_str_equal (crb_record_get_uuid (CRB_RECORD (shown)), document_uuid))
    if (!crb_reader_show_document (self->reader, document_uuid, NULL))
      return;
  gtk_stack_set_visible_child_name (self->content_stack, "reader");
  crb_sidebar_select_document (self->sidebar, document_uuid);
  update_content_title (self);
  if (claim_uuid)
    crb_reader_select_claim (self->reader, claim_uuid);
  else
    crb_reader_reveal_snippet (self->reader, snippet);
  gtk_widget_grab_focus (GTK_WIDGET (crb_reader_get_text_view (self->reader)));
}

static void
selected_claim_changed (CrbWindow *self)
{
  CrbClaim *claim = crb_reader_get_selected_claim (self->reader);
  CrbClaim *shown = crb_claim_inspector_get_claim (self->inspector);
  gboolean another = claim && (shown == NULL
                               || g_strcmp0 (crb_record_get_uuid (CRB_RECORD (shown)),
                                             crb_record_get_uuid (CRB_RECORD (claim))) != 0);

  crb_claim_inspector_set_claim (self->inspector, claim);
  /* A newly selected claim opens the inspector; a refreshed one does not. */
  if (another && !adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
reader_document_changed (CrbWindow *self)
{
  CrbDocument *document = crb_reader_get_document (self->reader);

  if (document == NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack),
                                     "reader") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  update_content_title (self);
}

static void
crb_window_class_init (CrbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = crb_window_close_request;

  g_type_ensure (CRB_TYPE_WELCOME_PAGE);
  g_type_ensure (CRB_TYPE_SIDEBAR);
  g_type_ensure (CRB_TYPE_READER);
  g_type_ensure (CRB_TYPE_SEARCH_VIEW);
  g_type_ensure (CRB_TYPE_CLAIM_INSPECTOR);
  g_type_ensure (CRB_TYPE_IMPORT_BANNER);
  g_type_ensure (CRB_TYPE_STORAGE_BANNER);
  g_type_ensure (CRB_TYPE_CONFLICT_BANNER);
  g_type_ensure (CRB_TYPE_ENTITY_PAGE);
  g_type_ensure (CRB_TYPE_ACCOUNTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/corroborate/Corroborate/crb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, storage_banner);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, import_banner);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, search_view);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, entity_page);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, inspector_button);
}

static void
crb_window_init (CrbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_swapped (self->sidebar, "document-activated", G_CALLBACK (document_activated),
                            self);
  g_signal_connect_swapped (self->sidebar, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->search_view, "hit-activated", G_CALLBACK (hit_activated), self);
  g_signal_connect_swapped (self->reader, "notify::selected-claim",
                            G_CALLBACK (selected_claim_changed), self);
  g_signal_connect_swapped (self->reader, "notify::document", G_CALLBACK (reader_document_changed),
                            self);
  g_signal_connect_swapped (self->search_view, "notify::summary", G_CALLBACK (update_content_title),
                            self);

  g_signal_connect_swapped (self->content_stack, "notify::visible-child-name",
                            G_CALLBACK (update_content_title), self);
  g_signal_connect_swapped (self->entity_page, "notify::title", G_CALLBACK (update_content_title),
                            self);
  g_signal_connect_swapped (self->accounts_page, "notify::title",
                            G_CALLBACK (update_content_title), self);

  _crb_window_actions_init (self);
  _crb_window_import_init (self);
  _crb_window_share_init (self);
  _crb_window_compare_init (self);
  _crb_window_pages_init (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

CrbWindow *
crb_window_new (CrbApplication *application)
{
  return g_object_new (CRB_TYPE_WINDOW, "application", application, NULL);
}

gboolean
crb_window_has_project (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), FALSE);
  return self->project != NULL;
}

CrbProject *
crb_window_get_project (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), NULL);
  return self->project;
}

gboolean
crb_window_is_busy (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), FALSE);
  return self->busy > 0;
}

static void
project_changed (CrbWindow *self, CrbChangeFlags changes)
{
  _crb_window_update_actions (self);
}

static char *
project_name (CrbProject *project)
{
  g_autofree char *base = g_path_get_basename (crb_project_get_path (project));
  char *dot = g_str_has_suffix (base, ".corroborate") ? strrchr (base, '.') : NULL;

  if (dot)
    *dot = '\0';
  return g_steal_pointer (&base);
}

void
crb_window_set_project (CrbWindow *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_WINDOW (self));
  g_return_if_fail (project == NULL || CRB_IS_PROJECT (project));

  _crb_window_set_opened_project (self, project, NULL);
}

void
_crb_window_set_opened_project (CrbWindow *self, CrbProject *project,
                                CrbWorkingCopy *working_copy)
{
  g_autofree char *name = NULL;
  g_autofree char *analyst = NULL;

  if (self->project == project)
    return;

  /* Whatever is being typed belongs to the project being left. */
  crb_claim_inspector_flush (self->inspector);
  if (self->import_cancellable)
    g_cancellable_cancel (self->import_cancellable);
  if (self->project)
    {
      g_clear_signal_handler (&self->changed_id, self->project);
      g_clear_signal_handler (&self->undo_id, self->project);
      crb_claim_inspector_set_project (self->inspector, NULL);
      crb_reader_set_project (self->reader, NULL);
      crb_search_view_set_project (self->search_view, NULL);
      _crb_window_pages_set_project (self, NULL);
      crb_sidebar_set_project (self->sidebar, NULL);
      _crb_window_compare_set_project (self, NULL);
      crb_storage_banner_set_project (self->storage_banner, NULL, NULL);
      crb_conflict_banner_set_project (self->conflict_banner, NULL);
      if (self->working_copy)
        {
          g_autoptr (GError) error = NULL;

          /* On failure the copy stays, and opening the file again brings
           * its work back. */
          if (!crb_working_copy_close (self->working_copy, &error))
            g_message ("%s", error->message);
          g_clear_object (&self->working_copy);
        }
      crb_project_close (self->project);
      g_clear_object (&self->project);
    }

  if (project)
    {
      self->project = g_object_ref (project);
      g_set_object (&self->working_copy, working_copy);
      analyst = g_settings_get_string (self->settings, "analyst-name");
      if (*g_strstrip (analyst))
        crb_project_set_author (project, analyst);
      self->changed_id = g_signal_connect_swapped (project, "changed",
                                                   G_CALLBACK (project_changed), self);
      self->undo_id = g_signal_connect_swapped (project, "notify::can-undo",
                                                G_CALLBACK (_crb_window_update_actions), self);
      crb_sidebar_set_project (self->sidebar, project);
      crb_reader_set_project (self->reader, project);
      crb_search_view_set_project (self->search_view, project);
      _crb_window_pages_set_project (self, project);
      crb_claim_inspector_set_project (self->inspector, project);
      crb_storage_banner_set_project (self->storage_banner, project, working_copy);
      crb_conflict_banner_set_project (self->conflict_banner, project);
      _crb_window_compare_set_project (self, project);
      name = project_name (project);
      adw_window_title_set_title (self->project_title, name);
      gtk_window_set_title (GTK_WINDOW (self), name);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      gtk_stack_set_visible_child_name (self->main_stack, "workbench");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      _crb_window_add_recent (self, working_copy
                                        ? crb_working_copy_get_original_path (working_copy)
                                        : crb_project_get_path (project));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Corroborate"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  adw_flap_set_reveal_flap (self->flap, FALSE);
  update_content_title (self);
  _crb_window_update_actions (self);
}

void
crb_window_toast (CrbWindow *self, const char *message, gboolean with_undo)
{
  AdwToast *toast;

  g_return_if_fail (CRB_IS_WINDOW (self));

  toast = adw_toast_new (message);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_crb_window_show_error (CrbWindow *self, const char *heading, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
