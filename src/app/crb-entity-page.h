/* crb-entity-page.h: one entity across sources — its names, the claims
 * and mentions of it grouped by source, spellings to accept as aliases,
 * and merging a duplicate into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_ENTITY_PAGE (crb_entity_page_get_type ())
G_DECLARE_FINAL_TYPE (CrbEntityPage, crb_entity_page, CRB, ENTITY_PAGE, GtkWidget)

GtkWidget  *crb_entity_page_new          (void);
void        crb_entity_page_set_project  (CrbEntityPage *self,
                                          CrbProject    *project);
/* Shows an entity of the project (by UUID); loaded in a worker thread and
 * again when the project changes. */
void        crb_entity_page_set_entity   (CrbEntityPage *self,
                                          const char    *entity_uuid);
const char *crb_entity_page_get_entity   (CrbEntityPage *self);
/* The entity's name, "" when none is shown. */
const char *crb_entity_page_get_title    (CrbEntityPage *self);
/* TRUE while the page or its spelling suggestions load. */
gboolean    crb_entity_page_is_loading   (CrbEntityPage *self);

G_END_DECLS
