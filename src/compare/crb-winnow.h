/* crb-winnow.h: word-shingle fingerprints by winnowing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-tokenizer.h"

G_BEGIN_DECLS

/* One selected shingle: the hash of @shingle consecutive words starting at
 * token @position. */
typedef struct
{
  guint32 hash;
  guint32 position;
} CrbFingerprint;

/* Hashes every run of @shingle consecutive tokens (the k-grams) and keeps the
 * smallest hash of every @window consecutive k-grams (rightmost on ties),
 * each selected k-gram once (Schleimer, Wilkerson and Aiken's winnowing).
 * Any text shared by two documents over at least @window + @shingle - 1 words
 * yields at least one common fingerprint.  Returns a GArray of
 * CrbFingerprint in position order. */
GArray *crb_winnow (const CrbToken *tokens,
                    guint           n_tokens,
                    guint           shingle,
                    guint           window);

/* The hash of the @shingle tokens starting at @tokens, as crb_winnow() sees it. */
guint64 crb_winnow_shingle_hash (const CrbToken *tokens,
                                 guint           shingle);

G_END_DECLS
