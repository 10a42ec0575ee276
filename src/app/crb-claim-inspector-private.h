/* crb-claim-inspector-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-chooser-popover.h"
#include "crb-claim-inspector.h"

G_BEGIN_DECLS

struct _CrbClaimInspector
{
  GtkWidget          parent_instance;

  CrbProject        *project;
  CrbClaim          *claim;
  gulong             changed_id;
  guint              note_timeout;
  char              *note_claim_uuid; /* whose note the buffer holds */
  gboolean           loading;
  GPtrArray         *link_rows;       /* rows of tags, entities, events */
  GPtrArray         *history_rows;

  GtkStack          *stack;
  GtkLabel          *quote_label;
  GtkTextView       *note_view;
  AdwComboRow       *kind_row;
  AdwComboRow       *credibility_row;
  AdwPreferencesGroup *tags_group;
  AdwPreferencesGroup *entities_group;
  AdwPreferencesGroup *events_group;
  GtkWidget         *add_tag_button;
  GtkWidget         *link_entity_button;
  GtkWidget         *add_event_button;
  AdwActionRow      *author_row;
  AdwActionRow      *times_row;
  AdwActionRow      *anchor_row;
  GtkSwitch         *private_switch;
  AdwExpanderRow    *history_row;
  CrbChooserPopover *chooser;
};

void _crb_claim_inspector_links_class_init (GtkWidgetClass    *widget_class);
void _crb_claim_inspector_links_init       (CrbClaimInspector *self);
void _crb_claim_inspector_reload_links     (CrbClaimInspector *self);
/* Who changed what (crb-claim-inspector-history.c). */
void _crb_claim_inspector_reload_history   (CrbClaimInspector *self);
void _crb_claim_inspector_show_error       (CrbClaimInspector *self,
                                            const GError      *error);

G_END_DECLS
