/* crb-extract-protocol.h: what core/ and corroborate-extract say on the pipe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A frame is the 4 bytes "CRBX", the payload's length as a little-endian
 * uint32, then the payload: a GVariant of type a{sv} in normal form.
 *
 * Request:  "data" ay, and where known "name" s, "content-type" s,
 *           "charset" s.
 * Response: "ok" b; on failure "error-code" u (a CrbExtractError) and
 *           "error" s; on success "text" s, "kind" s, "pages" au,
 *           "paragraphs" au, "warnings" as, "removed" as, and where known
 *           "title", "author", "publisher", "published", "language",
 *           "encoding" (all s).  "retire" b asks the client not to send
 *           this helper another request (it is about to exit).
 *
 * Every frame read is untrusted: lengths are capped before anything is
 * allocated, payloads are checked for normal form and types, offsets for
 * range.  Transport faults are G_IO_ERROR errors: CONNECTION_CLOSED for an
 * end of stream between frames, PARTIAL_INPUT for one inside a frame,
 * MESSAGE_TOO_LARGE, INVALID_DATA for anything malformed.
 */
#pragma once

#include <gio/gio.h>

#include "crb-extract-error.h"
#include "crb-extract-result.h"

G_BEGIN_DECLS

#define CRB_EXTRACT_FRAME_MAGIC       "CRBX"
#define CRB_EXTRACT_FRAME_HEADER_SIZE 8
#define CRB_EXTRACT_MAX_REQUEST       ((gsize) 256 * 1024 * 1024)
#define CRB_EXTRACT_MAX_RESPONSE      ((gsize) 512 * 1024 * 1024)

/* Exit statuses by which the helper says why it stopped. */
#define CRB_EXTRACT_EXIT_PROTOCOL      2 /* the channel carried garbage */
#define CRB_EXTRACT_EXIT_OUT_OF_MEMORY 3 /* after sending a LIMIT response */

/* Frames */

GBytes           *crb_extract_frame_encode          (GVariant         *payload);
gboolean          crb_extract_frame_parse_header    (const guint8     *header,
                                                     gsize             max_length,
                                                     gsize            *length,
                                                     GError          **error);
GVariant         *crb_extract_frame_decode          (GBytes           *payload,
                                                     GError          **error);
gboolean          crb_extract_frame_write           (GOutputStream    *stream,
                                                     GVariant         *payload,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
GVariant         *crb_extract_frame_read            (GInputStream     *stream,
                                                     gsize             max_length,
                                                     GCancellable     *cancellable,
                                                     GError          **error);

/* Messages */

GVariant         *crb_extract_request_new           (GBytes           *data,
                                                     const char       *name_hint,
                                                     const char       *content_type,
                                                     const char       *charset);
gboolean          crb_extract_request_parse         (GVariant         *request,
                                                     GBytes          **data,
                                                     char            **name_hint,
                                                     char            **content_type,
                                                     char            **charset,
                                                     GError          **error);

GVariant         *crb_extract_response_new_result   (const CrbExtractResult *result,
                                                     gboolean          retire);
GVariant         *crb_extract_response_new_error    (const GError     *error,
                                                     gboolean          retire);
/* The result, or the helper's error (in CRB_EXTRACT_ERROR) if it sent one,
 * or G_IO_ERROR_INVALID_DATA if the response is malformed.  *retire (may be
 * NULL) tells whether the helper is about to exit. */
CrbExtractResult *crb_extract_response_parse        (GVariant         *response,
                                                     gboolean         *retire,
                                                     GError          **error);

G_END_DECLS
