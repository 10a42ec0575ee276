/* crb-highlighter.h: claims and entity mentions painted into a text buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-claim.h"

G_BEGIN_DECLS

#define CRB_TYPE_HIGHLIGHTER (crb_highlighter_get_type ())
G_DECLARE_FINAL_TYPE (CrbHighlighter, crb_highlighter, CRB, HIGHLIGHTER, GObject)

CrbHighlighter *crb_highlighter_new              (GtkTextBuffer  *buffer);
/* Background colours ("#rrggbb") of claims, highlights and questions
 * without a coloured tag. */
void            crb_highlighter_set_kind_color   (CrbHighlighter *self,
                                                  const char     *kind,
                                                  const char     *color);
/* Whether colours are for a dark background (they are made lighter and
 * less opaque there, so that text stays readable). */
void            crb_highlighter_set_dark         (CrbHighlighter *self,
                                                  gboolean        dark);
/* Replaces the claims shown.  `colors` maps claim UUIDs to the colour of
 * their first coloured tag (may be NULL).  Only what changed since the
 * last call is repainted. */
void            crb_highlighter_set_claims       (CrbHighlighter *self,
                                                  GPtrArray      *claims,
                                                  GHashTable     *colors);
/* Code-point ranges of entity mentions, as pairs in a guint array. */
/* Changes some claims only: `changed` are added or replace the claim with
 * the same UUID (colours as for set_claims), `removed` are UUIDs to take
 * away.  Only their ranges are repainted. */
void            crb_highlighter_update_claims    (CrbHighlighter *self,
                                                  GPtrArray      *changed,
                                                  const char * const *removed,
                                                  GHashTable     *colors);
/* Whether the highlights of a long text are still being painted (in idle
 * steps after it was shown). */
gboolean        crb_highlighter_is_painting      (CrbHighlighter *self);
/* The claims shown, in text order (transfer container). */
GPtrArray      *crb_highlighter_dup_claims       (CrbHighlighter *self);
void            crb_highlighter_set_mentions     (CrbHighlighter *self,
                                                  GArray         *ranges);
/* The innermost claim covering a code-point offset, or NULL (borrowed). */
CrbClaim       *crb_highlighter_claim_at         (CrbHighlighter *self,
                                                  guint           offset);
/* A claim shown by UUID, or NULL (borrowed). */
CrbClaim       *crb_highlighter_lookup           (CrbHighlighter *self,
                                                  const char     *claim_uuid);
guint           crb_highlighter_get_n_categories (CrbHighlighter *self);

G_END_DECLS
