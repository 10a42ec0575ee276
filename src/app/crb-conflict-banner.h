/* crb-conflict-banner.h: "3 merge conflicts to review", while there are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_CONFLICT_BANNER (crb_conflict_banner_get_type ())
G_DECLARE_FINAL_TYPE (CrbConflictBanner, crb_conflict_banner, CRB, CONFLICT_BANNER, GtkWidget)

GtkWidget *crb_conflict_banner_new             (void);
void       crb_conflict_banner_set_project     (CrbConflictBanner *self,
                                                CrbProject        *project);
/* The open merge conflicts counted (0 when hidden). */
guint      crb_conflict_banner_get_n_conflicts (CrbConflictBanner *self);

G_END_DECLS
