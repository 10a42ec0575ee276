/* crb-import-banner.c
 *
 * A strip above the content rather than a dialog: importing a folder can
 * take a while, and the analyst keeps reading meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-import-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-import-banner.h"

struct _CrbImportBanner
{
  GtkWidget       parent_instance;

  GCancellable   *cancellable;

  GtkRevealer    *revealer;
  GtkImage       *icon;
  GtkLabel       *label;
  GtkProgressBar *progress;
  GtkWidget      *cancel_button;
  GtkWidget      *details_button;
  GtkWidget      *dismiss_button;
  GtkListBox     *failures;
};

G_DEFINE_FINAL_TYPE (CrbImportBanner, crb_import_banner, GTK_TYPE_WIDGET)

static void
crb_import_banner_dispose (GObject *object)
{
  CrbImportBanner *self = CRB_IMPORT_BANNER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_IMPORT_BANNER);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (crb_import_banner_parent_class)->dispose (object);
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbImportBanner *self = CRB_IMPORT_BANNER (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->label, _("Cancelling…"));
  gtk_widget_action_set_enabled (widget, "banner.cancel", FALSE);
}

static void
dismiss_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbImportBanner *self = CRB_IMPORT_BANNER (widget);

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->details_button), FALSE);
}

static void
crb_import_banner_class_init (CrbImportBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_import_banner_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-import-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbImportBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, CrbImportBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, CrbImportBanner, label);
  gtk_widget_class_bind_template_child (widget_class, CrbImportBanner, progress);
  gtk_widget_class_bind_template_child (widget_class, CrbImportBanner, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrbImportBanner, details_button);
  gtk_widget_class_bind_template_child (widget_class, CrbImportBanner, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, CrbImportBanner, failures);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "banner.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "banner.dismiss", NULL, dismiss_action);
}

static void
crb_import_banner_init (CrbImportBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
crb_import_banner_new (void)
{
  return g_object_new (CRB_TYPE_IMPORT_BANNER, NULL);
}

static void
show_state (CrbImportBanner *self, gboolean running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !running);
  gtk_widget_set_visible (self->details_button, !running);
  gtk_widget_set_visible (self->dismiss_button, !running);
  if (running)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "failed");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "failed");
}

void
crb_import_banner_begin (CrbImportBanner *self, GCancellable *cancellable, guint total)
{
  g_return_if_fail (CRB_IS_IMPORT_BANNER (self));

  g_set_object (&self->cancellable, cancellable);
  show_state (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "banner.cancel", TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->details_button), FALSE);
  crb_import_banner_progress (self, 0, total);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
crb_import_banner_progress (CrbImportBanner *self, guint done, guint total)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CRB_IS_IMPORT_BANNER (self));

  if (self->cancellable && g_cancellable_is_cancelled (self->cancellable))
    return;
  if (total == 0)
    text = g_strdup (_("Importing…"));
  else
    /* Translators: progress of an import, e.g. "Importing 3 of 12…" */
    text = g_strdup_printf (ngettext ("Importing %u of %u source…", "Importing %u of %u sources…",
                                      total),
                            MIN (done + 1, total), total);
  gtk_label_set_label (self->label, text);
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress, (double) done / total);
  else
    gtk_progress_bar_pulse (self->progress);
}

void
crb_import_banner_finish (CrbImportBanner *self, const char * const *sources,
                          const char * const *reasons)
{
  g_autofree char *text = NULL;
  GtkWidget *child;
  guint n = sources ? g_strv_length ((char **) sources) : 0;

  g_return_if_fail (CRB_IS_IMPORT_BANNER (self));

  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->failures))))
    gtk_list_box_remove (self->failures, child);
  if (n == 0)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_path_get_basename (sources[i]);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_str_has_prefix (sources[i], "http") ? sources[i] : name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reasons[i]);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_set_tooltip_text (row, sources[i]);
      gtk_list_box_append (self->failures, row);
    }
  text = g_strdup_printf (ngettext ("%u source could not be imported",
                                    "%u sources could not be imported", n),
                          n);
  gtk_label_set_label (self->label, text);
  show_state (self, FALSE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

gboolean
crb_import_banner_is_running (CrbImportBanner *self)
{
  g_return_val_if_fail (CRB_IS_IMPORT_BANNER (self), FALSE);
  return self->cancellable != NULL;
}
