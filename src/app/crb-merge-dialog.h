/* crb-merge-dialog.h: merging a colleague's copy — progress, what came in,
 * and the review of fields both analysts changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-merge.h"

G_BEGIN_DECLS

#define CRB_TYPE_MERGE_DIALOG (crb_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrbMergeDialog, crb_merge_dialog, CRB, MERGE_DIALOG, AdwWindow)

CrbMergeDialog        *crb_merge_dialog_new         (CrbProject     *project);
/* Merges the project file at `other_path` in a worker thread, showing
 * progress (with Cancel), then the summary or the core's error. */
void                   crb_merge_dialog_merge       (CrbMergeDialog *self,
                                                     const char     *other_path);
/* Shows the open merge conflicts, each with both values to pick from. */
void                   crb_merge_dialog_review      (CrbMergeDialog *self);
/* "progress", "error", "summary", "review" or "reviewed". */
const char            *crb_merge_dialog_get_page    (CrbMergeDialog *self);
/* What the merge brought in; NULL until it is done. */
const CrbMergeSummary *crb_merge_dialog_get_summary (CrbMergeDialog *self);
/* The conflicts listed for review now. */
guint                  crb_merge_dialog_get_n_conflicts (CrbMergeDialog *self);

G_END_DECLS
