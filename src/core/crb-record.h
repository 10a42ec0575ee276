/* crb-record.h: what every row a person creates has in common
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRB_TYPE_RECORD (crb_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CrbRecord, crb_record, CRB, RECORD, GObject)

/* Records are snapshots of a row, loaded from the project; edits go through
 * the project (one action each, undoable) and views reload on
 * CrbProject::changed. */
struct _CrbRecordClass
{
  GObjectClass parent_class;
};

const char *crb_record_get_uuid        (CrbRecord *self);
const char *crb_record_get_author      (CrbRecord *self);
gint64      crb_record_get_created_at  (CrbRecord *self); /* ms since the epoch */
gint64      crb_record_get_modified_at (CrbRecord *self);
/* The integer row id in this file (for fast lookups; never across files). */
gint64      crb_record_get_row_id      (CrbRecord *self);

G_END_DECLS
