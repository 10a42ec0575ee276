/* crb-reuse-index.h: text-reuse detection over a whole corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "crb-reuse-relation.h"

G_BEGIN_DECLS

/* Returns the text of @document (UTF-8), as it was when the document was
 * added.  Called from worker threads, possibly two at a time.  Return NULL
 * for a document that has disappeared; it is then skipped. */
typedef GBytes *(*CrbReuseTextFunc) (gint64   document,
                                     gpointer user_data);

/* Winnowing fingerprints of every document, kept compactly in memory (about
 * 8 bytes per fingerprint, 0.4 fingerprints per word), to find which
 * documents share text.  The texts themselves are not kept: alignment asks
 * for them through the CrbReuseTextFunc.  Adding, removing and querying may
 * happen from different threads. */
typedef struct _CrbReuseIndex CrbReuseIndex;

/* Creates an empty index.  @options may be NULL for the defaults; @destroy
 * frees @user_data with the index. */
CrbReuseIndex *crb_reuse_index_new             (const CrbReuseOptions *options,
                                                CrbReuseTextFunc       text_func,
                                                gpointer               user_data,
                                                GDestroyNotify         destroy);

/* Frees the index and calls the destroy function on its user data. */
void           crb_reuse_index_free            (CrbReuseIndex         *self);

/* Returns the options in use. */
const CrbReuseOptions *crb_reuse_index_get_options (CrbReuseIndex *self);

/* Adds @document with its @text (@length bytes, or NUL-terminated when -1).
 * Adding a document that is already there replaces it (a new revision).
 * Returns FALSE when the index is full (4,194,304 documents). */
gboolean       crb_reuse_index_add             (CrbReuseIndex         *self,
                                                gint64                 document,
                                                const char            *text,
                                                gssize                 length);

/* Adds @n_documents documents, reading their texts through the text
 * function, tokenising on the configured number of threads. */
void           crb_reuse_index_add_many        (CrbReuseIndex         *self,
                                                const gint64          *documents,
                                                guint                  n_documents);

/* Forgets @document.  Returns FALSE when it was not in the index. */
gboolean       crb_reuse_index_remove          (CrbReuseIndex         *self,
                                                gint64                 document);

/* Number of documents in the index. */
guint          crb_reuse_index_get_n_documents (CrbReuseIndex         *self);

/* Bytes of fingerprint storage. */
gsize          crb_reuse_index_get_memory_size (CrbReuseIndex         *self);

/* Finds every pair of indexed documents that share text, on the configured
 * number of threads.  Returns a GPtrArray of CrbReuseRelation (document_a is
 * the one added earlier), or NULL when *@cancel became non-zero meanwhile
 * (an atomic flag, e.g. set from a GCancellable handler; may be NULL). */
GPtrArray     *crb_reuse_index_analyse         (CrbReuseIndex         *self,
                                                const gint            *cancel);

/* Compares @text (a new document, or a new revision of @document) with
 * every indexed document other than @document, without adding it.  Returns
 * a GPtrArray of CrbReuseRelation with document_a = @document. */
GPtrArray     *crb_reuse_index_query           (CrbReuseIndex         *self,
                                                gint64                 document,
                                                const char            *text,
                                                gssize                 length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbReuseIndex, crb_reuse_index_free)

G_END_DECLS
