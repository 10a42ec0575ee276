/* crb-fetch-url.h: which addresses the fetcher accepts and which redirects it follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses an address the analyst typed or pasted: http or https, a host, no
 * user name or password (a "https://bank.example@evil.example/" trick or a
 * credential that would end up in a shared project file). Surrounding white
 * space is ignored. Fails with CRB_FETCH_ERROR_INVALID_URL or
 * CRB_FETCH_ERROR_UNSUPPORTED_SCHEME. */
GUri *crb_fetch_parse_url       (const char  *url,
                                 GError     **error);

/* The identity used for loop detection: scheme, lowercased host, port, path
 * and query; the fragment never reaches the server and so does not count. */
char *crb_fetch_url_key         (GUri        *uri);

/* Decides whether to follow a redirect from `current` to `location` (the raw
 * Location header, possibly relative). `visited` holds the keys
 * (crb_fetch_url_key) of every URL requested so far, the first request
 * included. Refuses other schemes, https → http, a URL already visited
 * (REDIRECT_LOOP) and a redirect beyond `max_redirects` (TOO_MANY_REDIRECTS).
 * The result inherits the fragment of `current` when `location` has none
 * (RFC 9110 §10.2.2). */
GUri *crb_fetch_follow_redirect (GUri        *current,
                                 const char  *location,
                                 GPtrArray   *visited,
                                 guint        max_redirects,
                                 GError     **error);

/* Text from a server, made safe to quote in a message: valid UTF-8, no
 * control characters, at most `max_chars` characters. */
char *crb_fetch_quote_untrusted (const char  *text,
                                 guint        max_chars);

G_END_DECLS
