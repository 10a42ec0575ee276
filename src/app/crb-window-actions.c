/* crb-window-actions.c: the window's actions (projects, undo, panes)
 *
 * Opening, creating and copying projects touch the disk and run in GTask
 * threads; the window shows a spinner meanwhile and never blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>

#include "crb-labels.h"
#include "crb-sample.h"
#include "crb-tag-manager.h"
#include "crb-window-private.h"

#define MAX_RECENT 10

/* Recent projects */

void
_crb_window_add_recent (CrbWindow *self, const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  if (uri == NULL)
    return;
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) recent);
}

static void
forget_recent (CrbWindow *self, const char *uri)
{
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;

  for (guint i = 0; old[i]; i++)
    if (!g_str_equal (old[i], uri))
      g_strv_builder_add (builder, old[i]);
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) recent);
}

/* Opening */

static CrbWindow *
window_showing (CrbWindow *self, const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    if (CRB_IS_WINDOW (l->data) && crb_window_shows_path (l->data, path))
      return l->data;
  return NULL;
}

gboolean
crb_window_shows_path (CrbWindow *self, const char *path)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), FALSE);

  return self->project
         && g_strcmp0 (self->working_copy
                           ? crb_working_copy_get_original_path (self->working_copy)
                           : crb_project_get_path (self->project),
                       path)
                == 0;
}

static void
end_busy (CrbWindow *self)
{
  g_assert (self->busy > 0);
  self->busy--;
  if (self->busy == 0)
    gtk_stack_set_visible_child_name (self->main_stack, self->project ? "workbench" : "welcome");
}

static void
begin_busy (CrbWindow *self, const char *title)
{
  self->busy++;
  adw_status_page_set_title (self->loading_page, title);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

static void
project_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbWorkingCopy) working_copy = NULL;
  g_autoptr (CrbProject) project = crb_project_open_with_fallback_finish (result, &working_copy,
                                                                          &error);
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (result), "path"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_busy (self);
  if (project == NULL)
    {
      _crb_window_show_error (self, _("Could Not Open the Project"), error);
      return;
    }
  _crb_window_set_opened_project (self, project, working_copy);
}

void
crb_window_open_file (CrbWindow *self, GFile *file)
{
  g_autofree char *path = NULL;
  CrbWindow *other;

  g_return_if_fail (CRB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autoptr (GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                              _("Only projects on this computer can be opened."));

      _crb_window_show_error (self, _("Could Not Open the Project"), error);
      return;
    }
  /* A project already open here is shown, not opened twice. */
  if ((other = window_showing (self, path)))
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }
  begin_busy (self, _("Opening Project…"));
  crb_project_open_with_fallback_async (path, self->cancellable, project_opened,
                                        g_object_ref (self));
}

static void
sample_built (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = crb_sample_build_finish (result, &error);
  g_autoptr (GFile) file = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_busy (self);
  if (path == NULL)
    {
      _crb_window_show_error (self, _("Could Not Build the Sample Project"), error);
      return;
    }
  file = g_file_new_for_path (path);
  crb_window_open_file (self, file);
}

void
crb_window_open_sample (CrbWindow *self)
{
  g_autofree char *path = crb_sample_dup_path ();

  g_return_if_fail (CRB_IS_WINDOW (self));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);

      crb_window_open_file (self, file);
      return;
    }
  begin_busy (self, _("Preparing the Sample Project…"));
  crb_sample_build_async (path, self->cancellable, sample_built, g_object_ref (self));
}

static void
open_sample_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  crb_window_open_sample (user_data);
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Corroborate Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-corroborate-project");
  gtk_file_filter_add_suffix (filter, "corroborate");
  return filter;
}

static void
open_chosen (GtkNativeDialog *chooser, int response, CrbWindow *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    crb_window_open_file (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_project_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  g_autoptr (GtkFileFilter) filter = project_filter ();
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _("Open Project"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr (GFile) file = g_file_new_for_uri (uri);

  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("“%s” is no longer there; it was moved or deleted."),
                                                  name);

      forget_recent (self, uri);
      crb_window_toast (self, message, FALSE);
      return;
    }
  crb_window_open_file (self, file);
}

/* Creating */

static void
create_in_thread (GTask *task, gpointer source, gpointer path, GCancellable *cancellable)
{
  GError *error = NULL;
  CrbProject *project = crb_project_create (path, &error);

  if (project)
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
project_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbWindow *self = CRB_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = g_task_propagate_pointer (G_TASK (result), &error);

  end_busy (self);
  if (project == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _crb_window_show_error (self, _("Could Not Create the Project"), error);
      return;
    }
  crb_window_set_project (self, project);
}

static void
new_chosen (GtkNativeDialog *chooser, int response, CrbWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)))
      && (path = g_file_get_path (file)))
    {
      if (!g_str_has_suffix (path, ".corroborate"))
        {
          char *named = g_strconcat (path, ".corroborate", NULL);

          g_free (path);
          path = named;
        }
      begin_busy (self, _("Creating Project…"));
      task = g_task_new (self, self->cancellable, project_created, NULL);
      g_task_set_source_tag (task, new_chosen);
      g_task_set_task_data (task, g_steal_pointer (&path), g_free);
      g_task_run_in_thread (task, create_in_thread);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
new_project_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  g_autoptr (GtkFileFilter) filter = project_filter ();
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _("New Project"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
      _("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.corroborate"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (new_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
close_project_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  crb_window_set_project (user_data, NULL);
}

/* Save a Copy */

typedef struct
{
  CrbProject   *project;
  char         *target;
  CrbCopyFlags  flags;
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_clear_object (&job->project);
  g_free (job->target);
  g_free (job);
}

static void
copy_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CopyJob *job = data;
  GError *error = NULL;

  /* The file chooser asked before replacing an existing file. */
  if (g_file_test (job->target, G_FILE_TEST_EXISTS) && g_unlink (job->target) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("The file “%s” could not be replaced: %s"), job->target,
                               g_strerror (saved));
      return;
    }
  if (crb_project_save_copy (job->project, job->target, job->flags, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
copy_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbWindow *self = CRB_WINDOW (source);
  g_autoptr (GError) error = NULL;
  CopyJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_path_get_basename (job->target);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _crb_window_show_error (self, _("Could Not Save a Copy"), error);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Copy saved as “%s”"), name);

      crb_window_toast (self, message, FALSE);
    }
}

static void
save_copy_to (CrbWindow *self, const char *path, CrbCopyFlags flags)
{
  g_autoptr (GTask) task = NULL;
  CopyJob *job;

  if (self->project == NULL)
    return;
  if (g_strcmp0 (path, crb_project_get_path (self->project)) == 0)
    {
      g_autoptr (GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                                              _("A copy cannot replace the project itself. "
                                                "Choose another name."));

      _crb_window_show_error (self, _("Could Not Save a Copy"), error);
      return;
    }
  job = g_new0 (CopyJob, 1);
  job->project = g_object_ref (self->project);
  job->target = g_strdup (path);
  job->flags = flags;
  task = g_task_new (self, self->cancellable, copy_saved, NULL);
  g_task_set_source_tag (task, save_copy_to);
  g_task_set_task_data (task, job, (GDestroyNotify) copy_job_free);
  g_task_run_in_thread (task, copy_in_thread);
}

static void
copy_target_chosen (GtkNativeDialog *chooser, int response, CrbWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  CrbCopyFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "flags"));

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)))
      && (path = g_file_get_path (file)))
    save_copy_to (self, path, flags);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* The dialogs' steps skipped: (path, leave out originals, leave out
 * private notes). */
static void
save_copy_file_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  const char *path;
  gboolean originals, private_notes;

  g_variant_get (parameter, "(&sbb)", &path, &originals, &private_notes);
  crb_claim_inspector_flush (self->inspector);
  save_copy_to (self, path,
                (originals ? CRB_COPY_DROP_ORIGINALS : 0)
                    | (private_notes ? CRB_COPY_DROP_PRIVATE : 0));
}

static void
copy_options_answered (AdwMessageDialog *dialog, const char *response, CrbWindow *self)
{
  GtkCheckButton *originals = g_object_get_data (G_OBJECT (dialog), "originals");
  GtkCheckButton *private_notes = g_object_get_data (G_OBJECT (dialog), "private");
  CrbCopyFlags flags = CRB_COPY_DEFAULT;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = project_filter ();
  g_autofree char *name = NULL;
  g_autofree char *suggestion = NULL;

  if (!g_str_equal (response, "choose") || self->project == NULL)
    return;
  if (gtk_check_button_get_active (originals))
    flags |= CRB_COPY_DROP_ORIGINALS;
  if (gtk_check_button_get_active (private_notes))
    flags |= CRB_COPY_DROP_PRIVATE;

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_path_get_basename (crb_project_get_path (self->project));
  if (g_str_has_suffix (name, ".corroborate"))
    name[strlen (name) - strlen (".corroborate")] = '\0';
  /* Translators: the suggested file name of a copy of a project */
  suggestion = g_strdup_printf (_("%s (copy).corroborate"), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggestion);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "flags", GUINT_TO_POINTER (flags));
  g_signal_connect (chooser, "response", G_CALLBACK (copy_target_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_copy_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  GtkWidget *dialog, *box, *originals, *private_notes;

  if (self->project == NULL)
    return;
  crb_claim_inspector_flush (self->inspector);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save a Copy"),
                                   _("The copy is a compact file to share with colleagues. "
                                     "It holds no deleted content and no undo history."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  originals = gtk_check_button_new_with_mnemonic (_("Leave out the _original files"));
  private_notes = gtk_check_button_new_with_mnemonic (_("Leave out _private notes"));
  gtk_widget_set_tooltip_text (originals, _("Keep only the extracted text of each source: the "
                                            "copy is smaller"));
  gtk_widget_set_tooltip_text (private_notes, _("Notes marked private in the claim inspector "
                                                "stay in this project only"));
  gtk_box_append (GTK_BOX (box), originals);
  gtk_box_append (GTK_BOX (box), private_notes);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "originals", originals);
  g_object_set_data (G_OBJECT (dialog), "private", private_notes);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "choose",
                                    _("_Choose Location…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  g_signal_connect (dialog, "response", G_CALLBACK (copy_options_answered), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo and redo */

static void
undo_or_redo (CrbWindow *self, gboolean redo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *step = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (self->project == NULL)
    return;
  /* A note being typed is a step of its own, and the latest one. */
  crb_claim_inspector_flush (self->inspector);
  ok = redo ? crb_project_redo (self->project, &label, &error)
            : crb_project_undo (self->project, &label, &error);
  if (!ok)
    {
      crb_window_toast (self, error->message, FALSE);
      return;
    }
  step = crb_labels_undo_step (label);
  /* Translators: %s names an action, e.g. "Undone: Edit note" */
  message = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), step);
  crb_window_toast (self, message, FALSE);
  _crb_window_update_actions (self);
}

static void
undo_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  undo_or_redo (user_data, FALSE);
}

static void
redo_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  undo_or_redo (user_data, TRUE);
}

/* Panes */

static void
search_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;

  if (self->project == NULL)
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (crb_sidebar_get_search_entry (self->sidebar)));
}

static void
toggle_inspector_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_inspector_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;

  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
show_sidebar_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
manage_tags_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  GtkWidget *manager;

  if (self->project == NULL)
    return;
  manager = crb_tag_manager_new (self->project);
  gtk_window_set_transient_for (GTK_WINDOW (manager), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (manager));
}

static void
adjust_claim_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  CrbClaim *claim = crb_claim_inspector_get_claim (self->inspector);
  g_autoptr (GError) error = NULL;
  guint start, end;

  if (claim == NULL || self->project == NULL)
    return;
  if (!crb_reader_get_selection (self->reader, &start, &end))
    {
      crb_window_toast (self, _("Select the new extent of the claim in the text first"), FALSE);
      return;
    }
  if (!crb_project_move_claim (self->project, crb_record_get_uuid (CRB_RECORD (claim)), start, end,
                               &error))
    crb_window_toast (self, error->message, FALSE);
  else
    crb_window_toast (self, _("Claim adjusted to the selection"), TRUE);
}

static void
toast_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  crb_window_toast (user_data, g_variant_get_string (parameter, NULL),
                    g_str_equal (g_action_get_name (G_ACTION (action)), "toast-undo"));
}

static const GActionEntry actions[] = {
  { "new-project", new_project_action },
  { "open-project", open_project_action },
  { "open-recent", open_recent_action, "s" },
  { "open-sample", open_sample_action },
  { "close-project", close_project_action },
  { "save-copy", save_copy_action },
  { "save-copy-file", save_copy_file_action, "(sbb)" },
  { "undo", undo_action },
  { "redo", redo_action },
  { "search", search_action },
  { "toggle-inspector", toggle_inspector_action },
  { "show-inspector", show_inspector_action },
  { "show-sidebar", show_sidebar_action },
  { "manage-tags", manage_tags_action },
  { "adjust-claim", adjust_claim_action },
  { "toast", toast_action, "s" },
  { "toast-undo", toast_action, "s" },
};

static void
set_enabled (CrbWindow *self, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_crb_window_update_actions (CrbWindow *self)
{
  gboolean open = self->project != NULL;

  set_enabled (self, "close-project", open);
  set_enabled (self, "save-copy", open);
  set_enabled (self, "save-copy-file", open);
  set_enabled (self, "undo", open && crb_project_can_undo (self->project));
  set_enabled (self, "redo", open && crb_project_can_redo (self->project));
  set_enabled (self, "search", open);
  set_enabled (self, "manage-tags", open);
  set_enabled (self, "adjust-claim", open);
  set_enabled (self, "import-files", open);
  set_enabled (self, "import-url", open);
  set_enabled (self, "toggle-inspector", open);
  _crb_window_share_update_actions (self);
}

void
_crb_window_actions_init (CrbWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
