/* crb-entity.h: a person, organisation, place, event or other named thing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_ENTITY (crb_entity_get_type ())
G_DECLARE_FINAL_TYPE (CrbEntity, crb_entity, CRB, ENTITY, CrbRecord)

/* person, organisation, place, event or other */
const char *crb_entity_get_kind         (CrbEntity *self);
const char *crb_entity_get_name         (CrbEntity *self);
const char *crb_entity_get_description  (CrbEntity *self);
/* A Wikidata QID ("Q42") or an http(s) URI, or NULL. */
const char *crb_entity_get_external_id  (CrbEntity *self);
/* Live claims linked to the entity (in any role). */
guint       crb_entity_get_claim_count  (CrbEntity *self);

/* `description` and `external_id` may be NULL.  Entities may share a name
 * (two people called the same); merge true duplicates.  Edit with
 * crb_project_set_field (project, "entity", uuid, "kind"|"name"|
 * "description"|"external_id", value); delete with
 * crb_project_delete_record (aliases, claim links and mentions go too). */
CrbEntity *crb_project_add_entity      (CrbProject  *project,
                                        const char  *kind,
                                        const char  *name,
                                        const char  *description,
                                        const char  *external_id,
                                        GError     **error);
/* By UUID, unambiguous UUID prefix, or else by exact name or alias (any
 * case) when only one entity has it. */
CrbEntity *crb_project_find_entity     (CrbProject  *project,
                                        const char  *id,
                                        GError     **error);
/* Live entities by name. */
GPtrArray *crb_project_list_entities   (CrbProject  *project,
                                        GError     **error);
/* Folds `from` into `into` in one undoable action: `from`'s aliases, claim
 * links and mentions move to `into` (dropping any that `into` already
 * has), `from`'s name becomes an alias of `into`, `into` takes `from`'s
 * description and external identifier where it has none, and `from` is
 * deleted with merged_into pointing at `into`. */
gboolean   crb_project_merge_entities  (CrbProject  *project,
                                        const char  *from_id,
                                        const char  *into_id,
                                        GError     **error);

G_END_DECLS
