/* crb-pdf-page.c: poppler's characters and boxes to line fragments
 *
 * poppler's own text order follows its block guesses, which interleave
 * columns; only its lines are trusted here.  Each line is split where a
 * gap is too wide to be a word space (a column gutter that poppler did not
 * see), superscript digits become "[n]" note markers, ligatures are spelt
 * out so that searching for "fi" finds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-pdf"

#include "crb-pdf-private.h"

#include <math.h>
#include <string.h>

/* A gap wider than this many glyph heights splits a line: justified word
 * spaces stay under one em (a glyph box is ~1.15 em high), gutters are
 * wider. */
#define SPLIT_GAP 1.0

typedef struct
{
  gunichar c;
  double   x1, y1, x2, y2;
} Glyph;

CrbPdfLine *
crb_pdf_line_new (const char *text)
{
  CrbPdfLine *line = g_new0 (CrbPdfLine, 1);

  line->text = g_strdup (text);
  return line;
}

void
crb_pdf_line_free (CrbPdfLine *line)
{
  g_free (line->text);
  g_free (line);
}

/* The k-th smallest of `values` (Hoare's selection): the median of every
 * line is wanted, and sorting them all showed up in profiles. */
static double
select_kth (double *values, guint n, guint k)
{
  guint left = 0, right = n - 1;

  while (left < right)
    {
      double pivot = values[(left + right) / 2];
      guint  i = left, j = right;

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              double swap = values[i];

              values[i] = values[j];
              values[j] = swap;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        right = j;
      else if (k >= i)
        left = i;
      else
        break;
    }
  return values[k];
}

static inline gboolean
is_blank (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0x00a0 || g_unichar_isspace (c);
}

/* The median of the heights (or, with `bottoms`, the lower edges) of the
 * glyphs in [from, to) that draw something and are at least `minimum`
 * high. */
static double
median_of (const Glyph *glyphs, guint from, guint to, gboolean bottoms, double minimum)
{
  double             stack[256];
  g_autofree double *heap = NULL;
  double            *values = stack;
  guint              n = 0;

  if (to - from > G_N_ELEMENTS (stack))
    values = heap = g_new (double, to - from);
  for (guint i = from; i < to; i++)
    {
      double height = glyphs[i].y2 - glyphs[i].y1;

      if (!is_blank (glyphs[i].c) && height >= minimum)
        values[n++] = bottoms ? glyphs[i].y2 : height;
    }
  if (n == 0)
    return 0;
  return select_kth (values, n, n / 2);
}

static double
median_height (const Glyph *glyphs, guint from, guint to)
{
  return median_of (glyphs, from, to, FALSE, 0);
}

static void
append_char (GString *text, gunichar c)
{
  static const char *const ligatures[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };

  if (c > ' ' && c < 0x7f)
    g_string_append_c (text, (char) c);
  else if (c >= 0xfb00 && c <= 0xfb06)
    g_string_append (text, ligatures[c - 0xfb00]);
  else if (is_blank (c))
    {
      if (text->len > 0 && text->str[text->len - 1] != ' ')
        g_string_append_c (text, ' ');
    }
  else if (c == 0x00ad || g_unichar_iscntrl (c) || c == 0xfeff)
    return;
  else
    g_string_append_unichar (text, c);
}

/* A superscript number after a word or punctuation is a note marker;
 * after a digit or a one- or two-letter unit (m², km²) it is a power. */
static gboolean
marker_can_follow (const GString *text)
{
  const char *end = text->str + text->len;
  const char *p = end;
  guint       letters = 0;

  if (text->len == 0)
    return FALSE;
  p = g_utf8_prev_char (end);
  if (strchr (".,;:)\"'", *p) != NULL || g_str_has_prefix (p, "\u201d"))
    return TRUE;
  while (p >= text->str && g_unichar_isalpha (g_utf8_get_char (p)))
    {
      letters++;
      if (p == text->str)
        break;
      p = g_utf8_prev_char (p);
    }
  return letters >= 3;
}

static void
add_fragment (CrbPdfPage *page, const Glyph *glyphs, guint from, guint to, double line_height,
              gboolean vertical)
{
  g_autoptr (GString) text = g_string_new (NULL);
  double      height = line_height > 0 ? line_height : median_height (glyphs, from, to);
  double      baseline = G_MAXDOUBLE;
  gboolean    soft_hyphen = FALSE, in_marker = FALSE;
  CrbPdfLine *line;

  /* The baseline matters only for small glyphs (note markers). */
  for (guint i = from; i < to; i++)
    if (!is_blank (glyphs[i].c) && glyphs[i].y2 - glyphs[i].y1 < 0.8 * height)
      {
        baseline = median_of (glyphs, from, to, TRUE, 0.85 * height);
        break;
      }

  line = crb_pdf_line_new (NULL);
  line->x1 = line->y1 = G_MAXDOUBLE;
  line->x2 = line->y2 = -G_MAXDOUBLE;
  for (guint i = from; i < to; i++)
    {
      const Glyph *glyph = &glyphs[i];
      gboolean     raised =
          !vertical && glyph->y2 - glyph->y1 < 0.8 * height && glyph->y2 < baseline - 0.2 * height;

      if (raised && g_unichar_isdigit (glyph->c) && (in_marker || marker_can_follow (text)))
        {
          if (!in_marker)
            g_string_append_c (text, '[');
          in_marker = TRUE;
        }
      else if (in_marker)
        {
          g_string_append_c (text, ']');
          in_marker = FALSE;
        }
      append_char (text, glyph->c);
      if (!is_blank (glyph->c))
        {
          soft_hyphen = glyph->c == 0x00ad;
          line->x1 = MIN (line->x1, glyph->x1);
          line->y1 = MIN (line->y1, glyph->y1);
          line->x2 = MAX (line->x2, glyph->x2);
          line->y2 = MAX (line->y2, glyph->y2);
        }
    }
  if (in_marker)
    g_string_append_c (text, ']');
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  if (text->len == 0)
    {
      crb_pdf_line_free (line);
      return;
    }

  line->text = g_strdup (text->str);
  line->size = height;
  if (vertical)
    line->flags |= CRB_PDF_LINE_VERTICAL;
  if (soft_hyphen)
    line->flags |= CRB_PDF_LINE_SOFT_HYPHEN;
  line->n_chars = g_utf8_strlen (line->text, -1);
  page->n_chars += line->n_chars;
  g_ptr_array_add (page->pool, line);
  g_ptr_array_add (page->lines, line);
}

/* Text running up or down the page (a stamp in the margin) moves more in
 * y than in x from glyph to glyph. */
static gboolean
runs_vertically (const Glyph *glyphs, guint n)
{
  double dx = 0, dy = 0;
  guint  drawn = 0;

  for (guint i = 1; i < n; i++)
    {
      dx += fabs ((glyphs[i].x1 + glyphs[i].x2) - (glyphs[i - 1].x1 + glyphs[i - 1].x2));
      dy += fabs ((glyphs[i].y1 + glyphs[i].y2) - (glyphs[i - 1].y1 + glyphs[i - 1].y2));
      drawn += !is_blank (glyphs[i].c);
    }
  return drawn >= 2 && dy > 2 * dx;
}

static void
split_line (CrbPdfPage *page, GArray *glyph_array)
{
  const Glyph *glyphs = (const Glyph *) glyph_array->data;
  guint        n = glyph_array->len;
  double       height;
  guint        start = 0;
  int          previous = -1;

  if (n == 0)
    return;
  if (runs_vertically (glyphs, n))
    {
      add_fragment (page, glyphs, 0, n, 0, TRUE);
      return;
    }

  height = median_height (glyphs, 0, n);
  for (guint i = 0; i < n; i++)
    {
      if (is_blank (glyphs[i].c))
        continue;
      if (previous >= 0)
        {
          const Glyph *left = &glyphs[previous];
          double       gap = glyphs[i].x1 - left->x2;

          if (gap > SPLIT_GAP * height || glyphs[i].x2 < left->x1 ||
              fabs (glyphs[i].y2 - left->y2) > height)
            {
              add_fragment (page, glyphs, start, i, 0, FALSE);
              start = i;
            }
        }
      previous = i;
    }
  /* Unsplit, the line's height is the fragment's. */
  add_fragment (page, glyphs, start, n, start == 0 ? height : 0, FALSE);
}

/* Text far off the page is not seen by readers, and hostile coordinates
 * (infinite, 1e30) must not reach the layout arithmetic. */
static gboolean
on_page (const CrbPdfPage *page, const Glyph *glyph)
{
  double width = page->width > 0 && page->width < 1e5 ? page->width : 1e5;
  double height = page->height > 0 && page->height < 1e5 ? page->height : 1e5;
  double x = (glyph->x1 + glyph->x2) / 2, y = (glyph->y1 + glyph->y2) / 2;

  return isfinite (glyph->x1) && isfinite (glyph->x2) && isfinite (glyph->y1) &&
         isfinite (glyph->y2) && x > -width / 2 && x < 1.5 * width && y > -height / 2 &&
         y < 1.5 * height && glyph->x2 - glyph->x1 < width && glyph->y2 - glyph->y1 < height;
}

CrbPdfPage *
crb_pdf_page_read (PopplerPage *poppler_page)
{
  CrbPdfPage                  *page = g_new0 (CrbPdfPage, 1);
  g_autofree char             *text = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  guint n_rects = 0, i = 0;

  page->pool = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_pdf_line_free);
  page->lines = g_ptr_array_new ();
  page->body = g_ptr_array_new ();
  page->notes = g_ptr_array_new ();
  if (poppler_page == NULL)
    return page; /* damaged: an empty page keeps the page numbering */
  poppler_page_get_size (poppler_page, &page->width, &page->height);
  text = poppler_page_get_text (poppler_page);
  if (text == NULL || !poppler_page_get_text_layout (poppler_page, &rects, &n_rects))
    return page;

  /* One box per character of the text, newlines included (poppler's
   * documented contract); stop where a broken font makes them disagree. */
  for (const char *p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      Glyph    glyph = { c, rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };

      if (c == '\n')
        {
          split_line (page, glyphs);
          g_array_set_size (glyphs, 0);
          continue;
        }
      if (glyph.x1 > glyph.x2)
        {
          double swap = glyph.x1;

          glyph.x1 = glyph.x2;
          glyph.x2 = swap;
        }
      if (glyph.y1 > glyph.y2)
        {
          double swap = glyph.y1;

          glyph.y1 = glyph.y2;
          glyph.y2 = swap;
        }
      if (!on_page (page, &glyph))
        continue;
      g_array_append_val (glyphs, glyph);
    }
  split_line (page, glyphs);
  return page;
}

void
crb_pdf_page_free (CrbPdfPage *page)
{
  if (page == NULL)
    return;
  g_ptr_array_unref (page->lines);
  g_ptr_array_unref (page->body);
  g_ptr_array_unref (page->notes);
  g_ptr_array_unref (page->pool);
  g_free (page);
}
