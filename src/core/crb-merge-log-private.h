/* crb-merge-log-private.h: the per-field change log that merges rely on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project-private.h"

G_BEGIN_DECLS

/* The tables of schema 2 that travel with the project and belong in undo
 * steps besides the record tables: the change log, merge conflicts and
 * redirects of records merged into others. */
gboolean _crb_merge_log_tracks (const char *table);

/* At the end of an action, before it commits: records in the change log a
 * new version of every field (or field group) that the action's
 * `changeset` updated, and returns the changeset with those insertions
 * appended (so that undo takes them back too).  Fields set to the value
 * the log already has for them (as a merge does) add nothing. */
gboolean _crb_merge_log_action (CrbProject *project, void **changeset, int *size, GError **error);

/* Inside an action, for changes the program makes to rows that may have
 * been inserted in the same action (which the changeset then shows as
 * inserts): records a version of `unit` ("anchor", "current", …) of the
 * record if its value is not the newest one logged. */
gboolean _crb_merge_log_unit (CrbProject *project, const char *table, const char *uuid,
                              const char *unit, GError **error);

G_END_DECLS
