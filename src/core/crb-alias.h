/* crb-alias.h: another name of an entity (spelling, transliteration…)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_ALIAS (crb_alias_get_type ())
G_DECLARE_FINAL_TYPE (CrbAlias, crb_alias, CRB, ALIAS, CrbRecord)

const char *crb_alias_get_entity_uuid  (CrbAlias *self);
const char *crb_alias_get_name         (CrbAlias *self);
/* A language tag such as "uk" or "ru-Latn", or NULL. */
const char *crb_alias_get_language     (CrbAlias *self);

/* Refused (CRB_PROJECT_ERROR_DUPLICATE) when the entity already has that
 * name or alias, in any case.  Edit with crb_project_set_field (project,
 * "alias", uuid, "name"|"language", value). */
CrbAlias  *crb_project_add_alias       (CrbProject  *project,
                                        const char  *entity_id,
                                        const char  *name,
                                        const char  *language,
                                        GError     **error);
/* The live aliases of an entity, by name. */
GPtrArray *crb_project_list_aliases    (CrbProject  *project,
                                        const char  *entity_uuid,
                                        GError     **error);

G_END_DECLS
