/* crb-search.h: ranked full-text search over documents and claim notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

typedef struct
{
  char   *document_uuid;
  char   *title;
  char   *claim_uuid;  /* set when the hit is in a claim's quote or note */
  char   *snippet;     /* plain text; matches between CRB_SEARCH_MARK_START and _END */
  double  rank;        /* lower is better (bm25) */
} CrbSearchHit;

#define CRB_SEARCH_MARK_START "\x02"
#define CRB_SEARCH_MARK_END "\x03"

void crb_search_hit_free (CrbSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbSearchHit, crb_search_hit_free)

/* Words, "quoted phrases", prefix* and OR/NOT as people type them; case and
 * diacritics do not matter; Cyrillic and Latin alike.  Returns at most
 * `limit` hits, best first. */
GPtrArray *crb_project_search (CrbProject  *self,
                               const char  *query,
                               guint        limit,
                               GError     **error);
/* The snippet with the marks replaced, e.g. by "[" "]" or Pango markup
 * (text escaped when `escape_markup`). */
char      *crb_search_hit_format_snippet (CrbSearchHit *hit,
                                          const char   *open,
                                          const char   *close,
                                          gboolean      escape_markup);

G_END_DECLS
