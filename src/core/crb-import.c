/* crb-import.c: files, folders and URLs → documents
 *
 * Reading and fetching and the untrusted parsing (in helper processes) run
 * in a pool of worker threads; the calling thread stores what they produce
 * in small groups of documents, one transaction and one undo step each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-import"

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "crb-extractor.h"
#include "crb-fetcher.h"
#include "crb-import-private.h"
#include "crb-import.h"
#include "crb-project-private.h"
#include "crb-util.h"

/* A group of documents is stored in one transaction (one undo step) when it
 * holds this much text and original bytes, or this many documents, or has
 * been collecting this long, whichever comes first.  Few, large
 * transactions keep the search index in few, large segments and spend
 * little time waiting for the disk; the time bound keeps progress
 * committed.  What an import holds (HELD_BYTES, some 16 MB of text) stays
 * small beside what SQLite and the bookkeeping take anyway. */
#define GROUP_BYTES (8 * 1024 * 1024)
#define GROUP_DOCUMENTS 2000
#define GROUP_MICROSECONDS (3000 * G_TIME_SPAN_MILLISECOND)
/* Workers extract ahead of the store until this much is held: enough to
 * fill the next group while the current one is written, never the whole
 * import. */
#define HELD_BYTES (2 * GROUP_BYTES)
/* The extraction workers run at the lowest priority, as desktop indexers
 * do (see feed_worker). */
#define WORKER_NICENESS 19
/* Files larger than this are refused before reading. */
#define MAX_FILE_BYTES (256 * 1024 * 1024)

struct _CrbImporter
{
  GObject       parent_instance;

  CrbProject   *project;
  CrbExtractor *extractor;
  CrbFetcher   *fetcher;
  GMainContext *context;
  gboolean      keep_originals;
  gsize         peak_held;

  GMutex        progress_lock;
  guint         progress_done;
  guint         progress_total;
  gboolean      progress_pending; /* an update is on its way */
};

G_DEFINE_FINAL_TYPE (CrbImporter, crb_importer, G_TYPE_OBJECT)

enum
{
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crb_importer_dispose (GObject *object)
{
  CrbImporter *self = CRB_IMPORTER (object);

  g_clear_object (&self->project);
  g_clear_object (&self->extractor);
  g_clear_object (&self->fetcher);
  g_clear_pointer (&self->context, g_main_context_unref);
  G_OBJECT_CLASS (crb_importer_parent_class)->dispose (object);
}

static void
crb_importer_finalize (GObject *object)
{
  CrbImporter *self = CRB_IMPORTER (object);

  g_mutex_clear (&self->progress_lock);
  G_OBJECT_CLASS (crb_importer_parent_class)->finalize (object);
}

static void
crb_importer_class_init (CrbImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crb_importer_dispose;
  G_OBJECT_CLASS (klass)->finalize = crb_importer_finalize;

  /**
   * CrbImporter::progress:
   * @done: sources finished so far
   * @total: sources in this import
   */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
crb_importer_init (CrbImporter *self)
{
  self->keep_originals = TRUE;
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->progress_lock);
}

CrbImporter *
crb_importer_new (CrbProject *project)
{
  CrbImporter *self;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  self = g_object_new (CRB_TYPE_IMPORTER, NULL);
  self->project = g_object_ref (project);
  self->extractor = crb_extractor_new ();
  self->fetcher = crb_fetcher_new ();
  return self;
}

void
crb_importer_set_allow_private (CrbImporter *self, gboolean allow)
{
  g_return_if_fail (CRB_IS_IMPORTER (self));
  crb_fetcher_set_allow_private (self->fetcher, allow);
}

void
crb_importer_set_keep_originals (CrbImporter *self, gboolean keep)
{
  g_return_if_fail (CRB_IS_IMPORTER (self));
  self->keep_originals = keep;
}

/**
 * crb_importer_get_peak_held_bytes:
 *
 * Returns: the most extracted text and original bytes the last import held
 *   in memory at once (the documents read ahead and the group being stored)
 */
gsize
crb_importer_get_peak_held_bytes (CrbImporter *self)
{
  g_return_val_if_fail (CRB_IS_IMPORTER (self), 0);
  return self->peak_held;
}

static gboolean
is_url (const char *source)
{
  return g_ascii_strncasecmp (source, "http://", 7) == 0
         || g_ascii_strncasecmp (source, "https://", 8) == 0;
}

/* What an import was given, expanded: one entry per file or URL.  Jobs
 * (with all that reading and extracting needs) are made from entries only
 * when a worker takes them up, so that thousands of files cost little
 * until their turn comes. */
typedef struct
{
  char    *source; /* handed to the file's outcome, which keeps it */
  char    *path;   /* files: absolute path; `source` itself for folder files */
  gboolean is_url;
} Entry;

static void
entry_clear (Entry *entry)
{
  if (entry->path != entry->source)
    g_free (entry->path);
}

/* Folders are walked in name order; hidden files and folders are skipped,
 * as are files that are obviously not documents. */
static void
expand_folder (const char *folder, GArray *entries)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.' && !g_str_has_suffix (name, "~") && !g_str_has_suffix (name, ".corroborate"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, crb_compare_string_pointers);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        expand_folder (path, entries);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          Entry entry = { g_steal_pointer (&path), NULL, FALSE };

          entry.path = entry.source;
          g_array_append_val (entries, entry);
        }
    }
}

static GArray *
expand_sources (const char * const *sources)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);
  for (guint i = 0; sources[i]; i++)
    {
      Entry entry = { g_strdup (sources[i]), NULL, is_url (sources[i]) };

      if (!entry.is_url && g_file_test (sources[i], G_FILE_TEST_IS_DIR))
        {
          g_free (entry.source);
          expand_folder (sources[i], entries);
          continue;
        }
      if (!entry.is_url)
        entry.path = g_canonicalize_filename (sources[i], NULL);
      g_array_append_val (entries, entry);
    }
  return entries;
}

static CrbImportJob *
job_for_entry (GArray *entries, guint index)
{
  Entry *entry = &g_array_index (entries, Entry, index);
  CrbImportJob *job = g_new0 (CrbImportJob, 1);

  job->index = index;
  job->source = entry->source;
  job->source_borrowed = TRUE;
  job->is_url = entry->is_url;
  job->path = g_strdup (entry->path);
  return job;
}

static gboolean
read_file (CrbImportJob *job, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (job->path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GMappedFile) mapped = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > MAX_FILE_BYTES)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE,
                   "The file is larger than %d MB, too large to import.",
                   MAX_FILE_BYTES / (1024 * 1024));
      return FALSE;
    }
  mapped = g_mapped_file_new (job->path, FALSE, error);
  if (mapped == NULL)
    return FALSE;
  job->original = g_mapped_file_get_bytes (mapped);
  job->name = g_path_get_basename (job->path);
  job->origin = g_strdup (job->path);
  return TRUE;
}

static gboolean
fetch_url (CrbImporter *self, CrbImportJob *job, GCancellable *cancellable, GError **error)
{
  g_autoptr (CrbFetchResult) fetched = crb_fetcher_fetch (self->fetcher, job->source, cancellable,
                                                          error);
  g_autoptr (GUri) uri = NULL;

  if (fetched == NULL)
    return FALSE;
  job->original = g_bytes_ref (fetched->body);
  job->origin = g_strdup (fetched->requested_url);
  job->final_url = g_strdup (fetched->final_url);
  job->content_type = g_strdup (fetched->content_type);
  job->charset = g_strdup (fetched->charset);
  job->status = fetched->status;
  job->retrieved_at = g_date_time_to_unix (fetched->retrieved_at) * 1000
                      + g_date_time_get_microsecond (fetched->retrieved_at) / 1000;
  uri = g_uri_parse (fetched->final_url, G_URI_FLAGS_NONE, NULL);
  job->name = g_path_get_basename (uri ? g_uri_get_path (uri) : "page.html");
  return TRUE;
}

/* Runs in a worker thread. */
void
_crb_import_prepare_job (CrbImporter *self, CrbImportJob *job, GCancellable *cancellable)
{
  GError *error = NULL;
  gsize size = 0;
  gconstpointer data;

  if (g_cancellable_is_cancelled (cancellable))
    return;
  if (!(job->is_url ? fetch_url (self, job, cancellable, &error) : read_file (job, &error)))
    {
      job->error = error;
      return;
    }
  data = g_bytes_get_data (job->original, &size);
  job->result = crb_extractor_extract (self->extractor, job->original, job->name,
                                       job->content_type, job->charset, cancellable, &error);
  if (job->result == NULL)
    job->error = error;
  else
    {
      job->text_sha256 = crb_sha256_hex (job->result->text->str, job->result->text->len);
      job->original_is_text = _crb_import_is_text (job->original, job->result);
    }
  job->original_sha256 = job->original_is_text ? g_strdup (job->text_sha256)
                                               : crb_sha256_hex (data, size);
  if (job->result != NULL && self->keep_originals && !job->original_is_text)
    job->packed = _crb_import_compress (job->original);
  job->original_size = size;
  /* Once compressed (or when it is the text), the original itself is not
   * needed any more. */
  if (job->packed != NULL || job->original_is_text || !self->keep_originals)
    g_clear_pointer (&job->original, g_bytes_unref);
  if (job->result != NULL && job->is_url && g_strcmp0 (job->result->kind, "html") == 0)
    {
      g_free (job->result->kind);
      job->result->kind = g_strdup ("web");
    }
}

/* The jobs, handed out to the workers in order while the store holds less
 * than HELD_BYTES of extracted documents. */
typedef struct
{
  CrbImporter  *importer;
  GArray       *entries;
  GAsyncQueue  *done;
  GCancellable *cancellable;
  GMutex        lock;
  GCond         room;
  guint         next;
  gsize         held;
} Feed;

static gsize
job_bytes (CrbImportJob *job)
{
  if (job->result == NULL)
    return 0;
  return job->result->text->len
         + (job->packed ? g_bytes_get_size (job->packed)
                        : job->original ? g_bytes_get_size (job->original) : 0);
}

static void
feed_worker (gpointer item, gpointer user_data)
{
  Feed *feed = user_data;

  /* Extraction is background work that feeds the store: at a lower
   * priority it never starves the thread that writes the project (the
   * import's bottleneck) nor the user interface.  The helper processes
   * started from these threads inherit it.  (On Linux the priority is the
   * calling thread's; the pool is exclusive, so it ends with the import.) */
  setpriority (PRIO_PROCESS, 0, WORKER_NICENESS);

  for (;;)
    {
      CrbImportJob *job;
      gsize bytes;

      g_mutex_lock (&feed->lock);
      while (feed->held >= HELD_BYTES && feed->next < feed->entries->len)
        g_cond_wait (&feed->room, &feed->lock);
      if (feed->next >= feed->entries->len)
        {
          g_mutex_unlock (&feed->lock);
          return;
        }
      job = job_for_entry (feed->entries, feed->next++);
      g_mutex_unlock (&feed->lock);

      _crb_import_prepare_job (feed->importer, job, feed->cancellable);
      bytes = job_bytes (job);
      g_mutex_lock (&feed->lock);
      feed->held += bytes;
      feed->importer->peak_held = MAX (feed->importer->peak_held, feed->held);
      g_mutex_unlock (&feed->lock);
      g_async_queue_push (feed->done, job);
    }
}

static void
feed_release (Feed *feed, gsize bytes)
{
  g_mutex_lock (&feed->lock);
  feed->held -= MIN (bytes, feed->held);
  g_cond_broadcast (&feed->room);
  g_mutex_unlock (&feed->lock);
}

/* Progress goes to the importer's main context, one update at a time: the
 * numbers of an update not yet delivered are just brought up to date, so
 * that an import of thousands of files does not queue thousands of
 * callbacks for the user interface. */
typedef struct
{
  CrbImporter *importer;
} Progress;

static gboolean
deliver_progress (gpointer data)
{
  Progress *progress = data;
  CrbImporter *self = progress->importer;
  guint done, total;

  g_mutex_lock (&self->progress_lock);
  done = self->progress_done;
  total = self->progress_total;
  self->progress_pending = FALSE;
  g_mutex_unlock (&self->progress_lock);
  g_signal_emit (self, signals[PROGRESS], 0, done, total);
  g_object_unref (self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
report_progress (CrbImporter *self, guint done, guint total)
{
  gboolean post;

  g_mutex_lock (&self->progress_lock);
  self->progress_done = done;
  self->progress_total = total;
  post = !self->progress_pending;
  self->progress_pending = TRUE;
  g_mutex_unlock (&self->progress_lock);
  if (post)
    {
      Progress *progress = g_new0 (Progress, 1);

      progress->importer = g_object_ref (self);
      g_main_context_invoke (self->context, deliver_progress, progress);
    }
}

static void
fail_group (GPtrArray *group, GPtrArray *outcomes, const GError *error)
{
  for (guint i = 0; i < group->len; i++)
    {
      CrbImportJob *job = g_ptr_array_index (group, i);
      CrbImportOutcome *outcome = g_ptr_array_index (outcomes, job->index);

      if (outcome->status == CRB_IMPORT_FAILED)
        continue;
      outcome->status = CRB_IMPORT_FAILED;
      g_clear_pointer (&outcome->document_uuid, g_free);
      g_clear_error (&outcome->error);
      outcome->error = g_error_copy (error);
    }
}

/* Once stored (or given up), a job's text and bytes are not needed; with
 * `free_jobs` the jobs themselves are freed (their outcomes say how it
 * went): an import of thousands of files holds only the group in flight
 * and the outcomes. */
static void
release_group (GPtrArray *group, gboolean free_jobs)
{
  for (guint i = 0; i < group->len; i++)
    {
      CrbImportJob *job = g_ptr_array_index (group, i);

      g_clear_pointer (&job->original, g_bytes_unref);
      g_clear_pointer (&job->packed, g_bytes_unref);
      g_clear_pointer (&job->result, crb_extract_result_free);
      if (free_jobs)
        _crb_import_job_free (job);
    }
  g_ptr_array_set_size (group, 0);
}

static void
store_group (CrbImporter *self, GPtrArray *group, GPtrArray *outcomes, gboolean free_jobs)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  guint stored = 0;

  if (group->len == 0)
    return;
  label = group->len == 1 ? g_strdup ("Import document")
                          : g_strdup_printf ("Import %u documents", group->len);
  if (!_crb_project_begin_action (self->project, label, &error))
    {
      fail_group (group, outcomes, error);
      release_group (group, free_jobs);
      return;
    }
  for (guint i = 0; i < group->len; i++)
    {
      CrbImportJob *job = g_ptr_array_index (group, i);
      CrbImportOutcome *outcome = g_ptr_array_index (outcomes, job->index);

      if (!_crb_import_store_job (self->project, job, self->keep_originals, outcome, &error))
        {
          /* A write that failed (e.g. a full disk) spoils the transaction:
           * the whole group is given up, everything before it is kept. */
          _crb_project_rollback_action (self->project);
          fail_group (group, outcomes, error);
          release_group (group, free_jobs);
          return;
        }
      if (outcome->status != CRB_IMPORT_DUPLICATE)
        stored++;
    }
  if (stored == 0)
    {
      _crb_project_rollback_action (self->project);
    }
  else
    {
      _crb_project_note_change (self->project, CRB_CHANGE_DOCUMENTS);
      if (!_crb_project_commit_action (self->project, &error))
        fail_group (group, outcomes, error);
    }
  release_group (group, free_jobs);
}

GPtrArray *
crb_importer_import (CrbImporter *self, const char * const *sources, GCancellable *cancellable,
                     GError **error)
{
  g_autoptr (GArray) entries = NULL;
  g_autoptr (GPtrArray) group = g_ptr_array_new ();
  g_autoptr (GAsyncQueue) done_queue = g_async_queue_new ();
  GPtrArray *outcomes;
  Feed feed = { self, NULL, done_queue, cancellable };
  GThreadPool *threads;
  gint64 group_started = 0;
  gsize group_bytes = 0;
  guint done = 0, n_workers = MAX (1, g_get_num_processors ());

  g_return_val_if_fail (CRB_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (sources != NULL, NULL);

  entries = expand_sources (sources);
  outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_import_outcome_free);
  for (guint i = 0; i < entries->len; i++)
    {
      CrbImportOutcome *outcome = g_new0 (CrbImportOutcome, 1);

      /* The outcome keeps the source's name; entries and jobs borrow it. */
      outcome->source = g_array_index (entries, Entry, i).source;
      outcome->status = CRB_IMPORT_CANCELLED;
      g_ptr_array_add (outcomes, outcome);
    }
  if (entries->len == 0)
    return outcomes;

  feed.entries = entries;
  self->peak_held = 0;
  g_mutex_init (&feed.lock);
  g_cond_init (&feed.room);
  threads = g_thread_pool_new (feed_worker, &feed, (int) n_workers, TRUE, NULL);
  for (guint i = 0; i < MIN (n_workers, entries->len); i++)
    g_thread_pool_push (threads, GUINT_TO_POINTER (i + 1), NULL);

  while (done < entries->len)
    {
      CrbImportJob *job = g_async_queue_timeout_pop (done_queue, GROUP_MICROSECONDS);

      if (job != NULL)
        {
          CrbImportOutcome *outcome = g_ptr_array_index (outcomes, job->index);

          done++;
          if (job->error != NULL)
            {
              outcome->status = CRB_IMPORT_FAILED;
              outcome->error = g_steal_pointer (&job->error);
              _crb_import_job_free (job);
            }
          else if (job->result != NULL && !g_cancellable_is_cancelled (cancellable))
            {
              if (group->len == 0)
                {
                  group_started = g_get_monotonic_time ();
                  group_bytes = 0;
                }
              group_bytes += job_bytes (job);
              g_ptr_array_add (group, job);
            }
          else
            {
              feed_release (&feed, job_bytes (job));
              _crb_import_job_free (job);
            }
          report_progress (self, done, entries->len);
        }
      if (group->len >= GROUP_DOCUMENTS || group_bytes >= GROUP_BYTES || done == entries->len
          || (group->len > 0 && g_get_monotonic_time () - group_started > GROUP_MICROSECONDS))
        {
          store_group (self, group, outcomes, TRUE);
          feed_release (&feed, group_bytes);
          group_bytes = 0;
        }
    }
  g_thread_pool_free (threads, FALSE, TRUE);
  g_mutex_clear (&feed.lock);
  g_cond_clear (&feed.room);
  return outcomes;
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *outcomes = crb_importer_import (source, task_data, cancellable, &error);

  if (outcomes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, outcomes, (GDestroyNotify) g_ptr_array_unref);
}

void
crb_importer_import_async (CrbImporter *self, const char * const *sources,
                           GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, crb_importer_import_async);
  g_task_set_task_data (task, g_strdupv ((char **) sources), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, import_thread);
}

GPtrArray *
crb_importer_import_finish (CrbImporter *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

CrbImportOutcome *
crb_importer_import_text (CrbImporter *self, const char *text, const char *title, GError **error)
{
  g_autoptr (CrbImportJob) job = g_new0 (CrbImportJob, 1);
  g_autoptr (GPtrArray) group = g_ptr_array_new ();
  g_autoptr (GPtrArray) outcomes = g_ptr_array_new_with_free_func (
      (GDestroyNotify) crb_import_outcome_free);
  CrbImportOutcome *outcome = g_new0 (CrbImportOutcome, 1);

  g_return_val_if_fail (CRB_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  job->source = g_strdup (title ? title : "Pasted text");
  job->path = NULL;
  job->name = g_strdup ("pasted.txt");
  job->original = g_bytes_new (text, strlen (text));
  job->result = crb_extractor_extract (self->extractor, job->original, job->name, "text/plain",
                                       "utf-8", NULL, error);
  if (job->result == NULL)
    {
      crb_import_outcome_free (outcome);
      return NULL;
    }
  if (title && *title)
    {
      g_free (job->result->title);
      job->result->title = g_strdup (title);
    }
  job->original_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  job->original_size = strlen (text);
  job->original_is_text = _crb_import_is_text (job->original, job->result);
  outcome->source = g_strdup (job->source);
  g_ptr_array_add (outcomes, outcome);
  g_ptr_array_add (group, job);
  store_group (self, group, outcomes, FALSE);
  if (outcome->status == CRB_IMPORT_FAILED)
    {
      g_propagate_error (error, g_steal_pointer (&outcome->error));
      return NULL;
    }
  return g_ptr_array_steal_index (outcomes, 0);
}
