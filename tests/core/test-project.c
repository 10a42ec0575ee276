/* test-project.c: creating, opening, refusing, locking, copying projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "crb-claim.h"
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-project.h"
#include "crb-schema.h"
#include "crb-test-project.h"
#include "crb-util.h"

static void
test_new_destroy (void)
{
  g_autofree char *path = NULL;
  CrbProject *project = crb_test_new_project (&path);

  g_assert_finalize_object (project);
}

static void
test_create (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *wal = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autofree char *contents = NULL;
  gsize length;

  crb_assert_ok (crb_project_check (project, &error));
  g_assert_no_error (error);
  g_assert_nonnull (crb_project_get_uuid (project));

  /* The header says what the file is. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpmem (contents + 68, 4, "CRBR", 4);
  g_assert_cmpint ((guchar) contents[63], ==, CRB_SCHEMA_VERSION);
  /* Rollback journal, never WAL (bytes 18 and 19 are 1 for rollback). */
  g_assert_cmpint (contents[18], ==, 1);
  g_assert_cmpint (contents[19], ==, 1);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* No leftovers of the temporary file it was built in. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint count = 0;

    while ((name = g_dir_read_name (listing)))
      if (!g_str_has_suffix (name, "-journal"))
        count++;
    g_assert_cmpuint (count, ==, 1);
  }
}

static void
test_create_refuses_existing (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autoptr (CrbProject) again = crb_project_create (path, &error);

  g_assert_null (again);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_EXISTS);
}

/* Opens `path`, expects `code`, and checks the file was not touched. */
static void
assert_refused (const char *path, int code, const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = crb_test_file_digest (path);
  g_autofree char *after = NULL;
  g_autoptr (CrbProject) project = crb_project_open (path, &error);

  g_assert_null (project);
  g_assert_error (error, CRB_PROJECT_ERROR, code);
  g_test_message ("refused: %s", error->message);
  if (words)
    g_assert_nonnull (strstr (error->message, words));
  after = crb_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static char *
closed_project_with_document (void)
{
  g_autofree char *path = NULL;
  CrbProject *project = crb_test_new_project (&path);
  g_autofree char *uuid = crb_test_add_document (project, "Report", "The dam failed at 04:10.");

  g_assert_finalize_object (project);
  return g_steal_pointer (&path);
}

static void
test_refuses_empty (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.corroborate", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused (path, CRB_PROJECT_ERROR_EMPTY, "empty");
}

static void
test_refuses_foreign_sqlite (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);

  crb_test_exec_raw (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                           "INSERT INTO moz_places (url) VALUES ('https://example.org');");
  assert_refused (path, CRB_PROJECT_ERROR_FOREIGN, "another program");
}

static void
test_refuses_text_file (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.corroborate", NULL);

  g_assert_true (g_file_set_contents (path, "These are my notes, not a project.\n", -1, NULL));
  assert_refused (path, CRB_PROJECT_ERROR_FOREIGN, "not a Corroborate project");
}

static void
test_refuses_trigger (void)
{
  g_autofree char *path = closed_project_with_document ();
  g_autoptr (GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  /* A trigger that would wipe the documents when anything is annotated. */
  crb_test_exec_raw (path, "CREATE TRIGGER wipe AFTER INSERT ON claim BEGIN "
                           "DELETE FROM document; DELETE FROM revision; END;");
  assert_refused (path, CRB_PROJECT_ERROR_TAMPERED, "trigger");

  /* It never fired: the document is still there. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM document", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_refuses_view (void)
{
  g_autofree char *path = closed_project_with_document ();

  crb_test_exec_raw (path, "CREATE VIEW titles AS SELECT title FROM document;");
  assert_refused (path, CRB_PROJECT_ERROR_TAMPERED, "view");
}

static void
test_refuses_table (void)
{
  g_autofree char *path = closed_project_with_document ();

  crb_test_exec_raw (path, "CREATE TABLE exfiltrate (data TEXT);");
  assert_refused (path, CRB_PROJECT_ERROR_TAMPERED, "table");
}

static void
test_refuses_changed_table (void)
{
  g_autofree char *path = closed_project_with_document ();

  crb_test_exec_raw (path, "ALTER TABLE document ADD COLUMN extra TEXT;");
  assert_refused (path, CRB_PROJECT_ERROR_TAMPERED, "changed");
}

static void
test_refuses_truncated (void)
{
  g_autofree char *path = closed_project_with_document ();
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  assert_refused (path, CRB_PROJECT_ERROR_DAMAGED, "truncated");
}

static void
test_refuses_newer (void)
{
  g_autofree char *path = closed_project_with_document ();

  crb_test_exec_raw (path, "PRAGMA user_version = 99;");
  assert_refused (path, CRB_PROJECT_ERROR_NEWER, "newer version");
}

static void
test_refuses_corrupt_page (void)
{
  g_autofree char *path = closed_project_with_document ();
  g_autofree char *contents = NULL;
  gsize length;

  /* Scribble over the second page (a b-tree page), keep the header valid. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096 + 8, 0x5a, 2000);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_refused (path, CRB_PROJECT_ERROR_DAMAGED, "damaged");
}

static void
test_second_opener_same_process (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autoptr (CrbProject) second = crb_project_open (path, &error);

  g_assert_null (second);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_ALREADY_OPEN);

  /* The first is unharmed, and after closing it the file opens again. */
  g_assert_true (crb_project_check (project, NULL));
  crb_project_close (project);
  g_clear_error (&error);
  second = crb_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

static void
test_second_opener_other_process (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = closed_project_with_document ();
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
      G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr (GSubprocess) holder = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);

  g_subprocess_launcher_setenv (launcher, "CRB_TEST_HOLD", path, TRUE);
  /* Isolated test folders are set inside this process only. */
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  holder = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "holding");

  assert_refused (path, CRB_PROJECT_ERROR_ALREADY_OPEN, "already open");

  /* Once the other program lets go, it opens. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, NULL);
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);
  project = crb_project_open (path, &error);
  g_assert_no_error (error);
}

static void
test_copy (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *target = g_build_filename (dir, "copy.corroborate", NULL);
  g_autofree char *uuid = crb_test_add_document (project, "Report", "The dam failed at 04:10.");
  g_autoptr (CrbProject) copy = NULL;
  g_autoptr (GPtrArray) documents = NULL;

  crb_assert_ok (crb_project_save_copy (project, target, CRB_COPY_DEFAULT, &error));
  g_assert_no_error (error);

  /* An existing target is never replaced. */
  g_assert_false (crb_project_save_copy (project, target, CRB_COPY_DEFAULT, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);

  copy = crb_project_open (target, &error);
  g_assert_no_error (error);
  crb_assert_ok (crb_project_check (copy, &error));
  documents = crb_project_list_documents (copy, &error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (crb_record_get_uuid (g_ptr_array_index (documents, 0)), ==, uuid);
}

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
test_copy_leaves_out_deleted_notes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *target = g_build_filename (dir, "share.corroborate", NULL);
  g_autofree char *private_target = g_build_filename (dir, "private.corroborate", NULL);
  g_autofree char *uuid = crb_test_add_document (project, "Report",
                                                 "The dam failed at 04:10, officials said.");
  g_autoptr (CrbClaim) gone = crb_project_add_claim (project, uuid, 0, 7, "claim",
                                                     "Source Nightingale-7 told me this", &error);
  g_autoptr (CrbClaim) kept = crb_project_add_claim (project, uuid, 8, 14, "claim",
                                                     "Kept note", &error);
  g_autoptr (CrbClaim) secret = crb_project_add_claim (project, uuid, 15, 25, "claim",
                                                       "Private lead Kestrel-9", &error);

  g_assert_no_error (error);
  crb_assert_ok (crb_project_set_field (project, "claim", crb_record_get_uuid (CRB_RECORD (gone)),
                                        "note", "Edited: Source Nightingale-7 again", &error));
  crb_assert_ok (crb_project_delete_record (project, "claim",
                                            crb_record_get_uuid (CRB_RECORD (gone)), &error));
  crb_assert_ok (crb_project_set_field (project, "claim",
                                        crb_record_get_uuid (CRB_RECORD (secret)), "private", "1",
                                        &error));
  g_assert_no_error (error);

  crb_assert_ok (crb_project_save_copy (project, target, CRB_COPY_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (file_contains (target, "Nightingale-7"));
  g_assert_true (file_contains (target, "Kept note"));
  g_assert_true (file_contains (target, "Kestrel-9"));

  crb_assert_ok (crb_project_save_copy (project, private_target,
                                        CRB_COPY_DROP_PRIVATE | CRB_COPY_DROP_ORIGINALS, &error));
  g_assert_no_error (error);
  g_assert_false (file_contains (private_target, "Kestrel-9"));
  g_assert_true (file_contains (private_target, "Kept note"));
  {
    g_autoptr (CrbProject) copy = crb_project_open (private_target, &error);

    g_assert_no_error (error);
    crb_assert_ok (crb_project_check (copy, &error));
    g_assert_no_error (error);
  }
}

static void
test_backup (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autofree char *uuid = crb_test_add_document (project, "Report", "Text of the report.");
  g_autofree char *last = NULL;

  for (int i = 0; i < 7; i++)
    {
      g_free (last);
      last = crb_project_backup (project, &error);
      g_assert_no_error (error);
      g_test_message ("backup %s", last);
      g_assert_true (g_file_test (last, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *dir = g_path_get_dirname (last);
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    guint count = 0;

    while (g_dir_read_name (listing))
      count++;
    g_assert_cmpuint (count, ==, 5);
  }
  {
    g_autoptr (CrbProject) backup = crb_project_open (last, &error);

    g_assert_no_error (error);
    crb_assert_ok (crb_project_check (backup, &error));
  }
}

static void
test_fixture_v1 (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                    "project-v1.corroborate", NULL);
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v1.corroborate", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  gsize length;

  /* Each released file format keeps a fixture; opening migrates it. */
  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  project = crb_project_open (path, &error);
  g_assert_no_error (error);
  crb_assert_ok (crb_project_check (project, &error));
  g_assert_no_error (error);
  documents = crb_project_list_documents (project, &error);
  g_assert_cmpuint (documents->len, >=, 3);
  claims = crb_project_list_claims (project, NULL, &error);
  g_assert_cmpuint (claims->len, >=, 1);
}

static int
hold (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_open (path, &error);
  char buffer[16];

  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("holding\n");
  fflush (stdout);
  while (fread (buffer, 1, sizeof buffer, stdin) > 0)
    ;
  return 0;
}

/* Strings written as JSON by hand (import notes) read back the same. */
static void
test_json_string (void)
{
  static const char *const texts[] = { "", "plain", "a \"quoted\" word", "back\\slash",
                                       "line\nbreak\tand tab\x01", "Ильмет — «дамба» €" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GString) json = g_string_new ("[");
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) node = NULL;

      crb_json_append_string (json, texts[i]);
      g_string_append_c (json, ']');
      node = json_from_string (json->str, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 0), ==,
                       texts[i]);
    }
}

int
main (int argc, char *argv[])
{
  if (g_getenv ("CRB_TEST_HOLD"))
    return hold (g_getenv ("CRB_TEST_HOLD"));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crb/project/new-destroy", test_new_destroy);
  g_test_add_func ("/crb/util/json-string", test_json_string);
  g_test_add_func ("/crb/project/create/new-file", test_create);
  g_test_add_func ("/crb/project/create/refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/crb/project/open/refuses-empty-file", test_refuses_empty);
  g_test_add_func ("/crb/project/open/refuses-foreign-sqlite", test_refuses_foreign_sqlite);
  g_test_add_func ("/crb/project/open/refuses-text-file", test_refuses_text_file);
  g_test_add_func ("/crb/project/open/refuses-extra-trigger", test_refuses_trigger);
  g_test_add_func ("/crb/project/open/refuses-extra-view", test_refuses_view);
  g_test_add_func ("/crb/project/open/refuses-extra-table", test_refuses_table);
  g_test_add_func ("/crb/project/open/refuses-changed-table", test_refuses_changed_table);
  g_test_add_func ("/crb/project/open/refuses-truncated", test_refuses_truncated);
  g_test_add_func ("/crb/project/open/refuses-newer-version", test_refuses_newer);
  g_test_add_func ("/crb/project/open/refuses-corrupt-page", test_refuses_corrupt_page);
  g_test_add_func ("/crb/project/open/second-opener-same-process",
                   test_second_opener_same_process);
  g_test_add_func ("/crb/project/open/second-opener-other-process",
                   test_second_opener_other_process);
  g_test_add_func ("/crb/project/open/fixture-v1", test_fixture_v1);
  g_test_add_func ("/crb/project/copy/opens", test_copy);
  g_test_add_func ("/crb/project/copy/leaves-out-deleted-notes", test_copy_leaves_out_deleted_notes);
  g_test_add_func ("/crb/project/backup/rotates", test_backup);

  return g_test_run ();
}
