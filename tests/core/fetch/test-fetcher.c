/* test-fetcher.c: CrbFetcher against real SoupServers on 127.0.0.1
 *
 * The servers run on the main context of this thread; every fetch runs in a
 * worker thread (crb_fetcher_fetch is blocking) while the test iterates the
 * main context until the worker is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "crb-address-check.h"
#include "crb-fetch-content-type.h"
#include "crb-fetch-url.h"
#include "crb-fetcher.h"

#define MiB (1024 * 1024)

/* The cap several tests set, and bodies on either side of it. */
#define SMALL_CAP (1 * MiB)
#define BIG_BODY (4 * MiB)
/* What the bomb decodes to: over a gigabyte of zeros. */
#define BOMB_DECODED ((guint64) 1100 * MiB)

static const char article_html[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Port reopens after storm</title></head><body><article>"
    "<h1>Port reopens after storm</h1><p>The harbour authority said on Tuesday that "
    "ships could dock again — “a week earlier than feared”.</p></article></body></html>";

static const char cp1251_text[] =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
    "<title>Новости</title></head><body><p>Порт снова открыт после шторма.</p></body></html>";

static SoupServer   *plain_server;
static SoupServer   *tls_server;
static char         *plain_base; /* http://127.0.0.1:PORT */
static char         *tls_base;   /* https://127.0.0.1:PORT, NULL without TLS support */
static guint         plain_port;
static guint         tls_port;
static GTlsDatabase *test_ca;
static GBytes       *bomb; /* gzip, gzip of BOMB_DECODED zeros */
static guint         requests_seen;
static gboolean      drip_started;
static GList        *stalled; /* SoupServerMessage, paused for good */

/* Server side */

static char *
url_for (const char *base,
         const char *path)
{
  return g_strconcat (base, path, NULL);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const void        *body,
         gsize              length)
{
  soup_server_message_set_status (msg, status, NULL);
  if (content_type != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, length);
}

static void
redirect (SoupServerMessage *msg,
          guint              status,
          const char        *location)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                location);
}

typedef struct
{
  SoupServerMessage *msg;
  guint              source;
  guint              sent;
} Drip;

static void
drip_finished_cb (SoupServerMessage *msg,
                  Drip              *drip)
{
  g_clear_handle_id (&drip->source, g_source_remove);
  g_free (drip);
}

static gboolean
drip_cb (gpointer data)
{
  Drip            *drip = data;
  SoupMessageBody *body = soup_server_message_get_response_body (drip->msg);

  /* One byte a second for two minutes, far past any deadline in here. */
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "x", 1);
  if (++drip->sent == 120)
    {
      soup_message_body_complete (body);
      drip->source = 0;
    }
  soup_server_message_unpause (drip->msg);
  return drip->source != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
start_drip (SoupServerMessage *msg)
{
  Drip               *drip = g_new0 (Drip, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  drip->msg = msg;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "text/html", NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, "<",
                            1);
  drip->source = g_timeout_add_seconds (1, drip_cb, drip);
  g_signal_connect (msg, "finished", G_CALLBACK (drip_finished_cb), drip);
  soup_server_message_pause (msg);
  drip_started = TRUE;
}

static void
serve_big (SoupServerMessage *msg,
           gboolean           chunked)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody    *body = soup_server_message_get_response_body (msg);
  g_autoptr (GBytes) block = NULL;
  char *filler = g_malloc (MiB);

  memset (filler, 'a', MiB);
  block = g_bytes_new_take (filler, MiB);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "text/plain", NULL);
  if (chunked)
    soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  for (guint i = 0; i < BIG_BODY / MiB; i++)
    soup_message_body_append_bytes (body, block);
  soup_message_body_complete (body);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  g_atomic_int_inc (&requests_seen);

  if (g_str_equal (path, "/article") || g_str_equal (path, "/chain/0"))
    {
      soup_message_headers_replace (headers, "Last-Modified", "Tue, 03 Nov 2026 08:00:00 GMT");
      soup_message_headers_replace (headers, "ETag", "\"v1-article\"");
      soup_message_headers_replace (headers, "Content-Language", "en");
      respond (msg, SOUP_STATUS_OK, "text/html; charset=UTF-8", article_html,
               strlen (article_html));
    }
  else if (g_str_has_prefix (path, "/chain/"))
    {
      guint64          left = g_ascii_strtoull (path + strlen ("/chain/"), NULL, 10);
      g_autofree char *next = g_strdup_printf ("%" G_GUINT64_FORMAT, left - 1);

      /* A relative Location, resolved against /chain/N */
      redirect (msg, SOUP_STATUS_FOUND, next);
    }
  else if (g_str_equal (path, "/loop/a"))
    redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/loop/b");
  else if (g_str_equal (path, "/loop/b"))
    {
      g_autofree char *back = url_for (plain_base, "/loop/a");

      redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, back);
    }
  else if (g_str_equal (path, "/to-http"))
    {
      g_autofree char *insecure = url_for (plain_base, "/article");

      redirect (msg, SOUP_STATUS_FOUND, insecure);
    }
  else if (g_str_equal (path, "/no-location"))
    soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  else if (g_str_equal (path, "/image"))
    respond (msg, SOUP_STATUS_OK, "image/png", "\x89PNG\r\n\x1a\n", 8);
  else if (g_str_equal (path, "/broken"))
    respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/html", "<p>oops</p>", 11);
  else if (g_str_equal (path, "/big"))
    serve_big (msg, FALSE);
  else if (g_str_equal (path, "/big-chunked"))
    serve_big (msg, TRUE);
  else if (g_str_equal (path, "/exact"))
    {
      g_autofree char *body = g_malloc (SMALL_CAP);

      memset (body, 'b', SMALL_CAP);
      respond (msg, SOUP_STATUS_OK, "text/plain", body, SMALL_CAP);
    }
  else if (g_str_equal (path, "/bomb"))
    {
      soup_message_headers_replace (headers, "Content-Encoding", "gzip, gzip");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, "text/html", NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bomb);
    }
  else if (g_str_equal (path, "/drip"))
    start_drip (msg);
  else if (g_str_equal (path, "/stall"))
    {
      /* Never answers; the client's deadline has to end the wait. */
      soup_server_message_pause (msg);
      stalled = g_list_prepend (stalled, g_object_ref (msg));
    }
  else if (g_str_equal (path, "/zstd"))
    {
      soup_message_headers_replace (headers, "Content-Encoding", "zstd");
      respond (msg, SOUP_STATUS_OK, "text/html", "(\xb5/\xfd", 4);
    }
  else if (g_str_equal (path, "/cp1251"))
    {
      g_autofree char *bytes = NULL;
      gsize            length = 0;

      bytes = g_convert (cp1251_text, -1, "WINDOWS-1251", "UTF-8", NULL, &length, NULL);
      g_assert_nonnull (bytes);
      respond (msg, SOUP_STATUS_OK, "text/html", bytes, length);
    }
  else if (g_str_equal (path, "/files/report.pdf"))
    respond (msg, SOUP_STATUS_OK, "application/octet-stream", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 15);
  else if (g_str_equal (path, "/files/fake.pdf"))
    respond (msg, SOUP_STATUS_OK, "application/octet-stream", "<html>not a pdf</html>", 22);
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<p>no such page</p>", 19);
}

static SoupServer *
start_server (GTlsCertificate  *certificate,
              guint            *port,
              char            **base)
{
  g_autoptr (GError) error = NULL;
  SoupServer *server;
  GSList     *uris;

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (
      server, 0,
      SOUP_SERVER_LISTEN_IPV4_ONLY | (certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0), &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *port = g_uri_get_port (uris->data);
  *base = g_strdup_printf ("%s://127.0.0.1:%u", certificate != NULL ? "https" : "http", *port);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return server;
}

/* Client side */

typedef struct
{
  CrbFetcher     *fetcher;
  char           *url;
  GCancellable   *cancellable;
  CrbFetchResult *result;
  GError         *error;
  gint64          elapsed_us;
  gboolean        done;
} FetchJob;

static void
fetch_job_done_cb (gpointer data)
{
  ((FetchJob *) data)->done = TRUE;
}

static gpointer
fetch_job_thread (gpointer data)
{
  FetchJob *job = data;
  gint64    start = g_get_monotonic_time ();

  job->result = crb_fetcher_fetch (job->fetcher, job->url, job->cancellable, &job->error);
  job->elapsed_us = g_get_monotonic_time () - start;
  g_idle_add_once (fetch_job_done_cb, job);
  return NULL;
}

static void
bound_reached_cb (gpointer data)
{
  g_error ("A fetch ran past the test's bound of two minutes");
}

/* Runs the blocking fetch in a thread while this thread serves. */
static void
fetch_job_run (FetchJob *job)
{
  GThread *thread = g_thread_new ("test-fetch", fetch_job_thread, job);
  guint    bound = g_timeout_add_once (120 * 1000, bound_reached_cb, NULL);

  while (!job->done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (bound);
  g_thread_join (thread);
  /* Nothing partial: a result or an error, never both. */
  g_assert_true ((job->result == NULL) != (job->error == NULL));
}

static void
fetch_job_clear (FetchJob *job)
{
  g_clear_object (&job->fetcher);
  g_clear_pointer (&job->url, g_free);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->result, crb_fetch_result_free);
  g_clear_error (&job->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FetchJob, fetch_job_clear)

/* A fetcher allowed to reach the loopback servers. */
static CrbFetcher *
local_fetcher (void)
{
  CrbFetcher *fetcher = crb_fetcher_new ();

  crb_fetcher_set_allow_private (fetcher, TRUE);
  return fetcher;
}

static void
fetch_path (FetchJob   *job,
            CrbFetcher *fetcher,
            const char *base,
            const char *path)
{
  job->fetcher = fetcher;
  job->url = url_for (base, path);
  fetch_job_run (job);
}

static void
assert_fetch_error (FetchJob      *job,
                    CrbFetchError  code,
                    const char    *fragment)
{
  g_assert_error (job->error, CRB_FETCH_ERROR, (int) code);
  g_assert_null (job->result);
  g_test_message ("%s: %s", job->url, job->error->message);
  if (fragment != NULL && strstr (job->error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", job->error->message, fragment);
}

static gboolean
tls_available (void)
{
  if (tls_base == NULL)
    {
      g_test_skip ("No TLS backend (glib-networking) or test certificate");
      return FALSE;
    }
  return TRUE;
}

/* Unit tests of the pieces */

static void
test_address_classify (void)
{
  static const struct
  {
    const char    *address;
    CrbAddressKind kind;
  } cases[] = {
    { "93.184.216.34", CRB_ADDRESS_PUBLIC },
    { "8.8.8.8", CRB_ADDRESS_PUBLIC },
    { "2606:4700:4700::1111", CRB_ADDRESS_PUBLIC },
    { "::ffff:8.8.8.8", CRB_ADDRESS_PUBLIC },
    { "0.0.0.0", CRB_ADDRESS_UNSPECIFIED },
    { "::", CRB_ADDRESS_UNSPECIFIED },
    { "127.0.0.1", CRB_ADDRESS_LOOPBACK },
    { "127.255.0.9", CRB_ADDRESS_LOOPBACK },
    { "::1", CRB_ADDRESS_LOOPBACK },
    { "::ffff:127.0.0.1", CRB_ADDRESS_LOOPBACK },
    { "10.1.2.3", CRB_ADDRESS_PRIVATE },
    { "172.16.0.1", CRB_ADDRESS_PRIVATE },
    { "172.31.255.255", CRB_ADDRESS_PRIVATE },
    { "172.32.0.1", CRB_ADDRESS_PUBLIC },
    { "192.168.1.1", CRB_ADDRESS_PRIVATE },
    { "::ffff:10.0.0.1", CRB_ADDRESS_PRIVATE },
    { "fd12:3456::1", CRB_ADDRESS_PRIVATE },
    { "fc00::1", CRB_ADDRESS_PRIVATE },
    { "64:ff9b::a00:1", CRB_ADDRESS_PRIVATE },   /* NAT64 of 10.0.0.1 */
    { "64:ff9b::808:808", CRB_ADDRESS_PUBLIC },  /* NAT64 of 8.8.8.8 */
    { "2002:c0a8:101::1", CRB_ADDRESS_PRIVATE }, /* 6to4 of 192.168.1.1 */
    { "100.64.0.1", CRB_ADDRESS_SHARED },
    { "100.127.255.254", CRB_ADDRESS_SHARED },
    { "100.128.0.1", CRB_ADDRESS_PUBLIC },
    { "169.254.169.254", CRB_ADDRESS_LINK_LOCAL }, /* cloud metadata services */
    { "fe80::1", CRB_ADDRESS_LINK_LOCAL },
    { "224.0.0.1", CRB_ADDRESS_MULTICAST },
    { "ff02::1", CRB_ADDRESS_MULTICAST },
    { "255.255.255.255", CRB_ADDRESS_RESERVED },
    { "192.0.2.10", CRB_ADDRESS_RESERVED },
    { "2001:db8::1", CRB_ADDRESS_RESERVED },
    { "4000::1", CRB_ADDRESS_RESERVED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GInetAddress) address = g_inet_address_new_from_string (cases[i].address);

      g_assert_nonnull (address);
      if (crb_address_classify (address) != cases[i].kind)
        g_error ("%s classified as %s", cases[i].address,
                 crb_address_kind_describe (crb_address_classify (address)));
    }
}

static void
test_url_parse (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GUri) uri = NULL;

  uri = crb_fetch_parse_url ("  https://Example.org/a?b=1#c \n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_host (uri), ==, "Example.org");
  g_clear_pointer (&uri, g_uri_unref);

  uri = crb_fetch_parse_url ("ftp://example.org/file.pdf", &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_UNSUPPORTED_SCHEME);
  g_assert_null (uri);
  g_clear_error (&error);

  uri = crb_fetch_parse_url ("file:///etc/passwd", &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_UNSUPPORTED_SCHEME);
  g_clear_error (&error);

  uri = crb_fetch_parse_url ("example.org/news", &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INVALID_URL);
  g_clear_error (&error);

  uri = crb_fetch_parse_url ("https://bank.example@evil.example/", &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INVALID_URL);
  g_clear_error (&error);

  uri = crb_fetch_parse_url ("https:///path-only", &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INVALID_URL);
  g_clear_error (&error);
}

static GUri *
follow (const char  *from,
        const char  *location,
        GPtrArray   *visited,
        GError     **error)
{
  g_autoptr (GUri) current = g_uri_parse (from, SOUP_HTTP_URI_FLAGS, NULL);

  g_assert_nonnull (current);
  return crb_fetch_follow_redirect (current, location, visited, 5, error);
}

static void
test_url_redirect (void)
{
  g_autoptr (GPtrArray) visited = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GUri) next = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (visited, g_strdup ("https://news.example:443/a"));

  /* The downgrade, decided on the URL pair alone. */
  next = follow ("https://news.example/a", "http://news.example/a", visited, &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INSECURE_REDIRECT);
  g_assert_cmpstr (error->message, ==,
                   "The page redirected from https to http; Corroborate does not follow "
                   "insecure redirects.");
  g_assert_null (next);
  g_clear_error (&error);

  next = follow ("http://news.example/a", "https://news.example/secure", visited, &error);
  g_assert_no_error (error);
  g_clear_pointer (&next, g_uri_unref);

  /* Relative, with the fragment carried over */
  next = follow ("https://news.example/2026/story#part-2", "../amp/story", visited, &error);
  g_assert_no_error (error);
  text = g_uri_to_string (next);
  g_assert_cmpstr (text, ==, "https://news.example/amp/story#part-2");
  g_clear_pointer (&next, g_uri_unref);

  next = follow ("https://news.example/b", "javascript:alert(1)", visited, &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_UNSUPPORTED_SCHEME);
  g_clear_error (&error);

  /* Back to a URL already requested, even spelled differently */
  next = follow ("https://news.example/b", "HTTPS://NEWS.EXAMPLE:443/a#top", visited, &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_REDIRECT_LOOP);
  g_clear_error (&error);

  /* Five redirects followed (six URLs requested): the sixth is refused. */
  for (guint i = 1; i <= 4; i++)
    g_ptr_array_add (visited, g_strdup_printf ("https://news.example:443/hop%u", i));
  next = follow ("https://news.example/hop4", "/hop5", visited, &error);
  g_assert_no_error (error);
  g_clear_pointer (&next, g_uri_unref);
  g_ptr_array_add (visited, g_strdup ("https://news.example:443/hop5"));
  next = follow ("https://news.example/hop5", "/hop6", visited, &error);
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_TOO_MANY_REDIRECTS);
  g_clear_error (&error);
}

static void
test_content_type (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = g_bytes_new_static ("%PDF-1.7\n", 9);
  g_autoptr (GBytes) html = g_bytes_new_static ("<html>", 6);
  g_autoptr (GBytes) epub = g_bytes_new_static ("PK\3\4\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                                                "\0\0\0\0\0\0mimetypeapplication/epub+zip",
                                                58);
  gboolean sniff = TRUE;

  g_assert_cmpstr (crb_fetch_content_type_accept ("text/html", "/a", &sniff, &error), ==,
                   "text/html");
  g_assert_false (sniff);
  g_assert_cmpstr (crb_fetch_content_type_accept ("application/pdf", "/a", &sniff, &error), ==,
                   "application/pdf");

  g_assert_null (crb_fetch_content_type_accept ("image/png", "/a.png", &sniff, &error));
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_CONTENT_TYPE);
  g_assert_nonnull (strstr (error->message, "image/png"));
  g_clear_error (&error);

  g_assert_cmpstr (
      crb_fetch_content_type_accept ("application/octet-stream", "/x/Report.PDF", &sniff, &error),
      ==, "application/pdf");
  g_assert_true (sniff);
  g_assert_true (crb_fetch_content_type_confirm ("application/pdf", pdf, &error));
  g_assert_false (crb_fetch_content_type_confirm ("application/pdf", html, &error));
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_CONTENT_TYPE);
  g_clear_error (&error);

  g_assert_cmpstr (crb_fetch_content_type_accept (NULL, "/book.epub", &sniff, &error), ==,
                   "application/epub+zip");
  g_assert_true (crb_fetch_content_type_confirm ("application/epub+zip", epub, &error));
  g_assert_false (
      crb_fetch_content_type_confirm ("application/vnd.oasis.opendocument.text", epub, &error));
  g_clear_error (&error);

  /* Text has no signature, so an unlabelled .html is not guessed. */
  g_assert_null (
      crb_fetch_content_type_accept ("application/octet-stream", "/page.html", &sniff, &error));
  g_assert_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_CONTENT_TYPE);
}

static void
test_new_destroy (void)
{
  g_auto (FetchJob) job = { 0 };
  CrbFetcher *fetcher = crb_fetcher_new ();

  g_assert_cmpuint (crb_fetcher_get_deadline (fetcher), ==, 30);
  g_assert_cmpuint (crb_fetcher_get_max_bytes (fetcher), ==, 20 * MiB);
  g_assert_cmpuint (crb_fetcher_get_max_redirects (fetcher), ==, 5);
  g_assert_false (crb_fetcher_get_allow_private (fetcher));
  g_assert_finalize_object (fetcher);

  /* Also after a fetch has started its deadline thread */
  fetch_path (&job, local_fetcher (), plain_base, "/article");
  g_assert_no_error (job.error);
  g_assert_finalize_object (g_steal_pointer (&job.fetcher));
}

/* Fetches */

static void
test_article (void)
{
  g_auto (FetchJob) job = { 0 };
  g_autofree char *expected_url = url_for (plain_base, "/article");
  g_autofree char *expected_sha = NULL;
  g_autoptr (GBytes) expected = g_bytes_new_static (article_html, strlen (article_html));
  CrbFetchResult *result;

  fetch_path (&job, local_fetcher (), plain_base, "/article");
  g_assert_no_error (job.error);
  result = job.result;
  g_assert_cmpstr (result->requested_url, ==, expected_url);
  g_assert_cmpstr (result->final_url, ==, expected_url);
  g_assert_cmpuint (result->redirect_chain->len, ==, 1);
  g_assert_cmpuint (result->status, ==, 200);
  g_assert_cmpstr (result->content_type, ==, "text/html");
  g_assert_false (result->content_type_sniffed);
  g_assert_cmpstr (result->charset, ==, "utf-8");
  g_assert_cmpstr (result->last_modified, ==, "Tue, 03 Nov 2026 08:00:00 GMT");
  g_assert_cmpstr (result->etag, ==, "\"v1-article\"");
  g_assert_cmpstr (result->content_language, ==, "en");
  g_assert_nonnull (result->date);
  g_assert_cmpstr (result->remote_address, ==, "127.0.0.1");
  g_assert_nonnull (result->retrieved_at);
  g_assert_cmpint (g_date_time_get_utc_offset (result->retrieved_at), ==, 0);
  g_assert_true (g_bytes_equal (result->body, expected));
  expected_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, expected);
  g_assert_cmpstr (result->sha256, ==, expected_sha);
  g_assert_cmpuint (strlen (result->sha256), ==, 64);
}

static void
test_redirect_chain (void)
{
  g_auto (FetchJob) job = { 0 };
  g_autofree char *final = url_for (plain_base, "/chain/0");
  g_autofree char *second = url_for (plain_base, "/chain/2");

  fetch_path (&job, local_fetcher (), plain_base, "/chain/3");
  g_assert_no_error (job.error);
  g_assert_cmpstr (job.result->final_url, ==, final);
  g_assert_cmpuint (job.result->redirect_chain->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (job.result->redirect_chain, 1), ==, second);
  g_assert_cmpstr (g_ptr_array_index (job.result->redirect_chain, 3), ==, final);
  g_assert_cmpstr (job.result->etag, ==, "\"v1-article\"");
}

static void
test_redirect_limit (void)
{
  g_auto (FetchJob) five = { 0 };
  g_auto (FetchJob) six = { 0 };

  fetch_path (&five, local_fetcher (), plain_base, "/chain/5");
  g_assert_no_error (five.error);
  g_assert_cmpuint (five.result->redirect_chain->len, ==, 6);

  fetch_path (&six, local_fetcher (), plain_base, "/chain/6");
  assert_fetch_error (&six, CRB_FETCH_ERROR_TOO_MANY_REDIRECTS, "more than 5 times");
}

static void
test_redirect_loop (void)
{
  g_auto (FetchJob) job = { 0 };

  fetch_path (&job, local_fetcher (), plain_base, "/loop/a");
  assert_fetch_error (&job, CRB_FETCH_ERROR_REDIRECT_LOOP, "in a circle");
}

static void
test_redirect_without_location (void)
{
  g_auto (FetchJob) job = { 0 };

  fetch_path (&job, local_fetcher (), plain_base, "/no-location");
  assert_fetch_error (&job, CRB_FETCH_ERROR_HTTP_STATUS, "302 Found");
}

static void
test_http_status (void)
{
  g_auto (FetchJob) missing = { 0 };
  g_auto (FetchJob) broken = { 0 };

  fetch_path (&missing, local_fetcher (), plain_base, "/missing");
  assert_fetch_error (&missing, CRB_FETCH_ERROR_HTTP_STATUS, "The server answered 404 Not Found.");

  fetch_path (&broken, local_fetcher (), plain_base, "/broken");
  assert_fetch_error (&broken, CRB_FETCH_ERROR_HTTP_STATUS,
                      "The server answered 500 Internal Server Error.");
}

static void
test_wrong_content_type (void)
{
  g_auto (FetchJob) job = { 0 };

  fetch_path (&job, local_fetcher (), plain_base, "/image");
  assert_fetch_error (&job, CRB_FETCH_ERROR_CONTENT_TYPE, "image/png");
}

static void
test_octet_stream (void)
{
  g_auto (FetchJob) real = { 0 };
  g_auto (FetchJob) fake = { 0 };

  fetch_path (&real, local_fetcher (), plain_base, "/files/report.pdf");
  g_assert_no_error (real.error);
  g_assert_cmpstr (real.result->content_type, ==, "application/pdf");
  g_assert_true (real.result->content_type_sniffed);
  g_assert_null (real.result->charset);

  fetch_path (&fake, local_fetcher (), plain_base, "/files/fake.pdf");
  assert_fetch_error (&fake, CRB_FETCH_ERROR_CONTENT_TYPE, "not the PDF");
}

static void
test_too_large (gconstpointer data)
{
  g_auto (FetchJob) job = { 0 };

  job.fetcher = local_fetcher ();
  crb_fetcher_set_max_bytes (job.fetcher, SMALL_CAP);
  job.url = url_for (plain_base, data);
  fetch_job_run (&job);
  assert_fetch_error (&job, CRB_FETCH_ERROR_TOO_LARGE, "The page is larger than 1 MB.");
}

static void
test_exactly_at_cap (void)
{
  g_auto (FetchJob) job = { 0 };

  job.fetcher = local_fetcher ();
  crb_fetcher_set_max_bytes (job.fetcher, SMALL_CAP);
  job.url = url_for (plain_base, "/exact");
  fetch_job_run (&job);
  g_assert_no_error (job.error);
  g_assert_cmpuint (g_bytes_get_size (job.result->body), ==, SMALL_CAP);
}

static gsize
peak_resident_kib (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

/* A gzip writer into memory. */
static GOutputStream *
gzip_writer_new (int             level,
                 GOutputStream **memory)
{
  g_autoptr (GZlibCompressor) compressor =
      g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, level);

  *memory = g_memory_output_stream_new_resizable ();
  return g_converter_output_stream_new (*memory, G_CONVERTER (compressor));
}

/* gzip of gzip of zeros: deflate tops out near 1000:1, but the first pass's
 * output is so regular that the second shrinks it a few hundred times more.
 * The first pass runs at level 1, which is fast and, on zeros, compresses
 * the second pass's input almost as well as level 9. */
static GBytes *
make_bomb (void)
{
  g_autoptr (GOutputStream) inner_memory = NULL;
  g_autoptr (GOutputStream) outer_memory = NULL;
  g_autoptr (GOutputStream) inner = gzip_writer_new (1, &inner_memory);
  g_autoptr (GOutputStream) outer = gzip_writer_new (9, &outer_memory);
  g_autofree char *zeros = g_malloc0 (MiB);
  g_autoptr (GError) error = NULL;

  for (guint64 written = 0; written < BOMB_DECODED && error == NULL; written += MiB)
    g_output_stream_write_all (inner, zeros, MiB, NULL, NULL, &error);
  g_output_stream_close (inner, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (
      outer, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (inner_memory)),
      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (inner_memory)), NULL, NULL,
      &error);
  g_assert_no_error (error);
  g_output_stream_close (outer, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (outer_memory));
}

static void
test_gzip_bomb (void)
{
  g_auto (FetchJob) job = { 0 };
  gsize before;
  gsize after;

  if (bomb == NULL)
    bomb = make_bomb ();
  g_test_message ("bomb: %zu bytes on the wire, %" G_GUINT64_FORMAT " bytes decoded",
                  g_bytes_get_size (bomb), BOMB_DECODED);
  g_assert_cmpuint (g_bytes_get_size (bomb), <, 64 * 1024);

  before = peak_resident_kib ();
  fetch_path (&job, local_fetcher (), plain_base, "/bomb");
  after = peak_resident_kib ();
  assert_fetch_error (&job, CRB_FETCH_ERROR_TOO_LARGE,
                      "The page is larger than 20 MB after decompression.");
  g_test_message ("peak resident memory grew by %zu KiB", after - before);
  if (before == 0)
    g_test_message ("no /proc/self/status: memory not checked");
  else
    g_assert_cmpuint (after - before, <, (20 + 64) * 1024);
}

static void
test_drip_deadline (void)
{
  g_auto (FetchJob) job = { 0 };

  job.fetcher = local_fetcher ();
  crb_fetcher_set_deadline (job.fetcher, 2);
  job.url = url_for (plain_base, "/drip");
  fetch_job_run (&job);
  assert_fetch_error (&job, CRB_FETCH_ERROR_TIMEOUT, "within 2 seconds");
  g_test_message ("the drip fetch ended after %.2f s", job.elapsed_us / 1e6);
  /* Generous, not a timing test: the fetch did not wait for the body. */
  g_assert_cmpint (job.elapsed_us, <, 4 * 2 * G_USEC_PER_SEC);
}

static void
test_stalled_headers (void)
{
  g_auto (FetchJob) job = { 0 };

  job.fetcher = local_fetcher ();
  crb_fetcher_set_deadline (job.fetcher, 1);
  job.url = url_for (plain_base, "/stall");
  fetch_job_run (&job);
  assert_fetch_error (&job, CRB_FETCH_ERROR_TIMEOUT, "within 1 second;");
  g_assert_cmpint (job.elapsed_us, <, 4 * 1 * G_USEC_PER_SEC);
}

static void
test_unknown_encoding (void)
{
  g_auto (FetchJob) job = { 0 };

  fetch_path (&job, local_fetcher (), plain_base, "/zstd");
  assert_fetch_error (&job, CRB_FETCH_ERROR_CONTENT_TYPE, "“zstd”");
}

static void
cancel_when_dripping_cb (gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_cancel (void)
{
  g_auto (FetchJob) job = { 0 };
  GThread *thread;

  job.fetcher = local_fetcher ();
  job.url = url_for (plain_base, "/drip");
  job.cancellable = g_cancellable_new ();
  drip_started = FALSE;
  thread = g_thread_new ("test-fetch", fetch_job_thread, &job);
  while (!drip_started)
    g_main_context_iteration (NULL, TRUE);
  g_idle_add_once (cancel_when_dripping_cb, job.cancellable);
  while (!job.done)
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  assert_fetch_error (&job, CRB_FETCH_ERROR_CANCELLED, "cancelled");
}

static void
test_cp1251_meta_only (void)
{
  g_auto (FetchJob) job = { 0 };
  g_autofree char *expected = NULL;
  gsize            expected_length = 0;
  gsize            length = 0;
  const char      *body;

  expected = g_convert (cp1251_text, -1, "WINDOWS-1251", "UTF-8", NULL, &expected_length, NULL);
  fetch_path (&job, local_fetcher (), plain_base, "/cp1251");
  g_assert_no_error (job.error);
  g_assert_null (job.result->charset);
  body = g_bytes_get_data (job.result->body, &length);
  g_assert_cmpmem (body, length, expected, expected_length);
  g_assert_false (g_utf8_validate (body, length, NULL));
}

static void
test_private_refused (void)
{
  static const char *const hosts[] = {
    "127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0",
  };
  guint seen = g_atomic_int_get (&requests_seen);

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_auto (FetchJob) job = { 0 };

      job.fetcher = crb_fetcher_new ();
      job.url = g_strdup_printf ("http://%s:%u/article", hosts[i], plain_port);
      fetch_job_run (&job);
      assert_fetch_error (&job, CRB_FETCH_ERROR_PRIVATE_ADDRESS, "when you allow it");
    }
  /* Refused before connecting: the server never saw a request. */
  g_assert_cmpuint (g_atomic_int_get (&requests_seen), ==, seen);
}

static void
fetch_async_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  FetchJob *job = data;

  job->result = crb_fetcher_fetch_finish (CRB_FETCHER (source), result, &job->error);
  job->done = TRUE;
}

static void
test_async (void)
{
  g_auto (FetchJob) job = { 0 };

  job.fetcher = local_fetcher ();
  job.url = g_strdup (plain_base);
  crb_fetcher_fetch_async (job.fetcher, job.url, NULL, fetch_async_cb, &job);
  while (!job.done)
    g_main_context_iteration (NULL, TRUE);
  assert_fetch_error (&job, CRB_FETCH_ERROR_HTTP_STATUS, "404");
  g_clear_error (&job.error);

  job.done = FALSE;
  g_free (job.url);
  job.url = url_for (plain_base, "/chain/1");
  crb_fetcher_fetch_async (job.fetcher, job.url, NULL, fetch_async_cb, &job);
  while (!job.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (job.error);
  g_assert_cmpuint (job.result->redirect_chain->len, ==, 2);
}

/* TLS */

static CrbFetcher *
tls_fetcher (void)
{
  CrbFetcher *fetcher = local_fetcher ();

  crb_fetcher_set_tls_database (fetcher, test_ca);
  return fetcher;
}

static void
test_tls_verified (void)
{
  g_auto (FetchJob) job = { 0 };

  if (!tls_available ())
    return;
  fetch_path (&job, tls_fetcher (), tls_base, "/chain/2");
  g_assert_no_error (job.error);
  g_assert_cmpuint (job.result->status, ==, 200);
  g_assert_true (g_str_has_prefix (job.result->final_url, "https://127.0.0.1:"));
}

static void
test_tls_untrusted (void)
{
  g_auto (FetchJob) job = { 0 };
  guint seen = g_atomic_int_get (&requests_seen);

  if (!tls_available ())
    return;
  /* The system's trust store does not know the test CA. */
  fetch_path (&job, local_fetcher (), tls_base, "/article");
  assert_fetch_error (&job, CRB_FETCH_ERROR_TLS, "not signed by an authority");
  g_assert_cmpuint (g_atomic_int_get (&requests_seen), ==, seen);
}

static void
test_tls_wrong_name (void)
{
  g_auto (FetchJob) job = { 0 };
  g_autofree char *base = NULL;

  if (!tls_available ())
    return;
  /* Trusted CA, but the certificate names 127.0.0.1, not localhost: the
   * pinned connection must still check the name that was asked for. */
  base = g_strdup_printf ("https://localhost:%u", tls_port);
  fetch_path (&job, tls_fetcher (), base, "/article");
  assert_fetch_error (&job, CRB_FETCH_ERROR_TLS, "issued for a different site");
}

static void
test_tls_downgrade (void)
{
  g_auto (FetchJob) job = { 0 };

  if (!tls_available ())
    return;
  fetch_path (&job, tls_fetcher (), tls_base, "/to-http");
  assert_fetch_error (&job, CRB_FETCH_ERROR_INSECURE_REDIRECT,
                      "The page redirected from https to http; Corroborate does not follow "
                      "insecure redirects.");
}

static void
start_tls_server (void)
{
  g_autofree char *ca = g_test_build_filename (G_TEST_DIST, "core", "fetch", "ca.pem", NULL);
  g_autofree char *cert =
      g_test_build_filename (G_TEST_DIST, "core", "fetch", "server-cert.pem", NULL);
  g_autofree char *key =
      g_test_build_filename (G_TEST_DIST, "core", "fetch", "server-key.pem", NULL);
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    return;
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  test_ca = g_tls_file_database_new (ca, &error);
  g_assert_no_error (error);
  tls_server = start_server (certificate, &tls_port, &tls_base);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const proxy_variables[] = {
    "http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
  };
  int status;

  /* The loopback servers must be reached directly, whatever the desktop or
   * the CI configures: GIO's dummy resolver always answers "direct". */
  for (guint i = 0; i < G_N_ELEMENTS (proxy_variables); i++)
    g_unsetenv (proxy_variables[i]);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  plain_server = start_server (NULL, &plain_port, &plain_base);
  start_tls_server ();

  g_test_add_func ("/crb/core/fetcher/address/classify", test_address_classify);
  g_test_add_func ("/crb/core/fetcher/url/parse", test_url_parse);
  g_test_add_func ("/crb/core/fetcher/url/redirect", test_url_redirect);
  g_test_add_func ("/crb/core/fetcher/content-type/policy", test_content_type);
  g_test_add_func ("/crb/core/fetcher/new-destroy", test_new_destroy);
  g_test_add_func ("/crb/core/fetcher/fetch/article", test_article);
  g_test_add_func ("/crb/core/fetcher/fetch/redirect-chain", test_redirect_chain);
  g_test_add_func ("/crb/core/fetcher/fetch/redirect-limit", test_redirect_limit);
  g_test_add_func ("/crb/core/fetcher/fetch/redirect-loop", test_redirect_loop);
  g_test_add_func ("/crb/core/fetcher/fetch/redirect-without-location",
                   test_redirect_without_location);
  g_test_add_func ("/crb/core/fetcher/fetch/http-status", test_http_status);
  g_test_add_func ("/crb/core/fetcher/fetch/wrong-content-type", test_wrong_content_type);
  g_test_add_func ("/crb/core/fetcher/fetch/octet-stream", test_octet_stream);
  g_test_add_data_func ("/crb/core/fetcher/fetch/too-large", "/big", test_too_large);
  g_test_add_data_func ("/crb/core/fetcher/fetch/too-large-chunked", "/big-chunked",
                        test_too_large);
  g_test_add_func ("/crb/core/fetcher/fetch/exactly-at-cap", test_exactly_at_cap);
  g_test_add_func ("/crb/core/fetcher/fetch/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/crb/core/fetcher/fetch/drip-deadline", test_drip_deadline);
  g_test_add_func ("/crb/core/fetcher/fetch/stalled-headers", test_stalled_headers);
  g_test_add_func ("/crb/core/fetcher/fetch/cancel", test_cancel);
  g_test_add_func ("/crb/core/fetcher/fetch/unknown-encoding", test_unknown_encoding);
  g_test_add_func ("/crb/core/fetcher/fetch/cp1251-meta-only", test_cp1251_meta_only);
  g_test_add_func ("/crb/core/fetcher/fetch/private-refused", test_private_refused);
  g_test_add_func ("/crb/core/fetcher/fetch/async", test_async);
  g_test_add_func ("/crb/core/fetcher/tls/verified", test_tls_verified);
  g_test_add_func ("/crb/core/fetcher/tls/untrusted", test_tls_untrusted);
  g_test_add_func ("/crb/core/fetcher/tls/wrong-name", test_tls_wrong_name);
  g_test_add_func ("/crb/core/fetcher/tls/downgrade", test_tls_downgrade);

  status = g_test_run ();

  g_list_free_full (stalled, g_object_unref);
  g_clear_object (&plain_server);
  g_clear_object (&tls_server);
  g_clear_object (&test_ca);
  g_clear_pointer (&bomb, g_bytes_unref);
  g_free (plain_base);
  g_free (tls_base);
  return status;
}
