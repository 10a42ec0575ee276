/* crb-source-details-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_SOURCE_DETAILS_WINDOW (crb_source_details_window_get_type ())
G_DECLARE_FINAL_TYPE (CrbSourceDetailsWindow, crb_source_details_window, CRB,
                      SOURCE_DETAILS_WINDOW, AdwPreferencesWindow)

CrbSourceDetailsWindow *crb_source_details_window_new (CrbProject *project,
                                                       const char *document_uuid);

G_END_DECLS
