/* crb-html-dom.c: a flat, pre-order copy of gumbo's tree with text statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every later pass works on an array in document order in which a subtree is
 * the range [i, nodes[i].end).  Walking it needs no recursion, bottom-up sums
 * are one backwards loop, and "is X inside Y" is a comparison.
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-html-private.h"

static gboolean
is_block_tag (GumboTag tag)
{
  switch (tag)
    {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B || c == 0x2060 || c == 0xFEFF ||
         c == 0x00AD;
}

static gboolean
is_comma (gunichar c)
{
  return c == ',' || c == 0x060C || c == 0xFF0C || c == 0x3001;
}

/**
 * crb_html_visible_length:
 *
 * Characters a reader sees in a piece of text: a run of white space counts
 * once.  Invalid UTF-8 counts byte by byte rather than stopping.
 */
guint
crb_html_visible_length (const char *text, gsize length, guint *commas)
{
  const char *p = text;
  const char *end = text + length;
  guint       count = 0;
  gboolean    in_space = FALSE;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          count++;
          in_space = FALSE;
          continue;
        }
      p = g_utf8_next_char (p);
      if (is_space (c))
        {
          if (!in_space)
            count++;
          in_space = TRUE;
          continue;
        }
      in_space = FALSE;
      count++;
      if (commas != NULL && is_comma (c))
        (*commas)++;
    }
  return count;
}

/**
 * crb_html_collapse_append:
 * @pending_space: (inout): whether white space precedes what comes next
 *
 * Appends @text with runs of white space (including no-break spaces) turned
 * into one space, soft hyphens and zero-width spaces dropped.  A space is only
 * written once something follows it, so blocks never end in one.
 */
void
crb_html_collapse_append (GString *out, const char *text, gsize length, gboolean *pending_space)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          c = 0xFFFD;
          p++;
        }
      else
        p = g_utf8_next_char (p);
      if (c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0)
        continue;
      if (is_space (c))
        {
          *pending_space = TRUE;
          continue;
        }
      if (*pending_space && out->len > 0 && out->str[out->len - 1] != '\n' &&
          out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\t')
        g_string_append_c (out, ' ');
      *pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
}

static guint
add_node (GArray *nodes, GumboNode *node, gint parent, guint depth)
{
  CrbHtmlNode info = { 0 };

  info.node = node;
  info.parent = parent;
  info.depth = (guint16) MIN (depth, G_MAXUINT16);
  info.end = nodes->len + 1;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
    {
      info.tag = node->v.element.tag;
      if (is_block_tag (info.tag))
        info.flags |= CRB_HTML_FLAG_BLOCK;
    }
  else
    {
      info.tag = GUMBO_TAG_UNKNOWN;
      info.flags |= CRB_HTML_FLAG_TEXT;
    }
  g_array_append_val (nodes, info);
  return nodes->len - 1;
}

typedef struct
{
  GumboNode *node;
  guint      index;
  guint      next_child;
} Frame;

static GArray *
flatten (GumboNode *root, gboolean *truncated)
{
  GArray *nodes = g_array_new (FALSE, FALSE, sizeof (CrbHtmlNode));
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  Frame   frame = { root, 0, 0 };

  add_node (nodes, root, -1, 0);
  g_array_append_val (stack, frame);
  while (stack->len > 0)
    {
      Frame       *top = &g_array_index (stack, Frame, stack->len - 1);
      GumboVector *children = &top->node->v.element.children;

      /* The pre-pass bounds element nesting, but a table level is four tree
       * levels (table, tbody, tr, td); beyond this the tree is cut. */
      if (top->next_child < children->length && stack->len > CRB_HTML_MAX_TREE_DEPTH)
        {
          *truncated = TRUE;
          top->next_child = children->length;
        }
      if (top->next_child < children->length)
        {
          GumboNode *child = children->data[top->next_child++];
          guint      index;

          if (child->type == GUMBO_NODE_COMMENT || child->type == GUMBO_NODE_DOCUMENT)
            continue;
          index = add_node (nodes, child, (gint) top->index, stack->len);
          if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE)
            {
              Frame next = { child, index, 0 };

              g_array_append_val (stack, next);
            }
        }
      else
        {
          g_array_index (nodes, CrbHtmlNode, top->index).end = nodes->len;
          g_array_set_size (stack, stack->len - 1);
        }
    }
  g_array_unref (stack);
  return nodes;
}

static const char *
text_of (const CrbHtmlNode *node, gsize *length)
{
  const char *text = node->node->v.text.text;

  *length = text == NULL ? 0 : strlen (text);
  return text;
}

CrbHtmlDoc *
crb_html_doc_new (const char *html, gsize length)
{
  CrbHtmlDoc  *doc = g_new0 (CrbHtmlDoc, 1);
  GumboOptions options = kGumboDefaultOptions;
  GArray      *nodes;
  guint        i;

  /* The list of parse errors is of no use to us and grows with bad input. */
  options.max_errors = 0;
  doc->output = gumbo_parse_with_options (&options, html, length);
  nodes = flatten (doc->output->root, &doc->truncated);
  doc->n_nodes = nodes->len;
  doc->nodes = (CrbHtmlNode *) (void *) g_array_free (nodes, FALSE);
  for (i = 0; i < doc->n_nodes; i++)
    if (!crb_html_node_is_element (&doc->nodes[i]))
      {
        gsize       text_length;
        const char *text = text_of (&doc->nodes[i], &text_length);

        doc->nodes[i].own_len =
            crb_html_visible_length (text, text_length, &doc->nodes[i].own_commas);
      }
  doc->headline = -1;
  doc->body = 0;
  for (i = 0; i < doc->n_nodes; i++)
    if (doc->nodes[i].tag == GUMBO_TAG_BODY)
      {
        doc->body = i;
        break;
      }
  return doc;
}

void
crb_html_doc_free (CrbHtmlDoc *doc)
{
  if (doc == NULL)
    return;
  crb_html_meta_clear (&doc->meta);
  gumbo_destroy_output (&kGumboDefaultOptions, doc->output);
  g_free (doc->nodes);
  g_free (doc);
}

const char *
crb_html_attr (const CrbHtmlNode *node, const char *name)
{
  GumboAttribute *attribute;

  if (!crb_html_node_is_element (node))
    return NULL;
  attribute = gumbo_get_attribute (&node->node->v.element.attributes, name);
  return attribute == NULL ? NULL : attribute->value;
}

gboolean
crb_html_is_tag (const CrbHtmlNode *node, GumboTag tag)
{
  return crb_html_node_is_element (node) && node->tag == tag;
}

/* The tag name, also for custom elements such as <amp-ad>, in lower case. */
char *
crb_html_tag_name (const CrbHtmlNode *node)
{
  GumboStringPiece piece;

  if (!crb_html_node_is_element (node))
    return NULL;
  if (node->tag != GUMBO_TAG_UNKNOWN)
    return g_strdup (gumbo_normalized_tagname (node->tag));
  piece = node->node->v.element.original_tag;
  if (piece.data == NULL || piece.length < 2)
    return g_strdup ("");
  gumbo_tag_from_original_text (&piece);
  return g_ascii_strdown (piece.data, (gssize) MIN (piece.length, 64));
}

/**
 * crb_html_node_text:
 *
 * The visible text of a subtree on one line, for titles and comparisons.
 */
char *
crb_html_node_text (const CrbHtmlDoc *doc, guint index, gboolean skip_excluded)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;
  guint    i = index;

  while (i < doc->nodes[index].end)
    {
      const CrbHtmlNode *node = &doc->nodes[i];

      if (skip_excluded && (node->flags & CRB_HTML_FLAG_EXCLUDED) != 0)
        {
          i = node->end;
          continue;
        }
      if (node->kind == CRB_HTML_KIND_NONTEXT)
        {
          i = node->end;
          continue;
        }
      if (!crb_html_node_is_element (node))
        {
          gsize       length;
          const char *text = text_of (node, &length);

          crb_html_collapse_append (out, text, length, &pending);
        }
      else if (node->flags & CRB_HTML_FLAG_BLOCK)
        pending = TRUE;
      i++;
    }
  return g_string_free (out, FALSE);
}

/* Forward pass: what is excluded, inside a link, inside <pre>. */
void
crb_html_doc_propagate (CrbHtmlDoc *doc)
{
  guint i;

  for (i = 0; i < doc->n_nodes; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];
      guint32      inherited = 0;

      node->flags &= ~(CRB_HTML_FLAG_EXCLUDED | CRB_HTML_FLAG_IN_LINK | CRB_HTML_FLAG_PRE);
      if (node->parent >= 0)
        inherited = doc->nodes[node->parent].flags &
                    (CRB_HTML_FLAG_EXCLUDED | CRB_HTML_FLAG_IN_LINK | CRB_HTML_FLAG_PRE);
      node->flags |= inherited;
      if (node->kind != CRB_HTML_KIND_NONE)
        node->flags |= CRB_HTML_FLAG_EXCLUDED;
      if (node->tag == GUMBO_TAG_A && crb_html_attr (node, "href") != NULL)
        node->flags |= CRB_HTML_FLAG_IN_LINK;
      if (node->tag == GUMBO_TAG_PRE || node->tag == GUMBO_TAG_LISTING)
        node->flags |= CRB_HTML_FLAG_PRE;
    }
}

/* Backward pass: text statistics of every subtree, excluded parts left out.
 * An unknown (custom) element breaks the flow when it holds blocks. */
void
crb_html_doc_measure (CrbHtmlDoc *doc)
{
  guint i;

  for (i = 0; i < doc->n_nodes; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      node->link_len = node->flow_len = node->commas = node->flow_commas = 0;
      node->n_blocks = 0;
      if (!crb_html_node_is_element (node))
        {
          node->text_len = node->own_len;
          node->commas = node->own_commas;
          node->flow_len = node->text_len;
          node->flow_commas = node->commas;
          if (node->flags & CRB_HTML_FLAG_IN_LINK)
            node->link_len = node->text_len;
        }
      else
        node->text_len = 0;
    }
  doc->total_flow = 0;
  for (i = doc->n_nodes; i-- > 0;)
    {
      CrbHtmlNode *node = &doc->nodes[i];
      CrbHtmlNode *parent;

      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        {
          node->text_len = node->link_len = node->flow_len = 0;
          node->commas = node->flow_commas = node->n_blocks = 0;
          continue;
        }
      if (crb_html_node_is_element (node) && node->flow_len >= 25 &&
          (node->flags & CRB_HTML_FLAG_BLOCK) != 0 && node->tag != GUMBO_TAG_BODY)
        {
          node->n_blocks++;
          doc->total_flow += node->flow_len;
        }
      if (node->parent < 0)
        continue;
      parent = &doc->nodes[node->parent];
      if (node->tag == GUMBO_TAG_UNKNOWN && crb_html_node_is_element (node) && node->n_blocks > 0)
        node->flags |= CRB_HTML_FLAG_BLOCK;
      parent->text_len += node->text_len;
      parent->link_len += node->link_len;
      parent->commas += node->commas;
      parent->n_blocks += node->n_blocks;
      if ((node->flags & CRB_HTML_FLAG_BLOCK) == 0)
        {
          parent->flow_len += node->flow_len;
          parent->flow_commas += node->flow_commas;
        }
    }
}
