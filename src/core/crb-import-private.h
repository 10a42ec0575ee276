/* crb-import-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-extract-result.h"
#include "crb-import.h"

G_BEGIN_DECLS

/* One file or URL on its way into the project. */
typedef struct
{
  guint             index;   /* in the import's outcome list */
  char             *source;
  gboolean          source_borrowed; /* from the outcome, which outlives the job */
  gboolean          is_url;
  char             *path;    /* files: absolute path (may be `source` itself) */
  char             *name;    /* file name hint for format detection */
  char             *origin;  /* path or requested URL */
  char             *final_url;
  char             *content_type;
  char             *charset;
  guint             status;  /* HTTP status */
  gint64            retrieved_at;
  GBytes           *original;
  GBytes           *packed;  /* the original, gzip-compressed (in the worker) */
  gboolean          original_is_text; /* byte for byte: not stored twice */
  char             *original_sha256;
  gsize             original_size;
  char             *text_sha256;   /* the extracted text's identity */
  CrbExtractResult *result;
  GError           *error;
} CrbImportJob;

void     _crb_import_job_free     (CrbImportJob      *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbImportJob, _crb_import_job_free)

/* Worker thread: read or fetch, then extract. */
void     _crb_import_prepare_job  (CrbImporter       *self,
                                   CrbImportJob      *job,
                                   GCancellable      *cancellable);
/* Whether the original bytes are the extracted text, byte for byte (a
 * UTF-8 text file often is): such an original is not stored a second time,
 * crb_project_dup_document_original() gives the text back. */
gboolean _crb_import_is_text (GBytes                 *original,
                              const CrbExtractResult *result);

/* gzip of the original bytes, or NULL if that fails. */
GBytes  *_crb_import_compress     (GBytes            *bytes);
/* Inside an action: adds the job's document (or a new revision, or
 * recognises a duplicate) and fills `outcome`.  FALSE only when writing
 * failed, which spoils the transaction. */
gboolean _crb_import_store_job    (CrbProject        *project,
                                   CrbImportJob      *job,
                                   gboolean           keep_original,
                                   CrbImportOutcome  *outcome,
                                   GError           **error);

G_END_DECLS
