/* crb-window-share.c: the window's sharing actions — merging a colleague's
 * copy, reviewing merge conflicts, exporting, importing Web Annotations
 *
 * Merges, exports and imports touch the disk and run in worker threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-annotation-import.h"
#include "crb-export-dialog.h"
#include "crb-merge-dialog.h"
#include "crb-window-private.h"

/* Merging */

static void
project_merged (CrbMergeDialog *dialog, CrbWindow *self)
{
  crb_window_toast (self, _ ("Colleague’s work merged"), TRUE);
}

static CrbMergeDialog *
new_merge_dialog (CrbWindow *self)
{
  CrbMergeDialog *dialog = crb_merge_dialog_new (self->project);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "merged", G_CALLBACK (project_merged), self, 0);
  return dialog;
}

static void
merge_path (CrbWindow *self, const char *path)
{
  CrbMergeDialog *dialog;

  if (self->project == NULL)
    return;
  if (g_strcmp0 (path, crb_project_get_path (self->project)) == 0 ||
      crb_window_shows_path (self, path))
    {
      g_autoptr (GError) error = g_error_new (CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                                              _ ("This is the project that is open: choose a "
                                                 "colleague’s copy of it."));

      _crb_window_show_error (self, _ ("Could Not Merge"), error);
      return;
    }
  /* A note being typed is part of this side of the merge. */
  crb_claim_inspector_flush (self->inspector);
  dialog = new_merge_dialog (self);
  gtk_window_present (GTK_WINDOW (dialog));
  crb_merge_dialog_merge (dialog, path);
}

static void
merge_chosen (GtkNativeDialog *chooser, int response, CrbWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      if ((path = g_file_get_path (file)))
        merge_path (self, path);
      else
        {
          g_autoptr (GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                  _ ("Only projects on this computer can be "
                                                     "merged."));

          _crb_window_show_error (self, _ ("Could Not Merge"), error);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
merge_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->project == NULL)
    return;
  gtk_file_filter_set_name (filter, _ ("Corroborate Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-corroborate-project");
  gtk_file_filter_add_suffix (filter, "corroborate");
  chooser = gtk_file_chooser_native_new (_ ("Merge a Colleague’s Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Merge"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (merge_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The chooser's step skipped: a path (drops, tests). */
static void
merge_file_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  merge_path (user_data, g_variant_get_string (parameter, NULL));
}

static void
review_conflicts_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow      *self = user_data;
  CrbMergeDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = new_merge_dialog (self);
  crb_merge_dialog_review (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Exporting */

static void
exported (CrbExportDialog *dialog, GFile *file, CrbWindow *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *message = g_strdup_printf (_ ("Exported to “%s”"), name);
  AdwToast        *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _ ("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow       *self = user_data;
  CrbExportDialog *dialog;

  if (self->project == NULL)
    return;
  crb_claim_inspector_flush (self->inspector);
  dialog = crb_export_dialog_new (self->project);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_uri_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  gtk_show_uri (GTK_WINDOW (user_data), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Importing annotations */

static void
import_annotations_in_thread (GTask *task, gpointer source, gpointer data,
                              GCancellable *cancellable)
{
  CrbProject          *project = g_object_get_data (G_OBJECT (task), "project");
  GError              *error = NULL;
  g_autofree char     *contents = NULL;
  gsize                length = 0;
  CrbAnnotationImport *report = NULL;

  if (g_file_load_contents (data, cancellable, &contents, &length, NULL, &error) &&
      (report = crb_project_import_annotations (project, contents, (gssize) length, &error)))
    g_task_return_pointer (task, report, (GDestroyNotify) crb_annotation_import_free);
  else
    g_task_return_error (task, error);
}

static void
annotations_imported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbWindow *self = CRB_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbAnnotationImport) report = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _crb_window_show_error (self, _ ("Could Not Import the Annotations"), error);
      return;
    }
  g_string_append_printf (body,
                          ngettext ("%u annotation became a claim on its source.",
                                    "%u annotations became claims on their sources.",
                                    report->imported),
                          report->imported);
  if (report->already_present)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body,
                              ngettext ("%u was in the project already.",
                                        "%u were in the project already.", report->already_present),
                              report->already_present);
    }
  if (report->unmatched && report->unmatched->len)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (
          body,
          ngettext ("%u matched no source and was left out:",
                    "%u matched no source and were left out:", report->unmatched->len),
          report->unmatched->len);
      for (guint i = 0; i < report->unmatched->len && i < 8; i++)
        g_string_append_printf (body, "\n• %s", (char *) g_ptr_array_index (report->unmatched, i));
      if (report->unmatched->len > 8)
        g_string_append (body, "\n…");
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Annotations Imported"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  if (report->imported)
    crb_window_toast (self, _ ("Annotations imported"), TRUE);
}

static void
import_annotations_file (CrbWindow *self, GFile *file)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, annotations_imported, NULL);

  g_task_set_source_tag (task, import_annotations_file);
  g_object_set_data_full (G_OBJECT (task), "project", g_object_ref (self->project), g_object_unref);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_annotations_in_thread);
}

static void
annotations_chosen (GtkNativeDialog *chooser, int response, CrbWindow *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->project &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    import_annotations_file (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_annotations_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->project == NULL)
    return;
  gtk_file_filter_set_name (filter, _ ("Web Annotations (JSON-LD)"));
  gtk_file_filter_add_mime_type (filter, "application/ld+json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "jsonld");
  gtk_file_filter_add_suffix (filter, "json");
  chooser =
      gtk_file_chooser_native_new (_ ("Import Annotations"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (annotations_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_annotations_file_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (self->project)
    import_annotations_file (self, file);
}

static const GActionEntry share_actions[] = {
  { "merge", merge_action },
  { "merge-file", merge_file_action, "s" },
  { "review-conflicts", review_conflicts_action },
  { "export", export_action },
  { "import-annotations", import_annotations_action },
  { "import-annotations-file", import_annotations_file_action, "s" },
  { "open-uri", open_uri_action, "s" },
};

void
_crb_window_share_update_actions (CrbWindow *self)
{
  gboolean open = self->project != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (share_actions); i++)
    if (!g_str_equal (share_actions[i].name, "open-uri"))
      g_simple_action_set_enabled (
          G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), share_actions[i].name)),
          open);
}

void
_crb_window_share_init (CrbWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), share_actions, G_N_ELEMENTS (share_actions),
                                   self);
}
