/* crb-app-test.h: what the application's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-application.h"
#include "crb-project.h"
#include "crb-window.h"

G_BEGIN_DECLS

typedef gboolean (*CrbAppTestCondition) (gpointer data);

/* g_test_init (isolated folders) and GTK/libadwaita.  FALSE when there is
 * no display to run on: the caller then exits with a TAP skip. */
gboolean        crb_app_test_init       (int               *argc,
                                         char            ***argv);
/* Runs the main context until `condition` holds; FALSE after 20 s. */
gboolean        crb_app_test_wait       (CrbAppTestCondition condition,
                                         gpointer           data);
/* Runs the main context until pending work (layout, idles) is done. */
void            crb_app_test_flush      (void);
/* The test program's registered application (not unique: test programs
 * run side by side). */
CrbApplication *crb_app_test_new_app    (void);
/* A project file in a fresh folder with the first `n_documents` sample
 * documents (text as imported); their UUIDs in `uuids` (may be NULL). */
char           *crb_app_test_make_project (guint        n_documents,
                                           GPtrArray  **uuids);
/* A new window of `app`, `width` × `height` (0: its default size), shown
 * and with the project at `path` open. */
CrbWindow      *crb_app_test_open_window (CrbApplication *app,
                                          const char     *path,
                                          int             width,
                                          int             height);
/* The text of a sample document. */
char           *crb_app_test_sample_text (const char  *name);
/* Destroys a widget's window and waits until the widget is finalized. */
void            crb_app_test_destroy    (GtkWidget         *window,
                                         gpointer           watched);

G_END_DECLS
