/* crb-reuse-map-private.h: how the reuse map builds its links (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-reuse-direction.h"
#include "crb-reuse-map-link.h"
#include "crb-reuse-map.h"
#include "crb-reuse-relation.h"

G_BEGIN_DECLS

/* A document as the map knows it. */
typedef struct
{
  gint64 revision_id; /* the index's document number */
  char  *uuid;
  char  *title;
  char  *published_at;
} CrbReuseDocument;

void _crb_reuse_document_free (CrbReuseDocument *document);

/* A link from an analysis result: direction inferred from dates and
 * coverage; `relation` is not kept. */
CrbReuseLink *_crb_reuse_link_new_computed (const CrbReuseRelation *relation,
                                            const CrbReuseDocument *a, const CrbReuseDocument *b);
/* A link from a stored relation row alone (nothing computed for it). */
CrbReuseLink *_crb_reuse_link_new_stored (const char *from_uuid, const char *from_title,
                                          const char *to_uuid, const char *to_title,
                                          const char *kind);
/* Applies the analyst's stored decision: their direction, kind, status. */
void _crb_reuse_link_apply_review (CrbReuseLink *self, const char *relation_uuid,
                                   const char *from_uuid, const char *kind, const char *status);
/* The passages as a relation's evidence: a JSON array of objects with
 * the code-point ranges on both sides and the identity. */
char *_crb_reuse_link_dup_evidence (CrbReuseLink *self, gboolean reverse);

/* Which of two documents copies the other, from publication dates (ISO
 * 8601; a time of day counts on the same day) and coverage. */
CrbReuseDirectionGuess *_crb_reuse_infer_direction (const CrbReuseDocument *a,
                                                    const CrbReuseDocument *b, double coverage_a,
                                                    double coverage_b);

/* "a/b" for a pair of document UUIDs, in either order. */
char *_crb_reuse_pair_key (const char *a, const char *b);
/* Applies stored relation rows (CrbRelation, oldest first) to links keyed
 * by pair: later decisions win; a row about a pair with no computed link
 * becomes a link of its own when both documents are in `documents` (a set
 * of UUIDs). */
void _crb_reuse_links_apply_rows (GHashTable *by_pair, GPtrArray *rows, GHashTable *documents);

/* The map's links (borrowed), and rebuilding them after a decision. */
GPtrArray *_crb_reuse_map_get_links (CrbReuseMap *self);
void       _crb_reuse_map_rebuild (CrbReuseMap *self);

G_END_DECLS
