/* crb-source-details-window.c
 *
 * What an analyst knows about a source that its file did not say — a plain
 * text has no publisher or date — typed in field by field.  Each applied
 * field is one undoable change; what the import recorded is shown below,
 * read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-source-details-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-document.h"
#include "crb-edit.h"
#include "crb-labels.h"
#include "crb-source-details-window.h"

struct _CrbSourceDetailsWindow
{
  AdwPreferencesWindow parent_instance;

  CrbProject *project;
  char       *document_uuid;

  AdwEntryRow         *title_row;
  AdwEntryRow         *publisher_row;
  AdwEntryRow         *byline_row;
  AdwEntryRow         *published_row;
  AdwEntryRow         *language_row;
  AdwPreferencesGroup *provenance_group;
};

G_DEFINE_FINAL_TYPE (CrbSourceDetailsWindow, crb_source_details_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The document's column behind each row. */
static const char *
field_of (CrbSourceDetailsWindow *self, AdwEntryRow *row)
{
  if (row == self->title_row)
    return "title";
  if (row == self->publisher_row)
    return "publisher";
  if (row == self->byline_row)
    return "doc_author";
  if (row == self->published_row)
    return "published_at";
  if (row == self->language_row)
    return "language";
  g_return_val_if_reached (NULL);
}

static void
set_row_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
add_provenance_row (CrbSourceDetailsWindow *self, const char *title, const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->provenance_group, row);
}

static void
fill (CrbSourceDetailsWindow *self, CrbDocument *document)
{
  g_autofree char *retrieved = crb_labels_format_time_ms (crb_document_get_retrieved_at (document));
  g_autofree char *revision = g_strdup_printf ("%u", crb_document_get_revision (document));
  g_autofree char *chars = g_strdup_printf ("%u", crb_document_get_chars (document));
  const char      *origin = crb_document_get_origin (document);
  const char      *final_url = crb_document_get_final_url (document);

  set_row_text (self->title_row, crb_document_get_title (document));
  set_row_text (self->publisher_row, crb_document_get_publisher (document));
  set_row_text (self->byline_row, crb_document_get_byline (document));
  set_row_text (self->published_row, crb_document_get_published_at (document));
  set_row_text (self->language_row, crb_document_get_language (document));

  add_provenance_row (self, _ ("Kind"),
                      crb_labels_document_kind (crb_document_get_kind (document)));
  add_provenance_row (self, _ ("Imported From"), origin);
  if (g_strcmp0 (final_url, origin) != 0)
    add_provenance_row (self, _ ("Final Address"), final_url);
  add_provenance_row (self, _ ("Retrieved"), retrieved);
  add_provenance_row (self, _ ("Revision"), revision);
  add_provenance_row (self, _ ("Characters"), chars);
  add_provenance_row (self, _ ("Content Type"), crb_document_get_content_type (document));
  add_provenance_row (self, _ ("Encoding"), crb_document_get_encoding (document));
  add_provenance_row (self, _ ("Text SHA-256"), crb_document_get_text_sha256 (document));
  add_provenance_row (self, _ ("Original SHA-256"), crb_document_get_original_sha256 (document));
}

static void
field_applied (CrbSourceDetailsWindow *self, AdwEntryRow *row)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDocument) document = NULL;
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  const char      *field = field_of (self, row);

  if (crb_project_set_field (self->project, "document", self->document_uuid, field,
                             *value ? value : NULL, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_ ("Saved")));
      return;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  /* Back to what the project holds, so the row never shows unsaved text as
   * if it were saved. */
  document = crb_project_find_document (self->project, self->document_uuid, NULL);
  if (document != NULL && g_str_equal (field, "published_at"))
    set_row_text (row, crb_document_get_published_at (document));
  else if (document != NULL && g_str_equal (field, "title"))
    set_row_text (row, crb_document_get_title (document));
}

static void
crb_source_details_window_dispose (GObject *object)
{
  CrbSourceDetailsWindow *self = CRB_SOURCE_DETAILS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_SOURCE_DETAILS_WINDOW);
  g_clear_object (&self->project);
  g_clear_pointer (&self->document_uuid, g_free);
  G_OBJECT_CLASS (crb_source_details_window_parent_class)->dispose (object);
}

static void
crb_source_details_window_class_init (CrbSourceDetailsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crb_source_details_window_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-source-details-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbSourceDetailsWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceDetailsWindow, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceDetailsWindow, byline_row);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceDetailsWindow, published_row);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceDetailsWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrbSourceDetailsWindow, provenance_group);
  gtk_widget_class_bind_template_callback (widget_class, field_applied);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_source_details_window_init (CrbSourceDetailsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrbSourceDetailsWindow *
crb_source_details_window_new (CrbProject *project, const char *document_uuid)
{
  g_autoptr (CrbDocument) document = NULL;
  CrbSourceDetailsWindow *self;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (document_uuid != NULL, NULL);

  self = g_object_new (CRB_TYPE_SOURCE_DETAILS_WINDOW, NULL);
  self->project = g_object_ref (project);
  self->document_uuid = g_strdup (document_uuid);
  if ((document = crb_project_find_document (project, document_uuid, NULL)))
    fill (self, document);
  return self;
}
