/* crb-event-claim.h: a claim counted as an account of an event, with its
 * stance and optionally the facet it answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_EVENT_CLAIM (crb_event_claim_get_type ())
G_DECLARE_FINAL_TYPE (CrbEventClaim, crb_event_claim, CRB, EVENT_CLAIM, CrbRecord)

const char *crb_event_claim_get_event_uuid      (CrbEventClaim *self);
const char *crb_event_claim_get_claim_uuid      (CrbEventClaim *self);
const char *crb_event_claim_get_facet_uuid      (CrbEventClaim *self); /* NULL: the event as a whole */
/* supports, disputes, partial or context */
const char *crb_event_claim_get_stance          (CrbEventClaim *self);
/* For display, as they were when the link was read: */
const char *crb_event_claim_get_facet_name      (CrbEventClaim *self);
const char *crb_event_claim_get_event_title     (CrbEventClaim *self);
const char *crb_event_claim_get_document_uuid   (CrbEventClaim *self);
const char *crb_event_claim_get_document_title  (CrbEventClaim *self);
const char *crb_event_claim_get_exact           (CrbEventClaim *self); /* the claim's quote */

/* Links a claim to an event (and a facet of it, or NULL) with a stance.
 * A claim has one stance per event and facet: linking again with the same
 * stance returns the link unchanged (no undo step), with another stance
 * changes it.  Move to another facet with crb_project_set_field (project,
 * "event_claim", uuid, "facet_uuid", facet); unlink with
 * crb_project_delete_record (project, "event_claim", uuid). */
CrbEventClaim *crb_project_link_claim_event    (CrbProject  *project,
                                                const char  *claim_id,
                                                const char  *event_id,
                                                const char  *facet_id,
                                                const char  *stance,
                                                GError     **error);
/* An event's accounts: links to the whole event first, then by facet
 * position; within each by document title and position in the text. */
GPtrArray     *crb_project_list_event_claims   (CrbProject  *project,
                                                const char  *event_uuid,
                                                GError     **error);
/* The events a claim is linked to, by event title. */
GPtrArray     *crb_project_list_claim_events   (CrbProject  *project,
                                                const char  *claim_uuid,
                                                GError     **error);

G_END_DECLS
