/* test-extractor.c: the helper pool in core/, against the real helper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/mman.h>

#include <glib/gstdio.h>

#include "crb-extractor.h"

/* Files that make the helper crash, spin or eat memory; the helper obeys
 * them only with CORROBORATE_EXTRACT_TEST_TRIGGERS=1, which main() sets. */
#define CRASH "CRB-TEST-CRASH"
#define LOOP "CRB-TEST-LOOP"
#define ALLOC "CRB-TEST-ALLOC"

static CrbExtractResult *
extract_string (CrbExtractor *extractor, const char *data, const char *name, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, strlen (data));

  return crb_extractor_extract (extractor, bytes, name, NULL, NULL, NULL, error);
}

/* After every failure the same extractor must go on working. */
static void
assert_still_works (CrbExtractor *extractor)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbExtractResult) result =
      extract_string (extractor, "Still here.\n\nSecond paragraph.", "after.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result->text->str, ==, "Still here.\n\nSecond paragraph.");
  g_assert_cmpuint (result->paragraphs->len, ==, 2);
}

static void
assert_fails (CrbExtractor *extractor, const char *data, CrbExtractError code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbExtractResult) result = extract_string (extractor, data, "hostile.txt", &error);

  g_assert_null (result);
  g_assert_error (error, CRB_EXTRACT_ERROR, (int) code);
  g_test_message ("%s", error->message);
}

static void
test_new_and_destroy (void)
{
  CrbExtractor *extractor = crb_extractor_new ();

  g_assert_cmpuint (crb_extractor_get_deadline (extractor), ==, CRB_EXTRACTOR_DEFAULT_DEADLINE);
  g_assert_cmpuint (crb_extractor_get_max_helpers (extractor), ==, g_get_num_processors ());
  g_assert_nonnull (crb_extractor_get_helper_path (extractor));
  assert_still_works (extractor);
  g_assert_finalize_object (extractor);
}

static void
test_text (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();
  g_autoptr (GError) error = NULL;
  const char      *text = "Сводка за день\r\n\r\nПо данным штаба, ночью было тихо.\r\n";
  g_autofree char *koi8 = g_convert (text, -1, "KOI8-R", "UTF-8", NULL, NULL, NULL);
  g_autoptr (CrbExtractResult) result = extract_string (extractor, koi8, "сводка.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result->kind, ==, "text");
  g_assert_cmpstr (result->encoding, ==, "KOI8-R");
  g_assert_cmpstr (result->title, ==, "Сводка за день");
  g_assert_cmpstr (result->text->str, ==, "Сводка за день\n\nПо данным штаба, ночью было тихо.\n");
  g_assert_cmpuint (g_array_index (result->paragraphs, guint, 1), ==, 16);
}

static void
test_file (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("crb-extractor-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "briefing.md", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent/briefing.md");
  g_autoptr (CrbExtractResult) result = NULL;
  g_autoptr (CrbExtractResult) none = NULL;

  g_file_set_contents (path, "# Briefing\n\nThe **bridge** was *closed*.\n", -1, &error);
  g_assert_no_error (error);
  result = crb_extractor_extract_file (extractor, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->kind, ==, "markdown");
  g_assert_cmpstr (result->title, ==, "Briefing");
  g_assert_cmpstr (result->text->str, ==, "Briefing\n\nThe bridge was closed.");

  none = crb_extractor_extract_file (extractor, missing, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (path);
  g_rmdir (folder);
}

static void
test_html (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbExtractResult) result = NULL;

  result = extract_string (extractor,
                           "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour fire</title>"
                           "</head><body><article><h1>Harbour fire</h1><p>A fire broke out in "
                           "the harbour on Sunday night and burned until the morning, the fire "
                           "service said.</p><p>Nobody was hurt, according to the port "
                           "authority, which has opened an inquiry into the cause.</p>"
                           "</article></body></html>",
                           "page", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->kind, ==, "html");
  g_assert_nonnull (strstr (result->text->str, "Nobody was hurt"));
}

static void
test_refused_formats (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();

  assert_fails (extractor, "\x89PNG\r\n\x1A\n\x00\x00", CRB_EXTRACT_ERROR_UNSUPPORTED);
  assert_fails (extractor, "PK\x03\x04 not really a document", CRB_EXTRACT_ERROR_DAMAGED);
  assert_fails (extractor, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old Word",
                CRB_EXTRACT_ERROR_UNSUPPORTED);
  assert_fails (extractor, "   \n\n  ", CRB_EXTRACT_ERROR_EMPTY);
  assert_still_works (extractor);
}

static void
test_crash (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();

  /* Once on a fresh helper, once on one that has served a file. */
  assert_fails (extractor, CRASH, CRB_EXTRACT_ERROR_CRASHED);
  assert_still_works (extractor);
  assert_fails (extractor, CRASH, CRB_EXTRACT_ERROR_CRASHED);
  assert_still_works (extractor);
}

static void
test_deadline (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();

  crb_extractor_set_deadline (extractor, 2);
  assert_fails (extractor, LOOP, CRB_EXTRACT_ERROR_TIMEOUT);
  assert_still_works (extractor);
}

/* With a one-second CPU allowance, the spinning file dies of SIGXCPU long
 * before the (generous) wall-clock deadline.  The allowance reaches the
 * helpers through the environment, which only the test's own entry in
 * meson.build sets (setenv() is unsafe once threads run). */
static void
test_cpu_limit (void)
{
  g_autoptr (CrbExtractor) extractor = NULL;

  if (g_strcmp0 (g_getenv ("CORROBORATE_EXTRACT_CPU_LIMIT"), "1") != 0)
    {
      g_test_skip ("Runs as the test-extractor-cpu-limit entry, with a 1 s CPU allowance");
      return;
    }

  extractor = crb_extractor_new ();
  crb_extractor_set_deadline (extractor, 300);
  assert_fails (extractor, LOOP, CRB_EXTRACT_ERROR_LIMIT);
  assert_still_works (extractor);
}

static void
test_memory_limit (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();

  crb_extractor_set_deadline (extractor, 300);
  assert_still_works (extractor);
  assert_fails (extractor, ALLOC, CRB_EXTRACT_ERROR_LIMIT);
  assert_still_works (extractor);
}

static void
test_too_large (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();
  g_autoptr (GError) error = NULL;
  gsize size = (gsize) 300 * 1024 * 1024;
  /* Address space only: the pages are never touched. */
  void *huge = mmap (NULL, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CrbExtractResult) result = NULL;

  g_assert_true (huge != MAP_FAILED);
  bytes = g_bytes_new_static (huge, size);
  result = crb_extractor_extract (extractor, bytes, "huge.txt", NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE);
  munmap (huge, size);
}

/* A helper that is not there fails each file with a reason, quickly. */
static void
test_missing_helper (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();

  if (g_file_test (crb_extractor_get_helper_path (extractor), G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Runs as the test-extractor-missing-helper entry, with no helper");
      return;
    }
  assert_fails (extractor, "Any text at all.", CRB_EXTRACT_ERROR_FAILED);
  assert_fails (extractor, "Any text at all.", CRB_EXTRACT_ERROR_FAILED);
}

typedef struct
{
  CrbExtractor *extractor;
  GCancellable *cancellable;
  GError       *error;
  gboolean      done;
} Cancelled;

static gpointer
extract_loop_in_thread (gpointer data)
{
  Cancelled *state = data;
  g_autoptr (GBytes) bytes = g_bytes_new_static (LOOP, strlen (LOOP));
  CrbExtractResult *result;

  result = crb_extractor_extract (state->extractor, bytes, NULL, NULL, NULL, state->cancellable,
                                  &state->error);
  g_assert_null (result);
  g_atomic_int_set (&state->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static gboolean
cancel_now (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Cancelled state = { extractor, cancellable, NULL, FALSE };
  GThread  *thread;

  /* Were the cancellation ignored, the deadline would end it as TIMEOUT. */
  crb_extractor_set_deadline (extractor, 600);
  thread = g_thread_new ("extract", extract_loop_in_thread, &state);
  g_timeout_add (300, cancel_now, cancellable);
  while (!g_atomic_int_get (&state.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  assert_still_works (extractor);
}

static void
test_sandbox (void)
{
  g_autoptr (CrbExtractor) extractor = crb_extractor_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbExtractResult) report = NULL;
  g_autofree char *bwrap = g_find_program_in_path ("bwrap");

  if (bwrap == NULL || g_getenv ("CORROBORATE_NO_SANDBOX") != NULL ||
      g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("bubblewrap is not in use here");
      return;
    }
  if (!crb_extractor_get_sandboxed (extractor))
    {
      g_test_skip ("bubblewrap is installed but cannot start here (no user namespaces?)");
      return;
    }

  report = extract_string (extractor, "CRB-TEST-SANDBOX", NULL, &error);
  g_assert_no_error (error);
  g_test_message ("inside the sandbox:\n%s", report->text->str);
  g_assert_nonnull (strstr (report->text->str, "home: absent\n"));
  g_assert_nonnull (strstr (report->text->str, "passwd: absent\n"));
  g_assert_nonnull (strstr (report->text->str, "helper-folder: read-only\n"));
  /* Its own process namespace, its own network with loopback only. */
  g_assert_null (strstr (report->text->str, "pid: 1\n"));
  g_assert_true (strstr (report->text->str, "pid: 2\n") != NULL ||
                 strstr (report->text->str, "pid: 3\n") != NULL);
  g_assert_nonnull (strstr (report->text->str, "network: lo\n"));
}

/* Forty files (and two hostile ones) from two threads through one
 * extractor: every file comes back right, the hostile ones as errors. */
#define BATCH 42

typedef struct
{
  CrbExtractor *extractor;
  char         *data[BATCH];
  char         *expected[BATCH];
  guint         next;
  guint         n_ok;
  guint         n_failed;
  GMutex        lock;
} Batch;

static gpointer
batch_worker (gpointer user_data)
{
  Batch *batch = user_data;

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrbExtractResult) result = NULL;
      guint i;

      g_mutex_lock (&batch->lock);
      i = batch->next++;
      g_mutex_unlock (&batch->lock);
      if (i >= BATCH)
        return NULL;

      result = extract_string (batch->extractor, batch->data[i], NULL, &error);
      g_mutex_lock (&batch->lock);
      if (batch->expected[i] == NULL)
        {
          g_assert_null (result);
          g_assert_true (error->domain == CRB_EXTRACT_ERROR);
          batch->n_failed++;
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpstr (result->text->str, ==, batch->expected[i]);
          batch->n_ok++;
        }
      g_mutex_unlock (&batch->lock);
    }
}

static void
test_batch (void)
{
  static const char *const encodings[] = { "UTF-8", "WINDOWS-1251", "KOI8-R", "IBM866" };
  Batch                    batch = { 0 };
  GThread                 *threads[2];

  batch.extractor = crb_extractor_new ();
  g_mutex_init (&batch.lock);
  for (guint i = 0; i < BATCH; i++)
    {
      g_autofree char *text = NULL;

      if (i == 13 || i == 29)
        {
          batch.data[i] = g_strdup (i == 13 ? CRASH : ALLOC);
          continue;
        }
      text = g_strdup_printf ("Донесение номер %u\n\nВ районе моста замечено %u машин, "
                              "сообщает наблюдатель.",
                              i, i * 7);
      batch.expected[i] = g_strdup (text);
      batch.data[i] = g_convert (text, -1, encodings[i % 4], "UTF-8", NULL, NULL, NULL);
    }

  threads[0] = g_thread_new ("batch-1", batch_worker, &batch);
  threads[1] = g_thread_new ("batch-2", batch_worker, &batch);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);

  g_assert_cmpuint (batch.n_ok, ==, 40);
  g_assert_cmpuint (batch.n_failed, ==, 2);
  assert_still_works (batch.extractor);

  /* Helpers serve file after file: beyond one per core, only the two
   * hostile files cost a new one.  Helpers told to retire after every file
   * (the test-extractor-retire entry) are replaced every time. */
  if (g_getenv ("CORROBORATE_EXTRACT_CPU_TOTAL") == NULL)
    g_assert_cmpuint (crb_extractor_get_n_started (batch.extractor), <=,
                      crb_extractor_get_max_helpers (batch.extractor) + 2);
  else
    g_assert_cmpuint (crb_extractor_get_n_started (batch.extractor), >=, BATCH);

  for (guint i = 0; i < BATCH; i++)
    {
      g_free (batch.data[i]);
      g_free (batch.expected[i]);
    }
  g_mutex_clear (&batch.lock);
  g_assert_finalize_object (batch.extractor);
}

int
main (int argc, char *argv[])
{
  /* Before any thread exists: the helpers inherit these. */
  g_setenv ("CORROBORATE_EXTRACT_TEST_TRIGGERS", "1", TRUE);
  g_setenv ("CORROBORATE_EXTRACT_MEMORY_LIMIT_MB", "256", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crb/extractor/new-and-destroy", test_new_and_destroy);
  g_test_add_func ("/crb/extractor/text", test_text);
  g_test_add_func ("/crb/extractor/file", test_file);
  g_test_add_func ("/crb/extractor/html", test_html);
  g_test_add_func ("/crb/extractor/refused-formats", test_refused_formats);
  g_test_add_func ("/crb/extractor/crash", test_crash);
  g_test_add_func ("/crb/extractor/deadline", test_deadline);
  g_test_add_func ("/crb/extractor/cpu-limit", test_cpu_limit);
  g_test_add_func ("/crb/extractor/memory-limit", test_memory_limit);
  g_test_add_func ("/crb/extractor/too-large", test_too_large);
  g_test_add_func ("/crb/extractor/cancel", test_cancel);
  g_test_add_func ("/crb/extractor/sandbox", test_sandbox);
  g_test_add_func ("/crb/extractor/missing-helper", test_missing_helper);
  g_test_add_func ("/crb/extractor/batch", test_batch);

  return g_test_run ();
}
