/* crb-pdf-layout.c: reading order of one page
 *
 * A recursive cut of the page.  Where no line crosses a vertical strip of
 * white, the strip is a gutter: everything left of it is read before
 * everything right of it.  Where a few full-width lines (a title, an
 * abstract, a wide figure caption) cross the only plausible gutter, the
 * page is cut across above and below them and each piece is read in turn,
 * so that a heading stays above the columns it introduces.  What cannot be
 * cut is read top to bottom, lines on one baseline left to right (table
 * rows).  Footnotes are taken out first and read after the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-pdf"

#include "crb-pdf-private.h"

#include <math.h>

#define MAX_DEPTH 40

typedef struct
{
  GPtrArray *pool; /* the page's line pool, for merged rows */
  GPtrArray *out;
  guint      block;
  double     min_gap; /* narrowest gutter */
  double     size;
} Order;

static void order_region (Order *order, GPtrArray *region, guint depth);

double
crb_pdf_body_size (GPtrArray *pages)
{
  g_autoptr (GHashTable) weights = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint best = 0, best_weight = 0;

  /* The size that most characters are set in, to half a point. */
  for (guint p = 0; p < pages->len; p++)
    {
      CrbPdfPage *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->lines->len; i++)
        {
          CrbPdfLine *line = g_ptr_array_index (page->lines, i);
          guint       key = (guint) lround (line->size * 2) + 1;
          guint weight = GPOINTER_TO_UINT (g_hash_table_lookup (weights, GUINT_TO_POINTER (key)));

          weight += strlen (line->text);
          g_hash_table_insert (weights, GUINT_TO_POINTER (key), GUINT_TO_POINTER (weight));
          if (weight > best_weight)
            {
              best_weight = weight;
              best = key;
            }
        }
    }
  return best == 0 ? 0 : (best - 1) / 2.0;
}

static int
compare_x1 (gconstpointer a, gconstpointer b)
{
  const CrbPdfLine *x = *(CrbPdfLine *const *) a, *y = *(CrbPdfLine *const *) b;

  return (x->x1 > y->x1) - (x->x1 < y->x1);
}

static int
compare_y1 (gconstpointer a, gconstpointer b)
{
  const CrbPdfLine *x = *(CrbPdfLine *const *) a, *y = *(CrbPdfLine *const *) b;

  return (x->y1 > y->y1) - (x->y1 < y->y1);
}

static int
compare_middle (gconstpointer a, gconstpointer b)
{
  const CrbPdfLine *x = *(CrbPdfLine *const *) a, *y = *(CrbPdfLine *const *) b;
  double            mx = x->y1 + x->y2, my = y->y1 + y->y2;

  return (mx > my) - (mx < my);
}

/* Two sides of short lines on shared baselines are the columns of a
 * table, to be read row by row, not two columns of prose. */
static gboolean
looks_like_table (GPtrArray *left, GPtrArray *right)
{
  guint aligned = 0, length = 0;

  for (guint i = 0; i < left->len; i++)
    {
      CrbPdfLine *a = g_ptr_array_index (left, i);

      length += a->n_chars;
      for (guint j = 0; j < right->len; j++)
        {
          CrbPdfLine *b = g_ptr_array_index (right, j);

          if (fabs (a->y2 - b->y2) < 0.3 * MAX (a->size, b->size))
            {
              aligned++;
              break;
            }
        }
    }
  for (guint j = 0; j < right->len; j++)
    length += ((CrbPdfLine *) g_ptr_array_index (right, j))->n_chars;

  return aligned >= 0.7 * MAX (left->len, right->len) && length < 25 * (left->len + right->len);
}

static void
split_at (GPtrArray *region, double a, double b, GPtrArray *left, GPtrArray *right,
          GPtrArray *across)
{
  for (guint i = 0; i < region->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (region, i);

      if (line->x2 <= a)
        g_ptr_array_add (left, line);
      else if (line->x1 >= b)
        g_ptr_array_add (right, line);
      else if (across != NULL)
        g_ptr_array_add (across, line);
    }
}

/* The widest strip that no line crosses, with text on both sides. */
static gboolean
try_gutter (Order *order, GPtrArray *region, guint depth)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_copy (region, NULL, NULL);
  g_autoptr (GPtrArray) left = g_ptr_array_new ();
  g_autoptr (GPtrArray) right = g_ptr_array_new ();
  double reach = -G_MAXDOUBLE, best = 0, a = 0, b = 0;

  g_ptr_array_sort (sorted, compare_x1);
  for (guint i = 0; i < sorted->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (sorted, i);

      if (i > 0 && line->x1 - reach >= order->min_gap && line->x1 - reach > best)
        {
          best = line->x1 - reach;
          a = reach;
          b = line->x1;
        }
      reach = MAX (reach, line->x2);
    }
  if (best == 0)
    return FALSE;

  split_at (region, a, b, left, right, NULL);
  if (looks_like_table (left, right))
    return FALSE;
  order_region (order, left, depth + 1);
  order_region (order, right, depth + 1);
  return TRUE;
}

static void
flush_section (Order *order, GPtrArray *section, guint depth)
{
  if (section->len == 0)
    return;
  order_region (order, section, depth + 1);
  g_ptr_array_set_size (section, 0);
}

/* A gutter that only a few lines cross: cut the page across around those
 * lines and read the pieces from top to bottom. */
static gboolean
try_spanned_gutter (Order *order, GPtrArray *region, guint depth)
{
  double            x1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, bin, a, b;
  g_autofree guint *coverage = NULL;
  g_autoptr (GPtrArray) left = g_ptr_array_new ();
  g_autoptr (GPtrArray) right = g_ptr_array_new ();
  g_autoptr (GPtrArray) across = g_ptr_array_new ();
  g_autoptr (GPtrArray) sorted = NULL;
  g_autoptr (GPtrArray) section = g_ptr_array_new ();
  g_autoptr (GPtrArray) spanning = g_ptr_array_new ();
  guint n_bins, lowest = G_MAXUINT, best_start = 0, best_length = 0;

  if (region->len < 6)
    return FALSE;
  for (guint i = 0; i < region->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (region, i);

      x1 = MIN (x1, line->x1);
      x2 = MAX (x2, line->x2);
    }
  if (x2 - x1 < 6 * order->min_gap)
    return FALSE;
  n_bins = x2 - x1 < 4000 ? (guint) ceil (x2 - x1) : 4000;
  bin = (x2 - x1) / n_bins;
  coverage = g_new0 (guint, n_bins);
  for (guint i = 0; i < region->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (region, i);
      guint       from = (guint) floor ((line->x1 - x1) / bin);
      guint       to = MIN ((guint) ceil ((line->x2 - x1) / bin), n_bins);

      for (guint k = from; k < to; k++)
        coverage[k]++;
    }

  /* Gutters are inside the text, not at its edges. */
  for (guint k = n_bins / 5; k < n_bins * 4 / 5; k++)
    lowest = MIN (lowest, coverage[k]);
  if (lowest == 0 || lowest > region->len / 3)
    return FALSE;
  for (guint k = n_bins / 5; k < n_bins * 4 / 5; k++)
    {
      guint start = k;

      while (k < n_bins * 4 / 5 && coverage[k] == lowest)
        k++;
      if (k - start > best_length)
        {
          best_start = start;
          best_length = k - start;
        }
    }
  if (best_length * bin < order->min_gap)
    return FALSE;
  a = x1 + best_start * bin;
  b = x1 + (best_start + best_length) * bin;
  split_at (region, a, b, left, right, across);
  if (left->len < 2 || right->len < 2 || across->len == 0 || looks_like_table (left, right))
    return FALSE;

  sorted = g_ptr_array_copy (region, NULL, NULL);
  g_ptr_array_sort (sorted, compare_y1);
  for (guint i = 0; i < sorted->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (sorted, i);
      gboolean    spans = line->x1 < b && line->x2 > a;

      flush_section (order, spans ? section : spanning, depth);
      g_ptr_array_add (spans ? spanning : section, line);
    }
  flush_section (order, section, depth);
  flush_section (order, spanning, depth);
  return TRUE;
}

/* Lines sharing a baseline become one line, left to right, tab-separated
 * where the gap is wider than a word space (table cells). */
static CrbPdfLine *
merge_row (Order *order, GPtrArray *row)
{
  CrbPdfLine *first = g_ptr_array_index (row, 0), *merged;
  g_autoptr (GString) text = g_string_new (first->text);

  if (row->len == 1)
    return first;
  merged = crb_pdf_line_new (NULL);
  *merged = *first;
  for (guint i = 1; i < row->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (row, i);
      CrbPdfLine *previous = g_ptr_array_index (row, i - 1);

      g_string_append_c (text, line->x1 - previous->x2 > 1.5 * line->size ? '\t' : ' ');
      g_string_append (text, line->text);
      merged->n_chars += 1 + line->n_chars;
      merged->x1 = MIN (merged->x1, line->x1);
      merged->y1 = MIN (merged->y1, line->y1);
      merged->x2 = MAX (merged->x2, line->x2);
      merged->y2 = MAX (merged->y2, line->y2);
      merged->size = MAX (merged->size, line->size);
      merged->flags = (merged->flags & ~CRB_PDF_LINE_SOFT_HYPHEN) | line->flags;
    }
  merged->text = g_string_free (g_steal_pointer (&text), FALSE);
  g_ptr_array_add (order->pool, merged);
  return merged;
}

static void
order_leaf (Order *order, GPtrArray *region)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_copy (region, NULL, NULL);
  g_autoptr (GPtrArray) row = g_ptr_array_new ();
  guint  first = order->out->len;
  double x1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE;

  g_ptr_array_sort (sorted, compare_middle);
  for (guint i = 0; i <= sorted->len; i++)
    {
      CrbPdfLine *line = i < sorted->len ? g_ptr_array_index (sorted, i) : NULL;

      if (row->len > 0)
        {
          CrbPdfLine *last = g_ptr_array_index (row, row->len - 1);
          double overlap = line == NULL ? 0 : MIN (line->y2, last->y2) - MAX (line->y1, last->y1);

          if (line == NULL || overlap < 0.5 * MIN (line->y2 - line->y1, last->y2 - last->y1))
            {
              g_ptr_array_sort (row, compare_x1);
              g_ptr_array_add (order->out, merge_row (order, row));
              g_ptr_array_set_size (row, 0);
            }
        }
      if (line != NULL)
        g_ptr_array_add (row, line);
    }

  for (guint i = first; i < order->out->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (order->out, i);

      x1 = MIN (x1, line->x1);
      x2 = MAX (x2, line->x2);
    }
  for (guint i = first; i < order->out->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (order->out, i);

      line->block = order->block;
      line->block_x1 = x1;
      line->block_x2 = x2;
    }
  order->block++;
}

static void
order_region (Order *order, GPtrArray *region, guint depth)
{
  if (region->len == 0)
    return;
  if (region->len > 1 && depth < MAX_DEPTH)
    {
      if (try_gutter (order, region, depth) || try_spanned_gutter (order, region, depth))
        return;
    }
  order_leaf (order, region);
}

static gboolean
starts_with_note_marker (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  guint    digits = 0;

  if (c == '*' || c == 0x2020 || c == 0x2021 || c == 0x00a7 || c == '[' ||
      (c >= 0x2070 && c <= 0x2079) || c == 0x00b9 || c == 0x00b2 || c == 0x00b3)
    return TRUE;
  while (g_ascii_isdigit (text[digits]))
    digits++;
  return digits > 0 && digits <= 3 && !g_ascii_isdigit (text[digits]) &&
         (text[digits] == ' ' || text[digits] == '.' || text[digits] == ')' ||
          g_ascii_isalpha (text[digits]));
}

/* Footnotes: smaller than the body text, in the lower half, below every
 * body line of their column, and opening with a note marker. */
static void
split_notes (CrbPdfPage *page, double body_size, GPtrArray *rest, GPtrArray *notes)
{
  CrbPdfLine *topmost = NULL;

  for (guint i = 0; i < page->lines->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (page->lines, i);
      gboolean    note = line->size < 0.92 * body_size && line->y1 > 0.5 * page->height;

      for (guint j = 0; note && j < page->lines->len; j++)
        {
          CrbPdfLine *other = g_ptr_array_index (page->lines, j);

          if (other->size >= 0.92 * body_size && other->y1 > line->y1 && other->x1 < line->x2 &&
              other->x2 > line->x1)
            note = FALSE;
        }
      g_ptr_array_add (note ? notes : rest, line);
      if (note && (topmost == NULL || line->y1 < topmost->y1))
        topmost = line;
    }

  if (topmost != NULL &&
      (!starts_with_note_marker (topmost->text) || notes->len * 2 > page->lines->len))
    {
      g_ptr_array_extend (rest, notes, NULL, NULL);
      g_ptr_array_set_size (notes, 0);
    }
}

void
crb_pdf_page_order (CrbPdfPage *page, double body_size)
{
  g_autoptr (GPtrArray) flowing = g_ptr_array_new ();
  g_autoptr (GPtrArray) vertical = g_ptr_array_new ();
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  g_autoptr (GPtrArray) notes = g_ptr_array_new ();
  Order order = { page->pool, page->body, 0, 0, body_size };

  order.min_gap = body_size > 0 ? 0.6 * body_size : 6;
  for (guint i = 0; i < page->lines->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (page->lines, i);

      g_ptr_array_add (line->flags & CRB_PDF_LINE_VERTICAL ? vertical : flowing, line);
    }
  g_ptr_array_set_size (page->lines, 0);
  g_ptr_array_extend (page->lines, flowing, NULL, NULL);
  split_notes (page, body_size, rest, notes);

  order_region (&order, rest, 0);
  for (guint i = 0; i < vertical->len; i++)
    {
      g_autoptr (GPtrArray) alone = g_ptr_array_new ();

      g_ptr_array_add (alone, g_ptr_array_index (vertical, i));
      order_leaf (&order, alone);
    }

  order.out = page->notes;
  order_region (&order, notes, 0);
  for (guint i = 0; i < page->notes->len; i++)
    ((CrbPdfLine *) g_ptr_array_index (page->notes, i))->flags |= CRB_PDF_LINE_NOTE;
}
