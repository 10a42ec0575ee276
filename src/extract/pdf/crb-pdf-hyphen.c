/* crb-pdf-hyphen.c: is a line-end hyphen a syllable break or a compound?
 *
 * "ag-" + "gression" is one word broken by the typesetter; "well-" +
 * "known" and "Anglo-" + "Saxon" are compounds that keep their hyphen.
 * The best witness is the document itself: whichever form it uses
 * elsewhere on a single line wins.  Without a witness, capitalised
 * second parts, numbers, strong compound prefixes (self-, well-, non-)
 * and other compound prefixes (co-, pre-) followed by a word that the
 * document uses keep the hyphen; everything else is joined.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-pdf"

#include "crb-pdf-private.h"

#include <string.h>

struct _CrbPdfVocabulary
{
  GStringChunk *strings;   /* the tables' keys */
  GHashTable   *words;     /* casefolded word → occurrences (GUINT) */
  GHashTable   *compounds; /* casefolded "left-right" → occurrences */
};

/* Prefixes that form hyphenated compounds in English (and two Russian
 * ones, as in "по-русски"); only trusted when the second part is a word
 * of the document on its own. */
static const char *const compound_prefixes[] = {
  "all",   "anti",  "co",    "counter", "cross", "ex",  "extra",  "far",   "full", "half",
  "high",  "ill",   "inter", "intra",   "long",  "low", "mid",    "multi", "near", "neo",
  "non",   "over",  "pan",   "post",    "pre",   "pro", "pseudo", "quasi", "self", "semi",
  "short", "ultra", "under", "vice",    "well",  "во",  "по",
};

/* Prefixes that are almost never a mere syllable before a line break:
 * kept hyphenated unless what follows is only a suffix (self-ish). */
static const char *const strong_prefixes[] = { "anti", "cross", "half", "ill",
                                               "non",  "quasi", "self", "well" };
static const char *const suffixes[] = { "ed",  "er",  "es",   "ful", "ing",  "ish",
                                        "ism", "ist", "less", "ly",  "ness", "s" };

/* Russian particles written after a hyphen: кто-то, что-нибудь. */
static const char *const hyphen_particles[] = { "то", "либо", "нибудь", "таки", "ка" };

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* Casefolds into `buffer` when the word is short ASCII (nearly always),
 * else into a new string in `*folded`. */
static const char *
fold (const char *start, gsize length, char *buffer, gsize size, char **folded)
{
  gsize i;

  for (i = 0; i < length && i + 1 < size && (guchar) start[i] < 0x80; i++)
    buffer[i] = g_ascii_tolower (start[i]);
  if (i == length && i < size)
    {
      buffer[i] = '\0';
      return buffer;
    }
  *folded = g_utf8_casefold (start, length);
  return *folded;
}

static void
count (CrbPdfVocabulary *vocabulary, GHashTable *table, const char *start, gsize length)
{
  char             buffer[64];
  g_autofree char *folded = NULL;
  const char      *key = fold (start, length, buffer, sizeof buffer, &folded);
  gpointer         stored, n;

  /* The tables do not own their keys, so that a count goes up in place. */
  if (g_hash_table_lookup_extended (table, key, &stored, &n))
    g_hash_table_insert (table, stored, GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
  else
    g_hash_table_insert (table, g_string_chunk_insert (vocabulary->strings, key),
                         GUINT_TO_POINTER (1));
}

/* Words and hyphenated compounds of one line.  The first word after a
 * line-end hyphen and the part before it are fragments, not words. */
static void
add_line (CrbPdfVocabulary *vocabulary, const char *text, gboolean after_hyphen)
{
  const char *p = text;
  gboolean    first = TRUE;

  while (*p != '\0')
    {
      const char *start, *end;
      gboolean    compound = FALSE;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (TRUE)
        {
          while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (*p == '-' && p[1] != '\0' && is_word_char (g_utf8_get_char (p + 1)))
            {
              compound = TRUE;
              p++;
              continue;
            }
          break;
        }
      end = p;
      if (*end == '-' && end[1] == '\0')
        break; /* broken at the line end */
      if (!(first && after_hyphen))
        count (vocabulary, compound ? vocabulary->compounds : vocabulary->words, start,
               end - start);
      first = FALSE;
    }
}

static gboolean
ends_with_hyphen (const char *text)
{
  gsize length = strlen (text);

  return length > 1 && text[length - 1] == '-';
}

static void
add_lines (CrbPdfVocabulary *vocabulary, GPtrArray *lines)
{
  gboolean after_hyphen = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      CrbPdfLine *line = g_ptr_array_index (lines, i);

      add_line (vocabulary, line->text, after_hyphen);
      after_hyphen = ends_with_hyphen (line->text) || (line->flags & CRB_PDF_LINE_SOFT_HYPHEN);
    }
}

CrbPdfVocabulary *
crb_pdf_vocabulary_new (GPtrArray *pages)
{
  CrbPdfVocabulary *vocabulary = g_new0 (CrbPdfVocabulary, 1);

  vocabulary->strings = g_string_chunk_new (4096);
  vocabulary->words = g_hash_table_new (g_str_hash, g_str_equal);
  vocabulary->compounds = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < pages->len; i++)
    {
      CrbPdfPage *page = g_ptr_array_index (pages, i);

      add_lines (vocabulary, page->body);
      add_lines (vocabulary, page->notes);
    }
  return vocabulary;
}

void
crb_pdf_vocabulary_free (CrbPdfVocabulary *vocabulary)
{
  if (vocabulary == NULL)
    return;
  g_hash_table_unref (vocabulary->words);
  g_hash_table_unref (vocabulary->compounds);
  g_string_chunk_free (vocabulary->strings);
  g_free (vocabulary);
}

static guint
occurrences (GHashTable *table, const char *text)
{
  char             buffer[64];
  g_autofree char *folded = NULL;

  return GPOINTER_TO_UINT (
      g_hash_table_lookup (table, fold (text, strlen (text), buffer, sizeof buffer, &folded)));
}

static gboolean
is_listed (const char *const *list, gsize n, const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  for (gsize i = 0; i < n; i++)
    if (strcmp (folded, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
all_upper (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
crb_pdf_hyphen_keep (CrbPdfVocabulary *vocabulary, const char *left, const char *right)
{
  g_autofree char *joined = NULL;
  g_autofree char *compound = NULL;
  guint            joined_count, compound_count;

  if (*left == '\0' || *right == '\0')
    return TRUE;
  joined = g_strconcat (left, right, NULL);
  compound = g_strconcat (left, "-", right, NULL);
  joined_count = occurrences (vocabulary->words, joined);
  compound_count = occurrences (vocabulary->compounds, compound);
  if (joined_count > compound_count)
    return FALSE;
  if (compound_count > 0)
    return TRUE;

  if (g_unichar_isupper (g_utf8_get_char (right)) && !(all_upper (left) && all_upper (right)))
    return TRUE;
  if (is_listed (hyphen_particles, G_N_ELEMENTS (hyphen_particles), right))
    return TRUE;
  if (is_listed ((const char *const[]){ "по" }, 1, left) &&
      (g_str_has_suffix (right, "ски") || g_str_has_suffix (right, "ому") ||
       g_str_has_suffix (right, "ему")))
    return TRUE; /* по-русски, по-моему, по-новому */
  if (is_listed (strong_prefixes, G_N_ELEMENTS (strong_prefixes), left) &&
      !is_listed (suffixes, G_N_ELEMENTS (suffixes), right))
    return TRUE;
  if (is_listed (compound_prefixes, G_N_ELEMENTS (compound_prefixes), left) &&
      occurrences (vocabulary->words, right) > 0)
    return TRUE;
  return FALSE;
}
