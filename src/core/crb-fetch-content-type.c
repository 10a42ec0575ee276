/* crb-fetch-content-type.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-fetch-content-type.h"

#include <string.h>

#include "crb-fetch-error.h"
#include "crb-fetch-url.h"

#define MIME_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define MIME_ODT  "application/vnd.oasis.opendocument.text"
#define MIME_EPUB "application/epub+zip"
#define MIME_PDF  "application/pdf"

static const char * const accepted[] = {
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "text/markdown",
  "text/x-markdown",
  MIME_PDF,
  MIME_DOCX,
  MIME_ODT,
  MIME_EPUB,
};

static const struct
{
  const char *extension;
  const char *mime;
  const char *label;
} by_extension[] = {
  { ".pdf", MIME_PDF, "PDF" },
  { ".docx", MIME_DOCX, "DOCX document" },
  { ".odt", MIME_ODT, "ODT document" },
  { ".epub", MIME_EPUB, "EPUB book" },
};

const char *
crb_fetch_content_type_accept (const char  *mime,
                               const char  *url_path,
                               gboolean    *needs_signature,
                               GError     **error)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (needs_signature != NULL, NULL);

  *needs_signature = FALSE;
  if (mime != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
      if (g_str_equal (mime, accepted[i]))
        return accepted[i];

  if (mime == NULL || g_str_equal (mime, "application/octet-stream"))
    {
      g_autofree char *path = g_ascii_strdown (url_path != NULL ? url_path : "", -1);

      for (guint i = 0; i < G_N_ELEMENTS (by_extension); i++)
        if (g_str_has_suffix (path, by_extension[i].extension))
          {
            *needs_signature = TRUE;
            return by_extension[i].mime;
          }
      g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_CONTENT_TYPE,
                   mime == NULL
                   ? "The server did not say what kind of document this is, and the address "
                     "does not end in .pdf, .docx, .odt or .epub; Corroborate imports web "
                     "pages, plain text, Markdown, PDF, DOCX, ODT and EPUB."
                   : "The server sent an unlabelled download (application/octet-stream), and "
                     "the address does not end in .pdf, .docx, .odt or .epub; Corroborate "
                     "imports web pages, plain text, Markdown, PDF, DOCX, ODT and EPUB.");
      return NULL;
    }

  shown = crb_fetch_quote_untrusted (mime, 100);
  g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_CONTENT_TYPE,
               "The server sent %s, which Corroborate does not import; it imports web pages, "
               "plain text, Markdown, PDF, DOCX, ODT and EPUB.",
               shown);
  return NULL;
}

static gboolean
has_zip_header_with (const guint8 *data,
                     gsize         size,
                     const char   *inner_mime)
{
  static const guint8 zip_local_header[] = { 'P', 'K', 3, 4 };

  if (size < sizeof zip_local_header || memcmp (data, zip_local_header, 4) != 0)
    return FALSE;
  /* ODF and EPUB put an uncompressed "mimetype" entry first, so its content
   * sits right after the first local header. */
  return inner_mime == NULL || memmem (data, MIN (size, 256), inner_mime, strlen (inner_mime));
}

gboolean
crb_fetch_content_type_confirm (const char  *mime,
                                GBytes      *body,
                                GError     **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (body, &size);
  const char *label = mime;
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (by_extension); i++)
    if (g_str_equal (mime, by_extension[i].mime))
      label = by_extension[i].label;

  if (g_str_equal (mime, MIME_PDF))
    /* Readers accept the header anywhere in the first KiB; so do we. */
    ok = memmem (data, MIN (size, 1024), "%PDF-", 5) != NULL;
  else if (g_str_equal (mime, MIME_DOCX))
    ok = has_zip_header_with (data, size, NULL);
  else if (g_str_equal (mime, MIME_ODT) || g_str_equal (mime, MIME_EPUB))
    ok = has_zip_header_with (data, size, mime);
  else
    ok = FALSE;

  if (!ok)
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_CONTENT_TYPE,
                 "The server sent an unlabelled download whose content is not the %s its "
                 "name promises; Corroborate does not import it.",
                 label);
  return ok;
}
