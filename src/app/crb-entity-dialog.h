/* crb-entity-dialog.h: a new entity from scratch, or an entity's kind,
 * name, description and external identifier edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_ENTITY_DIALOG (crb_entity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrbEntityDialog, crb_entity_dialog, CRB, ENTITY_DIALOG, AdwWindow)

/* Edits the entity `entity_uuid`, or creates one when it is NULL (and then
 * shows it through win.show-entity). */
GtkWidget *crb_entity_dialog_new (CrbProject *project,
                                  const char *entity_uuid);
/* Fills the name (of a new entity). */
void       crb_entity_dialog_set_name (CrbEntityDialog *self,
                                       const char      *name);

G_END_DECLS
