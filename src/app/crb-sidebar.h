/* crb-sidebar.h: the project's sources, entities, events and tags, and
 * the search field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-project.h"
#include "crb-reuse-map.h"

G_BEGIN_DECLS

#define CRB_TYPE_SIDEBAR (crb_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (CrbSidebar, crb_sidebar, CRB, SIDEBAR, GtkWidget)

GtkWidget  *crb_sidebar_new              (void);
void        crb_sidebar_set_project      (CrbSidebar *self,
                                          CrbProject *project);
/* Highlights the source shown in the reader (NULL for none). */
void        crb_sidebar_select_document  (CrbSidebar *self,
                                          const char *document_uuid);
/* Marks the sources that copy others, following the map (NULL for none). */
void        crb_sidebar_set_reuse_map    (CrbSidebar  *self,
                                          CrbReuseMap *map);
GtkEditable *crb_sidebar_get_search_entry (CrbSidebar *self);
/* The sources as shown (sorted and filtered): a GListModel of CrbDocument. */
GListModel *crb_sidebar_get_sources      (CrbSidebar *self);
GtkWidget  *crb_sidebar_get_sources_view (CrbSidebar *self);

G_END_DECLS
