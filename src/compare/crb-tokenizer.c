/* crb-tokenizer.c: words of UTF-8 text with code-point offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the bytes, ASCII through a table, everything else through
 * crb_fold_unichar().  The same scanner serves crb_tokenize() and the helpers
 * that rebuild normal forms, so both always agree on what a word is.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-tokenizer.h"

#include <string.h>

#include "crb-fold.h"

/* Longer words are hashed on their first bytes only; offsets stay exact. */
#define MAX_NORMAL 255

typedef void (*TokenSink) (const CrbToken *token,
                           const char     *normal,
                           guint           normal_length,
                           gpointer        user_data);

static inline gunichar
decode (const guchar *p,
        const guchar *end,
        guint        *length)
{
  gunichar c;

  if (*p < 0x80)
    {
      *length = 1;
      return *p;
    }
  c = g_utf8_get_char_validated ((const char *) p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      /* Skip one byte of garbage; it cannot start a code point, so it does
       * not count as one either. */
      *length = 1;
      return (gunichar) -1;
    }
  *length = g_utf8_skip[*p];
  return c;
}

static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static inline gboolean
ends_sentence (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';';
}

/* After a hyphen at @p: returns where the word continues when the hyphen
 * ends a line and the next line starts with a lower-case letter, else NULL.
 * @skipped receives the number of code points jumped over. */
static const guchar *
hyphen_continuation (const guchar *p,
                     const guchar *end,
                     guint        *skipped)
{
  const guchar *q = p;
  gboolean newline = FALSE;
  guint count = 0;
  guint length;
  gunichar c;

  while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
    q++, count++;
  if (q < end && *q == '\n')
    {
      newline = TRUE;
      q++, count++;
    }
  if (!newline)
    return NULL;
  while (q < end && (*q == ' ' || *q == '\t'))
    q++, count++;
  if (q >= end)
    return NULL;
  c = decode (q, end, &length);
  if (c == (gunichar) -1 || !g_unichar_islower (c))
    return NULL;
  *skipped = count;
  return q;
}

typedef struct
{
  CrbToken token;
  char     normal[MAX_NORMAL + CRB_FOLD_MAX];
  guint    normal_length;
  gboolean active;
  gboolean seen_lower;
  guint    n_letters;
} Builder;

static inline void
builder_append (Builder    *builder,
                const char *bytes,
                guint       length)
{
  if (builder->normal_length + length > MAX_NORMAL)
    return;
  memcpy (builder->normal + builder->normal_length, bytes, length);
  builder->normal_length += length;
}

static void
scan (const char *text,
      gsize       length,
      TokenSink   sink,
      gpointer    user_data)
{
  const guchar *start = (const guchar *) text;
  const guchar *p = start;
  const guchar *end = start + length;
  gboolean sentence_start = TRUE;
  gunichar previous = 0;
  guint32 offset = 0;
  Builder builder = { 0 };

  while (p < end)
    {
      guint char_length;
      gunichar c = decode (p, end, &char_length);

      if (c != (gunichar) -1 && crb_fold_is_word_char (c))
        {
          char folded[CRB_FOLD_MAX];
          guint folded_length;

          if (!builder.active)
            {
              memset (&builder.token, 0, sizeof builder.token);
              builder.active = TRUE;
              builder.normal_length = 0;
              builder.seen_lower = FALSE;
              builder.n_letters = 0;
              builder.token.start = offset;
              builder.token.byte_start = p - start;
              if (c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c))
                builder.token.flags |= CRB_TOKEN_NUMERIC;
              else if (g_unichar_isupper (c) || g_unichar_istitle (c))
                builder.token.flags |= CRB_TOKEN_CAPITALISED;
              if (sentence_start)
                builder.token.flags |= CRB_TOKEN_SENTENCE_START;
            }
          if (c < 0x80)
            {
              folded[0] = g_ascii_tolower (c);
              folded_length = 1;
              builder.seen_lower |= g_ascii_islower (c);
              builder.n_letters += g_ascii_isalpha (c);
            }
          else
            {
              folded_length = crb_fold_unichar (c, folded);
              builder.seen_lower |= g_unichar_islower (c);
              builder.n_letters += g_unichar_isalpha (c);
            }
          builder_append (&builder, folded, folded_length);
          p += char_length;
          offset++;
          previous = c;
          continue;
        }

      if (builder.active)
        {
          const guchar *next = p + char_length;
          guint skipped = 0;
          const guchar *continuation;

          /* A soft hyphen is invisible: the word simply goes on. */
          if (c == 0x00AD && next < end)
            {
              continuation = hyphen_continuation (next, end, &skipped);
              p = continuation != NULL ? continuation : next;
              offset += 1 + skipped;
              continue;
            }
          if (is_hyphen (c))
            {
              continuation = hyphen_continuation (next, end, &skipped);
              if (continuation != NULL)
                {
                  builder.token.flags |= CRB_TOKEN_JOINED;
                  p = continuation;
                  offset += 1 + skipped;
                  continue;
                }
            }
          /* Digit group and decimal separators inside a number. */
          if ((c == ',' || c == '.') && (builder.token.flags & CRB_TOKEN_NUMERIC)
              && g_ascii_isdigit (previous) && next < end && g_ascii_isdigit (*next))
            {
              builder_append (&builder, (const char *) p, 1);
              p = next;
              offset++;
              continue;
            }

          builder.token.end = offset;
          builder.token.byte_end = p - start;
          if (is_hyphen (c))
            builder.token.flags |= CRB_TOKEN_HYPHEN_AFTER;
          if (builder.n_letters >= 2 && !builder.seen_lower)
            builder.token.flags |= CRB_TOKEN_ALL_CAPS;
          builder.active = FALSE;
          sentence_start = FALSE;
          sink (&builder.token, builder.normal, builder.normal_length, user_data);
        }

      if (c != (gunichar) -1 && ends_sentence (c))
        sentence_start = TRUE;
      else if (c == '\n' && previous == '\n')
        sentence_start = TRUE;
      if (c != ' ' && c != '\t' && c != '\r')
        previous = c;
      p += char_length;
      if (c != (gunichar) -1)
        offset++;
    }

  if (builder.active)
    {
      builder.token.end = offset;
      builder.token.byte_end = p - start;
      if (builder.n_letters >= 2 && !builder.seen_lower)
        builder.token.flags |= CRB_TOKEN_ALL_CAPS;
      sink (&builder.token, builder.normal, builder.normal_length, user_data);
    }
}

typedef struct
{
  GArray           *tokens;
  CrbWordTable     *table;
  CrbTokenizeFlags  flags;
} ArraySink;

static void
append_token (const CrbToken *token,
              const char     *normal,
              guint           normal_length,
              gpointer        user_data)
{
  ArraySink *sink = user_data;
  CrbToken copy = *token;

  copy.hash = crb_fold_hash (normal, normal_length);
  if (sink->table != NULL)
    {
      if (sink->flags & CRB_TOKENIZE_INTERN)
        copy.word = crb_word_table_intern (sink->table, normal, normal_length);
      else
        copy.word = crb_word_table_lookup (sink->table, normal, normal_length);
    }
  g_array_append_val (sink->tokens, copy);
}

GArray *
crb_tokenize (const char       *text,
              gssize            length,
              CrbWordTable     *table,
              CrbTokenizeFlags  flags)
{
  ArraySink sink;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  /* About one word per six bytes in both English and Russian prose. */
  sink.tokens = g_array_sized_new (FALSE, FALSE, sizeof (CrbToken), length / 6 + 4);
  sink.table = table;
  sink.flags = flags;
  scan (text, length, append_token, &sink);
  return sink.tokens;
}

static void
append_normal (const CrbToken *token,
               const char     *normal,
               guint           normal_length,
               gpointer        user_data)
{
  GString *out = user_data;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_len (out, normal, normal_length);
}

char *
crb_tokens_dup_normal (const char     *text,
                       const CrbToken *tokens,
                       guint           n_tokens)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (tokens != NULL || n_tokens == 0, NULL);

  /* Re-scanning a token's own bytes yields exactly its normal form. */
  for (guint i = 0; i < n_tokens; i++)
    scan (text + tokens[i].byte_start, tokens[i].byte_end - tokens[i].byte_start,
          append_normal, out);
  return g_string_free (out, FALSE);
}

char *
crb_token_dup_normal (const char     *text,
                      const CrbToken *token)
{
  return crb_tokens_dup_normal (text, token, 1);
}
