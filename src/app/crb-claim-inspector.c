/* crb-claim-inspector.c
 *
 * The note is saved as the analyst types, after a short pause, so that a
 * crash loses at most the last second of typing and undo steps are the
 * pauses, not the keystrokes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-claim-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-claim-inspector-private.h"
#include "crb-edit.h"
#include "crb-labels.h"

#define NOTE_PAUSE_MS 600

G_DEFINE_FINAL_TYPE (CrbClaimInspector, crb_claim_inspector, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = { "claim", "highlight", "question" };

static void
crb_claim_inspector_dispose (GObject *object)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (object);

  crb_claim_inspector_flush (self);
  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_pointer ((GtkWidget **) &self->chooser, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_CLAIM_INSPECTOR);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->note_claim_uuid, g_free);
  g_clear_object (&self->claim);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (crb_claim_inspector_parent_class)->dispose (object);
}

static void
crb_claim_inspector_get_property (GObject *object, guint prop_id, GValue *value,
                                  GParamSpec *pspec)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_claim_inspector_set_property (GObject *object, guint prop_id, const GValue *value,
                                  GParamSpec *pspec)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      crb_claim_inspector_set_project (self, g_value_get_object (value));
      break;
    case PROP_CLAIM:
      crb_claim_inspector_set_claim (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_claim_inspector_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->chooser)))
    gtk_popover_present (GTK_POPOVER (self->chooser));
}

static void
crb_claim_inspector_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline,
                             int *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (CRB_CLAIM_INSPECTOR (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

void
_crb_claim_inspector_show_error (CrbClaimInspector *self, const GError *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

static gboolean
save_note (gpointer user_data)
{
  CrbClaimInspector *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  self->note_timeout = 0;
  if (self->project == NULL || self->note_claim_uuid == NULL
      || crb_project_is_closed (self->project))
    return G_SOURCE_REMOVE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->claim && g_str_equal (crb_record_get_uuid (CRB_RECORD (self->claim)),
                                  self->note_claim_uuid)
      && g_strcmp0 (crb_claim_get_note (self->claim), text) == 0)
    return G_SOURCE_REMOVE;
  if (!crb_project_set_field (self->project, "claim", self->note_claim_uuid, "note", text,
                              &error))
    _crb_claim_inspector_show_error (self, error);
  return G_SOURCE_REMOVE;
}

void
crb_claim_inspector_flush (CrbClaimInspector *self)
{
  g_return_if_fail (CRB_IS_CLAIM_INSPECTOR (self));

  if (self->note_timeout)
    {
      g_clear_handle_id (&self->note_timeout, g_source_remove);
      save_note (self);
    }
}

gboolean
crb_claim_inspector_has_pending_note (CrbClaimInspector *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM_INSPECTOR (self), FALSE);
  return self->note_timeout != 0;
}

static void
note_changed (CrbClaimInspector *self)
{
  if (self->loading || self->note_claim_uuid == NULL)
    return;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_PAUSE_MS, save_note, self);
}

static void
kind_selected (CrbClaimInspector *self)
{
  g_autoptr (GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->loading || self->claim == NULL || selected >= G_N_ELEMENTS (kinds)
      || g_str_equal (kinds[selected], crb_claim_get_kind (self->claim)))
    return;
  if (!crb_project_set_field (self->project, "claim", crb_record_get_uuid (CRB_RECORD (self->claim)),
                              "kind", kinds[selected], &error))
    _crb_claim_inspector_show_error (self, error);
}

static void
credibility_selected (CrbClaimInspector *self)
{
  g_autoptr (GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->credibility_row);
  g_autofree char *value = selected > 0 ? g_strdup_printf ("%u", selected) : NULL;

  if (self->loading || self->claim == NULL || selected == crb_claim_get_credibility (self->claim))
    return;
  if (!crb_project_set_field (self->project, "claim", crb_record_get_uuid (CRB_RECORD (self->claim)),
                              "credibility", value, &error))
    _crb_claim_inspector_show_error (self, error);
}

static void
private_toggled (CrbClaimInspector *self)
{
  g_autoptr (GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->private_switch);

  if (self->loading || self->claim == NULL || active == crb_claim_get_private (self->claim))
    return;
  if (!crb_project_set_field (self->project, "claim", crb_record_get_uuid (CRB_RECORD (self->claim)),
                              "private", active ? "1" : "0", &error))
    _crb_claim_inspector_show_error (self, error);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *message = NULL;

  if (self->claim == NULL)
    return;
  crb_claim_inspector_flush (self);
  uuid = g_strdup (crb_record_get_uuid (CRB_RECORD (self->claim)));
  message = g_strdup_printf (_("%s deleted"), crb_labels_claim_kind (crb_claim_get_kind (self->claim)));
  if (!crb_project_delete_record (self->project, "claim", uuid, &error))
    {
      _crb_claim_inspector_show_error (self, error);
      return;
    }
  gtk_widget_activate_action (widget, "win.toast-undo", "s", message);
}

static void
find_similar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);

  if (self->claim)
    gtk_widget_activate_action (widget, "win.find-similar", "s",
                                crb_record_get_uuid (CRB_RECORD (self->claim)));
}

static void
crb_claim_inspector_class_init (CrbClaimInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_claim_inspector_dispose;
  object_class->get_property = crb_claim_inspector_get_property;
  object_class->set_property = crb_claim_inspector_set_property;
  widget_class->size_allocate = crb_claim_inspector_size_allocate;
  widget_class->measure = crb_claim_inspector_measure;

  properties[PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, CRB_TYPE_PROJECT,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIM] = g_param_spec_object ("claim", NULL, NULL, CRB_TYPE_CLAIM,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                    | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-claim-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, note_view);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, credibility_row);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, tags_group);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, entities_group);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, events_group);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, add_tag_button);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, link_entity_button);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, add_event_button);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, author_row);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, times_row);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, anchor_row);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, private_switch);
  gtk_widget_class_bind_template_child (widget_class, CrbClaimInspector, history_row);
  gtk_widget_class_set_css_name (widget_class, "inspector");

  gtk_widget_class_install_action (widget_class, "inspector.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "inspector.find-similar", NULL,
                                   find_similar_action);
  _crb_claim_inspector_links_class_init (widget_class);
}

static void
crb_claim_inspector_init (CrbClaimInspector *self)
{
  g_autoptr (GtkStringList) grades = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->link_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();

  gtk_string_list_append (grades, _("Not graded"));
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u · %s", i, crb_labels_credibility (i));

      gtk_string_list_append (grades, label);
    }
  adw_combo_row_set_model (self->credibility_row, G_LIST_MODEL (grades));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected), self);
  g_signal_connect_swapped (self->credibility_row, "notify::selected",
                            G_CALLBACK (credibility_selected), self);
  g_signal_connect_swapped (self->private_switch, "notify::active", G_CALLBACK (private_toggled),
                            self);
  _crb_claim_inspector_links_init (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.find-similar", FALSE);
}

GtkWidget *
crb_claim_inspector_new (void)
{
  return g_object_new (CRB_TYPE_CLAIM_INSPECTOR, NULL);
}

static void
project_changed (CrbClaimInspector *self, CrbChangeFlags changes)
{
  if (self->claim && (changes & (CRB_CHANGE_TAGS | CRB_CHANGE_ENTITIES | CRB_CHANGE_EVENTS)))
    _crb_claim_inspector_reload_links (self);
}

void
crb_claim_inspector_set_project (CrbClaimInspector *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_CLAIM_INSPECTOR (self));

  if (self->project == project)
    return;
  crb_claim_inspector_set_claim (self, NULL);
  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project)
    self->changed_id = g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed),
                                                 self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

CrbClaim *
crb_claim_inspector_get_claim (CrbClaimInspector *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM_INSPECTOR (self), NULL);
  return self->claim;
}

static void
load_note (CrbClaimInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const char *uuid = self->claim ? crb_record_get_uuid (CRB_RECORD (self->claim)) : NULL;
  const char *note = self->claim ? crb_claim_get_note (self->claim) : "";
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  /* A fresh snapshot of the claim being typed into keeps the buffer. */
  if (uuid && g_strcmp0 (uuid, self->note_claim_uuid) == 0 && self->note_timeout)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (uuid, self->note_claim_uuid) == 0 && g_strcmp0 (current, note ? note : "") == 0)
    return;

  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, note ? note : "", -1);
  self->loading = FALSE;
  g_free (self->note_claim_uuid);
  self->note_claim_uuid = g_strdup (uuid);
}

static void
load_claim (CrbClaimInspector *self)
{
  CrbClaim *claim = self->claim;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *times = NULL;
  g_autofree char *author = NULL;
  const char *kind;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.delete", claim != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.find-similar", claim != NULL);
  gtk_stack_set_visible_child_name (self->stack, claim ? "claim" : "empty");
  load_note (self);
  if (claim == NULL)
    return;

  self->loading = TRUE;
  gtk_label_set_label (self->quote_label, crb_claim_get_exact (claim));
  kind = crb_claim_get_kind (claim);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      adw_combo_row_set_selected (self->kind_row, i);
  adw_combo_row_set_selected (self->credibility_row, MIN (crb_claim_get_credibility (claim), 6));
  gtk_switch_set_active (self->private_switch, crb_claim_get_private (claim));

  if (crb_claim_get_modified_by (claim) && g_strcmp0 (crb_claim_get_modified_by (claim),
                                                      crb_record_get_author (CRB_RECORD (claim))))
    author = g_strdup_printf (_("%s, last changed by %s"), crb_record_get_author (CRB_RECORD (claim)),
                              crb_claim_get_modified_by (claim));
  else
    author = g_strdup (crb_record_get_author (CRB_RECORD (claim)));
  adw_action_row_set_subtitle (self->author_row, author ? author : "");

  created = crb_labels_format_time_ms (crb_record_get_created_at (CRB_RECORD (claim)));
  modified = crb_labels_format_time_ms (crb_record_get_modified_at (CRB_RECORD (claim)));
  if (modified && g_strcmp0 (created, modified) != 0)
    times = g_strdup_printf (_("%s, changed %s"), created, modified);
  adw_action_row_set_subtitle (self->times_row, times ? times : created ? created : "");
  adw_action_row_set_subtitle (self->anchor_row,
                               crb_labels_anchor_status (crb_claim_get_anchor_status (claim)));
  self->loading = FALSE;
  _crb_claim_inspector_reload_links (self);
  _crb_claim_inspector_reload_history (self);
}

void
crb_claim_inspector_set_claim (CrbClaimInspector *self, CrbClaim *claim)
{
  g_return_if_fail (CRB_IS_CLAIM_INSPECTOR (self));
  g_return_if_fail (claim == NULL || CRB_IS_CLAIM (claim));

  if (self->claim == claim)
    return;
  /* Typing for another claim is saved before the switch. */
  if (claim == NULL
      || g_strcmp0 (crb_record_get_uuid (CRB_RECORD (claim)), self->note_claim_uuid) != 0)
    crb_claim_inspector_flush (self);
  g_set_object (&self->claim, claim);
  load_claim (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM]);
}

GtkTextBuffer *
crb_claim_inspector_get_note_buffer (CrbClaimInspector *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM_INSPECTOR (self), NULL);
  return gtk_text_view_get_buffer (self->note_view);
}
