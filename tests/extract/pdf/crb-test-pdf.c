/* crb-test-pdf.c: writes PDFs for the extraction tests and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-test-pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <string.h>

struct _CrbTestPdf
{
  GByteArray      *bytes;
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           width;
  double           height;
  guint            page;    /* 1-based, as cairo numbers them in its output */
  GArray          *rotated; /* guint: pages to store with /Rotate 90 */
};

static cairo_status_t
write_to_array (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

CrbTestPdf *
crb_test_pdf_new (double width, double height)
{
  CrbTestPdf *pdf = g_new0 (CrbTestPdf, 1);

  pdf->bytes = g_byte_array_new ();
  pdf->width = width;
  pdf->height = height;
  pdf->page = 1;
  pdf->rotated = g_array_new (FALSE, FALSE, sizeof (guint));
  pdf->surface = cairo_pdf_surface_create_for_stream (write_to_array, pdf->bytes, width, height);
  pdf->cr = cairo_create (pdf->surface);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  crb_test_pdf_font (pdf, 10, FALSE);
  return pdf;
}

void
crb_test_pdf_set_info (CrbTestPdf *pdf, const char *title, const char *author, const char *subject,
                       const char *created)
{
  if (title != NULL)
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_AUTHOR, author);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  if (created != NULL)
    cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

void
crb_test_pdf_font (CrbTestPdf *pdf, double size, gboolean bold)
{
  cairo_select_font_face (pdf->cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (pdf->cr, size);
}

double
crb_test_pdf_show (CrbTestPdf *pdf, double x, double y, const char *text)
{
  double end_x, end_y;

  cairo_move_to (pdf->cr, x, y);
  cairo_show_text (pdf->cr, text);
  cairo_get_current_point (pdf->cr, &end_x, &end_y);
  return end_x;
}

void
crb_test_pdf_image (CrbTestPdf *pdf, double x, double y, double width, double height)
{
  cairo_surface_t *image =
      cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cairo_t *cr = cairo_create (image);

  /* Stripes, so that cairo cannot reduce the picture to a fill. */
  for (int row = 0; row < (int) height; row += 4)
    {
      cairo_set_source_rgb (cr, row % 8 ? 0.3 : 0.8, 0.5, 0.5);
      cairo_rectangle (cr, 0, row, width, 4);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_save (pdf->cr);
  cairo_set_source_surface (pdf->cr, image, x, y);
  cairo_paint (pdf->cr);
  cairo_restore (pdf->cr);
  cairo_surface_destroy (image);
}

double
crb_test_pdf_show_lines (CrbTestPdf *pdf, double x, double y, double leading,
                         const char *const *lines)
{
  for (guint i = 0; lines[i] != NULL; i++, y += leading)
    crb_test_pdf_show (pdf, x, y, lines[i]);
  return y - leading;
}

void
crb_test_pdf_next_page (CrbTestPdf *pdf, gboolean rotated)
{
  cairo_show_page (pdf->cr);
  pdf->page++;
  cairo_identity_matrix (pdf->cr);
  if (rotated)
    {
      /* The viewer turns the page 90° clockwise; draw so that the result
       * reads upright: display (x, y) lands on page (y, height - x). */
      cairo_matrix_t matrix;

      cairo_matrix_init (&matrix, 0, -1, 1, 0, 0, pdf->height);
      cairo_set_matrix (pdf->cr, &matrix);
      g_array_append_val (pdf->rotated, pdf->page);
    }
}

/* The last `needle` in binary `data` (GLib's string searches stop at NUL). */
static const char *
find_last (const guint8 *data, gsize length, const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = length - needle_length + 1; i-- > 0;)
    if (memcmp (data + i, needle, needle_length) == 0)
      return (const char *) data + i;
  return NULL;
}

/* Rewrites the page objects of `pages` with /Rotate 90 in an incremental
 * update (new objects, a new xref section and a trailer with /Prev), the
 * way editors change a PDF without rewriting it. */
static void
add_rotation (GByteArray *bytes, GArray *pages)
{
  g_autoptr (GString) update = g_string_new (NULL);
  g_autoptr (GString) xref = g_string_new (NULL);
  const char *text = (const char *) bytes->data;
  const char *startxref = find_last (bytes->data, bytes->len, "startxref");
  const char *trailer = find_last (bytes->data, bytes->len, "trailer");
  gsize       base = bytes->len;
  guint64     previous;

  g_assert (startxref != NULL && trailer != NULL);
  previous = g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);

  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *marker =
          g_strdup_printf ("<< /Type /Page %% %u\n", g_array_index (pages, guint, i));
      const char *dict = memmem (text, bytes->len, marker, strlen (marker));
      const char *end, *start;
      guint       object;

      g_assert (dict != NULL);
      end = memmem (dict, bytes->len - (dict - text), "endobj", 6);
      g_assert (end != NULL);
      for (start = dict - 2; start > text && start[-1] != '\n'; start--)
        ;
      object = (guint) g_ascii_strtoull (start, NULL, 10);
      g_string_append_printf (xref, "%u 1\n%010" G_GSIZE_FORMAT " 00000 n \n", object,
                              base + update->len);
      g_string_append_printf (update, "%u 0 obj\n<< /Rotate 90 ", object);
      g_string_append_len (update, dict + 3, end - (dict + 3));
      g_string_append (update, "endobj\n");
    }

  {
    const char *dict = strstr (trailer, "<<");
    const char *end = strstr (trailer, ">>");
    gsize       xref_offset = base + update->len;

    g_assert (dict != NULL && end != NULL);
    g_string_append_printf (update, "xref\n0 1\n0000000000 65535 f \n%s", xref->str);
    g_string_append_printf (update, "trailer\n<< /Prev %" G_GUINT64_FORMAT " ", previous);
    g_string_append_len (update, dict + 2, end + 2 - (dict + 2));
    g_string_append_printf (update, "\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref_offset);
  }
  g_byte_array_append (bytes, (const guint8 *) update->str, update->len);
}

GBytes *
crb_test_pdf_finish (CrbTestPdf *pdf)
{
  GByteArray *bytes;

  cairo_show_page (pdf->cr);
  g_clear_pointer (&pdf->cr, cairo_destroy);
  cairo_surface_finish (pdf->surface);
  g_assert_cmpint (cairo_surface_status (pdf->surface), ==, CAIRO_STATUS_SUCCESS);
  if (pdf->rotated->len > 0)
    add_rotation (pdf->bytes, pdf->rotated);
  bytes = g_steal_pointer (&pdf->bytes);
  return g_byte_array_free_to_bytes (bytes);
}

void
crb_test_pdf_free (CrbTestPdf *pdf)
{
  if (pdf == NULL)
    return;
  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_clear_pointer (&pdf->surface, cairo_surface_destroy);
  if (pdf->bytes != NULL)
    g_byte_array_unref (pdf->bytes);
  g_array_unref (pdf->rotated);
  g_free (pdf);
}
