/* crb-claim.h: a claim, highlight or question anchored in a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_CLAIM (crb_claim_get_type ())
G_DECLARE_FINAL_TYPE (CrbClaim, crb_claim, CRB, CLAIM, CrbRecord)

const char *crb_claim_get_document_uuid  (CrbClaim *self);
const char *crb_claim_get_revision_uuid  (CrbClaim *self);
/* Offsets in Unicode code points of the revision's text (end exclusive). */
guint       crb_claim_get_start          (CrbClaim *self);
guint       crb_claim_get_end            (CrbClaim *self);
const char *crb_claim_get_exact          (CrbClaim *self);
const char *crb_claim_get_prefix         (CrbClaim *self);
const char *crb_claim_get_suffix         (CrbClaim *self);
const char *crb_claim_get_anchor_status  (CrbClaim *self); /* anchored, moved, ambiguous, orphaned */
const char *crb_claim_get_kind           (CrbClaim *self); /* claim, highlight, question */
const char *crb_claim_get_note           (CrbClaim *self);
guint       crb_claim_get_credibility    (CrbClaim *self); /* 1–6, 0 when ungraded */
gboolean    crb_claim_get_private        (CrbClaim *self);
const char *crb_claim_get_modified_by    (CrbClaim *self);

/* Anchors a new claim on the current revision of a document: the quote,
 * 32 characters of prefix and suffix are taken from the text. */
CrbClaim  *crb_project_add_claim          (CrbProject  *project,
                                           const char  *document_id,
                                           guint        start,
                                           guint        end,
                                           const char  *kind,
                                           const char  *note,
                                           GError     **error);
/* The same, locating `quote` in the text: its `occurrence`-th appearance
 * (1-based); white space in the quote matches any run of white space. */
CrbClaim  *crb_project_add_claim_by_quote (CrbProject  *project,
                                           const char  *document_id,
                                           const char  *quote,
                                           guint        occurrence,
                                           const char  *kind,
                                           const char  *note,
                                           GError     **error);
/* Moves a claim's boundaries on its revision (the quote follows). */
gboolean   crb_project_move_claim         (CrbProject  *project,
                                           const char  *claim_id,
                                           guint        start,
                                           guint        end,
                                           GError     **error);
CrbClaim  *crb_project_find_claim         (CrbProject  *project,
                                           const char  *id,
                                           GError     **error);
/* Live claims of one document (or all when NULL), in text order. */
GPtrArray *crb_project_list_claims        (CrbProject  *project,
                                           const char  *document_uuid,
                                           GError     **error);

G_END_DECLS
