/* crb-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRB_TYPE_APPLICATION (crb_application_get_type ())
G_DECLARE_FINAL_TYPE (CrbApplication, crb_application, CRB, APPLICATION, AdwApplication)

CrbApplication *crb_application_new          (void);
GSettings      *crb_application_get_settings (CrbApplication *self);
/* The analyst's name from Preferences, or NULL when not set yet. */
char           *crb_application_dup_analyst  (CrbApplication *self);

G_END_DECLS
