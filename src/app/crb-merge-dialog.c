/* crb-merge-dialog.c
 *
 * A merge is one undoable action of the core, run in its worker thread.
 * The dialog tells what came in, in the analyst's words, and lists the
 * fields that both analysts changed side by side: the record holds the
 * later change until the analyst picks one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-labels.h"
#include "crb-merge-dialog-private.h"

struct _CrbMergeDialog
{
  AdwWindow parent_instance;

  CrbProject     *project;
  gboolean        merging;
  gboolean        cancelled;
  gulong          changed_id;
  char           *other_name;
  CrbMergeSummary summary;
  gboolean        merged;
  guint           n_conflicts;

  AdwWindowTitle     *window_title;
  GtkWidget          *back_button;
  GtkStack           *stack;
  AdwStatusPage      *progress_page;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  AdwPreferencesPage *summary_page;
  GtkBox             *review_box;
};

G_DEFINE_FINAL_TYPE (CrbMergeDialog, crb_merge_dialog, ADW_TYPE_WINDOW)

enum
{
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crb_merge_dialog_dispose (GObject *object)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (object);

  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_MERGE_DIALOG);
  g_clear_object (&self->project);
  g_clear_pointer (&self->other_name, g_free);
  G_OBJECT_CLASS (crb_merge_dialog_parent_class)->dispose (object);
}

static void
show_page (CrbMergeDialog *self, const char *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "progress"));
  gtk_widget_set_visible (self->back_button, self->merged && (g_str_equal (page, "review") ||
                                                              g_str_equal (page, "reviewed")));
  if (g_str_equal (page, "review") || g_str_equal (page, "reviewed"))
    {
      g_autofree char *left = g_strdup_printf (
          ngettext ("%u conflict left", "%u conflicts left", self->n_conflicts), self->n_conflicts);

      adw_window_title_set_title (self->window_title, _ ("Review Merge Conflicts"));
      adw_window_title_set_subtitle (self->window_title, self->n_conflicts ? left : "");
    }
  else
    {
      adw_window_title_set_title (self->window_title, _ ("Merge a Colleague’s Project"));
      adw_window_title_set_subtitle (self->window_title, self->other_name ? self->other_name : "");
    }
}

/* Summary */

static GtkWidget *
count_row (const char *title, guint count, const char *subtitle)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget       *label = gtk_label_new (number);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static const char *
kind_title (CrbMergeKind kind)
{
  switch (kind)
    {
    case CRB_MERGE_DOCUMENTS:
      return _ ("Sources");
    case CRB_MERGE_REVISIONS:
      return _ ("Revisions of sources");
    case CRB_MERGE_TAGS:
      return _ ("Tags");
    case CRB_MERGE_CLAIMS:
      return _ ("Claims, highlights and questions");
    case CRB_MERGE_CLAIM_TAGS:
      return _ ("Tags given to claims");
    case CRB_MERGE_ENTITIES:
      return _ ("Entities");
    case CRB_MERGE_ALIASES:
      return _ ("Aliases of entities");
    case CRB_MERGE_CLAIM_ENTITIES:
      return _ ("Entities linked to claims");
    case CRB_MERGE_MENTIONS:
      return _ ("Mentions of entities");
    case CRB_MERGE_EVENTS:
      return _ ("Events");
    case CRB_MERGE_FACETS:
      return _ ("Facets of events");
    case CRB_MERGE_EVENT_CLAIMS:
      return _ ("Claims added to events");
    case CRB_MERGE_RELATIONS:
      return _ ("Relations between sources");
    case CRB_MERGE_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static AdwPreferencesGroup *
add_group (CrbMergeDialog *self, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->summary_page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
fill_summary (CrbMergeDialog *self)
{
  const CrbMergeSummary *summary = &self->summary;
  AdwPreferencesGroup   *group = NULL;
  g_autofree char       *title = g_strdup_printf (_ ("Merged “%s”"), self->other_name);
  guint                  placed =
      summary->reanchored - MIN (summary->reanchored, summary->ambiguous + summary->orphaned);
  gboolean anything = summary->updated || summary->deleted || summary->same_documents ||
                      summary->lost_edits || summary->reanchored || summary->conflicts;

  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    anything |= summary->added[k] > 0;
  group = add_group (self, title,
                     anything ? _ ("The merge is one step: Undo in the main menu takes all of it "
                                   "back.")
                              : _ ("Nothing new: this project already holds everything in the "
                                   "other one."));

  if (summary->conflicts)
    {
      g_autofree char *text =
          g_strdup_printf (ngettext ("%u field was changed by both of you",
                                     "%u fields were changed by both of you", summary->conflicts),
                           summary->conflicts);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Review…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _ ("Each holds the later change until you pick one"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "merge.review");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (group, row);
    }

  group = NULL;
  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    if (summary->added[k])
      {
        if (group == NULL)
          group = add_group (self, _ ("Added"), NULL);
        adw_preferences_group_add (group, count_row (kind_title (k), summary->added[k], NULL));
      }

  group = NULL;
  if (summary->updated || summary->deleted || summary->same_documents || summary->lost_edits)
    group = add_group (self, _ ("Changed"), NULL);
  if (summary->updated)
    adw_preferences_group_add (
        group, count_row (_ ("Records updated with their changes"), summary->updated, NULL));
  if (summary->deleted)
    adw_preferences_group_add (group, count_row (_ ("Deletions honoured"), summary->deleted,
                                                 _ ("Records they deleted are deleted here too")));
  if (summary->same_documents)
    adw_preferences_group_add (group,
                               count_row (_ ("Sources both projects had"), summary->same_documents,
                                          _ ("Kept once, with both sets of claims")));
  if (summary->lost_edits)
    adw_preferences_group_add (group,
                               count_row (_ ("Edits to deleted records"), summary->lost_edits,
                                          _ ("Not applied: the other side deleted the record")));

  if (summary->reanchored)
    {
      group = add_group (self, _ ("Re-anchored Claims"),
                         _ ("Claims made on another revision of a source, placed in its current "
                            "text"));
      if (placed)
        adw_preferences_group_add (group,
                                   count_row (crb_labels_anchor_status ("moved"), placed, NULL));
      if (summary->ambiguous)
        adw_preferences_group_add (
            group, count_row (crb_labels_anchor_status ("ambiguous"), summary->ambiguous, NULL));
      if (summary->orphaned)
        adw_preferences_group_add (
            group, count_row (crb_labels_anchor_status ("orphaned"), summary->orphaned, NULL));
    }
}

/* The core's merge runs to its end once started: cancelling takes the
 * finished merge back with its own undo step (the dialog is modal, so no
 * other step can come between). */
static void
take_back (CrbMergeDialog *self)
{
  g_autofree char *label = crb_project_dup_undo_label (self->project);
  g_autoptr (GError) error = NULL;

  if (label == NULL || !g_str_has_prefix (label, "Merge “"))
    return;
  if (!crb_project_undo (self->project, NULL, &error))
    g_warning ("Could not take back a cancelled merge: %s", error->message);
}

static void
merged (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CrbMergeDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok = crb_project_merge_finish (CRB_PROJECT (source), result, &self->summary, &error);

  self->merging = FALSE;
  /* Destroyed meanwhile (its project's window closed). */
  if (self->project == NULL)
    return;
  if (self->cancelled)
    {
      if (ok)
        take_back (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (!ok)
    {
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
      return;
    }
  self->merged = TRUE;
  fill_summary (self);
  show_page (self, "summary");
  g_signal_emit (self, signals[MERGED], 0);
}

void
crb_merge_dialog_merge (CrbMergeDialog *self, const char *other_path)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CRB_IS_MERGE_DIALOG (self));
  g_return_if_fail (other_path != NULL);
  g_return_if_fail (!self->merged);

  g_free (self->other_name);
  self->other_name = g_filename_display_basename (other_path);
  description = g_strdup_printf (_ ("Bringing in the work in “%s”. Your project stays as it is "
                                    "until the merge is complete."),
                                 self->other_name);
  adw_status_page_set_description (self->progress_page, description);
  show_page (self, "progress");
  self->merging = TRUE;
  crb_project_merge_async (self->project, other_path, NULL, merged, g_object_ref (self));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (widget);

  if (!self->merging)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->cancelled = TRUE;
  adw_status_page_set_title (self->progress_page, _ ("Cancelling…"));
  adw_status_page_set_description (self->progress_page,
                                   _ ("The merge is taken back as soon as it has finished."));
  gtk_widget_action_set_enabled (widget, "merge.cancel", FALSE);
}

static gboolean
crb_merge_dialog_close_request (GtkWindow *window)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (window);

  /* Closing while merging is cancelling; the window goes when it is done. */
  if (self->merging)
    {
      if (!self->cancelled)
        cancel_action (GTK_WIDGET (self), "merge.cancel", NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (crb_merge_dialog_parent_class)->close_request (window);
}

/* Review */

static void
reload_review (CrbMergeDialog *self)
{
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))))
    gtk_box_remove (self->review_box, child);
  if (!(conflicts = crb_project_list_merge_conflicts (self->project, FALSE, &error)))
    {
      adw_status_page_set_title (self->error_page, _ ("Could Not Read the Merge Conflicts"));
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
      return;
    }
  self->n_conflicts = conflicts->len;
  for (guint i = 0; i < conflicts->len; i++)
    gtk_box_append (self->review_box,
                    _crb_merge_conflict_widget (self->project, g_ptr_array_index (conflicts, i)));
  show_page (self, conflicts->len ? "review" : "reviewed");
}

void
crb_merge_dialog_review (CrbMergeDialog *self)
{
  g_return_if_fail (CRB_IS_MERGE_DIALOG (self));
  reload_review (self);
}

static void
review_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  crb_merge_dialog_review (CRB_MERGE_DIALOG (widget));
}

static void
show_summary_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (widget);

  if (self->merged)
    show_page (self, "summary");
}

static void
resolve_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  const char *conflict;
  gboolean    take_other;

  g_variant_get (parameter, "(&sb)", &conflict, &take_other);
  if (!crb_project_resolve_merge_conflict (self->project, conflict, take_other, &error))
    {
      adw_status_page_set_title (self->error_page, _ ("Could Not Keep the Choice"));
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
      return;
    }
  /* The project's "changed" handler has reloaded the list. */
}

static void
project_changed (CrbMergeDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  /* A pick, or an undo in the main window, changes what is left. */
  if (g_str_equal (page, "review") || g_str_equal (page, "reviewed"))
    reload_review (self);
}

static void
crb_merge_dialog_class_init (CrbMergeDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_merge_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = crb_merge_dialog_close_request;

  /* The merge is complete (and undoable in the project's window). */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, summary_page);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, review_box);

  gtk_widget_class_install_action (widget_class, "merge.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "merge.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "merge.show-summary", NULL, show_summary_action);
  gtk_widget_class_install_action (widget_class, "merge.resolve", "(sb)", resolve_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_merge_dialog_init (CrbMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrbMergeDialog *
crb_merge_dialog_new (CrbProject *project)
{
  CrbMergeDialog *self;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  self = g_object_new (CRB_TYPE_MERGE_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->changed_id =
      g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed), self);
  return self;
}

const char *
crb_merge_dialog_get_page (CrbMergeDialog *self)
{
  g_return_val_if_fail (CRB_IS_MERGE_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const CrbMergeSummary *
crb_merge_dialog_get_summary (CrbMergeDialog *self)
{
  g_return_val_if_fail (CRB_IS_MERGE_DIALOG (self), NULL);
  return self->merged ? &self->summary : NULL;
}

guint
crb_merge_dialog_get_n_conflicts (CrbMergeDialog *self)
{
  g_return_val_if_fail (CRB_IS_MERGE_DIALOG (self), 0);
  return self->n_conflicts;
}
