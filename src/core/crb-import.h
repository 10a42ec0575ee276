/* crb-import.h: bringing files, folders and web pages into a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_IMPORT_IMPORTED,     /* a new document */
  CRB_IMPORT_NEW_REVISION, /* an updated version of a document already there */
  CRB_IMPORT_DUPLICATE,    /* the same text is already in the project: nothing added */
  CRB_IMPORT_FAILED,
  CRB_IMPORT_CANCELLED,
} CrbImportStatus;

typedef struct
{
  char            *source;        /* the path or URL as given */
  CrbImportStatus  status;
  char            *document_uuid; /* imported, new revision or duplicate */
  char            *title;
  GError          *error;         /* failed: why */
} CrbImportOutcome;

void crb_import_outcome_free (CrbImportOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbImportOutcome, crb_import_outcome_free)

#define CRB_TYPE_IMPORTER (crb_importer_get_type ())
G_DECLARE_FINAL_TYPE (CrbImporter, crb_importer, CRB, IMPORTER, GObject)

CrbImporter *crb_importer_new              (CrbProject          *project);
/* Loopback and private network addresses are refused unless allowed. */
void         crb_importer_set_allow_private (CrbImporter        *self,
                                             gboolean            allow);
/* Whether to store the original bytes (compressed); TRUE by default. */
void         crb_importer_set_keep_originals (CrbImporter       *self,
                                              gboolean           keep);
/* The most extracted text and original bytes the last import held in
 * memory at once: documents read ahead and the group being stored. */
gsize        crb_importer_get_peak_held_bytes (CrbImporter      *self);

/* Imports each source (a file, a folder — recursively, hidden files
 * skipped — or an http(s) URL).  Extraction runs in helper processes, in
 * parallel; documents are committed in groups of a few megabytes, at most a
 * second apart, each group one undo step, so that a failure or crash loses
 * at most the group in flight and nothing committed.  Emits ::progress (done, total) in the caller's main
 * context.  Returns one CrbImportOutcome per file or URL, in input order. */
GPtrArray   *crb_importer_import           (CrbImporter         *self,
                                            const char * const  *sources,
                                            GCancellable        *cancellable,
                                            GError             **error);
void         crb_importer_import_async     (CrbImporter         *self,
                                            const char * const  *sources,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray   *crb_importer_import_finish    (CrbImporter         *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* Imports text that is already in hand (pasted or dropped). */
CrbImportOutcome *crb_importer_import_text (CrbImporter         *self,
                                            const char          *text,
                                            const char          *title,
                                            GError             **error);

G_END_DECLS
