/* crb-tokenizer.h: words of UTF-8 text with code-point offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-word-table.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_TOKEN_CAPITALISED    = 1 << 0,  /* first letter is upper or title case */
  CRB_TOKEN_ALL_CAPS       = 1 << 1,  /* two or more letters, none lower case */
  CRB_TOKEN_NUMERIC        = 1 << 2,  /* starts with a digit */
  CRB_TOKEN_SENTENCE_START = 1 << 3,  /* first word of the text, a sentence or a paragraph */
  CRB_TOKEN_JOINED         = 1 << 4,  /* a word broken by a line-end hyphen, repaired */
  CRB_TOKEN_HYPHEN_AFTER   = 1 << 5,  /* directly followed by a hyphen ("Kassym-" of "Kassym-Jomart") */
} CrbTokenFlags;

/* One word.  Offsets are in Unicode code points of the text (the unit of
 * GtkTextIter offsets and claim anchors); byte offsets are kept beside them
 * for callers that need to slice the text. */
typedef struct
{
  guint64 hash;        /* hash of the normal form (case-folded, diacritics stripped) */
  guint32 start;       /* first code point */
  guint32 end;         /* one past the last code point */
  guint32 byte_start;
  guint32 byte_end;
  guint32 word;        /* ID in the word table, 0 when none was given or the word is unknown */
  guint32 flags;       /* CrbTokenFlags */
} CrbToken;

typedef enum
{
  CRB_TOKENIZE_DEFAULT = 0,
  CRB_TOKENIZE_INTERN  = 1 << 0,  /* add new words to the table instead of only looking them up */
} CrbTokenizeFlags;

/* Splits @text (@length bytes, or NUL-terminated when -1) into words and
 * returns a GArray of CrbToken.  Words are runs of letters, digits and
 * combining marks; apostrophes and hyphens separate words, except that a
 * hyphen at a line end followed by a lower-case letter joins the two halves
 * ("ag-\ngression" is one word) and that "7,590" and "46.2" stay one number.
 * When @table is given, each token's `word` is its ID there (see @flags).
 * Invalid UTF-8 is treated as separators. */
GArray *crb_tokenize            (const char       *text,
                                 gssize            length,
                                 CrbWordTable     *table,
                                 CrbTokenizeFlags  flags);

/* Returns the normal form of @token, a token of @text, as a new string. */
char   *crb_token_dup_normal    (const char       *text,
                                 const CrbToken   *token);

/* Returns the normal forms of @n_tokens consecutive tokens of @text joined by
 * single spaces, e.g. "turkestan turkic union". */
char   *crb_tokens_dup_normal   (const char       *text,
                                 const CrbToken   *tokens,
                                 guint             n_tokens);

G_END_DECLS
