/* crb-comparison-view.c
 *
 * The comparison runs in a GTask thread (alignment of two long texts can
 * take a moment); a newer request cancels the one in flight, and a result
 * that arrives for a request no longer wanted is dropped.  Passages and
 * substitutions are built once per result: rows are plain labels with
 * markup, the word differences marked by crb_diff_markup().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-comparison-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crb-comparison-view.h"
#include "crb-diff-markup.h"
#include "crb-document.h"
#include "crb-labels.h"

struct _CrbComparisonView
{
  GtkWidget parent_instance;

  CrbProject    *project;
  GCancellable  *cancellable;
  char          *document_a;
  char          *document_b;
  CrbComparison *comparison;
  char          *summary;
  GPtrArray     *substitution_rows;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkLabel            *title_a;
  GtkLabel            *title_b;
  GtkLabel            *meta_a;
  GtkLabel            *meta_b;
  GtkLevelBar         *coverage_a_bar;
  GtkLevelBar         *coverage_b_bar;
  GtkLabel            *coverage_a_label;
  GtkLabel            *coverage_b_label;
  GtkLabel            *legend_label;
  AdwPreferencesGroup *substitutions_group;
  GtkLabel            *passages_heading;
  GtkListBox          *passages_list;
};

G_DEFINE_FINAL_TYPE (CrbComparisonView, crb_comparison_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker hands back. */
typedef struct
{
  char          *document_a;
  char          *document_b;
  CrbProject    *project;
  CrbComparison *comparison;
  CrbDocument   *a;
  CrbDocument   *b;
  char          *text_a;
  char          *text_b;
} Job;

static void
job_free (Job *job)
{
  g_free (job->document_a);
  g_free (job->document_b);
  g_clear_object (&job->project);
  g_clear_pointer (&job->comparison, crb_comparison_free);
  g_clear_object (&job->a);
  g_clear_object (&job->b);
  g_free (job->text_a);
  g_free (job->text_b);
  g_free (job);
}

static void
set_summary (CrbComparisonView *self, const char *summary)
{
  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
clear_rows (CrbComparisonView *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->substitution_rows->len; i++)
    adw_preferences_group_remove (self->substitutions_group,
                                  g_ptr_array_index (self->substitution_rows, i));
  g_ptr_array_set_size (self->substitution_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->passages_list))))
    gtk_list_box_remove (self->passages_list, child);
}

static char *
document_meta (CrbDocument *document)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *date = crb_labels_format_date (crb_document_get_published_at (document));

  if (crb_document_get_publisher (document))
    g_ptr_array_add (parts, g_strdup (crb_document_get_publisher (document)));
  if (date)
    g_ptr_array_add (parts, date);
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (crb_labels_document_kind (crb_document_get_kind (document))));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_side (CrbDocument *document, double coverage, guint n_words, GtkLabel *title, GtkLabel *meta,
           GtkLevelBar *bar, GtkLabel *coverage_label)
{
  g_autofree char *details = document_meta (document);
  g_autofree char *share = NULL;

  gtk_label_set_label (title, crb_document_get_title (document));
  gtk_label_set_label (meta, details);
  gtk_level_bar_set_value (bar, coverage);
  /* Translators: "82% of its 640 words are found in the other document" */
  share = g_strdup_printf (ngettext ("%.0f%% of its %u word found in the other",
                                     "%.0f%% of its %u words found in the other", n_words),
                           100 * coverage, n_words);
  gtk_label_set_label (coverage_label, share);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, share, -1);
}

static GtkWidget *
substitution_row (const CrbSubstitution *substitution)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *count = gtk_label_new (NULL);
  g_autofree char *a = g_markup_escape_text (substitution->a, -1);
  g_autofree char *b = g_markup_escape_text (substitution->b, -1);
  g_autofree char *title = g_strdup_printf ("<s>%s</s>  →  <b>%s</b>", a, b);
  g_autofree char *times = g_strdup_printf ("×%u", substitution->count);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  if (substitution->kept > 0)
    /* Translators: how often a copy changed a word, and how often it left it */
    subtitle = g_strdup_printf (
        ngettext ("Replaced %u time, kept %u", "Replaced %u times, kept %u", substitution->count),
        substitution->count, substitution->kept);
  else if (substitution->a_total > 0 && substitution->b_total > 0)
    subtitle = g_strdup_printf (ngettext ("Replaced %u time, throughout: %u in A, %u in B",
                                          "Replaced %u times, throughout: %u in A, %u in B",
                                          substitution->count),
                                substitution->count, substitution->a_total, substitution->b_total);
  else
    subtitle =
        g_strdup_printf (ngettext ("Replaced %u time", "Replaced %u times", substitution->count),
                         substitution->count);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_label (GTK_LABEL (count), times);
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (count, "claim-count");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  /* Translators: "brezhki replaced by nizhny tal: Replaced 3 times" */
  accessible =
      g_strdup_printf (_ ("%s replaced by %s: %s"), substitution->a, substitution->b, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static GtkWidget *
side_label (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_can_focus (label, FALSE);
  gtk_widget_add_css_class (label, "passage-text");
  return label;
}

static GtkWidget *
passage_row (const CrbComparisonPassage *passage, guint number, const char *text_a,
             const char *text_b)
{
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget       *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget       *heading = gtk_label_new (NULL);
  g_autofree char *markup_a =
      crb_diff_markup (text_a, passage->a_start, passage->a_end, passage->runs, FALSE);
  g_autofree char *markup_b =
      crb_diff_markup (text_b, passage->b_start, passage->b_end, passage->runs, TRUE);
  g_autofree char *title = NULL;

  /* Translators: "Passage 2 · 96% identical" */
  title = g_strdup_printf (_ ("Passage %u · %.0f%% identical"), number, 100 * passage->identity);
  gtk_label_set_label (GTK_LABEL (heading), title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), side_label (markup_a));
  gtk_box_append (GTK_BOX (sides), side_label (markup_b));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), sides);
  gtk_widget_add_css_class (box, "passage-box");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _ ("Open document B at this passage"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (row), "passage", (gpointer) passage);
  return row;
}

static void
show_result (CrbComparisonView *self, Job *job)
{
  CrbComparison   *comparison = job->comparison;
  g_autofree char *summary = NULL;
  g_autofree char *heading = NULL;

  clear_rows (self);
  g_clear_pointer (&self->comparison, crb_comparison_free);
  self->comparison = g_steal_pointer (&job->comparison);

  show_side (job->a, comparison->coverage_a, comparison->n_words_a, self->title_a, self->meta_a,
             self->coverage_a_bar, self->coverage_a_label);
  show_side (job->b, comparison->coverage_b, comparison->n_words_b, self->title_b, self->meta_b,
             self->coverage_b_bar, self->coverage_b_label);

  for (guint i = 0; i < comparison->substitutions->len; i++)
    {
      GtkWidget *row = substitution_row (g_ptr_array_index (comparison->substitutions, i));

      adw_preferences_group_add (self->substitutions_group, row);
      g_ptr_array_add (self->substitution_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->substitutions_group),
                          comparison->substitutions->len > 0);

  for (guint i = 0; i < comparison->passages->len; i++)
    gtk_list_box_append (
        self->passages_list,
        passage_row (g_ptr_array_index (comparison->passages, i), i + 1, job->text_a, job->text_b));
  gtk_widget_set_visible (GTK_WIDGET (self->passages_list), comparison->passages->len > 0);
  if (comparison->passages->len == 0)
    heading = g_strdup (_ ("These documents share no text"));
  else
    heading = g_strdup_printf (
        ngettext ("%u Aligned Passage", "%u Aligned Passages", comparison->passages->len),
        comparison->passages->len);
  gtk_label_set_label (self->passages_heading, heading);

  /* Translators: the two documents compared, "Title A and Title B" */
  summary = g_strdup_printf (_ ("%s and %s"), crb_document_get_title (job->a),
                             crb_document_get_title (job->b));
  set_summary (self, summary);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
compare_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job    *job = data;
  GError *error = NULL;

  if ((job->a = crb_project_find_document (job->project, job->document_a, &error)) &&
      (job->b = crb_project_find_document (job->project, job->document_b, &error)) &&
      (job->text_a = crb_project_dup_document_text (job->project, job->document_a, &error)) &&
      (job->text_b = crb_project_dup_document_text (job->project, job->document_b, &error)) &&
      (job->comparison =
           crb_project_compare_documents (job->project, job->document_a, job->document_b, &error)))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
compared (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbComparisonView *self = CRB_COMPARISON_VIEW (source);
  Job               *job = g_task_get_task_data (G_TASK (result));
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
crb_comparison_view_compare (CrbComparisonView *self, const char *document_a,
                             const char *document_b)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (CRB_IS_COMPARISON_VIEW (self));
  g_return_if_fail (document_a != NULL && document_b != NULL);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->comparison, crb_comparison_free);
  g_free (self->document_a);
  g_free (self->document_b);
  self->document_a = g_strdup (document_a);
  self->document_b = g_strdup (document_b);
  if (self->project == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->project = g_object_ref (self->project);
  job->document_a = g_strdup (document_a);
  job->document_b = g_strdup (document_b);
  task = g_task_new (self, self->cancellable, compared, NULL);
  g_task_set_source_tag (task, crb_comparison_view_compare);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* A result that comes after a newer request is not shown. */
  g_task_set_return_on_cancel (task, TRUE);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  g_task_run_in_thread (task, compare_in_thread);
}

static void
swap_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbComparisonView *self = CRB_COMPARISON_VIEW (widget);
  g_autofree char   *a = g_strdup (self->document_a);
  g_autofree char   *b = g_strdup (self->document_b);

  if (a && b)
    crb_comparison_view_compare (self, b, a);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbComparisonView *self = CRB_COMPARISON_VIEW (widget);
  const char        *uuid = g_variant_get_boolean (parameter) ? self->document_b : self->document_a;

  if (uuid)
    gtk_widget_activate_action (widget, "win.open-passage", "(suu)", uuid, 0, 0);
}

static void
passage_activated (CrbComparisonView *self, GtkListBoxRow *row)
{
  const CrbComparisonPassage *passage = g_object_get_data (G_OBJECT (row), "passage");

  if (passage && self->document_b)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-passage", "(suu)", self->document_b,
                                passage->b_start, passage->b_end);
}

static void
crb_comparison_view_dispose (GObject *object)
{
  CrbComparisonView *self = CRB_COMPARISON_VIEW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_COMPARISON_VIEW);
  g_clear_pointer (&self->substitution_rows, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, crb_comparison_free);
  g_clear_pointer (&self->document_a, g_free);
  g_clear_pointer (&self->document_b, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (crb_comparison_view_parent_class)->dispose (object);
}

static void
crb_comparison_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, crb_comparison_view_get_summary (CRB_COMPARISON_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_comparison_view_class_init (CrbComparisonViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_comparison_view_dispose;
  object_class->get_property = crb_comparison_view_get_property;

  properties[PROP_SUMMARY] =
      g_param_spec_string ("summary", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, title_a);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, title_b);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, meta_a);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, meta_b);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, coverage_a_bar);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, coverage_b_bar);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, coverage_a_label);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, coverage_b_label);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, legend_label);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, substitutions_group);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, passages_heading);
  gtk_widget_class_bind_template_child (widget_class, CrbComparisonView, passages_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparison");

  gtk_widget_class_install_action (widget_class, "comparison.swap", NULL, swap_action);
  gtk_widget_class_install_action (widget_class, "comparison.open", "b", open_action);
}

static void
crb_comparison_view_init (CrbComparisonView *self)
{
  g_autofree char *legend = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->substitution_rows = g_ptr_array_new ();
  /* Translators: the legend of the word marks: "struck through: only in A" … */
  legend = g_markup_printf_escaped (
      "<span strikethrough=\"true\" bgcolor=\"#e01b24\" bgalpha=\"22%%\">%s</span> %s     "
      "<span underline=\"single\" bgcolor=\"#2ec27e\" bgalpha=\"26%%\">%s</span> %s     "
      "<span underline=\"double\" bgcolor=\"#e5a50a\" bgalpha=\"30%%\">%s</span> %s",
      _ ("Struck through"), _ ("only in A"), _ ("Underlined"), _ ("only in B"), _ ("Replaced"),
      _ ("words: bold in A, double underline in B"));
  gtk_label_set_markup (self->legend_label, legend);
  g_signal_connect_swapped (self->passages_list, "row-activated", G_CALLBACK (passage_activated),
                            self);
  gtk_stack_set_visible_child_name (self->stack, "busy");
}

GtkWidget *
crb_comparison_view_new (void)
{
  return g_object_new (CRB_TYPE_COMPARISON_VIEW, NULL);
}

void
crb_comparison_view_set_project (CrbComparisonView *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_COMPARISON_VIEW (self));

  if (self->project == project)
    return;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->project, project);
  clear_rows (self);
  g_clear_pointer (&self->comparison, crb_comparison_free);
  g_clear_pointer (&self->document_a, g_free);
  g_clear_pointer (&self->document_b, g_free);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  set_summary (self, NULL);
}

const CrbComparison *
crb_comparison_view_get_comparison (CrbComparisonView *self)
{
  g_return_val_if_fail (CRB_IS_COMPARISON_VIEW (self), NULL);
  return self->comparison;
}

gboolean
crb_comparison_view_is_busy (CrbComparisonView *self)
{
  g_return_val_if_fail (CRB_IS_COMPARISON_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

const char *
crb_comparison_view_get_summary (CrbComparisonView *self)
{
  g_return_val_if_fail (CRB_IS_COMPARISON_VIEW (self), NULL);
  return self->summary ? self->summary : "";
}
