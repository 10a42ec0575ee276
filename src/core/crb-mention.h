/* crb-mention.h: where an entity is named in a document's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_MENTION (crb_mention_get_type ())
G_DECLARE_FINAL_TYPE (CrbMention, crb_mention, CRB, MENTION, CrbRecord)

const char *crb_mention_get_entity_uuid    (CrbMention *self);
const char *crb_mention_get_document_uuid  (CrbMention *self);
const char *crb_mention_get_revision_uuid  (CrbMention *self);
/* Code-point offsets in the revision's text (end exclusive). */
guint       crb_mention_get_start          (CrbMention *self);
guint       crb_mention_get_end            (CrbMention *self);
/* The text at those offsets when the mention was made. */
const char *crb_mention_get_exact          (CrbMention *self);
/* suggested, confirmed or rejected */
const char *crb_mention_get_status         (CrbMention *self);

/* Records a mention on the document's current revision; the exact text is
 * taken from it.  `status` NULL means "suggested".  A mention of the same
 * entity at the same place already recorded is returned as it is (so
 * that detection run again never revives one the analyst rejected).
 * Review with crb_project_set_field (project, "mention", uuid, "status",
 * "confirmed"|"rejected"). */
CrbMention *crb_project_add_mention        (CrbProject  *project,
                                            const char  *entity_id,
                                            const char  *document_id,
                                            guint        start,
                                            guint        end,
                                            const char  *status,
                                            GError     **error);
/* Live mentions in one document and/or of one entity (either may be NULL;
 * both NULL lists all), by document and position. */
GPtrArray  *crb_project_list_mentions      (CrbProject  *project,
                                            const char  *document_uuid,
                                            const char  *entity_uuid,
                                            GError     **error);

G_END_DECLS
