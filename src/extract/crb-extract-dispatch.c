/* crb-extract-dispatch.c: which extractor reads these bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names and content types lie (a PDF served as text/html, a page saved as
 * .txt), magic bytes rarely do, so they come first.
 */
#define G_LOG_DOMAIN "crb-extract"

#include <string.h>

#include "crb-extract-dispatch.h"

/* PDF readers accept the header anywhere in the first kilobyte. */
#define PDF_HEADER_WINDOW 1024
/* How far into a file HTML markup is looked for. */
#define HTML_SNIFF_WINDOW 1024

static const struct
{
  const char *magic;
  gsize       length;
  const char *what;
} refused[] = {
  { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
    "This is an old Microsoft Office file (.doc, .xls, .ppt); save it as DOCX or PDF" },
  { "{\\rtf", 5, "RTF files cannot be read; save it as DOCX or PDF" },
  { "\x89PNG\r\n\x1A\n", 8, "This is a PNG image, which has no text to read" },
  { "\xFF\xD8\xFF", 3, "This is a JPEG image, which has no text to read" },
  { "GIF87a", 6, "This is a GIF image, which has no text to read" },
  { "GIF89a", 6, "This is a GIF image, which has no text to read" },
  { "\x1F\x8B", 2, "This is a gzip-compressed file; unpack it first" },
  { "7z\xBC\xAF\x27\x1C", 6, "This is a 7-Zip archive; unpack it first" },
  { "Rar!\x1A\x07", 6, "This is a RAR archive; unpack it first" },
};

static gboolean
has_prefix (const guint8 *data, gsize length, const char *magic, gsize magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

static gboolean
name_has_suffix (const CrbExtractRequest *request, const char *suffix)
{
  g_autofree char *lower = NULL;

  if (request == NULL || request->name_hint == NULL)
    return FALSE;
  lower = g_ascii_strdown (request->name_hint, -1);
  return g_str_has_suffix (lower, suffix);
}

static gboolean
type_is (const CrbExtractRequest *request, const char *type)
{
  gsize length = strlen (type);

  if (request == NULL || request->content_type == NULL)
    return FALSE;
  return g_ascii_strncasecmp (request->content_type, type, length) == 0 &&
         (request->content_type[length] == '\0' || request->content_type[length] == ';' ||
          request->content_type[length] == ' ');
}

/* The stored "mimetype" entry that ODF and EPUB put first in the archive. */
static gboolean
zip_mimetype_is (const guint8 *data, gsize length, const char *mimetype)
{
  gsize mimetype_length = strlen (mimetype);

  return length >= 38 + mimetype_length && memcmp (data + 30, "mimetype", 8) == 0 &&
         memcmp (data + 38, mimetype, mimetype_length) == 0;
}

static gboolean
contains (const guint8 *data, gsize length, const char *needle)
{
  gsize needle_length = strlen (needle);

  return length >= needle_length && memmem (data, length, needle, needle_length) != NULL;
}

static CrbExtractFormat
sniff_zip (const guint8 *data, gsize length, const CrbExtractRequest *request)
{
  if (zip_mimetype_is (data, length, "application/vnd.oasis.opendocument.text"))
    return CRB_EXTRACT_FORMAT_ODT;
  if (zip_mimetype_is (data, length, "application/epub+zip"))
    return CRB_EXTRACT_FORMAT_EPUB;
  /* Entry names are stored in the clear in the central directory. */
  if (contains (data, length, "word/document.xml"))
    return CRB_EXTRACT_FORMAT_DOCX;
  if (name_has_suffix (request, ".docx"))
    return CRB_EXTRACT_FORMAT_DOCX;
  if (name_has_suffix (request, ".odt"))
    return CRB_EXTRACT_FORMAT_ODT;
  if (name_has_suffix (request, ".epub"))
    return CRB_EXTRACT_FORMAT_EPUB;
  return CRB_EXTRACT_FORMAT_ZIP;
}

static gboolean
looks_like_html (const guint8 *data, gsize length)
{
  gsize            window = MIN (length, HTML_SNIFF_WINDOW);
  g_autofree char *head = g_ascii_strdown ((const char *) data, (gssize) window);
  const char      *p = head;

  /* The NULs of UTF-16 would hide the markup: only look at byte text. */
  if (memchr (data, '\0', window) != NULL)
    return FALSE;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "<!doctype html") || g_str_has_prefix (p, "<html") ||
      g_str_has_prefix (p, "<head") || g_str_has_prefix (p, "<body"))
    return TRUE;
  /* Comments or an XML declaration may come first. */
  return (g_str_has_prefix (p, "<!--") || g_str_has_prefix (p, "<?xml")) &&
         (strstr (p, "<html") != NULL || strstr (p, "<!doctype html") != NULL);
}

CrbExtractFormat
crb_extract_sniff (GBytes *data, const CrbExtractRequest *request, const char **why)
{
  gsize         length;
  const guint8 *bytes = g_bytes_get_data (data, &length);

  g_return_val_if_fail (data != NULL, CRB_EXTRACT_FORMAT_TEXT);

  if (length > 0 && memmem (bytes, MIN (length, PDF_HEADER_WINDOW), "%PDF-", 5) != NULL)
    return CRB_EXTRACT_FORMAT_PDF;
  if (has_prefix (bytes, length, "PK\x03\x04", 4))
    return sniff_zip (bytes, length, request);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (has_prefix (bytes, length, refused[i].magic, refused[i].length))
      {
        if (why != NULL)
          *why = refused[i].what;
        return CRB_EXTRACT_FORMAT_REFUSED;
      }

  if (type_is (request, "text/html") || type_is (request, "application/xhtml+xml") ||
      name_has_suffix (request, ".html") || name_has_suffix (request, ".htm") ||
      name_has_suffix (request, ".xhtml") || looks_like_html (bytes, length))
    return CRB_EXTRACT_FORMAT_HTML;

  return CRB_EXTRACT_FORMAT_TEXT;
}

typedef gboolean (*Extractor) (GBytes *, const CrbExtractRequest *, CrbExtractResult *, GError **);

/* Every reader gets its chance; one that fails leaves no trace in the
 * result.  If none reads it, the first real complaint (a damaged archive,
 * say) beats "not my format". */
static gboolean
try_zip (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result, GError **error)
{
  static const Extractor readers[] = { crb_extract_docx, crb_extract_odt, crb_extract_epub };
  g_autoptr (GError) complaint = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (CrbExtractResult) attempt = crb_extract_result_new ();

      if (readers[i](data, request, attempt, &local))
        {
          CrbExtractResult swap = *result;

          *result = *attempt;
          *attempt = swap;
          return TRUE;
        }
      if (complaint == NULL &&
          !g_error_matches (local, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED))
        complaint = g_steal_pointer (&local);
    }

  if (complaint != NULL)
    g_propagate_error (error, g_steal_pointer (&complaint));
  else
    g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
                         "This ZIP archive is not a DOCX, ODT or EPUB document");
  return FALSE;
}

gboolean
crb_extract_dispatch (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                      GError **error)
{
  const char *why = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  switch (crb_extract_sniff (data, request, &why))
    {
    case CRB_EXTRACT_FORMAT_PDF:
      return crb_extract_pdf (data, request, result, error);
    case CRB_EXTRACT_FORMAT_DOCX:
      return crb_extract_docx (data, request, result, error);
    case CRB_EXTRACT_FORMAT_ODT:
      return crb_extract_odt (data, request, result, error);
    case CRB_EXTRACT_FORMAT_EPUB:
      return crb_extract_epub (data, request, result, error);
    case CRB_EXTRACT_FORMAT_ZIP:
      return try_zip (data, request, result, error);
    case CRB_EXTRACT_FORMAT_HTML:
      return crb_extract_html (data, request, result, error);
    case CRB_EXTRACT_FORMAT_REFUSED:
      g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED, why);
      return FALSE;
    case CRB_EXTRACT_FORMAT_TEXT:
    default:
      return crb_extract_text (data, request, result, error);
    }
}
