/* crb-accounts-page.h: an event's accounts grid — each source's account of
 * each facet, disagreements flagged, copies marked, independent sources
 * counted — with its facets and the briefing export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-accounts.h"
#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_ACCOUNTS_PAGE (crb_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (CrbAccountsPage, crb_accounts_page, CRB, ACCOUNTS_PAGE, GtkWidget)

GtkWidget       *crb_accounts_page_new           (void);
void             crb_accounts_page_set_project   (CrbAccountsPage *self,
                                                  CrbProject      *project);
/* Shows an event of the project (by UUID); the grid is built in a worker
 * thread and rebuilt when the project changes. */
void             crb_accounts_page_set_event     (CrbAccountsPage *self,
                                                  const char      *event_uuid);
const char      *crb_accounts_page_get_event     (CrbAccountsPage *self);
/* The event's title, "" when none is shown. */
const char      *crb_accounts_page_get_title     (CrbAccountsPage *self);
/* The grid shown (borrowed), NULL while none is loaded. */
CrbAccountsGrid *crb_accounts_page_get_grid      (CrbAccountsPage *self);
/* TRUE while the grid is being built. */
gboolean         crb_accounts_page_is_loading    (CrbAccountsPage *self);
/* Writes the briefing ("markdown" or "html") of the grid shown to `file`
 * (what the Export dialog does once a file is chosen). */
void             crb_accounts_page_export_async  (CrbAccountsPage     *self,
                                                  const char          *format,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         crb_accounts_page_export_finish (CrbAccountsPage *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);

G_END_DECLS
