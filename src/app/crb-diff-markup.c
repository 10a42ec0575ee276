/* crb-diff-markup.c
 *
 * Colours are translucent backgrounds over the theme's own text colour,
 * so that the marks read in the dark style as well as in the light one;
 * strikethrough and underline carry the meaning for those who do not see
 * the colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-diff-markup"

#include "config.h"

#include "crb-diff-markup.h"

#define REMOVED_SPAN "<span strikethrough=\"true\" bgcolor=\"#e01b24\" bgalpha=\"22%\">"
#define ADDED_SPAN "<span underline=\"single\" bgcolor=\"#2ec27e\" bgalpha=\"26%\">"
#define REMOVED_REPLACED_SPAN                                                                      \
  "<span strikethrough=\"true\" weight=\"bold\" bgcolor=\"#e5a50a\" bgalpha=\"30%\">"
#define ADDED_REPLACED_SPAN "<span underline=\"double\" bgcolor=\"#e5a50a\" bgalpha=\"30%\">"

/* Walks a text forwards by code points without rescanning from the start. */
typedef struct
{
  const char *text;
  const char *pointer;
  guint32     offset;
} Cursor;

static const char *
cursor_at (Cursor *cursor, guint32 offset)
{
  if (offset < cursor->offset)
    {
      cursor->pointer = cursor->text;
      cursor->offset = 0;
    }
  cursor->pointer = g_utf8_offset_to_pointer (cursor->pointer, offset - cursor->offset);
  cursor->offset = offset;
  return cursor->pointer;
}

static void
append_range (GString *markup, Cursor *cursor, guint32 start, guint32 end)
{
  const char      *from;
  const char      *to;
  g_autofree char *escaped = NULL;

  if (end <= start)
    return;
  from = cursor_at (cursor, start);
  to = cursor_at (cursor, end);
  escaped = g_markup_escape_text (from, to - from);
  g_string_append (markup, escaped);
}

char *
crb_diff_markup_escape_range (const char *text, guint32 start, guint32 end)
{
  GString *markup;
  Cursor   cursor = { text, text, 0 };

  g_return_val_if_fail (text != NULL, NULL);

  markup = g_string_new (NULL);
  append_range (markup, &cursor, start, end);
  return g_string_free (markup, FALSE);
}

char *
crb_diff_markup (const char *text, guint32 start, guint32 end, GArray *runs, gboolean side_b)
{
  GString *markup;
  Cursor   cursor = { text, text, 0 };
  guint32  position = start;

  g_return_val_if_fail (text != NULL, NULL);

  markup = g_string_new (NULL);
  for (guint i = 0; runs && i < runs->len; i++)
    {
      const CrbWordDiffRun *run = &g_array_index (runs, CrbWordDiffRun, i);
      guint32               run_start = side_b ? run->b_start : run->a_start;
      guint32               run_end = side_b ? run->b_end : run->a_end;
      const char           *span = NULL;

      if (run_end <= run_start || run_start < position || run_end > end)
        continue;
      switch (run->kind)
        {
        case CRB_ALIGN_REPLACE:
          span = side_b ? ADDED_REPLACED_SPAN : REMOVED_REPLACED_SPAN;
          break;
        case CRB_ALIGN_DELETE:
          span = side_b ? NULL : REMOVED_SPAN;
          break;
        case CRB_ALIGN_INSERT:
          span = side_b ? ADDED_SPAN : NULL;
          break;
        case CRB_ALIGN_EQUAL:
        default:
          break;
        }
      append_range (markup, &cursor, position, run_start);
      if (span)
        g_string_append (markup, span);
      append_range (markup, &cursor, run_start, run_end);
      if (span)
        g_string_append (markup, "</span>");
      position = run_end;
    }
  append_range (markup, &cursor, position, end);
  return g_string_free (markup, FALSE);
}
