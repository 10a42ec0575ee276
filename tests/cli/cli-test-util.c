/* cli-test-util.c: running the built corroborate-cli from tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"

void
cli_run_free (CliRun *run)
{
  if (run == NULL)
    return;
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

void
cli_fixture_set_up (CliFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("crb-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static int
remove_entry (const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
  return remove (path);
}

void
cli_fixture_tear_down (CliFixture *fixture, gconstpointer data)
{
  /* Files the tests made read-only or locked are still removable by their
   * owner; a failure here would only leave litter in /tmp. */
  nftw (fixture->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  g_clear_pointer (&fixture->dir, g_free);
}

char *
cli_path (CliFixture *fixture, const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

char *
cli_write (CliFixture *fixture, const char *name, const char *contents, gssize length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cli_path (fixture, name);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

CliRun *
cli_runv (CliFixture *fixture, const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *cache = cli_path (fixture, "xdg-cache");
  g_autofree char *data = cli_path (fixture, "xdg-data");
  g_autofree char *config = cli_path (fixture, "xdg-config");
  const char      *binary = g_getenv ("CORROBORATE_CLI");
  CliRun          *run = g_new0 (CliRun, 1);

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, g_strdup (binary));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "CORROBORATE_AUTHOR", "Test Analyst", TRUE);
  /* G_TEST_OPTION_ISOLATE_DIRS points the system folders at empty ones;
   * GIO's proxy resolver (used for URLs) needs the installed GSettings
   * schemas found through them. */
  g_subprocess_launcher_unsetenv (launcher, "XDG_DATA_DIRS");
  g_subprocess_launcher_unsetenv (launcher, "XDG_CONFIG_DIRS");
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  if (run->status < 0 || strstr (run->err, "-WARNING **") || strstr (run->err, "-CRITICAL **"))
    g_error ("corroborate-cli crashed or warned (status %d):\n%s", run->status, run->err);
  return run;
}

static GPtrArray *
collect_args (const char *first_arg, va_list args, const char *extra)
{
  GPtrArray *array = g_ptr_array_new ();

  for (const char *arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (array, (gpointer) arg);
  if (extra)
    g_ptr_array_add (array, (gpointer) extra);
  g_ptr_array_add (array, NULL);
  return array;
}

CliRun *
cli_run (CliFixture *fixture, const char *first_arg, ...)
{
  g_autoptr (GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap, NULL);
  va_end (ap);
  return cli_runv (fixture, (const char *const *) args->pdata);
}

static void
assert_succeeded (CliRun *run, const char *const *args)
{
  if (run->status != 0)
    {
      g_autofree char *command = g_strjoinv (" ", (char **) args);

      g_error ("“corroborate-cli %s” failed with status %d:\n%s", command, run->status, run->err);
    }
}

char *
cli_run_ok (CliFixture *fixture, const char *first_arg, ...)
{
  g_autoptr (GPtrArray) args = NULL;
  g_autoptr (CliRun) run = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap, NULL);
  va_end (ap);
  run = cli_runv (fixture, (const char *const *) args->pdata);
  assert_succeeded (run, (const char *const *) args->pdata);
  return g_steal_pointer (&run->out);
}

JsonNode *
cli_run_json (CliFixture *fixture, const char *first_arg, ...)
{
  g_autoptr (GPtrArray) args = NULL;
  g_autoptr (CliRun) run = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *root;
  va_list   ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap, "--json");
  va_end (ap);
  run = cli_runv (fixture, (const char *const *) args->pdata);
  assert_succeeded (run, (const char *const *) args->pdata);
  root = json_from_string (run->out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

void
cli_assert_failed (CliRun *run, int status, const char *needle)
{
  g_autofree char *err = g_utf8_casefold (run->err, -1);
  g_autofree char *want = g_utf8_casefold (needle, -1);

  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "corroborate-cli: "));
  if (strstr (err, want) == NULL)
    g_error ("expected “%s” in the error message, got:\n%s", needle, run->err);
}

char *
cli_file_sha256 (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize            length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

char *
cli_text_sha256 (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

guint
cli_json_length (JsonNode *array)
{
  g_assert_true (JSON_NODE_HOLDS_ARRAY (array));
  return json_array_get_length (json_node_get_array (array));
}

JsonObject *
cli_json_element (JsonNode *array, guint index)
{
  g_assert_cmpuint (index, <, cli_json_length (array));
  return json_array_get_object_element (json_node_get_array (array), index);
}

JsonObject *
cli_json_find (JsonNode *array, const char *member, const char *value)
{
  for (guint i = 0; i < cli_json_length (array); i++)
    {
      JsonObject *object = cli_json_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0)
        return object;
    }
  return NULL;
}

char *
cli_make_project (CliFixture *fixture, const char *name, const char *const *texts)
{
  g_autofree char *path = cli_path (fixture, name);
  g_autofree char *sources = g_strdup_printf ("%s-sources", name);
  g_autofree char *folder = cli_path (fixture, sources);
  g_autofree char *out = NULL;

  g_free (cli_run_ok (fixture, "new", path, NULL));
  for (guint i = 0; texts[i]; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/text-%02u.txt", sources, i);

      g_free (cli_write (fixture, file, texts[i], -1));
    }
  out = cli_run_ok (fixture, "import", path, folder, NULL);
  return g_steal_pointer (&path);
}
