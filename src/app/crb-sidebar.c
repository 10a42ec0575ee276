/* crb-sidebar.c
 *
 * The lists are GtkListViews over GListStores of the project's records,
 * refilled when an action touches their kind of record (CrbProject
 * ::changed).  Sorting and filtering of sources are list models on top,
 * so the rows on screen are the only widgets there are (a project may
 * hold tens of thousands of sources).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "crb-document.h"
#include "crb-edit.h"
#include "crb-entity.h"
#include "crb-event.h"
#include "crb-labels.h"
#include "crb-sidebar.h"
#include "crb-source-details-window.h"
#include "crb-source-row.h"
#include "crb-tag.h"

struct _CrbSidebar
{
  GtkWidget           parent_instance;

  CrbProject         *project;
  CrbReuseMap        *reuse_map; /* marks the sources that copy others */
  gulong              changed_id;
  GListStore         *documents;
  GListStore         *entities;
  GListStore         *events;
  GListStore         *tags;
  GtkCustomSorter    *sorter;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *sort_key;
  char               *filter_text;
  char               *context_document;
  gboolean            selecting;

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkSearchEntry     *filter_entry;
  AdwViewStack       *view_stack;
  GtkStack           *sources_stack;
  GtkListView        *sources_view;
  GtkStack           *entities_stack;
  GtkListView        *entities_view;
  GtkStack           *events_stack;
  GtkListView        *events_view;
  GtkStack           *tags_stack;
  GtkListView        *tags_view;
  GtkPopoverMenu     *context_menu;
};

G_DEFINE_FINAL_TYPE (CrbSidebar, crb_sidebar, GTK_TYPE_WIDGET)

enum
{
  DOCUMENT_ACTIVATED,
  ENTITY_ACTIVATED,
  EVENT_ACTIVATED,
  SEARCH_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crb_sidebar_dispose (GObject *object)
{
  CrbSidebar *self = CRB_SIDEBAR (object);

  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_pointer ((GtkWidget **) &self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_SIDEBAR);
  g_clear_object (&self->project);
  g_clear_object (&self->reuse_map);
  g_clear_object (&self->selection);
  g_clear_object (&self->entities);
  g_clear_object (&self->events);
  g_clear_object (&self->tags);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->filter_text, g_free);
  g_clear_pointer (&self->context_document, g_free);
  G_OBJECT_CLASS (crb_sidebar_parent_class)->dispose (object);
}

static void
crb_sidebar_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CrbSidebar *self = CRB_SIDEBAR (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->context_menu)))
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
crb_sidebar_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                     int *natural, int *minimum_baseline, int *natural_baseline)
{
  gtk_widget_measure (CRB_SIDEBAR (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* Sorting */

static int
compare_strings (const char *a, const char *b)
{
  if (a == NULL || *a == '\0')
    return b == NULL || *b == '\0' ? 0 : 1; /* missing values last */
  if (b == NULL || *b == '\0')
    return -1;
  return g_utf8_collate (a, b);
}

static int
compare_documents (gconstpointer a, gconstpointer b, gpointer user_data)
{
  CrbSidebar *self = user_data;
  CrbDocument *x = (CrbDocument *) a;
  CrbDocument *y = (CrbDocument *) b;
  int result = 0;

  if (g_strcmp0 (self->sort_key, "date") == 0)
    {
      const char *dx = crb_document_get_published_at (x);
      const char *dy = crb_document_get_published_at (y);

      /* Newest first; undated sources last. */
      if (dx && dy)
        result = g_strcmp0 (dy, dx);
      else
        result = compare_strings (dx, dy);
    }
  else if (g_strcmp0 (self->sort_key, "publisher") == 0)
    result = compare_strings (crb_document_get_publisher (x), crb_document_get_publisher (y));
  else if (g_strcmp0 (self->sort_key, "claims") == 0)
    result = (int) crb_document_get_claim_count (y) - (int) crb_document_get_claim_count (x);
  if (result == 0)
    result = compare_strings (crb_document_get_title (x), crb_document_get_title (y));
  return result;
}

static gboolean
filter_document (gpointer item, gpointer user_data)
{
  CrbSidebar *self = user_data;
  CrbDocument *document = item;
  const char *fields[] = { crb_document_get_title (document), crb_document_get_publisher (document),
                           crb_document_get_byline (document), crb_document_get_origin (document) };

  if (self->filter_text == NULL || *self->filter_text == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i])
      {
        g_autofree char *folded = g_utf8_casefold (fields[i], -1);

        if (strstr (folded, self->filter_text))
          return TRUE;
      }
  return FALSE;
}

static void
filter_changed (CrbSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  g_free (self->filter_text);
  self->filter_text = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sort_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbSidebar *self = CRB_SIDEBAR (widget);

  g_free (self->sort_key);
  self->sort_key = g_variant_dup_string (parameter, NULL);
  gtk_widget_action_set_enabled (widget, "sidebar.sort", TRUE);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Refilling the stores */

static void
refill (GListStore *store, GPtrArray *records)
{
  if (records == NULL)
    return;
  /* One splice: the views get one items-changed, not one per record. */
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), records->pdata,
                       records->len);
}

static void
show_list_or_empty (GtkStack *stack, GListStore *store)
{
  gtk_stack_set_visible_child_name (stack, g_list_model_get_n_items (G_LIST_MODEL (store)) > 0
                                               ? "list"
                                               : "empty");
}

static char *
selected_uuid (CrbSidebar *self)
{
  CrbDocument *document = gtk_single_selection_get_selected_item (self->selection);

  return document ? g_strdup (crb_record_get_uuid (CRB_RECORD (document))) : NULL;
}

static void
reload (CrbSidebar *self, CrbChangeFlags changes)
{
  g_autoptr (GError) error = NULL;

  if (self->project == NULL)
    {
      g_list_store_remove_all (self->documents);
      g_list_store_remove_all (self->entities);
      g_list_store_remove_all (self->events);
      g_list_store_remove_all (self->tags);
      return;
    }
  if (changes & (CRB_CHANGE_DOCUMENTS | CRB_CHANGE_CLAIMS))
    {
      g_autoptr (GPtrArray) documents = crb_project_list_documents (self->project, &error);
      g_autofree char *selected = selected_uuid (self);

      self->selecting = TRUE;
      refill (self->documents, documents);
      crb_sidebar_select_document (self, selected);
      self->selecting = FALSE;
      show_list_or_empty (self->sources_stack, self->documents);
    }
  if (changes & (CRB_CHANGE_ENTITIES | CRB_CHANGE_CLAIMS))
    {
      g_autoptr (GPtrArray) entities = crb_project_list_entities (self->project, NULL);

      refill (self->entities, entities);
      show_list_or_empty (self->entities_stack, self->entities);
    }
  if (changes & (CRB_CHANGE_EVENTS | CRB_CHANGE_CLAIMS))
    {
      g_autoptr (GPtrArray) events = crb_project_list_events (self->project, NULL);

      refill (self->events, events);
      show_list_or_empty (self->events_stack, self->events);
    }
  if (changes & (CRB_CHANGE_TAGS | CRB_CHANGE_CLAIMS))
    {
      g_autoptr (GPtrArray) tags = crb_project_list_tags (self->project, NULL);

      refill (self->tags, tags);
      show_list_or_empty (self->tags_stack, self->tags);
    }
  if (error)
    g_warning ("Could not list the sources: %s", error->message);
}

/* Rows */

static void
setup_source (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  gtk_list_item_set_child (item, crb_source_row_new ());
}

static void
bind_source (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  CrbSidebar *self = user_data;

  crb_source_row_set_reuse_map (CRB_SOURCE_ROW (gtk_list_item_get_child (item)), self->reuse_map);
  crb_source_row_set_document (CRB_SOURCE_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
setup_record (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "claim-count");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), count);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "count", count);
  gtk_list_item_set_child (item, box);
}

static void
bind_record (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *record = gtk_list_item_get_item (item);
  GtkImage *icon = g_object_get_data (G_OBJECT (box), "icon");
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkLabel *count = g_object_get_data (G_OBJECT (box), "count");
  g_autofree char *number = NULL;
  g_autofree char *details = NULL;
  guint claims = 0;

  if (CRB_IS_ENTITY (record))
    {
      gtk_image_set_from_icon_name (icon, crb_labels_entity_icon (crb_entity_get_kind (CRB_ENTITY (record))));
      gtk_label_set_label (title, crb_entity_get_name (CRB_ENTITY (record)));
      details = g_strdup (crb_labels_entity_kind (crb_entity_get_kind (CRB_ENTITY (record))));
      claims = crb_entity_get_claim_count (CRB_ENTITY (record));
      gtk_widget_set_margin_start (box, 0);
    }
  else if (CRB_IS_EVENT (record))
    {
      CrbEvent *event = CRB_EVENT (record);
      guint sources = crb_event_get_document_count (event);

      gtk_image_set_from_icon_name (icon, "x-office-calendar-symbolic");
      gtk_label_set_label (title, crb_event_get_title (event));
      details = crb_labels_format_date (crb_event_get_date_start (event));
      if (details == NULL)
        details = g_strdup_printf (ngettext ("%u source", "%u sources", sources), sources);
      claims = crb_event_get_claim_count (event);
      gtk_widget_set_margin_start (box, 0);
    }
  else if (CRB_IS_TAG (record))
    {
      CrbTag *tag = CRB_TAG (record);
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">●</span>",
                                                 crb_tag_get_color (tag) ? crb_tag_get_color (tag)
                                                                         : "#9a9996");

      gtk_image_clear (icon);
      gtk_widget_set_visible (GTK_WIDGET (icon), FALSE);
      gtk_label_set_markup (subtitle, markup);
      gtk_label_set_label (title, crb_tag_get_name (tag));
      claims = crb_tag_get_claim_count (tag);
      gtk_widget_set_margin_start (box, 18 * (int) crb_tag_get_depth (tag));
      /* The dot goes before the name. */
      gtk_widget_set_visible (GTK_WIDGET (subtitle), TRUE);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (GTK_WIDGET (title))),
                                      GTK_ORIENTATION_HORIZONTAL);
      gtk_box_reorder_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (title))),
                                   GTK_WIDGET (title), GTK_WIDGET (subtitle));
      gtk_widget_set_margin_end (GTK_WIDGET (subtitle), 6);
    }
  if (details)
    gtk_label_set_label (subtitle, details);
  gtk_widget_set_visible (GTK_WIDGET (subtitle), TRUE);
  number = g_strdup_printf ("%u", claims);
  gtk_label_set_label (count, number);
  gtk_widget_set_visible (GTK_WIDGET (count), claims > 0);
}

static GtkListItemFactory *
record_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_record), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_record), NULL);
  return factory;
}

/* Activation */

static void
source_selected (CrbSidebar *self)
{
  CrbDocument *document = gtk_single_selection_get_selected_item (self->selection);

  if (self->selecting || document == NULL)
    return;
  g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0,
                 crb_record_get_uuid (CRB_RECORD (document)));
}

static void
source_activated (CrbSidebar *self, guint position)
{
  CrbDocument *document = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (document)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0,
                   crb_record_get_uuid (CRB_RECORD (document)));
  g_clear_object (&document);
}

/* Entities and events have pages of their own; tags are found through
 * the search, which lists every passage and note that carries them. */
static void
record_activated (GtkListView *view, guint position, CrbSidebar *self)
{
  g_autoptr (GObject) record = g_list_model_get_item (
      G_LIST_MODEL (gtk_list_view_get_model (view)), position);
  g_autofree char *query = NULL;

  if (CRB_IS_ENTITY (record))
    g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, crb_record_get_uuid (CRB_RECORD (record)));
  else if (CRB_IS_EVENT (record))
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, crb_record_get_uuid (CRB_RECORD (record)));
  else if (CRB_IS_TAG (record))
    {
      query = g_strdup_printf ("\"%s\"", crb_tag_get_name (CRB_TAG (record)));
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
    }
}

static void
search_changed (CrbSidebar *self)
{
  g_signal_emit (self, signals[SEARCH_CHANGED], 0,
                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The context menu of a source */

static void
source_pressed (GtkGestureClick *gesture, int n_press, double x, double y, CrbSidebar *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->sources_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, CRB_TYPE_SOURCE_ROW) : NULL;
  CrbDocument *document;
  graphene_point_t point;

  if (row == NULL && picked)
    {
      /* The pick may land on the list item's own widget, around the row. */
      GtkWidget *child = gtk_widget_get_first_child (picked);

      row = CRB_IS_SOURCE_ROW (child) ? child : NULL;
    }
  if (row == NULL || !(document = crb_source_row_get_document (CRB_SOURCE_ROW (row))))
    return;

  g_free (self->context_document);
  self->context_document = g_strdup (crb_record_get_uuid (CRB_RECORD (document)));
  if (!gtk_widget_compute_point (GTK_WIDGET (self->sources_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
grade_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbSidebar *self = CRB_SIDEBAR (widget);
  const char *grade = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;

  if (self->project && self->context_document
      && !crb_project_set_field (self->project, "document", self->context_document,
                                 "reliability", *grade ? grade : NULL, &error))
    gtk_widget_activate_action (widget, "win.toast", "s", error->message);
}

static void
delete_source_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbSidebar *self = CRB_SIDEBAR (widget);
  g_autoptr (GError) error = NULL;

  if (self->project == NULL || self->context_document == NULL)
    return;
  if (!crb_project_delete_record (self->project, "document", self->context_document, &error))
    gtk_widget_activate_action (widget, "win.toast", "s", error->message);
  else
    gtk_widget_activate_action (widget, "win.toast-undo", "s", _("Source deleted"));
}

static void
source_details_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbSidebar *self = CRB_SIDEBAR (widget);
  CrbSourceDetailsWindow *details;

  if (self->project == NULL || self->context_document == NULL)
    return;
  details = crb_source_details_window_new (self->project, self->context_document);
  gtk_window_set_transient_for (GTK_WINDOW (details), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (details));
}

static void
compare_with_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbSidebar *self = CRB_SIDEBAR (widget);

  if (self->context_document)
    gtk_widget_activate_action (widget, "win.compare-with", "s", self->context_document);
}

static void
crb_sidebar_class_init (CrbSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_sidebar_dispose;
  widget_class->size_allocate = crb_sidebar_size_allocate;
  widget_class->measure = crb_sidebar_measure;

  /**
   * CrbSidebar::document-activated:
   * @uuid: the source to show
   */
  signals[DOCUMENT_ACTIVATED] = g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CrbSidebar::entity-activated:
   * @uuid: the entity to show
   */
  signals[ENTITY_ACTIVATED] = g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            1, G_TYPE_STRING);
  /**
   * CrbSidebar::event-activated:
   * @uuid: the event whose accounts to show
   */
  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                           G_TYPE_STRING);
  /**
   * CrbSidebar::search-changed:
   * @query: what the search field holds now ("" when cleared)
   */
  signals[SEARCH_CHANGED] = g_signal_new ("search-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/corroborate/Corroborate/crb-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, sources_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, sources_view);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, entities_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, entities_view);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, events_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, events_view);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, tags_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbSidebar, tags_view);
  gtk_widget_class_set_css_name (widget_class, "sidebar");

  gtk_widget_class_install_action (widget_class, "sidebar.sort", "s", sort_action);
  gtk_widget_class_install_action (widget_class, "sidebar.grade", "s", grade_action);
  gtk_widget_class_install_action (widget_class, "sidebar.compare-with", NULL,
                                   compare_with_action);
  gtk_widget_class_install_action (widget_class, "sidebar.delete-source", NULL,
                                   delete_source_action);
  gtk_widget_class_install_action (widget_class, "sidebar.source-details", NULL,
                                   source_details_action);
}

static void
set_plain_model (GtkListView *view, GListStore *store)
{
  g_autoptr (GtkNoSelection) model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (store)));

  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (model));
}

static void
crb_sidebar_init (CrbSidebar *self)
{
  g_autoptr (GtkListItemFactory) sources_factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) entities_factory = record_factory ();
  g_autoptr (GtkListItemFactory) events_factory = record_factory ();
  g_autoptr (GtkListItemFactory) tags_factory = record_factory ();
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenuModel) grades = crb_labels_reliability_menu ("sidebar.grade");
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort_key = g_strdup ("title");
  self->documents = g_list_store_new (CRB_TYPE_DOCUMENT);
  self->entities = g_list_store_new (CRB_TYPE_ENTITY);
  self->events = g_list_store_new (CRB_TYPE_EVENT);
  self->tags = g_list_store_new (CRB_TYPE_TAG);
  self->sorter = gtk_custom_sorter_new (compare_documents, self, NULL);
  self->filter = gtk_custom_filter_new (filter_document, self, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->documents), GTK_SORTER (self->sorter));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (sources_factory, "setup", G_CALLBACK (setup_source), NULL);
  g_signal_connect (sources_factory, "bind", G_CALLBACK (bind_source), self);
  gtk_list_view_set_factory (self->sources_view, sources_factory);
  gtk_list_view_set_model (self->sources_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_single_click_activate (self->sources_view, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (source_selected), self);
  g_signal_connect_swapped (self->sources_view, "activate", G_CALLBACK (source_activated), self);

  gtk_list_view_set_factory (self->entities_view, entities_factory);
  set_plain_model (self->entities_view, self->entities);
  gtk_list_view_set_single_click_activate (self->entities_view, TRUE);
  g_signal_connect (self->entities_view, "activate", G_CALLBACK (record_activated), self);
  gtk_list_view_set_factory (self->events_view, events_factory);
  set_plain_model (self->events_view, self->events);
  gtk_list_view_set_single_click_activate (self->events_view, TRUE);
  g_signal_connect (self->events_view, "activate", G_CALLBACK (record_activated), self);
  gtk_list_view_set_factory (self->tags_view, tags_factory);
  set_plain_model (self->tags_view, self->tags);
  gtk_list_view_set_single_click_activate (self->tags_view, TRUE);
  g_signal_connect (self->tags_view, "activate", G_CALLBACK (record_activated), self);

  g_signal_connect_swapped (self->filter_entry, "search-changed", G_CALLBACK (filter_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);

  g_menu_append (menu, _("_Compare With…"), "sidebar.compare-with");
  g_menu_append_submenu (menu, _("_Grade Reliability"), grades);
  g_menu_append (menu, _("Source _Details…"), "sidebar.source-details");
  g_menu_append (menu, _("_Delete Source"), "sidebar.delete-source");
  self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self));
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (source_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sources_view), GTK_EVENT_CONTROLLER (gesture));

  show_list_or_empty (self->sources_stack, self->documents);
  show_list_or_empty (self->entities_stack, self->entities);
  show_list_or_empty (self->events_stack, self->events);
  show_list_or_empty (self->tags_stack, self->tags);
}

GtkWidget *
crb_sidebar_new (void)
{
  return g_object_new (CRB_TYPE_SIDEBAR, NULL);
}

void
crb_sidebar_set_project (CrbSidebar *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_SIDEBAR (self));

  if (self->project == project)
    return;
  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project)
    self->changed_id = g_signal_connect_swapped (project, "changed", G_CALLBACK (reload), self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  reload (self, CRB_CHANGE_ALL);
  adw_view_stack_set_visible_child_name (self->view_stack, "sources");
}

void
crb_sidebar_set_reuse_map (CrbSidebar *self, CrbReuseMap *map)
{
  g_return_if_fail (CRB_IS_SIDEBAR (self));

  if (!g_set_object (&self->reuse_map, map))
    return;
  /* Rows take the map when they are bound; those on screen now, at once. */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->sources_view)); item;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (CRB_IS_SOURCE_ROW (row))
        crb_source_row_set_reuse_map (CRB_SOURCE_ROW (row), map);
    }
}

void
crb_sidebar_select_document (CrbSidebar *self, const char *document_uuid)
{
  GListModel *model;
  guint n;

  g_return_if_fail (CRB_IS_SIDEBAR (self));

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; document_uuid && i < n; i++)
    {
      g_autoptr (CrbDocument) document = g_list_model_get_item (model, i);

      if (g_str_equal (crb_record_get_uuid (CRB_RECORD (document)), document_uuid))
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  self->selecting = FALSE;
}

GtkEditable *
crb_sidebar_get_search_entry (CrbSidebar *self)
{
  g_return_val_if_fail (CRB_IS_SIDEBAR (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GListModel *
crb_sidebar_get_sources (CrbSidebar *self)
{
  g_return_val_if_fail (CRB_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->selection);
}

GtkWidget *
crb_sidebar_get_sources_view (CrbSidebar *self)
{
  g_return_val_if_fail (CRB_IS_SIDEBAR (self), NULL);
  return GTK_WIDGET (self->sources_view);
}
