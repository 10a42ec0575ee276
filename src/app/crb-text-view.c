/* crb-text-view.c
 *
 * Page boundaries of PDFs are drawn, not inserted: the text of a document
 * is immutable and claim offsets count its characters, so a marker must
 * not add any.  A tag opens room above the first line of each page and
 * snapshot_layer paints a rule and "Page N" there, for visible pages only.
 * The selected claim is outlined the same way, above the text, so that its
 * highlight keeps the colour of its tag or kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-text-view"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "crb-text-view.h"

#define PAGE_GAP 36

struct _CrbTextView
{
  GtkTextView  parent_instance;

  GArray      *pages; /* guint offsets where a page starts, ascending */
  GtkTextTag  *page_tag;
  GtkTextMark *outline_start;
  GtkTextMark *outline_end;
};

G_DEFINE_FINAL_TYPE (CrbTextView, crb_text_view, GTK_TYPE_TEXT_VIEW)

static void
crb_text_view_finalize (GObject *object)
{
  CrbTextView *self = CRB_TEXT_VIEW (object);

  g_clear_pointer (&self->pages, g_array_unref);
  G_OBJECT_CLASS (crb_text_view_parent_class)->finalize (object);
}

static void
draw_marker (CrbTextView *self, GtkSnapshot *snapshot, int y, int width, guint page)
{
  g_autofree char *text = g_strdup_printf (_("Page %u"), page);
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  GdkRGBA color;
  int text_width, text_height;
  int rule_y = y - PAGE_GAP / 2;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  color.alpha = 0.15;
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (0, rule_y, width - text_width - 12, 1));
  color.alpha = 0.55;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (width - text_width, rule_y - text_height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* One rounded box per display line of the outlined range. */
static void
draw_outline (CrbTextView *self, GtkSnapshot *snapshot)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, end;
  GdkRGBA accent;
  guint guard = 0;

  if (self->outline_start == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->outline_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->outline_end);
  if (!gdk_rgba_parse (&accent, "#3584e4"))
    return;

  while (gtk_text_iter_compare (&iter, &end) < 0 && guard++ < 10000)
    {
      GtkTextIter line_end = iter;
      GdkRectangle a, b;
      GskRoundedRect box;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { accent, accent, accent, accent };

      if (!gtk_text_view_forward_display_line_end (view, &line_end)
          || gtk_text_iter_compare (&line_end, &end) > 0)
        line_end = end;
      gtk_text_view_get_iter_location (view, &iter, &a);
      gtk_text_view_get_iter_location (view, &line_end, &b);
      if (b.y == a.y && b.x > a.x)
        {
          gsk_rounded_rect_init_from_rect (&box,
                                           &GRAPHENE_RECT_INIT (a.x - 3, a.y, b.x - a.x + 6,
                                                                a.height),
                                           4);
          gtk_snapshot_append_border (snapshot, &box, widths, colors);
        }
      if (gtk_text_iter_equal (&line_end, &end))
        break;
      iter = line_end;
      if (!gtk_text_view_forward_display_line (view, &iter))
        break;
    }
}

static void
crb_text_view_snapshot_layer (GtkTextView *text_view, GtkTextViewLayer layer,
                              GtkSnapshot *snapshot)
{
  CrbTextView *self = CRB_TEXT_VIEW (text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible;
  GtkTextIter first, last;
  int first_offset, last_offset;

  if (GTK_TEXT_VIEW_CLASS (crb_text_view_parent_class)->snapshot_layer)
    GTK_TEXT_VIEW_CLASS (crb_text_view_parent_class)->snapshot_layer (text_view, layer, snapshot);
  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    draw_outline (self, snapshot);
  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->pages == NULL || self->pages->len == 0)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_at_location (text_view, &first, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (text_view, &last, visible.x,
                                      visible.y + visible.height);
  gtk_text_iter_forward_line (&last);
  first_offset = gtk_text_iter_get_offset (&first);
  last_offset = gtk_text_iter_get_offset (&last);

  for (guint i = 0; i < self->pages->len; i++)
    {
      guint offset = g_array_index (self->pages, guint, i);
      GtkTextIter iter;
      int y, height;

      if ((int) offset < first_offset || (int) offset > last_offset)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
      gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
      draw_marker (self, snapshot, y, visible.x + visible.width, i + 2);
    }
}

static void
crb_text_view_class_init (CrbTextViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crb_text_view_finalize;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = crb_text_view_snapshot_layer;
}

/* Wrapped text never needs to scroll sideways, but GtkTextView still
 * scrolls a mark into view horizontally (by its margins, when a claim is
 * revealed), which would cut off the start of every line. */
static void
hadjustment_changed (GtkAdjustment *adjustment, CrbTextView *self)
{
  if (gtk_adjustment_get_value (adjustment) != 0)
    gtk_adjustment_set_value (adjustment, 0);
}

static void
hadjustment_set (CrbTextView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self));

  if (adjustment)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (hadjustment_changed), self,
                             0);
}

static void
crb_text_view_init (CrbTextView *self)
{
  g_signal_connect (self, "notify::hadjustment", G_CALLBACK (hadjustment_set), NULL);
}

GtkWidget *
crb_text_view_new (void)
{
  return g_object_new (CRB_TYPE_TEXT_VIEW, NULL);
}

static GArray *
parse_pages (const char *pages_json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonNode *root;
  JsonArray *array;

  if (pages_json == NULL || *pages_json == '\0'
      || !json_parser_load_from_data (parser, pages_json, -1, NULL)
      || !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_ARRAY (root))
    return pages;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 offset;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        continue;
      offset = json_node_get_int (node);
      /* Page 1 starts at 0 and needs no marker. */
      if (offset > 0 && offset < G_MAXINT
          && (pages->len == 0 || (guint) offset > g_array_index (pages, guint, pages->len - 1)))
        {
          guint value = (guint) offset;

          g_array_append_val (pages, value);
        }
    }
  return pages;
}

void
crb_text_view_set_pages (CrbTextView *self, const char *pages_json)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (CRB_IS_TEXT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_clear_pointer (&self->pages, g_array_unref);
  self->pages = parse_pages (pages_json);

  if (self->page_tag == NULL)
    self->page_tag = gtk_text_buffer_create_tag (buffer, NULL, "pixels-above-lines", PAGE_GAP,
                                                 NULL);
  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          (int) g_array_index (self->pages, guint, i));
      end = start;
      gtk_text_iter_forward_char (&end);
      gtk_text_buffer_apply_tag (buffer, self->page_tag, &start, &end);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crb_text_view_set_outline (CrbTextView *self, guint start, guint end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (CRB_IS_TEXT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (start >= end)
    {
      if (self->outline_start)
        {
          gtk_text_buffer_delete_mark (buffer, self->outline_start);
          gtk_text_buffer_delete_mark (buffer, self->outline_end);
          self->outline_start = self->outline_end = NULL;
        }
    }
  else
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
      if (self->outline_start == NULL)
        {
          self->outline_start = gtk_text_buffer_create_mark (buffer, NULL, &a, TRUE);
          self->outline_end = gtk_text_buffer_create_mark (buffer, NULL, &b, FALSE);
        }
      else
        {
          gtk_text_buffer_move_mark (buffer, self->outline_start, &a);
          gtk_text_buffer_move_mark (buffer, self->outline_end, &b);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
crb_text_view_get_n_pages (CrbTextView *self)
{
  g_return_val_if_fail (CRB_IS_TEXT_VIEW (self), 0);
  return self->pages ? self->pages->len + 1 : 1;
}
