/* crb-document.h: a source — one document and its current revision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-record.h"

G_BEGIN_DECLS

#define CRB_TYPE_DOCUMENT (crb_document_get_type ())
G_DECLARE_FINAL_TYPE (CrbDocument, crb_document, CRB, DOCUMENT, CrbRecord)

const char *crb_document_get_title          (CrbDocument *self);
const char *crb_document_get_kind           (CrbDocument *self);
const char *crb_document_get_origin         (CrbDocument *self);
const char *crb_document_get_final_url      (CrbDocument *self);
/* The web address it came from (final, else requested), or NULL for a file. */
const char *crb_document_get_web_address    (CrbDocument *self);
const char *crb_document_get_published_at   (CrbDocument *self);
const char *crb_document_get_byline         (CrbDocument *self); /* the source's author */
const char *crb_document_get_publisher      (CrbDocument *self);
const char *crb_document_get_language       (CrbDocument *self);
const char *crb_document_get_reliability    (CrbDocument *self); /* A–F or NULL */
const char *crb_document_get_revision_uuid  (CrbDocument *self);
guint       crb_document_get_revision       (CrbDocument *self); /* 1, 2, … */
guint       crb_document_get_chars          (CrbDocument *self);
const char *crb_document_get_text_sha256    (CrbDocument *self);
const char *crb_document_get_original_sha256 (CrbDocument *self);
const char *crb_document_get_content_type   (CrbDocument *self);
const char *crb_document_get_encoding       (CrbDocument *self);
gint64      crb_document_get_retrieved_at   (CrbDocument *self); /* ms, 0 if unknown */
const char *crb_document_get_notes          (CrbDocument *self); /* extraction notes, JSON */
const char *crb_document_get_pages          (CrbDocument *self); /* JSON array of offsets */
guint       crb_document_get_claim_count    (CrbDocument *self);

/* Lookups accept a full UUID or an unambiguous prefix of one. */
CrbDocument *crb_project_find_document      (CrbProject  *project,
                                             const char  *id,
                                             GError     **error);
/* Live documents, sorted by title. */
GPtrArray   *crb_project_list_documents     (CrbProject  *project,
                                             GError     **error);
/* The text of the document's current revision. */
char        *crb_project_dup_document_text  (CrbProject  *project,
                                             const char  *document_uuid,
                                             GError     **error);
/* The original bytes of the current revision, or NULL if none are kept. */
GBytes      *crb_project_dup_document_original (CrbProject  *project,
                                                const char  *document_uuid,
                                                GError     **error);

G_END_DECLS
