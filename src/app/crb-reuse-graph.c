/* crb-reuse-graph.c
 *
 * Layout.  Documents are laid out in layers by the direction of reuse:
 * an original sits left of every document that takes text from it (the
 * longest chain of copies decides a node's column), and within a column
 * nodes follow the mean position of their neighbours in earlier columns,
 * which keeps most edges from crossing.  When no direction is known at
 * all, the nodes sit on an ellipse instead of in one column.  The layout
 * is computed when the links change; positions are scaled to the
 * allocation when drawing.  Both are linear in the links, so the main
 * loop never waits for them, and the graph keeps to the strongest
 * MAX_EDGES relations (the list below the graph has all of them).
 *
 * Drawing is GtkSnapshot: edges through one Cairo node (GTK 4.8 has no
 * paths of its own), nodes as rounded rectangles with Pango layouts.
 * Meaning never rests on colour alone: copies are solid lines, quotations
 * dashed, and pairs whose direction is unknown have no arrowhead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reuse-graph"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crb-reuse-graph.h"

#define MAX_EDGES 80
#define MARGIN 16.0
#define NODE_WIDTH 200.0
#define NODE_HEIGHT 48.0
#define ROW_HEIGHT 64.0
#define MIN_GAP 56.0

typedef struct
{
  char  *uuid;
  char  *title;
  int    layer;
  double order;
  double x; /* centre, in allocation coordinates */
  double y;
} Node;

typedef struct
{
  CrbReuseLink *link;
  guint         from; /* the copy (or one of the two) */
  guint         to;   /* the original (or the other) */
  gboolean      directed;
} Edge;

struct _CrbReuseGraph
{
  GtkWidget parent_instance;

  CrbReuseMap  *map;
  GArray       *nodes; /* Node */
  GArray       *edges; /* Edge */
  int           n_layers;
  guint         max_per_layer;
  gboolean      circle;
  CrbReuseLink *selected;
  double        node_width;
  double        node_height;
};

G_DEFINE_FINAL_TYPE (CrbReuseGraph, crb_reuse_graph, GTK_TYPE_WIDGET)

enum
{
  LINK_ACTIVATED,
  DOCUMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
node_clear (Node *node)
{
  g_free (node->uuid);
  g_free (node->title);
}

static void
edge_clear (Edge *edge)
{
  g_clear_object (&edge->link);
}

static guint
node_index (CrbReuseGraph *self, GHashTable *index, const char *uuid, const char *title)
{
  gpointer found;
  Node     node = { 0 };

  if (g_hash_table_lookup_extended (index, uuid, NULL, &found))
    return GPOINTER_TO_UINT (found);
  node.uuid = g_strdup (uuid);
  node.title = g_strdup (title ? title : "");
  g_array_append_val (self->nodes, node);
  g_hash_table_insert (index, node.uuid, GUINT_TO_POINTER (self->nodes->len - 1));
  return self->nodes->len - 1;
}

static int
compare_order (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Node *nodes = user_data;
  const Node *x = &nodes[*(const guint *) a];
  const Node *y = &nodes[*(const guint *) b];

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

/* Columns by the longest chain of copies, order within columns by the
 * neighbours' mean position (one sweep of the barycentre heuristic). */
static void
layout (CrbReuseGraph *self)
{
  guint             n = self->nodes->len;
  g_autofree guint *members = g_new0 (guint, MAX (n, 1));
  gboolean          any_directed = FALSE;

  for (guint i = 0; i < self->edges->len; i++)
    any_directed |= g_array_index (self->edges, Edge, i).directed;
  for (guint round = 0; round < n; round++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < self->edges->len; i++)
        {
          Edge *edge = &g_array_index (self->edges, Edge, i);
          Node *copy = &g_array_index (self->nodes, Node, edge->from);
          Node *original = &g_array_index (self->nodes, Node, edge->to);

          if (edge->directed && copy->layer < original->layer + 1)
            {
              copy->layer = original->layer + 1;
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }

  self->n_layers = 1;
  for (guint i = 0; i < n; i++)
    self->n_layers = MAX (self->n_layers, g_array_index (self->nodes, Node, i).layer + 1);
  self->circle = !any_directed && n > 2;

  self->max_per_layer = 1;
  for (int layer = 0; layer < self->n_layers; layer++)
    {
      guint k = 0;

      for (guint i = 0; i < n; i++)
        {
          Node  *node = &g_array_index (self->nodes, Node, i);
          double sum = 0;
          guint  neighbours = 0;

          if (node->layer != layer)
            continue;
          for (guint e = 0; e < self->edges->len; e++)
            {
              Edge *edge = &g_array_index (self->edges, Edge, e);
              guint other = edge->from == i ? edge->to : edge->to == i ? edge->from : G_MAXUINT;

              if (other != G_MAXUINT && g_array_index (self->nodes, Node, other).layer < layer)
                {
                  sum += g_array_index (self->nodes, Node, other).order;
                  neighbours++;
                }
            }
          node->order = neighbours ? sum / neighbours : 0;
          members[k++] = i;
        }
      g_qsort_with_data (members, k, sizeof (guint), compare_order, self->nodes->data);
      for (guint i = 0; i < k; i++)
        g_array_index (self->nodes, Node, members[i]).order = i;
      self->max_per_layer = MAX (self->max_per_layer, k);
    }
}

static void
rebuild (CrbReuseGraph *self)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->map ? g_list_model_get_n_items (G_LIST_MODEL (self->map)) : 0;

  g_array_set_size (self->edges, 0);
  g_array_set_size (self->nodes, 0);
  /* The map lists the strongest relations first. */
  for (guint i = 0; i < n && self->edges->len < MAX_EDGES; i++)
    {
      g_autoptr (CrbReuseLink) link = g_list_model_get_item (G_LIST_MODEL (self->map), i);
      Edge edge = { 0 };

      if (g_str_equal (crb_reuse_link_get_status (link), "rejected"))
        continue;
      edge.from = node_index (self, index, crb_reuse_link_get_from_uuid (link),
                              crb_reuse_link_get_from_title (link));
      edge.to = node_index (self, index, crb_reuse_link_get_to_uuid (link),
                            crb_reuse_link_get_to_title (link));
      edge.directed = crb_reuse_link_get_direction_known (link);
      edge.link = g_steal_pointer (&link);
      g_array_append_val (self->edges, edge);
    }
  /* The map makes new links when it changes: the selection follows the pair. */
  if (self->selected)
    {
      CrbReuseLink *same = NULL;

      for (guint i = 0; i < self->edges->len && !same; i++)
        {
          CrbReuseLink *link = g_array_index (self->edges, Edge, i).link;
          const char   *a = crb_reuse_link_get_from_uuid (self->selected);
          const char   *b = crb_reuse_link_get_to_uuid (self->selected);

          if ((g_str_equal (crb_reuse_link_get_from_uuid (link), a) &&
               g_str_equal (crb_reuse_link_get_to_uuid (link), b)) ||
              (g_str_equal (crb_reuse_link_get_from_uuid (link), b) &&
               g_str_equal (crb_reuse_link_get_to_uuid (link), a)))
            same = link;
        }
      g_set_object (&self->selected, same);
    }
  layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  {
    g_autofree char *description = g_strdup_printf (
        ngettext ("A graph of %u document that shares text; the list of relations has the details",
                  "A graph of %u documents that share text; the list of relations has the details",
                  self->nodes->len),
        self->nodes->len);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  }
}

/* Positions for the current size. */
static void
place (CrbReuseGraph *self, double width, double height)
{
  guint             n = self->nodes->len;
  double            usable_width = MAX (width - 2 * MARGIN, 1);
  double            usable_height = MAX (height - 2 * MARGIN, 1);
  g_autofree guint *per_layer = g_new0 (guint, self->n_layers);

  for (guint i = 0; i < n; i++)
    per_layer[g_array_index (self->nodes, Node, i).layer]++;

  if (self->circle)
    {
      self->node_width = MIN (NODE_WIDTH, usable_width / 2.5);
      self->node_height = NODE_HEIGHT;
      for (guint i = 0; i < n; i++)
        {
          Node  *node = &g_array_index (self->nodes, Node, i);
          double angle = 2 * G_PI * node->order / n - G_PI / 2;

          node->x = width / 2 + (usable_width - self->node_width) / 2 * cos (angle);
          node->y = height / 2 + (usable_height - self->node_height) / 2 * sin (angle);
        }
      return;
    }

  self->node_width =
      MIN (NODE_WIDTH, (usable_width - (self->n_layers - 1) * MIN_GAP) / self->n_layers);
  self->node_width = MAX (self->node_width, 80);
  self->node_height = MIN (NODE_HEIGHT, usable_height / self->max_per_layer - 8);
  self->node_height = MAX (self->node_height, 24);
  for (guint i = 0; i < n; i++)
    {
      Node  *node = &g_array_index (self->nodes, Node, i);
      double column = self->n_layers > 1 ? (double) node->layer / (self->n_layers - 1) : 0.5;
      double row_height = usable_height / per_layer[node->layer];

      node->x = MARGIN + self->node_width / 2 + column * (usable_width - self->node_width);
      node->y = MARGIN + row_height * (node->order + 0.5);
    }
}

/* Where the segment from the centre of a node towards (x, y) leaves it. */
static void
border_point (CrbReuseGraph *self, const Node *node, double x, double y, double *bx, double *by)
{
  double dx = x - node->x, dy = y - node->y;
  double scale;

  if (dx == 0 && dy == 0)
    {
      *bx = node->x;
      *by = node->y;
      return;
    }
  scale = MIN (dx != 0 ? (self->node_width / 2) / fabs (dx) : G_MAXDOUBLE,
               dy != 0 ? (self->node_height / 2 + 2) / fabs (dy) : G_MAXDOUBLE);
  *bx = node->x + dx * scale;
  *by = node->y + dy * scale;
}

/* The curve of an edge: from the original (or either end) to the copy. */
static void
edge_curve (CrbReuseGraph *self, const Edge *edge, double p[8])
{
  const Node *a = &g_array_index (self->nodes, Node, edge->to);
  const Node *b = &g_array_index (self->nodes, Node, edge->from);

  if (!self->circle && a->layer != b->layer)
    {
      const Node *left = a->layer < b->layer ? a : b;
      const Node *right = left == a ? b : a;
      double      start_x = left->x + self->node_width / 2;
      double      end_x = right->x - self->node_width / 2;
      double      bend = (end_x - start_x) / 2;

      p[0] = start_x, p[1] = left->y;
      p[2] = start_x + bend, p[3] = left->y;
      p[4] = end_x - bend, p[5] = right->y;
      p[6] = end_x, p[7] = right->y;
      /* Across more than one column: over the nodes in between. */
      if (right->layer - left->layer > 1)
        {
          double top = MIN (left->y, right->y) - self->node_height * 1.5;

          p[3] = p[5] = MAX (top, MARGIN / 2);
          p[2] = start_x + bend / 2, p[4] = end_x - bend / 2;
        }
      if (left != a)
        {
          double q[8] = { p[6], p[7], p[4], p[5], p[2], p[3], p[0], p[1] };

          memcpy (p, q, sizeof q);
        }
      return;
    }
  border_point (self, a, b->x, b->y, &p[0], &p[1]);
  border_point (self, b, a->x, a->y, &p[6], &p[7]);
  if (!self->circle)
    {
      /* Two nodes of one column: an arc out to the side. */
      double out = self->node_width / 2 + 24 + 8 * fabs (a->order - b->order);

      p[0] = a->x + self->node_width / 2, p[1] = a->y;
      p[6] = b->x + self->node_width / 2, p[7] = b->y;
      p[2] = p[0] + out, p[3] = p[1];
      p[4] = p[6] + out, p[5] = p[7];
      return;
    }
  p[2] = p[0] + (p[6] - p[0]) / 3, p[3] = p[1] + (p[7] - p[1]) / 3;
  p[4] = p[0] + 2 * (p[6] - p[0]) / 3, p[5] = p[1] + 2 * (p[7] - p[1]) / 3;
}

static void
bezier_point (const double p[8], double t, double *x, double *y)
{
  double u = 1 - t;

  *x = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
  *y = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];
}

static GdkRGBA
style_color (GtkWidget *widget, const char *name, const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA          color;

  if (name == NULL)
    gtk_style_context_get_color (context, &color);
  else if (!gtk_style_context_lookup_color (context, name, &color))
    gdk_rgba_parse (&color, fallback);
  return color;
}

static void
draw_edges (CrbReuseGraph *self, GtkSnapshot *snapshot, double width, double height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA    fg = style_color (widget, NULL, NULL);
  GdkRGBA    accent = style_color (widget, "accent_color", "#3584e4");
  cairo_t   *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < self->edges->len; i++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, i);
      gboolean    selected = edge->link == self->selected;
      gboolean    cites = g_str_equal (crb_reuse_link_get_kind (edge->link), "cites");
      gboolean    confirmed = g_str_equal (crb_reuse_link_get_status (edge->link), "confirmed");
      double      dashes[] = { 6, 5 };
      double      p[8], x, y, angle;

      edge_curve (self, edge, p);
      if (selected)
        gdk_cairo_set_source_rgba (cr, &accent);
      else if (edge->directed)
        cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, cites ? 0.7 : 0.9);
      else
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.45);
      cairo_set_line_width (cr, selected ? 4 : confirmed ? 3 : 2);
      cairo_set_dash (cr, dashes, cites ? 2 : 0, 0);
      cairo_move_to (cr, p[0], p[1]);
      cairo_curve_to (cr, p[2], p[3], p[4], p[5], p[6], p[7]);
      cairo_stroke (cr);
      if (!edge->directed)
        continue;
      /* The arrowhead, at the copy, along the curve's last tangent. */
      bezier_point (p, 0.97, &x, &y);
      angle = atan2 (p[7] - y, p[6] - x);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, p[6], p[7]);
      cairo_line_to (cr, p[6] - 11 * cos (angle - 0.4), p[7] - 11 * sin (angle - 0.4));
      cairo_line_to (cr, p[6] - 11 * cos (angle + 0.4), p[7] - 11 * sin (angle + 0.4));
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
draw_label (CrbReuseGraph *self, GtkSnapshot *snapshot, PangoLayout *layout, double x, double y,
            const GdkRGBA *background, const GdkRGBA *color)
{
  int             w, h;
  GskRoundedRect  pill;
  graphene_rect_t bounds;

  pango_layout_get_pixel_size (layout, &w, &h);
  bounds = GRAPHENE_RECT_INIT (x - w / 2.0 - 5, y - h / 2.0 - 1, w + 10, h + 2);
  gsk_rounded_rect_init_from_rect (&pill, &bounds, (h + 2) / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, background, &bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - w / 2.0, y - h / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
crb_reuse_graph_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CrbReuseGraph *self = CRB_REUSE_GRAPH (widget);
  double         width = gtk_widget_get_width (widget);
  double         height = gtk_widget_get_height (widget);
  GdkRGBA        fg = style_color (widget, NULL, NULL);
  GdkRGBA        accent = style_color (widget, "accent_color", "#3584e4");
  GdkRGBA        card = style_color (widget, "card_bg_color", "#ffffff");
  GdkRGBA        window = style_color (widget, "window_bg_color", "#fafafa");
  GdkRGBA        border = { fg.red, fg.green, fg.blue, 0.18 };
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);

  if (self->nodes->len == 0)
    return;
  place (self, width, height);
  draw_edges (self, snapshot, width, height);

  /* Share of the original that the copy repeats, on each edge. */
  {
    g_autoptr (PangoLayout) small = gtk_widget_create_pango_layout (widget, NULL);
    PangoAttrList *attributes = pango_attr_list_new ();

    pango_attr_list_insert (attributes, pango_attr_scale_new (0.8));
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    pango_layout_set_attributes (small, attributes);
    pango_attr_list_unref (attributes);
    for (guint i = 0; i < self->edges->len; i++)
      {
        const Edge      *edge = &g_array_index (self->edges, Edge, i);
        g_autofree char *share =
            g_strdup_printf ("%.0f%%", 100 * crb_reuse_link_get_to_coverage (edge->link));
        double p[8], x, y;

        edge_curve (self, edge, p);
        bezier_point (p, 0.5, &x, &y);
        pango_layout_set_text (small, share, -1);
        draw_label (self, snapshot, small, x, y, &card,
                    edge->link == self->selected ? &accent : &fg);
      }
  }

  pango_layout_set_width (layout, (int) ((self->node_width - 20) * PANGO_SCALE));
  pango_layout_set_height (layout, self->node_height >= 44 ? -2 : -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const Node     *node = &g_array_index (self->nodes, Node, i);
      graphene_rect_t bounds =
          GRAPHENE_RECT_INIT (node->x - self->node_width / 2, node->y - self->node_height / 2,
                              self->node_width, self->node_height);
      GskRoundedRect box;
      float          widths[4] = { 1, 1, 1, 1 };
      GdkRGBA        colors[4] = { border, border, border, border };
      int            w, h;

      gsk_rounded_rect_init_from_rect (&box, &bounds, 8);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &window, &bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &box, widths, colors);

      pango_layout_set_text (layout, node->title, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (bounds.origin.x + 10, node->y - h / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
crb_reuse_graph_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                         int *natural, int *minimum_baseline, int *natural_baseline)
{
  CrbReuseGraph *self = CRB_REUSE_GRAPH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = (int) MAX (*minimum,
                            2 * MARGIN + self->n_layers * NODE_WIDTH + (self->n_layers - 1) * 120);
    }
  else
    {
      double rows = self->circle ? MAX (4, self->nodes->len / 2.0 + 1) : self->max_per_layer;

      *minimum = *natural = (int) MAX (260, 2 * MARGIN + rows * ROW_HEIGHT);
    }
}

static int
edge_at (CrbReuseGraph *self, double x, double y)
{
  int    best = -1;
  double best_distance = 10;

  for (guint i = 0; i < self->edges->len; i++)
    {
      double p[8];

      edge_curve (self, &g_array_index (self->edges, Edge, i), p);
      for (guint s = 0; s <= 24; s++)
        {
          double px, py, distance;

          bezier_point (p, s / 24.0, &px, &py);
          distance = hypot (px - x, py - y);
          if (distance < best_distance)
            {
              best_distance = distance;
              best = (int) i;
            }
        }
    }
  return best;
}

static int
node_at (CrbReuseGraph *self, double x, double y)
{
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const Node *node = &g_array_index (self->nodes, Node, i);

      if (fabs (x - node->x) <= self->node_width / 2 && fabs (y - node->y) <= self->node_height / 2)
        return (int) i;
    }
  return -1;
}

static void
pressed (GtkGestureClick *gesture, int n_press, double x, double y, CrbReuseGraph *self)
{
  int node = node_at (self, x, y);
  int edge;

  if (node >= 0)
    {
      if (n_press == 2)
        g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0,
                       g_array_index (self->nodes, Node, node).uuid);
      return;
    }
  if ((edge = edge_at (self, x, y)) >= 0)
    {
      CrbReuseLink *link = g_array_index (self->edges, Edge, edge).link;

      crb_reuse_graph_set_selected (self, link);
      g_signal_emit (self, signals[LINK_ACTIVATED], 0, link, n_press == 2);
    }
}

static void
crb_reuse_graph_dispose (GObject *object)
{
  CrbReuseGraph *self = CRB_REUSE_GRAPH (object);

  crb_reuse_graph_set_map (self, NULL);
  g_clear_object (&self->selected);
  G_OBJECT_CLASS (crb_reuse_graph_parent_class)->dispose (object);
}

static void
crb_reuse_graph_finalize (GObject *object)
{
  CrbReuseGraph *self = CRB_REUSE_GRAPH (object);

  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  G_OBJECT_CLASS (crb_reuse_graph_parent_class)->finalize (object);
}

static void
crb_reuse_graph_class_init (CrbReuseGraphClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_reuse_graph_dispose;
  object_class->finalize = crb_reuse_graph_finalize;
  widget_class->snapshot = crb_reuse_graph_snapshot;
  widget_class->measure = crb_reuse_graph_measure;

  /**
   * CrbReuseGraph::link-activated:
   * @link: the relation clicked
   * @compare: TRUE for a double click, which asks for the side-by-side view
   */
  signals[LINK_ACTIVATED] =
      g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 2, CRB_TYPE_REUSE_LINK, G_TYPE_BOOLEAN);
  /**
   * CrbReuseGraph::document-activated:
   * @uuid: the document double-clicked
   */
  signals[DOCUMENT_ACTIVATED] =
      g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_css_name (widget_class, "reusegraph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
crb_reuse_graph_init (CrbReuseGraph *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (self->nodes, (GDestroyNotify) node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  g_array_set_clear_func (self->edges, (GDestroyNotify) edge_clear);
  self->n_layers = 1;
  self->max_per_layer = 1;
  g_signal_connect (click, "pressed", G_CALLBACK (pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Reuse map"), -1);
}

GtkWidget *
crb_reuse_graph_new (void)
{
  return g_object_new (CRB_TYPE_REUSE_GRAPH, NULL);
}

static void
map_changed (CrbReuseGraph *self)
{
  rebuild (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crb_reuse_graph_set_map (CrbReuseGraph *self, CrbReuseMap *map)
{
  g_return_if_fail (CRB_IS_REUSE_GRAPH (self));

  if (self->map == map)
    return;
  if (self->map)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_set_object (&self->map, map);
  if (map)
    g_signal_connect_swapped (map, "changed", G_CALLBACK (map_changed), self);
  g_clear_object (&self->selected);
  map_changed (self);
}

CrbReuseLink *
crb_reuse_graph_get_selected (CrbReuseGraph *self)
{
  g_return_val_if_fail (CRB_IS_REUSE_GRAPH (self), NULL);
  return self->selected;
}

void
crb_reuse_graph_set_selected (CrbReuseGraph *self, CrbReuseLink *link)
{
  g_return_if_fail (CRB_IS_REUSE_GRAPH (self));

  if (g_set_object (&self->selected, link))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
crb_reuse_graph_get_n_nodes (CrbReuseGraph *self)
{
  g_return_val_if_fail (CRB_IS_REUSE_GRAPH (self), 0);
  return self->nodes->len;
}

guint
crb_reuse_graph_get_n_edges (CrbReuseGraph *self)
{
  g_return_val_if_fail (CRB_IS_REUSE_GRAPH (self), 0);
  return self->edges->len;
}
