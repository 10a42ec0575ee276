/* crb-relation.h: one document copies, translates, summarises, cites or
 * updates another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_RELATION (crb_relation_get_type ())
G_DECLARE_FINAL_TYPE (CrbRelation, crb_relation, CRB, RELATION, CrbRecord)

/* "from copies to", "from translates to", … */
const char *crb_relation_get_from_document_uuid  (CrbRelation *self);
const char *crb_relation_get_to_document_uuid    (CrbRelation *self);
/* copies, translates, summarises, cites or updates */
const char *crb_relation_get_kind                (CrbRelation *self);
/* A JSON array, e.g. of aligned passages. */
const char *crb_relation_get_evidence            (CrbRelation *self);
/* suggested, confirmed or rejected */
const char *crb_relation_get_status              (CrbRelation *self);
/* For display, as they were when the relation was read: */
const char *crb_relation_get_from_title          (CrbRelation *self);
const char *crb_relation_get_to_title            (CrbRelation *self);

/* `evidence` NULL means "[]", `status` NULL "suggested".  A relation of the
 * same kind between the same documents already recorded is returned as it
 * is (so that analysis run again never revives one the analyst rejected).
 * Review with crb_project_set_field (project, "relation", uuid, "status",
 * …) or change the kind with "kind"; delete with crb_project_delete_record. */
CrbRelation *crb_project_add_relation    (CrbProject  *project,
                                          const char  *from_document_id,
                                          const char  *to_document_id,
                                          const char  *kind,
                                          const char  *evidence,
                                          const char  *status,
                                          GError     **error);
CrbRelation *crb_project_find_relation   (CrbProject  *project,
                                          const char  *id,
                                          GError     **error);
/* Live relations from or to one document, or all when NULL; oldest first. */
GPtrArray   *crb_project_list_relations  (CrbProject  *project,
                                          const char  *document_uuid,
                                          GError     **error);

G_END_DECLS
