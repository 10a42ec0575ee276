/* crb-html-depth.c: flattening absurdly deep markup before gumbo sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gumbo 0.10 checks element scopes by walking the stack of open elements for
 * each start tag, so 20,000 nested <div>s take seconds and 100,000 take
 * minutes (measured here).  Real pages nest 20–60 levels.  This pass tracks an
 * approximate depth with a tiny tokenizer and drops start tags (and their end
 * tags) beyond the limit; the text between them is kept.  gumbo also checks
 * each attribute against all earlier ones of its tag, so tags keep at most
 * MAX_ATTRIBUTES attributes.
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-html-private.h"

#define MAX_ATTRIBUTES 256

typedef enum
{
  TAG_NESTS,    /* opens a level until its end tag */
  TAG_NEUTRAL,  /* void, self-closing, or closed implicitly by its siblings */
  TAG_RAW_TEXT, /* contents are text up to the matching end tag */
} TagClass;

static const char *const void_tags[] = {
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "basefont",
  "bgsound",
  "frame",
  /* closed by the next sibling or by their parent's end tag, never nested by
   * the parser just because an end tag is missing */
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "optgroup",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "rp",
  "rt",
  "html",
  "head",
  "body",
  "colgroup",
};

static const char *const raw_text_tags[] = {
  "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
};

static gboolean
name_in (const char *name, gsize length, const char *const *list, gsize n)
{
  gsize i;

  for (i = 0; i < n; i++)
    if (strlen (list[i]) == length && g_ascii_strncasecmp (name, list[i], length) == 0)
      return TRUE;
  return FALSE;
}

static TagClass
classify (const char *name, gsize length)
{
  if (name_in (name, length, void_tags, G_N_ELEMENTS (void_tags)))
    return TAG_NEUTRAL;
  if (name_in (name, length, raw_text_tags, G_N_ELEMENTS (raw_text_tags)))
    return TAG_RAW_TEXT;
  return TAG_NESTS;
}

/* Index just past the '>' that ends the tag starting at `pos`, skipping
 * quoted attribute values; `length` if the tag never ends. */
static gsize
tag_end (const char *html, gsize pos, gsize length, gboolean *self_closing)
{
  char quote = 0;

  *self_closing = FALSE;
  for (; pos < length; pos++)
    {
      char c = html[pos];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
        }
      else if (c == '"' || c == '\'')
        {
          /* Only a quote right after '=' opens a value. */
          gsize back = pos;

          while (back > 0 && g_ascii_isspace (html[back - 1]))
            back--;
          if (back > 0 && html[back - 1] == '=')
            quote = c;
        }
      else if (c == '>')
        {
          *self_closing = pos > 0 && html[pos - 1] == '/';
          return pos + 1;
        }
    }
  return length;
}

/* Where to cut a start tag (from `pos`, after its name, to `stop`, after its
 * '>') so that it keeps MAX_ATTRIBUTES attributes; `stop` if it has fewer.
 * An attribute starts where a name follows white space outside quotes. */
static gsize
attribute_cut (const char *html, gsize pos, gsize stop)
{
  guint count = 0;
  char  quote = 0;

  for (; pos < stop; pos++)
    {
      char c = html[pos];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
        }
      else if (c == '"' || c == '\'')
        quote = c;
      else if (g_ascii_isspace (c) && pos + 1 < stop && !g_ascii_isspace (html[pos + 1]) &&
               strchr ("=/>\"'", html[pos + 1]) == NULL && ++count > MAX_ATTRIBUTES)
        return pos;
    }
  return stop;
}

/* Position of "</name" (any case) at or after `pos`, or `length`. */
static gsize
find_end_tag (const char *html, gsize pos, gsize length, const char *name, gsize name_length)
{
  while (pos + 2 + name_length <= length)
    {
      const char *lt = memchr (html + pos, '<', length - pos);

      if (lt == NULL)
        break;
      pos = (gsize) (lt - html);
      if (pos + 2 + name_length <= length && html[pos + 1] == '/' &&
          g_ascii_strncasecmp (html + pos + 2, name, name_length) == 0)
        return pos;
      pos++;
    }
  return length;
}

static gsize
skip_past (const char *html, gsize pos, gsize length, const char *marker)
{
  const char *found = g_strstr_len (html + pos, length - pos, marker);

  return found == NULL ? length : (gsize) (found - html) + strlen (marker);
}

/**
 * crb_html_limit_depth:
 * @n_dropped: (out): how many start tags were dropped
 *
 * Returns a copy of @html in which no element nests deeper than @max_depth
 * (as far as a tokenizer without tree construction can tell).
 */
char *
crb_html_limit_depth (const char *html, gsize length, guint max_depth, gsize *out_length,
                      guint *n_dropped)
{
  GString *out = g_string_sized_new (length + 1);
  gsize    pos = 0;
  guint    depth = 0;
  guint    excess = 0;

  *n_dropped = 0;
  while (pos < length)
    {
      const char *lt = memchr (html + pos, '<', length - pos);
      gsize       start, name_start, name_end, stop;
      gboolean    closing, self_closing;
      TagClass    tag_class;

      if (lt == NULL)
        {
          g_string_append_len (out, html + pos, length - pos);
          break;
        }
      start = (gsize) (lt - html);
      g_string_append_len (out, html + pos, start - pos);
      pos = start;

      if (pos + 1 >= length)
        {
          g_string_append_c (out, '<');
          pos++;
          continue;
        }
      if (html[pos + 1] == '!' || html[pos + 1] == '?')
        {
          stop = (pos + 4 <= length && strncmp (html + pos, "<!--", 4) == 0)
                     ? skip_past (html, pos + 4, length, "-->")
                     : skip_past (html, pos, length, ">");
          g_string_append_len (out, html + pos, stop - pos);
          pos = stop;
          continue;
        }
      closing = html[pos + 1] == '/';
      name_start = pos + (closing ? 2 : 1);
      if (name_start >= length || !g_ascii_isalpha (html[name_start]))
        {
          g_string_append_c (out, '<');
          pos++;
          continue;
        }
      name_end = name_start;
      while (name_end < length && !g_ascii_isspace (html[name_end]) && html[name_end] != '>' &&
             html[name_end] != '/')
        name_end++;
      stop = tag_end (html, name_end, length, &self_closing);
      tag_class = classify (html + name_start, name_end - name_start);

      if (closing)
        {
          if (tag_class == TAG_NESTS)
            {
              if (excess > 0)
                {
                  excess--;
                  pos = stop;
                  continue;
                }
              if (depth > 0)
                depth--;
            }
          g_string_append_len (out, html + pos, stop - pos);
          pos = stop;
          continue;
        }

      if (tag_class == TAG_RAW_TEXT && !self_closing)
        {
          /* Copy the element whole: its text may contain anything. */
          gsize close = find_end_tag (html, stop, length, html + name_start, name_end - name_start);
          gsize cut = attribute_cut (html, name_end, stop);
          gboolean ignored;

          if (close < length)
            close = tag_end (html, close, length, &ignored);
          g_string_append_len (out, html + pos, cut - pos);
          if (cut < stop)
            g_string_append_c (out, '>');
          g_string_append_len (out, html + stop, close - stop);
          pos = close;
          continue;
        }
      if (tag_class == TAG_NESTS && !self_closing)
        {
          if (depth >= max_depth)
            {
              excess++;
              (*n_dropped)++;
              pos = stop;
              continue;
            }
          depth++;
        }
      {
        gsize cut = attribute_cut (html, name_end, stop);

        g_string_append_len (out, html + pos, cut - pos);
        if (cut < stop)
          g_string_append_c (out, '>');
      }
      pos = stop;
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}
