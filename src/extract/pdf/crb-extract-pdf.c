/* crb-extract-pdf.c: PDF to text, with poppler-glib
 *
 * Opens the document from memory, refuses what cannot be read with a
 * reason a person can act on (a password, damage, a scan without text),
 * takes the metadata from the document information dictionary, and runs
 * the stages of crb-pdf-private.h over the pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-pdf"

#include "crb-encoding.h"
#include "crb-extract-formats.h"
#include "crb-pdf-private.h"

#include <math.h>
#include <string.h>

/* Past this the helper's limits would stop us anyway; stop cleanly and
 * keep what was read. */
#define MAX_PAGES 20000

static gboolean
looks_like_pdf (GBytes *data)
{
  gsize       length;
  const char *bytes = g_bytes_get_data (data, &length);

  /* Readers accept the header anywhere in the first kilobyte. */
  return length >= 5 && memmem (bytes, MIN (length, 1024), "%PDF-", 5) != NULL;
}

static char *
clean_info (char *value)
{
  g_autofree char *owned = value;
  g_autofree char *normalized = NULL;

  if (value == NULL)
    return NULL;
  normalized = g_strstrip (crb_text_normalize (value));
  return *normalized != '\0' ? g_steal_pointer (&normalized) : NULL;
}

/* Titles that converters write in place of one: "Microsoft Word -
 * report.docx", a file name, "untitled". */
static gboolean
is_placeholder_title (const char *title)
{
  static const char *const suffixes[] = {
    ".doc", ".docx", ".odt", ".pdf", ".rtf", ".txt", ".indd"
  };
  g_autofree char *lower = g_ascii_strdown (title, -1);

  if (g_str_has_prefix (lower, "microsoft word - ") || strcmp (lower, "untitled") == 0 ||
      strcmp (lower, "title") == 0 || strcmp (lower, "document") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

static void
read_metadata (PopplerDocument *document, CrbExtractResult *result)
{
  g_autoptr (GDateTime) created = poppler_document_get_creation_date_time (document);
  g_autofree char *title = clean_info (poppler_document_get_title (document));
  g_autofree char *author = clean_info (poppler_document_get_author (document));

  /* What the caller already knows (a web page's metadata) stays. */
  if (result->title == NULL && title != NULL && !is_placeholder_title (title))
    result->title = g_steal_pointer (&title);
  if (result->author == NULL)
    result->author = g_steal_pointer (&author);
  if (result->published == NULL && created != NULL)
    result->published = g_date_time_format_iso8601 (created);
}

/* Without a title in the document information, the largest type near the
 * top of the first page is the title. */
static void
guess_title (CrbPdfPage *first, double body_size, CrbExtractResult *result)
{
  g_autoptr (GString) title = g_string_new (NULL);
  double largest = 0;

  if (result->title != NULL || first == NULL)
    return;
  for (guint i = 0; i < first->body->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (first->body, i);

      if (line->y1 < first->height / 2)
        largest = MAX (largest, line->size);
    }
  if (largest < 1.2 * body_size)
    return;
  for (guint i = 0; i < first->body->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (first->body, i);

      if (line->y1 >= first->height / 2 || fabs (line->size - largest) > 0.5)
        {
          if (title->len > 0)
            break;
          continue;
        }
      if (title->len > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, line->text);
    }
  if (title->len > 0 && title->len < 300)
    result->title = crb_text_normalize (title->str);
}

static gboolean
has_images (PopplerDocument *document, guint n_pages)
{
  for (guint i = 0; i < MIN (n_pages, 10); i++)
    {
      g_autoptr (CrbPopplerPage) page = poppler_document_get_page (document, i);
      GList *images = page != NULL ? poppler_page_get_image_mapping (page) : NULL;

      if (images != NULL)
        {
          poppler_page_free_image_mapping (images);
          return TRUE;
        }
    }
  return FALSE;
}

static PopplerDocument *
open_document (GBytes *data, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (data, NULL, &local_error);

  if (document != NULL)
    return document;
  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_ENCRYPTED,
                 "This PDF is password-protected. Open it with its password in a PDF viewer, "
                 "save or print it as a new PDF without a password, and import that file.");
  else
    g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                 "This PDF is damaged and cannot be read (%s). If another program opens it, "
                 "save or print it from there as a new PDF and import that file.",
                 local_error != NULL ? local_error->message : "unknown error");
  return NULL;
}

gboolean
crb_extract_pdf (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                 GError **error)
{
  g_autoptr (CrbPopplerDocument) document = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (CrbPdfVocabulary) vocabulary = NULL;
  guint  n_pages, n_chars = 0;
  double body_size;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!looks_like_pdf (data))
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
                   "This is not a PDF file (no %%PDF- header).");
      return FALSE;
    }
  document = open_document (data, error);
  if (document == NULL)
    return FALSE;
  n_pages = poppler_document_get_n_pages (document);
  if (n_pages == 0)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                   "This PDF is damaged: it has no pages that can be read.");
      return FALSE;
    }
  if (n_pages > MAX_PAGES)
    {
      g_ptr_array_add (
          result->warnings,
          g_strdup_printf ("Only the first %u of %u pages were read.", MAX_PAGES, n_pages));
      n_pages = MAX_PAGES;
    }

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_pdf_page_free);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr (CrbPopplerPage) poppler_page = poppler_document_get_page (document, i);
      CrbPdfPage *page;

      if (poppler_page == NULL)
        {
          g_ptr_array_add (result->warnings,
                           g_strdup_printf ("Page %u is damaged and was skipped.", i + 1));
          page = crb_pdf_page_read (NULL);
        }
      else
        page = crb_pdf_page_read (poppler_page);
      n_chars += page->n_chars;
      g_ptr_array_add (pages, page);
    }

  if (n_chars == 0)
    {
      if (has_images (document, n_pages))
        g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY,
                     "This PDF contains only images of pages, no text (probably a scan). "
                     "Run text recognition on it first (for example “ocrmypdf in.pdf out.pdf”) "
                     "and import the result.");
      else
        g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY,
                     "This PDF contains no text.");
      return FALSE;
    }

  g_free (result->kind);
  result->kind = g_strdup ("pdf");
  read_metadata (document, result);

  crb_pdf_remove_furniture (pages, result);
  body_size = crb_pdf_body_size (pages);
  for (guint i = 0; i < pages->len; i++)
    crb_pdf_page_order (g_ptr_array_index (pages, i), body_size);
  guess_title (g_ptr_array_index (pages, 0), body_size, result);
  vocabulary = crb_pdf_vocabulary_new (pages);
  crb_pdf_compose (pages, vocabulary, result);
  return TRUE;
}
