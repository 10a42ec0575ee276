/* crb-entity-suggestions.c
 *
 * crb_project_suggest_entities reads every text, so it runs in a GTask
 * thread.  Creating one is an ordinary undoable action followed by
 * mention detection for the new entity, so that its page opens with the
 * places to review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity-suggestions"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-entity-suggest.h"
#include "crb-entity-suggestions.h"
#include "crb-entity.h"
#include "crb-labels.h"
#include "crb-mention-detect.h"

#define MAX_SHOWN 60

struct _CrbEntitySuggestions
{
  AdwWindow parent_instance;

  CrbProject   *project;
  GCancellable *cancellable;
  GPtrArray    *rows;
  gboolean      loading;

  GtkStack            *stack;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (CrbEntitySuggestions, crb_entity_suggestions, ADW_TYPE_WINDOW)

static const char *const kinds[] = { "person", "organisation", "place", "event", "other", NULL };

static void
crb_entity_suggestions_dispose (GObject *object)
{
  CrbEntitySuggestions *self = CRB_ENTITY_SUGGESTIONS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_ENTITY_SUGGESTIONS);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (crb_entity_suggestions_parent_class)->dispose (object);
}

static void
create_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbEntitySuggestions *self = CRB_ENTITY_SUGGESTIONS (widget);
  guint                 index = g_variant_get_uint32 (parameter);
  GtkWidget            *row, *kind;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  const char      *uuid;

  if (index >= self->rows->len || !(row = g_ptr_array_index (self->rows, index)))
    return;
  kind = g_object_get_data (G_OBJECT (row), "kind");
  entity = crb_project_add_entity (
      self->project, kinds[gtk_drop_down_get_selected (GTK_DROP_DOWN (kind))],
      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), NULL, NULL, &error);
  if (entity == NULL)
    {
      gtk_widget_set_tooltip_text (row, error->message);
      gtk_widget_error_bell (row);
      return;
    }
  uuid = crb_record_get_uuid (CRB_RECORD (entity));
  crb_project_detect_mentions_async (self->project, uuid, NULL, NULL, NULL, NULL);
  adw_preferences_group_remove (self->group, row);
  g_ptr_array_index (self->rows, index) = NULL;
  if (gtk_window_get_transient_for (GTK_WINDOW (self)))
    {
      GtkWidget *window = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));

      message = g_strdup_printf (_ ("“%s” is an entity now"), crb_entity_get_name (entity));
      gtk_widget_activate_action (window, "win.toast-undo", "s", message);
    }
}

static GtkWidget *
candidate_row (CrbEntityCandidate *candidate, guint index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget       *kind, *button;
  g_autofree char *sources = NULL;
  g_autofree char *times = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *create = NULL;

  for (guint i = 0; kinds[i]; i++)
    gtk_string_list_append (labels, crb_labels_entity_kind (kinds[i]));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  /* Two capitalised words are most often a person's name. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), candidate->n_words == 2 ? 0 : 4);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (kind, _ ("Type of the new entity"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Type of the new entity"), -1);

  create = g_strdup_printf (_ ("Create the entity “%s”"), candidate->name);
  button = gtk_button_new_with_mnemonic (_ ("_Create"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, create);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, create,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "suggestions.create");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);

  sources = g_strdup_printf (ngettext ("in %u source", "in %u sources", candidate->n_documents),
                             candidate->n_documents);
  times = g_strdup_printf (ngettext ("%u time", "%u times", candidate->n_occurrences),
                           candidate->n_occurrences);
  /* Translators: "in 3 sources, 7 times" */
  subtitle = g_strdup_printf (_ ("%s, %s"), sources, times);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "kind", kind);
  return row;
}

static void
suggest_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError    *error = NULL;
  GPtrArray *candidates = crb_project_suggest_entities (data, 2, &error);

  if (candidates)
    g_task_return_pointer (task, candidates, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
suggested (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbEntitySuggestions *self = CRB_ENTITY_SUGGESTIONS (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) candidates = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (candidates == NULL)
    g_message ("No entity suggestions: %s", error->message);
  for (guint i = 0; candidates && i < candidates->len && i < MAX_SHOWN; i++)
    {
      GtkWidget *row = candidate_row (g_ptr_array_index (candidates, i), i);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "list" : "empty");
}

static void
crb_entity_suggestions_class_init (CrbEntitySuggestionsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_entity_suggestions_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-entity-suggestions.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbEntitySuggestions, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbEntitySuggestions, group);
  gtk_widget_class_install_action (widget_class, "suggestions.create", "u", create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_entity_suggestions_init (CrbEntitySuggestions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

GtkWidget *
crb_entity_suggestions_new (CrbProject *project)
{
  CrbEntitySuggestions *self;
  g_autoptr (GTask) task = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  self = g_object_new (CRB_TYPE_ENTITY_SUGGESTIONS, NULL);
  self->project = g_object_ref (project);
  self->loading = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, suggested, NULL);
  g_task_set_source_tag (task, crb_entity_suggestions_new);
  g_task_set_task_data (task, g_object_ref (project), g_object_unref);
  g_task_run_in_thread (task, suggest_in_thread);
  return GTK_WIDGET (self);
}

gboolean
crb_entity_suggestions_is_loading (CrbEntitySuggestions *self)
{
  g_return_val_if_fail (CRB_IS_ENTITY_SUGGESTIONS (self), FALSE);
  return self->loading;
}

guint
crb_entity_suggestions_get_n_candidates (CrbEntitySuggestions *self)
{
  guint n = 0;

  g_return_val_if_fail (CRB_IS_ENTITY_SUGGESTIONS (self), 0);
  for (guint i = 0; i < self->rows->len; i++)
    n += g_ptr_array_index (self->rows, i) != NULL;
  return n;
}
