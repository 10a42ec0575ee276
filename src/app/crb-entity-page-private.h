/* crb-entity-page-private.h: what crb-entity-page.c shares with its
 * actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-entity-page.h"
#include "crb-entity.h"

G_BEGIN_DECLS

struct _CrbEntityPage
{
  GtkWidget            parent_instance;

  CrbProject          *project;
  char                *entity_uuid;
  CrbEntity           *entity;
  GCancellable        *cancellable;
  gulong               changed_id;
  guint                loading;
  GHashTable          *dismissed;  /* spellings dismissed while the window is open */
  GPtrArray           *group_rows; /* rows added to the template's groups */

  GtkStack            *stack;
  GtkImage            *icon;
  GtkLabel            *name_label;
  GtkLabel            *kind_label;
  GtkLabel            *description_label;
  GtkLinkButton       *external_link;
  GtkWidget           *merge_button;
  AdwPreferencesGroup *aliases_group;
  AdwEntryRow         *alias_entry;
  AdwPreferencesGroup *suggestions_group;
  GtkBox              *sources_box;
  GtkWidget           *no_sources;
};

void _crb_entity_page_class_actions_init (GtkWidgetClass *widget_class);
void _crb_entity_page_init_actions       (CrbEntityPage  *self);
void _crb_entity_page_show_error         (CrbEntityPage  *self,
                                          const GError   *error);
void _crb_entity_page_reload             (CrbEntityPage  *self);
void _crb_entity_page_emit_activated     (CrbEntityPage  *self,
                                          const char     *document_uuid,
                                          const char     *claim_uuid,
                                          guint           start,
                                          guint           end);

G_END_DECLS
