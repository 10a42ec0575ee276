/* crb-record-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crb-record.h"

G_BEGIN_DECLS

/* The common columns, first in every record query, in this order. */
#define CRB_RECORD_COLUMNS "id, uuid, author, created_at, modified_at"
#define CRB_RECORD_N_COLUMNS 5

/* Fills the common fields from columns 0–4 of `stmt`. */
void _crb_record_load (CrbRecord *self, sqlite3_stmt *stmt);

G_END_DECLS
