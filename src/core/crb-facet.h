/* crb-facet.h: one question an event's accounts answer (how many, when,
 * who…), a column of the accounts grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_FACET (crb_facet_get_type ())
G_DECLARE_FINAL_TYPE (CrbFacet, crb_facet, CRB, FACET, CrbRecord)

const char *crb_facet_get_event_uuid  (CrbFacet *self);
const char *crb_facet_get_name        (CrbFacet *self);
/* Order among the event's facets (0, 1, …). */
gint        crb_facet_get_position    (CrbFacet *self);

/* Adds a facet after the event's others.  Names are unique within an event
 * (CRB_PROJECT_ERROR_DUPLICATE).  Rename or reorder with
 * crb_project_set_field (project, "facet", uuid, "name"|"position", value). */
CrbFacet  *crb_project_add_facet      (CrbProject  *project,
                                       const char  *event_id,
                                       const char  *name,
                                       GError     **error);
/* By UUID or unambiguous UUID prefix, or else by exact name (any case)
 * among the facets of `event_uuid` when that is given. */
CrbFacet  *crb_project_find_facet     (CrbProject  *project,
                                       const char  *event_uuid,
                                       const char  *id,
                                       GError     **error);
/* The live facets of an event, by position. */
GPtrArray *crb_project_list_facets    (CrbProject  *project,
                                       const char  *event_uuid,
                                       GError     **error);

G_END_DECLS
