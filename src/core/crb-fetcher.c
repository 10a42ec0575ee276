/* crb-fetcher.c: the fetcher's settings, its deadline thread and the async wrapper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-fetcher"

#include "config.h"

#include "crb-fetcher.h"

#include "crb-fetch-transfer.h"
#include "crb-fetch-url.h"

#define MAX_DEADLINE 3600
#define MAX_MAX_BYTES ((guint64) G_MAXINT32)
#define MAX_MAX_REDIRECTS 20

struct _CrbFetcher
{
  GObject parent_instance;

  /* Settings are read by fetches running in other threads: each fetch
   * takes a snapshot under the lock. */
  GMutex        lock;
  guint         deadline;
  guint64       max_bytes;
  guint         max_redirects;
  gboolean      allow_private;
  char         *user_agent;
  GTlsDatabase *tls_database;

  /* Deadlines are timeout sources in a context of their own, run by a
   * thread started on first use: the fetching thread is blocked in I/O and
   * cannot dispatch anything itself. */
  GMainContext *watchdog_context;
  GMainLoop    *watchdog_loop;
  GThread      *watchdog_thread;
};

G_DEFINE_FINAL_TYPE (CrbFetcher, crb_fetcher, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DEADLINE,
  PROP_MAX_BYTES,
  PROP_MAX_REDIRECTS,
  PROP_ALLOW_PRIVATE,
  PROP_USER_AGENT,
  PROP_TLS_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
watchdog_quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gpointer
watchdog_thread_main (gpointer data)
{
  g_autoptr (GMainLoop) loop = data;

  g_main_context_push_thread_default (g_main_loop_get_context (loop));
  g_main_loop_run (loop);
  g_main_context_pop_thread_default (g_main_loop_get_context (loop));
  return NULL;
}

/* Called with the lock held. */
static void
ensure_watchdog (CrbFetcher *self)
{
  if (self->watchdog_thread != NULL)
    return;
  self->watchdog_context = g_main_context_new ();
  self->watchdog_loop = g_main_loop_new (self->watchdog_context, FALSE);
  self->watchdog_thread = g_thread_new ("crb-fetch-deadline", watchdog_thread_main,
                                        g_main_loop_ref (self->watchdog_loop));
}

CrbFetchResult *
crb_fetcher_fetch (CrbFetcher    *self,
                   const char    *url,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_auto (CrbFetchSettings) settings = { 0 };
  g_autoptr (GUri) uri = NULL;

  g_return_val_if_fail (CRB_IS_FETCHER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = crb_fetch_parse_url (url, error);
  if (uri == NULL)
    return NULL;

  /* A snapshot: the settings may change while this fetch runs. */
  g_mutex_lock (&self->lock);
  settings.deadline = self->deadline;
  settings.max_bytes = self->max_bytes;
  settings.max_redirects = self->max_redirects;
  settings.allow_private = self->allow_private;
  settings.user_agent = g_strdup (self->user_agent);
  settings.tls_database = self->tls_database != NULL ? g_object_ref (self->tls_database) : NULL;
  ensure_watchdog (self);
  g_mutex_unlock (&self->lock);

  return crb_fetch_transfer (&settings, self->watchdog_context, uri, cancellable, error);
}

static void
fetch_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError         *error = NULL;
  CrbFetchResult *result;

  result = crb_fetcher_fetch (source_object, task_data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) crb_fetch_result_free);
}

void
crb_fetcher_fetch_async (CrbFetcher          *self,
                         const char          *url,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CRB_IS_FETCHER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_fetcher_fetch_async);
  g_task_set_task_data (task, g_strdup (url), g_free);
  /* A cancelled fetch reports CRB_FETCH_ERROR_CANCELLED itself. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, fetch_in_thread);
}

CrbFetchResult *
crb_fetcher_fetch_finish (CrbFetcher    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (CRB_IS_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == crb_fetcher_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

CrbFetcher *
crb_fetcher_new (void)
{
  return g_object_new (CRB_TYPE_FETCHER, NULL);
}

/* Setters share this shape: change under the lock, notify outside it. */
#define SET_UNDER_LOCK(self, field, value, prop)                                                   \
  G_STMT_START                                                                                     \
  {                                                                                                \
    gboolean changed_;                                                                             \
    g_mutex_lock (&(self)->lock);                                                                  \
    changed_ = (self)->field != (value);                                                           \
    (self)->field = (value);                                                                       \
    g_mutex_unlock (&(self)->lock);                                                                \
    if (changed_)                                                                                  \
      g_object_notify_by_pspec (G_OBJECT (self), prop);                                            \
  }                                                                                                \
  G_STMT_END

void
crb_fetcher_set_deadline (CrbFetcher *self,
                          guint       seconds)
{
  g_return_if_fail (CRB_IS_FETCHER (self));
  g_return_if_fail (seconds >= 1 && seconds <= MAX_DEADLINE);
  SET_UNDER_LOCK (self, deadline, seconds, properties[PROP_DEADLINE]);
}

guint
crb_fetcher_get_deadline (CrbFetcher *self)
{
  guint value;

  g_return_val_if_fail (CRB_IS_FETCHER (self), 0);
  g_mutex_lock (&self->lock);
  value = self->deadline;
  g_mutex_unlock (&self->lock);
  return value;
}

void
crb_fetcher_set_max_bytes (CrbFetcher *self,
                           guint64     max_bytes)
{
  g_return_if_fail (CRB_IS_FETCHER (self));
  g_return_if_fail (max_bytes >= 1 && max_bytes <= MAX_MAX_BYTES);
  SET_UNDER_LOCK (self, max_bytes, max_bytes, properties[PROP_MAX_BYTES]);
}

guint64
crb_fetcher_get_max_bytes (CrbFetcher *self)
{
  guint64 value;

  g_return_val_if_fail (CRB_IS_FETCHER (self), 0);
  g_mutex_lock (&self->lock);
  value = self->max_bytes;
  g_mutex_unlock (&self->lock);
  return value;
}

void
crb_fetcher_set_max_redirects (CrbFetcher *self,
                               guint       max_redirects)
{
  g_return_if_fail (CRB_IS_FETCHER (self));
  g_return_if_fail (max_redirects <= MAX_MAX_REDIRECTS);
  SET_UNDER_LOCK (self, max_redirects, max_redirects, properties[PROP_MAX_REDIRECTS]);
}

guint
crb_fetcher_get_max_redirects (CrbFetcher *self)
{
  guint value;

  g_return_val_if_fail (CRB_IS_FETCHER (self), 0);
  g_mutex_lock (&self->lock);
  value = self->max_redirects;
  g_mutex_unlock (&self->lock);
  return value;
}

void
crb_fetcher_set_allow_private (CrbFetcher *self,
                               gboolean    allow_private)
{
  g_return_if_fail (CRB_IS_FETCHER (self));
  allow_private = !!allow_private;
  SET_UNDER_LOCK (self, allow_private, allow_private, properties[PROP_ALLOW_PRIVATE]);
}

gboolean
crb_fetcher_get_allow_private (CrbFetcher *self)
{
  gboolean value;

  g_return_val_if_fail (CRB_IS_FETCHER (self), FALSE);
  g_mutex_lock (&self->lock);
  value = self->allow_private;
  g_mutex_unlock (&self->lock);
  return value;
}

void
crb_fetcher_set_user_agent (CrbFetcher *self,
                            const char *user_agent)
{
  gboolean changed;

  g_return_if_fail (CRB_IS_FETCHER (self));
  g_return_if_fail (user_agent != NULL);

  g_mutex_lock (&self->lock);
  changed = g_strcmp0 (self->user_agent, user_agent) != 0;
  if (changed)
    {
      g_free (self->user_agent);
      self->user_agent = g_strdup (user_agent);
    }
  g_mutex_unlock (&self->lock);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_AGENT]);
}

char *
crb_fetcher_dup_user_agent (CrbFetcher *self)
{
  char *value;

  g_return_val_if_fail (CRB_IS_FETCHER (self), NULL);
  g_mutex_lock (&self->lock);
  value = g_strdup (self->user_agent);
  g_mutex_unlock (&self->lock);
  return value;
}

void
crb_fetcher_set_tls_database (CrbFetcher   *self,
                              GTlsDatabase *database)
{
  gboolean changed;

  g_return_if_fail (CRB_IS_FETCHER (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  g_mutex_lock (&self->lock);
  changed = g_set_object (&self->tls_database, database);
  g_mutex_unlock (&self->lock);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_DATABASE]);
}

static void
crb_fetcher_finalize (GObject *object)
{
  CrbFetcher *self = CRB_FETCHER (object);

  if (self->watchdog_thread != NULL)
    {
      /* Quitting from inside the loop cannot race with the loop starting. */
      g_autoptr (GSource) quit = g_idle_source_new ();

      g_source_set_callback (quit, watchdog_quit_cb, self->watchdog_loop, NULL);
      g_source_attach (quit, self->watchdog_context);
      g_thread_join (self->watchdog_thread);
      g_clear_pointer (&self->watchdog_loop, g_main_loop_unref);
      g_clear_pointer (&self->watchdog_context, g_main_context_unref);
    }
  g_clear_pointer (&self->user_agent, g_free);
  g_clear_object (&self->tls_database);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (crb_fetcher_parent_class)->finalize (object);
}

static void
crb_fetcher_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrbFetcher *self = CRB_FETCHER (object);

  switch (prop_id)
    {
    case PROP_DEADLINE:
      g_value_set_uint (value, crb_fetcher_get_deadline (self));
      break;
    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, crb_fetcher_get_max_bytes (self));
      break;
    case PROP_MAX_REDIRECTS:
      g_value_set_uint (value, crb_fetcher_get_max_redirects (self));
      break;
    case PROP_ALLOW_PRIVATE:
      g_value_set_boolean (value, crb_fetcher_get_allow_private (self));
      break;
    case PROP_USER_AGENT:
      g_value_take_string (value, crb_fetcher_dup_user_agent (self));
      break;
    case PROP_TLS_DATABASE:
      g_mutex_lock (&self->lock);
      g_value_set_object (value, self->tls_database);
      g_mutex_unlock (&self->lock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_fetcher_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrbFetcher *self = CRB_FETCHER (object);

  switch (prop_id)
    {
    case PROP_DEADLINE:
      crb_fetcher_set_deadline (self, g_value_get_uint (value));
      break;
    case PROP_MAX_BYTES:
      crb_fetcher_set_max_bytes (self, g_value_get_uint64 (value));
      break;
    case PROP_MAX_REDIRECTS:
      crb_fetcher_set_max_redirects (self, g_value_get_uint (value));
      break;
    case PROP_ALLOW_PRIVATE:
      crb_fetcher_set_allow_private (self, g_value_get_boolean (value));
      break;
    case PROP_USER_AGENT:
      crb_fetcher_set_user_agent (self, g_value_get_string (value));
      break;
    case PROP_TLS_DATABASE:
      crb_fetcher_set_tls_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_fetcher_class_init (CrbFetcherClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_fetcher_finalize;
  object_class->get_property = crb_fetcher_get_property;
  object_class->set_property = crb_fetcher_set_property;

  properties[PROP_DEADLINE] = g_param_spec_uint ("deadline", NULL, NULL, 1, MAX_DEADLINE,
                                                 CRB_FETCHER_DEFAULT_DEADLINE, flags);
  properties[PROP_MAX_BYTES] = g_param_spec_uint64 ("max-bytes", NULL, NULL, 1, MAX_MAX_BYTES,
                                                    CRB_FETCHER_DEFAULT_MAX_BYTES, flags);
  properties[PROP_MAX_REDIRECTS] = g_param_spec_uint (
      "max-redirects", NULL, NULL, 0, MAX_MAX_REDIRECTS, CRB_FETCHER_DEFAULT_MAX_REDIRECTS, flags);
  properties[PROP_ALLOW_PRIVATE] = g_param_spec_boolean ("allow-private", NULL, NULL, FALSE, flags);
  properties[PROP_USER_AGENT] =
      g_param_spec_string ("user-agent", NULL, NULL, "Corroborate/" PACKAGE_VERSION, flags);
  properties[PROP_TLS_DATABASE] =
      g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_fetcher_init (CrbFetcher *self)
{
  g_mutex_init (&self->lock);
  self->deadline = CRB_FETCHER_DEFAULT_DEADLINE;
  self->max_bytes = CRB_FETCHER_DEFAULT_MAX_BYTES;
  self->max_redirects = CRB_FETCHER_DEFAULT_MAX_REDIRECTS;
  self->user_agent = g_strdup ("Corroborate/" PACKAGE_VERSION);
}
