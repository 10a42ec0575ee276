/* crb-project-private.h: what core/ shares about an open project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "crb-project.h"
#include "crb-sqlite-private.h"

G_BEGIN_DECLS

/* The single connection.  Take the lock around every use; actions take it
 * for their whole transaction.  (One connection keeps undo, the exclusive
 * file lock and the full-text index in step; a query is short.) */
sqlite3      *_crb_project_get_db        (CrbProject    *self);
void          _crb_project_lock          (CrbProject    *self);
void          _crb_project_unlock        (CrbProject    *self);

/* A cached prepared statement for this connection.  Reset and bindings
 * cleared on return; do not finalize it. */
sqlite3_stmt *_crb_project_prepare       (CrbProject    *self,
                                          const char    *sql,
                                          GError       **error);

/* One user action = one transaction = one undo step.  begin takes the lock;
 * commit or rollback releases it.  A failed commit rolls back. */
gboolean      _crb_project_begin_action  (CrbProject    *self,
                                          const char    *label,
                                          GError       **error);
gboolean      _crb_project_commit_action (CrbProject    *self,
                                          GError       **error);
void          _crb_project_rollback_action (CrbProject  *self);
/* Records that the running action changed these kinds of rows. */
void          _crb_project_note_change   (CrbProject    *self,
                                          CrbChangeFlags changes);
/* Inside an action, while `outside` is TRUE, rows are written without
 * being recorded in the action's changeset.  Only for a new revision (and
 * its original): its text would otherwise be held in memory and stored a
 * second time in the undo history at every import.  Each such revision is
 * named with _crb_project_note_outside_revision(); only if the step is
 * undone do its rows go into its changeset (crb-undo.c). */
void          _crb_project_set_outside   (CrbProject    *self,
                                          gboolean       outside);
void          _crb_project_note_outside_revision (CrbProject *self,
                                                  const char *revision_uuid);
/* Delivers CrbProject::changed in the project's main context. */
void          _crb_project_emit_changed  (CrbProject    *self,
                                          CrbChangeFlags changes);
/* The same, naming the claims that changed (takes `claims`, may be NULL:
 * see crb_project_get_changed_claims()). */
void          _crb_project_emit_changes  (CrbProject    *self,
                                          CrbChangeFlags changes,
                                          char         **claims);
/* For actions that must not be undone one by one (e.g. a big import that
 * gets one step of its own): TRUE while an action runs. */
gboolean      _crb_project_in_action     (CrbProject    *self);

/* Maps a failed SQLite call to a CRB_PROJECT_ERROR a person can act on. */
void          _crb_project_set_sqlite_error (CrbProject *self,
                                             GError    **error,
                                             int         rc,
                                             const char *what);

/* Steps a statement that returns no rows. */
gboolean      _crb_project_step_done     (CrbProject    *self,
                                          sqlite3_stmt  *stmt,
                                          const char    *what,
                                          GError       **error);

/* Common columns of a new row: uuid (fresh if NULL), author, now. */
gint64        _crb_project_now           (CrbProject    *self);

G_END_DECLS
