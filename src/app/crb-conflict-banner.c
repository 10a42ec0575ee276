/* crb-conflict-banner.c
 *
 * Fields that two analysts changed differently hold the later change until
 * someone picks; the strip keeps them in sight after the merge's summary
 * has been closed, and goes once the last one is reviewed (or a merge is
 * undone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-conflict-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-conflict-banner.h"
#include "crb-merge.h"

struct _CrbConflictBanner
{
  GtkWidget parent_instance;

  CrbProject *project;
  gulong      changed_id;
  guint       n_conflicts;

  GtkRevealer *revealer;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (CrbConflictBanner, crb_conflict_banner, GTK_TYPE_WIDGET)

static void
crb_conflict_banner_dispose (GObject *object)
{
  CrbConflictBanner *self = CRB_CONFLICT_BANNER (object);

  crb_conflict_banner_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_CONFLICT_BANNER);
  G_OBJECT_CLASS (crb_conflict_banner_parent_class)->dispose (object);
}

static void
crb_conflict_banner_class_init (CrbConflictBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_conflict_banner_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-conflict-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbConflictBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, CrbConflictBanner, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crb_conflict_banner_init (CrbConflictBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The storage banner's warning colours. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "failed");
}

GtkWidget *
crb_conflict_banner_new (void)
{
  return g_object_new (CRB_TYPE_CONFLICT_BANNER, NULL);
}

static void
update (CrbConflictBanner *self)
{
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autofree char *text = NULL;

  if (self->project && !crb_project_is_closed (self->project))
    conflicts = crb_project_list_merge_conflicts (self->project, FALSE, NULL);
  self->n_conflicts = conflicts ? conflicts->len : 0;
  text = g_strdup_printf (ngettext ("%u merge conflict to review: a field you and a colleague "
                                    "both changed",
                                    "%u merge conflicts to review: fields you and a colleague "
                                    "both changed",
                                    self->n_conflicts),
                          self->n_conflicts);
  gtk_label_set_label (self->label, text);
  gtk_revealer_set_reveal_child (self->revealer, self->n_conflicts > 0);
}

void
crb_conflict_banner_set_project (CrbConflictBanner *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_CONFLICT_BANNER (self));
  g_return_if_fail (project == NULL || CRB_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project)
    self->changed_id = g_signal_connect_swapped (project, "changed", G_CALLBACK (update), self);
  update (self);
}

guint
crb_conflict_banner_get_n_conflicts (CrbConflictBanner *self)
{
  g_return_val_if_fail (CRB_IS_CONFLICT_BANNER (self), 0);
  return self->n_conflicts;
}
