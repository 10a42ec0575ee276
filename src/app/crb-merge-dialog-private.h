/* crb-merge-dialog-private.h: what the merge dialog's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-merge-dialog.h"

G_BEGIN_DECLS

/* A conflict with both values to pick from, each a "merge.resolve"
 * button (crb-merge-dialog-values.c). */
GtkWidget *_crb_merge_conflict_widget (CrbProject       *project,
                                       CrbMergeConflict *conflict);

G_END_DECLS
