/* crb-welcome-page.c
 *
 * Buttons carry window actions; the recent projects follow the
 * "recent-projects" setting, which every window updates on open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-welcome-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "crb-welcome-page.h"

struct _CrbWelcomePage
{
  GtkWidget            parent_instance;

  GSettings           *settings;

  GtkWidget           *scroller;
  AdwStatusPage       *status_page;
  AdwPreferencesGroup *recent_group;
  GtkListBox          *recent_list;
};

G_DEFINE_FINAL_TYPE (CrbWelcomePage, crb_welcome_page, GTK_TYPE_WIDGET)

static void
crb_welcome_page_dispose (GObject *object)
{
  CrbWelcomePage *self = CRB_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_WELCOME_PAGE);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (crb_welcome_page_parent_class)->dispose (object);
}

static void
crb_welcome_page_class_init (CrbWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_welcome_page_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbWelcomePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrbWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, CrbWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CrbWelcomePage, recent_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
recent_row (const char *uri)
{
  g_autoptr (GFile) file = g_file_new_for_uri (uri);
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;
  g_autofree char *home_folder = NULL;
  GtkWidget *row = adw_action_row_new ();
  const char *home = g_get_home_dir ();

  if (g_str_has_suffix (name, ".corroborate"))
    name[strlen (name) - strlen (".corroborate")] = '\0';
  if (folder && home && g_str_has_prefix (folder, home))
    home_folder = g_strconcat ("~", folder + strlen (home), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               home_folder ? home_folder : folder ? folder : "");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("folder-documents-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  return row;
}

static void
recent_changed (CrbWelcomePage *self)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent[i]; i++)
    gtk_list_box_append (self->recent_list, recent_row (recent[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), recent[0] != NULL);
}

static void
crb_welcome_page_init (CrbWelcomePage *self)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Uninstalled runs find the application icon among the resources. */
  if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID))
    gtk_icon_theme_add_resource_path (theme, "/io/github/corroborate/Corroborate/icons");
  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (recent_changed), self, G_CONNECT_SWAPPED);
  recent_changed (self);
}

GtkWidget *
crb_welcome_page_new (void)
{
  return g_object_new (CRB_TYPE_WELCOME_PAGE, NULL);
}
