/* crb-pdf-compose.c: ordered lines to paragraphs, pages to offsets
 *
 * A paragraph ends where the spacing between lines grows, where the next
 * line is indented, where a short line closes a sentence, or where the
 * type size changes (a heading).  A paragraph that runs on into the next
 * column or page is joined back; a word broken across lines is rejoined
 * unless the hyphen belongs to it.  Footnotes follow their page's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-pdf"

#include "crb-encoding.h"
#include "crb-pdf-private.h"

#include <math.h>
#include <string.h>

typedef struct
{
  CrbExtractResult *result;
  CrbPdfVocabulary *vocabulary;
  guint             offset;    /* code points in result->text */
  CrbPdfLine       *last;      /* the line written last */
  guint             last_page; /* the page it is on */
  guint             page;
  GArray           *gaps; /* double per block of the current page: usual line gap */
  gboolean          page_pending;
  gboolean          in_list; /* the open paragraph is a list item */
  gboolean          in_row;  /* … or a table row */
} Composer;

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
measure_gaps (GArray *gaps, GPtrArray *lines)
{
  g_autoptr (GArray) block_gaps = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < lines->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (lines, i);
      CrbPdfLine *next = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;

      if (next != NULL && next->block == line->block && fabs (next->size - line->size) < 0.5)
        {
          double gap = next->y1 - line->y2;

          g_array_append_val (block_gaps, gap);
        }
      if (next == NULL || next->block != line->block)
        {
          double usual = 0.3 * line->size;

          /* The lower quartile: a block of short paragraphs has more
           * paragraph gaps than line gaps. */
          if (block_gaps->len > 0)
            {
              g_array_sort (block_gaps, compare_double);
              usual = g_array_index (block_gaps, double, block_gaps->len / 4);
            }
          if (gaps->len <= line->block)
            g_array_set_size (gaps, line->block + 1);
          g_array_index (gaps, double, line->block) = usual;
          g_array_set_size (block_gaps, 0);
        }
    }
}

static gboolean
ends_sentence (const char *text)
{
  gsize       length = strlen (text);
  const char *end = text + length;

  /* Look through closing quotes and brackets. */
  while (end > text)
    {
      const char *previous = g_utf8_prev_char (end);
      gunichar    c = g_utf8_get_char (previous);

      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201d || c == 0x2019 ||
          c == 0x00bb)
        end = previous;
      else
        return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026;
    }
  return FALSE;
}

static gboolean
starts_item (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  guint    digits = 0;

  if (c == 0x2022 || c == 0x25e6 || c == 0x25aa || c == 0x25cf || c == 0x2013 || c == 0x2014 ||
      ((c == '-' || c == '*') && text[1] == ' '))
    return TRUE;
  while (g_ascii_isdigit (text[digits]))
    digits++;
  return digits > 0 && digits <= 2 && (text[digits] == '.' || text[digits] == ')') &&
         text[digits + 1] == ' ';
}

static gboolean
ends_with_hyphen (const CrbPdfLine *line)
{
  gsize length = strlen (line->text);

  return length > 1 && line->text[length - 1] == '-';
}

/* Does `line` go on with the paragraph that `last` is in? */
static gboolean
continues (Composer *composer, const CrbPdfLine *last, const CrbPdfLine *line)
{
  double   size = MAX (last->size, line->size);
  gboolean open_end = ends_with_hyphen (last) || (last->flags & CRB_PDF_LINE_SOFT_HYPHEN) ||
                      !ends_sentence (last->text);

  if ((last->flags ^ line->flags) & CRB_PDF_LINE_NOTE)
    return FALSE;
  if ((last->flags | line->flags) & CRB_PDF_LINE_VERTICAL)
    return FALSE;
  if (fabs (last->size - line->size) > 0.15 * size)
    return FALSE;
  if (starts_item (line->text))
    return FALSE;
  if (strchr (line->text, '\t') != NULL || strchr (last->text, '\t') != NULL)
    return FALSE; /* table rows (cells merged with tabs) stand alone */
  if ((line->flags & CRB_PDF_LINE_NOTE) && !open_end && g_ascii_isdigit (line->text[0]))
    return FALSE;

  if (line->x1 > line->block_x1 + 0.8 * size && line->x1 < line->block_x1 + 6 * size &&
      !(last->block == line->block && last->x1 > last->block_x1 + 0.8 * size))
    return FALSE; /* first-line indent */

  if (last->block != line->block || composer->last_page != composer->page)
    {
      double last_width = last->block_x2 - last->block_x1;
      double width = line->block_x2 - line->block_x1;

      /* Into the next column or page: a broken word or a sentence that
       * goes on in lower case continues; otherwise only a full line of a
       * column as wide as the next one does. */
      if (ends_with_hyphen (last) || (last->flags & CRB_PDF_LINE_SOFT_HYPHEN))
        return TRUE;
      if (!open_end)
        return FALSE;
      if (g_unichar_islower (g_utf8_get_char (line->text)))
        return TRUE;
      return last->x2 >= last->block_x2 - 3 * size && last_width > 10 * size &&
             fabs (last_width - width) < 0.25 * MAX (last_width, width);
    }

  {
    double usual = g_array_index (composer->gaps, double, line->block);
    double width = last->block_x2 - last->block_x1;

    if (line->y1 - last->y2 > usual + 0.4 * size)
      return FALSE;
    if (!open_end && last->x2 < last->block_x2 - MAX (4 * size, 0.2 * width))
      return FALSE;
  }
  return TRUE;
}

static inline gboolean
is_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

/* The letters that end `text` before its final hyphen, or begin it. */
static char *
word_at (const char *text, gboolean at_end)
{
  const char *start, *end;

  if (at_end)
    {
      end = text + strlen (text) - 1;
      start = end;
      while (start > text && is_letter (g_utf8_get_char (g_utf8_prev_char (start))))
        start = g_utf8_prev_char (start);
    }
  else
    {
      start = end = text;
      while (*end != '\0' && is_letter (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
    }
  return g_strndup (start, end - start);
}

static void
append (Composer *composer, const char *text)
{
  g_string_append (composer->result->text, text);
  composer->offset += g_utf8_strlen (text, -1);
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

static void
write_line (Composer *composer, CrbPdfLine *line)
{
  CrbExtractResult *result = composer->result;
  CrbPdfLine       *last = composer->last;
  g_autofree char  *normalized = NULL;
  const char       *text = line->text;

  if (!is_ascii (text))
    {
      text = normalized = crb_text_normalize (line->text);
    }
  if (last != NULL && continues (composer, last, line))
    {
      if (last->flags & CRB_PDF_LINE_SOFT_HYPHEN)
        ; /* the typesetter's own break: join */
      else if (ends_with_hyphen (last))
        {
          g_autofree char *left = word_at (last->text, TRUE);
          g_autofree char *right = word_at (text, FALSE);

          if (*left != '\0' && *right != '\0' &&
              !crb_pdf_hyphen_keep (composer->vocabulary, left, right))
            {
              g_string_truncate (result->text, result->text->len - 1);
              composer->offset--;
            }
        }
      else
        append (composer, " ");
    }
  else
    {
      gboolean item = starts_item (text);
      gboolean row = strchr (text, '\t') != NULL;

      /* List items and table rows follow each other line by line, as in
       * the other formats. */
      if (result->text->len > 0)
        append (composer, (item && composer->in_list) || (row && composer->in_row) ? "\n" : "\n\n");
      g_array_append_val (result->paragraphs, composer->offset);
      composer->in_list = item;
      composer->in_row = row;
    }

  if (composer->page_pending)
    {
      g_array_append_val (result->pages, composer->offset);
      composer->page_pending = FALSE;
    }
  if (normalized == NULL)
    {
      /* ASCII, already counted */
      g_string_append (result->text, text);
      composer->offset += line->n_chars;
    }
  else
    append (composer, text);
  composer->last = line;
  composer->last_page = composer->page;
}

void
crb_pdf_compose (GPtrArray *pages, CrbPdfVocabulary *vocabulary, CrbExtractResult *result)
{
  g_autoptr (GArray) gaps = g_array_new (FALSE, TRUE, sizeof (double));
  Composer composer = { result, vocabulary, 0, NULL, 0, 0, gaps, FALSE };

  for (guint p = 0; p < pages->len; p++)
    {
      CrbPdfPage *page = g_ptr_array_index (pages, p);

      composer.page = p;
      composer.page_pending = TRUE;
      g_array_set_size (gaps, 0);
      measure_gaps (gaps, page->body);
      measure_gaps (gaps, page->notes);
      for (guint i = 0; i < page->body->len; i++)
        write_line (&composer, g_ptr_array_index (page->body, i));
      for (guint i = 0; i < page->notes->len; i++)
        write_line (&composer, g_ptr_array_index (page->notes, i));
      if (composer.page_pending)
        g_array_append_val (result->pages, composer.offset);
    }
}
