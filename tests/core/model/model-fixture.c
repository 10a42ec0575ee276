/* model-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "model-fixture.h"

void
model_fixture_setup (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = crb_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.corroborate", NULL);
  fixture->project = crb_project_create (fixture->path, &error);
  g_assert_no_error (error);
  crb_project_set_author (fixture->project, "Test Analyst");
}

void
model_fixture_teardown (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (fixture->project)
    g_assert_finalize_object (g_steal_pointer (&fixture->project));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

void
model_fixture_reopen (ModelFixture *fixture)
{
  g_autoptr (GError) error = NULL;

  model_drain ();
  g_assert_finalize_object (g_steal_pointer (&fixture->project));
  fixture->project = crb_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (crb_project_check (fixture->project, &error));
  g_assert_no_error (error);
  crb_project_set_author (fixture->project, "Test Analyst");
}

void
model_assert_undo_redo (CrbProject *project, const char *before)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *after = crb_test_dump (project);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (before, !=, after);
  g_assert_true (crb_project_undo (project, NULL, &error));
  g_assert_no_error (error);
  undone = crb_test_dump (project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (crb_project_redo (project, NULL, &error));
  g_assert_no_error (error);
  redone = crb_test_dump (project);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (crb_project_check (project, &error));
  g_assert_no_error (error);
}

void
model_drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}
