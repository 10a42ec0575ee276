/* bench-reuse.c: whole-corpus text reuse, incremental checks and mention
 * scanning against raw baselines on the same text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints ratios, asserts nothing: targets are in issue 5 (whole corpus
 * ≤ 3 s on two cores and ≤ 150 MB, one new document ≤ 20 ms).
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crb-mention-scan.h"
#include "crb-reuse-index.h"
#include "crb-synth-corpus.h"
#include "crb-tokenizer.h"

#define N_DOCUMENTS 10000
#define N_PASSAGES  2000
#define N_THREADS   2
#define N_QUERIES   50
#define N_ENTITIES  1000
#define N_ALIASES   3000

static GBytes *
corpus_text (gint64   document,
             gpointer user_data)
{
  gsize length;
  const char *text = crb_synth_corpus_get_text (user_data, document, &length);

  return g_bytes_new_static (text, length);
}

/* Peak resident set size in kB since the last reset. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static long
current_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

/* Linux ≥ 4.0 resets VmHWM to the current RSS when "5" is written here, so
 * that the generator's own peak does not count. */
static gboolean
reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean done;

  if (file == NULL)
    return FALSE;
  done = fputs ("5", file) >= 0;
  return fclose (file) == 0 && done;
}

typedef struct
{
  CrbSynthCorpus *corpus;
  guint           first;
  guint           end;
  guint64         checksum;
} RawJob;

static gpointer
raw_worker (gpointer data)
{
  RawJob *job = data;

  for (guint d = job->first; d < job->end; d++)
    {
      gsize length;
      const char *text = crb_synth_corpus_get_text (job->corpus, d, &length);
      g_autoptr(GArray) tokens = crb_tokenize (text, length, NULL, CRB_TOKENIZE_DEFAULT);

      for (guint i = 0; i < tokens->len; i++)
        job->checksum += g_array_index (tokens, CrbToken, i).hash;
    }
  return NULL;
}

/* The baseline: tokenise and hash every word, on the same threads. */
static double
raw_pass (CrbSynthCorpus *corpus,
          guint           n_threads)
{
  RawJob jobs[N_THREADS];
  GThread *threads[N_THREADS];
  gint64 start = g_get_monotonic_time ();
  guint64 checksum = 0;

  for (guint t = 0; t < n_threads; t++)
    jobs[t] = (RawJob) { corpus, N_DOCUMENTS * t / n_threads, N_DOCUMENTS * (t + 1) / n_threads, 0 };
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("raw", raw_worker, &jobs[t]);
  raw_worker (&jobs[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  for (guint t = 0; t < n_threads; t++)
    checksum += jobs[t].checksum;
  if (checksum == 42)
    printf ("(improbable checksum)\n");
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Times the word of @token occurs in @tokens. */
static guint
occurrences (GArray         *tokens,
             const CrbToken *token)
{
  guint count = 0;

  for (guint i = 0; i < tokens->len; i++)
    count += g_array_index (tokens, CrbToken, i).hash == token->hash;
  return count;
}

/* 1,000 entities with three aliases each, made of one to three consecutive
 * words taken from the corpus so that they do occur; as with real names,
 * an alias starts with a word that is rare in its document (the commonest
 * words of a Zipf vocabulary would match every other word). */
static CrbMentionScanner *
make_scanner (CrbSynthCorpus *corpus)
{
  CrbMentionScanner *scanner = crb_mention_scanner_new ();

  for (guint e = 0; e < N_ENTITIES; e++)
    {
      gsize length;
      const char *text = crb_synth_corpus_get_text (corpus, (e * 7919u) % N_DOCUMENTS, &length);
      g_autoptr(GArray) tokens = crb_tokenize (text, length, NULL, CRB_TOKENIZE_DEFAULT);

      for (guint a = 0, first = (e * 31) % tokens->len; a < N_ALIASES / N_ENTITIES; a++)
        {
          guint n_words = 1 + (e + a) % 3;
          const CrbToken *start, *end;
          g_autofree char *alias = NULL;

          while (first + n_words >= tokens->len
                 || occurrences (tokens, &g_array_index (tokens, CrbToken, first)) > 1)
            first = (first + 1) % tokens->len;
          start = &g_array_index (tokens, CrbToken, first);
          end = &g_array_index (tokens, CrbToken, first + n_words - 1);
          alias = g_strndup (text + start->byte_start, end->byte_end - start->byte_start);
          crb_mention_scanner_add (scanner, e, alias);
          first = (first + 17) % tokens->len;
        }
    }
  return scanner;
}

static void
bench_mentions (CrbSynthCorpus *corpus,
                double          raw_tokenise)
{
  g_autoptr(CrbMentionScanner) scanner = make_scanner (corpus);
  const char *needle = " qzxv ";
  gint64 start;
  double raw_strstr, raw_bytes, scan;
  gsize n_mentions = 0, n_spaces = 0;
  const char *p;
  guint n_found = 0;

  /* Raw scans of the same text: one word with memmem, and a byte loop. */
  start = g_get_monotonic_time ();
  for (p = corpus->text->str; (p = memmem (p, corpus->text->str + corpus->text->len - p, needle, strlen (needle))) != NULL; p++)
    n_found++;
  raw_strstr = (g_get_monotonic_time () - start) / 1e6;
  start = g_get_monotonic_time ();
  for (gsize i = 0; i < corpus->text->len; i++)
    n_spaces += corpus->text->str[i] == ' ';
  raw_bytes = (g_get_monotonic_time () - start) / 1e6;

  start = g_get_monotonic_time ();
  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      gsize length;
      const char *text = crb_synth_corpus_get_text (corpus, d, &length);
      g_autoptr(GArray) mentions = crb_mention_scanner_scan (scanner, text, length);

      n_mentions += mentions->len;
    }
  scan = (g_get_monotonic_time () - start) / 1e6;

  printf ("mention detection, %d entities / %u aliases: %.3f s = %.0f MB/s, %zu mentions "
          "(1 thread)\n", N_ENTITIES, crb_mention_scanner_get_n_aliases (scanner), scan,
          corpus->text->len / 1e6 / scan, n_mentions);
  printf ("  raw scans: memmem of one word %.3f s (%.0f MB/s, %u hits), byte loop %.3f s "
          "(%zu spaces); ratio %.1f x memmem, %.1f x byte loop, %.2f x raw tokenise+hash\n",
          raw_strstr, corpus->text->len / 1e6 / raw_strstr, n_found, raw_bytes, n_spaces,
          scan / raw_strstr, scan / raw_bytes, scan / raw_tokenise);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrbSynthCorpus) corpus = NULL;
  g_autoptr(CrbReuseIndex) index = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree gint64 *ids = g_new (gint64, N_DOCUMENTS);
  CrbReuseOptions options;
  double raw_one, raw_two, seconds, recall, precision;
  double query_ms[N_QUERIES];
  guint unrelated, n_passages = 0;
  long rss_before, peak;
  gboolean peak_reset;
  gint64 start;

  start = g_get_monotonic_time ();
  corpus = crb_synth_corpus_new (N_DOCUMENTS, N_PASSAGES, 1);
  printf ("corpus: %u documents, %.1f MB, %u planted passages (generated in %.2f s)\n",
          N_DOCUMENTS, corpus->text->len / 1e6, N_PASSAGES, (g_get_monotonic_time () - start) / 1e6);

  raw_one = raw_pass (corpus, 1);
  raw_two = raw_pass (corpus, N_THREADS);
  printf ("raw pass (tokenise + hash): %.3f s on 1 thread, %.3f s on %d threads\n",
          raw_one, raw_two, N_THREADS);

  peak_reset = reset_peak_rss ();
  rss_before = current_rss_kb ();

  /* The whole-corpus analysis as core runs it at open: index, then relate. */
  crb_reuse_options_init (&options);
  options.n_threads = N_THREADS;
  for (guint d = 0; d < N_DOCUMENTS; d++)
    ids[d] = d;
  start = g_get_monotonic_time ();
  index = crb_reuse_index_new (&options, corpus_text, corpus, NULL);
  crb_reuse_index_add_many (index, ids, N_DOCUMENTS);
  printf ("  indexing: %.3f s\n", (g_get_monotonic_time () - start) / 1e6);
  relations = crb_reuse_index_analyse (index, NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  peak = peak_rss_kb ();

  crb_synth_corpus_score (corpus, relations, &recall, &precision, &unrelated);
  for (guint r = 0; r < relations->len; r++)
    n_passages += ((CrbReuseRelation *) g_ptr_array_index (relations, r))->passages->len;
  printf ("whole corpus reuse: %.3f s wall on %d threads = %.2f x raw pass (%d threads), %.2f x raw (1 thread)\n",
          seconds, N_THREADS, seconds / raw_two, N_THREADS, seconds / raw_one);
  printf ("  relations %u, passages %u, recall %.4f, precision %.4f, unrelated pairs %u\n",
          relations->len, n_passages, recall, precision, unrelated);
  printf ("  fingerprint index %.1f MB; peak RSS %.1f MB%s (of which %.1f MB were resident before: "
          "the corpus text held by this benchmark)\n",
          crb_reuse_index_get_memory_size (index) / 1e6, peak / 1024.0,
          peak_reset ? "" : " (peak could not be reset: includes generation)", rss_before / 1024.0);

  /* One newly imported document against everything else. */
  for (guint q = 0; q < N_QUERIES; q++)
    {
      const CrbSynthPassage *planted = &g_array_index (corpus->passages, CrbSynthPassage, q * 7);
      gsize length;
      const char *text = crb_synth_corpus_get_text (corpus, planted->target, &length);
      g_autoptr(GPtrArray) found = NULL;

      start = g_get_monotonic_time ();
      found = crb_reuse_index_query (index, planted->target, text, length);
      query_ms[q] = (g_get_monotonic_time () - start) / 1e3;
      if (found->len == 0)
        printf ("  (query %u found nothing)\n", q);
    }
  qsort (query_ms, N_QUERIES, sizeof (double), compare_doubles);
  printf ("incremental check of one new document: median %.2f ms, max %.2f ms over %d documents "
          "(raw tokenise+hash of one document: %.3f ms)\n",
          query_ms[N_QUERIES / 2], query_ms[N_QUERIES - 1], N_QUERIES, raw_one * 1e3 / N_DOCUMENTS);

  g_clear_pointer (&relations, g_ptr_array_unref);
  g_clear_pointer (&index, crb_reuse_index_free);
  bench_mentions (corpus, raw_one);
  return 0;
}
