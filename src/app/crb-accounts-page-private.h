/* crb-accounts-page-private.h: what crb-accounts-page.c shares with its
 * actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-accounts-page.h"

G_BEGIN_DECLS

struct _CrbAccountsPage
{
  GtkWidget        parent_instance;

  CrbProject      *project;
  char            *event_uuid;
  CrbAccountsGrid *grid;
  GPtrArray       *links;       /* CrbEventClaim of the event */
  GCancellable    *cancellable; /* the build in flight */
  gulong           changed_id;
  guint            loading;

  GtkWidget       *box;
  GtkStack        *stack;
  GtkLabel        *title_label;
  GtkLabel        *details_label;
  GtkLabel        *description_label;
  GtkLabel        *summary_label;
  GtkStack        *grid_stack;
  GtkGrid         *grid_view;
  GtkEntry        *facet_entry;
  GtkMenuButton   *export_button;
};

void        _crb_accounts_page_class_actions_init (GtkWidgetClass  *widget_class);
void        _crb_accounts_page_show_error         (CrbAccountsPage *self,
                                                   const GError    *error);
/* The event_claim link of a claim in a facet (NULL: the event as a whole). */
const char *_crb_accounts_page_find_link          (CrbAccountsPage *self,
                                                   const char      *claim_uuid,
                                                   const char      *facet_uuid);
void        _crb_accounts_page_emit_claim_activated (CrbAccountsPage *self,
                                                     const char      *document_uuid,
                                                     const char      *claim_uuid);

G_END_DECLS
