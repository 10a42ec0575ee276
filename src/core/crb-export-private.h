/* crb-export-private.h: the formats of crb-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-claim.h"
#include "crb-document.h"
#include "crb-export.h"

G_BEGIN_DECLS

/* What every format says about one claim, read once. */
typedef struct
{
  CrbClaim    *claim;
  CrbDocument *document;
  gint64       retrieved_at; /* of the claim's own revision, ms; 0 if unknown */
  GPtrArray   *tags;         /* names */
  GPtrArray   *entities;     /* "name (role)" */
  GPtrArray   *events;       /* "title: facet (stance)" */
} CrbExportClaim;

void _crb_export_claim_free (CrbExportClaim *item);
/* Every live claim in document and text order, with its context. */
GPtrArray *_crb_export_claims (CrbProject *project, GError **error);
/* ISO 8601 (UTC) of a time in ms, or NULL for 0. */
char *_crb_export_time (gint64 ms);
/* Where a claim's document can be found by others: its final or original
 * URL when it is a web address, else urn:uuid:… (local paths stay home). */
char *_crb_export_source (CrbDocument *document);

char *_crb_export_jsonld (CrbProject *project, GError **error);
char *_crb_export_csv (CrbProject *project, GError **error);

G_END_DECLS
