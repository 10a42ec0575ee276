/* crb-markdown.c: Markdown blocks as the text a reader sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Analysts read and quote the text, so the output is what a rendered page
 * shows: headings and paragraphs separated by blank lines, list items one
 * per line with a bullet, table rows with their cells separated by tabs,
 * code kept verbatim.  Syntax that only steers rendering goes.
 */
#define G_LOG_DOMAIN "crb-extract"

#include <string.h>

#include "crb-markdown-private.h"

/* How far into a document front matter may end. */
#define FRONT_MATTER_MAX_LINES 200
/* Lines looked at when sniffing. */
#define SNIFF_LINES 400

typedef struct
{
  CrbExtractResult *result;
  GString          *out;
  GHashTable       *labels;
  char              fence; /* '`' or '~' inside a fenced code block */
  guint             fence_length;
  gboolean          in_comment;
  gboolean          in_table;
  gboolean          noted_comment;
} Render;

static const char *
skip_indent (const char *line, guint max)
{
  guint n = 0;

  while (*line == ' ' && n < max)
    line++, n++;
  return line;
}

static gboolean
is_blank (const char *line)
{
  for (; *line; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

/* "# Title #" → level 1 and "Title"; 0 when the line is no ATX heading. */
static guint
atx_heading (const char *line, const char **content, gsize *length)
{
  const char *p = skip_indent (line, 3);
  const char *end;
  guint       level = 0;

  while (p[level] == '#')
    level++;
  if (level == 0 || level > 6 || (p[level] != ' ' && p[level] != '\t' && p[level] != '\0'))
    return 0;

  p += level;
  while (*p == ' ' || *p == '\t')
    p++;
  end = p + strlen (p);
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  /* A closing run of '#' goes if a space separates it from the text. */
  {
    const char *hashes = end;

    while (hashes > p && hashes[-1] == '#')
      hashes--;
    if (hashes == p || hashes[-1] == ' ' || hashes[-1] == '\t')
      {
        end = hashes;
        while (end > p && g_ascii_isspace (end[-1]))
          end--;
      }
  }

  *content = p;
  *length = end - p;
  return level;
}

/* "===" or "---" under a line of text makes it a heading. */
static gboolean
is_setext_underline (const char *line)
{
  const char *p = skip_indent (line, 3);
  char        c = *p;

  if (c != '=' && c != '-')
    return FALSE;
  while (*p == c)
    p++;
  while (*p == ' ' || *p == '\t')
    p++;
  return *p == '\0';
}

static gboolean
is_thematic_break (const char *line)
{
  const char *p = skip_indent (line, 3);
  char        c = *p;
  guint       n = 0;

  if (c != '-' && c != '*' && c != '_')
    return FALSE;
  for (; *p; p++)
    {
      if (*p == c)
        n++;
      else if (*p != ' ' && *p != '\t')
        return FALSE;
    }
  return n >= 3;
}

/* Fence opening or closing: ``` or ~~~, at most three spaces in. */
static guint
fence_length (const char *line, char *fence)
{
  const char *p = skip_indent (line, 3);
  guint       n = 0;

  if (*p != '`' && *p != '~')
    return 0;
  while (p[n] == *p)
    n++;
  if (n < 3)
    return 0;
  /* A backtick fence's info string cannot hold backticks. */
  if (*p == '`' && strchr (p + n, '`') != NULL)
    return 0;
  *fence = *p;
  return n;
}

/* "[label]: destination" */
static gboolean
reference_definition (const char *line, char **label)
{
  const char *p = skip_indent (line, 3);
  const char *close;

  if (*p != '[')
    return FALSE;
  close = strchr (p + 1, ']');
  if (close == NULL || close == p + 1 || close[1] != ':')
    return FALSE;
  for (const char *q = close + 2; *q; q++)
    if (!g_ascii_isspace (*q))
      {
        if (label != NULL)
          *label = g_utf8_strdown (p + 1, close - p - 1);
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_table_delimiter_row (const char *line)
{
  gboolean dash = FALSE, pipe = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (*p == '-')
        dash = TRUE;
      else if (*p == '|')
        pipe = TRUE;
      else if (*p != ':' && *p != ' ' && *p != '\t')
        return FALSE;
    }
  return dash && pipe;
}

static gboolean
has_unescaped_pipe (const char *line)
{
  for (const char *p = line; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|')
        return TRUE;
    }
  return FALSE;
}

/* Ends the current block with one blank line (never more, never at the start). */
static void
ensure_blank_line (Render *r)
{
  GString *out = r->out;

  if (out->len == 0)
    return;
  if (out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  if (out->len >= 2 && out->str[out->len - 2] == '\n')
    return;
  g_string_append_c (out, '\n');
}

static void
emit_inline (Render *r, const char *text, gsize length)
{
  g_autofree char *rendered =
      crb_markdown_inline_full (text, length, r->result->removed, r->labels);
  char *end = rendered + strlen (rendered);

  /* Trailing spaces only mark hard line breaks. */
  while (end > rendered && (end[-1] == ' ' || end[-1] == '\t'))
    *--end = '\0';
  /* A line that held only an image or a comment leaves nothing. */
  if (is_blank (rendered))
    {
      ensure_blank_line (r);
      return;
    }
  g_string_append (r->out, rendered);
  g_string_append_c (r->out, '\n');
}

static void
emit_heading (Render *r, const char *text, gsize length)
{
  g_autofree char *rendered =
      crb_markdown_inline_full (text, length, r->result->removed, r->labels);

  g_strstrip (rendered);
  ensure_blank_line (r);
  g_string_append (r->out, rendered);
  g_string_append_c (r->out, '\n');
  ensure_blank_line (r);

  if (r->result->title == NULL && *rendered != '\0')
    r->result->title = g_steal_pointer (&rendered);
}

static void
emit_table_row (Render *r, const char *line)
{
  const char *p = line;
  const char *cell = NULL;
  gboolean    first = TRUE;
  GString    *row = g_string_new (NULL);

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '|')
    p++;
  cell = p;

  for (;; p++)
    {
      if (*p == '\\' && p[1] == '|')
        {
          p++;
          continue;
        }
      if (*p == '|' || *p == '\0')
        {
          g_autofree char *text =
              crb_markdown_inline_full (cell, p - cell, r->result->removed, r->labels);

          g_strstrip (text);
          /* The pipe that closes the last cell opens nothing. */
          if (*p == '\0' && *text == '\0' && !first)
            break;
          if (!first)
            g_string_append_c (row, '\t');
          g_string_append (row, text);
          first = FALSE;
          if (*p == '\0')
            break;
          cell = p + 1;
        }
    }

  g_string_append_c (row, '\n');
  g_string_append_len (r->out, row->str, row->len);
  g_string_free (row, TRUE);
}

static gboolean
list_item (const char *line, GString *prefix, const char **rest)
{
  const char *p = line;
  const char *marker;

  while (*p == ' ' || *p == '\t')
    p++;
  marker = p;

  if ((*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
    {
      g_string_append_len (prefix, line, marker - line);
      g_string_append (prefix, "• ");
      p += 2;
    }
  else if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p) && p - marker < 9)
        p++;
      if ((*p != '.' && *p != ')') || (p[1] != ' ' && p[1] != '\t'))
        return FALSE;
      g_string_append_len (prefix, line, p + 1 - line);
      g_string_append_c (prefix, ' ');
      p += 2;
    }
  else
    return FALSE;

  while (*p == ' ' || *p == '\t')
    p++;
  *rest = p;
  return TRUE;
}

/* One line outside code blocks; `next` is the line after it (or NULL).
 * Returns TRUE when it used `next` too. */
static gboolean
render_line (Render *r, const char *line, const char *next)
{
  g_autoptr (GString) prefix = NULL;
  const char *content;
  gsize       length;
  guint       level;

  if (r->in_comment)
    {
      const char *stop = strstr (line, "-->");

      if (stop == NULL)
        return FALSE;
      r->in_comment = FALSE;
      line = stop + 3;
    }

  {
    const char *open = strstr (line, "<!--");

    if (open != NULL && strstr (open + 4, "-->") == NULL)
      {
        g_autofree char *before = g_strndup (line, open - line);

        if (!r->noted_comment)
          g_ptr_array_add (r->result->removed, g_strdup ("Comments in the Markdown source"));
        r->noted_comment = TRUE;
        r->in_comment = TRUE;
        if (!is_blank (before))
          emit_inline (r, before, strlen (before));
        return FALSE;
      }
  }

  if (r->in_table)
    {
      if (!is_blank (line) && has_unescaped_pipe (line))
        {
          emit_table_row (r, line);
          return FALSE;
        }
      r->in_table = FALSE;
      ensure_blank_line (r);
    }

  if (is_blank (line))
    {
      ensure_blank_line (r);
      return FALSE;
    }

  if (reference_definition (line, NULL))
    return FALSE;

  if ((level = atx_heading (line, &content, &length)) > 0)
    {
      emit_heading (r, content, length);
      return FALSE;
    }

  if (is_thematic_break (line))
    {
      ensure_blank_line (r);
      return FALSE;
    }

  /* Block quotes: the quoted text reads the same without the marks. */
  {
    const char *p = skip_indent (line, 3);

    if (*p == '>')
      {
        while (*p == '>')
          {
            p++;
            if (*p == ' ')
              p++;
            p = skip_indent (p, 3);
          }
        return render_line (r, p, NULL);
      }
  }

  if (next != NULL && has_unescaped_pipe (line) && is_table_delimiter_row (next))
    {
      ensure_blank_line (r);
      emit_table_row (r, line);
      r->in_table = TRUE;
      return TRUE;
    }

  prefix = g_string_new (NULL);
  if (list_item (line, prefix, &content))
    {
      g_string_append (r->out, prefix->str);
      emit_inline (r, content, strlen (content));
      return FALSE;
    }

  if (next != NULL && is_setext_underline (next))
    {
      content = skip_indent (line, 3);
      emit_heading (r, content, strlen (content));
      return TRUE;
    }

  content = skip_indent (line, 3);
  emit_inline (r, content, strlen (content));
  return FALSE;
}

static char *
front_matter_value (const char *line, const char *key)
{
  gsize key_length = strlen (key);
  char *value;

  if (g_ascii_strncasecmp (line, key, key_length) != 0 || line[key_length] != ':')
    return NULL;
  value = g_strstrip (g_strdup (line + key_length + 1));
  if (strlen (value) >= 2 && (*value == '"' || *value == '\'') &&
      value[strlen (value) - 1] == *value)
    {
      char *unquoted = g_strndup (value + 1, strlen (value) - 2);

      g_free (value);
      value = unquoted;
    }
  if (*value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* YAML front matter between "---" lines: metadata, not text. */
static guint
read_front_matter (char **lines, CrbExtractResult *result)
{
  static const char *const date_keys[] = { "date", "published", "pubdate" };
  static const char *const language_keys[] = { "lang", "language" };
  guint                    end = 0;

  if (lines[0] == NULL || strcmp (g_strchomp (lines[0]), "---") != 0)
    return 0;
  for (guint i = 1; lines[i] != NULL && i < FRONT_MATTER_MAX_LINES; i++)
    {
      g_strchomp (lines[i]);
      if (strcmp (lines[i], "---") == 0 || strcmp (lines[i], "...") == 0)
        {
          end = i;
          break;
        }
    }
  if (end == 0)
    return 0;

  for (guint i = 1; i < end; i++)
    {
      char *value;

      if (result->title == NULL && (value = front_matter_value (lines[i], "title")) != NULL)
        result->title = value;
      else if (result->author == NULL && (value = front_matter_value (lines[i], "author")) != NULL)
        result->author = value;
      for (guint k = 0; k < G_N_ELEMENTS (date_keys) && result->published == NULL; k++)
        result->published = front_matter_value (lines[i], date_keys[k]);
      for (guint k = 0; k < G_N_ELEMENTS (language_keys) && result->language == NULL; k++)
        result->language = front_matter_value (lines[i], language_keys[k]);
    }

  g_ptr_array_add (result->removed, g_strdup ("Front matter (document metadata)"));
  return end + 1;
}

void
crb_markdown_render (const char *text, CrbExtractResult *result)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Render r = { 0 };
  guint  first;
  guint  n_references = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (result != NULL);

  lines = g_strsplit (text, "\n", -1);
  first = read_front_matter (lines, result);

  /* Reference labels first: a link may use one defined further down. */
  for (guint i = first; lines[i] != NULL; i++)
    {
      char *label = NULL;

      if (reference_definition (lines[i], &label))
        {
          g_hash_table_add (labels, label);
          n_references++;
        }
    }
  if (n_references > 0)
    g_ptr_array_add (result->removed,
                     n_references == 1
                         ? g_strdup ("1 link reference definition")
                         : g_strdup_printf ("%u link reference definitions", n_references));

  r.result = result;
  r.out = result->text;
  r.labels = labels;

  for (guint i = first; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      char        fence;
      guint       n;

      if (r.fence != 0)
        {
          if ((n = fence_length (line, &fence)) >= r.fence_length && fence == r.fence &&
              is_blank (skip_indent (line, 3) + n))
            {
              r.fence = 0;
              ensure_blank_line (&r);
            }
          else
            {
              g_string_append (r.out, line);
              g_string_append_c (r.out, '\n');
            }
          continue;
        }

      if (!r.in_comment && (n = fence_length (line, &fence)) > 0)
        {
          ensure_blank_line (&r);
          r.fence = fence;
          r.fence_length = n;
          continue;
        }

      if (render_line (&r, line, lines[i + 1]))
        i++;
    }

  /* No blank lines at either end. */
  while (r.out->len > 0 && r.out->str[r.out->len - 1] == '\n')
    g_string_truncate (r.out, r.out->len - 1);
}

gboolean
crb_markdown_sniff (const char *text)
{
  g_auto (GStrv) lines = NULL;
  guint headings = 0, fences = 0, links = 0, emphasis = 0, lists = 0, tables = 0;
  guint kinds;

  g_return_val_if_fail (text != NULL, FALSE);

  lines = g_strsplit (text, "\n", SNIFF_LINES + 1);
  for (guint i = 0; lines[i] != NULL && i < SNIFF_LINES; i++)
    {
      const char *line = lines[i];
      const char *content;
      gsize       length;
      char        fence;

      if (atx_heading (line, &content, &length) > 0 && length > 0)
        headings++;
      else if (i > 0 && !is_blank (lines[i - 1]) && is_setext_underline (line) &&
               strlen (skip_indent (line, 3)) >= 3)
        headings++;
      if (fence_length (line, &fence) > 0)
        fences++;
      if (strstr (line, "](") != NULL || reference_definition (line, NULL))
        links++;
      if (strstr (line, "**") != NULL || strstr (line, "__") != NULL)
        emphasis++;
      if (g_str_has_prefix (skip_indent (line, 3), "- ") ||
          g_str_has_prefix (skip_indent (line, 3), "* "))
        lists++;
      if (lines[i + 1] != NULL && has_unescaped_pipe (line) &&
          is_table_delimiter_row (lines[i + 1]))
        tables++;
    }

  kinds = (headings > 0) + (fences > 0) + (links > 0) + (emphasis > 0) + (lists > 0) + (tables > 0);
  return kinds >= 2 && (headings > 0 || fences > 0 || links > 0 || tables > 0);
}
