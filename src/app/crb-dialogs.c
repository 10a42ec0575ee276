/* crb-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-dialogs.h"

typedef struct
{
  CrbProject      *project;
  GtkEntry        *entry;
  CrbDialogsReady  ready;
  gpointer         user_data;
  GDestroyNotify   destroy;
} AnalystQuestion;

static void
analyst_question_free (gpointer data)
{
  AnalystQuestion *question = data;

  if (question->destroy)
    question->destroy (question->user_data);
  g_clear_object (&question->project);
  g_free (question);
}

static void
analyst_question_closure_free (gpointer data, GClosure *closure)
{
  analyst_question_free (data);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
account_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

static void
analyst_answered (AdwMessageDialog *dialog, const char *response, AnalystQuestion *question)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (question->entry))));

  if (g_str_equal (response, "cancel"))
    return;
  if (*name == '\0')
    {
      g_free (name);
      name = account_name ();
    }
  g_settings_set_string (settings, "analyst-name", name);
  crb_project_set_author (question->project, name);
  question->ready (question->user_data);
}

void
crb_dialogs_ensure_analyst (GtkWidget *widget, CrbProject *project, CrbDialogsReady ready,
                            gpointer user_data, GDestroyNotify destroy)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *name = g_settings_get_string (settings, "analyst-name");
  g_autofree char *suggestion = NULL;
  AnalystQuestion *question;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_if_fail (CRB_IS_PROJECT (project));

  g_strstrip (name);
  if (*name != '\0')
    {
      if (g_strcmp0 (crb_project_get_author (project), name) != 0)
        crb_project_set_author (project, name);
      ready (user_data);
      if (destroy)
        destroy (user_data);
      return;
    }

  question = g_new0 (AnalystQuestion, 1);
  question->project = g_object_ref (project);
  question->ready = ready;
  question->user_data = user_data;
  question->destroy = destroy;

  dialog = adw_message_dialog_new (window_of (widget), _("Your Name as Analyst"),
                                   _("Every claim, note and tag you add records who made it, so "
                                     "that colleagues who share the project can tell your work "
                                     "from theirs. You can change the name in Preferences."));
  suggestion = account_name ();
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Analyst name"), -1);
  question->entry = GTK_ENTRY (entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save",
                                    _("_Continue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (analyst_answered), question,
                         analyst_question_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
crb_dialogs_message (GtkWidget *widget, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (widget), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
