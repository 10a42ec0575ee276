/* crb-test-project.h: helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

/* Asserts that a call which takes &error succeeded, showing the error if not. */
#define crb_assert_ok(call)          \
  G_STMT_START                       \
  {                                  \
    gboolean crb_ok_ = (call);       \
    g_assert_no_error (error);       \
    g_assert_true (crb_ok_);         \
  }                                  \
  G_STMT_END

/* A fresh temporary folder (removed at the end of the test run). */
char       *crb_test_make_dir        (void);
/* A new project in a fresh folder. */
CrbProject *crb_test_new_project     (char       **path_out);
/* Adds a text document through the same store path as import, but without
 * the extraction helper: for tests of the model, undo and search. */
char       *crb_test_add_document    (CrbProject  *project,
                                      const char  *title,
                                      const char  *text);
/* The same, reporting failure instead of asserting. */
char       *crb_test_try_add_document (CrbProject  *project,
                                       const char  *title,
                                       const char  *text,
                                       GError     **error);
/* SHA-256 of a file's bytes. */
char       *crb_test_file_digest     (const char  *path);
/* Runs SQL on a file through a plain connection, as another program would. */
void        crb_test_exec_raw        (const char  *path,
                                      const char  *sql);
/* All rows of all record tables, as text, for comparing states. */
char       *crb_test_dump            (CrbProject  *project);

G_END_DECLS
