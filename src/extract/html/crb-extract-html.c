/* crb-extract-html.c: the article text and metadata of a web page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bytes → UTF-8 (crb-html-charset.c) → depth-limited markup (crb-html-depth.c)
 * → gumbo tree, flattened (crb-html-dom.c) → metadata (crb-html-metadata.c,
 * crb-html-jsonld.c) → furniture marked (crb-html-hints.c) → article chosen
 * (crb-html-readability.c) → article cleaned (crb-html-clean.c) → text
 * (crb-html-text.c).
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-extract-formats.h"
#include "crb-html-private.h"

/* Less than this after extraction means we picked the wrong block. */
#define MIN_ARTICLE_CHARS 200

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbHtmlDoc, crb_html_doc_free)

static guint
text_chars (CrbExtractResult *result)
{
  return (guint) g_utf8_strlen (result->text->str, (gssize) result->text->len);
}

static void
reset_text (CrbExtractResult *result)
{
  g_string_truncate (result->text, 0);
  g_array_set_size (result->paragraphs, 0);
}

/* "page 2 of 3" in the pagination the page shows, if it says so. */
static char *
page_position (CrbHtmlDoc *doc)
{
  g_autoptr (GRegex) pattern =
      g_regex_new ("(\\d{1,3})\\s*(?:of|из|von|/|из\\s+\\S+)\\s*(\\d{1,3})",
                   G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  guint i;

  for (i = doc->body; i < doc->nodes[doc->body].end; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];
      g_autoptr (GMatchInfo) match = NULL;
      g_autofree char *text = NULL;

      if (node->kind != CRB_HTML_KIND_PAGINATION)
        continue;
      i = node->end - 1;
      text = crb_html_node_text (doc, node - doc->nodes, FALSE);
      if (strlen (text) < 400 && g_regex_match (pattern, text, 0, &match))
        {
          g_autofree char *page = g_match_info_fetch (match, 1);
          g_autofree char *pages = g_match_info_fetch (match, 2);

          return g_strdup_printf ("page %s of %s", page, pages);
        }
    }
  return NULL;
}

static gboolean
has_kind (CrbHtmlDoc *doc, CrbHtmlKind kind)
{
  guint i;

  for (i = 0; i < doc->n_nodes; i++)
    if (doc->nodes[i].kind == kind)
      return TRUE;
  return FALSE;
}

static void
add_warnings (CrbHtmlDoc *doc, CrbExtractResult *result, guint n_dropped, gboolean from_ld)
{
  if (n_dropped > 0)
    g_ptr_array_add (result->warnings,
                     g_strdup_printf ("The page nests elements more than %u levels deep; "
                                      "%u deeper tags were ignored (their text was kept).",
                                      CRB_HTML_MAX_DEPTH, n_dropped));
  if (doc->truncated)
    g_ptr_array_add (result->warnings,
                     g_strdup_printf ("The page's structure is more than %u levels deep; the "
                                      "deeper parts were left out.",
                                      CRB_HTML_MAX_TREE_DEPTH));
  if (doc->meta.has_next || doc->meta.has_prev || has_kind (doc, CRB_HTML_KIND_PAGINATION))
    {
      g_autofree char *position = page_position (doc);

      if (position != NULL)
        g_ptr_array_add (result->warnings,
                         g_strdup_printf ("The article is split over several pages; only this "
                                          "page (%s) was imported. Import the other pages "
                                          "separately.",
                                          position));
      else if (doc->meta.has_next || doc->meta.has_prev)
        g_ptr_array_add (result->warnings,
                         g_strdup ("The article appears to continue on other pages; only this "
                                   "page was imported. Import the other pages separately."));
    }
  if (has_kind (doc, CRB_HTML_KIND_PAYWALL))
    g_ptr_array_add (result->warnings,
                     g_strdup ("The page shows only part of the article; the rest is behind a "
                               "subscription wall."));
  if (from_ld)
    g_ptr_array_add (result->warnings,
                     g_strdup ("The visible page does not contain the article; its text was "
                               "taken from the page's structured data (JSON-LD articleBody)."));
}

static gboolean
extract_decoded (const char *html, const CrbExtractRequest *request, CrbExtractResult *result,
                 GError **error)
{
  g_autoptr (CrbHtmlDoc) doc = NULL;
  g_autoptr (GArray) roots = NULL;
  g_autofree char *limited = NULL;
  gsize            limited_length;
  guint            n_dropped;
  gboolean         from_ld = FALSE;

  limited =
      crb_html_limit_depth (html, strlen (html), CRB_HTML_MAX_DEPTH, &limited_length, &n_dropped);
  doc = crb_html_doc_new (limited, limited_length);
  crb_html_read_metadata (doc);
  crb_html_classify (doc);
  roots = crb_html_find_article (doc);
  if (!crb_html_check_article (doc, roots))
    from_ld = TRUE;
  else
    {
      crb_html_clean_article (doc, roots);
      crb_html_render (doc, roots, result);
      if (text_chars (result) < MIN_ARTICLE_CHARS &&
          doc->nodes[doc->body].text_len >= 2 * MIN_ARTICLE_CHARS)
        {
          /* Scoring found no article: the whole page without its furniture
           * is better than a fragment. */
          reset_text (result);
          g_array_set_size (roots, 1);
          g_array_index (roots, guint, 0) = doc->body;
          crb_html_render (doc, roots, result);
        }
      if (text_chars (result) < MIN_ARTICLE_CHARS && doc->meta.ld_body != NULL &&
          g_utf8_strlen (doc->meta.ld_body, -1) > (glong) text_chars (result) * 2)
        from_ld = TRUE;
    }
  if (from_ld)
    {
      const char *headline = doc->meta.h1 != NULL ? doc->meta.h1 : doc->meta.ld_headline;

      reset_text (result);
      if (headline != NULL)
        crb_html_render_plain (headline, result);
      crb_html_render_plain (doc->meta.ld_body, result);
    }
  if (result->text->len == 0)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY,
                   "The page contains no readable text (it may draw its content with "
                   "scripts, or be only pictures)");
      return FALSE;
    }
  crb_html_count_removed (doc, roots, result);
  crb_html_fill_metadata (doc, request != NULL ? request->name_hint : NULL, result);
  add_warnings (doc, result, n_dropped, from_ld);
  return TRUE;
}

gboolean
crb_extract_html (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                  GError **error)
{
  g_autofree char *html = NULL;
  g_autofree char *encoding = NULL;
  const guint8    *bytes;
  gsize            length;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_bytes_get_data (data, &length);
  if (length > CRB_HTML_MAX_INPUT)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (CRB_HTML_MAX_INPUT);

      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE,
                   "The page is %s; web pages larger than %s are not imported", size, limit);
      return FALSE;
    }
  html =
      crb_html_decode (bytes, length, request != NULL ? request->charset : NULL, &encoding, error);
  if (html == NULL)
    return FALSE;

  g_free (result->kind);
  result->kind = g_strdup ("html");
  g_free (result->encoding);
  result->encoding = g_steal_pointer (&encoding);
  return extract_decoded (html, request, result, error);
}
