/* crb-welcome-page.h: the start, before a project is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRB_TYPE_WELCOME_PAGE (crb_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (CrbWelcomePage, crb_welcome_page, CRB, WELCOME_PAGE, GtkWidget)

GtkWidget *crb_welcome_page_new (void);

G_END_DECLS
