/* crb-entity-dialog.c
 *
 * The core checks what is entered (a known kind, a name, a QID or an
 * http(s) address); its message is shown in the dialog, which stays open
 * so that nothing typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-alias.h"
#include "crb-edit.h"
#include "crb-entity-dialog.h"
#include "crb-entity.h"
#include "crb-labels.h"
#include "crb-mention-detect.h"

struct _CrbEntityDialog
{
  AdwWindow parent_instance;

  CrbProject *project;
  CrbEntity  *entity; /* NULL: a new one */

  GtkWidget   *save_button;
  AdwComboRow *kind_row;
  AdwEntryRow *name_row;
  AdwEntryRow *aliases_row;
  AdwEntryRow *description_row;
  AdwEntryRow *external_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (CrbEntityDialog, crb_entity_dialog, ADW_TYPE_WINDOW)

static const char *const kinds[] = { "person", "organisation", "place", "event", "other", NULL };

static void
crb_entity_dialog_dispose (GObject *object)
{
  CrbEntityDialog *self = CRB_ENTITY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_ENTITY_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->entity);
  G_OBJECT_CLASS (crb_entity_dialog_parent_class)->dispose (object);
}

static char *
field (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
show_error (CrbEntityDialog *self, const GError *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static gboolean
set_if_changed (CrbEntityDialog *self, const char *name, const char *old, const char *value,
                GError **error)
{
  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  return crb_project_set_field (
      self->project, "entity", crb_record_get_uuid (CRB_RECORD (self->entity)), name, value, error);
}

static gboolean
save (CrbEntityDialog *self, GError **error)
{
  const char      *kind = kinds[adw_combo_row_get_selected (self->kind_row)];
  g_autofree char *name = field (self->name_row);
  g_autofree char *description = field (self->description_row);
  g_autofree char *external = field (self->external_row);
  g_autofree char *aliases = field (self->aliases_row);
  g_autoptr (CrbEntity) created = NULL;
  g_auto (GStrv) names = NULL;
  const char *uuid;

  if (name == NULL)
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           _ ("An entity needs a name."));
      return FALSE;
    }
  if (self->entity)
    return set_if_changed (self, "kind", crb_entity_get_kind (self->entity), kind, error) &&
           set_if_changed (self, "name", crb_entity_get_name (self->entity), name, error) &&
           set_if_changed (self, "description", crb_entity_get_description (self->entity),
                           description, error) &&
           set_if_changed (self, "external_id", crb_entity_get_external_id (self->entity), external,
                           error);

  if (!(created = crb_project_add_entity (self->project, kind, name, description, external, error)))
    return FALSE;
  uuid = crb_record_get_uuid (CRB_RECORD (created));
  names = aliases ? g_strsplit (aliases, ",", -1) : NULL;
  for (guint i = 0; names && names[i]; i++)
    {
      g_autoptr (CrbAlias) alias = NULL;
      g_autoptr (GError) local_error = NULL;

      g_strstrip (names[i]);
      /* A repeated name is no reason to stop: the entity exists now. */
      if (*names[i] &&
          !(alias = crb_project_add_alias (self->project, uuid, names[i], NULL, &local_error)))
        g_debug ("Alias “%s” left out: %s", names[i], local_error->message);
    }
  /* Where the sources name it becomes suggested mentions to review. */
  crb_project_detect_mentions_async (self->project, uuid, NULL, NULL, NULL, NULL);
  if (gtk_window_get_transient_for (GTK_WINDOW (self)))
    gtk_widget_activate_action (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                                "win.show-entity", "s", uuid);
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntityDialog *self = CRB_ENTITY_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!save (self, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
name_changed (CrbEntityDialog *self)
{
  g_autofree char *name = field (self->name_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity-dialog.save", name != NULL);
}

static void
name_activated (CrbEntityDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "entity-dialog.save", NULL);
}

static void
crb_entity_dialog_class_init (CrbEntityDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_entity_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-entity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbEntityDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityDialog, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityDialog, external_row);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityDialog, error_label);
  gtk_widget_class_install_action (widget_class, "entity-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_entity_dialog_init (CrbEntityDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; kinds[i]; i++)
    gtk_string_list_append (labels, crb_labels_entity_kind (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (name_activated), self);
  name_changed (self);
}

GtkWidget *
crb_entity_dialog_new (CrbProject *project, const char *entity_uuid)
{
  CrbEntityDialog *self;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  self = g_object_new (CRB_TYPE_ENTITY_DIALOG, NULL);
  self->project = g_object_ref (project);
  if (entity_uuid && (self->entity = crb_project_find_entity (project, entity_uuid, NULL)))
    {
      const char *kind = crb_entity_get_kind (self->entity);

      gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Entity"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _ ("_Save"));
      for (guint i = 0; kinds[i]; i++)
        if (g_str_equal (kinds[i], kind))
          adw_combo_row_set_selected (self->kind_row, i);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), crb_entity_get_name (self->entity));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             crb_entity_get_description (self->entity)
                                 ? crb_entity_get_description (self->entity)
                                 : "");
      gtk_editable_set_text (GTK_EDITABLE (self->external_row),
                             crb_entity_get_external_id (self->entity)
                                 ? crb_entity_get_external_id (self->entity)
                                 : "");
      /* Other names are edited on the entity's page, one by one. */
      gtk_widget_set_visible (GTK_WIDGET (self->aliases_row), FALSE);
    }
  return GTK_WIDGET (self);
}

void
crb_entity_dialog_set_name (CrbEntityDialog *self, const char *name)
{
  g_return_if_fail (CRB_IS_ENTITY_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}
