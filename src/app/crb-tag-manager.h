/* crb-tag-manager.h: the codebook — tags, their hierarchy and colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_TAG_MANAGER (crb_tag_manager_get_type ())
G_DECLARE_FINAL_TYPE (CrbTagManager, crb_tag_manager, CRB, TAG_MANAGER, AdwWindow)

GtkWidget *crb_tag_manager_new (CrbProject *project);

G_END_DECLS
