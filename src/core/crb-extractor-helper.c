/* crb-extractor-helper.c: one corroborate-extract process and its channel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The channel is a socket pair rather than two pipes: sending with
 * MSG_NOSIGNAL to a helper that died returns EPIPE instead of raising
 * SIGPIPE in the application, without touching process-wide signal state.
 * All waiting goes through poll() with the file's deadline and the
 * caller's cancellable, so that neither a silent nor a chatty helper can
 * hold a thread past its deadline.
 */
#define G_LOG_DOMAIN "crb-extractor"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib-unix.h>

#include "crb-extract-protocol.h"
#include "crb-extractor-private.h"

/* A reply is read in steps no larger than this, so that a hostile length
 * costs memory only as fast as bytes arrive. */
#define READ_STEP ((gsize) 1024 * 1024)

struct _CrbHelperProcess
{
  GSubprocess *process;
  int          fd;        /* our end of the socket pair */
  gboolean     sandboxed; /* run by bwrap, which reports a signal as 128 + n */
  guint        n_requests;
};

CrbHelperProcess *
crb_helper_process_spawn (const char *const *argv, const char *const *environment,
                          gboolean sandboxed, GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  CrbHelperProcess *helper;
  int               fds[2];
  int               child_out;

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not open a channel to the extraction helper: %s", g_strerror (saved));
      return NULL;
    }
  child_out = fcntl (fds[1], F_DUPFD_CLOEXEC, 3);
  if (child_out < 0)
    {
      int saved = errno;

      close (fds[0]);
      close (fds[1]);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not open a channel to the extraction helper: %s", g_strerror (saved));
      return NULL;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_environ (launcher, (char **) environment);
  g_subprocess_launcher_set_cwd (launcher, "/");
  g_subprocess_launcher_take_stdin_fd (launcher, fds[1]);
  g_subprocess_launcher_take_stdout_fd (launcher, child_out);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  /* The launcher holds the child's ends; they must close in this process. */
  g_clear_object (&launcher);
  if (process == NULL)
    {
      close (fds[0]);
      return NULL;
    }

  g_unix_set_fd_nonblocking (fds[0], TRUE, NULL);
  helper = g_new0 (CrbHelperProcess, 1);
  helper->process = g_steal_pointer (&process);
  helper->fd = fds[0];
  helper->sandboxed = sandboxed;
  return helper;
}

void
crb_helper_process_free (CrbHelperProcess *helper)
{
  if (helper == NULL)
    return;
  /* The end of its input tells an idle helper to exit; the signal makes
   * sure of it. */
  if (helper->fd >= 0)
    close (helper->fd);
  g_subprocess_force_exit (helper->process);
  g_object_unref (helper->process);
  g_free (helper);
}

guint
crb_helper_process_get_n_requests (CrbHelperProcess *helper)
{
  return helper->n_requests;
}

gboolean
crb_helper_process_has_exited (CrbHelperProcess *helper)
{
  /* The identifier goes once GLib's child watch has reaped the process. */
  return g_subprocess_get_identifier (helper->process) == NULL;
}

void
crb_helper_process_kill (CrbHelperProcess *helper)
{
  g_subprocess_force_exit (helper->process);
  g_subprocess_wait (helper->process, NULL, NULL);
}

/* Waits until `fd` is ready for `events`, the deadline passes or the
 * cancellable fires. */
static gboolean
wait_ready (int fd, gushort events, gint64 deadline, GCancellable *cancellable, GError **error)
{
  GPollFD  fds[2] = { { fd, events, 0 } };
  guint    n_fds = 1;
  gboolean ready = FALSE;

  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &fds[1]))
    n_fds = 2;

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      int    timeout_ms;
      int    n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (now >= deadline)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                               "The extraction helper ran past its deadline");
          break;
        }

      timeout_ms = (int) MIN ((deadline - now + 999) / 1000, G_MAXINT);
      n = g_poll (fds, n_fds, timeout_ms);
      if (n < 0 && errno != EINTR)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "Could not wait for the extraction helper: %s", g_strerror (saved));
          break;
        }
      /* Readiness includes hang-up and errors: the next call reports them. */
      if (n > 0 && fds[0].revents != 0)
        {
          ready = TRUE;
          break;
        }
    }

  if (n_fds == 2)
    g_cancellable_release_fd (cancellable);
  return ready;
}

static gboolean
channel_error (int errsv, GError **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               "The channel to the extraction helper failed: %s", g_strerror (errsv));
  return FALSE;
}

static gboolean
send_all (CrbHelperProcess *helper, const guint8 *data, gsize length, gint64 deadline,
          GCancellable *cancellable, GError **error)
{
  while (length > 0)
    {
      ssize_t n = send (helper->fd, data, length, MSG_NOSIGNAL);

      if (n > 0)
        {
          data += n;
          length -= (gsize) n;
        }
      else if (n < 0 && errno == EINTR)
        continue;
      else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        {
          if (!wait_ready (helper->fd, G_IO_OUT, deadline, cancellable, error))
            return FALSE;
        }
      else
        return channel_error (n < 0 ? errno : EPIPE, error);
    }
  return TRUE;
}

static gboolean
receive_exact (CrbHelperProcess *helper, guint8 *buffer, gsize length, gint64 deadline,
               GCancellable *cancellable, gboolean *got_any, GError **error)
{
  gsize got = 0;

  while (got < length)
    {
      ssize_t n = recv (helper->fd, buffer + got, length - got, 0);

      if (n > 0)
        {
          got += (gsize) n;
          *got_any = TRUE;
        }
      else if (n == 0)
        {
          if (*got_any)
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                 "The extraction helper stopped in the middle of its reply");
          else
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                                 "The extraction helper closed its channel");
          return FALSE;
        }
      else if (errno == EINTR)
        continue;
      else if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
          if (!wait_ready (helper->fd, G_IO_IN, deadline, cancellable, error))
            return FALSE;
        }
      else
        return channel_error (errno, error);
    }
  return TRUE;
}

GVariant *
crb_helper_process_exchange (CrbHelperProcess *helper, GBytes *request_frame, gint64 deadline,
                             GCancellable *cancellable, gboolean *got_reply_bytes, GError **error)
{
  guint8      header[CRB_EXTRACT_FRAME_HEADER_SIZE];
  gsize       frame_length, length = 0;
  const void *frame = g_bytes_get_data (request_frame, &frame_length);
  GByteArray *payload;

  *got_reply_bytes = FALSE;
  helper->n_requests++;

  if (!send_all (helper, frame, frame_length, deadline, cancellable, error) ||
      !receive_exact (helper, header, sizeof header, deadline, cancellable, got_reply_bytes,
                      error) ||
      !crb_extract_frame_parse_header (header, CRB_EXTRACT_MAX_RESPONSE, &length, error))
    return NULL;

  payload = g_byte_array_sized_new ((guint) MIN (length, READ_STEP));
  while (payload->len < length)
    {
      gsize offset = payload->len;
      gsize step = MIN (length - offset, READ_STEP);

      g_byte_array_set_size (payload, (guint) (offset + step));
      if (!receive_exact (helper, payload->data + offset, step, deadline, cancellable,
                          got_reply_bytes, error))
        {
          g_byte_array_unref (payload);
          return NULL;
        }
    }

  {
    g_autoptr (GBytes) bytes = g_byte_array_free_to_bytes (payload);

    return crb_extract_frame_decode (bytes, error);
  }
}

typedef struct
{
  gboolean done;
  gboolean exited;
} WaitState;

static void
on_waited (GObject *source, GAsyncResult *result, gpointer user_data)
{
  WaitState *state = user_data;

  state->exited = g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  state->done = TRUE;
}

static gboolean
on_grace_over (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Waits for the process to end, at most `timeout_ms`, on a private main
 * context so that any thread may call it. */
static gboolean
wait_for_exit (GSubprocess *process, guint timeout_ms)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GSource) timeout = g_timeout_source_new (timeout_ms);
  WaitState state = { FALSE, FALSE };

  g_main_context_push_thread_default (context);
  g_source_set_callback (timeout, on_grace_over, cancellable, NULL);
  g_source_attach (timeout, context);
  g_subprocess_wait_async (process, cancellable, on_waited, &state);
  while (!state.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);
  return state.exited;
}

gboolean
crb_helper_process_explain_end (CrbHelperProcess *helper, guint grace_ms, GError **error)
{
  GSubprocess *process = helper->process;
  int          signum = 0;
  int          status = -1;

  if (!wait_for_exit (process, grace_ms))
    {
      crb_helper_process_kill (helper);
      g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_CRASHED,
                           "The extraction helper stopped answering and was ended");
      return TRUE;
    }

  if (g_subprocess_get_if_signaled (process))
    signum = g_subprocess_get_term_sig (process);
  else if (g_subprocess_get_if_exited (process))
    {
      status = g_subprocess_get_exit_status (process);
      /* bubblewrap passes on a signal death as 128 + the signal. */
      if (helper->sandboxed && status > 128 && status < 128 + 65)
        signum = status - 128;
    }

  if (status == 0)
    return FALSE;

  if (signum == SIGXCPU)
    g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_LIMIT,
                         "Reading this file took more processor time than the extraction helper "
                         "may use");
  else if (signum == SIGKILL)
    g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_LIMIT,
                         "The system stopped the extraction helper, most likely because reading "
                         "this file needed too much memory or processor time");
  else if (status == CRB_EXTRACT_EXIT_OUT_OF_MEMORY)
    g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_LIMIT,
                         "Reading this file needs more memory than the extraction helper may use");
  else if (signum != 0)
    g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_CRASHED,
                 "The extraction helper crashed on this file (%s)", g_strsignal (signum));
  else
    g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_CRASHED,
                 "The extraction helper stopped unexpectedly (exit status %d)", status);
  return TRUE;
}
