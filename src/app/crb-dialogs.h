/* crb-dialogs.h: small questions and messages (AdwMessageDialog)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

typedef void (*CrbDialogsReady) (gpointer user_data);

/* Runs `ready` once the analyst's name is known: at once when Preferences
 * has one, else after asking (the first annotation).  The name becomes the
 * project's author.  `destroy` frees `user_data` afterwards. */
void       crb_dialogs_ensure_analyst (GtkWidget       *widget,
                                       CrbProject      *project,
                                       CrbDialogsReady  ready,
                                       gpointer         user_data,
                                       GDestroyNotify   destroy);
/* A message with one Close button, transient for the widget's window. */
GtkWidget *crb_dialogs_message        (GtkWidget       *widget,
                                       const char      *heading,
                                       const char      *body);

G_END_DECLS
