/* crb-application.c: one instance, many windows, files opened by double-click
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-application.h"
#include "crb-preferences-window.h"
#include "crb-window.h"

struct _CrbApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
  gboolean       sample_on_activate;
};

G_DEFINE_FINAL_TYPE (CrbApplication, crb_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "sample", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the sample project"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

CrbApplication *
crb_application_new (void)
{
  return g_object_new (CRB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/corroborate/Corroborate",
                       NULL);
}

GSettings *
crb_application_get_settings (CrbApplication *self)
{
  g_return_val_if_fail (CRB_IS_APPLICATION (self), NULL);
  return self->settings;
}

char *
crb_application_dup_analyst (CrbApplication *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CRB_IS_APPLICATION (self), NULL);
  name = g_settings_get_string (self->settings, "analyst-name");
  g_strstrip (name);
  return *name ? g_steal_pointer (&name) : NULL;
}

static CrbWindow *
active_or_new_window (CrbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (crb_window_new (self));
  return CRB_WINDOW (window);
}

/* A file goes to the window that shows it already, or to a window that
 * shows no project yet, else to a new window. */
static CrbWindow *
window_for_file (CrbApplication *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; path && l; l = l->next)
    if (CRB_IS_WINDOW (l->data) && crb_window_shows_path (l->data, path))
      return l->data;
  for (GList *l = windows; l; l = l->next)
    if (CRB_IS_WINDOW (l->data) && !crb_window_has_project (l->data))
      return l->data;
  return crb_window_new (self);
}

static void
crb_application_activate (GApplication *app)
{
  CrbApplication *self = CRB_APPLICATION (app);
  CrbWindow *window = active_or_new_window (self);

  if (self->sample_on_activate)
    {
      self->sample_on_activate = FALSE;
      crb_window_open_sample (window);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
crb_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  CrbApplication *self = CRB_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      CrbWindow *window = window_for_file (self, files[i]);

      crb_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
crb_application_handle_local_options (GApplication *app, GVariantDict *options_dict)
{
  if (g_variant_dict_contains (options_dict, "version"))
    {
      g_print ("corroborate %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options_dict, "sample"))
    {
      g_autoptr (GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* A running instance gets it as an action; this one on activation. */
      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
          return 0;
        }
      CRB_APPLICATION (app)->sample_on_activate = TRUE;
    }
  return -1;
}

static void
open_sample (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *window = active_or_new_window (user_data);

  crb_window_open_sample (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_window (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtk_window_present (GTK_WINDOW (crb_window_new (user_data)));
}

static void
show_preferences (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CrbPreferencesWindow *preferences = crb_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_about (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  static const char *developers[] = { "The Corroborate developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Corroborate"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Corroborate developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/corroborate/corroborate",
                         "issue-url", "https://github.com/corroborate/corroborate/issues",
                         "comments", _("Compare the accounts of the same events across sources: "
                                       "which agree, where their figures differ, and who copied "
                                       "whom."),
                         "developers", developers,
                         "copyright", "© 2026 The Corroborate developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (user_data)),
                                     (GCopyFunc) g_object_ref, NULL);

  /* Each window closes as its close button would, saving what it holds: a
   * note typed a moment ago would otherwise be lost with the process. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "open-sample", open_sample },
  { "new-window", new_window },
  { "preferences", show_preferences },
  { "about", show_about },
  { "quit", quit },
};

static void
apply_color_scheme (GSettings *settings, const char *key, gpointer user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

  adw_style_manager_set_color_scheme (manager,
                                      g_str_equal (scheme, "dark")    ? ADW_COLOR_SCHEME_FORCE_DARK
                                      : g_str_equal (scheme, "light") ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                                      : ADW_COLOR_SCHEME_DEFAULT);
}

static void
crb_application_startup (GApplication *app)
{
  CrbApplication *self = CRB_APPLICATION (app);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<primary>q", NULL } },
    { "app.preferences", { "<primary>comma", NULL } },
    { "app.new-window", { "<primary><shift>n", NULL } },
    { "win.new-project", { "<primary>n", NULL } },
    { "win.open-project", { "<primary>o", NULL } },
    { "win.import-files", { "<primary>i", NULL } },
    { "win.import-url", { "<primary>l", NULL } },
    { "win.save-copy", { "<primary><shift>s", NULL } },
    { "win.undo", { "<primary>z", NULL } },
    { "win.redo", { "<primary><shift>z", "<primary>y", NULL } },
    { "win.search", { "<primary>f", NULL } },
    { "win.toggle-inspector", { "F9", NULL } },
    { "win.show-reuse-map", { "<primary><shift>m", NULL } },
    { "window.close", { "<primary>w", NULL } },
  };

  G_APPLICATION_CLASS (crb_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme),
                    NULL);
  apply_color_scheme (self->settings, "color-scheme", NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
crb_application_dispose (GObject *object)
{
  CrbApplication *self = CRB_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (crb_application_parent_class)->dispose (object);
}

static void
crb_application_class_init (CrbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_application_dispose;
  app_class->activate = crb_application_activate;
  app_class->open = crb_application_open;
  app_class->startup = crb_application_startup;
  app_class->handle_local_options = crb_application_handle_local_options;
}

static void
crb_application_init (CrbApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PROJECT…]"));
}
