/* test-crash.c: killing the importer at random moments loses nothing that
 * was reported committed, and never damages the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "crb-document.h"
#include "crb-import.h"
#include "crb-search.h"
#include "crb-test-project.h"

#define TRIALS 50

/* The child: imports documents one transaction at a time and reports each
 * commit on stdout: "<document-uuid> <token> <text-sha256>". */
static int
import_forever (const char *path, guint seed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_open (path, &error);
  g_autoptr (CrbImporter) importer = NULL;
  GRand *rand = g_rand_new_with_seed (seed);

  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* The real import path: extraction in the helper process, then the store. */
  importer = crb_importer_new (project);
  for (guint i = 0;; i++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *token = g_strdup_printf ("tok%ux%08x", seed, g_rand_int (rand));
      g_autofree char *title = g_strdup_printf ("Document %u of child %u", i, seed);
      g_autoptr (CrbImportOutcome) outcome = NULL;
      g_autofree char *sha = NULL;
      guint paragraphs = g_rand_int_range (rand, 1, 40);

      g_string_append_printf (text, "Report %s.\n\n", token);
      for (guint p = 0; p < paragraphs; p++)
        g_string_append_printf (text, "Paragraph %u: the reservoir level was %u cm at %02u:%02u, "
                                      "according to the operator.\n\n",
                                p, g_rand_int_range (rand, 100, 900), p % 24, (p * 7) % 60);
      outcome = crb_importer_import_text (importer, text->str, title, &error);
      if (outcome == NULL || outcome->status != CRB_IMPORT_IMPORTED)
        {
          g_printerr ("%s\n", error ? error->message : "not imported");
          return 1;
        }
      {
        /* What was committed, as the extraction normalised it. */
        g_autofree char *stored = crb_project_dup_document_text (project, outcome->document_uuid,
                                                                 &error);
        if (stored == NULL || strstr (stored, token) == NULL)
          return 1;
        sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, stored, -1);
      }
      g_print ("%s %s %s\n", outcome->document_uuid, token, sha);
      fflush (stdout);
    }
  return 0;
}

static void
check_survivor (CrbProject *project, const char *line)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) parts = g_strsplit (line, " ", 3);
  g_autoptr (CrbDocument) document = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  document = crb_project_find_document (project, parts[0], &error);
  g_assert_no_error (error);
  text = crb_project_dup_document_text (project, parts[0], &error);
  g_assert_no_error (error);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_assert_cmpstr (sha, ==, parts[2]);
  g_assert_cmpstr (crb_document_get_text_sha256 (document), ==, parts[2]);

  hits = crb_project_search (project, parts[1], 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((CrbSearchHit *) g_ptr_array_index (hits, 0))->document_uuid, ==, parts[0]);
}

static void
test_sigkill (void)
{
  g_autofree char *path = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr (GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  CrbProject *project = crb_test_new_project (&path);
  guint total_lost_in_flight = 0;

  g_object_unref (project);

  for (guint trial = 0; trial < TRIALS; trial++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
          G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr (GSubprocess) child = NULL;
      g_autoptr (GDataInputStream) out = NULL;
      g_autoptr (GPtrArray) documents = NULL;
      g_autofree char *seed = g_strdup_printf ("%u", trial + 1);
      guint wanted = g_test_rand_int_range (0, 12);
      char *line;

      g_subprocess_launcher_setenv (launcher, "CRB_TEST_IMPORT", path, TRUE);
      g_subprocess_launcher_setenv (launcher, "CRB_TEST_SEED", seed, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
      child = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      /* Let it commit a random number of documents, then kill it a random
       * moment later: usually in the middle of the next transaction. */
      for (guint i = 0; i < wanted; i++)
        {
          line = g_data_input_stream_read_line (out, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (line);
          g_ptr_array_add (reported, line);
        }
      g_usleep (g_test_rand_int_range (0, 6000));
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, NULL);
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      /* Lines it wrote before dying are commits too. */
      while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)))
        g_ptr_array_add (reported, line);

      project = crb_project_open (path, &error);
      g_assert_no_error (error);
      crb_assert_ok (crb_project_check (project, &error));
      for (guint i = 0; i < reported->len; i++)
        check_survivor (project, g_ptr_array_index (reported, i));
      documents = crb_project_list_documents (project, &error);
      g_assert_no_error (error);
      /* At most one commit can have landed without its report. */
      g_assert_cmpuint (documents->len, >=, reported->len);
      g_assert_cmpuint (documents->len, <=, reported->len + 1 + total_lost_in_flight);
      total_lost_in_flight = documents->len - reported->len;
      g_assert_finalize_object (project);
    }
  g_test_message ("%u documents survived %u kills", reported->len, TRIALS);
}

int
main (int argc, char *argv[])
{
  if (g_getenv ("CRB_TEST_IMPORT"))
    return import_forever (g_getenv ("CRB_TEST_IMPORT"),
                           (guint) g_ascii_strtoull (g_getenv ("CRB_TEST_SEED"), NULL, 10));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crb/crash/sigkill-during-import", test_sigkill);
  return g_test_run ();
}
