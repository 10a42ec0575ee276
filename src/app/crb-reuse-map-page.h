/* crb-reuse-map-page.h: which sources share text with which — the graph
 * and the list of relations, with the analyst's decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-reuse-graph.h"
#include "crb-reuse-map.h"

G_BEGIN_DECLS

#define CRB_TYPE_REUSE_MAP_PAGE (crb_reuse_map_page_get_type ())
G_DECLARE_FINAL_TYPE (CrbReuseMapPage, crb_reuse_map_page, CRB, REUSE_MAP_PAGE, GtkWidget)

GtkWidget *crb_reuse_map_page_new (void);
/* Shows and follows the map of the open project (NULL when none). */
void           crb_reuse_map_page_set_map (CrbReuseMapPage *self, CrbReuseMap *map);
CrbReuseGraph *crb_reuse_map_page_get_graph (CrbReuseMapPage *self);
/* "3 relations among 4 sources", or "" */
const char *crb_reuse_map_page_get_summary (CrbReuseMapPage *self);

G_END_DECLS
