/* crb-fetch-error.h: why fetching a URL failed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRB_FETCH_ERROR (crb_fetch_error_quark ())

/* Every error in this domain carries a message written for the analyst:
 * what happened and, where there is one, what they can do about it. */
typedef enum
{
  CRB_FETCH_ERROR_INVALID_URL,        /* not a URL we can parse, or it carries credentials */
  CRB_FETCH_ERROR_UNSUPPORTED_SCHEME, /* anything but http and https */
  CRB_FETCH_ERROR_PRIVATE_ADDRESS,    /* loopback, private, link-local… and not allowed */
  CRB_FETCH_ERROR_TOO_MANY_REDIRECTS,
  CRB_FETCH_ERROR_REDIRECT_LOOP,
  CRB_FETCH_ERROR_INSECURE_REDIRECT, /* https → http */
  CRB_FETCH_ERROR_HTTP_STATUS,       /* the server answered something other than 200 */
  CRB_FETCH_ERROR_CONTENT_TYPE,      /* not a kind of document we import */
  CRB_FETCH_ERROR_TOO_LARGE,         /* over the cap after decompression */
  CRB_FETCH_ERROR_TIMEOUT,           /* the overall deadline passed */
  CRB_FETCH_ERROR_TLS,               /* the certificate or the handshake failed */
  CRB_FETCH_ERROR_NETWORK,           /* name lookup, connection, malformed response */
  CRB_FETCH_ERROR_CANCELLED,         /* the caller cancelled */
} CrbFetchError;

GQuark crb_fetch_error_quark (void);

/* Used by the fetcher to turn what GIO and libsoup report into the messages
 * above. `host` names the server in the message; `tls_flags` are the
 * certificate problems libsoup recorded for the message, if any. */
void   crb_fetch_error_set_from_transfer (GError               **error,
                                          const char            *host,
                                          const GError          *cause,
                                          GTlsCertificateFlags   tls_flags);
/* "The server answered 404 Not Found." with a hint where one helps. */
void   crb_fetch_error_set_status        (GError               **error,
                                          guint                  status);
/* "20 MB", "512 KB", "900 bytes": a cap as the analyst reads it. */
char  *crb_fetch_format_size             (guint64                bytes);

G_END_DECLS
