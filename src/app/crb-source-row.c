/* crb-source-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-source-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-labels.h"
#include "crb-source-row.h"

struct _CrbSourceRow
{
  GtkWidget    parent_instance;

  CrbDocument *document;

  GtkWidget   *box;
  GtkImage    *kind_icon;
  GtkLabel    *title_label;
  GtkLabel    *subtitle_label;
  GtkLabel    *grade_label;
  GtkLabel    *claims_label;
};

G_DEFINE_FINAL_TYPE (CrbSourceRow, crb_source_row, GTK_TYPE_WIDGET)

static void
crb_source_row_dispose (GObject *object)
{
  CrbSourceRow *self = CRB_SOURCE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_SOURCE_ROW);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (crb_source_row_parent_class)->dispose (object);
}

static void
crb_source_row_class_init (CrbSourceRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_source_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/corroborate/Corroborate/crb-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbSourceRow, box);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceRow, grade_label);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceRow, claims_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sourcerow");
}

static void
crb_source_row_init (CrbSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
crb_source_row_new (void)
{
  return g_object_new (CRB_TYPE_SOURCE_ROW, NULL);
}

CrbDocument *
crb_source_row_get_document (CrbSourceRow *self)
{
  g_return_val_if_fail (CRB_IS_SOURCE_ROW (self), NULL);
  return self->document;
}

void
crb_source_row_set_document (CrbSourceRow *self, CrbDocument *document)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;
  const char *grade;
  guint claims;

  g_return_if_fail (CRB_IS_SOURCE_ROW (self));

  if (!g_set_object (&self->document, document) || document == NULL)
    return;

  gtk_image_set_from_icon_name (self->kind_icon,
                                crb_labels_document_icon (crb_document_get_kind (document)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_icon),
                               crb_labels_document_kind (crb_document_get_kind (document)));
  gtk_label_set_label (self->title_label, crb_document_get_title (document));

  if (crb_document_get_publisher (document))
    g_ptr_array_add (parts, g_strdup (crb_document_get_publisher (document)));
  if ((date = crb_labels_format_date (crb_document_get_published_at (document))))
    g_ptr_array_add (parts, g_steal_pointer (&date));
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (crb_labels_document_kind (crb_document_get_kind (document))));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_label (self->subtitle_label, subtitle);

  grade = crb_document_get_reliability (document);
  gtk_label_set_label (self->grade_label, grade ? grade : "");
  gtk_widget_set_visible (GTK_WIDGET (self->grade_label), grade && *grade);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->grade_label), crb_labels_reliability (grade));

  claims = crb_document_get_claim_count (document);
  count = g_strdup_printf ("%u", claims);
  gtk_label_set_label (self->claims_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->claims_label), claims > 0);
  g_free (count);
  count = g_strdup_printf (ngettext ("%u claim", "%u claims", claims), claims);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->claims_label), count);

  accessible = g_strdup_printf ("%s, %s, %s", crb_document_get_title (document), subtitle, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}
