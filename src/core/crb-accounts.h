/* crb-accounts.h: an event's accounts grid (DESIGN.md §7.4) — sources as
 * rows, the event's facets as columns, each cell what a source says
 *
 * This is the one place where accounts are normalised, compared and
 * counted; briefings (crb-briefing.h) and the views render it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-quantity.h"
#include "crb-reuse-map.h"

G_BEGIN_DECLS

/* A time of day is a quantity with this unit, its value in minutes after
 * midnight ("04:40" is 280). */
#define CRB_ACCOUNTS_UNIT_TIME "time"

/* One claim in a cell. */
typedef struct
{
  char       *claim_uuid;
  char       *exact;  /* the quote */
  char       *stance; /* supports, disputes, partial or context */
  guint32     start;  /* code points of the claim in its document */
  guint32     end;
  gboolean    has_value;
  CrbQuantity value;       /* the figure the claim gives for the facet (offsets within `exact`) */
  char       *value_text;  /* as written: "about 2,300 residents" */
  char       *value_label; /* normalised: "≈ 2,300 people", "≥ 14 people", "04:40" */
  gboolean    disagrees;   /* its figure cannot be true together with another source's */
  char       *copied_from; /* UUID of the grid source whose passage it repeats, or NULL */
  char       *note;        /* the analyst's note on the claim; NULL when empty or private */
  guint       credibility; /* 1 (confirmed) … 6 (cannot be judged), 0 when not graded */
  char       *author;      /* who made the claim */
} CrbAccount;

/* A row: one source with accounts of the event. */
typedef struct
{
  char      *document_uuid;
  char      *title;
  char      *published_at;
  char      *reliability; /* A–F or NULL */
  char      *publisher;
  char      *address;      /* the web address it came from, or NULL for a file */
  gint64     retrieved_at; /* ms since the epoch, 0 when unknown */
  GPtrArray *copies;       /* UUIDs of the grid's sources this one takes text from */
} CrbAccountsSource;

/* A column: a facet, or the event as a whole (facet_uuid NULL). */
typedef struct
{
  char    *facet_uuid;
  char    *name;
  guint    n_sources;     /* sources with an account */
  guint    n_independent; /* the same, a copied account counting once */
  gboolean disagreement;  /* two accounts' figures cannot both be true */
} CrbAccountsFacet;

typedef struct
{
  char      *event_uuid;
  char      *title;
  char      *date_start;
  char      *date_end;
  char      *place;
  char      *description;
  GPtrArray *facets;  /* CrbAccountsFacet: the event as a whole first when it has accounts */
  GPtrArray *sources; /* CrbAccountsSource, by publication time, then title */
  GPtrArray *cells;   /* sources × facets GPtrArrays of CrbAccount; use the getter */
} CrbAccountsGrid;

void crb_accounts_grid_free (CrbAccountsGrid *grid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbAccountsGrid, crb_accounts_grid_free)

/* Builds the grid of an event (UUID, prefix or title).  Which accounts
 * are copies comes from `map` when given (its links must be current: the
 * caller updated or started it), else from comparing the texts of the
 * grid's sources with each other; the analyst's confirmed and rejected
 * relations apply either way. */
CrbAccountsGrid *crb_project_build_accounts (CrbProject *project, const char *event_id,
                                             CrbReuseMap *map, GError **error);

/* The accounts of one source on one facet, in text order (borrowed). */
GPtrArray *crb_accounts_grid_get_cell (CrbAccountsGrid *grid, guint source, guint facet);

/* Normalising figures, for the grid and for tests: the figures of a
 * text as the grid reads them — quantities and dates (crb_quantity_find)
 * and times of day ("04:40", "about 4:30", "около 4:30"), in order.
 * Returns a GArray of CrbQuantity. */
GArray *crb_accounts_find_values (const char *text);
/* Compares two figures as crb_quantity_compare() does, times of day
 * included ("about" a time is ±15 minutes). */
CrbQuantityAgreement crb_accounts_compare_values (const CrbQuantity *a, const CrbQuantity *b);
/* "≈ 2,300 people", "≥ 14 people", "> 2,000 people", "04:40", "≈ 04:30",
 * "2026-04-18", "1.4 billion". */
char *crb_accounts_value_label (const CrbQuantity *value);

G_END_DECLS
