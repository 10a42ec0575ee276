/* crb-fetcher.h: downloads one web document safely, for import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crb-fetch-error.h"
#include "crb-fetch-result.h"

G_BEGIN_DECLS

#define CRB_FETCHER_DEFAULT_DEADLINE      30                 /* seconds, the whole fetch */
#define CRB_FETCHER_DEFAULT_MAX_BYTES     (20 * 1024 * 1024) /* after content decoding */
#define CRB_FETCHER_DEFAULT_MAX_REDIRECTS 5

#define CRB_TYPE_FETCHER (crb_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (CrbFetcher, crb_fetcher, CRB, FETCHER, GObject)

/* A fetcher holds settings only; each fetch uses its own connections, so one
 * fetcher may serve several threads at once.
 *
 * What a fetch guarantees:
 * - http and https only; TLS certificates are always verified (the system's
 *   trust store unless "tls-database" says otherwise) and never overridden;
 * - redirects are followed by the fetcher, at most "max-redirects", never
 *   from https to http, never in a circle, each target checked like the
 *   first URL;
 * - every host is resolved first and, unless "allow-private" is set, every
 *   address it resolves to must be public (no loopback, private, link-local,
 *   unique-local, carrier-grade NAT, multicast or reserved addresses, IPv4
 *   inside IPv6 included); the connection then goes to those very addresses;
 * - "deadline" bounds the whole fetch, however slowly the server drips;
 * - the body is counted after content decoding and refused past
 *   "max-bytes", so a compression bomb costs at most that much memory;
 * - only the document types listed in crb-fetch-content-type.h;
 * - on any failure an error of CRB_FETCH_ERROR and no result. */
CrbFetcher     *crb_fetcher_new               (void);

void            crb_fetcher_set_deadline      (CrbFetcher          *self,
                                               guint                seconds);
guint           crb_fetcher_get_deadline      (CrbFetcher          *self);
void            crb_fetcher_set_max_bytes     (CrbFetcher          *self,
                                               guint64              max_bytes);
guint64         crb_fetcher_get_max_bytes     (CrbFetcher          *self);
void            crb_fetcher_set_max_redirects (CrbFetcher          *self,
                                               guint                max_redirects);
guint           crb_fetcher_get_max_redirects (CrbFetcher          *self);
/* Only after the analyst confirmed: the page's text then travels in shared
 * project files. */
void            crb_fetcher_set_allow_private (CrbFetcher          *self,
                                               gboolean             allow_private);
gboolean        crb_fetcher_get_allow_private (CrbFetcher          *self);
/* Default "Corroborate/VERSION". */
void            crb_fetcher_set_user_agent    (CrbFetcher          *self,
                                               const char          *user_agent);
char           *crb_fetcher_dup_user_agent    (CrbFetcher          *self);
/* The trust anchors for certificates; NULL (the default) is the system's.
 * A different database changes whom to trust, never whether to check. */
void            crb_fetcher_set_tls_database  (CrbFetcher          *self,
                                               GTlsDatabase        *database);

/* Blocking: call it from a worker thread (or a command-line program).
 * `url` is what the analyst typed. Cancelling `cancellable` ends the fetch
 * promptly with CRB_FETCH_ERROR_CANCELLED. */
CrbFetchResult *crb_fetcher_fetch             (CrbFetcher          *self,
                                               const char          *url,
                                               GCancellable        *cancellable,
                                               GError             **error);
/* Runs crb_fetcher_fetch() in a worker thread. */
void            crb_fetcher_fetch_async       (CrbFetcher          *self,
                                               const char          *url,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
CrbFetchResult *crb_fetcher_fetch_finish      (CrbFetcher          *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
