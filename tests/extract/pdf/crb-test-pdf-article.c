/* crb-test-pdf-article.c: long two-column articles with known words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-test-pdf.h"

#include <cairo.h>
#include <string.h>

#define PAGE_WIDTH 595.0
#define PAGE_HEIGHT 842.0
#define COLUMN_WIDTH 230.0
#define FONT_SIZE 10.0
#define LEADING 12.5
#define TOP 92.0
#define BOTTOM 780.0

/* None of these is a prefix that the extractor keeps hyphenated (co-,
 * pre-, self-…), so every line-end hyphen here is a syllable break. */
static const char *const syllables[] = {
  "ka",  "lo", "mer", "stan", "vi",  "dor", "ten", "ru",  "sel", "mi",  "gra", "po",
  "lin", "ta", "ber", "nu",   "fas", "tri", "gol", "den", "sa",  "vor", "ni",  "bel",
};

typedef struct
{
  guint32 state;
} Rng;

static guint32
rng_next (Rng *rng)
{
  /* xorshift32: the same words on every machine */
  rng->state ^= rng->state << 13;
  rng->state ^= rng->state >> 17;
  rng->state ^= rng->state << 5;
  return rng->state;
}

/* A word as a list of syllables, so that it can be hyphenated between
 * them; sentence starts are capitalised, ends carry a full stop. */
static GPtrArray *
make_word (Rng *rng, gboolean capital, gboolean full_stop)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  guint      n = 1 + rng_next (rng) % 4;

  for (guint i = 0; i < n; i++)
    {
      char *syllable = g_strdup (syllables[rng_next (rng) % G_N_ELEMENTS (syllables)]);

      if (i == 0 && capital)
        syllable[0] = g_ascii_toupper (syllable[0]);
      if (i == n - 1 && full_stop)
        {
          char *dotted = g_strconcat (syllable, ".", NULL);

          g_free (syllable);
          syllable = dotted;
        }
      g_ptr_array_add (parts, syllable);
    }
  return parts;
}

static char *
join_parts (GPtrArray *parts, guint from, guint to)
{
  GString *word = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    g_string_append (word, g_ptr_array_index (parts, i));
  return g_string_free (word, FALSE);
}

static double
text_width (cairo_t *cr, const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

typedef struct
{
  Rng        rng;
  GPtrArray *word;      /* syllables of the word being set */
  guint      used;      /* its syllables already set on the line above */
  guint      sentence;  /* words left in the sentence */
  guint      paragraph; /* lines left in the paragraph */
  GPtrArray *words;
} Writer;

/* Fills one column line: whole words, and a hyphenated first part of the
 * next word when it does not fit but a part of it does. */
static char *
next_line (Writer *writer, cairo_t *cr, double width, gboolean *paragraph_end)
{
  GString *line = g_string_new (NULL);

  while (TRUE)
    {
      g_autofree char *rest = NULL;
      g_autofree char *candidate = NULL;

      if (writer->word == NULL)
        {
          gboolean capital = writer->sentence == 0;

          if (capital)
            writer->sentence = 4 + rng_next (&writer->rng) % 10;
          writer->sentence--;
          writer->word = make_word (&writer->rng, capital, writer->sentence == 0);
          writer->used = 0;
          g_ptr_array_add (writer->words, join_parts (writer->word, 0, writer->word->len));
        }

      rest = join_parts (writer->word, writer->used, writer->word->len);
      candidate = g_strconcat (line->str, line->len > 0 ? " " : "", rest, NULL);
      if (text_width (cr, candidate) <= width)
        {
          g_string_assign (line, candidate);
          g_clear_pointer (&writer->word, g_ptr_array_unref);
          if (writer->sentence == 0 && writer->paragraph == 0)
            break;
          continue;
        }
      for (guint split = writer->word->len - 1; split > writer->used; split--)
        {
          g_autofree char *head = join_parts (writer->word, writer->used, split);
          g_autofree char *hyphenated =
              g_strconcat (line->str, line->len > 0 ? " " : "", head, "-", NULL);

          if (text_width (cr, hyphenated) <= width)
            {
              g_string_assign (line, hyphenated);
              writer->used = split;
              break;
            }
        }
      break;
    }

  *paragraph_end = writer->word == NULL && writer->sentence == 0 && writer->paragraph == 0;
  if (writer->paragraph > 0)
    writer->paragraph--;
  return g_string_free (line, FALSE);
}

GBytes *
crb_test_pdf_article (guint n_pages, guint32 seed, GPtrArray *words)
{
  g_autoptr (CrbTestPdf) pdf = crb_test_pdf_new (PAGE_WIDTH, PAGE_HEIGHT);
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t         *cr = cairo_create (scratch);
  Writer           writer = { { seed | 1 }, NULL, 0, 0, 6, words };
  gboolean         new_paragraph = TRUE;

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, FONT_SIZE);
  crb_test_pdf_set_info (pdf, "Synthetic Article", "Test Writer", NULL, "2024-03-01T09:30:00Z");

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);

      if (page > 1)
        crb_test_pdf_next_page (pdf, FALSE);
      crb_test_pdf_font (pdf, 8, FALSE);
      crb_test_pdf_show (pdf, 56, 48, "Journal of Synthetic Studies, vol. 7");
      crb_test_pdf_show (pdf, PAGE_WIDTH / 2 - 4, 812, number);
      crb_test_pdf_font (pdf, FONT_SIZE, FALSE);

      for (guint column = 0; column < 2; column++)
        {
          double x = 56 + column * (COLUMN_WIDTH + 22);

          for (double y = TOP; y <= BOTTOM; y += LEADING)
            {
              gboolean         paragraph_end;
              g_autofree char *line = NULL;
              double           indent = new_paragraph ? 12 : 0;

              if (new_paragraph && y > TOP)
                y += LEADING / 2;
              line = next_line (&writer, cr, COLUMN_WIDTH - indent, &paragraph_end);
              crb_test_pdf_show (pdf, x + indent, y, line);
              new_paragraph = paragraph_end;
              if (paragraph_end)
                writer.paragraph = 5 + rng_next (&writer.rng) % 8;
            }
        }
    }

  if (writer.word != NULL)
    {
      /* The last word was cut (or not begun) at the end of the last page:
       * what is on the page is all that a reader can get. */
      g_ptr_array_remove_index (words, words->len - 1);
      if (writer.used > 0)
        {
          g_autofree char *head = join_parts (writer.word, 0, writer.used);

          g_ptr_array_add (words, g_strconcat (head, "-", NULL));
        }
      g_ptr_array_unref (writer.word);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return crb_test_pdf_finish (pdf);
}
