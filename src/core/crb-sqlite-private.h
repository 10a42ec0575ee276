/* crb-sqlite-private.h: small SQLite conveniences shared inside core/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

/* Binds a UTF-8 string, or NULL as SQL NULL. */
static inline int
crb_bind_text (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value == NULL)
    return sqlite3_bind_null (stmt, index);
  return sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static inline char *
crb_column_dup (sqlite3_stmt *stmt, int index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);
  return text ? g_strdup ((const char *) text) : NULL;
}

G_END_DECLS
