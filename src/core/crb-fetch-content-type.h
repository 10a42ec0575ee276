/* crb-fetch-content-type.h: which kinds of document the fetcher accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Accepted as declared: text/html, application/xhtml+xml, text/plain,
 * text/markdown (and text/x-markdown), application/pdf, DOCX, ODT and EPUB.
 *
 * Servers often label downloads application/octet-stream (or send no
 * Content-Type at all). Such a response is accepted only when the URL path
 * ends in .pdf, .docx, .odt or .epub AND the body starts with that format's
 * signature (%PDF-; a ZIP local header, plus the mimetype entry for ODT and
 * EPUB); the result then carries the type the signature confirmed. Text
 * formats have no signature and are never guessed.
 *
 * `mime` is the lowercased type without parameters, or NULL when the
 * response had none. On success returns the type to record and sets
 * `*needs_signature` when crb_fetch_content_type_confirm() must run on the
 * body. Fails with CRB_FETCH_ERROR_CONTENT_TYPE naming the type. */
const char *crb_fetch_content_type_accept  (const char  *mime,
                                            const char  *url_path,
                                            gboolean    *needs_signature,
                                            GError     **error);

/* Checks that `body` starts with the signature of `mime` (as returned by
 * crb_fetch_content_type_accept). */
gboolean    crb_fetch_content_type_confirm (const char  *mime,
                                            GBytes      *body,
                                            GError     **error);

G_END_DECLS
