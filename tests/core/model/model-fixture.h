/* model-fixture.h: a real project file in a temporary folder, for the
 * model tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-test-project.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  char       *path;
  CrbProject *project;
} ModelFixture;

void  model_fixture_setup     (ModelFixture *fixture,
                               gconstpointer data);
void  model_fixture_teardown  (ModelFixture *fixture,
                               gconstpointer data);
/* Closes the project and opens the file again, as a later session would. */
void  model_fixture_reopen    (ModelFixture *fixture);

/* Undoes the last step and checks that the rows are exactly `before`,
 * then redoes it and checks that they are exactly as they were before the
 * undo. */
void  model_assert_undo_redo  (CrbProject   *project,
                               const char   *before);
/* Runs the main context until it has nothing more to do right now. */
void  model_drain             (void);

G_END_DECLS
