/* crb-claim-inspector-links.c: the claim's tags, entities and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-claim-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-claim-entity.h"
#include "crb-claim-inspector-private.h"
#include "crb-edit.h"
#include "crb-event-claim.h"
#include "crb-labels.h"
#include "crb-tag.h"
#include "crb-validate.h"

static const char *
claim_uuid (CrbClaimInspector *self)
{
  return self->claim ? crb_record_get_uuid (CRB_RECORD (self->claim)) : NULL;
}

static GtkWidget *
remove_button (const char *action, const char *target, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static GtkWidget *
color_dot (const char *color)
{
  GtkWidget *dot = gtk_label_new (NULL);
  g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">●</span>",
                                             color ? color : "#9a9996");

  gtk_label_set_markup (GTK_LABEL (dot), markup);
  return dot;
}

/* A choice among a field's values (roles, stances), saved on change. */
static GtkWidget *
choice_dropdown (CrbClaimInspector *self, const char *table, const char *field, const char *uuid,
                 const char *current, const char *(*label) (const char *));

static void
add_row (CrbClaimInspector *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "group", group);
  g_ptr_array_add (self->link_rows, row);
}

static void
clear_rows (CrbClaimInspector *self)
{
  for (guint i = 0; i < self->link_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->link_rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->link_rows, 0);
}

static GtkWidget *
empty_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

void
_crb_claim_inspector_reload_links (CrbClaimInspector *self)
{
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  g_autoptr (GPtrArray) events = NULL;

  clear_rows (self);
  if (self->claim == NULL || self->project == NULL)
    return;

  tags = crb_project_list_claim_tags (self->project, claim_uuid (self), NULL);
  for (guint i = 0; tags && i < tags->len; i++)
    {
      CrbTag *tag = g_ptr_array_index (tags, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Remove the tag “%s”"), crb_tag_get_name (tag));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crb_tag_get_name (tag));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), color_dot (crb_tag_get_color (tag)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 remove_button ("inspector.untag",
                                                crb_record_get_uuid (CRB_RECORD (tag)), tooltip));
      add_row (self, self->tags_group, row);
    }
  if (tags == NULL || tags->len == 0)
    add_row (self, self->tags_group, empty_row (_("No tags")));

  entities = crb_project_list_claim_entities (self->project, claim_uuid (self), NULL);
  for (guint i = 0; entities && i < entities->len; i++)
    {
      CrbClaimEntity *link = g_ptr_array_index (entities, i);
      const char *uuid = crb_record_get_uuid (CRB_RECORD (link));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Unlink “%s”"),
                                                  crb_claim_entity_get_entity_name (link));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     crb_claim_entity_get_entity_name (link));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (crb_labels_entity_icon (
                                     crb_claim_entity_get_entity_kind (link))));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 choice_dropdown (self, "claim_entity", "role", uuid,
                                                  crb_claim_entity_get_role (link),
                                                  crb_labels_role));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 remove_button ("inspector.unlink", uuid, tooltip));
      add_row (self, self->entities_group, row);
    }
  if (entities == NULL || entities->len == 0)
    add_row (self, self->entities_group, empty_row (_("No entities")));

  events = crb_project_list_claim_events (self->project, claim_uuid (self), NULL);
  for (guint i = 0; events && i < events->len; i++)
    {
      CrbEventClaim *link = g_ptr_array_index (events, i);
      const char *uuid = crb_record_get_uuid (CRB_RECORD (link));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Remove from “%s”"),
                                                  crb_event_claim_get_event_title (link));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     crb_event_claim_get_event_title (link));
      if (crb_event_claim_get_facet_name (link))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), crb_event_claim_get_facet_name (link));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 choice_dropdown (self, "event_claim", "stance", uuid,
                                                  crb_event_claim_get_stance (link),
                                                  crb_labels_stance));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 remove_button ("inspector.unlink-event", uuid, tooltip));
      add_row (self, self->events_group, row);
    }
  if (events == NULL || events->len == 0)
    add_row (self, self->events_group, empty_row (_("Not part of an event")));
}

static void
choice_changed (GtkDropDown *dropdown, GParamSpec *pspec, CrbClaimInspector *self)
{
  const char * const *choices = g_object_get_data (G_OBJECT (dropdown), "choices");
  const char *table = g_object_get_data (G_OBJECT (dropdown), "table");
  const char *field = g_object_get_data (G_OBJECT (dropdown), "field");
  const char *uuid = g_object_get_data (G_OBJECT (dropdown), "uuid");
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!crb_project_set_field (self->project, table, uuid, field, choices[selected], &error))
    _crb_claim_inspector_show_error (self, error);
}

static GtkWidget *
choice_dropdown (CrbClaimInspector *self, const char *table, const char *field, const char *uuid,
                 const char *current, const char *(*label) (const char *))
{
  const char * const *choices = crb_validate_choices (table, field);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint selected = 0;

  for (guint i = 0; choices && choices[i]; i++)
    {
      gtk_string_list_append (labels, label (choices[i]));
      if (g_strcmp0 (choices[i], current) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_tooltip_text (dropdown, g_str_equal (field, "role") ? _("Role in the claim")
                                                                      : _("Stance of the claim"));
  g_object_set_data (G_OBJECT (dropdown), "choices", (gpointer) choices);
  g_object_set_data (G_OBJECT (dropdown), "table", (gpointer) table);
  g_object_set_data (G_OBJECT (dropdown), "field", (gpointer) field);
  g_object_set_data_full (G_OBJECT (dropdown), "uuid", g_strdup (uuid), g_free);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (choice_changed), self);
  return dropdown;
}

static void
popup_chooser (CrbClaimInspector *self, GtkWidget *button, CrbChooserKind kind)
{
  graphene_rect_t bounds;
  GdkRectangle rect;

  if (self->claim == NULL)
    return;
  if (!gtk_widget_compute_bounds (button, GTK_WIDGET (self), &bounds))
    graphene_rect_init (&bounds, 0, 0, 1, 1);
  rect.x = (int) bounds.origin.x;
  rect.y = (int) bounds.origin.y;
  rect.width = (int) bounds.size.width;
  rect.height = (int) bounds.size.height;
  crb_chooser_popover_set_purpose (self->chooser, kind == CRB_CHOOSER_TAG      ? "tag"
                                                  : kind == CRB_CHOOSER_ENTITY ? "entity"
                                                                               : "event");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->chooser), &rect);
  gtk_popover_popup (GTK_POPOVER (self->chooser));
  crb_chooser_popover_setup (self->chooser, self->project, kind, NULL);
}

static void
add_tag_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);

  popup_chooser (self, self->add_tag_button, CRB_CHOOSER_TAG);
}

static void
link_entity_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);

  popup_chooser (self, self->link_entity_button, CRB_CHOOSER_ENTITY);
}

static void
add_to_event_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);

  popup_chooser (self, self->add_event_button, CRB_CHOOSER_EVENT);
}

static void
chosen (CrbClaimInspector *self, const char *uuid)
{
  const char *purpose = crb_chooser_popover_get_purpose (self->chooser);
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) link = NULL;
  gboolean ok = TRUE;

  if (self->claim == NULL || purpose == NULL)
    return;
  if (g_str_equal (purpose, "tag"))
    gtk_widget_activate_action (GTK_WIDGET (self), "inspector.tag", "s", uuid);
  else if (g_str_equal (purpose, "entity"))
    ok = (link = G_OBJECT (crb_project_link_claim_entity (self->project, claim_uuid (self), uuid,
                                                          "mentioned", &error)))
         != NULL;
  else
    ok = (link = G_OBJECT (crb_project_link_claim_event (self->project, claim_uuid (self), uuid,
                                                         NULL, "supports", &error)))
         != NULL;
  if (!ok)
    _crb_claim_inspector_show_error (self, error);
}

/* Tags the claim by tag UUID or name; a name not in the codebook yet
 * becomes a new tag. */
static void
tag_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbTag) tag = NULL;

  if (self->claim == NULL || *id == '\0')
    return;
  if (!(tag = crb_project_find_tag (self->project, id, NULL))
      && !(tag = crb_project_add_tag (self->project, id, NULL, NULL, &error)))
    {
      _crb_claim_inspector_show_error (self, error);
      return;
    }
  if (!crb_project_tag_claim (self->project, claim_uuid (self),
                              crb_record_get_uuid (CRB_RECORD (tag)), &error))
    _crb_claim_inspector_show_error (self, error);
}

static void
untag_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);
  g_autoptr (GError) error = NULL;

  if (self->claim
      && !crb_project_untag_claim (self->project, claim_uuid (self),
                                   g_variant_get_string (parameter, NULL), &error))
    _crb_claim_inspector_show_error (self, error);
}

static void
unlink_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbClaimInspector *self = CRB_CLAIM_INSPECTOR (widget);
  g_autoptr (GError) error = NULL;
  const char *table = g_str_equal (action_name, "inspector.unlink") ? "claim_entity"
                                                                     : "event_claim";

  if (self->claim
      && !crb_project_delete_record (self->project, table, g_variant_get_string (parameter, NULL),
                                     &error))
    _crb_claim_inspector_show_error (self, error);
}

void
_crb_claim_inspector_links_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "inspector.add-tag", NULL, add_tag_action);
  gtk_widget_class_install_action (widget_class, "inspector.link-entity", NULL,
                                   link_entity_action);
  gtk_widget_class_install_action (widget_class, "inspector.add-to-event", NULL,
                                   add_to_event_action);
  gtk_widget_class_install_action (widget_class, "inspector.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "inspector.untag", "s", untag_action);
  gtk_widget_class_install_action (widget_class, "inspector.unlink", "s", unlink_action);
  gtk_widget_class_install_action (widget_class, "inspector.unlink-event", "s", unlink_action);
}

void
_crb_claim_inspector_links_init (CrbClaimInspector *self)
{
  self->chooser = CRB_CHOOSER_POPOVER (crb_chooser_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->chooser), GTK_WIDGET (self));
  g_signal_connect_object (self->chooser, "chosen", G_CALLBACK (chosen), self,
                           G_CONNECT_SWAPPED);
}
