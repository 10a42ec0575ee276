/* crb-preferences-window.c
 *
 * Every control is bound to its key; nothing is applied by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-preferences-window.h"

struct _CrbPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings      *settings;

  AdwEntryRow    *analyst_row;
  AdwComboRow    *style_row;
  GtkSpinButton  *text_scale;
  GtkColorButton *claim_color;
  GtkColorButton *highlight_color;
  GtkColorButton *question_color;
  GtkSwitch      *keep_originals;
};

G_DEFINE_FINAL_TYPE (CrbPreferencesWindow, crb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const schemes[] = { "default", "light", "dark" };

static void
crb_preferences_window_dispose (GObject *object)
{
  CrbPreferencesWindow *self = CRB_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (crb_preferences_window_parent_class)->dispose (object);
}

static void
crb_preferences_window_class_init (CrbPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbPreferencesWindow, analyst_row);
  gtk_widget_class_bind_template_child (widget_class, CrbPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, CrbPreferencesWindow, text_scale);
  gtk_widget_class_bind_template_child (widget_class, CrbPreferencesWindow, claim_color);
  gtk_widget_class_bind_template_child (widget_class, CrbPreferencesWindow, highlight_color);
  gtk_widget_class_bind_template_child (widget_class, CrbPreferencesWindow, question_color);
  gtk_widget_class_bind_template_child (widget_class, CrbPreferencesWindow, keep_originals);
}

static void
crb_preferences_window_init (CrbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static gboolean
scheme_to_index (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_equal (scheme, schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_scheme (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (schemes[index < G_N_ELEMENTS (schemes) ? index : 0]);
}

static gboolean
scale_to_percent (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_scale (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static gboolean
string_to_rgba (GValue *value, GVariant *variant, gpointer user_data)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, g_variant_get_string (variant, NULL)))
    return FALSE;
  g_value_set_boxed (value, &rgba);
  return TRUE;
}

static GVariant *
rgba_to_string (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const GdkRGBA *rgba = g_value_get_boxed (value);
  g_autofree char *color = NULL;

  if (rgba == NULL)
    return NULL;
  color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba->red * 255 + 0.5),
                           (int) (rgba->green * 255 + 0.5), (int) (rgba->blue * 255 + 0.5));
  return g_variant_new_string (color);
}

static void
bind_color (CrbPreferencesWindow *self, const char *key, GtkColorButton *button)
{
  g_settings_bind_with_mapping (self->settings, key, button, "rgba", G_SETTINGS_BIND_DEFAULT,
                                string_to_rgba, rgba_to_string, NULL, NULL);
}

CrbPreferencesWindow *
crb_preferences_window_new (GSettings *settings)
{
  CrbPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CRB_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "analyst-name", self->analyst_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_index, index_to_scheme, NULL,
                                NULL);
  g_settings_bind_with_mapping (settings, "text-scale",
                                gtk_spin_button_get_adjustment (self->text_scale), "value",
                                G_SETTINGS_BIND_DEFAULT, scale_to_percent, percent_to_scale, NULL,
                                NULL);
  bind_color (self, "highlight-color-claim", self->claim_color);
  bind_color (self, "highlight-color-highlight", self->highlight_color);
  bind_color (self, "highlight-color-question", self->question_color);
  g_settings_bind (settings, "keep-originals", self->keep_originals, "active",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
