/* bench-merge.c: merging two analysts' projects against copying one
 *
 * Two 10,000-document projects that share 9,000 documents (one was sent
 * to both analysts) and differ in 20,000 claims (10,000 each) and 1,000
 * documents each.  Baseline: VACUUM INTO of the larger project (what Save
 * a Copy costs).  Measured: crb_project_merge of one into the other, then
 * merging it again (which must find nothing to do).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "bench-util.h"
#include "crb-edit-private.h"
#include "crb-fts-private.h"
#include "crb-import-private.h"
#include "crb-merge.h"
#include "crb-synth-corpus.h"

#define SHARED 9000
#define OWN 1000
#define CLAIMS 10000

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

/* Documents `first`…`first + n - 1` of the corpus, in one action. */
static void
add_documents (CrbProject *project, CrbSynthCorpus *corpus, guint first, guint n)
{
  g_autoptr (GError) error = NULL;

  check (_crb_project_begin_action (project, "Import documents", &error), error);
  for (guint d = first; d < first + n; d++)
    {
      g_autoptr (CrbImportJob) job = g_new0 (CrbImportJob, 1);
      g_autoptr (CrbImportOutcome) outcome = g_new0 (CrbImportOutcome, 1);
      gsize       length;
      const char *text = crb_synth_corpus_get_text (corpus, d, &length);

      job->source = g_strdup_printf ("doc-%05u", d);
      job->name = g_strdup_printf ("doc-%05u.txt", d);
      job->origin = g_strdup_printf ("/corpus/doc-%05u.txt", d);
      job->result = crb_extract_result_new ();
      g_string_append_len (job->result->text, text, length);
      job->result->kind = g_strdup ("text");
      job->result->title = g_strdup_printf ("Document %u", d);
      check (_crb_import_store_job (project, job, FALSE, outcome, &error), error);
    }
  check (_crb_project_commit_action (project, &error), error);
}

/* `n` claims of 40 characters at pseudo-random places, in one action. */
static void
add_claims (CrbProject *project, guint n, guint32 seed)
{
  static const char *columns[] = { "document_uuid", "revision_uuid", "start_offset",
                                   "end_offset",    "exact",         "prefix",
                                   "suffix",        "kind",          "note" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  sqlite3 *db = _crb_project_get_db (project);
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) revisions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT document_uuid, uuid, text FROM revision WHERE current = 1", -1,
                      &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (documents, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (revisions, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_finalize (stmt);

  check (_crb_project_begin_action (project, "Add claims", &error), error);
  for (guint i = 0; i < n; i++)
    {
      guint            d = g_rand_int_range (rand, 0, (gint32) documents->len);
      const char      *text = g_ptr_array_index (texts, d);
      gsize            length = strlen (text); /* ASCII: bytes are code points */
      guint            start = g_rand_int_range (rand, 40, (gint32) length - 80);
      GValue           values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
      g_autofree char *exact = g_strndup (text + start, 40);
      g_autofree char *prefix = g_strndup (text + start - 32, 32);
      g_autofree char *suffix = g_strndup (text + start + 40, 32);
      g_autofree char *note = g_strdup_printf ("note %u of analyst %u", i, seed);
      gint64           rowid;

      for (guint v = 0; v < G_N_ELEMENTS (columns); v++)
        g_value_init (&values[v], v == 2 || v == 3 ? G_TYPE_INT64 : G_TYPE_STRING);
      g_value_set_string (&values[0], g_ptr_array_index (documents, d));
      g_value_set_string (&values[1], g_ptr_array_index (revisions, d));
      g_value_set_int64 (&values[2], start);
      g_value_set_int64 (&values[3], start + 40);
      g_value_set_string (&values[4], exact);
      g_value_set_string (&values[5], prefix);
      g_value_set_string (&values[6], suffix);
      g_value_set_string (&values[7], "claim");
      g_value_set_string (&values[8], note);
      check (_crb_edit_insert (project, "claim", NULL, columns, values, G_N_ELEMENTS (columns),
                               NULL, &rowid, &error) &&
                 _crb_fts_index (db, CRB_FTS_CLAIM, rowid, &error),
             error);
      for (guint v = 0; v < G_N_ELEMENTS (columns); v++)
        g_value_unset (&values[v]);
    }
  check (_crb_project_commit_action (project, &error), error);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  /* CRB_BENCH_MERGE_DIR keeps the two projects for another run. */
  const char      *kept = g_getenv ("CRB_BENCH_MERGE_DIR");
  g_autofree char *dir = kept ? g_strdup (kept) : g_dir_make_tmp ("bench-merge-XXXXXX", &error);
  g_autofree char *base_path = g_build_filename (dir, "base.corroborate", NULL);
  g_autofree char *path_a = g_build_filename (dir, "alice.corroborate", NULL);
  g_autofree char *path_b = g_build_filename (dir, "bob.corroborate", NULL);
  g_autofree char *vacuumed = g_build_filename (dir, "vacuum.corroborate", NULL);
  g_autofree char *target = g_build_filename (dir, "merged.corroborate", NULL);
  g_autofree char *larger = NULL;
  CrbSynthCorpus  *corpus;
  CrbMergeSummary  summary, again;
  gint64           start;
  double           build, vacuum, merge, remerge;

  /* Keep the undo history of this run out of the user's cache. */
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  g_mkdir_with_parents (dir, 0700);
  g_unlink (vacuumed);
  g_unlink (target);
  start = g_get_monotonic_time ();
  if (g_file_test (path_b, G_FILE_TEST_EXISTS))
    goto built;
  corpus = crb_synth_corpus_new (SHARED + 2 * OWN, 0, 7);
  {
    g_autoptr (CrbProject) base = crb_project_create (base_path, &error);

    check (base != NULL, error);
    add_documents (base, corpus, 0, SHARED);
    check (crb_project_save_copy (base, path_a, CRB_COPY_DEFAULT, &error), error);
    check (crb_project_save_copy (base, path_b, CRB_COPY_DEFAULT, &error), error);
  }
  {
    g_autoptr (CrbProject) a = crb_project_open (path_a, &error);
    g_autoptr (CrbProject) b = crb_project_open (path_b, &error);

    check (a && b, error);
    crb_project_set_author (a, "Alice");
    crb_project_set_author (b, "Bob");
    add_documents (a, corpus, SHARED, OWN);
    add_documents (b, corpus, SHARED + OWN, OWN);
    add_claims (a, CLAIMS, 1);
    add_claims (b, CLAIMS, 2);
  }
  crb_synth_corpus_free (corpus);
built:
  build = seconds_since (start);

  larger = g_strdup (file_size (path_a) >= file_size (path_b) ? path_a : path_b);
  {
    sqlite3      *db = NULL;
    sqlite3_stmt *stmt = NULL;

    sqlite3_open_v2 (larger, &db, SQLITE_OPEN_READONLY, NULL);
    start = g_get_monotonic_time ();
    sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
    sqlite3_bind_text (stmt, 1, vacuumed, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      g_error ("VACUUM INTO: %s", sqlite3_errmsg (db));
    sqlite3_finalize (stmt);
    vacuum = seconds_since (start);
    sqlite3_close (db);
  }

  {
    g_autoptr (CrbProject) a = NULL;
    g_autofree char *contents = NULL;
    gsize            length;

    /* Into a copy, so that the projects can be kept for another run. */
    check (g_file_get_contents (path_a, &contents, &length, &error) &&
               g_file_set_contents (target, contents, length, &error),
           error);
    g_clear_pointer (&contents, g_free);
    a = crb_project_open (target, &error);
    check (a != NULL, error);
    start = g_get_monotonic_time ();
    check (crb_project_merge (a, path_b, &summary, &error), error);
    merge = seconds_since (start);
    start = g_get_monotonic_time ();
    check (crb_project_merge (a, path_b, &again, &error), error);
    remerge = seconds_since (start);
    check (crb_project_check (a, &error), error);
  }

  printf ("projects: %d shared + %d own documents each, %d claims each (built in %.1f s)\n", SHARED,
          OWN, CLAIMS, build);
  printf ("larger project: %.1f MB\n", file_size (larger) / 1e6);
  printf ("came in: %u documents, %u claims; %u updated, %u conflicts\n",
          summary.added[CRB_MERGE_DOCUMENTS], summary.added[CRB_MERGE_CLAIMS], summary.updated,
          summary.conflicts);
  printf ("VACUUM INTO (baseline): %.2f s\n", vacuum);
  printf ("merge:                  %.2f s  ratio %.2f (target <= 3)\n", merge, merge / vacuum);
  printf ("merge again (no-op):    %.2f s  ratio %.2f; came in: %u documents, %u claims\n", remerge,
          remerge / vacuum, again.added[CRB_MERGE_DOCUMENTS], again.added[CRB_MERGE_CLAIMS]);

  if (kept == NULL)
    bench_remove_tree (dir);
  else
    {
      g_unlink (vacuumed);
      g_unlink (target);
    }
  return 0;
}
