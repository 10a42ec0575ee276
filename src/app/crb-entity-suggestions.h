/* crb-entity-suggestions.h: names that recur across the sources and are
 * not entities yet, ranked by the number of sources, to create in one
 * click
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_ENTITY_SUGGESTIONS (crb_entity_suggestions_get_type ())
G_DECLARE_FINAL_TYPE (CrbEntitySuggestions, crb_entity_suggestions, CRB, ENTITY_SUGGESTIONS,
                      AdwWindow)

/* Looks for candidates in a worker thread at once. */
GtkWidget *crb_entity_suggestions_new        (CrbProject           *project);
gboolean   crb_entity_suggestions_is_loading (CrbEntitySuggestions *self);
/* The candidates offered, in order (names). */
guint      crb_entity_suggestions_get_n_candidates (CrbEntitySuggestions *self);

G_END_DECLS
