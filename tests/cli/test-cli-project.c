/* test-cli-project.c: corroborate-cli new, check, copy, backup, usage and
 * every refusal of a file that is not a sound project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "crb-project.h"

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
assert_refused (CliFixture *fixture, const char *path, const char *needle)
{
  g_autofree char *before = cli_file_sha256 (path);
  const char      *commands[][5] = {
         { "check", path, NULL },
         { "list", path, NULL },
         { "claim", "list", path, NULL },
         { "undo", path, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr (CliRun) run = cli_runv (fixture, commands[i]);
      g_autofree char *after = NULL;

      cli_assert_failed (run, 1, needle);
      g_assert_cmpstr (run->out, ==, "");
      after = cli_file_sha256 (path);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_new (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "fresh.corroborate");
  g_autofree char *check = NULL;
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (CliRun) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_free (cli_run_ok (fixture, "new", path, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  check = cli_run_ok (fixture, "check", path, NULL);
  g_assert_nonnull (strstr (check, "no problems found"));
  list = cli_run_json (fixture, "list", path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 0);

  /* An existing file is never overwritten. */
  before = cli_file_sha256 (path);
  again = cli_run (fixture, "new", path, NULL);
  cli_assert_failed (again, 1, "exists");
  after = cli_file_sha256 (path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_usage (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "usage.corroborate");
  struct
  {
    const char *args[7];
    int         status;
    const char *needle; /* in stderr for errors, stdout for help */
  } cases[] = {
    { { NULL }, 2, "Usage:" },
    { { "frobnicate", path, NULL }, 2, "not a command" },
    { { "--help", NULL }, 0, "Commands:" },
    { { "help", "claim", NULL }, 0, "move FILE CLAIM-ID START END" },
    { { "--version", NULL }, 0, "corroborate-cli " },
    { { "new", NULL }, 2, "needs FILE" },
    { { "new", path, "extra", NULL }, 2, "Too many arguments" },
    { { "list", path, "--colour", NULL }, 2, "Unknown option" },
    { { "claim", NULL }, 2, "needs a command" },
    { { "claim", "fly", path, NULL }, 2, "not a command" },
    { { "claim", "add", "--help", NULL }, 0, "--occurrence" },
    { { "claim", "move", path, "abc", "x", "2", NULL }, 2, "whole number" },
    { { "grade", path, "abc", "Z", NULL }, 2, "from A to F" },
    { { "search", path, "dam", "--limit", "0", NULL }, 2, "at least 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CliRun) run = cli_runv (fixture, cases[i].args);

      g_assert_cmpint (run->status, ==, cases[i].status);
      if (cases[i].status == 0)
        {
          g_assert_nonnull (strstr (run->out, cases[i].needle));
          g_assert_cmpstr (run->err, ==, "");
        }
      else
        {
          /* The reason, then the help of what was meant. */
          g_assert_nonnull (strstr (run->err, cases[i].needle));
          g_assert_nonnull (strstr (run->err, "Usage:"));
          g_assert_cmpstr (run->out, ==, "");
        }
    }
  /* Nothing was created by any of that. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_refuses_empty (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_write (fixture, "empty.corroborate", "", 0);

  assert_refused (fixture, path, "empty");
}

static void
test_refuses_foreign_sqlite (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "places.sqlite");

  exec_sql (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                  "INSERT INTO moz_places (url) VALUES ('https://example.org');");
  assert_refused (fixture, path, "another program");
}

static void
test_refuses_text_file (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path =
      cli_write (fixture, "notes.corroborate", "These are my notes, not a project.\n", -1);

  assert_refused (fixture, path, "not a Corroborate project");
}

/* Projects with documents in them come from `import`. */
static const char *const two_texts[] = {
  "Dam breach at Ilmet\n\nThe dam on the Ilmet river failed at 04:10 on Tuesday. "
  "Officials said twelve people died.\n",
  "Flood reaches Kosh\n\nWater from the broken dam reached the village of Kosh by noon. "
  "Residents counted at least thirty houses under water.\n",
  NULL,
};

/* Changes a file the way another program would: the ordinary SQLite API,
 * no hardening. */

static int
count_rows (const char *path, const char *table_query)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int           count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, table_query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* `check`, `list` and an edit are all refused with a message naming the
 * problem, and the file stays byte for byte what it was. */

static void
test_check_good (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "good.corroborate", two_texts);
  g_autofree char *before = cli_file_sha256 (path);
  g_autofree char *out = cli_run_ok (fixture, "check", path, NULL);
  g_autofree char *after = cli_file_sha256 (path);

  g_assert_nonnull (strstr (out, "2 documents"));
  g_assert_cmpstr (after, ==, before);
}

static void
test_check_repair (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "index.corroborate", two_texts);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *repaired = NULL;
  g_autoptr (CliRun) damaged = NULL;
  g_autoptr (JsonNode) lost = NULL;
  g_autoptr (JsonNode) found = NULL;

  /* Another program empties the search index behind the project's back. */
  exec_sql (path, "INSERT INTO revision_fts (revision_fts) VALUES ('delete-all');");
  lost = cli_run_json (fixture, "search", path, "Kosh", NULL);
  g_assert_cmpuint (cli_json_length (lost), ==, 0);

  before = cli_file_sha256 (path);
  damaged = cli_run (fixture, "check", path, NULL);
  cli_assert_failed (damaged, 1, "--repair");
  after = cli_file_sha256 (path);
  g_assert_cmpstr (after, ==, before);

  repaired = cli_run_ok (fixture, "check", path, "--repair", NULL);
  g_assert_nonnull (strstr (repaired, "rebuilt the search index"));
  g_free (cli_run_ok (fixture, "check", path, NULL));
  found = cli_run_json (fixture, "search", path, "Kosh", NULL);
  g_assert_cmpuint (cli_json_length (found), ==, 1);
}

static void
test_refuses_trigger (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "trap.corroborate", two_texts);
  g_autoptr (JsonNode) list = cli_run_json (fixture, "list", path, NULL);
  const char      *doc = json_object_get_string_member (cli_json_element (list, 0), "id");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (CliRun) claim = NULL;

  /* Would wipe every document as soon as anything is annotated. */
  exec_sql (path, "CREATE TRIGGER wipe AFTER INSERT ON claim BEGIN "
                  "DELETE FROM document; DELETE FROM revision; END;");
  assert_refused (fixture, path, "trigger");

  before = cli_file_sha256 (path);
  claim = cli_run (fixture, "claim", "add", path, doc, "--quote", "dam", NULL);
  cli_assert_failed (claim, 1, "trigger");
  after = cli_file_sha256 (path);
  g_assert_cmpstr (after, ==, before);

  /* It never fired. */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM document"), ==, 2);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM claim"), ==, 0);
}

static void
test_refuses_view (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "view.corroborate", two_texts);

  exec_sql (path, "CREATE VIEW titles AS SELECT title FROM document;");
  assert_refused (fixture, path, "view");
}

static void
test_refuses_table (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "table.corroborate", two_texts);

  exec_sql (path, "CREATE TABLE exfiltrate (data TEXT);");
  assert_refused (fixture, path, "table");
}

static void
test_refuses_truncated (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "cut.corroborate", two_texts);
  g_autofree char *contents = NULL;
  gsize            length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  assert_refused (fixture, path, "truncated");
}

static void
test_refuses_newer (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "future.corroborate", two_texts);

  exec_sql (path, "PRAGMA user_version = 99;");
  assert_refused (fixture, path, "newer version");
}

static void
test_refuses_second_opener (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "busy.corroborate", two_texts);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) holder = crb_project_open (path, &error);
  g_autoptr (CliRun) after_close = NULL;

  g_assert_no_error (error);
  assert_refused (fixture, path, "already open");

  /* Once the holder lets go, the CLI gets in. */
  crb_project_close (holder);
  after_close = cli_run (fixture, "check", path, NULL);
  g_assert_cmpint (after_close->status, ==, 0);
}

static void
test_copy (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "original.corroborate", two_texts);
  g_autofree char *target = cli_path (fixture, "shared.corroborate");
  g_autofree char *small = cli_path (fixture, "small.corroborate");
  g_autoptr (JsonNode) original = cli_run_json (fixture, "list", path, NULL);
  g_autoptr (JsonNode) copied = NULL;
  g_autoptr (JsonNode) text_only = NULL;
  g_autoptr (CliRun) refused = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_free (cli_run_ok (fixture, "copy", path, target, NULL));
  g_free (cli_run_ok (fixture, "check", target, NULL));
  copied = cli_run_json (fixture, "list", target, NULL);
  g_assert_cmpuint (cli_json_length (copied), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *document = cli_json_element (original, i);
      JsonObject *copy =
          cli_json_find (copied, "id", json_object_get_string_member (document, "id"));

      g_assert_nonnull (copy);
      g_assert_cmpstr (json_object_get_string_member (copy, "sha256"), ==,
                       json_object_get_string_member (document, "sha256"));
      g_assert_nonnull (json_object_get_string_member (copy, "original_sha256"));
    }

  /* The target is never overwritten. */
  before = cli_file_sha256 (target);
  refused = cli_run (fixture, "copy", path, target, NULL);
  cli_assert_failed (refused, 1, "exists");
  after = cli_file_sha256 (target);
  g_assert_cmpstr (after, ==, before);

  /* Without the originals the texts are all there. */
  g_free (cli_run_ok (fixture, "copy", path, small, "--drop-originals", NULL));
  text_only = cli_run_json (fixture, "list", small, NULL);
  g_assert_cmpuint (cli_json_length (text_only), ==, 2);
}

static void
test_backup (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_make_project (fixture, "kept.corroborate", two_texts);
  g_autofree char *out = cli_run_ok (fixture, "backup", path, NULL);
  g_autofree char *data_dir = cli_path (fixture, "xdg-data");
  g_autoptr (JsonNode) list = NULL;

  g_strstrip (out);
  g_assert_true (g_str_has_prefix (out, data_dir));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  list = cli_run_json (fixture, "list", out, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func)                                                                            \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)
  ADD ("/crb/cli/new/creates-and-refuses-existing", test_new);
  ADD ("/crb/cli/usage/errors-and-help", test_usage);
  ADD ("/crb/cli/check/refuses-empty-file", test_refuses_empty);
  ADD ("/crb/cli/check/refuses-foreign-sqlite", test_refuses_foreign_sqlite);
  ADD ("/crb/cli/check/refuses-text-file", test_refuses_text_file);
  ADD ("/crb/cli/check/good", test_check_good);
  ADD ("/crb/cli/check/repair-rebuilds-index", test_check_repair);
  ADD ("/crb/cli/check/refuses-extra-trigger", test_refuses_trigger);
  ADD ("/crb/cli/check/refuses-extra-view", test_refuses_view);
  ADD ("/crb/cli/check/refuses-extra-table", test_refuses_table);
  ADD ("/crb/cli/check/refuses-truncated", test_refuses_truncated);
  ADD ("/crb/cli/check/refuses-newer-version", test_refuses_newer);
  ADD ("/crb/cli/check/refuses-second-opener", test_refuses_second_opener);
  ADD ("/crb/cli/copy/opens-with-documents", test_copy);
  ADD ("/crb/cli/backup/verified-copy", test_backup);
#undef ADD

  return g_test_run ();
}
