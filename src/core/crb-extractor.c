/* crb-extractor.c: a pool of corroborate-extract helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers are persistent: one serves file after file, so a batch does not
 * pay a process (and sandbox) start per file.  At most one helper per core
 * runs at a time; callers beyond that wait for a free one.  A helper that
 * crashes, hangs or hits a limit takes only the current file down with it
 * and is replaced by the next call.
 *
 * Every helper is forked by one long-lived thread of the extractor's own:
 * bubblewrap's --die-with-parent is tied to the thread that forked it, and
 * callers' worker threads come and go.
 */
#define G_LOG_DOMAIN "crb-extractor"

#include "config.h"

#include "crb-extract-protocol.h"
#include "crb-extractor-private.h"
#include "crb-extractor.h"

/* How long a helper that closed its channel gets to finish exiting. */
#define END_GRACE_MS 5000
/* Room for the request's keys, names and framing around the file's bytes. */
#define REQUEST_OVERHEAD ((gsize) 64 * 1024)

struct _CrbExtractor
{
  GObject parent_instance;

  char *helper_path;
  guint max_helpers;

  GMutex   command_lock;
  GStrv    argv; /* decided on first use */
  GStrv    environment;
  gboolean sandboxed;

  GMutex     lock;    /* guards everything below */
  GCond      changed; /* a helper was released or a caller cancelled */
  GPtrArray *idle;    /* CrbHelperProcess, ready for the next file */
  guint      n_running;
  guint      n_started;
  guint      deadline;

  GThreadPool *spawner;
};

G_DEFINE_FINAL_TYPE (CrbExtractor, crb_extractor, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DEADLINE,
  PROP_HELPER_PATH,
  PROP_SANDBOXED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  CrbExtractor     *self;
  GAsyncQueue      *reply;
  CrbHelperProcess *helper;
  GError           *error;
} SpawnJob;

static char *
find_helper (void)
{
  const char      *from_environment = g_getenv ("CORROBORATE_EXTRACT_HELPER");
  g_autofree char *installed = g_build_filename (LIBEXECDIR, "corroborate-extract", NULL);

  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  return g_strdup (BUILD_EXTRACT_HELPER);
}

static void
ensure_command (CrbExtractor *self)
{
  g_mutex_lock (&self->command_lock);
  if (self->argv == NULL)
    {
      self->argv = crb_extractor_sandbox_argv (self->helper_path, &self->sandboxed);
      self->environment = crb_extractor_sandbox_environment ();
    }
  g_mutex_unlock (&self->command_lock);
}

static void
spawn_in_thread (gpointer data, gpointer user_data)
{
  SpawnJob     *job = data;
  CrbExtractor *self = job->self;

  ensure_command (self);
  job->helper = crb_helper_process_spawn ((const char *const *) self->argv,
                                          (const char *const *) self->environment, self->sandboxed,
                                          &job->error);
  g_async_queue_push (job->reply, job);
}

static CrbHelperProcess *
spawn_helper (CrbExtractor *self, GError **error)
{
  SpawnJob job = { self, g_async_queue_new (), NULL, NULL };

  g_thread_pool_push (self->spawner, &job, NULL);
  g_async_queue_pop (job.reply);
  g_async_queue_unref (job.reply);

  if (job.helper != NULL)
    {
      g_mutex_lock (&self->lock);
      self->n_started++;
      g_mutex_unlock (&self->lock);
    }
  else
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_FAILED,
                   "The extraction helper %s could not be started: %s", self->helper_path,
                   job.error->message);
      g_error_free (job.error);
    }
  return job.helper;
}

static void
wake_waiters (GCancellable *cancellable, CrbExtractor *self)
{
  g_mutex_lock (&self->lock);
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
}

static void
release (CrbExtractor *self, CrbHelperProcess *helper, gboolean keep)
{
  g_mutex_lock (&self->lock);
  if (keep && helper != NULL)
    {
      g_ptr_array_add (self->idle, helper);
      helper = NULL;
    }
  self->n_running--;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);

  crb_helper_process_free (helper);
}

/* Waits for a free place, then takes an idle helper or starts one. */
static CrbHelperProcess *
acquire (CrbExtractor *self, GCancellable *cancellable, GError **error)
{
  CrbHelperProcess *helper = NULL;
  GPtrArray *dead = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_helper_process_free);
  gulong     handler = 0;
  gboolean   cancelled;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake_waiters), self, NULL);

  g_mutex_lock (&self->lock);
  while (self->n_running >= self->max_helpers && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait (&self->changed, &self->lock);
  cancelled = g_cancellable_is_cancelled (cancellable);
  if (!cancelled)
    {
      self->n_running++;
      /* Helpers that retired or died while idle are of no use. */
      while (helper == NULL && self->idle->len > 0)
        {
          helper = g_ptr_array_steal_index (self->idle, self->idle->len - 1);
          if (crb_helper_process_has_exited (helper))
            g_ptr_array_add (dead, g_steal_pointer (&helper));
        }
    }
  g_mutex_unlock (&self->lock);

  g_cancellable_disconnect (cancellable, handler);
  g_ptr_array_unref (dead);

  if (cancelled)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  if (helper == NULL && (helper = spawn_helper (self, error)) == NULL)
    release (self, NULL, FALSE);
  return helper;
}

static gint64
file_deadline (CrbExtractor *self)
{
  guint seconds;

  g_mutex_lock (&self->lock);
  seconds = self->deadline;
  g_mutex_unlock (&self->lock);
  return g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
}

/* A reply arrived: the result, or the helper's own error for the file. */
static CrbExtractResult *
take_reply (CrbExtractor *self, CrbHelperProcess *helper, GVariant *response, GError **error)
{
  g_autoptr (GError) local = NULL;
  CrbExtractResult *result;
  gboolean          retire = FALSE;

  result = crb_extract_response_parse (response, &retire, &local);
  if (result == NULL && local->domain != CRB_EXTRACT_ERROR)
    {
      /* A helper that breaks the protocol is not trusted with another file. */
      release (self, helper, FALSE);
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_FAILED,
                   "The extraction helper sent a malformed reply: %s", local->message);
      return NULL;
    }

  release (self, helper, !retire);
  if (result == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return result;
}

CrbExtractResult *
crb_extractor_extract (CrbExtractor *self, GBytes *bytes, const char *name_hint,
                       const char *content_type, const char *charset, GCancellable *cancellable,
                       GError **error)
{
  g_autoptr (GVariant) request = NULL;
  g_autoptr (GBytes) frame = NULL;
  CrbHelperProcess *helper;

  g_return_val_if_fail (CRB_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Checked on the bytes first, so that a huge file is not copied into a
   * frame only to be refused. */
  if (g_bytes_get_size (bytes) > CRB_EXTRACT_MAX_REQUEST - REQUEST_OVERHEAD)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE,
                   "This file is larger than the %" G_GSIZE_FORMAT " MiB that can be imported",
                   CRB_EXTRACT_MAX_REQUEST / (1024 * 1024));
      return NULL;
    }
  request = crb_extract_request_new (bytes, name_hint, content_type, charset);
  frame = crb_extract_frame_encode (request);
  if (g_bytes_get_size (frame) - CRB_EXTRACT_FRAME_HEADER_SIZE > CRB_EXTRACT_MAX_REQUEST)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE,
                   "This file is larger than the %" G_GSIZE_FORMAT " MiB that can be imported",
                   CRB_EXTRACT_MAX_REQUEST / (1024 * 1024));
      return NULL;
    }
  g_clear_pointer (&request, g_variant_unref);

  helper = acquire (self, cancellable, error);
  if (helper == NULL)
    return NULL;

  for (guint attempt = 0;; attempt++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (GVariant) response = NULL;
      gboolean reused = crb_helper_process_get_n_requests (helper) > 0;
      gboolean got_reply = FALSE;
      guint    deadline = crb_extractor_get_deadline (self);

      response = crb_helper_process_exchange (helper, frame, file_deadline (self), cancellable,
                                              &got_reply, &local);
      if (response != NULL)
        return take_reply (self, helper, response, error);

      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          crb_helper_process_kill (helper);
          release (self, helper, FALSE);
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        {
          crb_helper_process_kill (helper);
          release (self, helper, FALSE);
          g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TIMEOUT,
                       "Reading this file took longer than %u seconds; it was stopped", deadline);
          return NULL;
        }
      if (got_reply)
        {
          /* Garbage or half a reply: whatever the helper is doing, stop it. */
          crb_helper_process_kill (helper);
          release (self, helper, FALSE);
          g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_CRASHED,
                       "The extraction helper broke off its reply: %s", local->message);
          return NULL;
        }

      g_clear_error (&local);
      if (crb_helper_process_explain_end (helper, END_GRACE_MS, &local))
        {
          release (self, helper, FALSE);
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }

      /* It had exited cleanly before our request: it retired while idle.
       * The file never reached a working helper, so it gets a fresh one. */
      g_debug ("The extraction helper had retired; starting another for this file");
      crb_helper_process_free (helper);
      if (!reused || attempt > 0 || (helper = spawn_helper (self, error)) == NULL)
        {
          release (self, NULL, FALSE);
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_CRASHED,
                                 "The extraction helper ended without answering");
          return NULL;
        }
    }
}

CrbExtractResult *
crb_extractor_extract_file (CrbExtractor *self, GFile *file, const char *content_type,
                            GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CRB_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  /* Refused before it is read into memory. */
  if ((guint64) g_file_info_get_size (info) > CRB_EXTRACT_MAX_REQUEST - REQUEST_OVERHEAD)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE,
                   "This file is larger than the %" G_GSIZE_FORMAT " MiB that can be imported",
                   CRB_EXTRACT_MAX_REQUEST / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  name = g_file_get_basename (file);
  return crb_extractor_extract (self, bytes, name, content_type, NULL, cancellable, error);
}

guint
crb_extractor_get_deadline (CrbExtractor *self)
{
  guint seconds;

  g_return_val_if_fail (CRB_IS_EXTRACTOR (self), 0);

  g_mutex_lock (&self->lock);
  seconds = self->deadline;
  g_mutex_unlock (&self->lock);
  return seconds;
}

void
crb_extractor_set_deadline (CrbExtractor *self, guint seconds)
{
  gboolean changed;

  g_return_if_fail (CRB_IS_EXTRACTOR (self));
  g_return_if_fail (seconds > 0);

  g_mutex_lock (&self->lock);
  changed = self->deadline != seconds;
  self->deadline = seconds;
  g_mutex_unlock (&self->lock);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

gboolean
crb_extractor_get_sandboxed (CrbExtractor *self)
{
  g_return_val_if_fail (CRB_IS_EXTRACTOR (self), FALSE);

  ensure_command (self);
  return self->sandboxed;
}

guint
crb_extractor_get_max_helpers (CrbExtractor *self)
{
  g_return_val_if_fail (CRB_IS_EXTRACTOR (self), 0);

  return self->max_helpers;
}

guint
crb_extractor_get_n_started (CrbExtractor *self)
{
  guint n;

  g_return_val_if_fail (CRB_IS_EXTRACTOR (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_started;
  g_mutex_unlock (&self->lock);
  return n;
}

const char *
crb_extractor_get_helper_path (CrbExtractor *self)
{
  g_return_val_if_fail (CRB_IS_EXTRACTOR (self), NULL);

  return self->helper_path;
}

CrbExtractor *
crb_extractor_new (void)
{
  return g_object_new (CRB_TYPE_EXTRACTOR, NULL);
}

static void
crb_extractor_finalize (GObject *object)
{
  CrbExtractor *self = CRB_EXTRACTOR (object);

  g_warn_if_fail (self->n_running == 0);
  g_ptr_array_unref (self->idle);
  /* Ends the forking thread, and with it any sandbox still running. */
  g_thread_pool_free (self->spawner, FALSE, TRUE);
  g_strfreev (self->argv);
  g_strfreev (self->environment);
  g_free (self->helper_path);
  g_mutex_clear (&self->command_lock);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);

  G_OBJECT_CLASS (crb_extractor_parent_class)->finalize (object);
}

static void
crb_extractor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbExtractor *self = CRB_EXTRACTOR (object);

  switch (prop_id)
    {
    case PROP_DEADLINE:
      g_value_set_uint (value, crb_extractor_get_deadline (self));
      break;
    case PROP_HELPER_PATH:
      g_value_set_string (value, self->helper_path);
      break;
    case PROP_SANDBOXED:
      g_value_set_boolean (value, crb_extractor_get_sandboxed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_extractor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrbExtractor *self = CRB_EXTRACTOR (object);

  switch (prop_id)
    {
    case PROP_DEADLINE:
      crb_extractor_set_deadline (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_extractor_class_init (CrbExtractorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crb_extractor_finalize;
  object_class->get_property = crb_extractor_get_property;
  object_class->set_property = crb_extractor_set_property;

  properties[PROP_DEADLINE] =
      g_param_spec_uint ("deadline", NULL, NULL, 1, G_MAXUINT, CRB_EXTRACTOR_DEFAULT_DEADLINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELPER_PATH] = g_param_spec_string ("helper-path", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOXED] = g_param_spec_boolean ("sandboxed", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_extractor_init (CrbExtractor *self)
{
  g_autoptr (GError) error = NULL;

  self->helper_path = find_helper ();
  self->max_helpers = MAX (1, g_get_num_processors ());
  self->deadline = CRB_EXTRACTOR_DEFAULT_DEADLINE;
  self->idle = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_helper_process_free);
  g_mutex_init (&self->command_lock);
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);

  self->spawner = g_thread_pool_new (spawn_in_thread, NULL, 1, TRUE, &error);
  if (self->spawner == NULL)
    g_error ("Cannot start the extraction helpers' thread: %s", error->message);
}
