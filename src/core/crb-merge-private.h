/* crb-merge-private.h: the parts of a merge (private to core/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "crb-merge.h"
#include "crb-project-private.h"

G_BEGIN_DECLS

/* ---- tables (crb-merge-table.c) ---- */

/* What a merge needs to know about a record table: its columns, which of
 * them form the units that are versioned and merged together (a claim's
 * anchor columns move as one), which point at other records, and which
 * hold content that a tombstone must not carry. */
typedef struct
{
  const char  *name;
  guint        n_columns;
  char       **columns; /* in table order; 0 is id, then uuid, author… */
  int         *unit_of; /* column → unit, or -1 (bookkeeping, immutable) */
  guint        n_units;
  char       **unit_names;   /* a column's name, or "anchor" */
  const char **references;   /* column → the table it points into, or NULL */
  gboolean    *content;      /* blanked in tombstones from elsewhere */
  gboolean    *heavy;        /* not needed to compare (a revision's text) */
  char        *select_all;   /* every column; append a WHERE or ORDER BY */
  char        *select_light; /* the same with heavy columns read as NULL */
  char        *insert;       /* INSERT of every column but id, bound ?1… in order */
  int          col_uuid, col_author, col_created, col_modified, col_modified_by, col_deleted;
} CrbMergeTable;

/* The tables in dependency order; built once from the schema. */
const CrbMergeTable *_crb_merge_tables (sqlite3 *db, guint *n_tables);
const CrbMergeTable *_crb_merge_table (sqlite3 *db, const char *name);

/* A row read from either file: one copied value per column. */
typedef struct
{
  const CrbMergeTable *table;
  sqlite3_value      **values;
  gboolean             light; /* heavy columns not read */
} CrbMergeRow;

CrbMergeRow *_crb_merge_row_read (const CrbMergeTable *table, sqlite3_stmt *stmt);
void         _crb_merge_row_free (CrbMergeRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbMergeRow, _crb_merge_row_free)
const char *_crb_merge_row_text (CrbMergeRow *row, int column);
gint64      _crb_merge_row_int (CrbMergeRow *row, int column);
void        _crb_merge_row_set_text (CrbMergeRow *row, int column, const char *text);
void        _crb_merge_row_set_int (CrbMergeRow *row, int column, gint64 number);
gboolean    _crb_merge_unit_equal (CrbMergeRow *a, CrbMergeRow *b, guint unit);
char       *_crb_merge_unit_hash (CrbMergeRow *row, guint unit);
/* The unit's values as a JSON object {column: value}. */
char *_crb_merge_unit_json (CrbMergeRow *row, guint unit);
/* SELECT of every column of `table` (heavy ones as NULL when `light`),
 * followed by `where`. */
char *_crb_merge_select_sql (const CrbMergeTable *table, gboolean light, const char *where);

/* ---- change log (crb-merge-log.c) ---- */

typedef struct
{
  char  *uuid;
  char  *table;
  char  *row_uuid;
  char  *unit;
  char  *value_sha256;
  gint64 time;
  char  *author;
} CrbMergeVersion;

void _crb_merge_version_free (CrbMergeVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbMergeVersion, _crb_merge_version_free)

/* The newest version of a unit recorded in the project (NULL when none). */
CrbMergeVersion *_crb_merge_log_head (CrbProject *project, const char *row_uuid, const char *unit);
gboolean         _crb_merge_log_has (CrbProject *project, const char *change_uuid);
gboolean         _crb_merge_log_insert (CrbProject *project, const CrbMergeVersion *version,
                                        GError **error);
/* The version id that follows `parent` (may be NULL) with this value:
 * the same edit from the same state has the same id everywhere. */
char *_crb_merge_version_id (const char *row_uuid, const char *unit, const char *value_sha256,
                             const char *parent);
/* A time for new versions: now, or just after the newest in the log. */
gint64 _crb_merge_log_clock (CrbProject *project);

/* ---- the running merge ---- */

typedef struct
{
  CrbProject      *project;
  sqlite3         *db;    /* the project's connection */
  sqlite3         *other; /* the colleague's file, read-only */
  int              other_version;
  GHashTable      *other_log;     /* "row\037unit" → GPtrArray of CrbMergeVersion, newest first */
  GHashTable      *other_changes; /* change uuid → itself (set) */
  GHashTable      *redirects;     /* uuid → uuid it now stands for */
  GHashTable      *touched_documents; /* uuid set */
  GHashTable      *other_statements;  /* SQL → sqlite3_stmt on `other` */
  gboolean         index_later;       /* inserts leave the full-text index to the table's end */
  CrbMergeSummary *summary;
} CrbMerge;

/* A cached statement on the project's (other FALSE) or the other file's
 * connection. */
sqlite3_stmt *_crb_merge_prepare (CrbMerge *merge, gboolean other, const char *sql, GError **error);
/* The live or dead row with this UUID, or NULL (check `error`). */
CrbMergeRow *_crb_merge_row_by_uuid (CrbMerge *merge, gboolean other, const CrbMergeTable *table,
                                     const char *uuid, gboolean light, GError **error);

/* crb-merge-log.c */
gboolean _crb_merge_load_other_log (CrbMerge *merge, GError **error);
gboolean _crb_merge_union_logs (CrbMerge *merge, GError **error);

/* crb-merge-documents.c: documents matched by text, revisions' current
 * flags, re-anchoring. */
gboolean _crb_merge_match_documents (CrbMerge *merge, GError **error);
gboolean _crb_merge_settle_revisions (CrbMerge *merge, GError **error);

/* crb-merge-rows.c: the record tables, row by row. */
const char *_crb_merge_redirect (CrbMerge *merge, const char *uuid);
gboolean    _crb_merge_rows (CrbMerge *merge, const CrbMergeTable *table, GError **error);
/* Writes `columns` (indices) of `row` over the local row with its UUID,
 * keeping the full-text index in step. */
gboolean _crb_merge_write_columns (CrbMerge *merge, CrbMergeRow *row, const int *columns,
                                   guint n_columns, GError **error);
gboolean _crb_merge_insert_row (CrbMerge *merge, CrbMergeRow *row, GError **error);
gboolean _crb_merge_tombstone (CrbMerge *merge, const CrbMergeTable *table, const char *uuid,
                               gint64 modified_at, const char *modified_by, GError **error);

/* Loads the local and the other file's redirects. */
gboolean _crb_merge_load_redirects (CrbMerge *merge, GError **error);
/* Carries a document's live claims and mentions onto its current revision. */
gboolean _crb_merge_reanchor (CrbMerge *merge, GError **error);

/* crb-merge-fixup.c: links to merged entities follow them; live rows of
 * deleted parents are deleted. */
gboolean _crb_merge_follow_entities (CrbMerge *merge, GError **error);
gboolean _crb_merge_cascade (CrbMerge *merge, GError **error);

/* crb-merge-conflict.c */
/* Both sides changed `unit` of a record: `kept` is what it now holds.
 * The entry's id depends only on the two values, so the same conflict
 * found from either side, or twice, is one entry. */
gboolean _crb_merge_record_conflict (CrbMerge *merge, CrbMergeRow *kept, CrbMergeRow *other,
                                     guint unit, GError **error);
gboolean _crb_merge_union_conflicts (CrbMerge *merge, GError **error);
gboolean _crb_merge_union_redirects (CrbMerge *merge, GError **error);
gboolean _crb_merge_add_redirect (CrbMerge *merge, const char *table, const char *from,
                                  const char *into, GError **error);

/* Helpers. */
gboolean _crb_merge_exec_failed (sqlite3 *db, int rc, const char *what, GError **error);
char    *_crb_merge_key (const char *row_uuid, const char *unit);

G_END_DECLS
