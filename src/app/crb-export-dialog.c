/* crb-export-dialog.c
 *
 * The core writes every format (crb_project_export); the dialog picks the
 * format and, for briefings, the event, then a file, and writes it in a
 * worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-event.h"
#include "crb-export-dialog.h"
#include "crb-export.h"

struct _CrbExportDialog
{
  AdwWindow parent_instance;

  CrbProject   *project;
  GCancellable *cancellable;
  char         *format;
  GPtrArray    *event_uuids;
  gboolean      exporting;

  GtkStack            *button_stack;
  GtkSpinner          *spinner;
  AdwActionRow        *markdown_row;
  AdwActionRow        *html_row;
  AdwPreferencesGroup *event_group;
  AdwComboRow         *event_row;
};

G_DEFINE_FINAL_TYPE (CrbExportDialog, crb_export_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_briefing (const char *format)
{
  return g_str_equal (format, "markdown") || g_str_equal (format, "html");
}

static void
crb_export_dialog_dispose (GObject *object)
{
  CrbExportDialog *self = CRB_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->event_uuids, g_ptr_array_unref);
  G_OBJECT_CLASS (crb_export_dialog_parent_class)->dispose (object);
}

static void
crb_export_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbExportDialog *self = CRB_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_export_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  CrbExportDialog *self = CRB_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      crb_export_dialog_set_format (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
update_sensitivity (CrbExportDialog *self)
{
  gboolean has_events = self->event_uuids && self->event_uuids->len > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->event_row), is_briefing (self->format) && has_events);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file",
                                 !self->exporting && (!is_briefing (self->format) || has_events));
}

/* Writing */

typedef struct
{
  CrbProject     *project;
  CrbExportFormat format;
  char           *event;
  GFile          *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->file);
  g_free (job->event);
  g_free (job);
}

static void
export_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob       *job = data;
  GError          *error = NULL;
  g_autofree char *text = crb_project_export (job->project, job->format, job->event, &error);

  if (text == NULL ||
      !g_file_replace_contents (job->file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbExportDialog *self = CRB_EXPORT_DIALOG (source);
  ExportJob       *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  GtkWidget *message;

  self->exporting = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->button_stack, "button");
  update_sensitivity (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_signal_emit (self, signals[EXPORTED], 0, job->file);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  message = adw_message_dialog_new (GTK_WINDOW (self), _ ("Could Not Export"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

void
crb_export_dialog_export_to (CrbExportDialog *self, GFile *file)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (CRB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->exporting);

  job = g_new0 (ExportJob, 1);
  job->project = g_object_ref (self->project);
  job->file = g_object_ref (file);
  job->event = g_strdup (crb_export_dialog_get_event (self));
  if (!crb_export_format_from_string (self->format, &job->format))
    g_assert_not_reached ();

  self->exporting = TRUE;
  gtk_stack_set_visible_child_name (self->button_stack, "busy");
  gtk_spinner_set_spinning (self->spinner, TRUE);
  update_sensitivity (self);
  task = g_task_new (self, self->cancellable, exported, NULL);
  g_task_set_source_tag (task, crb_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

/* Choosing the file */

static char *
suggested_name (CrbExportDialog *self)
{
  g_autofree char *project = g_path_get_basename (crb_project_get_path (self->project));
  const char      *event_uuid = crb_export_dialog_get_event (self);
  g_autoptr (CrbEvent) event = NULL;
  char *name;

  if (g_str_has_suffix (project, ".corroborate"))
    project[strlen (project) - strlen (".corroborate")] = '\0';
  if (is_briefing (self->format) && event_uuid &&
      (event = crb_project_find_event (self->project, event_uuid, NULL)))
    /* Translators: file name of a briefing, %s is the event's title */
    name = g_strdup_printf (_ ("%s briefing"), crb_event_get_title (event));
  else if (g_str_equal (self->format, "csv"))
    /* Translators: file name of the table of claims, %s is the project's name */
    name = g_strdup_printf (_ ("%s claims"), project);
  else
    /* Translators: file name of the Web Annotations, %s is the project's name */
    name = g_strdup_printf (_ ("%s annotations"), project);
  /* A title may hold a slash; file names cannot. */
  g_strdelimit (name, "/", '-');
  return name;
}

static const char *
extension (const char *format)
{
  if (g_str_equal (format, "csv"))
    return ".csv";
  if (g_str_equal (format, "markdown"))
    return ".md";
  if (g_str_equal (format, "html"))
    return ".html";
  return ".jsonld";
}

static void
file_chosen (GtkNativeDialog *chooser, int response, CrbExportDialog *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    crb_export_dialog_export_to (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbExportDialog      *self = CRB_EXPORT_DIALOG (widget);
  g_autofree char      *base = suggested_name (self);
  g_autofree char      *name = g_strconcat (base, extension (self->format), NULL);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _ ("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
crb_export_dialog_class_init (CrbExportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_export_dialog_dispose;
  object_class->get_property = crb_export_dialog_get_property;
  object_class->set_property = crb_export_dialog_set_property;

  properties[PROP_FORMAT] =
      g_param_spec_string ("format", NULL, NULL, "jsonld",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The file is written: its GFile. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbExportDialog, button_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrbExportDialog, markdown_row);
  gtk_widget_class_bind_template_child (widget_class, CrbExportDialog, html_row);
  gtk_widget_class_bind_template_child (widget_class, CrbExportDialog, event_group);
  gtk_widget_class_bind_template_child (widget_class, CrbExportDialog, event_row);

  gtk_widget_class_install_property_action (widget_class, "export.format", "format");
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_export_dialog_init (CrbExportDialog *self)
{
  /* The radio buttons read the format's action state as they are built. */
  self->format = g_strdup ("jsonld");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->event_uuids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->event_row, "notify::selected", G_CALLBACK (update_sensitivity),
                            self);
  update_sensitivity (self);
}

static void
load_events (CrbExportDialog *self)
{
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) events = crb_project_list_events (self->project, NULL);

  g_ptr_array_set_size (self->event_uuids, 0);
  for (guint i = 0; events && i < events->len; i++)
    {
      CrbEvent *event = g_ptr_array_index (events, i);

      gtk_string_list_append (titles, crb_event_get_title (event));
      g_ptr_array_add (self->event_uuids, g_strdup (crb_record_get_uuid (CRB_RECORD (event))));
    }
  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (titles));
  if (self->event_uuids->len == 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->event_row),
                                   _ ("The project has no events yet"));
      adw_action_row_set_subtitle (self->markdown_row,
                                   _ ("Needs an event: the project has none yet"));
      adw_action_row_set_subtitle (self->html_row, _ ("Needs an event: the project has none yet"));
    }
  update_sensitivity (self);
}

CrbExportDialog *
crb_export_dialog_new (CrbProject *project)
{
  CrbExportDialog *self;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  self = g_object_new (CRB_TYPE_EXPORT_DIALOG, NULL);
  self->project = g_object_ref (project);
  load_events (self);
  return self;
}

const char *
crb_export_dialog_get_format (CrbExportDialog *self)
{
  g_return_val_if_fail (CRB_IS_EXPORT_DIALOG (self), NULL);
  return self->format;
}

void
crb_export_dialog_set_format (CrbExportDialog *self, const char *format)
{
  CrbExportFormat parsed;

  g_return_if_fail (CRB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format != NULL && crb_export_format_from_string (format, &parsed));

  /* One name per format, as the radio buttons carry it. */
  if (g_str_equal (format, "md"))
    format = "markdown";
  if (g_strcmp0 (self->format, format) == 0)
    return;
  g_free (self->format);
  self->format = g_strdup (format);
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

const char *
crb_export_dialog_get_event (CrbExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (CRB_IS_EXPORT_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->event_row);
  if (self->event_uuids == NULL || selected >= self->event_uuids->len)
    return NULL;
  return g_ptr_array_index (self->event_uuids, selected);
}

void
crb_export_dialog_set_event (CrbExportDialog *self, const char *event_uuid)
{
  g_return_if_fail (CRB_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->event_uuids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->event_uuids, i), event_uuid) == 0)
      adw_combo_row_set_selected (self->event_row, i);
}
