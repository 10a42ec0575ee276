/* crb-extract-text.c: plain text and Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract"

#include <string.h>

#include "crb-encoding.h"
#include "crb-extract-formats.h"
#include "crb-markdown.h"
#include "crb-masthead.h"
#include "crb-utf8.h"

/* Titles longer than this are paragraphs. */
#define TITLE_MAX_CHARS 200
/* A title is looked for this far into the text. */
#define TITLE_SEARCH_LINES 40
/* Text of a first sentence used as a title is cut here. */
#define TITLE_CUT_CHARS 100

static const char *const markdown_suffixes[] = {
  ".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext",
};
static const char *const text_suffixes[] = { ".txt", ".text", ".asc" };

static gboolean
has_suffix (const char *name, const char *const *suffixes, guint n)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < n; i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_markdown (const CrbExtractRequest *request, const char *text)
{
  const char *name = request != NULL ? request->name_hint : NULL;
  const char *type = request != NULL ? request->content_type : NULL;

  if (has_suffix (name, markdown_suffixes, G_N_ELEMENTS (markdown_suffixes)))
    return TRUE;
  if (type != NULL && (g_ascii_strncasecmp (type, "text/markdown", 13) == 0 ||
                       g_ascii_strncasecmp (type, "text/x-markdown", 15) == 0))
    return TRUE;
  /* A .txt file is plain text whatever it contains. */
  if (has_suffix (name, text_suffixes, G_N_ELEMENTS (text_suffixes)))
    return FALSE;
  return crb_markdown_sniff (text);
}

static gboolean
is_blank_range (const char *p, const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      {
        gunichar c = g_utf8_get_char (p);

        if (!g_unichar_isspace (c))
          return FALSE;
        p = g_utf8_next_char (p) - 1;
      }
  return TRUE;
}

/* Paragraphs are blocks of lines between blank lines; each starts at its
 * first line.  Text without a single blank line (one sentence or one
 * paragraph per line, as some exports write it) has a paragraph per line. */
static void
index_blocks (CrbExtractResult *result, gboolean every_line)
{
  const char *text = result->text->str;
  const char *end = text + result->text->len;
  const char *line = text;
  guint       offset = 0; /* code points up to `line` */
  gboolean    in_paragraph = FALSE;

  while (line < end)
    {
      const char *newline = memchr (line, '\n', end - line);
      const char *line_end = newline != NULL ? newline : end;
      gsize       chars = crb_utf8_count_chars (line, line_end - line);

      if (is_blank_range (line, line_end))
        in_paragraph = FALSE;
      else if (!in_paragraph)
        {
          g_array_append_val (result->paragraphs, offset);
          in_paragraph = !every_line;
        }

      offset += (guint) chars + (newline != NULL ? 1 : 0);
      line = newline != NULL ? newline + 1 : end;
    }
}

static void
index_paragraphs (CrbExtractResult *result)
{
  index_blocks (result, FALSE);
  if (result->paragraphs->len == 1)
    {
      g_array_set_size (result->paragraphs, 0);
      index_blocks (result, TRUE);
    }
}

static guint
count_words (const char *line)
{
  guint    words = 0;
  gboolean in_word = FALSE;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gboolean word_char = g_unichar_isalnum (g_utf8_get_char (p));

      if (word_char && !in_word)
        words++;
      in_word = word_char;
    }
  return words;
}

/* Navigation, share buttons and footers saved along with an article. */
static gboolean
is_junk_line (const char *line)
{
  static const char *const markers[] = { "©", "(c) ", "http://", "https://", "www.", "@" };
  guint                    letters = 0;
  g_autofree char         *lower = g_utf8_strdown (line, -1);

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    letters += g_unichar_isalpha (g_utf8_get_char (p));
  if (letters < 2)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strstr (lower, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_shouting (const char *line)
{
  guint upper = 0, lower = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      upper += g_unichar_isupper (c);
      lower += g_unichar_islower (c);
    }
  return upper >= 4 && lower == 0;
}

/* A title stands alone: a blank line (or the start) before it, a blank line
 * (or the end) after it, and it is not one of a run of menu entries. */
static gboolean
stands_alone (char **lines, guint i)
{
  return (i == 0 || *lines[i - 1] == '\0') && (lines[i + 1] == NULL || *lines[i + 1] == '\0');
}

static char *
first_sentence (const char *line)
{
  const char *end = NULL;
  glong       chars;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if ((*p == '.' || *p == '?' || *p == '!') && (p[1] == ' ' || p[1] == '\0'))
      {
        end = p + 1;
        break;
      }

  if (end != NULL && g_utf8_strlen (line, end - line) <= TITLE_CUT_CHARS + 50)
    return g_strndup (line, end - line);

  /* Cut at a word boundary and say so. */
  chars = 0;
  end = line;
  for (const char *p = line; *p && chars < TITLE_CUT_CHARS; p = g_utf8_next_char (p), chars++)
    if (*p == ' ')
      end = p;
  if (chars < TITLE_CUT_CHARS)
    return g_strdup (line);
  if (end == line)
    end = g_utf8_offset_to_pointer (line, TITLE_CUT_CHARS);
  return g_strdup_printf ("%.*s…", (int) (end - line), line);
}

/* The first line that reads like a title; failing that, the first short
 * line; failing that, the first sentence. */
static char *
guess_title (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", TITLE_SEARCH_LINES + 1);
  const char *first_short = NULL;
  const char *first_line = NULL;
  guint       n_nonempty = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);

  for (guint i = 0; lines[i] != NULL && i < TITLE_SEARCH_LINES; i++)
    {
      const char *line = lines[i];
      glong       chars = g_utf8_strlen (line, -1);

      if (*line == '\0')
        continue;
      if (first_line == NULL)
        first_line = line;
      n_nonempty++;
      if (chars > TITLE_MAX_CHARS || is_junk_line (line))
        continue;

      if (stands_alone (lines, i) && count_words (line) >= 2 && !is_shouting (line) &&
          !g_str_has_suffix (line, "."))
        return g_strdup (line);
      if (first_short == NULL && n_nonempty <= 5 && count_words (line) >= 2)
        first_short = line;
    }

  if (first_short != NULL)
    return g_strdup (first_short);
  if (first_line != NULL)
    return first_sentence (first_line);
  return NULL;
}

static gboolean
has_replacement_character (const GString *text)
{
  return g_strstr_len (text->str, (gssize) text->len, "\xEF\xBF\xBD") != NULL;
}

gboolean
crb_extract_text (GBytes *data, const CrbExtractRequest *request, CrbExtractResult *result,
                  GError **error)
{
  g_autofree char *decoded = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *encoding = NULL;
  const char      *charset = request != NULL ? request->charset : NULL;
  const guint8    *bytes;
  gsize            length;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_bytes_get_data (data, &length);
  decoded = crb_encoding_decode (bytes, length, charset, &encoding, error);
  if (decoded == NULL)
    return FALSE;
  normalized = crb_text_normalize (decoded);
  g_clear_pointer (&decoded, g_free);

  if (is_markdown (request, normalized))
    {
      crb_markdown_render (normalized, result);
      g_free (result->kind);
      result->kind = g_strdup ("markdown");
    }
  else
    {
      g_string_assign (result->text, normalized);
      g_free (result->kind);
      result->kind = g_strdup ("text");
    }

  if (is_blank_range (result->text->str, result->text->str + result->text->len))
    {
      g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_EMPTY,
                           "The file contains no text");
      return FALSE;
    }

  index_paragraphs (result);
  if (result->title == NULL)
    result->title = guess_title (result->text->str);
  crb_masthead_read (result->text->str, result);

  if (has_replacement_character (result->text))
    g_ptr_array_add (
        result->warnings,
        g_strdup_printf ("Some bytes are not valid %s and are shown as \xEF\xBF\xBD", encoding));
  if (charset == NULL && !g_str_has_prefix (encoding, "UTF-"))
    g_ptr_array_add (result->warnings,
                     g_strdup_printf ("The file does not say which encoding it uses; it was read "
                                      "as %s",
                                      encoding));

  g_free (result->encoding);
  result->encoding = g_steal_pointer (&encoding);
  return TRUE;
}
