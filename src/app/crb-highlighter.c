/* crb-highlighter.c
 *
 * Highlights are painted with one GtkTextTag per category (a claim kind or
 * a tag colour), never one per claim: the text buffer's B-tree keeps a
 * summary per distinct tag, so per-claim tags make every edit slower as
 * claims accumulate (performance.md §2).  Which claim sits where is kept
 * here, in an array sorted by start, so that clicks find their claim
 * without asking the buffer.  Where claims overlap, a denser "overlap" tag
 * shows it, so that nested passages stay visible and readable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-highlighter"

#include "config.h"

#include "crb-highlighter.h"

typedef struct
{
  CrbClaim   *claim;
  guint       start;
  guint       end;
  GtkTextTag *category;
} Span;

typedef struct
{
  guint start;
  guint end;
} Range;

struct _CrbHighlighter
{
  GObject parent_instance;

  GtkTextBuffer *buffer;
  GHashTable    *categories;  /* name → GtkTextTag (owned by the tag table) */
  GHashTable    *kind_colors; /* kind → "#rrggbb" */
  GPtrArray     *spans;       /* Span*, by start then end */
  GHashTable    *by_uuid;     /* claim UUID → Span* (borrowed) */
  guint          max_length;
  gboolean       dark;

  GtkTextTag *overlap_tag;
  GtkTextTag *mention_tag;

  /* A long text's highlights are painted from its start in steps, so
   * that the first frame shows the top of the text without waiting for
   * the rest (see paint_from_start). */
  guint paint_source;
  guint painted_to;
};

/* Characters painted at once when a text is shown, then in each idle step
 * (some milliseconds each for dense highlights). */
#define FIRST_PAINT_CHARS 24000
#define PAINT_STEP_CHARS  64000

G_DEFINE_FINAL_TYPE (CrbHighlighter, crb_highlighter, G_TYPE_OBJECT)

static void
span_free (Span *span)
{
  g_clear_object (&span->claim);
  g_free (span);
}

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  const Span *x = *(const Span **) a;
  const Span *y = *(const Span **) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  const Range *x = a;
  const Range *y = b;

  return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

static void
crb_highlighter_dispose (GObject *object)
{
  CrbHighlighter *self = CRB_HIGHLIGHTER (object);

  g_clear_handle_id (&self->paint_source, g_source_remove);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  g_clear_pointer (&self->kind_colors, g_hash_table_unref);
  g_clear_object (&self->buffer);
  G_OBJECT_CLASS (crb_highlighter_parent_class)->dispose (object);
}

static void
crb_highlighter_class_init (CrbHighlighterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crb_highlighter_dispose;
}

static void
crb_highlighter_init (CrbHighlighter *self)
{
  self->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->kind_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (self->kind_colors, g_strdup ("claim"), g_strdup ("#f8e45c"));
  g_hash_table_insert (self->kind_colors, g_strdup ("highlight"), g_strdup ("#8ff0a4"));
  g_hash_table_insert (self->kind_colors, g_strdup ("question"), g_strdup ("#ffbe6f"));
}

static GdkRGBA
tint (CrbHighlighter *self, const char *color, double strength)
{
  GdkRGBA rgba = { 0.97, 0.89, 0.36, 1.0 };

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, "#f8e45c");
  rgba.alpha = (self->dark ? 0.38 : 0.5) * strength;
  return rgba;
}

/* The overlap and mention tags must stay above every category. */
static void
raise_fixed_tags (CrbHighlighter *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  int              top = gtk_text_tag_table_get_size (table) - 1;

  gtk_text_tag_set_priority (self->overlap_tag, top);
  gtk_text_tag_set_priority (self->mention_tag, top);
}

static void
style_fixed_tags (CrbHighlighter *self)
{
  GdkRGBA overlap = tint (self, g_hash_table_lookup (self->kind_colors, "claim"), 1.7);
  GdkRGBA underline = { 0.21, 0.52, 0.89, 1.0 };

  if (self->dark)
    gdk_rgba_parse (&underline, "#99c1f1");
  g_object_set (self->overlap_tag, "background-rgba", &overlap, NULL);
  g_object_set (self->mention_tag, "underline", PANGO_UNDERLINE_SINGLE, "underline-rgba",
                &underline, NULL);
}

CrbHighlighter *
crb_highlighter_new (GtkTextBuffer *buffer)
{
  CrbHighlighter *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (CRB_TYPE_HIGHLIGHTER, NULL);
  self->buffer = g_object_ref (buffer);
  self->overlap_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  self->mention_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  style_fixed_tags (self);
  return self;
}

static const char *
category_color (CrbHighlighter *self, const char *name)
{
  if (g_str_has_prefix (name, "kind:"))
    return g_hash_table_lookup (self->kind_colors, name + 5);
  return name + 6; /* "color:#rrggbb" */
}

static void
restyle_categories (CrbHighlighter *self)
{
  GHashTableIter iter;
  gpointer       name, tag;

  g_hash_table_iter_init (&iter, self->categories);
  while (g_hash_table_iter_next (&iter, &name, &tag))
    {
      GdkRGBA rgba = tint (self, category_color (self, name), 1.0);

      g_object_set (tag, "background-rgba", &rgba, NULL);
    }
  style_fixed_tags (self);
}

void
crb_highlighter_set_kind_color (CrbHighlighter *self, const char *kind, const char *color)
{
  g_return_if_fail (CRB_IS_HIGHLIGHTER (self));
  g_return_if_fail (kind != NULL);

  g_hash_table_insert (self->kind_colors, g_strdup (kind), g_strdup (color));
  restyle_categories (self);
}

void
crb_highlighter_set_dark (CrbHighlighter *self, gboolean dark)
{
  g_return_if_fail (CRB_IS_HIGHLIGHTER (self));

  if (self->dark == !!dark)
    return;
  self->dark = !!dark;
  restyle_categories (self);
}

static GtkTextTag *
category_for (CrbHighlighter *self, const char *kind, const char *color)
{
  g_autofree char *name = NULL;
  GtkTextTag      *tag;
  GdkRGBA          rgba;

  if (color && *color)
    name = g_strdup_printf ("color:%s", color);
  else
    name = g_strdup_printf ("kind:%s", kind ? kind : "claim");
  if ((tag = g_hash_table_lookup (self->categories, name)))
    return tag;

  tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
  rgba = tint (self, category_color (self, name), 1.0);
  g_object_set (tag, "background-rgba", &rgba, NULL);
  g_hash_table_insert (self->categories, g_steal_pointer (&name), tag);
  raise_fixed_tags (self);
  return tag;
}

static void
get_range (CrbHighlighter *self, guint start, guint end, GtkTextIter *a, GtkTextIter *b)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, a, (int) start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, b, (int) end);
}

/* Index of the first span with start >= offset. */
static guint
first_starting_at (CrbHighlighter *self, guint offset)
{
  guint lo = 0, hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Span *span = g_ptr_array_index (self->spans, mid);

      if (span->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The spans that intersect [start, end), in order. */
static GPtrArray *
spans_in (CrbHighlighter *self, guint start, guint end)
{
  GPtrArray *found = g_ptr_array_new ();
  guint from = first_starting_at (self, start > self->max_length ? start - self->max_length : 0);
  guint to = first_starting_at (self, end);

  for (guint i = from; i < to; i++)
    {
      Span *span = g_ptr_array_index (self->spans, i);

      if (span->end > start)
        g_ptr_array_add (found, span);
    }
  return found;
}

typedef struct
{
  guint offset;
  int   delta;
} Edge;

static int
compare_edges (gconstpointer a, gconstpointer b)
{
  const Edge *x = a;
  const Edge *y = b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return x->delta - y->delta; /* ends before starts at the same offset */
}

/* Paints the categories and the overlap of `spans`, clipped to the range. */
static void
paint (CrbHighlighter *self, GPtrArray *spans, guint start, guint end)
{
  g_autoptr (GArray) edges = g_array_sized_new (FALSE, FALSE, sizeof (Edge), spans->len * 2);
  GtkTextIter a, b;
  int         depth = 0;
  guint       overlap_from = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = g_ptr_array_index (spans, i);
      Edge  open = { MAX (span->start, start), +1 };
      Edge  close = { MIN (span->end, end), -1 };

      if (open.offset >= close.offset)
        continue;
      get_range (self, open.offset, close.offset, &a, &b);
      gtk_text_buffer_apply_tag (self->buffer, span->category, &a, &b);
      g_array_append_val (edges, open);
      g_array_append_val (edges, close);
    }

  g_array_sort (edges, compare_edges);
  for (guint i = 0; i < edges->len; i++)
    {
      Edge *edge = &g_array_index (edges, Edge, i);

      depth += edge->delta;
      if (edge->delta > 0 && depth == 2)
        overlap_from = edge->offset;
      else if (edge->delta < 0 && depth == 1 && edge->offset > overlap_from)
        {
          get_range (self, overlap_from, edge->offset, &a, &b);
          gtk_text_buffer_apply_tag (self->buffer, self->overlap_tag, &a, &b);
        }
    }
}

static void
clear_range (CrbHighlighter *self, guint start, guint end)
{
  GHashTableIter iter;
  gpointer       tag;
  GtkTextIter    a, b;

  get_range (self, start, end, &a, &b);
  g_hash_table_iter_init (&iter, self->categories);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_buffer_remove_tag (self->buffer, tag, &a, &b);
  gtk_text_buffer_remove_tag (self->buffer, self->overlap_tag, &a, &b);
}

static void
add_dirty (GArray *dirty, guint start, guint end)
{
  Range range = { start, end };

  if (start < end)
    g_array_append_val (dirty, range);
}

static Span *
new_span (CrbHighlighter *self, CrbClaim *claim, GHashTable *colors, guint n_chars)
{
  const char *uuid = crb_record_get_uuid (CRB_RECORD (claim));
  const char *color = colors ? g_hash_table_lookup (colors, uuid) : NULL;
  Span       *span = g_new0 (Span, 1);

  span->claim = g_object_ref (claim);
  span->start = MIN (crb_claim_get_start (claim), n_chars);
  span->end = MIN (crb_claim_get_end (claim), n_chars);
  span->category = category_for (self, crb_claim_get_kind (claim), color);
  return span;
}

static gboolean
paint_step (gpointer data)
{
  CrbHighlighter *self = data;
  guint n_chars = (guint) gtk_text_buffer_get_char_count (self->buffer);
  guint end = MIN (self->painted_to + PAINT_STEP_CHARS, n_chars);
  g_autoptr (GPtrArray) spans = spans_in (self, self->painted_to, end);

  paint (self, spans, self->painted_to, end);
  self->painted_to = end;
  if (end < n_chars)
    return G_SOURCE_CONTINUE;
  self->paint_source = 0;
  return G_SOURCE_REMOVE;
}

/* Paints a text's first screens now and the rest in idle steps after the
 * next frames.  What changes meanwhile is repainted where it changed, and
 * the steps paint the claims as they are by then. */
static void
paint_from_start (CrbHighlighter *self, guint n_chars)
{
  g_autoptr (GPtrArray) first = NULL;

  g_clear_handle_id (&self->paint_source, g_source_remove);
  self->painted_to = MIN (n_chars, FIRST_PAINT_CHARS);
  first = spans_in (self, 0, self->painted_to);
  paint (self, first, 0, self->painted_to);
  if (self->painted_to < n_chars)
    self->paint_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, paint_step, self, NULL);
}

/* Clears and paints again the merged `dirty` ranges. */
static void
repaint (CrbHighlighter *self, GArray *dirty)
{
  g_array_sort (dirty, compare_ranges);
  for (guint i = 0; i < dirty->len;)
    {
      Range merged = g_array_index (dirty, Range, i);
      g_autoptr (GPtrArray) affected = NULL;

      for (i++; i < dirty->len && g_array_index (dirty, Range, i).start <= merged.end; i++)
        merged.end = MAX (merged.end, g_array_index (dirty, Range, i).end);
      clear_range (self, merged.start, merged.end);
      affected = spans_in (self, merged.start, merged.end);
      paint (self, affected, merged.start, merged.end);
    }
}

void
crb_highlighter_set_claims (CrbHighlighter *self, GPtrArray *claims, GHashTable *colors)
{
  g_autoptr (GPtrArray) spans = NULL;
  g_autoptr (GHashTable) by_uuid = NULL;
  g_autoptr (GArray) dirty = g_array_new (FALSE, FALSE, sizeof (Range));
  guint    n_chars;
  gboolean was_empty;

  g_return_if_fail (CRB_IS_HIGHLIGHTER (self));

  n_chars = (guint) gtk_text_buffer_get_char_count (self->buffer);
  was_empty = self->spans->len == 0;
  spans = g_ptr_array_new_full (claims ? claims->len : 0, (GDestroyNotify) span_free);
  by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; claims && i < claims->len; i++)
    {
      Span       *span = new_span (self, g_ptr_array_index (claims, i), colors, n_chars);
      const char *uuid = crb_record_get_uuid (CRB_RECORD (span->claim));
      Span       *old;

      g_ptr_array_add (spans, span);
      g_hash_table_insert (by_uuid, (gpointer) uuid, span);

      old = g_hash_table_lookup (self->by_uuid, uuid);
      if (old == NULL || old->start != span->start || old->end != span->end ||
          old->category != span->category)
        {
          add_dirty (dirty, span->start, span->end);
          if (old)
            add_dirty (dirty, old->start, old->end);
        }
    }
  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *old = g_ptr_array_index (self->spans, i);

      if (!g_hash_table_contains (by_uuid, crb_record_get_uuid (CRB_RECORD (old->claim))))
        add_dirty (dirty, old->start, old->end);
    }

  g_ptr_array_sort (spans, compare_spans);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_ptr_array_unref);
  self->spans = g_steal_pointer (&spans);
  self->by_uuid = g_steal_pointer (&by_uuid);
  self->max_length = 0;
  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = g_ptr_array_index (self->spans, i);

      self->max_length = MAX (self->max_length, span->end - span->start);
    }

  if (self->spans->len == 0)
    g_clear_handle_id (&self->paint_source, g_source_remove);
  if (was_empty)
    paint_from_start (self, n_chars);
  else
    repaint (self, dirty);
}

static void
remove_span (CrbHighlighter *self, const char *uuid, GArray *dirty)
{
  Span *old = uuid ? g_hash_table_lookup (self->by_uuid, uuid) : NULL;

  if (old == NULL)
    return;
  add_dirty (dirty, old->start, old->end);
  g_hash_table_remove (self->by_uuid, uuid);
  g_ptr_array_remove_fast (self->spans, old);
}

void
crb_highlighter_update_claims (CrbHighlighter *self, GPtrArray *changed, const char *const *removed,
                               GHashTable *colors)
{
  g_autoptr (GArray) dirty = g_array_new (FALSE, FALSE, sizeof (Range));
  guint n_chars;

  g_return_if_fail (CRB_IS_HIGHLIGHTER (self));

  n_chars = (guint) gtk_text_buffer_get_char_count (self->buffer);
  for (guint i = 0; removed && removed[i]; i++)
    remove_span (self, removed[i], dirty);
  for (guint i = 0; changed && i < changed->len; i++)
    {
      Span *span = new_span (self, g_ptr_array_index (changed, i), colors, n_chars);

      remove_span (self, crb_record_get_uuid (CRB_RECORD (span->claim)), dirty);
      add_dirty (dirty, span->start, span->end);
      g_ptr_array_add (self->spans, span);
      g_hash_table_insert (self->by_uuid, (gpointer) crb_record_get_uuid (CRB_RECORD (span->claim)),
                           span);
    }
  if (dirty->len == 0)
    return;
  g_ptr_array_sort (self->spans, compare_spans);
  self->max_length = 0;
  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = g_ptr_array_index (self->spans, i);

      self->max_length = MAX (self->max_length, span->end - span->start);
    }
  repaint (self, dirty);
}

GPtrArray *
crb_highlighter_dup_claims (CrbHighlighter *self)
{
  GPtrArray *claims;

  g_return_val_if_fail (CRB_IS_HIGHLIGHTER (self), NULL);

  claims = g_ptr_array_sized_new (self->spans->len);
  for (guint i = 0; i < self->spans->len; i++)
    g_ptr_array_add (claims, ((Span *) g_ptr_array_index (self->spans, i))->claim);
  return claims;
}

void
crb_highlighter_set_mentions (CrbHighlighter *self, GArray *ranges)
{
  GtkTextIter a, b;
  guint       n_chars;

  g_return_if_fail (CRB_IS_HIGHLIGHTER (self));

  n_chars = (guint) gtk_text_buffer_get_char_count (self->buffer);
  gtk_text_buffer_get_bounds (self->buffer, &a, &b);
  gtk_text_buffer_remove_tag (self->buffer, self->mention_tag, &a, &b);
  for (guint i = 0; ranges && i + 1 < ranges->len; i += 2)
    {
      guint start = MIN (g_array_index (ranges, guint, i), n_chars);
      guint end = MIN (g_array_index (ranges, guint, i + 1), n_chars);

      get_range (self, start, end, &a, &b);
      gtk_text_buffer_apply_tag (self->buffer, self->mention_tag, &a, &b);
    }
}

CrbClaim *
crb_highlighter_claim_at (CrbHighlighter *self, guint offset)
{
  g_autoptr (GPtrArray) found = NULL;
  Span *best = NULL;

  g_return_val_if_fail (CRB_IS_HIGHLIGHTER (self), NULL);

  found = spans_in (self, offset, offset + 1);
  for (guint i = 0; i < found->len; i++)
    {
      Span *span = g_ptr_array_index (found, i);

      if (best == NULL || span->end - span->start < best->end - best->start)
        best = span;
    }
  return best ? best->claim : NULL;
}

CrbClaim *
crb_highlighter_lookup (CrbHighlighter *self, const char *claim_uuid)
{
  Span *span;

  g_return_val_if_fail (CRB_IS_HIGHLIGHTER (self), NULL);

  span = claim_uuid ? g_hash_table_lookup (self->by_uuid, claim_uuid) : NULL;
  return span ? span->claim : NULL;
}

guint
crb_highlighter_get_n_categories (CrbHighlighter *self)
{
  g_return_val_if_fail (CRB_IS_HIGHLIGHTER (self), 0);
  return g_hash_table_size (self->categories);
}

gboolean
crb_highlighter_is_painting (CrbHighlighter *self)
{
  g_return_val_if_fail (CRB_IS_HIGHLIGHTER (self), FALSE);
  return self->paint_source != 0;
}
