/* crb-entity-page-actions.c: reviewing mentions, names and duplicates of
 * the entity shown
 *
 * Each action is one undoable step of the project; the page reloads from
 * CrbProject::changed like every other view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-alias.h"
#include "crb-edit.h"
#include "crb-entity-dialog.h"
#include "crb-entity-page-private.h"
#include "crb-mention-detect.h"

static void
review_mention_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (widget);
  gboolean       confirm = g_str_equal (action_name, "entity.confirm-mention");
  g_autoptr (GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!crb_project_set_field (self->project, "mention", g_variant_get_string (parameter, NULL),
                              "status", confirm ? "confirmed" : "rejected", &error))
    _crb_entity_page_show_error (self, error);
  else if (!confirm)
    gtk_widget_activate_action (widget, "win.toast-undo", "s", _ ("Mention rejected"));
}

static void
add_alias (CrbEntityPage *self, const char *name)
{
  g_autoptr (CrbAlias) alias = NULL;
  g_autoptr (GError) error = NULL;

  if (self->project == NULL || self->entity_uuid == NULL || name == NULL || *name == '\0')
    return;
  if (!(alias = crb_project_add_alias (self->project, self->entity_uuid, name, NULL, &error)))
    _crb_entity_page_show_error (self, error);
}

static void
accept_alias_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (widget);

  add_alias (self, g_variant_get_string (parameter, NULL));
  /* Places where the new name occurs become suggested mentions. */
  if (self->project && self->entity_uuid)
    crb_project_detect_mentions_async (self->project, self->entity_uuid, NULL, NULL, NULL, NULL);
}

static void
dismiss_alias_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (widget);

  g_hash_table_add (self->dismissed, g_variant_dup_string (parameter, NULL));
  _crb_entity_page_reload (self);
}

static void
remove_alias_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->project && !crb_project_delete_record (self->project, "alias",
                                                   g_variant_get_string (parameter, NULL), &error))
    _crb_entity_page_show_error (self, error);
}

static void
alias_applied (CrbEntityPage *self)
{
  g_autofree char *name =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alias_entry))));

  if (*name == '\0')
    return;
  add_alias (self, name);
  gtk_editable_set_text (GTK_EDITABLE (self->alias_entry), "");
}

static void
add_alias_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  alias_applied (CRB_ENTITY_PAGE (widget));
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (widget);
  GtkWidget     *dialog;

  if (self->project == NULL || self->entity_uuid == NULL)
    return;
  dialog = crb_entity_dialog_new (self->project, self->entity_uuid);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage   *self = CRB_ENTITY_PAGE (widget);
  g_autofree char *query = NULL;

  if (self->entity == NULL)
    return;
  query = g_strdup_printf ("\"%s\"", crb_entity_get_name (self->entity));
  gtk_widget_activate_action (widget, "win.search-for", "s", query);
}

static void
detected (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GtkWidget) widget = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint            n_added = 0;

  if (!crb_project_detect_mentions_finish (CRB_PROJECT (source), result, &n_added, &error))
    message = g_strdup (error->message);
  else if (n_added == 0)
    message = g_strdup (_ ("No new mentions found"));
  else
    message = g_strdup_printf (
        ngettext ("%u mention found to review", "%u mentions found to review", n_added), n_added);
  gtk_widget_activate_action (widget, "win.toast", "s", message);
}

static void
detect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (widget);

  if (self->project && self->entity_uuid)
    crb_project_detect_mentions_async (self->project, self->entity_uuid, NULL, NULL, detected,
                                       g_object_ref (widget));
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->project == NULL || self->entity_uuid == NULL)
    return;
  if (!crb_project_delete_record (self->project, "entity", self->entity_uuid, &error))
    _crb_entity_page_show_error (self, error);
  else
    gtk_widget_activate_action (widget, "win.toast-undo", "s", _ ("Entity deleted"));
}

/* Merging a duplicate into the entity shown */

static void
merge_answered (AdwMessageDialog *dialog, const char *response, CrbEntityPage *self)
{
  GtkDropDown *choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GPtrArray   *others = g_object_get_data (G_OBJECT (dialog), "others");
  guint        selected = gtk_drop_down_get_selected (choice);
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "merge") || self->project == NULL || self->entity_uuid == NULL ||
      selected >= others->len)
    return;
  if (!crb_project_merge_entities (self->project,
                                   crb_record_get_uuid (g_ptr_array_index (others, selected)),
                                   self->entity_uuid, &error))
    _crb_entity_page_show_error (self, error);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", _ ("Entities merged"));
}

static void
merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (widget);
  g_autoptr (GPtrArray) entities = NULL;
  g_autoptr (GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  GtkExpression   *expression;
  GtkWidget       *dialog, *choice;

  if (self->project == NULL || self->entity == NULL ||
      !(entities = crb_project_list_entities (self->project, NULL)))
    return;
  for (guint i = 0; i < entities->len; i++)
    {
      CrbEntity *entity = g_ptr_array_index (entities, i);

      if (g_str_equal (crb_record_get_uuid (CRB_RECORD (entity)), self->entity_uuid))
        continue;
      g_ptr_array_add (others, g_object_ref (entity));
      gtk_string_list_append (names, crb_entity_get_name (entity));
    }
  if (others->len == 0)
    {
      gtk_widget_activate_action (widget, "win.toast", "s",
                                  _ ("There is no other entity to merge"));
      return;
    }
  body = g_strdup_printf (_ ("The duplicate's other names, claims and mentions move to “%s”, "
                             "and its name becomes another name of it."),
                          crb_entity_get_name (self->entity));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _ ("Merge a Duplicate"), body);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choice), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The duplicate"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), choice);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "merge",
                                    _ ("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "others", g_steal_pointer (&others),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_answered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_crb_entity_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "entity.confirm-mention", "s",
                                   review_mention_action);
  gtk_widget_class_install_action (widget_class, "entity.reject-mention", "s",
                                   review_mention_action);
  gtk_widget_class_install_action (widget_class, "entity.accept-alias", "s", accept_alias_action);
  gtk_widget_class_install_action (widget_class, "entity.dismiss-alias", "s", dismiss_alias_action);
  gtk_widget_class_install_action (widget_class, "entity.add-alias", NULL, add_alias_action);
  gtk_widget_class_install_action (widget_class, "entity.remove-alias", "s", remove_alias_action);
  gtk_widget_class_install_action (widget_class, "entity.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "entity.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "entity.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "entity.detect-mentions", NULL, detect_action);
  gtk_widget_class_install_action (widget_class, "entity.delete", NULL, delete_action);
}

void
_crb_entity_page_init_actions (CrbEntityPage *self)
{
  g_signal_connect_swapped (self->alias_entry, "apply", G_CALLBACK (alias_applied), self);
  g_signal_connect_swapped (self->alias_entry, "entry-activated", G_CALLBACK (alias_applied), self);
}
