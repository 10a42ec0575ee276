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
  CrbReuseMap *reuse_map;

  GtkWidget   *box;
  GtkImage    *kind_icon;
  GtkLabel    *title_label;
  GtkLabel    *subtitle_label;
  GtkLabel    *grade_label;
  GtkLabel    *claims_label;
  GtkImage    *copy_icon;
};

G_DEFINE_FINAL_TYPE (CrbSourceRow, crb_source_row, GTK_TYPE_WIDGET)

static void update_copy_marker (CrbSourceRow *self);

static void
crb_source_row_dispose (GObject *object)
{
  CrbSourceRow *self = CRB_SOURCE_ROW (object);

  crb_source_row_set_reuse_map (self, NULL);
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
  gtk_widget_class_bind_template_child (widget_class, CrbSourceRow, copy_icon);
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
    {
      update_copy_marker (self);
      return;
    }

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
  update_copy_marker (self);
}

/* The marker of a document that derives from another (the reuse map). */
static void
update_copy_marker (CrbSourceRow *self)
{
  const char *uuid = self->document ? crb_record_get_uuid (CRB_RECORD (self->document)) : NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GString) tooltip = g_string_new (NULL);

  if (uuid && self->reuse_map && crb_reuse_map_is_derived (self->reuse_map, uuid))
    sources = crb_reuse_map_dup_sources (self->reuse_map, uuid, NULL);
  for (guint i = 0; sources && i < sources->len; i++)
    {
      g_autoptr (CrbReuseLink) link =
          crb_reuse_map_find_link (self->reuse_map, uuid, g_ptr_array_index (sources, i));
      const char *kind = link ? crb_reuse_link_get_kind (link) : "cites";
      const char *title = link ? crb_reuse_link_get_to_title (link) : "";

      if (g_str_equal (kind, "cites"))
        continue;
      if (tooltip->len)
        g_string_append_c (tooltip, '\n');
      /* Translators: the tooltip of a source that repeats another, with its title */
      if (g_str_equal (kind, "translates"))
        g_string_append_printf (tooltip, _("Translates “%s”"), title);
      else if (g_str_equal (kind, "summarises"))
        g_string_append_printf (tooltip, _("Summarises “%s”"), title);
      else if (g_str_equal (kind, "updates"))
        g_string_append_printf (tooltip, _("Updates “%s”"), title);
      else
        g_string_append_printf (tooltip, _("Copies “%s”"), title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->copy_icon), tooltip->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_icon), tooltip->len ? tooltip->str : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tooltip->str, -1);
}

void
crb_source_row_set_reuse_map (CrbSourceRow *self, CrbReuseMap *map)
{
  g_return_if_fail (CRB_IS_SOURCE_ROW (self));

  if (self->reuse_map == map)
    return;
  if (self->reuse_map)
    g_signal_handlers_disconnect_by_data (self->reuse_map, self);
  g_set_object (&self->reuse_map, map);
  if (map)
    g_signal_connect_swapped (map, "changed", G_CALLBACK (update_copy_marker), self);
  update_copy_marker (self);
}

gboolean
crb_source_row_is_marked_derived (CrbSourceRow *self)
{
  g_return_val_if_fail (CRB_IS_SOURCE_ROW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->copy_icon));
}

const char *
crb_source_row_get_derived_tooltip (CrbSourceRow *self)
{
  g_return_val_if_fail (CRB_IS_SOURCE_ROW (self), NULL);
  return gtk_widget_get_tooltip_text (GTK_WIDGET (self->copy_icon));
}
