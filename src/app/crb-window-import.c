/* crb-window-import.c: Import Files…, Import from Web Address…, and drag
 * and drop of files, addresses and text onto the window
 *
 * The importer runs extraction in helper processes off the main thread and
 * reports progress in the main context; the banner shows it with Cancel,
 * then lists what failed and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-address-check.h"
#include "crb-import.h"
#include "crb-window-private.h"

typedef struct
{
  CrbWindow   *window;
  CrbImporter *importer;
  gulong       progress_id;
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  if (run->progress_id)
    g_clear_signal_handler (&run->progress_id, run->importer);
  g_clear_object (&run->importer);
  g_clear_object (&run->window);
  g_free (run);
}

static void
report_outcomes (CrbWindow *self, GPtrArray *outcomes)
{
  g_autoptr (GStrvBuilder) failed = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) reasons = g_strv_builder_new ();
  g_auto (GStrv) failed_v = NULL;
  g_auto (GStrv) reasons_v = NULL;
  const char *single = NULL;
  guint imported = 0, revised = 0, duplicates = 0;

  for (guint i = 0; i < outcomes->len; i++)
    {
      CrbImportOutcome *outcome = g_ptr_array_index (outcomes, i);

      switch (outcome->status)
        {
        case CRB_IMPORT_IMPORTED:
          imported++;
          single = outcome->document_uuid;
          break;
        case CRB_IMPORT_NEW_REVISION:
          revised++;
          single = outcome->document_uuid;
          break;
        case CRB_IMPORT_DUPLICATE:
          duplicates++;
          break;
        case CRB_IMPORT_FAILED:
          g_strv_builder_add (failed, outcome->source);
          g_strv_builder_add (reasons, outcome->error ? outcome->error->message : _("Unknown error"));
          break;
        case CRB_IMPORT_CANCELLED:
        default:
          break;
        }
    }
  failed_v = g_strv_builder_end (failed);
  reasons_v = g_strv_builder_end (reasons);
  crb_import_banner_finish (self->import_banner, (const char * const *) failed_v,
                            (const char * const *) reasons_v);

  if (imported + revised > 0)
    {
      g_autofree char *message = NULL;

      if (revised == 0)
        message = g_strdup_printf (ngettext ("%u source imported", "%u sources imported", imported),
                                   imported);
      else
        message = g_strdup_printf (ngettext ("%u source imported, %u updated",
                                             "%u sources imported, %u updated", imported),
                                   imported, revised);
      crb_window_toast (self, message, TRUE);
    }
  else if (duplicates > 0)
    crb_window_toast (self, ngettext ("The source is already in the project",
                                      "The sources are already in the project", duplicates),
                      FALSE);
  /* One new source: show it, that is what the analyst came for. */
  if (imported + revised == 1 && single)
    crb_window_show_document (self, single);
}

static void
import_progress (CrbImporter *importer, guint done, guint total, ImportRun *run)
{
  crb_import_banner_progress (run->window->import_banner, done, total);
}

static void
import_finished (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ImportRun *run = user_data;
  CrbWindow *self = run->window;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) outcomes = crb_importer_import_finish (CRB_IMPORTER (source), result,
                                                               &error);

  g_clear_object (&self->import_cancellable);
  if (outcomes)
    report_outcomes (self, outcomes);
  else
    {
      crb_import_banner_finish (self->import_banner, NULL, NULL);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _crb_window_show_error (self, _("Could Not Import"), error);
    }
  import_run_free (run);
}

void
_crb_window_import_sources (CrbWindow *self, const char * const *sources, gboolean allow_private)
{
  ImportRun *run;

  if (self->project == NULL || sources == NULL || sources[0] == NULL)
    return;
  if (self->import_cancellable)
    {
      crb_window_toast (self, _("Wait for the current import to finish"), FALSE);
      return;
    }

  run = g_new0 (ImportRun, 1);
  run->window = g_object_ref (self);
  run->importer = crb_importer_new (self->project);
  crb_importer_set_allow_private (run->importer, allow_private);
  crb_importer_set_keep_originals (run->importer,
                                   g_settings_get_boolean (self->settings, "keep-originals"));
  run->progress_id = g_signal_connect (run->importer, "progress", G_CALLBACK (import_progress), run);
  self->import_cancellable = g_cancellable_new ();
  crb_import_banner_begin (self->import_banner, self->import_cancellable,
                           g_strv_length ((char **) sources));
  crb_importer_import_async (run->importer, sources, self->import_cancellable, import_finished,
                             run);
}

/* Import Files… */

static void
add_filter (GtkFileChooser *chooser, const char *name, const char * const *types,
            const char * const *suffixes)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; types[i]; i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  for (guint i = 0; suffixes[i]; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
files_chosen (GtkNativeDialog *chooser, int response, CrbWindow *self)
{
  g_autoptr (GListModel) files = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) paths = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      _crb_window_import_sources (self, (const char * const *) paths, FALSE);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_files_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  static const char * const text_types[] = { "text/plain", "text/markdown", NULL };
  static const char * const text_suffixes[] = { "txt", "md", "markdown", NULL };
  static const char * const web_types[] = { "text/html", "application/xhtml+xml", NULL };
  static const char * const web_suffixes[] = { "html", "htm", "xhtml", NULL };
  static const char * const pdf_types[] = { "application/pdf", NULL };
  static const char * const pdf_suffixes[] = { "pdf", NULL };
  static const char * const office_types[] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text", NULL
  };
  static const char * const office_suffixes[] = { "docx", "odt", NULL };
  static const char * const book_types[] = { "application/epub+zip", NULL };
  static const char * const book_suffixes[] = { "epub", NULL };
  static const char * const all_types[] = {
    "text/plain", "text/markdown", "text/html", "application/xhtml+xml", "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text", "application/epub+zip", NULL
  };
  static const char * const all_suffixes[] = { "txt", "md", "markdown", "html", "htm", "xhtml",
                                               "pdf", "docx", "odt", "epub", NULL };
  CrbWindow *self = user_data;
  GtkFileChooserNative *chooser;

  if (self->project == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Files"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("All Supported Files"), all_types, all_suffixes);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Text and Markdown"), text_types, text_suffixes);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Web Pages"), web_types, web_suffixes);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF Documents"), pdf_types, pdf_suffixes);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Word and OpenDocument Text"), office_types,
              office_suffixes);
  add_filter (GTK_FILE_CHOOSER (chooser), _("E-books"), book_types, book_suffixes);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import from Web Address… */

typedef struct
{
  CrbWindow *window;
  char      *url;
} UrlCheck;

static void
url_check_free (UrlCheck *check)
{
  g_clear_object (&check->window);
  g_free (check->url);
  g_free (check);
}

static void
import_url (CrbWindow *self, const char *url, gboolean allow_private)
{
  const char *sources[] = { url, NULL };

  _crb_window_import_sources (self, sources, allow_private);
}

static void
private_answered (AdwMessageDialog *dialog, const char *response, UrlCheck *check)
{
  if (g_str_equal (response, "allow"))
    import_url (check->window, check->url, TRUE);
  url_check_free (check);
}

static void
ask_private (UrlCheck *check, const char *host, CrbAddressKind kind)
{
  g_autofree char *body = g_strdup_printf (
      _("“%s” is %s. Pages there are usually not meant for the public, and fetching them can "
        "reach devices and services on your own network. Import it only if you trust it."),
      host, crb_address_kind_describe (kind));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (check->window),
                                              _("Import from Your Own Network?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "allow",
                                    _("_Import Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "allow",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (private_answered), check);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
host_resolved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  UrlCheck *check = user_data;
  g_autoptr (GList) addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (source), result,
                                                                  NULL);
  g_autoptr (GUri) uri = g_uri_parse (check->url, G_URI_FLAGS_NONE, NULL);

  for (GList *l = addresses; l; l = l->next)
    {
      CrbAddressKind kind = crb_address_classify (l->data);

      if (kind != CRB_ADDRESS_PUBLIC)
        {
          ask_private (check, g_uri_get_host (uri), kind);
          g_list_free_full (g_steal_pointer (&addresses), g_object_unref);
          return;
        }
    }
  g_list_free_full (g_steal_pointer (&addresses), g_object_unref);
  /* Unresolvable names go on to the importer, which reports why. */
  import_url (check->window, check->url, FALSE);
  url_check_free (check);
}

static void
check_and_import_url (CrbWindow *self, const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr (GInetAddress) literal = NULL;
  g_autoptr (GResolver) resolver = NULL;
  UrlCheck *check;
  const char *host;

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0
                      && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
      || (host = g_uri_get_host (uri)) == NULL || *host == '\0')
    {
      g_autoptr (GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                              _("“%s” is not a web address. Addresses start with "
                                                "https:// or http://."),
                                              url);

      _crb_window_show_error (self, _("Could Not Import"), error);
      return;
    }

  check = g_new0 (UrlCheck, 1);
  check->window = g_object_ref (self);
  check->url = g_strdup (url);
  if ((literal = g_inet_address_new_from_string (host)))
    {
      CrbAddressKind kind = crb_address_classify (literal);

      if (kind != CRB_ADDRESS_PUBLIC)
        ask_private (check, host, kind);
      else
        {
          import_url (self, url, FALSE);
          url_check_free (check);
        }
      return;
    }
  resolver = g_resolver_get_default ();
  g_resolver_lookup_by_name_async (resolver, host, self->cancellable, host_resolved, check);
}

static void
url_answered (AdwMessageDialog *dialog, const char *response, CrbWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "import") && *url)
    check_and_import_url (self, url);
}

static void
url_entry_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);

  adw_message_dialog_set_response_enabled (dialog, "import",
                                           g_str_has_prefix (text, "http://")
                                               || g_str_has_prefix (text, "https://"));
}

static void
import_url_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  GtkWidget *dialog, *entry;

  if (self->project == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import from a Web Address"),
                                   _("The page is fetched now and kept in the project with its "
                                     "address and the time it was retrieved."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Web address"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import",
                                    _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", FALSE);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (url_entry_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (url_answered), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Dropped text */

static void
import_text_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CrbImporter *importer = source;
  const char *text = data;
  g_autofree char *title = NULL;
  const char *newline = strchr (text, '\n');
  GError *error = NULL;
  CrbImportOutcome *outcome;

  title = g_strstrip (g_strndup (text, newline ? (gsize) (newline - text) : strlen (text)));
  if (g_utf8_strlen (title, -1) > 80)
    {
      char *cut = g_utf8_offset_to_pointer (title, 80);

      *cut = '\0';
    }
  outcome = crb_importer_import_text (importer, text, *title ? title : NULL, &error);
  if (outcome)
    g_task_return_pointer (task, outcome, (GDestroyNotify) crb_import_outcome_free);
  else
    g_task_return_error (task, error);
}

static void
text_imported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) outcomes = g_ptr_array_new_with_free_func (
      (GDestroyNotify) crb_import_outcome_free);
  CrbImportOutcome *outcome = g_task_propagate_pointer (G_TASK (result), &error);

  crb_import_banner_finish (self->import_banner, NULL, NULL);
  if (outcome == NULL)
    {
      _crb_window_show_error (self, _("Could Not Import the Text"), error);
      return;
    }
  g_ptr_array_add (outcomes, outcome);
  report_outcomes (self, outcomes);
}

static void
import_text (CrbWindow *self, const char *text)
{
  g_autoptr (CrbImporter) importer = crb_importer_new (self->project);
  g_autoptr (GTask) task = g_task_new (importer, NULL, text_imported, g_object_ref (self));

  crb_import_banner_begin (self->import_banner, NULL, 1);
  g_task_set_source_tag (task, import_text);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, import_text_in_thread);
}

/* Drag and drop */

static gboolean
looks_like_urls (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (!(g_str_has_prefix (lines[i], "http://") || g_str_has_prefix (lines[i], "https://"))
          || strpbrk (lines[i], " \t"))
        return FALSE;
      n++;
    }
  return n > 0;
}

static gboolean
dropped (GtkDropTarget *target, const GValue *value, double x, double y, CrbWindow *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) paths = NULL;

      for (GSList *l = files; l; l = l->next)
        {
          g_autofree char *path = g_file_get_path (l->data);

          /* A project dropped on the window is opened, not imported. */
          if (path && g_str_has_suffix (path, ".corroborate"))
            {
              crb_window_open_file (self, l->data);
              return TRUE;
            }
          if (path)
            g_strv_builder_add (builder, path);
        }
      if (self->project == NULL)
        {
          crb_window_toast (self, _("Create or open a project to import into"), FALSE);
          return FALSE;
        }
      paths = g_strv_builder_end (builder);
      _crb_window_import_sources (self, (const char * const *) paths, FALSE);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        return FALSE;
      if (self->project == NULL)
        {
          crb_window_toast (self, _("Create or open a project to import into"), FALSE);
          return FALSE;
        }
      if (looks_like_urls (text))
        {
          g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

          for (guint i = 0; lines[i]; i++)
            if (*g_strstrip (lines[i]))
              check_and_import_url (self, lines[i]);
        }
      else
        import_text (self, text);
      return TRUE;
    }
  return FALSE;
}

static const GActionEntry import_actions[] = {
  { "import-files", import_files_action },
  { "import-url", import_url_action },
};

void
_crb_window_import_init (CrbWindow *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  g_action_map_add_action_entries (G_ACTION_MAP (self), import_actions,
                                   G_N_ELEMENTS (import_actions), self);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
