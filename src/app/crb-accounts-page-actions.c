/* crb-accounts-page-actions.c: the questions of an event (add, rename,
 * remove), moving accounts between them, and the briefing export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-accounts-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-accounts-page-private.h"
#include "crb-briefing.h"
#include "crb-edit.h"
#include "crb-facet.h"

static void
open_claim_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *document_uuid, *claim_uuid;

  g_variant_get (parameter, "(&s&s)", &document_uuid, &claim_uuid);
  _crb_accounts_page_emit_claim_activated (CRB_ACCOUNTS_PAGE (widget), document_uuid, claim_uuid);
}

static void
add_facet_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (widget);
  g_autofree char *name =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->facet_entry))));
  g_autoptr (CrbFacet) facet = NULL;
  g_autoptr (GError) error = NULL;

  if (self->project == NULL || self->event_uuid == NULL || *name == '\0')
    return;
  if (!(facet = crb_project_add_facet (self->project, self->event_uuid, name, &error)))
    {
      _crb_accounts_page_show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->facet_entry), "");
}

static void
renamed (AdwMessageDialog *dialog, const char *response, CrbAccountsPage *self)
{
  GtkEditable     *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char      *uuid = g_object_get_data (G_OBJECT (dialog), "facet");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "rename") || self->project == NULL || *name == '\0')
    return;
  if (!crb_project_set_field (self->project, "facet", uuid, "name", name, &error))
    _crb_accounts_page_show_error (self, error);
}

static void
rename_facet_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (widget);
  const char      *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr (CrbFacet) facet = NULL;
  GtkWidget *dialog, *entry;

  if (self->project == NULL ||
      !(facet = crb_project_find_facet (self->project, self->event_uuid, uuid, NULL)))
    return;
  dialog =
      adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _ ("Rename the Question"),
                              _ ("The question the accounts answer, such as “dead” or "
                                 "“time of the breach”."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), crb_facet_get_name (facet));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Question"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "rename",
                                    _ ("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "facet", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (renamed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_facet_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!crb_project_delete_record (self->project, "facet", g_variant_get_string (parameter, NULL),
                                  &error))
    _crb_accounts_page_show_error (self, error);
  else
    gtk_widget_activate_action (widget, "win.toast-undo", "s", _ ("Question removed"));
}

static void
move_account_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (widget);
  const char      *link, *facet;
  g_autoptr (GError) error = NULL;

  g_variant_get (parameter, "(&s&s)", &link, &facet);
  if (self->project && !crb_project_set_field (self->project, "event_claim", link, "facet_uuid",
                                               *facet ? facet : NULL, &error))
    _crb_accounts_page_show_error (self, error);
}

static void
unlink_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!crb_project_delete_record (self->project, "event_claim",
                                  g_variant_get_string (parameter, NULL), &error))
    _crb_accounts_page_show_error (self, error);
  else
    gtk_widget_activate_action (widget, "win.toast-undo", "s",
                                _ ("Account removed from the event"));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (widget);
  g_autofree char *query = NULL;

  if (self->grid == NULL)
    return;
  query = g_strdup_printf ("\"%s\"", self->grid->title);
  gtk_widget_activate_action (widget, "win.search-for", "s", query);
}

/* Export */

static void
replaced (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
crb_accounts_page_export_async (CrbAccountsPage *self, const char *format, GFile *file,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GBytes) bytes = NULL;
  char *text;

  g_return_if_fail (CRB_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_accounts_page_export_async);
  if (self->grid == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _ ("There is no accounts grid to export."));
      return;
    }
  /* Rendering is string work on a grid already built: quick. */
  text = g_strcmp0 (format, "html") == 0 ? crb_accounts_grid_to_html (self->grid)
                                         : crb_accounts_grid_to_markdown (self->grid);
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replaced, g_steal_pointer (&task));
}

gboolean
crb_accounts_page_export_finish (CrbAccountsPage *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (source);
  g_autoptr (GFile) file = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (!crb_accounts_page_export_finish (self, result, &error))
    message = g_strdup_printf (_ ("The briefing could not be saved: %s"), error->message);
  else
    message = g_strdup_printf (_ ("Briefing saved as “%s”"), name);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
export_chosen (GtkNativeDialog *chooser, int response, CrbAccountsPage *self)
{
  g_autoptr (GFile) file = NULL;
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    crb_accounts_page_export_async (self, format, file, NULL, exported, g_object_ref (file));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static char *
file_name (const char *title, const char *extension)
{
  g_autofree char *safe = g_strdup (title);

  g_strdelimit (safe, "/\\:*?\"<>|", '-');
  return g_strconcat (safe, extension, NULL);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (widget);
  gboolean         html = g_strcmp0 (g_variant_get_string (parameter, NULL), "html") == 0;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char      *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->grid == NULL)
    return;
  chooser = gtk_file_chooser_native_new (
      html ? _ ("Export Briefing as HTML") : _ ("Export Briefing as Markdown"),
      GTK_WINDOW (gtk_widget_get_root (widget)), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"),
      _ ("_Cancel"));
  gtk_file_filter_set_name (filter, html ? _ ("Web Pages") : _ ("Markdown Documents"));
  gtk_file_filter_add_mime_type (filter, html ? "text/html" : "text/markdown");
  gtk_file_filter_add_suffix (filter, html ? "html" : "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = file_name (self->grid->title, html ? ".html" : ".md");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "format", html ? "html" : "markdown");
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_crb_accounts_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "accounts.open-claim", "(ss)", open_claim_action);
  gtk_widget_class_install_action (widget_class, "accounts.add-facet", NULL, add_facet_action);
  gtk_widget_class_install_action (widget_class, "accounts.rename-facet", "s", rename_facet_action);
  gtk_widget_class_install_action (widget_class, "accounts.remove-facet", "s", remove_facet_action);
  gtk_widget_class_install_action (widget_class, "accounts.move-account", "(ss)",
                                   move_account_action);
  gtk_widget_class_install_action (widget_class, "accounts.unlink", "s", unlink_action);
  gtk_widget_class_install_action (widget_class, "accounts.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "accounts.export", "s", export_action);
}
