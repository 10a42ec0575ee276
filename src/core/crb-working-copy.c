/* crb-working-copy.c: work on a private copy where the file cannot be locked
 *
 * Inside Flatpak a project arrives as a document-portal path, and SQLite
 * fails on that FUSE file system with the portals Debian 12 ships
 * (ecosystem.md §0.2); NFS without a lock daemon refuses locks too.  There
 * the project is copied into the user's cache folder, opened like any
 * project, and written back after each burst of changes and on close: a
 * checked VACUUM INTO in the private folder, its bytes written to a new
 * file beside the original and renamed over it, or, where the folder takes
 * no new files, written into the original in place.
 * The copy is never deleted before its content reached the original, and
 * an original that someone else changed meanwhile is never overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-working-copy"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crb-project-private.h"
#include "crb-storage.h"
#include "crb-working-copy-private.h"
#include "crb-working-copy.h"

#define DEFAULT_DELAY_MS 2000
#define STATE_GROUP "working-copy"

struct _CrbWorkingCopy
{
  GObject parent_instance;

  char         *original;
  char         *folder; /* private to this original, in the cache */
  char         *path;   /* the copy, named like the original */
  char         *set_aside;
  CrbProject   *project;
  GMainContext *context;
  int           lock_fd;
  gulong        changed_id;
  gboolean      closed;

  /* Main context only. */
  GError  *error;
  guint    delay;
  guint    timeout_id;
  gboolean running;
  gboolean again;
  gboolean dirty;

  gint         generation;         /* changes seen; atomic */
  GMutex       writing;            /* held for a whole write-back */
  gint         written_generation; /* under `writing` */
  GMutex       state_mutex;        /* the state file, `stamp`, `pending_on_disk` */
  CrbFileStamp stamp;
  gboolean     pending_on_disk;
};

G_DEFINE_FINAL_TYPE (CrbWorkingCopy, crb_working_copy, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DIRTY,
  PROP_ERROR,
  PROP_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_working_copy_dispose (GObject *object)
{
  CrbWorkingCopy *self = CRB_WORKING_COPY (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->project)
    g_clear_signal_handler (&self->changed_id, self->project);
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
  g_clear_object (&self->project);
  G_OBJECT_CLASS (crb_working_copy_parent_class)->dispose (object);
}

static void
crb_working_copy_finalize (GObject *object)
{
  CrbWorkingCopy *self = CRB_WORKING_COPY (object);

  g_free (self->original);
  g_free (self->folder);
  g_free (self->path);
  g_free (self->set_aside);
  g_clear_error (&self->error);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->writing);
  g_mutex_clear (&self->state_mutex);
  G_OBJECT_CLASS (crb_working_copy_parent_class)->finalize (object);
}

static void
crb_working_copy_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbWorkingCopy *self = CRB_WORKING_COPY (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_working_copy_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DELAY:
      crb_working_copy_set_delay (CRB_WORKING_COPY (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_working_copy_class_init (CrbWorkingCopyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crb_working_copy_dispose;
  object_class->finalize = crb_working_copy_finalize;
  object_class->get_property = crb_working_copy_get_property;
  object_class->set_property = crb_working_copy_set_property;

  properties[PROP_DIRTY] =
      g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
      g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
      g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_DELAY_MS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_working_copy_init (CrbWorkingCopy *self)
{
  self->lock_fd = -1;
  self->delay = DEFAULT_DELAY_MS;
  g_mutex_init (&self->writing);
  g_mutex_init (&self->state_mutex);
}

static char *
state_path (CrbWorkingCopy *self)
{
  return g_build_filename (self->folder, "state.ini", NULL);
}

/* Called with state_mutex held. */
static void
save_state (CrbWorkingCopy *self, gboolean pending)
{
  g_autoptr (GKeyFile) state = g_key_file_new ();
  g_autofree char *file = state_path (self);
  g_autoptr (GError) error = NULL;

  g_key_file_set_string (state, STATE_GROUP, "original", self->original);
  g_key_file_set_int64 (state, STATE_GROUP, "size", self->stamp.size);
  g_key_file_set_int64 (state, STATE_GROUP, "mtime-ns", self->stamp.mtime_ns);
  g_key_file_set_boolean (state, STATE_GROUP, "pending", pending);
  /* Without the record a crash loses only the automatic recovery. */
  if (!g_key_file_save_to_file (state, file, &error))
    g_message ("Cannot record the state of %s: %s", self->path, error->message);
  self->pending_on_disk = pending;
}

/* The folder of the copies of `original`: one per original, so that the
 * copy keeps the original's name (and the undo history its place). */
static char *
folder_for (const char *original)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, original, -1);

  digest[32] = '\0';
  return g_build_filename (g_get_user_cache_dir (), "corroborate", "working", digest, NULL);
}

static gboolean
take_folder_lock (CrbWorkingCopy *self, GError **error)
{
  g_autofree char *file = g_build_filename (self->folder, "lock", NULL);
  struct flock     lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

  self->lock_fd = g_open (file, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                   "Cannot prepare a working copy in %s: %s", self->folder, g_strerror (errno));
      return FALSE;
    }
  if (fcntl (self->lock_fd, F_OFD_SETLK, &lock) != 0)
    {
      g_autofree char *name = g_filename_display_basename (self->original);

      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_ALREADY_OPEN,
                   "“%s” is already open in another Corroborate window or program. Switch to "
                   "that window, or close it first.",
                   name);
      return FALSE;
    }
  return TRUE;
}

/* Work that an earlier session never wrote back: kept if the original is
 * as it was then, else moved where the analyst can find it. */
static gboolean
recover_leftover (CrbWorkingCopy *self)
{
  g_autoptr (GKeyFile) state = g_key_file_new ();
  g_autofree char *file = state_path (self);
  g_autofree char *recorded = NULL;
  CrbFileStamp     then, now;

  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR) ||
      !g_key_file_load_from_file (state, file, G_KEY_FILE_NONE, NULL) ||
      !g_key_file_get_boolean (state, STATE_GROUP, "pending", NULL))
    return FALSE;
  recorded = g_key_file_get_string (state, STATE_GROUP, "original", NULL);
  then.size = g_key_file_get_int64 (state, STATE_GROUP, "size", NULL);
  then.mtime_ns = g_key_file_get_int64 (state, STATE_GROUP, "mtime-ns", NULL);

  if (g_strcmp0 (recorded, self->original) == 0 &&
      _crb_file_stamp_read (self->original, &now, NULL) && _crb_file_stamp_equal (&then, &now))
    {
      self->stamp = then;
      return TRUE;
    }
  self->set_aside = _crb_working_copy_set_aside (self->path, self->original);
  return FALSE;
}

static gboolean
write_back_now (CrbWorkingCopy *self, gint generation, GError **error)
{
  g_autofree char *name = g_filename_display_basename (self->original);
  CrbFileStamp     now, before;
  gboolean         ok;

  g_mutex_lock (&self->writing);
  if (self->written_generation >= generation)
    {
      g_mutex_unlock (&self->writing);
      return TRUE;
    }

  g_mutex_lock (&self->state_mutex);
  before = self->stamp;
  g_mutex_unlock (&self->state_mutex);

  ok = _crb_file_stamp_read (self->original, &now, error);
  if (ok && !_crb_file_stamp_equal (&before, &now))
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_CONFLICT,
                   "“%s” was changed by another program after Corroborate opened it, so your "
                   "changes were not written into it. They are safe in Corroborate: use Save a "
                   "Copy to keep them in a new file.",
                   name);
      ok = FALSE;
    }
  if (ok)
    ok = _crb_working_copy_replace (self->project, self->original, self->folder, error) &&
         _crb_file_stamp_read (self->original, &now, error);

  if (ok)
    {
      self->written_generation = generation;
      g_mutex_lock (&self->state_mutex);
      self->stamp = now;
      /* A change counted after the copy was made keeps the work pending. */
      save_state (self, g_atomic_int_get (&self->generation) != generation);
      g_mutex_unlock (&self->state_mutex);
    }
  g_mutex_unlock (&self->writing);
  return ok;
}

/* Main context: publishes the outcome of a write-back. */
static void
finish_write_back (CrbWorkingCopy *self, GError *error)
{
  gboolean dirty;

  g_mutex_lock (&self->writing);
  dirty = self->written_generation != g_atomic_int_get (&self->generation);
  g_mutex_unlock (&self->writing);

  if (error || self->error)
    {
      g_clear_error (&self->error);
      self->error = error ? g_error_copy (error) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void start_write_back (CrbWorkingCopy *self);

static void
write_back_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_back_now (source, GPOINTER_TO_INT (task_data), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_back_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbWorkingCopy *self = CRB_WORKING_COPY (source);
  g_autoptr (GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  self->running = FALSE;
  if (self->closed)
    return;
  finish_write_back (self, error);
  if (self->again)
    {
      self->again = FALSE;
      start_write_back (self);
    }
}

static void
start_write_back (CrbWorkingCopy *self)
{
  g_autoptr (GTask) task = NULL;
  gint generation = g_atomic_int_get (&self->generation);

  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  self->running = TRUE;
  task = g_task_new (self, NULL, write_back_done, NULL);
  g_task_set_source_tag (task, start_write_back);
  g_task_set_task_data (task, GINT_TO_POINTER (generation), NULL);
  g_task_run_in_thread (task, write_back_thread);
}

static gboolean
delay_elapsed (gpointer user_data)
{
  CrbWorkingCopy *self = user_data;

  self->timeout_id = 0;
  start_write_back (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed (CrbWorkingCopy *self, CrbChangeFlags changes)
{
  GSource *source;

  g_atomic_int_inc (&self->generation);
  g_mutex_lock (&self->state_mutex);
  if (!self->pending_on_disk)
    save_state (self, TRUE);
  g_mutex_unlock (&self->state_mutex);

  if (!self->dirty)
    {
      self->dirty = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  /* Wait for a pause: a burst of edits costs one write-back. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  source = g_timeout_source_new (self->delay);
  g_source_set_callback (source, delay_elapsed, self, NULL);
  g_source_set_static_name (source, "[crb] working copy write-back");
  self->timeout_id = g_source_attach (source, self->context);
  g_source_unref (source);
}

static CrbWorkingCopy *
working_copy_open (const char *path, GMainContext *context, GError **error)
{
  g_autoptr (CrbWorkingCopy) self = g_object_new (CRB_TYPE_WORKING_COPY, NULL);
  g_autofree char *base = NULL;
  gboolean         recovered;

  self->original = g_canonicalize_filename (path, NULL);
  self->folder = folder_for (self->original);
  self->context = g_main_context_ref (context);
  base = g_path_get_basename (self->original);
  self->path = g_build_filename (self->folder, base, NULL);

  if (g_access (self->original, W_OK) != 0)
    {
      int              saved = errno;
      g_autofree char *name = g_filename_display_basename (self->original);

      g_set_error (error, CRB_PROJECT_ERROR,
                   saved == ENOENT ? CRB_PROJECT_ERROR_NOT_FOUND : CRB_PROJECT_ERROR_READ_ONLY,
                   saved == ENOENT ? "There is no project file “%s”." : "Cannot open “%s”: %s",
                   name, g_strerror (saved));
      return NULL;
    }
  if (g_mkdir_with_parents (self->folder, 0700) != 0)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                   "Cannot prepare a working copy in %s: %s", self->folder, g_strerror (errno));
      return NULL;
    }
  if (!take_folder_lock (self, error))
    return NULL;

  recovered = recover_leftover (self);
  if (!recovered && !_crb_working_copy_copy_in (self->original, self->path, &self->stamp, error))
    return NULL;
  g_mutex_lock (&self->state_mutex);
  save_state (self, recovered);
  g_mutex_unlock (&self->state_mutex);

  self->project = crb_project_open (self->path, error);
  if (self->project == NULL)
    {
      /* A fresh copy of a file that cannot be opened is worth nothing. */
      if (!recovered)
        g_unlink (self->path);
      return NULL;
    }
  self->changed_id =
      g_signal_connect_swapped (self->project, "changed", G_CALLBACK (project_changed), self);

  if (recovered)
    {
      g_autoptr (GError) local_error = NULL;

      g_info ("Writing back the unsaved work of an earlier session to %s", self->original);
      self->generation = 1;
      self->dirty = !write_back_now (self, 1, &local_error);
      self->error = g_steal_pointer (&local_error);
    }
  return g_steal_pointer (&self);
}

static gboolean
lock_may_fail (const char *path)
{
  switch (crb_storage_classify (path, NULL))
    {
    case CRB_STORAGE_NETWORK:
    case CRB_STORAGE_PORTAL:
    case CRB_STORAGE_USER_SPACE:
      return TRUE;
    case CRB_STORAGE_LOCAL:
    case CRB_STORAGE_SYNCED:
    default:
      return FALSE;
    }
}

static CrbProject *
open_with_fallback (const char *path, GMainContext *context, CrbWorkingCopy **working_copy,
                    GError **error)
{
  g_autoptr (GError) local_error = NULL;
  CrbWorkingCopy *copy;
  CrbProject     *project;

  *working_copy = NULL;
  if (!crb_working_copy_is_needed (path))
    {
      project = crb_project_open (path, &local_error);
      if (project)
        return project;
      /* An I/O failure on a file system that is not a local disk is most
       * likely its locking: try the private copy before giving up. */
      if (!g_error_matches (local_error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED) ||
          !lock_may_fail (path))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_info ("Opening %s through a working copy: %s", path, local_error->message);
    }

  copy = working_copy_open (path, context, error);
  if (copy == NULL)
    return NULL;
  *working_copy = copy;
  return g_object_ref (copy->project);
}

CrbProject *
crb_project_open_with_fallback (const char *path, CrbWorkingCopy **working_copy, GError **error)
{
  g_autoptr (GMainContext) context = g_main_context_ref_thread_default ();

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (working_copy != NULL, NULL);

  return open_with_fallback (path, context, working_copy, error);
}

typedef struct
{
  CrbProject     *project;
  CrbWorkingCopy *working_copy;
} Opened;

static void
opened_free (Opened *opened)
{
  g_clear_object (&opened->project);
  g_clear_object (&opened->working_copy);
  g_free (opened);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Opened *opened = g_new0 (Opened, 1);
  GError *error = NULL;

  opened->project =
      open_with_fallback (task_data, g_task_get_context (task), &opened->working_copy, &error);
  if (opened->project == NULL)
    {
      opened_free (opened);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, opened, (GDestroyNotify) opened_free);
}

void
crb_project_open_with_fallback_async (const char *path, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (path != NULL);

  g_task_set_source_tag (task, crb_project_open_with_fallback_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

CrbProject *
crb_project_open_with_fallback_finish (GAsyncResult *result, CrbWorkingCopy **working_copy,
                                       GError **error)
{
  Opened     *opened;
  CrbProject *project;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (working_copy != NULL, NULL);

  *working_copy = NULL;
  opened = g_task_propagate_pointer (G_TASK (result), error);
  if (opened == NULL)
    return NULL;
  project = g_steal_pointer (&opened->project);
  *working_copy = g_steal_pointer (&opened->working_copy);
  opened_free (opened);
  return project;
}

CrbProject *
crb_working_copy_get_project (CrbWorkingCopy *self)
{
  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), NULL);
  return self->project;
}

const char *
crb_working_copy_get_original_path (CrbWorkingCopy *self)
{
  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), NULL);
  return self->original;
}

const char *
crb_working_copy_get_path (CrbWorkingCopy *self)
{
  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), NULL);
  return self->path;
}

gboolean
crb_working_copy_get_dirty (CrbWorkingCopy *self)
{
  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), FALSE);
  return self->dirty;
}

const GError *
crb_working_copy_get_error (CrbWorkingCopy *self)
{
  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), NULL);
  return self->error;
}

const char *
crb_working_copy_get_set_aside_path (CrbWorkingCopy *self)
{
  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), NULL);
  return self->set_aside;
}

guint
crb_working_copy_get_delay (CrbWorkingCopy *self)
{
  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), 0);
  return self->delay;
}

void
crb_working_copy_set_delay (CrbWorkingCopy *self, guint delay)
{
  g_return_if_fail (CRB_IS_WORKING_COPY (self));

  if (self->delay == delay)
    return;
  self->delay = delay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

gboolean
crb_working_copy_write_back (CrbWorkingCopy *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), FALSE);

  if (self->closed)
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                           "The project is closed.");
      return FALSE;
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  ok = write_back_now (self, g_atomic_int_get (&self->generation), &local_error);
  finish_write_back (self, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

gboolean
crb_working_copy_close (CrbWorkingCopy *self, GError **error)
{
  g_autofree char *state = NULL;
  gboolean         ok;

  g_return_val_if_fail (CRB_IS_WORKING_COPY (self), FALSE);

  if (self->closed)
    return TRUE;
  ok = crb_working_copy_write_back (self, error);
  self->closed = TRUE;
  g_clear_signal_handler (&self->changed_id, self->project);
  crb_project_close (self->project);

  if (ok)
    {
      state = state_path (self);
      g_unlink (self->path);
      g_unlink (state);
    }
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
  return ok;
}
