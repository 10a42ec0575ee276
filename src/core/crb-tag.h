/* crb-tag.h: a code in the project's hierarchical, coloured codebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_TAG (crb_tag_get_type ())
G_DECLARE_FINAL_TYPE (CrbTag, crb_tag, CRB, TAG, CrbRecord)

const char *crb_tag_get_name         (CrbTag *self);
const char *crb_tag_get_color        (CrbTag *self); /* "#rrggbb" or NULL */
const char *crb_tag_get_parent_uuid  (CrbTag *self); /* NULL for a top-level tag */
const char *crb_tag_get_description  (CrbTag *self);
/* Nesting level in crb_project_list_tags() (0 at the top; 0 elsewhere). */
guint       crb_tag_get_depth        (CrbTag *self);
/* Live claims carrying the tag. */
guint       crb_tag_get_claim_count  (CrbTag *self);

/* Names are unique among siblings (CRB_PROJECT_ERROR_DUPLICATE).  `color`
 * and `parent_id` may be NULL.  Rename, recolour, describe and move with
 * crb_project_set_field (project, "tag", uuid, "name"|"color"|"description"
 * |"parent_uuid", value); delete with crb_project_delete_record (which also
 * deletes the sub-tags and removes the tag from its claims). */
CrbTag    *crb_project_add_tag        (CrbProject  *project,
                                       const char  *name,
                                       const char  *color,
                                       const char  *parent_id,
                                       GError     **error);
/* By UUID, unambiguous UUID prefix, or else by exact name (any case). */
CrbTag    *crb_project_find_tag       (CrbProject  *project,
                                       const char  *id,
                                       GError     **error);
/* The codebook in tree order: each parent before its children, siblings
 * by name; tags whose parent is gone are shown at the top. */
GPtrArray *crb_project_list_tags      (CrbProject  *project,
                                       GError     **error);
/* Tagging a claim that already has the tag changes nothing and adds no
 * undo step. */
gboolean   crb_project_tag_claim      (CrbProject  *project,
                                       const char  *claim_id,
                                       const char  *tag_id,
                                       GError     **error);
/* CRB_PROJECT_ERROR_NOT_FOUND when the claim does not have the tag. */
gboolean   crb_project_untag_claim    (CrbProject  *project,
                                       const char  *claim_id,
                                       const char  *tag_id,
                                       GError     **error);
/* The tags of one claim, by name. */
/* For every live claim of a document that has a coloured tag: claim UUID →
 * the colour of its first coloured tag by name.  One query, for views that
 * colour thousands of highlights. */
GHashTable *crb_project_dup_claim_tag_colors (CrbProject  *project,
                                              const char  *document_uuid,
                                              GError     **error);
GPtrArray *crb_project_list_claim_tags (CrbProject  *project,
                                        const char  *claim_uuid,
                                        GError     **error);
/* Folds `from` into `into` in one undoable action: its claims get `into`
 * (once), its sub-tags move under `into`, and `from` is deleted. */
gboolean   crb_project_merge_tags     (CrbProject  *project,
                                       const char  *from_id,
                                       const char  *into_id,
                                       GError     **error);

G_END_DECLS
