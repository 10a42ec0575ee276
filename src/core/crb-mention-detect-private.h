/* crb-mention-detect-private.h: detection inside another action (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project-private.h"

G_BEGIN_DECLS

/* Inside a running action (an import): suggests mentions of every entity
 * in the current revision of one document, as crb_project_detect_mentions()
 * does, so that a document arrives with its mentions in the same undo
 * step.  `n_added` may be NULL. */
gboolean _crb_mention_detect_document (CrbProject *project, const char *document_uuid,
                                       guint *n_added, GError **error);

G_END_DECLS
