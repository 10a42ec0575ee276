/* crb-fetch-result.h: a fetched document and where it came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Everything an import records as provenance, plus the bytes exactly as
 * they were served (after HTTP content decoding: the document, not the gzip
 * stream). A fetch either returns a complete result or an error, never a
 * partial body. Header values are as the server sent them, NULL when
 * absent. */
typedef struct
{
  char      *requested_url;    /* as the analyst gave it, normalised by parsing */
  char      *final_url;        /* after redirects; what the body was served from */
  GPtrArray *redirect_chain;   /* char *: every URL requested, requested_url first, final_url last */
  GDateTime *retrieved_at;     /* UTC, when the final response arrived */
  guint      status;           /* 200 or 203 */
  char      *content_type;     /* lowercased MIME type without parameters */
  gboolean   content_type_sniffed; /* the server said octet-stream; the signature decided */
  char      *charset;          /* lowercased, from Content-Type only; NULL when not declared */
  char      *last_modified;    /* Last-Modified */
  char      *etag;             /* ETag */
  char      *content_language; /* Content-Language */
  char      *date;             /* Date, the server's clock */
  char      *remote_address;   /* the IP address the final response came from, NULL via a proxy */
  GBytes    *body;
  char      *sha256;           /* lowercase hex digest of body */
} CrbFetchResult;

CrbFetchResult *crb_fetch_result_new  (void);
void            crb_fetch_result_free (CrbFetchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbFetchResult, crb_fetch_result_free)

G_END_DECLS
