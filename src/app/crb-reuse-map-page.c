/* crb-reuse-map-page.c
 *
 * The page observes the window's CrbReuseMap: the list is bound to it as a
 * list model and the graph follows its ::changed.  Decisions go through
 * crb_reuse_map_review(), one undoable action each, offered with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reuse-map-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crb-reuse-map-page.h"

struct _CrbReuseMapPage
{
  GtkWidget parent_instance;

  CrbReuseMap *map;
  char        *summary;

  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkScrolledWindow *scroller;
  GtkLabel          *summary_label;
  GtkSpinner        *busy_spinner;
  CrbReuseGraph     *graph;
  GtkLabel          *legend_label;
  GtkListBox        *relations_list;
};

G_DEFINE_FINAL_TYPE (CrbReuseMapPage, crb_reuse_map_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "“Courier” copies “Wire”", as the analyst reads a relation. */
static char *
link_sentence (CrbReuseLink *link)
{
  const char *kind = crb_reuse_link_get_kind (link);
  const char *from = crb_reuse_link_get_from_title (link);
  const char *to = crb_reuse_link_get_to_title (link);

  if (!crb_reuse_link_get_direction_known (link))
    return g_str_equal (kind, "cites")
               /* Translators: two sources' titles */
               ? g_strdup_printf (_ ("“%s” and “%s” share passages"), from, to)
               : g_strdup_printf (_ ("“%s” and “%s” are near copies"), from, to);
  /* Translators: "“later source” copies “earlier source”" */
  if (g_str_equal (kind, "copies"))
    return g_strdup_printf (_ ("“%s” copies “%s”"), from, to);
  if (g_str_equal (kind, "cites"))
    return g_strdup_printf (_ ("“%s” quotes “%s”"), from, to);
  if (g_str_equal (kind, "translates"))
    return g_strdup_printf (_ ("“%s” translates “%s”"), from, to);
  if (g_str_equal (kind, "summarises"))
    return g_strdup_printf (_ ("“%s” summarises “%s”"), from, to);
  if (g_str_equal (kind, "updates"))
    return g_strdup_printf (_ ("“%s” updates “%s”"), from, to);
  return g_strdup_printf (_ ("“%s” takes text from “%s”"), from, to);
}

static const char *
status_label (CrbReuseLink *link)
{
  const char *status = crb_reuse_link_get_status (link);

  if (g_str_equal (status, "confirmed"))
    return _ ("Confirmed");
  if (g_str_equal (status, "rejected"))
    return _ ("Rejected");
  return _ ("Suggested");
}

static char *
link_evidence (CrbReuseLink *link)
{
  guint            n_passages = 0;
  g_autofree char *shares = NULL;
  g_autofree char *passages = NULL;
  double           from = 100 * crb_reuse_link_get_from_coverage (link);
  double           to = 100 * crb_reuse_link_get_to_coverage (link);

  crb_reuse_link_get_passages (link, &n_passages);
  if (!crb_reuse_link_get_direction_known (link))
    /* Translators: the shares of two sources' words found in each other */
    shares = g_strdup_printf (_ ("%.0f%% and %.0f%% of their words shared"), from, to);
  else if (g_str_equal (crb_reuse_link_get_kind (link), "cites"))
    shares =
        g_strdup_printf (_ ("Quotes %.0f%% of the original, which makes %.0f%% of it"), to, from);
  else
    shares =
        g_strdup_printf (_ ("Repeats %.0f%% of the original, which makes %.0f%% of it"), to, from);
  passages = g_strdup_printf (ngettext ("%u passage", "%u passages", n_passages), n_passages);
  return g_strdup_printf ("%s · %s · %s", shares, passages, status_label (link));
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action, CrbReuseLink *link)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)",
                                    crb_reuse_link_get_from_uuid (link),
                                    crb_reuse_link_get_to_uuid (link));
  return button;
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  CrbReuseLink    *link = item;
  GtkWidget       *row = adw_expander_row_new ();
  GtkWidget       *reason = adw_action_row_new ();
  GtkWidget       *reverse = gtk_button_new_with_mnemonic (_ ("Confirm the _Other Way Round"));
  g_autofree char *title = link_sentence (link);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *evidence = link_evidence (link);
  const char      *status = crb_reuse_link_get_status (link);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), evidence);
  /* Each action goes before the ones added earlier: Compare comes first. */
  if (!g_str_equal (status, "rejected"))
    adw_expander_row_add_action (
        ADW_EXPANDER_ROW (row),
        icon_button ("window-close-symbolic", _ ("Reject"), "reuse.reject", link));
  if (!g_str_equal (status, "confirmed"))
    adw_expander_row_add_action (
        ADW_EXPANDER_ROW (row),
        icon_button ("object-select-symbolic", _ ("Confirm"), "reuse.confirm", link));
  adw_expander_row_add_action (
      ADW_EXPANDER_ROW (row),
      icon_button ("view-dual-symbolic", _ ("Compare Side by Side"), "reuse.compare", link));
  if (g_str_equal (status, "rejected"))
    gtk_widget_add_css_class (row, "dim-label");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _ ("Why"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (reason), crb_reuse_link_get_reason (link));
  gtk_widget_set_valign (reverse, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reverse), "reuse.confirm-reversed");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reverse), "(ss)",
                                    crb_reuse_link_get_from_uuid (link),
                                    crb_reuse_link_get_to_uuid (link));
  gtk_widget_set_tooltip_text (reverse, _ ("The first source is the original: record the relation "
                                           "the other way round"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (reason), reverse);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason);
  g_object_set_data_full (G_OBJECT (row), "link", g_object_ref (link), g_object_unref);
  return row;
}

static void
set_summary (CrbReuseMapPage *self, const char *summary)
{
  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
update (CrbReuseMapPage *self)
{
  guint            n = self->map ? g_list_model_get_n_items (G_LIST_MODEL (self->map)) : 0;
  gboolean         busy = self->map && crb_reuse_map_get_busy (self->map);
  guint            n_documents = crb_reuse_graph_get_n_nodes (self->graph);
  guint            n_drawn = 0;
  g_autofree char *relations = NULL;
  g_autofree char *summary = NULL;

  gtk_spinner_set_spinning (self->spinner, busy && n == 0);
  gtk_spinner_set_spinning (self->busy_spinner, busy && n > 0);
  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, busy ? "busy" : "empty");
      set_summary (self, NULL);
      return;
    }
  relations = g_strdup_printf (ngettext ("%u relation", "%u relations", n), n);
  /* Translators: "3 relations among 4 sources" */
  summary = g_strdup_printf (ngettext ("%s among %u source", "%s among %u sources", n_documents),
                             relations, n_documents);
  set_summary (self, summary);
  /* The graph keeps to the strongest relations; the list has them all. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrbReuseLink) link = g_list_model_get_item (G_LIST_MODEL (self->map), i);

      n_drawn += !g_str_equal (crb_reuse_link_get_status (link), "rejected");
    }
  if (n_drawn > crb_reuse_graph_get_n_edges (self->graph))
    {
      g_autofree char *shown =
          g_strdup_printf (ngettext ("%s (the graph shows the strongest %u)",
                                     "%s (the graph shows the strongest %u)",
                                     crb_reuse_graph_get_n_edges (self->graph)),
                           summary, crb_reuse_graph_get_n_edges (self->graph));

      gtk_label_set_label (self->summary_label, shown);
    }
  else
    gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "map");
}

static CrbReuseLink *
parameter_link (CrbReuseMapPage *self, GVariant *parameter)
{
  const char *from, *to;

  if (self->map == NULL)
    return NULL;
  g_variant_get (parameter, "(&s&s)", &from, &to);
  return crb_reuse_map_find_link (self->map, from, to);
}

static void
review (CrbReuseMapPage *self, GVariant *parameter, const char *status, gboolean reverse)
{
  g_autoptr (CrbReuseLink) link = parameter_link (self, parameter);
  g_autoptr (GError) error = NULL;

  if (link == NULL)
    return;
  if (!crb_reuse_map_review (self->map, link, status, reverse, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s",
                                g_str_equal (status, "rejected") ? _ ("Relation rejected")
                                                                 : _ ("Relation confirmed"));
}

static void
confirm_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  review (CRB_REUSE_MAP_PAGE (widget), parameter, "confirmed", FALSE);
}

static void
confirm_reversed_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  review (CRB_REUSE_MAP_PAGE (widget), parameter, "confirmed", TRUE);
}

static void
reject_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  review (CRB_REUSE_MAP_PAGE (widget), parameter, "rejected", FALSE);
}

static void
compare_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (CrbReuseLink) link = parameter_link (CRB_REUSE_MAP_PAGE (widget), parameter);

  /* The original on the left, the document that takes from it on the right. */
  if (link)
    gtk_widget_activate_action (widget, "win.compare-documents", "(ss)",
                                crb_reuse_link_get_to_uuid (link),
                                crb_reuse_link_get_from_uuid (link));
}

/* A click on an edge opens its row in the list. */
static void
graph_link_activated (CrbReuseMapPage *self, CrbReuseLink *link, gboolean compare)
{
  if (compare)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "reuse.compare", "(ss)",
                                  crb_reuse_link_get_from_uuid (link),
                                  crb_reuse_link_get_to_uuid (link));
      return;
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->relations_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      CrbReuseLink *shown = g_object_get_data (G_OBJECT (row), "link");

      if (shown &&
          g_str_equal (crb_reuse_link_get_from_uuid (shown), crb_reuse_link_get_from_uuid (link)) &&
          g_str_equal (crb_reuse_link_get_to_uuid (shown), crb_reuse_link_get_to_uuid (link)))
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_widget_grab_focus (row);
          return;
        }
    }
}

static void
graph_document_activated (CrbReuseMapPage *self, const char *uuid)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-passage", "(suu)", uuid, 0, 0);
}

static void
crb_reuse_map_page_dispose (GObject *object)
{
  CrbReuseMapPage *self = CRB_REUSE_MAP_PAGE (object);

  crb_reuse_map_page_set_map (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_REUSE_MAP_PAGE);
  g_clear_pointer (&self->summary, g_free);
  G_OBJECT_CLASS (crb_reuse_map_page_parent_class)->dispose (object);
}

static void
crb_reuse_map_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, crb_reuse_map_page_get_summary (CRB_REUSE_MAP_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_reuse_map_page_class_init (CrbReuseMapPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_reuse_map_page_dispose;
  object_class->get_property = crb_reuse_map_page_get_property;

  properties[PROP_SUMMARY] =
      g_param_spec_string ("summary", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRB_TYPE_REUSE_GRAPH);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-reuse-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbReuseMapPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbReuseMapPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrbReuseMapPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrbReuseMapPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrbReuseMapPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, CrbReuseMapPage, graph);
  gtk_widget_class_bind_template_child (widget_class, CrbReuseMapPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, CrbReuseMapPage, relations_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reusemap");

  gtk_widget_class_install_action (widget_class, "reuse.compare", "(ss)", compare_action);
  gtk_widget_class_install_action (widget_class, "reuse.confirm", "(ss)", confirm_action);
  gtk_widget_class_install_action (widget_class, "reuse.confirm-reversed", "(ss)",
                                   confirm_reversed_action);
  gtk_widget_class_install_action (widget_class, "reuse.reject", "(ss)", reject_action);
}

static void
crb_reuse_map_page_init (CrbReuseMapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_label (
      self->legend_label,
      _ ("Arrows point from the original to the source that takes its text; "
         "solid lines are copies, dashed lines quotations, grey lines pairs whose "
         "order is unknown. Figures: share of the original repeated. Double-click "
         "a source to read it; click a line for its evidence, double-click it to compare."));
  g_signal_connect_swapped (self->graph, "link-activated", G_CALLBACK (graph_link_activated), self);
  g_signal_connect_swapped (self->graph, "document-activated",
                            G_CALLBACK (graph_document_activated), self);
  update (self);
}

GtkWidget *
crb_reuse_map_page_new (void)
{
  return g_object_new (CRB_TYPE_REUSE_MAP_PAGE, NULL);
}

void
crb_reuse_map_page_set_map (CrbReuseMapPage *self, CrbReuseMap *map)
{
  g_return_if_fail (CRB_IS_REUSE_MAP_PAGE (self));

  if (self->map == map)
    return;
  if (self->map)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_set_object (&self->map, map);
  crb_reuse_graph_set_map (self->graph, map);
  gtk_list_box_bind_model (self->relations_list, G_LIST_MODEL (map), map ? create_row : NULL, self,
                           NULL);
  if (map)
    {
      /* After the graph, which connected first: the summary counts its nodes. */
      g_signal_connect_swapped (map, "changed", G_CALLBACK (update), self);
      g_signal_connect_swapped (map, "notify::busy", G_CALLBACK (update), self);
    }
  update (self);
}

CrbReuseGraph *
crb_reuse_map_page_get_graph (CrbReuseMapPage *self)
{
  g_return_val_if_fail (CRB_IS_REUSE_MAP_PAGE (self), NULL);
  return self->graph;
}

const char *
crb_reuse_map_page_get_summary (CrbReuseMapPage *self)
{
  g_return_val_if_fail (CRB_IS_REUSE_MAP_PAGE (self), NULL);
  return self->summary ? self->summary : "";
}
