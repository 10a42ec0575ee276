/* crb-window.h: a window on one project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-application.h"
#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_WINDOW (crb_window_get_type ())
G_DECLARE_FINAL_TYPE (CrbWindow, crb_window, CRB, WINDOW, AdwApplicationWindow)

CrbWindow  *crb_window_new          (CrbApplication *application);
/* Opens a project file in this window (off the main thread). */
void        crb_window_open_file    (CrbWindow      *self,
                                     GFile          *file);
/* Opens the sample project, building it first if needed. */
void        crb_window_open_sample  (CrbWindow      *self);
gboolean    crb_window_has_project  (CrbWindow      *self);
/* Whether the project shown is the file at `path` (the original, when it
 * is worked on through a private copy). */
gboolean    crb_window_shows_path   (CrbWindow      *self,
                                     const char     *path);
CrbProject *crb_window_get_project  (CrbWindow      *self);
/* Shows an open project (the window takes a reference). */
void        crb_window_set_project  (CrbWindow      *self,
                                     CrbProject     *project);
/* Shows a source of the project in the reader. */
gboolean    crb_window_show_document (CrbWindow     *self,
                                      const char    *document_uuid);
/* A toast, optionally with an Undo button bound to win.undo. */
void        crb_window_toast        (CrbWindow      *self,
                                     const char     *message,
                                     gboolean        with_undo);
/* Emitted-once signal helpers for tests: TRUE while a project opens. */
gboolean    crb_window_is_busy      (CrbWindow      *self);

G_END_DECLS
