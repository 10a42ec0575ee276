/* crb-storage-banner.c
 *
 * SQLite files in cloud folders and on network drives get damaged (Zotero's
 * and QualCoder's users lost databases that way), and no dialog at opening
 * time would be remembered.  A strip above the work says it while the
 * project is open, with the remedy one click away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-storage-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-storage-banner.h"
#include "crb-storage.h"

struct _CrbStorageBanner
{
  GtkWidget parent_instance;

  CrbProject     *project;
  CrbWorkingCopy *working_copy;
  gulong          error_id;
  char           *location_warning; /* about the original's folder, or NULL */
  gboolean        dismissed;

  GtkRevealer *revealer;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (CrbStorageBanner, crb_storage_banner, GTK_TYPE_WIDGET)

static void
crb_storage_banner_dispose (GObject *object)
{
  CrbStorageBanner *self = CRB_STORAGE_BANNER (object);

  crb_storage_banner_set_project (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_STORAGE_BANNER);
  G_OBJECT_CLASS (crb_storage_banner_parent_class)->dispose (object);
}

static void
dismiss_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbStorageBanner *self = CRB_STORAGE_BANNER (widget);

  self->dismissed = TRUE;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static void
crb_storage_banner_class_init (CrbStorageBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_storage_banner_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-storage-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbStorageBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, CrbStorageBanner, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "storage-banner.dismiss", NULL, dismiss_action);
}

static void
crb_storage_banner_init (CrbStorageBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The import banner's warning colours. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "failed");
}

GtkWidget *
crb_storage_banner_new (void)
{
  return g_object_new (CRB_TYPE_STORAGE_BANNER, NULL);
}

static char *
working_copy_message (CrbWorkingCopy *working_copy)
{
  const GError    *error = crb_working_copy_get_error (working_copy);
  const char      *aside = crb_working_copy_get_set_aside_path (working_copy);
  g_autofree char *name =
      g_filename_display_basename (crb_working_copy_get_original_path (working_copy));

  if (g_error_matches (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_CONFLICT))
    return g_strdup_printf (_ ("“%s” was changed by another program after Corroborate opened it, "
                               "so your changes were not written into it. They are safe in "
                               "Corroborate: use Save a Copy to keep them in a new file."),
                            name);
  if (error)
    return g_strdup_printf (_ ("Your latest changes could not be written back to “%s”. They are "
                               "safe in Corroborate: use Save a Copy to keep them in a new file."),
                            name);
  if (aside)
    {
      g_autofree char *aside_name = g_filename_display_basename (aside);

      return g_strdup_printf (_ ("Changes from an earlier session could not be written back to "
                                 "“%s”, because it had changed since. They were kept in “%s” in "
                                 "Corroborate’s recovered folder."),
                              name, aside_name);
    }
  return g_strdup_printf (_ ("The folder of “%s” cannot be locked, so Corroborate works on a "
                             "private copy and writes your changes back to it as you go."),
                          name);
}

static void
update (CrbStorageBanner *self)
{
  const GError *error = self->working_copy ? crb_working_copy_get_error (self->working_copy) : NULL;
  g_autofree char *copy_text = NULL;
  g_autofree char *text = NULL;

  if (self->working_copy)
    copy_text = working_copy_message (self->working_copy);
  if (copy_text && self->location_warning)
    text = g_strconcat (self->location_warning, "\n", copy_text, NULL);
  else
    text = g_strdup (copy_text ? copy_text : self->location_warning);

  gtk_label_set_label (self->label, text ? text : "");
  /* The technical reason, for whoever the analyst asks for help. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), error ? error->message : NULL);
  /* A new failure is news even after the strip was dismissed. */
  if (error)
    self->dismissed = FALSE;
  gtk_revealer_set_reveal_child (self->revealer, text != NULL && !self->dismissed);
}

void
crb_storage_banner_set_project (CrbStorageBanner *self, CrbProject *project,
                                CrbWorkingCopy *working_copy)
{
  g_return_if_fail (CRB_IS_STORAGE_BANNER (self));
  g_return_if_fail (project == NULL || CRB_IS_PROJECT (project));
  g_return_if_fail (working_copy == NULL || CRB_IS_WORKING_COPY (working_copy));

  if (self->working_copy)
    g_clear_signal_handler (&self->error_id, self->working_copy);
  g_clear_object (&self->working_copy);
  g_clear_object (&self->project);
  g_clear_pointer (&self->location_warning, g_free);
  self->dismissed = FALSE;

  if (project)
    {
      const char      *path = working_copy ? crb_working_copy_get_original_path (working_copy)
                                           : crb_project_get_path (project);
      g_autofree char *service = NULL;
      CrbStorageKind   kind = crb_storage_classify (path, &service);

      self->project = g_object_ref (project);
      /* Through a private copy the portal's limits no longer matter. */
      if (!(working_copy && kind == CRB_STORAGE_PORTAL))
        self->location_warning = crb_storage_describe (kind, service);
    }
  if (working_copy)
    {
      self->working_copy = g_object_ref (working_copy);
      self->error_id =
          g_signal_connect_swapped (working_copy, "notify::error", G_CALLBACK (update), self);
    }
  update (self);
}

const char *
crb_storage_banner_get_message (CrbStorageBanner *self)
{
  g_return_val_if_fail (CRB_IS_STORAGE_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_label (self->label);
}
