/* crb-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-accounts-page.h"
#include "crb-claim-inspector.h"
#include "crb-conflict-banner.h"
#include "crb-comparison-view.h"
#include "crb-entity-page.h"
#include "crb-import-banner.h"
#include "crb-reader.h"
#include "crb-reuse-map-page.h"
#include "crb-reuse-map.h"
#include "crb-search-view.h"
#include "crb-similar-view.h"
#include "crb-sidebar.h"
#include "crb-storage-banner.h"
#include "crb-welcome-page.h"
#include "crb-window.h"

G_BEGIN_DECLS

struct _CrbWindow
{
  AdwApplicationWindow  parent_instance;

  CrbProject           *project;
  CrbWorkingCopy       *working_copy;    /* where the file cannot be locked */
  GSettings            *settings;
  GCancellable         *cancellable;     /* opening, saving a copy */
  GCancellable         *import_cancellable;
  gulong                changed_id;
  gulong                undo_id;
  guint                 busy;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  CrbWelcomePage       *welcome_page;
  AdwStatusPage        *loading_page;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *project_title;
  AdwWindowTitle       *content_title;
  CrbSidebar           *sidebar;
  CrbStorageBanner     *storage_banner;
  CrbImportBanner      *import_banner;
  CrbConflictBanner    *conflict_banner;
  AdwFlap              *flap;
  GtkStack             *content_stack;
  CrbReader            *reader;
  CrbSearchView        *search_view;
  CrbEntityPage        *entity_page;
  CrbAccountsPage      *accounts_page;
  CrbClaimInspector    *inspector;
  GtkWidget            *inspector_button;

  /* Comparing accounts (crb-window-compare.c) */
  CrbReuseMap          *reuse_map;
  CrbComparisonView    *comparison_view;
  CrbReuseMapPage      *reuse_map_page;
  CrbSimilarView       *similar_view;
};

void _crb_window_actions_init     (CrbWindow  *self);
void _crb_window_update_actions   (CrbWindow  *self);
void _crb_window_import_init      (CrbWindow  *self);
/* Merge, conflicts, export, Web Annotations (crb-window-share.c). */
void _crb_window_share_init       (CrbWindow  *self);
void _crb_window_share_update_actions (CrbWindow *self);
void _crb_window_show_error       (CrbWindow  *self,
                                   const char *heading,
                                   const GError *error);
/* Shows `project`, opened through `working_copy` (or NULL). */
void _crb_window_set_opened_project (CrbWindow      *self,
                                     CrbProject     *project,
                                     CrbWorkingCopy *working_copy);
void _crb_window_add_recent       (CrbWindow  *self,
                                   const char *path);
void _crb_window_import_sources   (CrbWindow  *self,
                                   const char * const *sources,
                                   gboolean    allow_private);

void _crb_window_update_content_title (CrbWindow *self);
void _crb_window_compare_init         (CrbWindow  *self);
void _crb_window_compare_set_project  (CrbWindow  *self,
                                       CrbProject *project);
/* Sets the content title for one of the comparing pages; FALSE for others. */
gboolean _crb_window_compare_title    (CrbWindow  *self,
                                       const char *page);
/* The entity page and the accounts grid (crb-window-pages.c). */
void     _crb_window_pages_init        (CrbWindow   *self);
void     _crb_window_pages_set_project (CrbWindow   *self,
                                        CrbProject  *project);
void     _crb_window_show_entity       (CrbWindow   *self,
                                        const char  *uuid);
void     _crb_window_show_event        (CrbWindow   *self,
                                        const char  *uuid);
gboolean _crb_window_pages_title       (CrbWindow   *self,
                                        const char  *page,
                                        const char **title,
                                        const char **subtitle);

G_END_DECLS
