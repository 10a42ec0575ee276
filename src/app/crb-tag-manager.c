/* crb-tag-manager.c
 *
 * Every change is one project action, so the window's own Undo (in its
 * toasts, and Ctrl+Z) reaches the same history as the main window's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-tag-manager"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-edit.h"
#include "crb-labels.h"
#include "crb-tag-manager.h"
#include "crb-tag.h"

/* GNOME palette: distinguishable, and readable under text at low alpha. */
static const char * const palette[] = { "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24",
                                        "#9141ac", "#986a44", "#26a269", "#c061cb", "#1c71d8" };

struct _CrbTagManager
{
  AdwWindow        parent_instance;

  CrbProject      *project;
  gulong           changed_id;
  GPtrArray       *tags;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *tag_list;
};

G_DEFINE_FINAL_TYPE (CrbTagManager, crb_tag_manager, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (CrbTagManager *self);

static void
crb_tag_manager_dispose (GObject *object)
{
  CrbTagManager *self = CRB_TAG_MANAGER (object);

  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_TAG_MANAGER);
  g_clear_object (&self->project);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  G_OBJECT_CLASS (crb_tag_manager_parent_class)->dispose (object);
}

static void
project_changed (CrbTagManager *self, CrbChangeFlags changes)
{
  if (changes & (CRB_CHANGE_TAGS | CRB_CHANGE_CLAIMS))
    reload (self);
}

static void
crb_tag_manager_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  CrbTagManager *self = CRB_TAG_MANAGER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      if (self->project)
        self->changed_id = g_signal_connect_swapped (self->project, "changed",
                                                     G_CALLBACK (project_changed), self);
      reload (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
toast (CrbTagManager *self, const char *message, gboolean with_undo)
{
  AdwToast *toast = adw_toast_new (message);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "tags.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
report (CrbTagManager *self, gboolean ok, GError *error)
{
  if (!ok && error)
    toast (self, error->message, FALSE);
}

static CrbTag *
find_tag (CrbTagManager *self, const char *uuid)
{
  for (guint i = 0; self->tags && i < self->tags->len; i++)
    if (g_str_equal (crb_record_get_uuid (g_ptr_array_index (self->tags, i)), uuid))
      return g_ptr_array_index (self->tags, i);
  return NULL;
}

static void
name_applied (AdwEntryRow *row, CrbTagManager *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "uuid");
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  report (self, crb_project_set_field (self->project, "tag", uuid, "name", name, &error), error);
}

static void
color_set (GtkColorButton *button, CrbTagManager *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "uuid");
  g_autoptr (GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  report (self, crb_project_set_field (self->project, "tag", uuid, "color", color, &error), error);
}

static GMenuModel *
tag_menu (CrbTagManager *self, CrbTag *tag)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) merge = g_menu_new ();
  g_autoptr (GMenu) danger = g_menu_new ();
  const char *uuid = crb_record_get_uuid (CRB_RECORD (tag));
  g_autoptr (GMenuItem) child = g_menu_item_new (_("Add _Sub-tag"), NULL);
  g_autoptr (GMenuItem) remove = g_menu_item_new (_("_Delete"), NULL);

  g_menu_item_set_action_and_target (child, "tags.new-child", "s", uuid);
  g_menu_append_item (menu, child);
  if (crb_tag_get_parent_uuid (tag))
    {
      g_autoptr (GMenuItem) top = g_menu_item_new (_("Move to _Top Level"), NULL);

      g_menu_item_set_action_and_target (top, "tags.move-top", "s", uuid);
      g_menu_append_item (menu, top);
    }
  for (guint i = 0; i < self->tags->len; i++)
    {
      CrbTag *other = g_ptr_array_index (self->tags, i);
      g_autoptr (GMenuItem) item = NULL;

      if (other == tag)
        continue;
      item = g_menu_item_new (crb_tag_get_name (other), NULL);
      g_menu_item_set_action_and_target (item, "tags.merge", "(ss)", uuid,
                                         crb_record_get_uuid (CRB_RECORD (other)));
      g_menu_append_item (merge, item);
    }
  if (self->tags->len > 1)
    g_menu_append_submenu (menu, _("_Merge Into"), G_MENU_MODEL (merge));
  g_menu_item_set_action_and_target (remove, "tags.delete", "s", uuid);
  g_menu_append_item (danger, remove);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
tag_row (CrbTagManager *self, CrbTag *tag, guint index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *count;
  GtkWidget *more = gtk_menu_button_new ();
  g_autoptr (GMenuModel) menu = tag_menu (self, tag);
  g_autofree char *claims = NULL;
  g_autofree char *color_label = NULL;
  const char *uuid = crb_record_get_uuid (CRB_RECORD (tag));
  guint n = crb_tag_get_claim_count (tag);
  GdkRGBA rgba;

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tag name"), -1);
  gtk_editable_set_text (GTK_EDITABLE (row), crb_tag_get_name (tag));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (uuid), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (name_applied), self);

  if (!gdk_rgba_parse (&rgba, crb_tag_get_color (tag) ? crb_tag_get_color (tag)
                                                      : palette[index % G_N_ELEMENTS (palette)]))
    gdk_rgba_parse (&rgba, palette[0]);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  color_label = g_strdup_printf (_("Colour of “%s”"), crb_tag_get_name (tag));
  gtk_widget_set_tooltip_text (color, color_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  color_label, -1);
  gtk_color_button_set_modal (GTK_COLOR_BUTTON (color), TRUE);
  g_object_set_data_full (G_OBJECT (color), "uuid", g_strdup (uuid), g_free);
  g_signal_connect (color, "color-set", G_CALLBACK (color_set), self);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), color);
  /* Prefixes go before those added earlier: the indent comes first. */
  if (crb_tag_get_depth (tag) > 0)
    {
      GtkWidget *indent = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_widget_set_margin_start (indent, 16 * ((int) crb_tag_get_depth (tag) - 1));
      gtk_widget_add_css_class (indent, "dim-label");
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), indent);
    }

  claims = g_strdup_printf (ngettext ("%u claim", "%u claims", n), n);
  count = gtk_label_new (claims);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), count);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  gtk_widget_set_tooltip_text (more, _("More Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More Actions"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), more);
  return row;
}

static void
reload (CrbTagManager *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_list))))
    gtk_list_box_remove (self->tag_list, child);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  if (self->project == NULL || crb_project_is_closed (self->project))
    return;
  self->tags = crb_project_list_tags (self->project, NULL);
  for (guint i = 0; self->tags && i < self->tags->len; i++)
    gtk_list_box_append (self->tag_list, tag_row (self, g_ptr_array_index (self->tags, i), i));
  gtk_stack_set_visible_child_name (self->stack,
                                    self->tags && self->tags->len > 0 ? "list" : "empty");
}

/* A name not taken among the siblings yet: "New Tag", "New Tag 2", … */
static char *
fresh_name (CrbTagManager *self, const char *parent_uuid)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (_("New Tag"))
                                     : g_strdup_printf (_("New Tag %u"), n);
      gboolean taken = FALSE;

      for (guint i = 0; self->tags && i < self->tags->len && !taken; i++)
        {
          CrbTag *tag = g_ptr_array_index (self->tags, i);

          taken = g_strcmp0 (crb_tag_get_parent_uuid (tag), parent_uuid) == 0
                  && g_utf8_collate (crb_tag_get_name (tag), name) == 0;
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static void
add_tag (CrbTagManager *self, const char *parent_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = fresh_name (self, parent_uuid);
  guint n = self->tags ? self->tags->len : 0;
  g_autoptr (CrbTag) tag = crb_project_add_tag (self->project, name,
                                                palette[n % G_N_ELEMENTS (palette)], parent_uuid,
                                                &error);

  report (self, tag != NULL, error);
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbTagManager *self = CRB_TAG_MANAGER (widget);

  add_tag (self, parameter ? g_variant_get_string (parameter, NULL) : NULL);
}

static void
move_top_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbTagManager *self = CRB_TAG_MANAGER (widget);
  g_autoptr (GError) error = NULL;

  report (self, crb_project_set_field (self->project, "tag", g_variant_get_string (parameter, NULL),
                                       "parent_uuid", NULL, &error),
          error);
}

static void
merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbTagManager *self = CRB_TAG_MANAGER (widget);
  g_autoptr (GError) error = NULL;
  const char *from, *into;
  g_autofree char *message = NULL;
  CrbTag *from_tag, *into_tag;

  g_variant_get (parameter, "(&s&s)", &from, &into);
  from_tag = find_tag (self, from);
  into_tag = find_tag (self, into);
  if (from_tag && into_tag)
    message = g_strdup_printf (_("“%s” merged into “%s”"), crb_tag_get_name (from_tag),
                               crb_tag_get_name (into_tag));
  if (crb_project_merge_tags (self->project, from, into, &error))
    toast (self, message ? message : _("Tags merged"), TRUE);
  else
    report (self, FALSE, error);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbTagManager *self = CRB_TAG_MANAGER (widget);
  g_autoptr (GError) error = NULL;
  const char *uuid = g_variant_get_string (parameter, NULL);
  CrbTag *tag = find_tag (self, uuid);
  g_autofree char *message = tag ? g_strdup_printf (_("Tag “%s” deleted"), crb_tag_get_name (tag))
                                 : g_strdup (_("Tag deleted"));

  if (crb_project_delete_record (self->project, "tag", uuid, &error))
    toast (self, message, TRUE);
  else
    report (self, FALSE, error);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbTagManager *self = CRB_TAG_MANAGER (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;

  if (!crb_project_undo (self->project, &label, &error))
    report (self, FALSE, error);
  else
    {
      g_autofree char *step = crb_labels_undo_step (label);
      g_autofree char *message = g_strdup_printf (_("Undone: %s"), step);

      toast (self, message, FALSE);
    }
}

static void
crb_tag_manager_class_init (CrbTagManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_tag_manager_dispose;
  object_class->set_property = crb_tag_manager_set_property;

  properties[PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, CRB_TYPE_PROJECT,
                                                  G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY
                                                      | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-tag-manager.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbTagManager, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrbTagManager, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbTagManager, tag_list);

  gtk_widget_class_install_action (widget_class, "tags.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "tags.new-child", "s", new_action);
  gtk_widget_class_install_action (widget_class, "tags.move-top", "s", move_top_action);
  gtk_widget_class_install_action (widget_class, "tags.merge", "(ss)", merge_action);
  gtk_widget_class_install_action (widget_class, "tags.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "tags.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "tags.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_tag_manager_init (CrbTagManager *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
crb_tag_manager_new (CrbProject *project)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  return g_object_new (CRB_TYPE_TAG_MANAGER, "project", project, NULL);
}
