/* crb-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRB_TYPE_PREFERENCES_WINDOW (crb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CrbPreferencesWindow, crb_preferences_window, CRB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

CrbPreferencesWindow *crb_preferences_window_new (GSettings *settings);

G_END_DECLS
