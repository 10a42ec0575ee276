/* crb-search-view.c
 *
 * Searching runs in a GTask thread (the project serialises its one
 * connection), and a newer query cancels the one in flight, so typing
 * never waits for the index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-search-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crb-search-view.h"
#include "crb-search.h"

#define MAX_RESULTS 100

struct _CrbSearchView
{
  GtkWidget      parent_instance;

  CrbProject    *project;
  GCancellable  *cancellable;
  GPtrArray     *hits;
  char          *summary;
  guint          searching;

  GtkStack      *stack;
  GtkLabel      *summary_label;
  GtkListBox    *results_list;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (CrbSearchView, crb_search_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crb_search_view_dispose (GObject *object)
{
  CrbSearchView *self = CRB_SEARCH_VIEW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_SEARCH_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  G_OBJECT_CLASS (crb_search_view_parent_class)->dispose (object);
}

static void
crb_search_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, crb_search_view_get_summary (CRB_SEARCH_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
row_activated (CrbSearchView *self, GtkListBoxRow *row)
{
  CrbSearchHit *hit;
  int index = gtk_list_box_row_get_index (row);

  if (self->hits == NULL || index < 0 || (guint) index >= self->hits->len)
    return;
  hit = g_ptr_array_index (self->hits, index);
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit->document_uuid, hit->claim_uuid,
                 hit->snippet);
}

static void
crb_search_view_class_init (CrbSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_search_view_dispose;
  object_class->get_property = crb_search_view_get_property;

  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrbSearchView::hit-activated:
   * @document_uuid: the source of the hit
   * @claim_uuid: (nullable): the claim whose quote or note matched
   * @snippet: the snippet, with the match between CRB_SEARCH_MARK_START/_END
   */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                         G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbSearchView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrbSearchView, results_list);
  gtk_widget_class_bind_template_child (widget_class, CrbSearchView, error_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crb_search_view_init (CrbSearchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->results_list, "row-activated", G_CALLBACK (row_activated), self);
}

GtkWidget *
crb_search_view_new (void)
{
  return g_object_new (CRB_TYPE_SEARCH_VIEW, NULL);
}

static void
set_summary (CrbSearchView *self, const char *summary)
{
  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  gtk_label_set_label (self->summary_label, summary ? summary : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
clear_results (CrbSearchView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))))
    gtk_list_box_remove (self->results_list, child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
}

void
crb_search_view_set_project (CrbSearchView *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_SEARCH_VIEW (self));

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->project, project);
  clear_results (self);
  set_summary (self, NULL);
}

static GtkWidget *
result_row (CrbSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (hit->title);
  GtkWidget *snippet = gtk_label_new (NULL);
  g_autofree char *markup = crb_search_hit_format_snippet (hit, "<b>", "</b>", TRUE);
  g_autofree char *plain = crb_search_hit_format_snippet (hit, "", "", FALSE);
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  if (hit->claim_uuid)
    {
      GtkWidget *badge = gtk_label_new (_("Claim or note"));

      gtk_widget_add_css_class (badge, "caption");
      gtk_widget_add_css_class (badge, "hit-badge");
      gtk_box_append (GTK_BOX (header), badge);
    }
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (snippet, "search-snippet");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  accessible = g_strdup_printf ("%s: %s", hit->title, plain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

typedef struct
{
  CrbProject *project;
  char       *query;
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_clear_object (&job->project);
  g_free (job->query);
  g_free (job);
}

static void
search_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SearchJob *job = data;
  GError *error = NULL;
  GPtrArray *hits;

  if (g_task_return_error_if_cancelled (task))
    return;
  hits = crb_project_search (job->project, job->query, MAX_RESULTS, &error);
  if (hits)
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
searched (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbSearchView *self = CRB_SEARCH_VIEW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *summary = NULL;

  self->searching--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_results (self);
  if (hits == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_summary (self, NULL);
      return;
    }
  if (hits->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_summary (self, _("No results"));
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results_list, result_row (g_ptr_array_index (hits, i)));
  self->hits = g_steal_pointer (&hits);
  summary = g_strdup_printf (ngettext ("%u result", "%u results", self->hits->len),
                             self->hits->len);
  set_summary (self, summary);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

void
crb_search_view_set_query (CrbSearchView *self, const char *query)
{
  g_autoptr (GTask) task = NULL;
  SearchJob *job;

  g_return_if_fail (CRB_IS_SEARCH_VIEW (self));

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project == NULL || query == NULL || *query == '\0')
    {
      clear_results (self);
      set_summary (self, NULL);
      return;
    }

  self->cancellable = g_cancellable_new ();
  job = g_new0 (SearchJob, 1);
  job->project = g_object_ref (self->project);
  job->query = g_strdup (query);
  task = g_task_new (self, self->cancellable, searched, NULL);
  g_task_set_source_tag (task, crb_search_view_set_query);
  g_task_set_task_data (task, job, (GDestroyNotify) search_job_free);
  self->searching++;
  g_task_run_in_thread (task, search_in_thread);
}

const char *
crb_search_view_get_summary (CrbSearchView *self)
{
  g_return_val_if_fail (CRB_IS_SEARCH_VIEW (self), NULL);
  return self->summary ? self->summary : "";
}

guint
crb_search_view_get_n_results (CrbSearchView *self)
{
  g_return_val_if_fail (CRB_IS_SEARCH_VIEW (self), 0);
  return self->hits ? self->hits->len : 0;
}

gboolean
crb_search_view_is_searching (CrbSearchView *self)
{
  g_return_val_if_fail (CRB_IS_SEARCH_VIEW (self), FALSE);
  return self->searching > 0;
}

void
crb_search_view_activate_result (CrbSearchView *self, guint index)
{
  GtkListBoxRow *row;

  g_return_if_fail (CRB_IS_SEARCH_VIEW (self));

  if ((row = gtk_list_box_get_row_at_index (self->results_list, (int) index)))
    row_activated (self, row);
}
