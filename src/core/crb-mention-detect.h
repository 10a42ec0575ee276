/* crb-mention-detect.h: finding where the project's entities are named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

/* Scans the current text of every live document (or only `document_id`)
 * for the names and aliases of every live entity (or only `entity_id`),
 * ignoring case, accents, punctuation and line breaks, and records each
 * place found as a "suggested" mention, all in one undoable action
 * ("Detect mentions").  A place already recorded for that entity —
 * suggested, confirmed or rejected — is left as it is, so that running
 * detection again never revives a mention the analyst rejected.  Sets
 * `n_added` (may be NULL) to the number of new suggestions; nothing new
 * means no undo step. */
gboolean crb_project_detect_mentions (CrbProject *project, const char *entity_id,
                                      const char *document_id, guint *n_added, GError **error);
/* The same in a worker thread; the result is the number added. */
void     crb_project_detect_mentions_async (CrbProject *project, const char *entity_id,
                                            const char *document_id, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
gboolean crb_project_detect_mentions_finish (CrbProject *project, GAsyncResult *result,
                                             guint *n_added, GError **error);

/* One source on an entity's page: the claims linked to the entity and
 * the mentions of it in one document. */
typedef struct
{
  char      *document_uuid;
  char      *title;
  char      *published_at; /* as recorded, or NULL */
  GPtrArray *claims;       /* CrbClaimEntity, in text order */
  GPtrArray *mentions;     /* CrbMention, in text order (every status) */
} CrbEntitySource;

void crb_entity_source_free (CrbEntitySource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbEntitySource, crb_entity_source_free)

/* Everything the project holds about one entity across sources, grouped
 * by document: publication date (undated last), then title.  Returns a
 * GPtrArray of CrbEntitySource. */
GPtrArray *crb_project_list_entity_sources (CrbProject *project, const char *entity_id,
                                            GError **error);

G_END_DECLS
