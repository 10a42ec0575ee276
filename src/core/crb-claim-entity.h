/* crb-claim-entity.h: a claim linked to an entity in a role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_CLAIM_ENTITY (crb_claim_entity_get_type ())
G_DECLARE_FINAL_TYPE (CrbClaimEntity, crb_claim_entity, CRB, CLAIM_ENTITY, CrbRecord)

const char *crb_claim_entity_get_claim_uuid     (CrbClaimEntity *self);
const char *crb_claim_entity_get_entity_uuid    (CrbClaimEntity *self);
/* subject, object, mentioned, location or speaker */
const char *crb_claim_entity_get_role           (CrbClaimEntity *self);
/* For display, as they were when the link was read: */
const char *crb_claim_entity_get_entity_name    (CrbClaimEntity *self);
const char *crb_claim_entity_get_entity_kind    (CrbClaimEntity *self);
const char *crb_claim_entity_get_document_uuid  (CrbClaimEntity *self);
const char *crb_claim_entity_get_exact          (CrbClaimEntity *self); /* the claim's quote */

/* Links a claim to an entity in a role; a claim may name one entity in
 * several roles.  Linking again in the same role returns the existing
 * link and adds no undo step.  Change the role with crb_project_set_field
 * (project, "claim_entity", uuid, "role", role); unlink with
 * crb_project_delete_record (project, "claim_entity", uuid). */
CrbClaimEntity *crb_project_link_claim_entity  (CrbProject  *project,
                                                const char  *claim_id,
                                                const char  *entity_id,
                                                const char  *role,
                                                GError     **error);
/* The entities of one claim: subjects, objects, speakers, locations,
 * mentioned; each by name. */
GPtrArray      *crb_project_list_claim_entities (CrbProject *project,
                                                 const char *claim_uuid,
                                                 GError    **error);
/* The claims that name one entity, by document and position. */
GPtrArray      *crb_project_list_entity_claims  (CrbProject *project,
                                                 const char *entity_uuid,
                                                 GError    **error);

G_END_DECLS
