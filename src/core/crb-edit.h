/* crb-edit.h: changing and deleting records, one undoable action each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

/* Sets one field of a live record.  `table` is a record table (document,
 * claim, tag, entity, alias, claim_entity, mention, event, facet,
 * event_claim, relation); `field` one of its editable columns; `value` is
 * text, or a decimal number for numeric fields, or NULL to clear a field
 * that may be empty.  Refused with CRB_PROJECT_ERROR_INVALID otherwise. */
gboolean     crb_project_set_field        (CrbProject  *self,
                                           const char  *table,
                                           const char  *uuid,
                                           const char  *field,
                                           const char  *value,
                                           GError     **error);
/* Tombstones a record and what hangs from it (a claim's tags, entities and
 * event links; a document's revisions and claims; …). */
gboolean     crb_project_delete_record    (CrbProject  *self,
                                           const char  *table,
                                           const char  *uuid,
                                           GError     **error);
/* The editable fields of a table, NULL-terminated (for the CLI's help). */
const char **crb_edit_fields_of           (const char  *table);

G_END_DECLS
