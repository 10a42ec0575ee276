/* crb-accounts.c: building an event's accounts grid
 *
 * Rows are the documents with claims linked to the event, columns its
 * facets.  Each account's figure is the one of its quote that sits
 * closest to a word of the facet's name ("dead" finds "killed" and "died"
 * through the equivalences of crb-similar), times of day for facets about
 * time, dates for facets about dates.
 *
 * Independence: two sources' accounts of a facet are one account when one
 * source's claim lies in a passage it took from the other (the reuse
 * links; a link the analyst recorded without passages — a translation,
 * say — covers the whole document).  The sources of a facet are grouped
 * by those links and every group counts once.  A copied account whose
 * figure differs from its source's is still flagged: that is a silent
 * edit, the very thing an analyst wants to see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-accounts"

#include <string.h>

#include "crb-accounts.h"
#include "crb-claim.h"
#include "crb-document.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-record.h"
#include "crb-relation.h"
#include "crb-reuse-map-private.h"
#include "crb-similar-private.h"

static void
account_free (CrbAccount *account)
{
  g_free (account->claim_uuid);
  g_free (account->exact);
  g_free (account->stance);
  g_free (account->value_text);
  g_free (account->value_label);
  g_free (account->copied_from);
  g_free (account->note);
  g_free (account->author);
  g_free (account);
}

static void
source_free (CrbAccountsSource *source)
{
  g_free (source->document_uuid);
  g_free (source->title);
  g_free (source->published_at);
  g_free (source->reliability);
  g_free (source->publisher);
  g_free (source->address);
  g_clear_pointer (&source->copies, g_ptr_array_unref);
  g_free (source);
}

static void
facet_free (CrbAccountsFacet *facet)
{
  g_free (facet->facet_uuid);
  g_free (facet->name);
  g_free (facet);
}

void
crb_accounts_grid_free (CrbAccountsGrid *grid)
{
  if (grid == NULL)
    return;
  g_free (grid->event_uuid);
  g_free (grid->title);
  g_free (grid->date_start);
  g_free (grid->date_end);
  g_free (grid->place);
  g_free (grid->description);
  g_clear_pointer (&grid->facets, g_ptr_array_unref);
  g_clear_pointer (&grid->sources, g_ptr_array_unref);
  g_clear_pointer (&grid->cells, g_ptr_array_unref);
  g_free (grid);
}

GPtrArray *
crb_accounts_grid_get_cell (CrbAccountsGrid *grid, guint source, guint facet)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (source < grid->sources->len && facet < grid->facets->len, NULL);

  return g_ptr_array_index (grid->cells, source * grid->facets->len + facet);
}

/* What kind of figure a facet asks for, from its name. */
typedef enum
{
  WANT_NUMBER,
  WANT_TIME,
  WANT_DATE,
} Want;

static Want
facet_wants (const char *name)
{
  static const char *const times[] = { "time", "when", "hour", "clock", "время", "час" };
  static const char *const dates[] = { "date", "day", "дата", "день" };
  g_autofree char         *lower = g_utf8_strdown (name ? name : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    if (strstr (lower, times[i]))
      return WANT_TIME;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (strstr (lower, dates[i]))
      return WANT_DATE;
  return WANT_NUMBER;
}

static gboolean
wanted (const CrbQuantity *value, Want want)
{
  gboolean is_time = g_strcmp0 (value->unit, CRB_ACCOUNTS_UNIT_TIME) == 0;

  switch (want)
    {
    case WANT_TIME:
      return is_time;
    case WANT_DATE:
      return value->kind == CRB_QUANTITY_DATE;
    case WANT_NUMBER:
    default:
      return !is_time && value->kind == CRB_QUANTITY_NUMBER;
    }
}

/* The figure of `exact` that answers the facet called `name`: of the
 * wanted kind, nearest a word of the name (a figure before its noun, as
 * in "14 dead", is nearer than one after). */
static gboolean
pick_value (const char *exact, const char *name, CrbQuantity *out)
{
  g_autoptr (GArray) values = crb_accounts_find_values (exact);
  g_autoptr (GArray) tokens = crb_tokenize (exact, -1, NULL, CRB_TOKENIZE_DEFAULT);
  g_autoptr (GArray) name_tokens = crb_tokenize (name ? name : "", -1, NULL, CRB_TOKENIZE_DEFAULT);
  g_autoptr (GArray) anchors = g_array_new (FALSE, FALSE, sizeof (guint));
  Want     want = facet_wants (name);
  guint    best_distance = G_MAXUINT;
  gboolean found = FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      guint64 key = _crb_similar_word_key (exact, &g_array_index (tokens, CrbToken, i));

      for (guint j = 0; key != 0 && j < name_tokens->len; j++)
        if (_crb_similar_word_key (name, &g_array_index (name_tokens, CrbToken, j)) == key)
          {
            g_array_append_val (anchors, i);
            break;
          }
    }

  for (guint v = 0; v < values->len; v++)
    {
      const CrbQuantity *value = &g_array_index (values, CrbQuantity, v);
      guint              first = G_MAXUINT, last = 0, distance = anchors->len ? G_MAXUINT : 0;

      if (!wanted (value, want))
        continue;
      for (guint t = 0; t < tokens->len; t++)
        {
          const CrbToken *token = &g_array_index (tokens, CrbToken, t);

          if (token->start < value->end && value->start < token->end)
            {
              first = MIN (first, t);
              last = MAX (last, t);
            }
        }
      for (guint a = 0; a < anchors->len && first != G_MAXUINT; a++)
        {
          guint anchor = g_array_index (anchors, guint, a);
          guint d = anchor > last ? anchor - last : anchor < first ? 2 * (first - anchor) : 0;

          distance = MIN (distance, d);
        }
      if (!found || distance < best_distance)
        {
          *out = *value;
          best_distance = distance;
          found = TRUE;
        }
    }
  return found;
}

static CrbAccount *
account_new (CrbEventClaim *link, CrbClaim *claim, const char *facet_name)
{
  CrbAccount *account = g_new0 (CrbAccount, 1);

  account->claim_uuid = g_strdup (crb_event_claim_get_claim_uuid (link));
  account->exact = g_strdup (crb_claim_get_exact (claim));
  account->stance = g_strdup (crb_event_claim_get_stance (link));
  account->start = crb_claim_get_start (claim);
  account->end = crb_claim_get_end (claim);
  if (!crb_claim_get_private (claim) && crb_claim_get_note (claim) && *crb_claim_get_note (claim))
    account->note = g_strdup (crb_claim_get_note (claim));
  account->credibility = crb_claim_get_credibility (claim);
  account->author = g_strdup (crb_record_get_author (CRB_RECORD (claim)));
  account->has_value = pick_value (account->exact, facet_name, &account->value);
  if (account->has_value)
    {
      account->value_text =
          g_utf8_substring (account->exact, account->value.start, account->value.end);
      account->value_label = crb_accounts_value_label (&account->value);
    }
  return account;
}

static int
compare_sources (gconstpointer a, gconstpointer b)
{
  const CrbAccountsSource *x = *(CrbAccountsSource *const *) a;
  const CrbAccountsSource *y = *(CrbAccountsSource *const *) b;
  int                      order;

  if ((x->published_at == NULL) != (y->published_at == NULL))
    return x->published_at == NULL ? 1 : -1;
  if ((order = g_strcmp0 (x->published_at, y->published_at)) != 0)
    return order;
  if ((order = g_utf8_collate (x->title, y->title)) != 0)
    return order;
  return g_strcmp0 (x->document_uuid, y->document_uuid);
}

/* Links between the grid's sources, keyed by pair: the map's, or found
 * by comparing their texts; the analysts' decisions applied. */
static GHashTable *
source_links (CrbProject *project, CrbReuseMap *map, GPtrArray *sources, GError **error)
{
  g_autoptr (GHashTable) links =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr (GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) rows = NULL;

  for (guint i = 0; i < sources->len; i++)
    {
      CrbAccountsSource *source = g_ptr_array_index (sources, i);

      g_hash_table_add (uuids, source->document_uuid);
      if (map == NULL)
        {
          char *text = crb_project_dup_document_text (project, source->document_uuid, error);

          if (text == NULL)
            return NULL;
          g_ptr_array_add (texts, text);
        }
    }

  for (guint i = 0; i < sources->len; i++)
    for (guint j = i + 1; j < sources->len; j++)
      {
        CrbAccountsSource *a = g_ptr_array_index (sources, i);
        CrbAccountsSource *b = g_ptr_array_index (sources, j);
        CrbReuseLink      *link = NULL;

        if (map != NULL)
          link = crb_reuse_map_find_link (map, a->document_uuid, b->document_uuid);
        else
          {
            g_autoptr (CrbReuseRelation) relation = crb_reuse_relation_compare (
                NULL, i, g_ptr_array_index (texts, i), j, g_ptr_array_index (texts, j));
            CrbReuseDocument da = { i, a->document_uuid, a->title, a->published_at };
            CrbReuseDocument db = { j, b->document_uuid, b->title, b->published_at };

            if (relation != NULL)
              link = _crb_reuse_link_new_computed (relation, &da, &db);
          }
        if (link != NULL)
          g_hash_table_insert (links, _crb_reuse_pair_key (a->document_uuid, b->document_uuid),
                               link);
      }

  /* The map has applied them already. */
  if (map == NULL)
    {
      if (!(rows = crb_project_list_relations (project, NULL, error)))
        return NULL;
      _crb_reuse_links_apply_rows (links, rows, uuids);
    }
  return g_steal_pointer (&links);
}

/* The account repeats text `from` took from `to`. */
static gboolean
in_copied_passage (CrbReuseLink *link, const CrbAccount *account)
{
  guint                  n_passages = 0;
  const CrbReusePassage *passages = crb_reuse_link_get_passages (link, &n_passages);

  /* A recorded derivation without passages (a translation) covers all. */
  if (n_passages == 0)
    return !g_str_equal (crb_reuse_link_get_kind (link), "cites");
  for (guint i = 0; i < n_passages; i++)
    if (account->start < passages[i].a_end && passages[i].a_start < account->end)
      return TRUE;
  return FALSE;
}

static guint
find_root (guint *parents, guint i)
{
  while (parents[i] != i)
    i = parents[i] = parents[parents[i]];
  return i;
}

/* Marks copied accounts, counts independent sources and flags figures
 * that cannot all be true, facet by facet. */
static void
compare_accounts (CrbAccountsGrid *grid, GHashTable *links)
{
  guint             n_sources = grid->sources->len;
  g_autofree guint *parents = g_new (guint, n_sources + 1);

  for (guint s = 0; s < n_sources; s++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);

      for (guint t = 0; t < n_sources; t++)
        {
          CrbAccountsSource *other = g_ptr_array_index (grid->sources, t);
          g_autofree char *key = _crb_reuse_pair_key (source->document_uuid, other->document_uuid);
          CrbReuseLink    *link = t == s ? NULL : g_hash_table_lookup (links, key);

          if (link != NULL && !g_str_equal (crb_reuse_link_get_status (link), "rejected") &&
              g_str_equal (crb_reuse_link_get_from_uuid (link), source->document_uuid))
            g_ptr_array_add (source->copies, g_strdup (other->document_uuid));
        }
    }

  for (guint f = 0; f < grid->facets->len; f++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, f);

      for (guint s = 0; s < n_sources; s++)
        parents[s] = s;
      for (guint s = 0; s < n_sources; s++)
        {
          CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);
          GPtrArray         *cell = crb_accounts_grid_get_cell (grid, s, f);

          for (guint t = 0; t < n_sources && cell->len > 0; t++)
            {
              CrbAccountsSource *other = g_ptr_array_index (grid->sources, t);
              g_autofree char   *key = NULL;
              CrbReuseLink      *link;

              if (t == s || crb_accounts_grid_get_cell (grid, t, f)->len == 0 ||
                  !g_ptr_array_find_with_equal_func (source->copies, other->document_uuid,
                                                     g_str_equal, NULL))
                continue;
              key = _crb_reuse_pair_key (source->document_uuid, other->document_uuid);
              link = g_hash_table_lookup (links, key);
              for (guint a = 0; a < cell->len; a++)
                {
                  CrbAccount *account = g_ptr_array_index (cell, a);

                  if (account->copied_from == NULL && in_copied_passage (link, account))
                    {
                      account->copied_from = g_strdup (other->document_uuid);
                      parents[find_root (parents, s)] = find_root (parents, t);
                    }
                }
            }
        }

      for (guint s = 0; s < n_sources; s++)
        {
          GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, f);

          if (cell->len == 0)
            continue;
          facet->n_sources++;
          facet->n_independent += find_root (parents, s) == s;
          for (guint t = s + 1; t < n_sources; t++)
            {
              GPtrArray *others = crb_accounts_grid_get_cell (grid, t, f);

              for (guint a = 0; a < cell->len; a++)
                for (guint b = 0; b < others->len; b++)
                  {
                    CrbAccount *x = g_ptr_array_index (cell, a);
                    CrbAccount *y = g_ptr_array_index (others, b);

                    /* Figures are compared only as answers to one question: in
                     * the event-as-a-whole column, a death toll and a count of
                     * evacuees are both "people" but do not contradict. */
                    if (facet->facet_uuid != NULL && x->has_value && y->has_value &&
                        crb_accounts_compare_values (&x->value, &y->value) == CRB_QUANTITY_DISAGREE)
                      x->disagrees = y->disagrees = facet->disagreement = TRUE;
                  }
            }
        }
    }
}

static CrbAccountsFacet *
facet_new (const char *uuid, const char *name)
{
  CrbAccountsFacet *facet = g_new0 (CrbAccountsFacet, 1);

  facet->facet_uuid = g_strdup (uuid);
  facet->name = g_strdup (name);
  return facet;
}

CrbAccountsGrid *
crb_project_build_accounts (CrbProject *project, const char *event_id, CrbReuseMap *map,
                            GError **error)
{
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (GPtrArray) facets = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) reuse = NULL;
  g_autoptr (CrbAccountsGrid) grid = g_new0 (CrbAccountsGrid, 1);
  gboolean whole_event = FALSE;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (map == NULL || CRB_IS_REUSE_MAP (map), NULL);

  if (!(event = crb_project_find_event (project, event_id, error)))
    return NULL;
  grid->event_uuid = g_strdup (crb_record_get_uuid (CRB_RECORD (event)));
  grid->title = g_strdup (crb_event_get_title (event));
  grid->date_start = g_strdup (crb_event_get_date_start (event));
  grid->date_end = g_strdup (crb_event_get_date_end (event));
  grid->place = g_strdup (crb_event_get_place (event));
  grid->description = g_strdup (crb_event_get_description (event));
  grid->facets = g_ptr_array_new_with_free_func ((GDestroyNotify) facet_free);
  grid->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  grid->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (!(facets = crb_project_list_facets (project, grid->event_uuid, error)) ||
      !(links = crb_project_list_event_claims (project, grid->event_uuid, error)))
    return NULL;

  /* Columns: the event as a whole when claims speak of it, then facets. */
  for (guint i = 0; i < links->len; i++)
    whole_event |= crb_event_claim_get_facet_uuid (g_ptr_array_index (links, i)) == NULL;
  if (whole_event)
    g_ptr_array_add (grid->facets, facet_new (NULL, "Event"));
  for (guint i = 0; i < facets->len; i++)
    {
      CrbFacet *facet = g_ptr_array_index (facets, i);

      g_ptr_array_add (grid->facets, facet_new (crb_record_get_uuid (CRB_RECORD (facet)),
                                                crb_facet_get_name (facet)));
    }
  for (guint i = 0; i < grid->facets->len; i++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, i);

      g_hash_table_insert (columns, facet->facet_uuid ? facet->facet_uuid : "",
                           GUINT_TO_POINTER (i));
    }

  /* Rows: every document with an account. */
  for (guint i = 0; i < links->len; i++)
    {
      const char *uuid = crb_event_claim_get_document_uuid (g_ptr_array_index (links, i));
      g_autoptr (CrbDocument) document = NULL;
      CrbAccountsSource *source;

      if (g_hash_table_contains (rows, uuid))
        continue;
      if (!(document = crb_project_find_document (project, uuid, error)))
        return NULL;
      source = g_new0 (CrbAccountsSource, 1);
      source->document_uuid = g_strdup (uuid);
      source->title = g_strdup (crb_document_get_title (document));
      source->published_at = g_strdup (crb_document_get_published_at (document));
      source->reliability = g_strdup (crb_document_get_reliability (document));
      source->publisher = g_strdup (crb_document_get_publisher (document));
      source->address = g_strdup (crb_document_get_web_address (document));
      source->retrieved_at = crb_document_get_retrieved_at (document);
      source->copies = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (grid->sources, source);
      g_hash_table_add (rows, source->document_uuid);
    }
  g_ptr_array_sort (grid->sources, compare_sources);
  g_hash_table_remove_all (rows);
  for (guint i = 0; i < grid->sources->len; i++)
    g_hash_table_insert (
        rows, ((CrbAccountsSource *) g_ptr_array_index (grid->sources, i))->document_uuid,
        GUINT_TO_POINTER (i));
  for (guint i = 0; i < grid->sources->len * grid->facets->len; i++)
    g_ptr_array_add (grid->cells, g_ptr_array_new_with_free_func ((GDestroyNotify) account_free));

  /* Cells, in the links' order: by facet, then document, then text. */
  for (guint i = 0; i < links->len; i++)
    {
      CrbEventClaim *link = g_ptr_array_index (links, i);
      const char    *facet_uuid = crb_event_claim_get_facet_uuid (link);
      guint          row =
          GPOINTER_TO_UINT (g_hash_table_lookup (rows, crb_event_claim_get_document_uuid (link)));
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, facet_uuid ? facet_uuid : ""));
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, column);
      g_autoptr (CrbClaim) claim =
          crb_project_find_claim (project, crb_event_claim_get_claim_uuid (link), error);

      if (claim == NULL)
        return NULL;
      g_ptr_array_add (crb_accounts_grid_get_cell (grid, row, column),
                       account_new (link, claim, facet->facet_uuid ? facet->name : NULL));
    }

  if (!(reuse = source_links (project, map, grid->sources, error)))
    return NULL;
  compare_accounts (grid, reuse);
  return g_steal_pointer (&grid);
}
