/* crb-reuse-graph.h: the reuse map drawn as a graph — documents as nodes,
 * reuse relations as edges, arrows from the original to the copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-reuse-map.h"

G_BEGIN_DECLS

#define CRB_TYPE_REUSE_GRAPH (crb_reuse_graph_get_type ())
G_DECLARE_FINAL_TYPE (CrbReuseGraph, crb_reuse_graph, CRB, REUSE_GRAPH, GtkWidget)

GtkWidget *crb_reuse_graph_new (void);
/* Follows the map's links (NULL for none). */
void crb_reuse_graph_set_map (CrbReuseGraph *self, CrbReuseMap *map);
/* The link drawn highlighted, or NULL. */
CrbReuseLink *crb_reuse_graph_get_selected (CrbReuseGraph *self);
void          crb_reuse_graph_set_selected (CrbReuseGraph *self, CrbReuseLink *link);
guint         crb_reuse_graph_get_n_nodes (CrbReuseGraph *self);
guint         crb_reuse_graph_get_n_edges (CrbReuseGraph *self);

G_END_DECLS
