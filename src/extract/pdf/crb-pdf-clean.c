/* crb-pdf-clean.c: running headers, footers and page numbers
 *
 * A line in the top or bottom two rows of a page that comes back at the
 * same height on several pages, digits aside ("Journal of X, p. 12"), is
 * page furniture, not the author's text; so is a lone page number there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-pdf"

#include "crb-pdf-private.h"

#include <math.h>

/* Furniture sits in the outer margins: the top or bottom 15% of a page,
 * within the two outermost rows of text. */
#define MARGIN_ZONE 0.15
#define ROWS 2
/* Same place on every page, give or take a rounding of the layout. */
#define Y_TOLERANCE 4.0

typedef struct
{
  const char *shown; /* the first occurrence, for the report */
  gboolean    footer;
  gboolean    inner; /* seen in the second row from the edge */
  GPtrArray  *lines; /* CrbPdfLine *, borrowed */
  GArray     *pages; /* guint, parallel to lines */
} Repeat;

static void
repeat_free (Repeat *repeat)
{
  g_ptr_array_unref (repeat->lines);
  g_array_unref (repeat->pages);
  g_free (repeat);
}

static GRegex *
page_number_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled =
          g_regex_new ("^(?:(?:page|p\\.|pp\\.|seite|s\\.|стр\\.?|страница|pagina|página)\\s*)?"
                       "[-–—(\\[]?\\s*(?:\\d{1,4}|[ivxlcdm]{1,7})\\s*[-–—)\\]]?"
                       "(?:\\s*(?:of|/|из|von|de|sur)\\s*\\d{1,4})?$",
                       G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

      g_once_init_leave (&regex, compiled);
    }
  return regex;
}

/* Digits vary from page to page ("p. 12", "2023-05-12"); the rest must
 * not. */
static char *
furniture_key (const char *text, gboolean footer)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString         *key = g_string_new (footer ? "B:" : "T:");

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
        }
      else if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static int
compare_top (gconstpointer a, gconstpointer b)
{
  const CrbPdfLine *x = *(CrbPdfLine *const *) a, *y = *(CrbPdfLine *const *) b;

  return (x->y1 > y->y1) - (x->y1 < y->y1);
}

/* The lines in the ROWS outermost rows of `sorted` (top to bottom), walked
 * from the top or from the bottom, that also lie in the margin zone;
 * `inner` receives those of the second row. */
static void
collect_outer_rows (CrbPdfPage *page, GPtrArray *sorted, gboolean footer, GPtrArray *out,
                    GPtrArray *inner)
{
  guint  rows = 0;
  double row_top = 0, row_bottom = 0;

  for (guint k = 0; k < sorted->len; k++)
    {
      CrbPdfLine *line = g_ptr_array_index (sorted, footer ? sorted->len - 1 - k : k);
      gboolean    same_row = k > 0 && line->y1 < row_bottom && line->y2 > row_top;

      if (!same_row)
        {
          if (++rows > ROWS)
            break;
          row_top = line->y1;
          row_bottom = line->y2;
        }
      if (footer ? line->y1 < page->height * (1 - MARGIN_ZONE)
                 : line->y2 > page->height * MARGIN_ZONE)
        break;
      if (!(line->flags & CRB_PDF_LINE_VERTICAL))
        g_ptr_array_add (out, line);
      if (!(line->flags & CRB_PDF_LINE_VERTICAL) && rows > 1)
        g_ptr_array_add (inner, line);
    }
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Removes the occurrences of `repeat` that sit at its usual height;
 * returns on how many pages it did. */
static guint
remove_repeat (Repeat *repeat, GPtrArray *pages, guint threshold)
{
  g_autoptr (GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  double usual;
  guint  matching = 0, removed = 0, last_page = G_MAXUINT;

  for (guint i = 0; i < repeat->lines->len; i++)
    g_array_append_val (heights, ((CrbPdfLine *) g_ptr_array_index (repeat->lines, i))->y1);
  g_array_sort (heights, compare_double);
  usual = g_array_index (heights, double, heights->len / 2);

  for (guint i = 0; i < repeat->lines->len; i++)
    if (fabs (((CrbPdfLine *) g_ptr_array_index (repeat->lines, i))->y1 - usual) <= Y_TOLERANCE)
      matching++;
  if (matching < threshold)
    return 0;

  for (guint i = 0; i < repeat->lines->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (repeat->lines, i);
      guint       index = g_array_index (repeat->pages, guint, i);
      CrbPdfPage *page = g_ptr_array_index (pages, index);

      if (fabs (line->y1 - usual) > Y_TOLERANCE)
        continue;
      g_ptr_array_remove (page->lines, line);
      if (index != last_page)
        removed++;
      last_page = index;
    }
  return removed;
}

void
crb_pdf_remove_furniture (GPtrArray *pages, CrbExtractResult *result)
{
  g_autoptr (GHashTable) repeats =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) repeat_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  guint numbered_pages = 0;
  /* The same words at the same place on the edge of two pages are
   * already furniture (chapter headers come back on only a few); one row
   * further in, body text can repeat by chance, so three are needed. */
  guint inner_threshold = pages->len <= 4 ? 2 : 3;

  for (guint index = 0; index < pages->len; index++)
    {
      CrbPdfPage *page = g_ptr_array_index (pages, index);
      g_autoptr (GPtrArray) sorted = g_ptr_array_copy (page->lines, NULL, NULL);
      gboolean numbered = FALSE;

      g_ptr_array_sort (sorted, compare_top);
      for (int footer = 0; footer <= 1; footer++)
        {
          g_autoptr (GPtrArray) outer = g_ptr_array_new ();
          g_autoptr (GPtrArray) inner = g_ptr_array_new ();

          collect_outer_rows (page, sorted, footer, outer, inner);
          for (guint i = 0; i < outer->len; i++)
            {
              CrbPdfLine      *line = g_ptr_array_index (outer, i);
              g_autofree char *key = NULL;
              Repeat          *repeat;

              if (g_regex_match (page_number_regex (), line->text, 0, NULL))
                {
                  g_ptr_array_remove (page->lines, line);
                  numbered = TRUE;
                  continue;
                }
              key = furniture_key (line->text, footer);
              repeat = g_hash_table_lookup (repeats, key);
              if (repeat == NULL)
                {
                  repeat = g_new0 (Repeat, 1);
                  repeat->shown = line->text;
                  repeat->footer = footer;
                  repeat->lines = g_ptr_array_new ();
                  repeat->pages = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_ptr_array_add (order, repeat);
                  g_hash_table_insert (repeats, g_steal_pointer (&key), repeat);
                }
              g_ptr_array_add (repeat->lines, line);
              g_array_append_val (repeat->pages, index);
              if (g_ptr_array_find (inner, line, NULL))
                repeat->inner = TRUE;
            }
        }
      numbered_pages += numbered;
    }

  if (numbered_pages > 0)
    g_ptr_array_add (result->removed, g_strdup_printf ("page numbers on %u page%s", numbered_pages,
                                                       numbered_pages == 1 ? "" : "s"));

  for (guint i = 0; i < order->len; i++)
    {
      Repeat          *repeat = g_ptr_array_index (order, i);
      g_autofree char *shown = NULL;
      guint            removed;
      guint            threshold = repeat->inner ? inner_threshold : 2;

      if (repeat->lines->len < threshold)
        continue;
      shown = g_strdup (repeat->shown); /* the line may go with the removal */
      removed = remove_repeat (repeat, pages, threshold);
      if (removed > 0)
        g_ptr_array_add (result->removed,
                         g_strdup_printf ("running %s '%s' on %u pages",
                                          repeat->footer ? "footer" : "header", shown, removed));
    }
}
