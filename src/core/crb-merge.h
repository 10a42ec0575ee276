/* crb-merge.h: merging a colleague's copy of a project into this one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

/* What a merge brought in.  `added` counts rows new to this project by
 * table (live ones; tombstones are in `deleted`). */
typedef enum
{
  CRB_MERGE_DOCUMENTS,
  CRB_MERGE_REVISIONS,
  CRB_MERGE_TAGS,
  CRB_MERGE_CLAIMS,
  CRB_MERGE_CLAIM_TAGS,
  CRB_MERGE_ENTITIES,
  CRB_MERGE_ALIASES,
  CRB_MERGE_CLAIM_ENTITIES,
  CRB_MERGE_MENTIONS,
  CRB_MERGE_EVENTS,
  CRB_MERGE_FACETS,
  CRB_MERGE_EVENT_CLAIMS,
  CRB_MERGE_RELATIONS,
  CRB_MERGE_N_KINDS,
} CrbMergeKind;

typedef struct
{
  guint added[CRB_MERGE_N_KINDS];
  guint updated;        /* records with fields taken from the other file */
  guint deleted;        /* records deleted here because they were there */
  guint same_documents; /* documents both had (by text), now one */
  guint conflicts;      /* fields both changed: new entries in the review list */
  guint lost_edits;     /* edits made to records the other side deleted */
  guint reanchored;     /* claims carried over to another revision */
  guint ambiguous;      /* … of which not placed: two places fit */
  guint orphaned;       /* … of which not placed: not found */
} CrbMergeSummary;

/* The table name of a kind ("document", "claim_tag", …). */
const char *crb_merge_kind_to_table (CrbMergeKind kind);

/* Merges the project file at `other_path` into `project` as one undoable
 * action.  The other file is opened read-only with the same checks as any
 * project (it is untrusted) and is never changed.  Records are matched by
 * UUID, documents also by text; deletions on either side win; different
 * fields changed on each side are combined; a field changed on both sides
 * goes to the review list (crb_project_list_merge_conflicts), holding the
 * later change until the analyst picks.  Claims whose revision is not the
 * document's current one are re-anchored onto it.  Merging the same file
 * again changes nothing.  `summary` may be NULL. */
gboolean crb_project_merge (CrbProject *project, const char *other_path, CrbMergeSummary *summary,
                            GError **error);
void     crb_project_merge_async (CrbProject *project, const char *other_path,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean crb_project_merge_finish (CrbProject *project, GAsyncResult *result,
                                   CrbMergeSummary *summary, GError **error);

/* One field (or a claim's anchor) that two analysts changed differently. */
typedef struct
{
  char    *uuid;
  char    *table; /* record table, e.g. "claim" */
  char    *row_uuid;
  char    *field;      /* a column, or "anchor" */
  char    *kept_value; /* JSON object {column: value}: what the record holds */
  char    *kept_by;
  char    *other_value; /* JSON object: the change that was not applied */
  char    *other_by;
  gint64   created_at;
  gboolean resolved;
  char    *resolved_by;
} CrbMergeConflict;

void crb_merge_conflict_free (CrbMergeConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbMergeConflict, crb_merge_conflict_free)

/* The review list, oldest first; resolved ones too when asked. */
GPtrArray *crb_project_list_merge_conflicts (CrbProject *project, gboolean include_resolved,
                                             GError **error);
/* The analyst's pick, one undoable action: `take_other` FALSE keeps what
 * the record holds, TRUE writes the other value.  Either way the entry is
 * marked resolved (in every copy the project is merged with). */
gboolean crb_project_resolve_merge_conflict (CrbProject *project, const char *conflict_id,
                                             gboolean take_other, GError **error);

/* Who changed what: one entry per recorded version of a record's fields,
 * oldest first.  The record's creation is the first entry (field NULL). */
typedef struct
{
  char  *field; /* NULL for the creation */
  char  *author;
  gint64 time; /* ms since the epoch */
  char  *value_sha256;
} CrbChangeEntry;

void       crb_change_entry_free (CrbChangeEntry *entry);
GPtrArray *crb_project_list_changes (CrbProject *project, const char *table, const char *uuid,
                                     GError **error);
/* Live claims created by `author` (of one document, or all when NULL), in
 * text order, as CrbClaim. */
GPtrArray *crb_project_list_claims_by_author (CrbProject *project, const char *document_uuid,
                                              const char *author, GError **error);

G_END_DECLS
