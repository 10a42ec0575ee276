/* crb-html-clean.c: removing what is left of the page furniture in the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chosen container still holds things its template put between the
 * paragraphs without naming them: "Read more: …" links, lists of links to
 * other stories, "Advertisement" labels, headings left without their boxes.
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-html-private.h"

static gboolean
is_heading (GumboTag tag)
{
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

static gboolean
mentions_cookies (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  if (strstr (folded, "cookie") == NULL && strstr (folded, "куки") == NULL)
    return FALSE;
  return strstr (folded, "accept") != NULL || strstr (folded, "consent") != NULL ||
         strstr (folded, "agree") != NULL || strstr (folded, "принять") != NULL ||
         strstr (folded, "согла") != NULL || strstr (folded, "akzept") != NULL ||
         strstr (folded, "zustimm") != NULL;
}

/* What a block inside the article is, judged by its text and links. */
static CrbHtmlKind
judge (CrbHtmlDoc *doc, guint index)
{
  const CrbHtmlNode *node = &doc->nodes[index];
  float              density = crb_html_link_density (node);
  CrbHtmlKind        kind;

  if (node->text_len == 0 || is_heading (node->tag) || (node->flags & CRB_HTML_FLAG_KEEP))
    return CRB_HTML_KIND_NONE;
  /* Parts of tables and lists are judged as a whole with their table or list:
   * a row of figures is not a dateline. */
  switch (node->tag)
    {
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return CRB_HTML_KIND_NONE;
    default:
      break;
    }
  if (node->tag == GUMBO_TAG_FIGURE || node->tag == GUMBO_TAG_FIGCAPTION ||
      node->tag == GUMBO_TAG_BLOCKQUOTE || node->tag == GUMBO_TAG_PRE)
    return CRB_HTML_KIND_NONE;

  if (node->text_len <= 200 && (node->flags & CRB_HTML_FLAG_BLOCK))
    {
      g_autofree char *text = crb_html_node_text (doc, index, TRUE);

      kind = crb_html_names_author (doc, index) ? CRB_HTML_KIND_BYLINE : crb_html_text_kind (text);
      if (kind == CRB_HTML_KIND_READ_MORE && density < 0.4f && node->text_len > 40)
        kind = CRB_HTML_KIND_NONE;
      if (kind != CRB_HTML_KIND_NONE)
        return kind;
    }
  if (node->text_len <= 600 && (node->flags & CRB_HTML_FLAG_BLOCK) && node->n_blocks <= 3)
    {
      g_autofree char *text = crb_html_node_text (doc, index, TRUE);

      if (mentions_cookies (text))
        return CRB_HTML_KIND_COOKIE;
    }
  switch (node->tag)
    {
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
      if (density >= 0.9f || (density >= 0.7f && node->text_len < 60 * MAX (node->n_blocks, 1u)))
        return CRB_HTML_KIND_LINKS;
      break;
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
      if (node->text_len < 300 || density > 0.5f)
        return CRB_HTML_KIND_FORM;
      break;
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_UNKNOWN:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_TABLE:
      if (!crb_html_node_is_element (node))
        break;
      /* A paragraph that is one link ("Read: Other story") or a box of
       * teasers; prose with a few inline links stays well below this. */
      if (density >= 0.8f && node->text_len < 300)
        return CRB_HTML_KIND_LINKS;
      if (density > 0.5f && node->n_blocks >= 2 && node->text_len < 1500)
        return CRB_HTML_KIND_LINKS;
      break;
    default:
      break;
    }
  return CRB_HTML_KIND_NONE;
}

static void
clean_subtree (CrbHtmlDoc *doc, guint root)
{
  guint i;

  for (i = root + 1; i < doc->nodes[root].end; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];
      CrbHtmlKind  kind;

      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        {
          i = node->end - 1;
          continue;
        }
      if (!crb_html_node_is_element (node) || (gint) i == doc->headline ||
          crb_html_contains (doc, i, doc->headline))
        continue;
      kind = judge (doc, i);
      if (kind != CRB_HTML_KIND_NONE)
        {
          node->kind = kind;
          node->flags |= CRB_HTML_FLAG_EXCLUDED;
          i = node->end - 1;
        }
    }
}

/* The kind of the first removed block after `index` within `root`, when no
 * kept text comes before the next heading: the heading announced it. */
static CrbHtmlKind
orphaned_heading (CrbHtmlDoc *doc, guint root, guint index)
{
  CrbHtmlKind announced = CRB_HTML_KIND_NONE;
  guint       i;

  for (i = doc->nodes[index].end; i < doc->nodes[root].end; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        {
          if (announced == CRB_HTML_KIND_NONE && node->kind != CRB_HTML_KIND_NONTEXT &&
              node->kind != CRB_HTML_KIND_HIDDEN)
            announced = node->kind;
          i = node->end - 1;
          continue;
        }
      if (is_heading (node->tag))
        break;
      if (!crb_html_node_is_element (node) && node->text_len > 0)
        return CRB_HTML_KIND_NONE;
    }
  return announced != CRB_HTML_KIND_NONE ? announced : CRB_HTML_KIND_LINKS;
}

/**
 * crb_html_clean_article:
 *
 * Marks the furniture inside the chosen @roots, then headings that announced
 * only removed blocks.
 */
void
crb_html_clean_article (CrbHtmlDoc *doc, GArray *roots)
{
  guint r, i;

  for (r = 0; r < roots->len; r++)
    clean_subtree (doc, g_array_index (roots, guint, r));
  crb_html_doc_propagate (doc);
  crb_html_doc_measure (doc);

  for (r = 0; r < roots->len; r++)
    {
      guint root = g_array_index (roots, guint, r);

      for (i = root + 1; i < doc->nodes[root].end; i++)
        {
          CrbHtmlNode *node = &doc->nodes[i];

          if (node->flags & CRB_HTML_FLAG_EXCLUDED)
            {
              i = node->end - 1;
              continue;
            }
          if (is_heading (node->tag) && (gint) i != doc->headline)
            {
              CrbHtmlKind kind = orphaned_heading (doc, root, i);

              if (kind != CRB_HTML_KIND_NONE)
                node->kind = kind;
              i = node->end - 1;
            }
        }
    }
  crb_html_doc_propagate (doc);
  crb_html_doc_measure (doc);
}

/* Whether a subtree shows any text at all (before exclusion). */
static gboolean
has_text (CrbHtmlDoc *doc, guint index)
{
  guint i;

  for (i = index; i < doc->nodes[index].end; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      if (node->kind == CRB_HTML_KIND_NONTEXT)
        {
          i = node->end - 1;
          continue;
        }
      if (!crb_html_node_is_element (node) && node->node->type == GUMBO_NODE_TEXT)
        return TRUE;
    }
  return FALSE;
}

/**
 * crb_html_count_removed:
 *
 * One line per kind of removed block that had text, "navigation (3 blocks)".
 */
void
crb_html_count_removed (CrbHtmlDoc *doc, GArray *roots, CrbExtractResult *result)
{
  /* 1: inside the article, 2: holds part of it */
  g_autofree guint8 *place = g_new0 (guint8, doc->n_nodes);
  guint              counts[CRB_HTML_N_KINDS] = { 0 };
  guint              i, r;
  gsize              k;

  for (r = 0; r < roots->len; r++)
    {
      guint root = g_array_index (roots, guint, r);
      gint  up;

      memset (place + root, 1, doc->nodes[root].end - root);
      for (up = doc->nodes[root].parent; up >= 0 && place[up] == 0; up = doc->nodes[up].parent)
        place[up] = 2;
    }
  for (i = doc->body; i < doc->nodes[doc->body].end; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      if (node->kind != CRB_HTML_KIND_NONE)
        {
          if (node->kind != CRB_HTML_KIND_NONTEXT && has_text (doc, i))
            counts[node->kind]++;
          i = node->end - 1;
          continue;
        }
      if (place[i] != 0 || i == doc->body)
        continue;
      /* White space between blocks is not a block. */
      if (node->text_len > 1)
        counts[CRB_HTML_KIND_OUTSIDE]++;
      i = node->end - 1;
    }
  for (k = 1; k < CRB_HTML_N_KINDS; k++)
    {
      const char *label = crb_html_kind_label ((CrbHtmlKind) k);

      if (counts[k] == 0 || label == NULL)
        continue;
      if (counts[k] == 1)
        g_ptr_array_add (result->removed, g_strdup (label));
      else
        g_ptr_array_add (result->removed, g_strdup_printf ("%s (%u blocks)", label, counts[k]));
    }
}
