/* crb-storage-banner.h: warns when a project lives where it can be damaged
 * (network drive, cloud folder) or is worked on through a private copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-project.h"
#include "crb-working-copy.h"

G_BEGIN_DECLS

#define CRB_TYPE_STORAGE_BANNER (crb_storage_banner_get_type ())
G_DECLARE_FINAL_TYPE (CrbStorageBanner, crb_storage_banner, CRB, STORAGE_BANNER, GtkWidget)

GtkWidget  *crb_storage_banner_new          (void);
/* Shows what the analyst should know about where `project` lives, or
 * hides; `working_copy` (may be NULL) is the copy it is worked on through,
 * whose failures to write back are shown as they happen. */
void        crb_storage_banner_set_project  (CrbStorageBanner *self,
                                             CrbProject       *project,
                                             CrbWorkingCopy   *working_copy);
/* The text shown, or NULL when hidden. */
const char *crb_storage_banner_get_message  (CrbStorageBanner *self);

G_END_DECLS
