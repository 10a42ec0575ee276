/* crb-html-text.c: the article's tree as readable plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paragraphs, headings and quotes become blocks separated by a blank line;
 * list items are lines starting with "• " or "1. "; data tables become one
 * line per row with cells separated by tabs, layout tables are read as
 * blocks; <br> breaks a line, two of them a paragraph; <pre> keeps its white
 * space.  Each block is NFC-normalised as it is written, so the recorded
 * paragraph offsets (in code points) are those of the final text.
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-encoding.h"
#include "crb-html-private.h"

#define MAX_LISTS 32

typedef struct
{
  CrbExtractResult *result;
  guint             n_chars; /* code points in result->text */
  GString          *block;
  gboolean          pending_space;
  guint             group; /* list or table the last block belonged to */
  guint             block_group;
  char             *prefix; /* list marker for the block being built */
  struct
  {
    guint    index;
    gint     counter;
    gboolean ordered;
  } lists[MAX_LISTS];
  guint    n_lists;
  gint     data_table; /* index of the data table being written, or -1 */
  guint    cells;      /* cells written in the current row */
  guint    pre;        /* depth of <pre> */
  gsize    line_start; /* where the current line of the block starts */
  guint    chars;      /* visible characters in the current line */
  guint    link_chars; /* of which inside links */
  gboolean heading;    /* the block is a heading */
} Writer;

static void
emit (Writer *writer, const char *text, guint group)
{
  g_autofree char *normalized = crb_text_normalize (text);
  GString         *out = writer->result->text;
  guint            offset;

  guint indent = 0;

  if (normalized == NULL || normalized[0] == '\0')
    return;
  /* A nested list item starts at its marker, not at its indentation. */
  while (normalized[indent] == ' ')
    indent++;
  if (out->len > 0)
    {
      gboolean tight = group != 0 && group == writer->group;

      g_string_append (out, tight ? "\n" : "\n\n");
      writer->n_chars += tight ? 1 : 2;
      /* List items are blocks of their own; table rows are lines. */
      if (!tight || writer->data_table < 0)
        {
          offset = writer->n_chars + indent;
          g_array_append_val (writer->result->paragraphs, offset);
        }
    }
  else
    {
      offset = indent;
      g_array_append_val (writer->result->paragraphs, offset);
    }
  g_string_append (out, normalized);
  writer->n_chars += (guint) g_utf8_strlen (normalized, -1);
  writer->group = group;
}

/* Ends a line of the block being built.  A line of links or a dateline
 * between <br>s ("Other news: …", "15.04.2024 12:30") in a cell or container
 * that holds the article as bare text is dropped: the clean-up judged
 * elements, this catches what no element wraps. */
static void
end_line (Writer *writer)
{
  gboolean plain =
      writer->block_group == 0 && writer->prefix == NULL && !writer->heading && writer->pre == 0;

  if (plain && writer->chars > 0 && writer->chars < 300)
    {
      const char *line = writer->block->str + writer->line_start;

      if (writer->link_chars * 10 >= writer->chars * 8 ||
          crb_html_text_kind (line) != CRB_HTML_KIND_NONE)
        g_string_truncate (writer->block, writer->line_start);
    }
  writer->line_start = writer->block->len;
  writer->chars = writer->link_chars = 0;
}

/* Ends the block being built: trims each line, writes it if not empty. */
static void
flush (Writer *writer)
{
  GString    *clean;
  const char *line;
  gboolean    keep_space = writer->pre > 0;

  end_line (writer);
  clean = g_string_new (NULL);
  line = writer->block->str;

  while (line != NULL && *line != '\0')
    {
      const char *newline = strchr (line, '\n');
      gsize       length = newline != NULL ? (gsize) (newline - line) : strlen (line);
      gsize       start = 0;

      if (!keep_space)
        {
          while (start < length && line[start] == ' ')
            start++;
          while (length > start && line[length - 1] == ' ')
            length--;
        }
      if (length > start || keep_space)
        {
          if (clean->len > 0)
            g_string_append_c (clean, '\n');
          g_string_append_len (clean, line + start, length - start);
        }
      line = newline != NULL ? newline + 1 : NULL;
    }
  if (keep_space)
    {
      while (clean->len > 0 &&
             (clean->str[clean->len - 1] == '\n' || clean->str[clean->len - 1] == ' '))
        g_string_truncate (clean, clean->len - 1);
      while (clean->len > 0 && clean->str[0] == '\n')
        g_string_erase (clean, 0, 1);
    }
  if (clean->len > 0)
    {
      if (writer->prefix != NULL)
        g_string_prepend (clean, writer->prefix);
      emit (writer, clean->str, writer->block_group);
    }
  g_string_free (clean, TRUE);
  g_string_truncate (writer->block, 0);
  g_clear_pointer (&writer->prefix, g_free);
  writer->block_group = 0;
  writer->pending_space = FALSE;
  writer->line_start = 0;
  writer->heading = FALSE;
}

static gboolean
cell_holds_blocks (CrbHtmlDoc *doc, guint cell)
{
  guint i;

  for (i = cell + 1; i < doc->nodes[cell].end; i++)
    {
      GumboTag tag = doc->nodes[i].tag;

      if (!crb_html_node_is_element (&doc->nodes[i]))
        continue;
      if (tag == GUMBO_TAG_TABLE || ((tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV ||
                                      tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) &&
                                     doc->nodes[i].text_len > 200))
        return TRUE;
    }
  return FALSE;
}

/* Tables of data (figures, schedules) versus tables that lay out a page, as
 * old government and forum sites still do. */
static gboolean
is_data_table (CrbHtmlDoc *doc, guint table)
{
  const CrbHtmlNode *node = &doc->nodes[table];
  const char        *role = crb_html_attr (node, "role");
  guint              rows = 0, columns = 0, cells = 0, i;

  if (role != NULL &&
      (g_ascii_strcasecmp (role, "presentation") == 0 || g_ascii_strcasecmp (role, "none") == 0))
    return FALSE;
  if (g_strcmp0 (crb_html_attr (node, "datatable"), "0") == 0)
    return FALSE;
  for (i = table + 1; i < node->end; i++)
    {
      const CrbHtmlNode *child = &doc->nodes[i];

      if (!crb_html_node_is_element (child))
        continue;
      switch (child->tag)
        {
        case GUMBO_TAG_TABLE:
          return FALSE;
        case GUMBO_TAG_TR:
          rows++;
          cells = 0;
          break;
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
          columns = MAX (columns, ++cells);
          if (cell_holds_blocks (doc, i))
            return FALSE;
          i = child->end - 1;
          break;
        default:
          break;
        }
    }
  if (crb_html_attr (node, "summary") != NULL)
    return TRUE;
  for (i = table + 1; i < node->end; i++)
    {
      GumboTag tag = doc->nodes[i].tag;

      if (crb_html_node_is_element (&doc->nodes[i]) &&
          (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TH ||
           tag == GUMBO_TAG_COLGROUP))
        return TRUE;
    }
  return rows >= 2 && columns >= 2;
}

static void
open_list_item (Writer *writer, CrbHtmlDoc *doc, guint index)
{
  GString *prefix = g_string_new (NULL);
  guint    level;

  flush (writer);
  if (writer->n_lists == 0)
    {
      g_string_free (prefix, TRUE);
      return;
    }
  for (level = 1; level < writer->n_lists; level++)
    g_string_append (prefix, "  ");
  if (writer->lists[writer->n_lists - 1].ordered)
    g_string_append_printf (prefix, "%d. ", ++writer->lists[writer->n_lists - 1].counter);
  else
    g_string_append (prefix, "• ");
  writer->prefix = g_string_free (prefix, FALSE);
  /* All items of all nested lists of one outer list are one group. */
  writer->block_group = writer->lists[0].index + 1;
}

static void
open_element (Writer *writer, CrbHtmlDoc *doc, guint index)
{
  const CrbHtmlNode *node = &doc->nodes[index];

  if (writer->data_table >= 0)
    {
      if (node->tag == GUMBO_TAG_TR)
        {
          flush (writer);
          writer->block_group = (guint) writer->data_table + 1;
          writer->cells = 0;
        }
      else if (node->tag == GUMBO_TAG_TD || node->tag == GUMBO_TAG_TH)
        {
          writer->block_group = (guint) writer->data_table + 1;
          if (writer->cells++ > 0)
            g_string_append_c (writer->block, '\t');
          writer->pending_space = FALSE;
        }
      else if (node->tag == GUMBO_TAG_CAPTION)
        flush (writer);
      else if (node->flags & CRB_HTML_FLAG_BLOCK)
        writer->pending_space = TRUE;
      return;
    }
  switch (node->tag)
    {
    case GUMBO_TAG_BR:
      end_line (writer);
      if (writer->block->len > 0 && writer->block->str[writer->block->len - 1] == '\n')
        flush (writer);
      else if (writer->block->len > 0)
        {
          g_string_append_c (writer->block, '\n');
          writer->line_start = writer->block->len;
        }
      writer->pending_space = FALSE;
      return;
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR:
      flush (writer);
      if (writer->n_lists < MAX_LISTS)
        {
          const char *start = crb_html_attr (node, "start");

          writer->lists[writer->n_lists].index = index;
          writer->lists[writer->n_lists].ordered = node->tag == GUMBO_TAG_OL;
          writer->lists[writer->n_lists].counter =
              start != NULL ? (gint) CLAMP (g_ascii_strtoll (start, NULL, 10), -100000, 100000) - 1
                            : 0;
          writer->n_lists++;
        }
      return;
    case GUMBO_TAG_LI:
      open_list_item (writer, doc, index);
      return;
    case GUMBO_TAG_TABLE:
      flush (writer);
      if (is_data_table (doc, index))
        {
          writer->data_table = (gint) index;
          writer->block_group = index + 1;
        }
      return;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
      flush (writer);
      writer->pre++;
      return;
    default:
      if (node->flags & CRB_HTML_FLAG_BLOCK)
        {
          /* A paragraph inside a list item continues the item. */
          if (writer->n_lists > 0 && writer->prefix != NULL && writer->block->len == 0)
            return;
          flush (writer);
          writer->heading = node->tag >= GUMBO_TAG_H1 && node->tag <= GUMBO_TAG_H6;
        }
      return;
    }
}

static void
close_element (Writer *writer, CrbHtmlDoc *doc, guint index)
{
  const CrbHtmlNode *node = &doc->nodes[index];

  if (writer->data_table >= 0 && (guint) writer->data_table != index)
    {
      if (node->tag == GUMBO_TAG_TR || node->tag == GUMBO_TAG_CAPTION)
        flush (writer);
      return;
    }
  switch (node->tag)
    {
    case GUMBO_TAG_TABLE:
      flush (writer);
      writer->data_table = -1;
      return;
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR:
      flush (writer);
      if (writer->n_lists > 0 && writer->lists[writer->n_lists - 1].index == index)
        writer->n_lists--;
      return;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
      flush (writer);
      writer->pre--;
      return;
    default:
      if (node->flags & CRB_HTML_FLAG_BLOCK && node->tag != GUMBO_TAG_BR)
        flush (writer);
      return;
    }
}

static void
write_text (Writer *writer, const CrbHtmlNode *node)
{
  const char *text = node->node->v.text.text;
  gsize       length = text == NULL ? 0 : strlen (text);

  if (writer->pre > 0)
    {
      const char *p = text;

      /* The HTML parser already drops a newline right after <pre>. */
      for (; p < text + length; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char_validated (p, text + length - p);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            break;
          if (c == '\r')
            continue;
          if (c == '\t' || c == '\n' || c >= 0x20)
            g_string_append_unichar (writer->block, c);
        }
      return;
    }
  crb_html_collapse_append (writer->block, text, length, &writer->pending_space);
  writer->chars += node->text_len;
  if (node->flags & CRB_HTML_FLAG_IN_LINK)
    writer->link_chars += node->text_len;
}

static void
render_root (Writer *writer, CrbHtmlDoc *doc, guint root)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint i = root;

  while (i < doc->nodes[root].end)
    {
      const CrbHtmlNode *node = &doc->nodes[i];

      while (open->len > 0 && i >= doc->nodes[g_array_index (open, guint, open->len - 1)].end)
        {
          close_element (writer, doc, g_array_index (open, guint, open->len - 1));
          g_array_set_size (open, open->len - 1);
        }
      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        {
          /* Removed blocks still separate the text around them. */
          if (node->flags & CRB_HTML_FLAG_BLOCK)
            writer->pending_space = TRUE;
          i = node->end;
          continue;
        }
      if (!crb_html_node_is_element (node))
        write_text (writer, node);
      else
        {
          open_element (writer, doc, i);
          g_array_append_val (open, i);
        }
      i++;
    }
  while (open->len > 0)
    {
      close_element (writer, doc, g_array_index (open, guint, open->len - 1));
      g_array_set_size (open, open->len - 1);
    }
  flush (writer);
}

/**
 * crb_html_render:
 *
 * Appends the text of @roots to result->text, recording where each block
 * starts in result->paragraphs.
 */
void
crb_html_render (CrbHtmlDoc *doc, GArray *roots, CrbExtractResult *result)
{
  Writer writer = { 0 };
  guint  r;

  writer.result = result;
  writer.n_chars = (guint) g_utf8_strlen (result->text->str, (gssize) result->text->len);
  writer.block = g_string_new (NULL);
  writer.data_table = -1;
  for (r = 0; r < roots->len; r++)
    {
      writer.n_lists = 0;
      writer.data_table = -1;
      writer.pre = 0;
      render_root (&writer, doc, g_array_index (roots, guint, r));
    }
  g_string_free (writer.block, TRUE);
  g_free (writer.prefix);
}

/**
 * crb_html_render_plain:
 *
 * Appends plain text (JSON-LD's articleBody) with one block per line.
 */
void
crb_html_render_plain (const char *text, CrbExtractResult *result)
{
  Writer writer = { 0 };
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint i;

  writer.result = result;
  writer.n_chars = (guint) g_utf8_strlen (result->text->str, (gssize) result->text->len);
  writer.block = g_string_new (NULL);
  writer.data_table = -1;
  for (i = 0; lines[i] != NULL; i++)
    {
      crb_html_collapse_append (writer.block, lines[i], strlen (lines[i]), &writer.pending_space);
      flush (&writer);
    }
  g_string_free (writer.block, TRUE);
}
