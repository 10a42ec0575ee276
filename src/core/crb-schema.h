/* crb-schema.h: the project file's schema, its versions and migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CRB_APPLICATION_ID 0x43524252 /* 'CRBR' */
#define CRB_SCHEMA_VERSION 2

/* Creates the schema of CRB_SCHEMA_VERSION in an empty database (inside the
 * caller's transaction) and sets application_id and user_version. */
gboolean crb_schema_create   (sqlite3 *db, GError **error);

/* Compares the database's sqlite_schema, entry by entry, with the schema that
 * `version` must have.  Anything extra, missing or different is refused. */
gboolean crb_schema_verify   (sqlite3 *db, int version, GError **error);

/* Brings a database of an older version up to CRB_SCHEMA_VERSION (inside the
 * caller's transaction). */
gboolean crb_schema_migrate  (sqlite3 *db, int from_version, GError **error);

/* The tables whose rows people create, in dependency order; undo, merge and
 * change notification work over these. */
const char * const *crb_schema_record_tables (void);

G_END_DECLS
