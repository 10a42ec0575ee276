/* crb-window-compare.c: comparing accounts in the window — the comparison
 * of two documents, the corpus reuse map and a claim across sources
 *
 * The window owns one CrbReuseMap per open project: it analyses the corpus
 * in a worker thread when the project opens, follows each import (the map
 * listens to CrbProject::changed itself) and stops when the project
 * closes.  The pages observe it; the Sources list marks derived documents
 * from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-document.h"
#include "crb-window-private.h"

static void
show_page (CrbWindow *self, GtkWidget *page)
{
  gtk_stack_set_visible_child (self->content_stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  _crb_window_update_content_title (self);
}

static void
compare_documents (CrbWindow *self, const char *document_a, const char *document_b)
{
  if (self->project == NULL || document_a == NULL || document_b == NULL)
    return;
  crb_comparison_view_compare (self->comparison_view, document_a, document_b);
  show_page (self, GTK_WIDGET (self->comparison_view));
}

static void
compare_documents_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  const char *a, *b;

  g_variant_get (parameter, "(&s&s)", &a, &b);
  compare_documents (user_data, a, b);
}

/* Compare With…: the other document, picked from a list. */

static void
compare_with_answered (AdwMessageDialog *dialog, const char *response, CrbWindow *self)
{
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  const char  *first = g_object_get_data (G_OBJECT (dialog), "document");
  CrbDocument *other = gtk_drop_down_get_selected_item (choice);

  if (g_str_equal (response, "compare") && other)
    compare_documents (self, first, crb_record_get_uuid (CRB_RECORD (other)));
}

static void
compare_with_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow  *self = user_data;
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GListStore) others = NULL;
  g_autoptr (CrbDocument) first = NULL;
  g_autoptr (GtkExpression) title = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget       *dialog, *choice;
  guint            selected = 0;

  if (self->project == NULL)
    return;
  if (!(first = crb_project_find_document (self->project, uuid, &error)) ||
      !(documents = crb_project_list_documents (self->project, &error)))
    {
      crb_window_toast (self, error->message, FALSE);
      return;
    }
  others = g_list_store_new (CRB_TYPE_DOCUMENT);
  /* The document it takes text from, if any, comes first to hand. */
  sources = crb_reuse_map_dup_sources (self->reuse_map, uuid, NULL);
  for (guint i = 0; i < documents->len; i++)
    {
      CrbDocument *document = g_ptr_array_index (documents, i);
      const char  *other = crb_record_get_uuid (CRB_RECORD (document));

      if (g_str_equal (other, uuid))
        continue;
      if (sources->len > 0 && g_str_equal (other, g_ptr_array_index (sources, 0)))
        selected = g_list_model_get_n_items (G_LIST_MODEL (others));
      g_list_store_append (others, document);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (others)) == 0)
    {
      crb_window_toast (self, _ ("Import another source to compare with"), FALSE);
      return;
    }

  /* Translators: %s is a document's title */
  body = g_strdup_printf (_ ("Align “%s” with another source: shared passages, word differences "
                             "and consistent substitutions."),
                          crb_document_get_title (first));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Compare With"), body);
  title = gtk_property_expression_new (CRB_TYPE_DOCUMENT, NULL, "title");
  choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&others)), g_steal_pointer (&title));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choice), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The other source"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), choice);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "compare",
                                    _ ("C_ompare"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "compare",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "compare");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "choice", choice);
  g_object_set_data_full (G_OBJECT (dialog), "document", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (compare_with_answered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_passage_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow  *self = user_data;
  const char *uuid;
  guint32     start, end;

  g_variant_get (parameter, "(&suu)", &uuid, &start, &end);
  if (self->project == NULL || !crb_window_show_document (self, uuid))
    return;
  if (end > start)
    crb_reader_reveal_range (self->reader, start, end);
  gtk_widget_grab_focus (GTK_WIDGET (crb_reader_get_text_view (self->reader)));
}

static void
find_similar_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;

  if (self->project == NULL)
    return;
  crb_similar_view_find (self->similar_view, g_variant_get_string (parameter, NULL));
  show_page (self, GTK_WIDGET (self->similar_view));
}

static void
show_reuse_map_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;

  if (self->project)
    show_page (self, GTK_WIDGET (self->reuse_map_page));
}

gboolean
_crb_window_compare_title (CrbWindow *self, const char *page)
{
  if (g_strcmp0 (page, "similar") == 0)
    {
      adw_window_title_set_title (self->content_title, _ ("Other Sources"));
      adw_window_title_set_subtitle (self->content_title,
                                     crb_similar_view_get_summary (self->similar_view));
      return TRUE;
    }
  if (g_strcmp0 (page, "reuse-map") == 0)
    {
      adw_window_title_set_title (self->content_title, _ ("Reuse Map"));
      adw_window_title_set_subtitle (self->content_title,
                                     crb_reuse_map_page_get_summary (self->reuse_map_page));
      return TRUE;
    }
  if (g_strcmp0 (page, "comparison") == 0)
    {
      adw_window_title_set_title (self->content_title, _ ("Comparison"));
      adw_window_title_set_subtitle (self->content_title,
                                     crb_comparison_view_get_summary (self->comparison_view));
      return TRUE;
    }
  return FALSE;
}

void
_crb_window_compare_set_project (CrbWindow *self, CrbProject *project)
{
  crb_sidebar_set_reuse_map (self->sidebar, NULL);
  crb_reuse_map_page_set_map (self->reuse_map_page, NULL);
  if (self->reuse_map)
    {
      crb_reuse_map_stop (self->reuse_map);
      g_clear_object (&self->reuse_map);
    }
  crb_comparison_view_set_project (self->comparison_view, project);
  crb_similar_view_set_project (self->similar_view, project);
  if (project == NULL)
    return;
  self->reuse_map = crb_reuse_map_new (project);
  crb_sidebar_set_reuse_map (self->sidebar, self->reuse_map);
  crb_reuse_map_page_set_map (self->reuse_map_page, self->reuse_map);
  crb_reuse_map_start (self->reuse_map);
}

static const GActionEntry compare_actions[] = {
  { "compare-documents", compare_documents_action, "(ss)" },
  { "compare-with", compare_with_action, "s" },
  { "open-passage", open_passage_action, "(suu)" },
  { "show-reuse-map", show_reuse_map_action },
  { "find-similar", find_similar_action, "s" },
};

void
_crb_window_compare_init (CrbWindow *self)
{
  GtkStackPage *page;

  g_action_map_add_action_entries (G_ACTION_MAP (self), compare_actions,
                                   G_N_ELEMENTS (compare_actions), self);
  self->comparison_view = CRB_COMPARISON_VIEW (crb_comparison_view_new ());
  page =
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->comparison_view), "comparison");
  gtk_stack_page_set_title (page, _ ("Comparison"));
  g_signal_connect_swapped (self->comparison_view, "notify::summary",
                            G_CALLBACK (_crb_window_update_content_title), self);
  self->similar_view = CRB_SIMILAR_VIEW (crb_similar_view_new ());
  page = gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->similar_view), "similar");
  gtk_stack_page_set_title (page, _ ("Other Sources"));
  g_signal_connect_swapped (self->similar_view, "notify::summary",
                            G_CALLBACK (_crb_window_update_content_title), self);
  self->reuse_map_page = CRB_REUSE_MAP_PAGE (crb_reuse_map_page_new ());
  page = gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->reuse_map_page), "reuse-map");
  gtk_stack_page_set_title (page, _ ("Reuse Map"));
  g_signal_connect_swapped (self->reuse_map_page, "notify::summary",
                            G_CALLBACK (_crb_window_update_content_title), self);
}
