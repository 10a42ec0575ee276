/* crb-similar-view.c
 *
 * Finding a claim in the other sources reads every document's words, so it
 * runs in a GTask thread; a newer search cancels the one in flight and a
 * late result is dropped.  Each match shows its kind, score and source,
 * the passage with the words that differ from the claim marked, and the
 * evidence (figures, names and rare words both use).  Activating a match
 * opens its source at the passage; "Add All to Event…" links the claim and
 * every match to one event in one undoable action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-similar-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crb-chooser-popover.h"
#include "crb-claim.h"
#include "crb-diff-markup.h"
#include "crb-document.h"
#include "crb-event.h"
#include "crb-similar-view.h"
#include "crb-similar.h"

struct _CrbSimilarView
{
  GtkWidget parent_instance;

  CrbProject   *project;
  GCancellable *cancellable;
  char         *claim_uuid;
  GPtrArray    *matches;
  char         *summary;

  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkLabel          *quote_label;
  GtkLabel          *source_label;
  GtkLabel          *summary_label;
  GtkMenuButton     *add_button;
  CrbChooserPopover *chooser;
  GtkListBox        *matches_list;
  GtkLabel          *empty_label;
};

G_DEFINE_FINAL_TYPE (CrbSimilarView, crb_similar_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CrbProject *project;
  char       *claim_uuid;
  CrbClaim   *claim;
  char       *source_title;
  GPtrArray  *matches;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->project);
  g_free (job->claim_uuid);
  g_clear_object (&job->claim);
  g_free (job->source_title);
  g_clear_pointer (&job->matches, g_ptr_array_unref);
  g_free (job);
}

static void
set_summary (CrbSimilarView *self, const char *summary)
{
  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static const char *
kind_label (CrbSimilarKind kind)
{
  switch (kind)
    {
    case CRB_SIMILAR_VERBATIM:
      return _ ("Verbatim copy");
    case CRB_SIMILAR_EDITED:
      return _ ("Edited copy");
    case CRB_SIMILAR_PARAPHRASE:
    default:
      return _ ("Paraphrase");
    }
}

/* The passage with the words that differ from the claim marked. */
static char *
passage_markup (const CrbSimilarMatch *match)
{
  g_autoptr (GArray) shifted = g_array_new (FALSE, FALSE, sizeof (CrbWordDiffRun));

  /* A paraphrase says it in other words: marking them all says nothing. */
  if (match->kind == CRB_SIMILAR_PARAPHRASE)
    return g_markup_escape_text (match->exact, -1);
  for (guint i = 0; match->runs && i < match->runs->len; i++)
    {
      CrbWordDiffRun run = g_array_index (match->runs, CrbWordDiffRun, i);

      if (run.b_start < match->start || run.b_end > match->end)
        continue;
      run.b_start -= match->start;
      run.b_end -= match->start;
      g_array_append_val (shifted, run);
    }
  return crb_diff_markup (match->exact, 0, g_utf8_strlen (match->exact, -1), shifted, TRUE);
}

static void
add_evidence (GPtrArray *parts, const char *label, GPtrArray *items)
{
  g_autoptr (GString) joined = g_string_new (NULL);

  for (guint i = 0; items && i < items->len && i < 6; i++)
    {
      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, g_ptr_array_index (items, i));
    }
  if (joined->len > 0)
    g_ptr_array_add (parts, g_strdup_printf ("%s: %s", label, joined->str));
}

static char *
evidence_text (const CrbSimilarMatch *match)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (match->kind != CRB_SIMILAR_PARAPHRASE)
    /* Translators: "11 of 12 words of the claim in the same order" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u of %u word of the claim in order",
                                                       "%u of %u words of the claim in order",
                                                       match->n_claim_words),
                                             match->n_aligned, match->n_claim_words));
  add_evidence (parts, _ ("Figures"), match->shared_numbers);
  add_evidence (parts, _ ("Names"), match->shared_names);
  add_evidence (parts, _ ("Shared words"), match->shared_words);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
match_row (const CrbSimilarMatch *match, guint index)
{
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget       *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget       *kind = gtk_label_new (kind_label (match->kind));
  GtkWidget       *title = gtk_label_new (match->title);
  GtkWidget       *score = gtk_label_new (NULL);
  GtkWidget       *passage = gtk_label_new (NULL);
  GtkWidget       *evidence = gtk_label_new (NULL);
  g_autofree char *markup = passage_markup (match);
  g_autofree char *details = evidence_text (match);
  g_autofree char *percent = g_strdup_printf (_ ("%.0f%% match"), 100 * match->score);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (kind, "similar-kind");
  gtk_widget_add_css_class (kind, crb_similar_kind_to_string (match->kind));
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_label (GTK_LABEL (score), percent);
  gtk_widget_add_css_class (score, "caption");
  gtk_widget_add_css_class (score, "dim-label");
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), score);

  gtk_label_set_markup (GTK_LABEL (passage), markup);
  gtk_label_set_wrap (GTK_LABEL (passage), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (passage), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (passage), 0);
  gtk_label_set_width_chars (GTK_LABEL (passage), 10);
  gtk_widget_add_css_class (passage, "passage-text");

  gtk_label_set_label (GTK_LABEL (evidence), details);
  gtk_label_set_wrap (GTK_LABEL (evidence), TRUE);
  gtk_label_set_xalign (GTK_LABEL (evidence), 0);
  gtk_widget_add_css_class (evidence, "caption");
  gtk_widget_add_css_class (evidence, "dim-label");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), passage);
  gtk_box_append (GTK_BOX (box), evidence);
  if (match->disagrees)
    {
      GtkWidget *warning = gtk_label_new (_ ("⚠ A figure in this passage differs from the claim"));

      gtk_label_set_xalign (GTK_LABEL (warning), 0);
      gtk_widget_add_css_class (warning, "caption");
      gtk_widget_add_css_class (warning, "warning");
      gtk_box_append (GTK_BOX (box), warning);
    }
  gtk_widget_add_css_class (box, "passage-box");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _ ("Open the source at this passage"));
  /* Translators: "Edited copy in “Title”, 92% match" */
  accessible =
      g_strdup_printf (_ ("%s in “%s”, %s"), kind_label (match->kind), match->title, percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  return row;
}

static void
clear_rows (CrbSimilarView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches_list))))
    gtk_list_box_remove (self->matches_list, child);
}

static void
show_result (CrbSimilarView *self, Job *job)
{
  g_autofree char *summary = NULL;
  g_autofree char *source = NULL;

  clear_rows (self);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_steal_pointer (&job->matches);
  gtk_label_set_label (self->quote_label, crb_claim_get_exact (job->claim));
  /* Translators: where the claim comes from */
  source = g_strdup_printf (_ ("Claim in “%s”"), job->source_title);
  gtk_label_set_label (self->source_label, source);
  for (guint i = 0; i < self->matches->len; i++)
    gtk_list_box_append (self->matches_list, match_row (g_ptr_array_index (self->matches, i), i));
  summary = g_strdup_printf (
      ngettext ("%u Passage in Other Sources", "%u Passages in Other Sources", self->matches->len),
      self->matches->len);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), self->matches->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->matches->len == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "similar.add-to-event", self->matches->len > 0);
  set_summary (self, crb_claim_get_exact (job->claim));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
find_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job    *job = data;
  GError *error = NULL;
  g_autoptr (CrbDocument) document = NULL;

  if (!(job->claim = crb_project_find_claim (job->project, job->claim_uuid, &error)) ||
      !(document = crb_project_find_document (job->project,
                                              crb_claim_get_document_uuid (job->claim), &error)) ||
      !(job->matches = crb_project_find_similar (job->project, job->claim_uuid, 0, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  job->source_title = g_strdup (crb_document_get_title (document));
  g_task_return_boolean (task, TRUE);
}

static void
found (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbSimilarView *self = CRB_SIMILAR_VIEW (source);
  Job            *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->spinner);
      g_clear_object (&self->cancellable);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->cancellable);
  show_result (self, job);
}

void
crb_similar_view_find (CrbSimilarView *self, const char *claim_uuid)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (CRB_IS_SIMILAR_VIEW (self));
  g_return_if_fail (claim_uuid != NULL);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_free (self->claim_uuid);
  self->claim_uuid = g_strdup (claim_uuid);
  if (self->project == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->project = g_object_ref (self->project);
  job->claim_uuid = g_strdup (claim_uuid);
  task = g_task_new (self, self->cancellable, found, NULL);
  g_task_set_source_tag (task, crb_similar_view_find);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, TRUE);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  g_task_run_in_thread (task, find_in_thread);
}

static void
add_to_event_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbSimilarView *self = CRB_SIMILAR_VIEW (widget);
  const char     *event_uuid = g_variant_get_string (parameter, NULL);
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->project == NULL || self->claim_uuid == NULL || self->matches == NULL)
    return;
  if (!(event = crb_project_find_event (self->project, event_uuid, &error)) ||
      !crb_project_link_similar (self->project, self->claim_uuid, self->matches, event_uuid, NULL,
                                 &error))
    {
      gtk_widget_activate_action (widget, "win.toast", "s", error->message);
      return;
    }
  /* Translators: "The claim and 4 passages added to “Dam collapse”" */
  message =
      g_strdup_printf (ngettext ("The claim and %u passage added to “%s”",
                                 "The claim and %u passages added to “%s”", self->matches->len),
                       self->matches->len, crb_event_get_title (event));
  gtk_widget_activate_action (widget, "win.toast-undo", "s", message);
}

static void
chosen (CrbSimilarView *self, const char *event_uuid)
{
  gtk_popover_popdown (GTK_POPOVER (self->chooser));
  gtk_widget_activate_action (GTK_WIDGET (self), "similar.add-to-event", "s", event_uuid);
}

/* The events are listed afresh each time the chooser opens. */
static void
chooser_shown (CrbSimilarView *self)
{
  if (self->project)
    crb_chooser_popover_setup (self->chooser, self->project, CRB_CHOOSER_EVENT, NULL);
}

static void
match_activated (CrbSimilarView *self, GtkListBoxRow *row)
{
  guint                  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  const CrbSimilarMatch *match;

  if (self->matches == NULL || index >= self->matches->len)
    return;
  match = g_ptr_array_index (self->matches, index);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-passage", "(suu)", match->document_uuid,
                              match->start, match->end);
}

static void
crb_similar_view_dispose (GObject *object)
{
  CrbSimilarView *self = CRB_SIMILAR_VIEW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_SIMILAR_VIEW);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->claim_uuid, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (crb_similar_view_parent_class)->dispose (object);
}

static void
crb_similar_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, crb_similar_view_get_summary (CRB_SIMILAR_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_similar_view_class_init (CrbSimilarViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_similar_view_dispose;
  object_class->get_property = crb_similar_view_get_property;

  properties[PROP_SUMMARY] =
      g_param_spec_string ("summary", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRB_TYPE_CHOOSER_POPOVER);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-similar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, quote_label);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, source_label);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, add_button);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, chooser);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, matches_list);
  gtk_widget_class_bind_template_child (widget_class, CrbSimilarView, empty_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "similar");

  gtk_widget_class_install_action (widget_class, "similar.add-to-event", "s", add_to_event_action);
}

static void
crb_similar_view_init (CrbSimilarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->matches_list, "row-activated", G_CALLBACK (match_activated),
                            self);
  g_signal_connect_object (self->chooser, "chosen", G_CALLBACK (chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->chooser, "show", G_CALLBACK (chooser_shown), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "similar.add-to-event", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
}

GtkWidget *
crb_similar_view_new (void)
{
  return g_object_new (CRB_TYPE_SIMILAR_VIEW, NULL);
}

void
crb_similar_view_set_project (CrbSimilarView *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_SIMILAR_VIEW (self));

  if (self->project == project)
    return;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->project, project);
  clear_rows (self);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->claim_uuid, g_free);
  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "similar.add-to-event", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  set_summary (self, NULL);
}

gboolean
crb_similar_view_is_busy (CrbSimilarView *self)
{
  g_return_val_if_fail (CRB_IS_SIMILAR_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

GPtrArray *
crb_similar_view_get_matches (CrbSimilarView *self)
{
  g_return_val_if_fail (CRB_IS_SIMILAR_VIEW (self), NULL);
  return self->matches;
}

const char *
crb_similar_view_get_summary (CrbSimilarView *self)
{
  g_return_val_if_fail (CRB_IS_SIMILAR_VIEW (self), NULL);
  return self->summary ? self->summary : "";
}
