/* crb-window-pages.c: the entity page and the accounts grid in the window
 *
 * The sidebar's entities and events open these pages; their passages open
 * the reader; both keep the search one action away (win.search-for).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-entity-dialog.h"
#include "crb-entity-suggestions.h"
#include "crb-window-private.h"

static void
show_page (CrbWindow *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->content_stack, name);
  crb_sidebar_select_document (self->sidebar, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
_crb_window_show_entity (CrbWindow *self, const char *uuid)
{
  if (self->project == NULL)
    return;
  crb_entity_page_set_entity (self->entity_page, uuid);
  show_page (self, "entity");
}

void
_crb_window_show_event (CrbWindow *self, const char *uuid)
{
  if (self->project == NULL)
    return;
  crb_accounts_page_set_event (self->accounts_page, uuid);
  show_page (self, "accounts");
}

/* Opens the reader at a claim, or at a passage when `claim_uuid` is NULL. */
static void
show_passage (CrbWindow *self, const char *document_uuid, const char *claim_uuid, guint start,
              guint end)
{
  if (!crb_window_show_document (self, document_uuid))
    return;
  if (claim_uuid)
    crb_reader_select_claim (self->reader, claim_uuid);
  else if (end > start)
    crb_reader_reveal_range (self->reader, start, end);
  gtk_widget_grab_focus (GTK_WIDGET (crb_reader_get_text_view (self->reader)));
}

static void
entity_passage_activated (CrbWindow *self, const char *document_uuid, const char *claim_uuid,
                          guint start, guint end)
{
  show_passage (self, document_uuid, claim_uuid, start, end);
}

static void
account_activated (CrbWindow *self, const char *document_uuid, const char *claim_uuid)
{
  show_passage (self, document_uuid, claim_uuid, 0, 0);
}

static void
show_entity_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  _crb_window_show_entity (user_data, g_variant_get_string (parameter, NULL));
}

static void
show_event_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  _crb_window_show_event (user_data, g_variant_get_string (parameter, NULL));
}

static void
search_for_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;

  if (self->project == NULL)
    return;
  /* The sidebar's search field drives the search, as if typed. */
  gtk_editable_set_text (crb_sidebar_get_search_entry (self->sidebar),
                         g_variant_get_string (parameter, NULL));
}

static void
new_entity_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  GtkWidget *dialog;

  if (self->project == NULL)
    return;
  dialog = crb_entity_dialog_new (self->project, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
suggest_entities_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CrbWindow *self = user_data;
  GtkWidget *window;

  if (self->project == NULL)
    return;
  window = crb_entity_suggestions_new (self->project);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry actions[] = {
  { "show-entity", show_entity_action, "s" },      { "show-event", show_event_action, "s" },
  { "search-for", search_for_action, "s" },        { "new-entity", new_entity_action },
  { "suggest-entities", suggest_entities_action },
};

void
_crb_window_pages_init (CrbWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_swapped (self->sidebar, "entity-activated", G_CALLBACK (_crb_window_show_entity),
                            self);
  g_signal_connect_swapped (self->sidebar, "event-activated", G_CALLBACK (_crb_window_show_event),
                            self);
  g_signal_connect_swapped (self->entity_page, "passage-activated",
                            G_CALLBACK (entity_passage_activated), self);
  g_signal_connect_swapped (self->accounts_page, "claim-activated", G_CALLBACK (account_activated),
                            self);
}

void
_crb_window_pages_set_project (CrbWindow *self, CrbProject *project)
{
  crb_entity_page_set_project (self->entity_page, project);
  crb_accounts_page_set_project (self->accounts_page, project);
}

gboolean
_crb_window_pages_title (CrbWindow *self, const char *page, const char **title,
                         const char **subtitle)
{
  if (g_strcmp0 (page, "entity") == 0)
    {
      *title = crb_entity_page_get_title (self->entity_page);
      *subtitle = _ ("Entity");
      return TRUE;
    }
  if (g_strcmp0 (page, "accounts") == 0)
    {
      *title = crb_accounts_page_get_title (self->accounts_page);
      *subtitle = _ ("Accounts");
      return TRUE;
    }
  return FALSE;
}
