/* crb-reuse-map-link.h: two documents that share text, as the reuse map
 * shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "crb-reuse-passage.h"

G_BEGIN_DECLS

#define CRB_TYPE_REUSE_LINK (crb_reuse_link_get_type ())
G_DECLARE_FINAL_TYPE (CrbReuseLink, crb_reuse_link, CRB, REUSE_LINK, GObject)

/* "from copies to" (or cites it): `from` is the later document that took
 * text from `to`.  When the direction is not known, from and to are just
 * the two documents. */
const char *crb_reuse_link_get_from_uuid (CrbReuseLink *self);
const char *crb_reuse_link_get_to_uuid (CrbReuseLink *self);
const char *crb_reuse_link_get_from_title (CrbReuseLink *self);
const char *crb_reuse_link_get_to_title (CrbReuseLink *self);
/* "copies" when the later document repeats most of the earlier one,
 * "cites" when it quotes passages of it. */
const char *crb_reuse_link_get_kind (CrbReuseLink *self);
gboolean    crb_reuse_link_get_direction_known (CrbReuseLink *self);
/* 0 when unknown, else 0.5–0.95 */
double crb_reuse_link_get_confidence (CrbReuseLink *self);
/* Why the direction is what it is, for the analyst. */
const char *crb_reuse_link_get_reason (CrbReuseLink *self);
/* Share of each document found in the other, 0…1. */
double crb_reuse_link_get_from_coverage (CrbReuseLink *self);
double crb_reuse_link_get_to_coverage (CrbReuseLink *self);
/* The aligned passages: side A of each is `from`, side B `to`.  Empty for
 * a relation the analyst recorded that the analysis does not find (any
 * more). */
const CrbReusePassage *crb_reuse_link_get_passages (CrbReuseLink *self, guint *n_passages);
/* suggested (computed, not reviewed), confirmed or rejected */
const char *crb_reuse_link_get_status (CrbReuseLink *self);
/* The stored relation row of the analyst's decision, or NULL. */
const char *crb_reuse_link_get_relation_uuid (CrbReuseLink *self);

G_END_DECLS
