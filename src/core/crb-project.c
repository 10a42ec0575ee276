/* crb-project.c: an open project — connection, actions, notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "crb-copy-private.h"
#include "crb-fts-private.h"
#include "crb-history-private.h"
#include "crb-merge-log-private.h"
#include "crb-project-file.h"
#include "crb-project-private.h"
#include "crb-schema.h"
#include "crb-undo-private.h"
#include "crb-util.h"

struct _CrbProject
{
  GObject         parent_instance;

  char           *path;
  char           *uuid;
  char           *author;
  CrbProjectFile  file;
  GRecMutex       mutex;
  GHashTable     *statements;   /* SQL text → sqlite3_stmt */
  GMainContext   *context;      /* where notifications are delivered */

  /* The running action, if any. */
  sqlite3_session *session;
  char           *action_label;
  CrbChangeFlags  action_changes;
  GPtrArray      *action_outside; /* revision UUIDs written outside the changeset */
  char          **changed_claims; /* while CrbProject::changed is emitted */
  gboolean        in_action;

  gboolean        can_undo;
  gboolean        can_redo;
};

G_DEFINE_FINAL_TYPE (CrbProject, crb_project, G_TYPE_OBJECT)
G_DEFINE_QUARK (crb-project-error-quark, crb_project_error)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_AUTHOR,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Projects open in this process, by inode, so that a second window on the
 * same file is refused before anything touches it (closing a descriptor
 * would drop SQLite's POSIX locks of the first). */
static GMutex open_files_mutex;
static GHashTable *open_files;

static char *
file_key (dev_t device, ino_t inode)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) device,
                          (guint64) inode);
}

static void
crb_project_finalize (GObject *object)
{
  CrbProject *self = CRB_PROJECT (object);

  crb_project_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->uuid);
  g_free (self->author);
  g_rec_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (crb_project_parent_class)->finalize (object);
}

static void
crb_project_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbProject *self = CRB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_project_set_property (GObject *object, guint prop_id, const GValue *value,
                          GParamSpec *pspec)
{
  CrbProject *self = CRB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      crb_project_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_project_class_init (CrbProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crb_project_finalize;
  object_class->get_property = crb_project_get_property;
  object_class->set_property = crb_project_set_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                     | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                        | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                        | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrbProject::changed:
   * @changes: the #CrbChangeFlags of what an action, undo or redo touched
   *
   * Emitted in the main context the project was opened from.  Which
   * claims changed, when known, is told by
   * crb_project_get_changed_claims() during the emission.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
crb_project_init (CrbProject *self)
{
  g_rec_mutex_init (&self->mutex);
  self->file.lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->context = g_main_context_ref_thread_default ();
}

static char *
default_author (void)
{
  const char *name = g_getenv ("CORROBORATE_AUTHOR");

  if (name && *name)
    return g_strdup (name);
  name = g_get_real_name ();
  if (name && *name && g_strcmp0 (name, "Unknown") != 0)
    return g_strdup (name);
  return g_strdup (g_get_user_name ());
}

static gboolean
read_uuid (CrbProject *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->file.db, "SELECT value FROM project_info WHERE key = 'uuid'", -1,
                          &stmt, NULL)
          == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->uuid = crb_column_dup (stmt, 0);
      return TRUE;
    }
  g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DAMAGED,
                       "The project file lacks its identity record; it is damaged.");
  return FALSE;
}

static void update_undo_state (CrbProject *self);

CrbProject *
crb_project_open (const char *path, GError **error)
{
  g_autoptr (CrbProject) self = NULL;
  g_autofree char *key = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0)
    {
      key = file_key (st.st_dev, st.st_ino);
      g_mutex_lock (&open_files_mutex);
      if (open_files && g_hash_table_contains (open_files, key))
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_mutex_unlock (&open_files_mutex);
          g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_ALREADY_OPEN,
                       "“%s” is already open in another Corroborate window.", name);
          return NULL;
        }
      g_mutex_unlock (&open_files_mutex);
    }

  self = g_object_new (CRB_TYPE_PROJECT, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->author = default_author ();

  if (!_crb_project_file_open (path, &self->file, error) || !read_uuid (self, error)
      || !_crb_history_attach (self->file.db, self->uuid, self->path, error))
    {
      _crb_project_file_close (&self->file);
      return NULL;
    }

  g_mutex_lock (&open_files_mutex);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (open_files, file_key (self->file.device, self->file.inode));
  g_mutex_unlock (&open_files_mutex);

  update_undo_state (self);
  return g_steal_pointer (&self);
}

CrbProject *
crb_project_create (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!_crb_project_file_create (path, error))
    return NULL;
  return crb_project_open (path, error);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  CrbProject *project = crb_project_open (task_data, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

void
crb_project_open_async (const char *path, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, crb_project_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

CrbProject *
crb_project_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
crb_project_close (CrbProject *self)
{
  g_return_if_fail (CRB_IS_PROJECT (self));

  g_rec_mutex_lock (&self->mutex);
  if (self->file.db != NULL)
    {
      g_autofree char *key = file_key (self->file.device, self->file.inode);

      if (self->in_action)
        _crb_project_rollback_action (self);
      g_hash_table_remove_all (self->statements);
      _crb_project_file_close (&self->file);

      g_mutex_lock (&open_files_mutex);
      if (open_files)
        g_hash_table_remove (open_files, key);
      g_mutex_unlock (&open_files_mutex);
    }
  g_rec_mutex_unlock (&self->mutex);
}

gboolean
crb_project_is_closed (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), TRUE);
  return self->file.db == NULL;
}

const char *
crb_project_get_path (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->path;
}

const char *
crb_project_get_uuid (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->uuid;
}

const char *
crb_project_get_author (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->author;
}

void
crb_project_set_author (CrbProject *self, const char *author)
{
  g_return_if_fail (CRB_IS_PROJECT (self));

  if (author == NULL || *author == '\0' || g_strcmp0 (author, self->author) == 0)
    return;
  g_rec_mutex_lock (&self->mutex);
  g_free (self->author);
  self->author = g_strdup (author);
  g_rec_mutex_unlock (&self->mutex);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

sqlite3 *
_crb_project_get_db (CrbProject *self)
{
  return self->file.db;
}

void
_crb_project_lock (CrbProject *self)
{
  g_rec_mutex_lock (&self->mutex);
}

void
_crb_project_unlock (CrbProject *self)
{
  g_rec_mutex_unlock (&self->mutex);
}

gint64
_crb_project_now (CrbProject *self)
{
  return crb_now_ms ();
}

void
_crb_project_set_sqlite_error (CrbProject *self, GError **error, int rc, const char *what)
{
  int code;
  const char *detail = self->file.db ? sqlite3_errmsg (self->file.db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DISK_FULL,
                   "The disk is full: %s was not saved. Free some space and try again; "
                   "everything saved before is safe.",
                   what);
      return;
    case SQLITE_READONLY:
      code = CRB_PROJECT_ERROR_READ_ONLY;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = CRB_PROJECT_ERROR_DAMAGED;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CRB_PROJECT_ERROR_ALREADY_OPEN;
      break;
    case SQLITE_CONSTRAINT:
      code = CRB_PROJECT_ERROR_INVALID;
      break;
    default:
      code = CRB_PROJECT_ERROR_FAILED;
    }
  g_set_error (error, CRB_PROJECT_ERROR, code, "Could not save %s: %s", what, detail);
}

sqlite3_stmt *
_crb_project_prepare (CrbProject *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->file.db == NULL)
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                           "The project is closed.");
      return NULL;
    }
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->file.db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _crb_project_set_sqlite_error (self, error, rc, "the query");
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_crb_project_step_done (CrbProject *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  _crb_project_set_sqlite_error (self, error, rc, what);
  return FALSE;
}

static int
session_table_filter (void *data, const char *table)
{
  const char * const *tables = crb_schema_record_tables ();

  if (g_strcmp0 (table, "original") == 0 || _crb_merge_log_tracks (table))
    return 1;
  for (guint i = 0; tables[i]; i++)
    if (g_strcmp0 (table, tables[i]) == 0)
      return 1;
  return 0;
}

gboolean
_crb_project_begin_action (CrbProject *self, const char *label, GError **error)
{
  int rc;

  g_rec_mutex_lock (&self->mutex);
  if (self->file.db == NULL)
    {
      g_rec_mutex_unlock (&self->mutex);
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FAILED,
                           "The project is closed.");
      return FALSE;
    }
  g_assert (!self->in_action);

  rc = sqlite3_exec (self->file.db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3session_create (self->file.db, "main", &self->session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (self->session, session_table_filter, NULL);
      rc = sqlite3session_attach (self->session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      _crb_project_set_sqlite_error (self, error, rc, label);
      g_clear_pointer (&self->session, sqlite3session_delete);
      sqlite3_exec (self->file.db, "ROLLBACK", NULL, NULL, NULL);
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }
  self->in_action = TRUE;
  self->action_label = g_strdup (label);
  self->action_changes = 0;
  self->action_outside = g_ptr_array_new_with_free_func (g_free);
  return TRUE;
}

void
_crb_project_set_outside (CrbProject *self, gboolean outside)
{
  g_assert (self->in_action);
  sqlite3session_enable (self->session, outside ? 0 : 1);
}

void
_crb_project_note_outside_revision (CrbProject *self, const char *revision_uuid)
{
  g_assert (self->in_action);
  g_ptr_array_add (self->action_outside, g_strdup (revision_uuid));
}

gboolean
_crb_project_in_action (CrbProject *self)
{
  return self->in_action;
}

void
_crb_project_note_change (CrbProject *self, CrbChangeFlags changes)
{
  self->action_changes |= changes;
}

static void
finish_action (CrbProject *self)
{
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->action_label, g_free);
  g_clear_pointer (&self->action_outside, g_ptr_array_unref);
  self->in_action = FALSE;
}

typedef struct
{
  CrbProject    *project;
  CrbChangeFlags changes;
  char         **claims;
} Notification;

static gboolean
deliver_changed (gpointer data)
{
  Notification *notification = data;
  CrbProject *self = notification->project;
  char **outer = self->changed_claims;

  update_undo_state (self);
  self->changed_claims = notification->claims;
  if (notification->changes != 0)
    g_signal_emit (self, signals[CHANGED], 0, (guint) notification->changes);
  self->changed_claims = outer;
  g_strfreev (notification->claims);
  g_object_unref (self);
  g_free (notification);
  return G_SOURCE_REMOVE;
}

void
_crb_project_emit_changes (CrbProject *self, CrbChangeFlags changes, char **claims)
{
  Notification *notification = g_new0 (Notification, 1);

  notification->project = g_object_ref (self);
  notification->changes = changes;
  notification->claims = claims;
  g_main_context_invoke (self->context, deliver_changed, notification);
}

void
_crb_project_emit_changed (CrbProject *self, CrbChangeFlags changes)
{
  _crb_project_emit_changes (self, changes, NULL);
}

/**
 * crb_project_get_changed_claims:
 *
 * While #CrbProject::changed is emitted: the UUIDs of the claims that the
 * change inserted, edited or deleted, when they are known and few, so that
 * a view can update just those.  %NULL when they are not known (then any
 * claim may have changed).
 *
 * Returns: (transfer none) (nullable): a %NULL-terminated array
 */
const char * const *
crb_project_get_changed_claims (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return (const char * const *) self->changed_claims;
}

gboolean
_crb_project_commit_action (CrbProject *self, GError **error)
{
  g_auto (GStrv) claims = NULL;
  void *changeset = NULL;
  int size = 0;
  int rc;
  CrbChangeFlags changes;

  g_assert (self->in_action);

  rc = sqlite3session_changeset (self->session, &size, &changeset);
  if (rc == SQLITE_OK && size > 0 && !_crb_merge_log_action (self, &changeset, &size, error))
    {
      sqlite3_free (changeset);
      _crb_project_rollback_action (self);
      return FALSE;
    }
  if (rc == SQLITE_OK && (size > 0 || self->action_outside->len > 0))
    {
      if (size > 0)
        {
          self->action_changes |= _crb_undo_changes_of (changeset, size);
          claims = _crb_undo_claims_of (self->file.db, changeset, size);
        }
      /* What the history deletes (revisions that can no longer be redone)
       * is not part of this action. */
      sqlite3session_enable (self->session, 0);
      if (!_crb_history_push (self->file.db, self->action_label, changeset, size,
                              self->action_outside, error))
        {
          sqlite3_free (changeset);
          _crb_project_rollback_action (self);
          return FALSE;
        }
    }
  sqlite3_free (changeset);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->file.db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _crb_project_set_sqlite_error (self, error, rc, self->action_label);
      _crb_project_rollback_action (self);
      return FALSE;
    }

  changes = self->action_changes;
  finish_action (self);
  g_rec_mutex_unlock (&self->mutex);
  _crb_project_emit_changes (self, changes, g_steal_pointer (&claims));
  return TRUE;
}

void
_crb_project_rollback_action (CrbProject *self)
{
  g_assert (self->in_action);

  sqlite3_exec (self->file.db, "ROLLBACK", NULL, NULL, NULL);
  finish_action (self);
  g_rec_mutex_unlock (&self->mutex);
}

static void
update_undo_state (CrbProject *self)
{
  gboolean can_undo = FALSE, can_redo = FALSE;

  g_rec_mutex_lock (&self->mutex);
  if (self->file.db != NULL)
    {
      can_undo = _crb_history_peek (self->file.db, FALSE, NULL, NULL, NULL);
      can_redo = _crb_history_peek (self->file.db, TRUE, NULL, NULL, NULL);
    }
  g_rec_mutex_unlock (&self->mutex);

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

gboolean
crb_project_can_undo (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return self->can_undo;
}

gboolean
crb_project_can_redo (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return self->can_redo;
}

static char *
dup_label (CrbProject *self, gboolean redo)
{
  char *label = NULL;

  g_rec_mutex_lock (&self->mutex);
  if (self->file.db != NULL)
    _crb_history_peek (self->file.db, redo, NULL, &label, NULL);
  g_rec_mutex_unlock (&self->mutex);
  return label;
}

char *
crb_project_dup_undo_label (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return dup_label (self, FALSE);
}

char *
crb_project_dup_redo_label (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return dup_label (self, TRUE);
}

gboolean
crb_project_check (CrbProject *self, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  g_rec_mutex_lock (&self->mutex);
  ok = self->file.db != NULL && _crb_project_file_check_integrity (self->file.db, TRUE, error)
       && crb_schema_verify (self->file.db, CRB_SCHEMA_VERSION, error)
       && _crb_fts_check (self->file.db, error);
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

gboolean
crb_project_rebuild_index (CrbProject *self, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  g_rec_mutex_lock (&self->mutex);
  ok = self->file.db != NULL
       && sqlite3_exec (self->file.db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
  if (ok)
    {
      ok = _crb_fts_rebuild (self->file.db, error);
      if (ok && sqlite3_exec (self->file.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          _crb_project_set_sqlite_error (self, error, sqlite3_errcode (self->file.db),
                                         "the search index");
          ok = FALSE;
        }
      if (!ok)
        sqlite3_exec (self->file.db, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    _crb_project_set_sqlite_error (self, error, SQLITE_BUSY, "the search index");
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

gboolean
crb_project_save_copy (CrbProject *self, const char *target, CrbCopyFlags flags, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);
  ok = _crb_copy_database (self->file.db, target, flags & (CRB_COPY_DROP_ORIGINALS
                                                           | CRB_COPY_DROP_PRIVATE),
                           error);
  g_rec_mutex_unlock (&self->mutex);
  return ok;
}

char *
crb_project_backup (CrbProject *self, GError **error)
{
  char *path;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (&self->mutex);
  path = _crb_copy_backup_database (self->file.db, self->path, CRB_SCHEMA_VERSION, error);
  g_rec_mutex_unlock (&self->mutex);
  return path;
}
