/* crb-extract-worker.c: the corroborate-extract request loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One helper process serves many files, so limits are per request where
 * the kernel allows it: before each file the CPU soft limit is moved to
 * "what was used so far + the per-file budget" (SIGXCPU ends the process
 * past it), under a hard limit fixed at start.  The address-space limit
 * holds for the process's whole life; running out of memory is reported as
 * a LIMIT response from a frame prepared at start, because by then there
 * may be no memory left to build one.
 */
#define G_LOG_DOMAIN "crb-extract"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>

#include "crb-extract-dispatch.h"
#include "crb-extract-protocol.h"
#include "crb-extract-worker.h"

/* Used from signal and log handlers: plain data, set up before the loop. */
static int                   protocol_fd = -1;
static const guint8         *out_of_memory_frame;
static gsize                 out_of_memory_frame_length;
static rlim_t                address_space_limit = RLIM_INFINITY;
static long                  page_size = 4096;
static volatile sig_atomic_t responding; /* a response is half written */

static guint64
env_number (const char *name, guint64 fallback)
{
  const char *value = g_getenv (name);
  guint64     number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &number, NULL))
    return fallback;
  return number;
}

static gboolean
test_triggers_enabled (void)
{
  return g_strcmp0 (g_getenv (CRB_EXTRACT_ENV_TEST_TRIGGERS), "1") == 0;
}

static rlim_t
cpu_seconds_used (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  /* Round up: the limit must lie ahead of what was used. */
  return (rlim_t) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1);
}

static void
write_all_raw (int fd, const guint8 *data, gsize length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      data += n;
      length -= (gsize) n;
    }
}

/* Async-signal-safe: the process's size from /proc/self/statm. */
static gboolean
address_space_nearly_full (void)
{
  char    buffer[64];
  ssize_t n;
  int     fd;
  rlim_t  pages = 0;

  if (address_space_limit == RLIM_INFINITY)
    return FALSE;
  fd = open ("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  n = read (fd, buffer, sizeof buffer - 1);
  close (fd);
  for (ssize_t i = 0; i < n && buffer[i] >= '0' && buffer[i] <= '9'; i++)
    pages = pages * 10 + (rlim_t) (buffer[i] - '0');
  return pages * (rlim_t) page_size >= address_space_limit / 10 * 9;
}

static G_NORETURN void
report_out_of_memory (void)
{
  if (!responding)
    write_all_raw (protocol_fd, out_of_memory_frame, out_of_memory_frame_length);
  _exit (CRB_EXTRACT_EXIT_OUT_OF_MEMORY);
}

/* Parsers written in C++ abort on std::bad_alloc and C code may crash on a
 * NULL from malloc: near the memory limit, either is the limit's doing. */
static void
on_fatal_signal (int signum)
{
  if (address_space_nearly_full ())
    report_out_of_memory ();
  /* SA_RESETHAND restored the default action: let it happen. */
  raise (signum);
}

/* GLib reports a failed g_malloc() through g_error(). */
static void
on_log (const char *domain, GLogLevelFlags level, const char *message, gpointer user_data)
{
  if ((level & G_LOG_LEVEL_ERROR) != 0 && message != NULL &&
      strstr (message, "failed to allocate") != NULL)
    report_out_of_memory ();
  g_log_default_handler (domain, level, message, user_data);
}

static void
prepare_out_of_memory_frame (guint64 limit_mb)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) response = NULL;
  GBytes *frame;

  error = g_error_new (CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_LIMIT,
                       "Reading this file needs more memory than the extraction helper may use "
                       "(%" G_GUINT64_FORMAT " MiB)",
                       limit_mb);
  response = crb_extract_response_new_error (error, TRUE);
  frame = crb_extract_frame_encode (response);
  /* Kept for the life of the process. */
  out_of_memory_frame = g_bytes_get_data (frame, &out_of_memory_frame_length);
}

static void
set_limit (int resource, rlim_t soft, rlim_t hard)
{
  struct rlimit limit = { soft, hard };

  if (setrlimit (resource, &limit) != 0)
    g_warning ("Could not set resource limit %d: %s", resource, g_strerror (errno));
}

static void
set_process_limits (rlim_t *cpu_hard)
{
  guint64 memory_mb =
      env_number (CRB_EXTRACT_ENV_MEMORY_LIMIT, CRB_EXTRACT_DEFAULT_MEMORY_LIMIT_MB);
  guint64 cpu_total = env_number (CRB_EXTRACT_ENV_CPU_TOTAL, CRB_EXTRACT_DEFAULT_CPU_TOTAL);
  struct sigaction action = { 0 };

  /* sysconf() is not for signal handlers: ask now. */
  page_size = sysconf (_SC_PAGESIZE);
  set_limit (RLIMIT_CORE, 0, 0);
  /* No debugger attach from the same user, no privilege gain by exec. */
  prctl (PR_SET_DUMPABLE, 0, 0, 0, 0);
  prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);

  if (memory_mb > 0)
    {
      address_space_limit = (rlim_t) memory_mb * 1024 * 1024;
      set_limit (RLIMIT_AS, address_space_limit, address_space_limit);
    }
  prepare_out_of_memory_frame (memory_mb);

  *cpu_hard = cpu_seconds_used () + (rlim_t) cpu_total;
  set_limit (RLIMIT_CPU, *cpu_hard, *cpu_hard);

  action.sa_handler = on_fatal_signal;
  action.sa_flags = SA_RESETHAND;
  sigemptyset (&action.sa_mask);
  sigaction (SIGABRT, &action, NULL);
  sigaction (SIGSEGV, &action, NULL);
  sigaction (SIGBUS, &action, NULL);
  g_log_set_default_handler (on_log, NULL);
}

/* Returns TRUE when this is the helper's last request: its CPU budget
 * cannot cover another file. */
static gboolean
start_request_clock (rlim_t cpu_hard)
{
  rlim_t per_file = (rlim_t) env_number (CRB_EXTRACT_ENV_CPU_LIMIT, CRB_EXTRACT_DEFAULT_CPU_LIMIT);
  rlim_t used = cpu_seconds_used ();
  rlim_t soft = MIN (used + per_file, cpu_hard);

  set_limit (RLIMIT_CPU, soft, cpu_hard);
  return used + 2 * per_file > cpu_hard;
}

/* What a process in here can see: the sandbox test reads it. */
static void
describe_surroundings (CrbExtractResult *result)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = self_path != NULL ? g_path_get_dirname (self_path) : NULL;
  g_autofree char *net = NULL;
  g_auto (GStrv) lines = NULL;

  g_string_append_printf (result->text, "home: %s\n",
                          g_file_test ("/home", G_FILE_TEST_EXISTS) ? "visible" : "absent");
  g_string_append_printf (result->text, "passwd: %s\n",
                          g_file_test ("/etc/passwd", G_FILE_TEST_EXISTS) ? "visible" : "absent");
  g_string_append_printf (result->text, "helper-folder: %s\n",
                          self_dir != NULL && access (self_dir, W_OK) == 0 ? "writable"
                                                                           : "read-only");
  g_string_append_printf (result->text, "pid: %d\n", (int) getpid ());
  g_string_append (result->text, "network:");
  if (g_file_get_contents ("/proc/net/dev", &net, NULL, NULL))
    {
      lines = g_strsplit (net, "\n", -1);
      /* Two header lines, then one interface per line. */
      for (guint i = 2; lines[i] != NULL; i++)
        {
          char *colon = strchr (lines[i], ':');

          if (colon != NULL)
            {
              *colon = '\0';
              g_string_append_printf (result->text, " %s", g_strstrip (lines[i]));
            }
        }
    }
  g_string_append_c (result->text, '\n');
  result->kind = g_strdup ("text");
}

/* Only with CORROBORATE_EXTRACT_TEST_TRIGGERS=1: files that make the helper
 * fail the ways hostile files do, so that tests can watch the client cope.
 * Returns TRUE when the trigger produced the result itself. */
static gboolean
run_test_trigger (GBytes *data, CrbExtractResult *result)
{
  gsize       length;
  const char *bytes = g_bytes_get_data (data, &length);

  if (length >= 16 && memcmp (bytes, "CRB-TEST-SANDBOX", 16) == 0)
    {
      describe_surroundings (result);
      return TRUE;
    }

  if (length >= 14 && memcmp (bytes, "CRB-TEST-CRASH", 14) == 0)
    abort ();

  if (length >= 13 && memcmp (bytes, "CRB-TEST-LOOP", 13) == 0)
    {
      volatile guint64 spin = 0;

      for (;;)
        spin++;
    }

  if (length >= 14 && memcmp (bytes, "CRB-TEST-ALLOC", 14) == 0)
    {
      GSList *blocks = NULL;

      for (;;)
        {
          gsize size = 32 * 1024 * 1024;
          char *block = g_malloc (size);

          /* Touch every page so that the memory is really taken. */
          for (gsize i = 0; i < size; i += 4096)
            block[i] = 1;
          blocks = g_slist_prepend (blocks, block);
        }
    }
  return FALSE;
}

static GVariant *
answer (GVariant *message, gboolean retire)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autofree char *name = NULL, *type = NULL, *charset = NULL;
  g_autoptr (CrbExtractResult) result = NULL;
  CrbExtractRequest request;

  if (!crb_extract_request_parse (message, &data, &name, &type, &charset, &error))
    return crb_extract_response_new_error (error, retire);

  result = crb_extract_result_new ();
  if (test_triggers_enabled () && run_test_trigger (data, result))
    return crb_extract_response_new_result (result, retire);

  request.name_hint = name;
  request.content_type = type;
  request.charset = charset;
  if (!crb_extract_dispatch (data, &request, result, &error))
    return crb_extract_response_new_error (error, retire);
  return crb_extract_response_new_result (result, retire);
}

int
crb_extract_worker_run (void)
{
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (GOutputStream) out = NULL;
  rlim_t cpu_hard = RLIM_INFINITY;

  /* Responses go to a private copy of stdout; anything a library prints
   * lands on stderr instead of in the middle of a frame. */
  protocol_fd = fcntl (STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (protocol_fd < 0 || dup2 (STDERR_FILENO, STDOUT_FILENO) < 0)
    {
      g_printerr ("corroborate-extract: cannot set up its output: %s\n", g_strerror (errno));
      return CRB_EXTRACT_EXIT_PROTOCOL;
    }

  set_process_limits (&cpu_hard);
  in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  out = g_unix_output_stream_new (protocol_fd, FALSE);

  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GVariant) message = NULL;
      g_autoptr (GVariant) response = NULL;
      gboolean retire;

      message = crb_extract_frame_read (in, CRB_EXTRACT_MAX_REQUEST, NULL, &error);
      if (message == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED))
            return EXIT_SUCCESS;
          g_printerr ("corroborate-extract: %s\n", error->message);
          return CRB_EXTRACT_EXIT_PROTOCOL;
        }

      retire = start_request_clock (cpu_hard);
      response = answer (message, retire);
      g_clear_pointer (&message, g_variant_unref);

      responding = TRUE;
      if (!crb_extract_frame_write (out, response, NULL, &error))
        {
          g_printerr ("corroborate-extract: cannot answer: %s\n", error->message);
          return CRB_EXTRACT_EXIT_PROTOCOL;
        }
      responding = FALSE;

      if (retire)
        return EXIT_SUCCESS;
    }
}
