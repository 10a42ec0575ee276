/* crb-fetch-error.c: messages an analyst can act on, from GIO and libsoup errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-fetch-error"

#include "crb-fetch-error.h"

#include <string.h>

#include <libsoup/soup.h>

/* clang-format off */
G_DEFINE_QUARK (crb-fetch-error-quark, crb_fetch_error)
/* clang-format on */

char *
crb_fetch_format_size (guint64 bytes)
{
  const char      *unit = "MB";
  double           value = bytes / (1024.0 * 1024.0);
  g_autofree char *text = NULL;

  if (bytes < 1024)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " bytes", bytes);
  if (bytes < 1024 * 1024)
    {
      unit = "KB";
      value = bytes / 1024.0;
    }
  text = g_strdup_printf ("%.1f", value);
  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  return g_strdup_printf ("%s %s", text, unit);
}

static const char *
describe_certificate_problem (GTlsCertificateFlags flags)
{
  /* Most specific first: a self-signed certificate for another name is
   * better explained by the name. */
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return "its certificate was issued for a different site";
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    return "its certificate has been revoked";
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return "its certificate has expired";
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return "its certificate is not valid yet (check this computer's clock)";
  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return "its certificate is not signed by an authority this computer trusts "
           "(it may be self-signed)";
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    return "its certificate uses an insecure algorithm";
  return "its certificate is not valid";
}

void
crb_fetch_error_set_from_transfer (GError               **error,
                                   const char            *host,
                                   const GError          *cause,
                                   GTlsCertificateFlags   tls_flags)
{
  g_return_if_fail (cause != NULL);

  if (tls_flags != 0 || g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_TLS,
                 "The secure connection to %s cannot be trusted: %s. Corroborate never "
                 "imports from a site whose identity it cannot verify.",
                 host, describe_certificate_problem (tls_flags));
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_TLS,
                 "The secure connection to %s failed (%s).", host, cause->message);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_NETWORK,
                 "The server name %s could not be found; check the address and the "
                 "network connection.",
                 host);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_TIMEOUT,
                 "%s stopped responding; try again later.", host);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_NETWORK,
                 "%s refused the connection; the site may be down.", host);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_NETWORK,
                 "%s cannot be reached; check the network connection.", host);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_NETWORK,
                 "%s sent a damaged compressed response (%s).", host, cause->message);
  else if (cause->domain == SOUP_SESSION_ERROR)
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_NETWORK,
                 "%s sent a response that is not valid HTTP (%s).", host, cause->message);
  else
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_NETWORK, "Fetching from %s failed: %s.",
                 host, cause->message);
}

void
crb_fetch_error_set_status (GError **error,
                            guint    status)
{
  const char *phrase = soup_status_get_phrase (status);
  const char *hint = "";

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    hint = " The page may need a login, or the site refuses automated downloads; "
           "save it from the browser and import the file instead.";
  else if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    hint = " Check the address.";
  else if (status == 429 /* Too Many Requests */ || status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    hint = " Try again later.";
  else if (status >= 500)
    hint = " The problem is on the server's side; try again later.";
  else if (status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_PARTIAL_CONTENT)
    hint = " There is no complete document to import.";
  else if (SOUP_STATUS_IS_REDIRECTION (status))
    hint = " It did not say where the page went.";

  if (phrase != NULL && *phrase != '\0' && status >= 100)
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_HTTP_STATUS,
                 "The server answered %u %s.%s", status, phrase, hint);
  else
    g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_HTTP_STATUS,
                 "The server answered with status %u.%s", status, hint);
}
