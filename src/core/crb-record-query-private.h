/* crb-record-query-private.h: reading and re-pointing records (private)
 *
 * The model types (tags, entities, events, …) all load live rows the same
 * way; these helpers hold that once.  SQL comes from code, values are
 * always bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project-private.h"

G_BEGIN_DECLS

/* Builds a new object from the current row of a query. */
typedef gpointer (*CrbRowReader) (sqlite3_stmt *stmt);

/* Looks one record up by `id`: `prefix_sql` binds ?1 to a UUID or the
 * start of one and returns at most two rows.  When nothing matches and
 * `name_sql` is given, it is tried with ?1 = `id` as a name, so that people
 * can type "Ilmet dam" instead of an identifier.  `noun` names the kind of
 * record in messages ("tag", "entity"). */
gpointer   _crb_record_query_find     (CrbProject          *project,
                                       const char          *prefix_sql,
                                       const char          *name_sql,
                                       const char          *id,
                                       CrbRowReader         read,
                                       const char          *noun,
                                       GError             **error);
/* All rows of `sql`, with ?1…?n bound to `params` (NULL binds SQL NULL). */
GPtrArray *_crb_record_query_list     (CrbProject          *project,
                                       const char          *sql,
                                       const char * const  *params,
                                       guint                n_params,
                                       CrbRowReader         read,
                                       GError             **error);
/* The row of `sql` with ?1 bound to `rowid` (after an insert). */
gpointer   _crb_record_query_by_rowid (CrbProject          *project,
                                       const char          *sql,
                                       gint64               rowid,
                                       CrbRowReader         read,
                                       GError             **error);
/* Inside an action: sets `column` of one live row of `table` (by UUID) to
 * `value`, stamping it as modified now by the analyst.  For columns that
 * are not edited by hand (link targets, merged_into). */
gboolean   _crb_record_query_update   (CrbProject          *project,
                                       const char          *table,
                                       const char          *uuid,
                                       const char          *column,
                                       const char          *value,
                                       GError             **error);
/* Column 0 of every row of `sql` (?1…?n bound to `params`), as strings. */
GPtrArray *_crb_record_query_strings  (CrbProject          *project,
                                       const char          *sql,
                                       const char * const  *params,
                                       guint                n_params,
                                       GError             **error);
/* Column 0 of the first row of `sql` into `first` (NULL when there is no
 * row; that is not an error). */
gboolean   _crb_record_query_lookup   (CrbProject          *project,
                                       const char          *sql,
                                       const char * const  *params,
                                       guint                n_params,
                                       char               **first,
                                       GError             **error);
/* One action `label`: inserts a row of `table` (see _crb_edit_insert) and
 * returns it read back through `load_sql` (?1 = its row id). */
gpointer   _crb_record_query_add      (CrbProject          *project,
                                       const char          *label,
                                       CrbChangeFlags       changes,
                                       const char          *table,
                                       const char * const  *columns,
                                       const GValue        *values,
                                       guint                n_values,
                                       const char          *load_sql,
                                       CrbRowReader         read,
                                       GError             **error);
/* Inside an action, for merges: the live rows of `table` whose `column`
 * is `from_uuid` are moved to `into_uuid`, except those that
 * `doubled_sql` (?1 = from, ?2 = into, returning UUIDs) finds would
 * duplicate a row `into_uuid` already has: those are deleted. */
gboolean   _crb_record_query_move     (CrbProject          *project,
                                       const char          *table,
                                       const char          *column,
                                       const char          *from_uuid,
                                       const char          *into_uuid,
                                       const char          *doubled_sql,
                                       GError             **error);

G_END_DECLS
