/* crb-briefing.h: an event's accounts grid as a briefing
 *
 * The grid (crb-accounts.h) is the source of truth; these render it for
 * people: a Markdown document, or one self-contained HTML page (styles
 * inline, nothing fetched), with the grid, each facet's accounts and
 * quotes, the independent count and disagreements, and the sources with
 * their provenance and what they copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-accounts.h"

G_BEGIN_DECLS

char *crb_accounts_grid_to_markdown (CrbAccountsGrid *grid);
char *crb_accounts_grid_to_html (CrbAccountsGrid *grid);

G_END_DECLS
