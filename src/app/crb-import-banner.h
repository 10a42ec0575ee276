/* crb-import-banner.h: progress of a batch import, then what failed and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRB_TYPE_IMPORT_BANNER (crb_import_banner_get_type ())
G_DECLARE_FINAL_TYPE (CrbImportBanner, crb_import_banner, CRB, IMPORT_BANNER, GtkWidget)

GtkWidget *crb_import_banner_new      (void);
/* Shows progress; Cancel cancels `cancellable`. */
void       crb_import_banner_begin    (CrbImportBanner *self,
                                       GCancellable    *cancellable,
                                       guint            total);
void       crb_import_banner_progress (CrbImportBanner *self,
                                       guint            done,
                                       guint            total);
/* Ends the progress: hides, or lists the failures (`sources` and their
 * `reasons`, NULL-terminated, may be empty) until dismissed. */
void       crb_import_banner_finish   (CrbImportBanner    *self,
                                       const char * const *sources,
                                       const char * const *reasons);
gboolean   crb_import_banner_is_running (CrbImportBanner *self);

G_END_DECLS
