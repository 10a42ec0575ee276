/* crb-chooser-popover.c
 *
 * Linking to an entity, an event or a tag is "type a few letters, pick or
 * create": the one popover serves all three, and creating is one action
 * of the project (undoable) like any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-chooser-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-chooser-popover.h"
#include "crb-entity.h"
#include "crb-event.h"
#include "crb-labels.h"
#include "crb-tag.h"
#include "crb-validate.h"

struct _CrbChooserPopover
{
  GtkPopover      parent_instance;

  CrbProject     *project;
  CrbChooserKind  kind;
  GPtrArray      *records;
  char           *purpose;

  GtkSearchEntry *entry;
  GtkDropDown    *entity_kind;
  GtkListBox     *list;
  GtkButton      *create_button;
};

G_DEFINE_FINAL_TYPE (CrbChooserPopover, crb_chooser_popover, GTK_TYPE_POPOVER)

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const entity_kinds[] = { "person", "organisation", "place", "event", "other",
                                             NULL };

static void
crb_chooser_popover_dispose (GObject *object)
{
  CrbChooserPopover *self = CRB_CHOOSER_POPOVER (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->purpose, g_free);
  G_OBJECT_CLASS (crb_chooser_popover_parent_class)->dispose (object);
}

static const char *
record_name (CrbChooserPopover *self, gpointer record)
{
  switch (self->kind)
    {
    case CRB_CHOOSER_ENTITY:
      return crb_entity_get_name (record);
    case CRB_CHOOSER_EVENT:
      return crb_event_get_title (record);
    case CRB_CHOOSER_TAG:
    default:
      return crb_tag_get_name (record);
    }
}

static gboolean
matches (const char *name, const char *folded_query)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return *folded_query == '\0' || strstr (folded, folded_query) != NULL;
}

static GtkWidget *
make_row (CrbChooserPopover *self, gpointer record)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (record_name (self, record));
  const char *icon = self->kind == CRB_CHOOSER_ENTITY ? crb_labels_entity_icon (
                         crb_entity_get_kind (record))
                     : self->kind == CRB_CHOOSER_EVENT ? "x-office-calendar-symbolic"
                                                       : "user-bookmarks-symbolic";

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (crb_record_get_uuid (record)),
                          g_free);
  return row;
}

static void
refilter (CrbChooserPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *query = g_utf8_casefold (text, -1);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean exact = FALSE;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_strstrip (query);
  for (guint i = 0; self->records && i < self->records->len && shown < 50; i++)
    {
      gpointer record = g_ptr_array_index (self->records, i);
      const char *name = record_name (self, record);

      if (!matches (name, query))
        continue;
      if (g_utf8_collate (name, trimmed) == 0)
        exact = TRUE;
      gtk_list_box_append (self->list, make_row (self, record));
      shown++;
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list)), shown > 0);

  if (*trimmed && !exact)
    {
      g_autofree char *label = g_strdup_printf (_("Create “%s”"), trimmed);

      gtk_button_set_label (self->create_button, label);
      gtk_widget_set_visible (GTK_WIDGET (self->create_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->create_button), FALSE);
}

static void
choose (CrbChooserPopover *self, const char *uuid)
{
  g_autofree char *copy = g_strdup (uuid);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, copy);
}

static void
row_activated (CrbChooserPopover *self, GtkListBoxRow *row)
{
  choose (self, g_object_get_data (G_OBJECT (row), "uuid"));
}

static void
create_clicked (CrbChooserPopover *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbRecord) record = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (*name == '\0' || self->project == NULL)
    return;
  switch (self->kind)
    {
    case CRB_CHOOSER_ENTITY:
      record = CRB_RECORD (crb_project_add_entity (
          self->project, entity_kinds[gtk_drop_down_get_selected (self->entity_kind)], name, NULL,
          NULL, &error));
      break;
    case CRB_CHOOSER_EVENT:
      record = CRB_RECORD (crb_project_add_event (self->project, name, NULL, NULL, NULL, NULL,
                                                  &error));
      break;
    case CRB_CHOOSER_TAG:
    default:
      record = CRB_RECORD (crb_project_add_tag (self->project, name, NULL, NULL, &error));
      break;
    }
  if (record == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->create_button), error->message);
      return;
    }
  choose (self, crb_record_get_uuid (record));
}

static void
entry_activated (CrbChooserPopover *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

  if (gtk_widget_get_visible (GTK_WIDGET (self->create_button)))
    create_clicked (self);
  else if (first)
    row_activated (self, first);
}

static void
crb_chooser_popover_class_init (CrbChooserPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crb_chooser_popover_dispose;

  /**
   * CrbChooserPopover::chosen:
   * @uuid: the entity, event or tag picked or just created
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
crb_chooser_popover_init (CrbChooserPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint i = 0; entity_kinds[i]; i++)
    gtk_string_list_append (kinds, crb_labels_entity_kind (entity_kinds[i]));

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  self->entity_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)),
                                                        NULL));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  self->create_button = GTK_BUTTON (gtk_button_new ());

  gtk_widget_set_size_request (box, 280, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_add_css_class (GTK_WIDGET (self->create_button), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entity_kind), _("Type of the new entity"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entity_kind),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Type of the new entity"), -1);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entity_kind));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->create_button));
  gtk_popover_set_child (GTK_POPOVER (self), box);

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activated), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated), self);
  g_signal_connect_swapped (self->create_button, "clicked", G_CALLBACK (create_clicked), self);
}

GtkWidget *
crb_chooser_popover_new (void)
{
  return g_object_new (CRB_TYPE_CHOOSER_POPOVER, NULL);
}

void
crb_chooser_popover_setup (CrbChooserPopover *self, CrbProject *project, CrbChooserKind kind,
                           const char *text)
{
  static const char *placeholders[] = {
    N_("Find or create an entity"),
    N_("Find or create an event"),
    N_("Find or create a tag"),
  };
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CRB_IS_CHOOSER_POPOVER (self));
  g_return_if_fail (CRB_IS_PROJECT (project));

  g_set_object (&self->project, project);
  self->kind = kind;
  g_clear_pointer (&self->records, g_ptr_array_unref);
  switch (kind)
    {
    case CRB_CHOOSER_ENTITY:
      self->records = crb_project_list_entities (project, &error);
      break;
    case CRB_CHOOSER_EVENT:
      self->records = crb_project_list_events (project, &error);
      break;
    case CRB_CHOOSER_TAG:
    default:
      self->records = crb_project_list_tags (project, &error);
      break;
    }
  if (error)
    g_warning ("Could not list records: %s", error->message);

  g_object_set (self->entry, "placeholder-text", _(placeholders[kind]), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(placeholders[kind]), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->entity_kind), kind == CRB_CHOOSER_ENTITY);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  refilter (self);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

const char *
crb_chooser_popover_get_purpose (CrbChooserPopover *self)
{
  g_return_val_if_fail (CRB_IS_CHOOSER_POPOVER (self), NULL);
  return self->purpose;
}

void
crb_chooser_popover_set_purpose (CrbChooserPopover *self, const char *purpose)
{
  g_return_if_fail (CRB_IS_CHOOSER_POPOVER (self));
  g_free (self->purpose);
  self->purpose = g_strdup (purpose);
}
