/* crb-fetch-transfer.c: one fetch: redirects by hand, every hop checked, body capped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-fetch-transfer"

#include "crb-fetch-transfer.h"

#include <string.h>

#include <libsoup/soup.h>

#include "crb-address-check.h"
#include "crb-fetch-content-type.h"
#include "crb-fetch-error.h"
#include "crb-fetch-url.h"
#include "crb-pinned-address.h"

#define READ_CHUNK          (64 * 1024)
#define HEADER_VALUE_LENGTH 1000

/* Shared between a fetch and its timeout source, which may fire in the
 * watchdog thread just as the fetch ends: hence reference counted. */
typedef struct
{
  GCancellable *cancellable;
  gint          expired;
} Deadline;

typedef struct
{
  const CrbFetchSettings *settings;

  GCancellable *cancellable; /* cancelled by the deadline or by the caller */
  GCancellable *caller;
  gulong        caller_handler;
  Deadline     *deadline_state;
  GSource      *deadline_source;
  GMainContext *io_context;

  GPtrArray *visited; /* crb_fetch_url_key() of every URL requested */
} FetchRun;

static void
deadline_clear (Deadline *deadline)
{
  g_clear_object (&deadline->cancellable);
}

static void
deadline_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) deadline_clear);
}

static gboolean
deadline_expired_cb (gpointer data)
{
  Deadline *deadline = data;

  g_atomic_int_set (&deadline->expired, TRUE);
  g_cancellable_cancel (deadline->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static void
fetch_run_begin (FetchRun               *run,
                 const CrbFetchSettings *settings,
                 GMainContext           *watchdog_context,
                 GCancellable           *caller)
{
  run->settings = settings;
  run->cancellable = g_cancellable_new ();
  run->visited = g_ptr_array_new_with_free_func (g_free);

  run->deadline_state = g_atomic_rc_box_new0 (Deadline);
  run->deadline_state->cancellable = g_object_ref (run->cancellable);
  run->deadline_source = g_timeout_source_new (run->settings->deadline * 1000);
  g_source_set_callback (run->deadline_source, deadline_expired_cb,
                         g_atomic_rc_box_acquire (run->deadline_state), deadline_release);
  g_source_attach (run->deadline_source, watchdog_context);

  if (caller != NULL)
    {
      run->caller = g_object_ref (caller);
      run->caller_handler = g_cancellable_connect (caller, G_CALLBACK (caller_cancelled_cb),
                                                   g_object_ref (run->cancellable), g_object_unref);
    }

  /* libsoup ties a session to the thread-default context when it is
   * created; a private one keeps it off whatever loop this thread serves. */
  run->io_context = g_main_context_new ();
  g_main_context_push_thread_default (run->io_context);
}

static void
fetch_run_end (FetchRun *run)
{
  g_main_context_pop_thread_default (run->io_context);
  g_clear_pointer (&run->io_context, g_main_context_unref);

  g_source_destroy (run->deadline_source);
  g_clear_pointer (&run->deadline_source, g_source_unref);
  g_clear_pointer (&run->deadline_state, deadline_release);
  if (run->caller != NULL)
    g_cancellable_disconnect (run->caller, run->caller_handler);
  g_clear_object (&run->caller);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->visited, g_ptr_array_unref);
}

/* Any failure after cancellation is the cancellation's doing, whatever GIO
 * or libsoup reported. */
static gboolean
fetch_run_set_cancelled_error (FetchRun  *run,
                               GError   **error)
{
  if (!g_cancellable_is_cancelled (run->cancellable))
    return FALSE;
  if (g_atomic_int_get (&run->deadline_state->expired))
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_TIMEOUT,
                 "The server did not deliver the page within %u second%s; it may be "
                 "overloaded or deliberately slow. Try again later.",
                 run->settings->deadline, run->settings->deadline == 1 ? "" : "s");
  else
    g_set_error_literal (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_CANCELLED,
                         "The download was cancelled.");
  return TRUE;
}

static void
fetch_run_set_transfer_error (FetchRun      *run,
                              GUri          *uri,
                              SoupMessage   *message,
                              const GError  *cause,
                              GError       **error)
{
  GTlsCertificateFlags tls_flags =
      message != NULL ? soup_message_get_tls_peer_certificate_errors (message) : 0;

  if (!fetch_run_set_cancelled_error (run, error))
    crb_fetch_error_set_from_transfer (error, g_uri_get_host (uri), cause, tls_flags);
}

/* Resolves the host of `uri` and checks every address it has: a name with
 * one public and one private address is refused, since the connection could
 * go to either. */
static GPtrArray *
resolve_and_check (FetchRun  *run,
                   GUri      *uri,
                   GError   **error)
{
  g_autoptr (GResolver) resolver = g_resolver_get_default ();
  g_autoptr (GPtrArray) addresses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) local_error = NULL;
  const char *host = g_uri_get_host (uri);
  GList      *list;

  list = g_resolver_lookup_by_name (resolver, host, run->cancellable, &local_error);
  if (list == NULL)
    {
      fetch_run_set_transfer_error (run, uri, NULL, local_error, error);
      return NULL;
    }
  for (GList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (addresses, g_object_ref (l->data));
  g_resolver_free_addresses (list);

  if (run->settings->allow_private)
    return g_steal_pointer (&addresses);

  for (guint i = 0; i < addresses->len; i++)
    {
      GInetAddress    *address = g_ptr_array_index (addresses, i);
      CrbAddressKind   kind = crb_address_classify (address);
      g_autofree char *text = NULL;

      if (kind == CRB_ADDRESS_PUBLIC)
        continue;
      text = g_inet_address_to_string (address);
      if (g_hostname_is_ip_address (host))
        g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_PRIVATE_ADDRESS,
                     "%s is %s. Corroborate fetches from local and private addresses only "
                     "when you allow it, because the page's text then travels in shared "
                     "project files.",
                     text, crb_address_kind_describe (kind));
      else
        g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_PRIVATE_ADDRESS,
                     "%s resolves to %s, %s. Corroborate fetches from local and private "
                     "addresses only when you allow it, because the page's text then "
                     "travels in shared project files.",
                     host, text, crb_address_kind_describe (kind));
      return NULL;
    }
  return g_steal_pointer (&addresses);
}

static SoupSession *
open_session (FetchRun  *run,
              GUri      *uri,
              GPtrArray *addresses)
{
  g_autofree char *ascii_host = g_hostname_to_ascii (g_uri_get_host (uri));
  g_autoptr (GSocketConnectable) pinned = NULL;
  SoupSession *session;

  pinned = crb_pinned_address_new (ascii_host != NULL ? ascii_host : g_uri_get_host (uri),
                                   g_uri_get_port (uri), g_uri_get_scheme (uri), addresses);
  /* A session per hop: its only connection goes to the checked addresses,
   * and nothing (connections, cookies, credentials) carries over. */
  session = soup_session_new_with_options ("remote-connectable", pinned,
                                           "user-agent", run->settings->user_agent,
                                           /* Past the deadline, so that the deadline
                                            * ends a stalled fetch, with its message. */
                                           "timeout", run->settings->deadline + 5,
                                           "idle-timeout", run->settings->deadline + 5,
                                           NULL);
  if (run->settings->tls_database != NULL)
    soup_session_set_tls_database (session, run->settings->tls_database);
  return session;
}

/* Closes a response without reading the rest: libsoup would otherwise drain
 * it, which for a slow or huge body means waiting or downloading it all. */
static void
discard_response (GInputStream *stream)
{
  g_autoptr (GCancellable) stop = g_cancellable_new ();

  g_cancellable_cancel (stop);
  g_input_stream_close (stream, stop, NULL);
}

static void
set_too_large_error (FetchRun     *run,
                     SoupMessage  *message,
                     GError      **error)
{
  g_autofree char *cap = crb_fetch_format_size (run->settings->max_bytes);
  const char *encoding = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "Content-Encoding");

  g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_TOO_LARGE,
               encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0
                   ? "The page is larger than %s after decompression."
                   : "The page is larger than %s.",
               cap);
}

/* Reads the decoded body, at most max_bytes of it: the buffer never holds
 * more than max_bytes + 1 bytes, whatever the compression ratio. */
static GBytes *
read_body (FetchRun      *run,
           GUri          *uri,
           SoupMessage   *message,
           GInputStream  *stream,
           GError       **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  goffset             declared = -1;
  g_autoptr (GByteArray) buffer = NULL;
  g_autoptr (GError) local_error = NULL;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    {
      declared = soup_message_headers_get_content_length (headers);
      if ((guint64) declared > run->settings->max_bytes)
        {
          set_too_large_error (run, message, error);
          return NULL;
        }
    }
  buffer = g_byte_array_sized_new (declared > 0 ? (guint) declared : READ_CHUNK);

  for (;;)
    {
      guint  filled = buffer->len;
      gsize  want = MIN (READ_CHUNK, run->settings->max_bytes + 1 - filled);
      gssize got;

      g_byte_array_set_size (buffer, filled + want);
      got =
          g_input_stream_read (stream, buffer->data + filled, want, run->cancellable, &local_error);
      g_byte_array_set_size (buffer, filled + MAX (got, 0));
      if (got < 0)
        {
          fetch_run_set_transfer_error (run, uri, message, local_error, error);
          return NULL;
        }
      if (got == 0)
        break;
      if (buffer->len > run->settings->max_bytes)
        {
          set_too_large_error (run, message, error);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static char *
dup_header (SoupMessageHeaders *headers,
            const char         *name)
{
  const char *value = soup_message_headers_get_one (headers, name);

  return value != NULL ? crb_fetch_quote_untrusted (value, HEADER_VALUE_LENGTH) : NULL;
}

/* A charset name is a token; anything else is not worth passing on. */
static char *
dup_charset (GHashTable *params)
{
  const char *charset = params != NULL ? g_hash_table_lookup (params, "charset") : NULL;

  if (charset == NULL || *charset == '\0' || strlen (charset) > 40)
    return NULL;
  for (const char *p = charset; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.:+()", *p) == NULL)
      return NULL;
  return g_ascii_strdown (charset, -1);
}

static char *
dup_remote_address (SoupMessage *message,
                    GPtrArray   *addresses)
{
  GSocketAddress *remote = soup_message_get_remote_address (message);
  GInetAddress   *inet;

  if (!G_IS_INET_SOCKET_ADDRESS (remote))
    return NULL;
  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote));
  /* Anything but a pinned address is the proxy's, which says nothing about
   * where the page came from. */
  for (guint i = 0; i < addresses->len; i++)
    if (g_inet_address_equal (inet, g_ptr_array_index (addresses, i)))
      return g_inet_address_to_string (inet);
  return NULL;
}

/* libsoup's content decoder leaves a response alone when it does not know
 * one of its codings, and the caller would then get compressed bytes
 * labelled as a document. */
static gboolean
is_decoded_coding (const char *coding)
{
  static const char * const decoded[] = { "gzip", "x-gzip", "deflate", "br", "identity" };

  for (guint i = 0; i < G_N_ELEMENTS (decoded); i++)
    if (g_ascii_strcasecmp (coding, decoded[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_content_encoding (SoupMessageHeaders  *headers,
                        GError             **error)
{
  const char *header = soup_message_headers_get_list (headers, "Content-Encoding");
  GSList     *codings;
  gboolean    ok = TRUE;

  if (header == NULL)
    return TRUE;
  codings = soup_header_parse_list (header);
  for (GSList *l = codings; l != NULL && ok; l = l->next)
    if (!is_decoded_coding (l->data))
      {
        g_autofree char *shown = crb_fetch_quote_untrusted (l->data, 40);

        g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_CONTENT_TYPE,
                     "The server compressed the page with “%s”, which Corroborate cannot "
                     "decode.",
                     shown);
        ok = FALSE;
      }
  soup_header_free_list (codings);
  return ok;
}

/* The final response: type, size and provenance. */
static gboolean
take_document (FetchRun        *run,
               GUri            *uri,
               SoupMessage     *message,
               GInputStream    *stream,
               GPtrArray       *addresses,
               CrbFetchResult  *result,
               GError         **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  g_autoptr (GHashTable) params = NULL;
  g_autofree char *mime = NULL;
  const char      *declared;
  const char      *accepted;
  gboolean         needs_signature = FALSE;

  declared = soup_message_headers_get_content_type (headers, &params);
  mime = declared != NULL ? g_ascii_strdown (declared, -1) : NULL;
  accepted = crb_fetch_content_type_accept (mime, g_uri_get_path (uri), &needs_signature, error);
  if (accepted == NULL || !check_content_encoding (headers, error))
    return FALSE;

  result->body = read_body (run, uri, message, stream, error);
  if (result->body == NULL)
    return FALSE;
  if (needs_signature && !crb_fetch_content_type_confirm (accepted, result->body, error))
    return FALSE;

  result->status = soup_message_get_status (message);
  result->final_url = g_uri_to_string (uri);
  result->content_type = g_strdup (accepted);
  result->content_type_sniffed = needs_signature;
  result->charset = needs_signature ? NULL : dup_charset (params);
  result->last_modified = dup_header (headers, "Last-Modified");
  result->etag = dup_header (headers, "ETag");
  result->content_language = dup_header (headers, "Content-Language");
  result->date = dup_header (headers, "Date");
  result->remote_address = dup_remote_address (message, addresses);
  result->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, result->body);
  return TRUE;
}

typedef enum
{
  HOP_FAILED,
  HOP_REDIRECTED,
  HOP_DONE,
} HopOutcome;

/* One request. On a redirect, replaces *uri with the next URL. */
static HopOutcome
fetch_hop (FetchRun        *run,
           GUri           **uri,
           CrbFetchResult  *result,
           GError         **error)
{
  g_autoptr (GPtrArray) addresses = NULL;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GError) local_error = NULL;
  guint status;

  addresses = resolve_and_check (run, *uri, error);
  if (addresses == NULL)
    return HOP_FAILED;

  session = open_session (run, *uri, addresses);
  message = soup_message_new_from_uri (SOUP_METHOD_GET, *uri);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                "text/html,application/xhtml+xml,application/pdf;q=0.9,"
                                "text/plain;q=0.8,*/*;q=0.5");
  g_ptr_array_add (run->visited, crb_fetch_url_key (*uri));
  g_ptr_array_add (result->redirect_chain, g_uri_to_string (*uri));

  stream = soup_session_send (session, message, run->cancellable, &local_error);
  if (stream == NULL)
    {
      fetch_run_set_transfer_error (run, *uri, message, local_error, error);
      return HOP_FAILED;
    }
  result->retrieved_at = g_date_time_new_now_utc ();

  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND ||
      status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT ||
      status == SOUP_STATUS_PERMANENT_REDIRECT)
    {
      const char *location =
          soup_message_headers_get_one (soup_message_get_response_headers (message), "Location");
      GUri *next;

      discard_response (stream);
      g_clear_pointer (&result->retrieved_at, g_date_time_unref);
      if (location == NULL)
        {
          crb_fetch_error_set_status (error, status);
          return HOP_FAILED;
        }
      next = crb_fetch_follow_redirect (*uri, location, run->visited, run->settings->max_redirects, error);
      if (next == NULL)
        return HOP_FAILED;
      g_uri_unref (*uri);
      *uri = next;
      return HOP_REDIRECTED;
    }

  if (status != SOUP_STATUS_OK && status != SOUP_STATUS_NON_AUTHORITATIVE)
    {
      discard_response (stream);
      crb_fetch_error_set_status (error, status);
      return HOP_FAILED;
    }

  if (!take_document (run, *uri, message, stream, addresses, result, error))
    {
      discard_response (stream);
      return HOP_FAILED;
    }
  /* At end of body, so closing reads nothing more. */
  g_input_stream_close (stream, run->cancellable, NULL);
  return HOP_DONE;
}

CrbFetchResult *
crb_fetch_transfer (const CrbFetchSettings  *settings,
                    GMainContext            *watchdog_context,
                    GUri                    *uri,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_autoptr (CrbFetchResult) result = crb_fetch_result_new ();
  g_autoptr (GUri) current = g_uri_ref (uri);
  FetchRun   run = { 0 };
  HopOutcome outcome;

  result->requested_url = g_uri_to_string (uri);

  fetch_run_begin (&run, settings, watchdog_context, cancellable);
  do
    outcome = fetch_hop (&run, &current, result, error);
  while (outcome == HOP_REDIRECTED);
  fetch_run_end (&run);

  if (outcome != HOP_DONE)
    return NULL;
  return g_steal_pointer (&result);
}

void
crb_fetch_settings_clear (CrbFetchSettings *settings)
{
  g_clear_pointer (&settings->user_agent, g_free);
  g_clear_object (&settings->tls_database);
}
