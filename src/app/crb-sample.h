/* crb-sample.h: the sample project, built once from data/samples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the sample project lives: the user's data folder. */
char *crb_sample_dup_path      (void);
/* Where the sample documents are: installed, else in the source tree. */
char *crb_sample_dup_documents_dir (void);
/* Builds the project at `path` (which must not exist) off the main
 * thread: imports the documents, adds tags, claims with notes, an event
 * and entities.  Returns the path. */
void  crb_sample_build_async   (const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
char *crb_sample_build_finish  (GAsyncResult        *result,
                                GError             **error);

G_END_DECLS
