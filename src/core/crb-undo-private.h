/* crb-undo-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crb-project.h"

G_BEGIN_DECLS

/* Which kinds of rows a changeset touches. */
CrbChangeFlags _crb_undo_changes_of (const void *changeset,
                                     int         size);

/* The UUIDs of the claims a changeset inserts, updates or deletes
 * (NULL-terminated), or NULL when there are too many to be worth listing.
 * `db` must hold the rows as the changeset left them. */
char         **_crb_undo_claims_of  (sqlite3    *db,
                                     const void *changeset,
                                     int         size);

G_END_DECLS
