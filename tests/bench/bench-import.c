/* bench-import.c: import throughput, search latency, open time and memory,
 * each against a raw SQLite/FTS5 baseline measured in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "crb-document.h"
#include "crb-import.h"
#include "crb-project.h"
#include "crb-search.h"
#include "bench-util.h"
#include "crb-synth-corpus.h"

static guint N_DOCUMENTS = 10000;
#define N_QUERIES 100

static gsize
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line ? (gsize) g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static gsize
current_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line ? (gsize) g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static void
reset_peak_rss (void)
{
  /* Writing 5 to clear_refs resets VmHWM to the current RSS. */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static double
baseline_import (CrbSynthCorpus *corpus, const char *path)
{
  sqlite3      *db;
  sqlite3_stmt *doc, *fts;
  gint64        start;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_or_die (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;"
                   "CREATE TABLE doc (id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
                   "CREATE VIRTUAL TABLE doc_fts USING fts5 (body, content='doc', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 2');");
  sqlite3_prepare_v2 (db, "INSERT INTO doc (id, title, body) VALUES (?1, ?2, ?3)", -1, &doc, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO doc_fts (rowid, body) VALUES (?1, ?2)", -1, &fts, NULL);

  start = g_get_monotonic_time ();
  exec_or_die (db, "BEGIN");
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      gsize       length;
      const char *text = crb_synth_corpus_get_text (corpus, i, &length);
      char        title[32];

      g_snprintf (title, sizeof title, "%05u", i);
      sqlite3_bind_int (doc, 1, i + 1);
      sqlite3_bind_text (doc, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (doc, 3, text, length, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (doc), ==, SQLITE_DONE);
      sqlite3_reset (doc);
      sqlite3_bind_int (fts, 1, i + 1);
      sqlite3_bind_text (fts, 2, text, length, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (fts), ==, SQLITE_DONE);
      sqlite3_reset (fts);
    }
  exec_or_die (db, "COMMIT");
  sqlite3_finalize (doc);
  sqlite3_finalize (fts);
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
by_count (gconstpointer a, gconstpointer b, gpointer table)
{
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (table, *(char **) a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (table, *(char **) b));

  return x > y ? -1 : x < y;
}

/* Words of the corpus ordered by frequency, for queries of mixed rarity. */
static GPtrArray *
pick_queries (CrbSynthCorpus *corpus)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GList) words = NULL;
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  guint      n_words;

  for (guint i = 0; i < N_DOCUMENTS; i += 10)
    {
      gsize            length;
      const char      *text = crb_synth_corpus_get_text (corpus, i, &length);
      g_autofree char *copy = g_ascii_strdown (text, length);
      g_auto (GStrv) parts = g_strsplit_set (copy, " \n.,;:!?\"'()", -1);

      for (guint k = 0; parts[k]; k++)
        if (strlen (parts[k]) > 2)
          {
            gpointer old = g_hash_table_lookup (counts, parts[k]);
            g_hash_table_replace (counts, g_strdup (parts[k]),
                                  GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
          }
    }
  words = g_hash_table_get_keys (counts);
  n_words = g_list_length (words);
  {
    g_autofree const char **sorted = g_new (const char *, n_words);
    guint                   k = 0;

    for (GList *l = words; l; l = l->next)
      sorted[k++] = l->data;
    g_qsort_with_data (sorted, n_words, sizeof (char *), by_count, counts);
    /* Ranks spread logarithmically: very common to rare words. */
    for (guint q = 0; q < N_QUERIES; q++)
      {
        guint rank = (guint) (pow ((double) n_words, (double) q / N_QUERIES)) - 1;
        g_ptr_array_add (queries, g_strdup (sorted[MIN (rank, n_words - 1)]));
      }
  }
  return queries;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
p95 (double *times, guint n)
{
  qsort (times, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return times[(guint) (0.95 * (n - 1))];
}

static double
raw_search_p95 (const char *path, GPtrArray *queries)
{
  sqlite3      *db;
  sqlite3_stmt *stmt;
  double        times[N_QUERIES];

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db,
                      "SELECT d.id, d.title, f.snip FROM (SELECT rowid, snippet(doc_fts, 0, "
                      "'[', ']', '…', 16) AS snip, rank AS score FROM doc_fts WHERE doc_fts MATCH "
                      "?1 ORDER BY rank LIMIT 20) f JOIN doc d ON d.id = f.rowid ORDER BY f.score",
                      -1, &stmt, NULL);
  for (guint q = 0; q < queries->len; q++)
    {
      gint64           start = g_get_monotonic_time ();
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", (char *) queries->pdata[q]);

      sqlite3_bind_text (stmt, 1, quoted, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_reset (stmt);
      times[q] = (g_get_monotonic_time () - start) / 1e3;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return p95 (times, queries->len);
}

static double
our_search_p95 (CrbProject *project, GPtrArray *queries)
{
  double times[N_QUERIES];

  for (guint q = 0; q < queries->len; q++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) hits = crb_project_search (project, queries->pdata[q], 20, NULL);

      g_assert_nonnull (hits);
      times[q] = (g_get_monotonic_time () - start) / 1e3;
    }
  return p95 (times, queries->len);
}

static double
raw_open_check (const char *path)
{
  sqlite3      *db;
  sqlite3_stmt *stmt;
  gint64        start = g_get_monotonic_time ();

  sqlite3_open (path, &db);
  sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crb-bench-import-XXXXXX", &error);
  g_autofree char *docs = g_build_filename (dir, "documents", NULL);
  g_autofree char *baseline_path = g_build_filename (dir, "baseline.sqlite", NULL);
  g_autofree char *project_path = g_build_filename (dir, "bench.corroborate", NULL);
  g_autoptr (CrbSynthCorpus) corpus = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbImporter) importer = NULL;
  g_autoptr (GPtrArray) outcomes = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  const char *sources[] = { docs, NULL };
  gsize       total_bytes = 0, rss_before;
  double      baseline, ours, raw_p95, our_p95, raw_open, our_open;
  guint       imported = 0;
  gint64      start;

  g_assert_no_error (error);
  if (g_getenv ("CRB_BENCH_DOCUMENTS"))
    N_DOCUMENTS = (guint) g_ascii_strtoull (g_getenv ("CRB_BENCH_DOCUMENTS"), NULL, 10);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  corpus = crb_synth_corpus_new (N_DOCUMENTS, 0, 20261122);
  g_mkdir (docs, 0700);
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      gsize            length;
      const char      *text = crb_synth_corpus_get_text (corpus, i, &length);
      g_autofree char *name = g_strdup_printf ("%s/%05u.txt", docs, i);

      g_assert_true (g_file_set_contents (name, text, length, NULL));
      total_bytes += length;
    }
  printf ("corpus: %u documents, %.1f MB\n", N_DOCUMENTS, total_bytes / 1e6);

  /* Each import starts with nothing of the other's waiting to be written. */
  sync ();
  rss_before = current_rss_kb ();
  reset_peak_rss ();
  baseline = baseline_import (corpus, baseline_path);
  printf ("baseline import (plain table + FTS5, one transaction): %.2f s, %.1f MB/s\n", baseline,
          total_bytes / 1e6 / baseline);
  /* What SQLite and FTS5 themselves take, for reading the figure below. */
  printf ("peak memory growth of the baseline import: %.1f MB\n",
          (peak_rss_kb () - rss_before) * 1024.0 / 1e6);

  project = crb_project_create (project_path, &error);
  g_assert_no_error (error);
  importer = crb_importer_new (project);
  sync ();
  rss_before = current_rss_kb ();
  reset_peak_rss ();
  start = g_get_monotonic_time ();
  outcomes = crb_importer_import (importer, sources, NULL, &error);
  ours = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  for (guint i = 0; i < outcomes->len; i++)
    if (((CrbImportOutcome *) outcomes->pdata[i])->status == CRB_IMPORT_IMPORTED)
      imported++;
  printf ("corroborate import (files → helpers → project): %.2f s, %.1f MB/s, %u imported\n", ours,
          total_bytes / 1e6 / ours, imported);
  printf ("import throughput ratio (ours / baseline): %.2f (target >= 0.5)\n", baseline / ours);
  printf ("peak memory growth during import: %.1f MB; largest batch held (documents read ahead "
          "and the group being stored, text and original bytes): %.1f MB; ratio %.1f "
          "(target <= 2)\n",
          (peak_rss_kb () - rss_before) * 1024.0 / 1e6,
          crb_importer_get_peak_held_bytes (importer) / 1e6,
          (peak_rss_kb () - rss_before) * 1024.0 / crb_importer_get_peak_held_bytes (importer));

  queries = pick_queries (corpus);
  raw_p95 = raw_search_p95 (baseline_path, queries);
  our_p95 = our_search_p95 (project, queries);
  printf ("search p95 (top 20 with snippets, %u queries): raw FTS5 %.2f ms, corroborate %.2f ms\n",
          queries->len, raw_p95, our_p95);
  printf ("search ratio: %.2f × raw; target ≤ 1.5 × raw + 5 ms = %.2f ms: %s\n", our_p95 / raw_p95,
          1.5 * raw_p95 + 5, our_p95 <= 1.5 * raw_p95 + 5 ? "met" : "missed");

  crb_project_close (project);
  raw_open = raw_open_check (project_path);
  start = g_get_monotonic_time ();
  g_clear_object (&project);
  project = crb_project_open (project_path, &error);
  g_assert_no_error (error);
  our_open = (g_get_monotonic_time () - start) / 1e6;
  printf ("open with checks: raw open + quick_check %.3f s, corroborate %.3f s\n", raw_open,
          our_open);
  printf ("open ratio: %.2f × raw; target ≤ 3 × raw + 0.1 s = %.3f s: %s\n", our_open / raw_open,
          3 * raw_open + 0.1, our_open <= 3 * raw_open + 0.1 ? "met" : "missed");

  g_clear_object (&importer);
  g_clear_object (&project);
  bench_remove_tree (dir);
  return 0;
}
