/* crb-markdown-inline.c: one line of Markdown as plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Emphasis follows CommonMark's delimiter-run rules in a reduced form: a
 * run of * _ or ~ may open when it is left-flanking and close when it is
 * right-flanking, and '_' never opens or closes inside a word, so that
 * snake_case names and "5 * 3" come through untouched.
 */
#define G_LOG_DOMAIN "crb-extract"

#include <string.h>

#include "crb-markdown-private.h"

typedef struct
{
  gsize    start;  /* byte offset of the run in the output */
  guint    length; /* its length in bytes (all ASCII) */
  guint    left;   /* markers of the run not yet matched */
  char     marker; /* '*', '_' or '~' */
  gboolean can_open;
  gboolean can_close;
} Delimiter;

/* Where the next closing character lies, as far as a search has shown.
 * Without it every '[' or '<' would search the rest of the line again, and
 * hostile lines would take quadratic time. */
typedef struct
{
  const char *position; /* an occurrence at or after the last search's start */
  gboolean    searched;
} Sighting;

typedef struct
{
  guint32  ticks; /* bit k: no run of exactly k backticks */
  Sighting angle, bracket, paren;
} Ahead;

typedef struct
{
  GString    *out;
  GArray     *delimiters; /* Delimiter */
  GArray     *dropped;    /* guint8: one flag per output byte, cleared when grown */
  GPtrArray  *removed;
  GHashTable *labels; /* reference labels defined in the document, lower case */
  guint       depth;  /* of nested link texts */
  Ahead       ahead;  /* what is known to be missing from the rest of the text */
} Inline;

/* Bounds that keep hostile lines linear: the length and nesting of link
 * texts and destinations, and how far an emphasis closer looks back for its
 * opener.  Real text stays far inside them. */
#define MAX_LINK_TEXT 1024
#define MAX_LINK_NESTING 32
#define MAX_DESTINATION 1024
#define MAX_OPENER_SEARCH 128
#define MAX_TICKS 31

static void render (Inline *state, const char *text, gsize length);

/* An occurrence of `c` at or after p, or NULL when there is none. */
static const char *
sighted (Sighting *sighting, const char *p, const char *end, char c)
{
  if (!sighting->searched || (sighting->position != NULL && sighting->position < p))
    {
      sighting->position = memchr (p, c, end - p);
      sighting->searched = TRUE;
    }
  return sighting->position;
}

static gunichar
char_before (const char *text, const char *p)
{
  return p > text ? g_utf8_get_char_validated (g_utf8_find_prev_char (text, p), -1) : ' ';
}

static gunichar
char_at (const char *p, const char *end)
{
  return p < end ? g_utf8_get_char_validated (p, end - p) : ' ';
}

static gboolean
is_space (gunichar c)
{
  return c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_isspace (c);
}

static gboolean
is_punctuation (gunichar c)
{
  return g_unichar_ispunct (c);
}

static void
add_delimiter (Inline *state, const char *text, const char *run, const char *end, guint length)
{
  gunichar  before = char_before (text, run);
  gunichar  after = char_at (run + length, end);
  gboolean  left_flanking, right_flanking;
  Delimiter d = { 0 };

  left_flanking = !is_space (after) &&
                  (!is_punctuation (after) || is_space (before) || is_punctuation (before));
  right_flanking = !is_space (before) &&
                   (!is_punctuation (before) || is_space (after) || is_punctuation (after));

  d.start = state->out->len;
  d.length = d.left = length;
  d.marker = *run;
  if (d.marker == '_')
    {
      d.can_open = left_flanking && (!right_flanking || is_punctuation (before));
      d.can_close = right_flanking && (!left_flanking || is_punctuation (after));
    }
  else
    {
      d.can_open = left_flanking;
      d.can_close = right_flanking;
    }

  g_array_append_val (state->delimiters, d);
  g_string_append_len (state->out, run, length);
}

/* Pairs closers with the nearest opener of the same marker and drops the
 * matched markers; what cannot be paired stays as written. */
static void
resolve_emphasis (Inline *state, guint first)
{
  Delimiter *all = (Delimiter *) (void *) state->delimiters->data;
  guint      n = state->delimiters->len;

  g_array_set_size (state->dropped, state->out->len);

  for (guint c = first; c < n; c++)
    {
      Delimiter *closer = &all[c];

      while (closer->can_close && closer->left > 0)
        {
          Delimiter *opener = NULL;
          guint      take;

          for (guint o = c; o-- > first && c - o <= MAX_OPENER_SEARCH;)
            if (all[o].marker == closer->marker && all[o].can_open && all[o].left > 0)
              {
                opener = &all[o];
                break;
              }
          if (opener == NULL)
            break;

          take = MIN (opener->left, closer->left);
          if (closer->marker == '~')
            {
              /* Strikethrough needs ~~ on both sides. */
              if (take < 2)
                break;
              take = 2;
            }
          else
            take = take >= 2 ? 2 : 1;

          memset (state->dropped->data + opener->start + opener->left - take, 1, take);
          memset (state->dropped->data + closer->start + (closer->length - closer->left), 1, take);
          opener->left -= take;
          closer->left -= take;

          /* Runs between the pair can no longer match across it. */
          for (Delimiter *between = opener + 1; between < closer; between++)
            between->left = 0;
        }
    }

  g_array_set_size (state->delimiters, first);
}

static const char *
skip_code_span (const char *p, const char *end, guint ticks)
{
  for (const char *q = p; q < end; q++)
    {
      guint run = 0;

      if (*q != '`')
        continue;
      while (q + run < end && q[run] == '`')
        run++;
      if (run == ticks)
        return q;
      q += run - 1;
    }
  return NULL;
}

/* The closing bracket of a link text that opens at p (just after '['). */
static const char *
find_link_text_end (const char *p, const char *end)
{
  guint depth = 1;

  if (end - p > MAX_LINK_TEXT)
    end = p + MAX_LINK_TEXT;

  for (; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        p++;
      else if (*p == '`')
        {
          guint       ticks = 0;
          const char *close;

          while (p + ticks < end && p[ticks] == '`')
            ticks++;
          close = skip_code_span (p + ticks, end, ticks);
          p = close != NULL ? close + ticks - 1 : p + ticks - 1;
        }
      else if (*p == '[')
        {
          if (++depth > MAX_LINK_NESTING)
            return NULL;
        }
      else if (*p == ']' && --depth == 0)
        return p;
    }
  return NULL;
}

/* Parses "(destination "title")" at p; returns the end, or NULL. */
static const char *
parse_destination (const char *p, const char *end, const char **url, gsize *url_length)
{
  guint parens = 0;

  g_assert (*p == '(');
  p++;
  if (end - p > MAX_DESTINATION)
    end = p + MAX_DESTINATION;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;

  *url = p;
  if (p < end && *p == '<')
    {
      const char *close = memchr (p, '>', end - p);

      if (close == NULL)
        return NULL;
      *url = p + 1;
      *url_length = close - p - 1;
      p = close + 1;
    }
  else
    {
      for (; p < end && *p != ' ' && *p != '\t'; p++)
        {
          if (*p == '\\' && p + 1 < end)
            p++;
          else if (*p == '(')
            parens++;
          else if (*p == ')' && parens-- == 0)
            break;
        }
      *url_length = p - *url;
    }

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p < end && (*p == '"' || *p == '\'' || *p == '('))
    {
      char        close_char = *p == '(' ? ')' : *p;
      const char *close = memchr (p + 1, close_char, end - p - 1);

      if (close == NULL)
        return NULL;
      p = close + 1;
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    }
  return p < end && *p == ')' ? p + 1 : NULL;
}

static void
note_image (Inline *state, const char *alt, gsize alt_length, const char *url, gsize url_length)
{
  g_autofree char *alt_text = NULL;

  if (state->removed == NULL)
    return;
  alt_text = crb_markdown_inline_full (alt, alt_length, NULL, state->labels);
  g_strstrip (alt_text);
  if (*alt_text != '\0')
    g_ptr_array_add (state->removed,
                     g_strdup_printf ("Image: %s (%.*s)", alt_text, (int) url_length, url));
  else
    g_ptr_array_add (state->removed, g_strdup_printf ("Image: %.*s", (int) url_length, url));
}

/* A link or an image at p ('[' or "!["); returns where the text continues,
 * or NULL when it is not one. */
static const char *
render_link (Inline *state, const char *p, const char *end)
{
  gboolean    image = *p == '!';
  const char *text = p + (image ? 2 : 1);
  const char *text_end;
  const char *next, *url = NULL;
  gsize       url_length = 0;

  if (sighted (&state->ahead.bracket, text, end, ']') == NULL)
    return NULL;
  text_end = find_link_text_end (text, end);
  if (text_end == NULL)
    return NULL;
  next = text_end + 1;

  if (next < end && *next == '(')
    {
      if (sighted (&state->ahead.paren, next, end, ')') == NULL)
        return NULL;
      next = parse_destination (next, end, &url, &url_length);
      if (next == NULL)
        return NULL;
    }
  else if (next < end && *next == '[')
    {
      const char *label_end = memchr (next, ']', end - next);

      if (label_end == NULL)
        return NULL;
      next = label_end + 1;
    }
  else
    {
      /* [label] alone is a link only when the document defines it. */
      g_autofree char *label = g_utf8_strdown (text, text_end - text);

      if (state->labels == NULL || !g_hash_table_contains (state->labels, label))
        return NULL;
    }

  if (image)
    note_image (state, text, text_end - text, url != NULL ? url : "", url_length);
  else if (state->depth < 8)
    {
      state->depth++;
      render (state, text, text_end - text);
      state->depth--;
    }
  return next;
}

static gboolean
is_autolink (const char *inner, gsize length)
{
  const char *colon = memchr (inner, ':', length);
  gboolean    email = memchr (inner, '@', length) != NULL;

  for (gsize i = 0; i < length; i++)
    if (inner[i] == ' ' || inner[i] == '<')
      return FALSE;
  if (colon != NULL && colon > inner + 1 && colon - inner <= 32 && g_ascii_isalpha (*inner))
    return TRUE;
  return email && length > 2;
}

static gboolean
is_html_tag (const char *inner, gsize length)
{
  gsize i = inner[0] == '/' ? 1 : 0;

  if (i >= length || !g_ascii_isalpha (inner[i]))
    return FALSE;
  while (i < length && (g_ascii_isalnum (inner[i]) || inner[i] == '-'))
    i++;
  return i == length || inner[i] == ' ' || inner[i] == '/' || inner[i] == '\t';
}

/* '<' at p: an autolink, an inline comment or an HTML tag. */
static const char *
render_angle (Inline *state, const char *p, const char *end)
{
  const char *close;

  if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
    {
      const char *stop = g_strstr_len (p + 4, end - p - 4, "-->");

      return stop != NULL ? stop + 3 : end;
    }

  /* Searches for '>' start at increasing positions: the sighting is the
   * first one after p. */
  close = sighted (&state->ahead.angle, p, end, '>');
  if (close == NULL || close == p + 1)
    return NULL;
  if (is_autolink (p + 1, close - p - 1))
    {
      g_string_append_len (state->out, p + 1, close - p - 1);
      return close + 1;
    }
  if (is_html_tag (p + 1, close - p - 1))
    return close + 1;
  return NULL;
}

static void
render (Inline *state, const char *text, gsize length)
{
  const char *p = text;
  const char *end = text + length;
  guint       first_delimiter = state->delimiters->len;
  /* What was learnt about the rest of an outer text does not hold here. */
  Ahead outer_ahead = state->ahead;

  memset (&state->ahead, 0, sizeof state->ahead);

  while (p < end)
    {
      const char *next = NULL;

      switch (*p)
        {
        case '\\':
          if (p + 1 < end && g_ascii_ispunct (p[1]))
            {
              g_string_append_c (state->out, p[1]);
              next = p + 2;
            }
          else if (p + 1 == end)
            next = end; /* a hard line break */
          break;

        case '`':
          {
            guint       ticks = 0;
            const char *close = NULL;

            while (p + ticks < end && p[ticks] == '`')
              ticks++;
            /* Once no closing run of a length lies ahead, none ever will. */
            if (ticks <= MAX_TICKS && (state->ahead.ticks & (1u << ticks)) == 0)
              {
                close = skip_code_span (p + ticks, end, ticks);
                if (close == NULL)
                  state->ahead.ticks |= 1u << ticks;
              }
            if (close != NULL)
              {
                const char *inner = p + ticks;
                const char *inner_end = close;

                if (inner_end - inner >= 2 && *inner == ' ' && inner_end[-1] == ' ')
                  inner++, inner_end--;
                g_string_append_len (state->out, inner, inner_end - inner);
                next = close + ticks;
              }
            else
              {
                g_string_append_len (state->out, p, ticks);
                next = p + ticks;
              }
          }
          break;

        case '!':
          if (p + 1 < end && p[1] == '[')
            next = render_link (state, p, end);
          break;

        case '[':
          next = render_link (state, p, end);
          break;

        case '<':
          next = render_angle (state, p, end);
          break;

        case '*':
        case '_':
        case '~':
          {
            guint run = 0;

            while (p + run < end && p[run] == *p)
              run++;
            add_delimiter (state, text, p, end, run);
            next = p + run;
          }
          break;

        default:
          break;
        }

      if (next == NULL)
        {
          g_string_append_c (state->out, *p);
          next = p + 1;
        }
      p = next;
    }

  resolve_emphasis (state, first_delimiter);
  state->ahead = outer_ahead;
}

char *
crb_markdown_inline_full (const char *line, gsize length, GPtrArray *removed, GHashTable *labels)
{
  Inline   state = { 0 };
  GString *result;

  state.out = g_string_sized_new (length + 1);
  state.delimiters = g_array_new (FALSE, FALSE, sizeof (Delimiter));
  state.dropped = g_array_new (FALSE, TRUE, sizeof (guint8));
  state.removed = removed;
  state.labels = labels;

  render (&state, line, length);
  g_array_set_size (state.dropped, state.out->len);

  result = g_string_sized_new (state.out->len + 1);
  for (gsize i = 0; i < state.out->len; i++)
    if (!state.dropped->data[i])
      g_string_append_c (result, state.out->str[i]);

  g_string_free (state.out, TRUE);
  g_array_unref (state.delimiters);
  g_array_unref (state.dropped);
  return g_string_free (result, FALSE);
}

char *
crb_markdown_inline (const char *line, GPtrArray *removed)
{
  g_return_val_if_fail (line != NULL, NULL);

  return crb_markdown_inline_full (line, strlen (line), removed, NULL);
}
