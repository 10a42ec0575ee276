/* crb-reanchor-private.h: finding an anchor again in a new text (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project-private.h"
#include "crb-reanchor.h"

G_BEGIN_DECLS

/* A stretch of code points that is the same in the old text (from
 * a_start) and in the new one (from b_start). */
typedef struct
{
  guint32 a_start;
  guint32 b_start;
  guint32 length;
} CrbReanchorRun;

/* The unchanged stretches of two texts, in order (both offsets increase):
 * a token-level patience diff with exact comparison, because an anchor is
 * only carried over by position where the text is really the same. */
GArray *_crb_reanchor_diff (const gunichar *a, gsize n_a, const gunichar *b, gsize n_b);

/* An old and a new text as code points, and their diff. */
typedef struct
{
  gunichar *old_text;
  glong     old_length;
  gunichar *new_text;
  glong     new_length;
  GArray   *runs;
} CrbReanchorTexts;

CrbReanchorTexts *_crb_reanchor_texts_new (const char *old_text, const char *new_text);
void              _crb_reanchor_texts_free (CrbReanchorTexts *texts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbReanchorTexts, _crb_reanchor_texts_free)

/* Where the anchor [start, end) with its quote and context in the old text
 * lies in the new one.  For anchored and moved, `new_start`/`new_end` are
 * set; ambiguous and orphaned leave them alone. */
CrbAnchorStatus _crb_reanchor_locate (CrbReanchorTexts *texts, guint start, guint end,
                                      const char *exact, const char *prefix, const char *suffix,
                                      guint *new_start, guint *new_end);

/* Inside an action: carries the live claims and mentions of a document that
 * are not on its current revision over to it.  Claims that cannot be placed
 * stay where they were, marked ambiguous or orphaned; nothing is deleted.
 * `counts` may be NULL; it is added to. */
gboolean _crb_reanchor_document (CrbProject *project, const char *document_uuid,
                                 CrbReanchorCounts *counts, GError **error);

G_END_DECLS
