/* crb-event.h: something that happened (or was claimed to)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_EVENT (crb_event_get_type ())
G_DECLARE_FINAL_TYPE (CrbEvent, crb_event, CRB, EVENT, CrbRecord)

const char *crb_event_get_title           (CrbEvent *self);
/* ISO 8601 dates (YYYY, YYYY-MM, YYYY-MM-DD, or with a time), or NULL. */
const char *crb_event_get_date_start      (CrbEvent *self);
const char *crb_event_get_date_end        (CrbEvent *self);
const char *crb_event_get_place           (CrbEvent *self);
const char *crb_event_get_description     (CrbEvent *self);
/* Live claims linked to the event, and the documents they come from. */
guint       crb_event_get_claim_count     (CrbEvent *self);
guint       crb_event_get_document_count  (CrbEvent *self);

/* Everything but the title may be NULL; the end may not come before the
 * start.  Edit with crb_project_set_field (project, "event", uuid,
 * "title"|"date_start"|"date_end"|"place"|"description", value); delete
 * with crb_project_delete_record (facets and claim links go too). */
CrbEvent  *crb_project_add_event         (CrbProject  *project,
                                          const char  *title,
                                          const char  *date_start,
                                          const char  *date_end,
                                          const char  *place,
                                          const char  *description,
                                          GError     **error);
/* By UUID, unambiguous UUID prefix, or else by exact title (any case). */
CrbEvent  *crb_project_find_event        (CrbProject  *project,
                                          const char  *id,
                                          GError     **error);
/* Live events by start date (undated last), then title. */
GPtrArray *crb_project_list_events       (CrbProject  *project,
                                          GError     **error);

G_END_DECLS
