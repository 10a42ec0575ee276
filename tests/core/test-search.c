/* test-search.c: ranked full-text search with snippets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-claim.h"
#include "crb-search.h"
#include "crb-test-project.h"

typedef struct
{
  CrbProject *project;
  char       *wire;
  char       *daily;
  char       *russian;
  char       *kazakh;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->project = crb_test_new_project (NULL);
  fixture->wire = crb_test_add_document (
      fixture->project, "Northwire",
      "At least 14 people died when the Ilmet dam failed at 04:10 on Tuesday, regional governor "
      "Arman Sadykov said. Rescue teams from Nur-Sultan reached the valley by noon. The dam "
      "failure flooded three villages.");
  fixture->daily = crb_test_add_document (
      fixture->project, "Steppe Herald",
      "About 20 people are feared dead after the dam near Ilmet burst before dawn. Witnesses in "
      "Karaözek described a wall of water. Café owner Zhanna Omarova said the sirens never "
      "sounded.");
  fixture->russian = crb_test_add_document (
      fixture->project, "Вести Степи",
      "Губернатор Арман Садыков заявил, что погибли по меньшей мере 14 человек. Прорыв плотины "
      "произошёл ночью; спасатели прибыли из Нур-Султана.");
  fixture->kazakh = crb_test_add_document (
      fixture->project, "Dala Habar",
      "Әкім Арман Садықов бөгет бұзылғанын растады. Құтқарушылар таңертең жетті.");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->wire);
  g_free (fixture->daily);
  g_free (fixture->russian);
  g_free (fixture->kazakh);
}

static GPtrArray *
search (Fixture *fixture, const char *query)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *hits = crb_project_search (fixture->project, query, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static gboolean
has_document (GPtrArray *hits, const char *uuid)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_strcmp0 (((CrbSearchHit *) g_ptr_array_index (hits, i))->document_uuid, uuid) == 0)
      return TRUE;
  return FALSE;
}

static void
test_words (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) hits = search (fixture, "Sadykov");
  g_autofree char *snippet = NULL;

  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((CrbSearchHit *) hits->pdata[0])->document_uuid, ==, fixture->wire);
  g_assert_cmpstr (((CrbSearchHit *) hits->pdata[0])->title, ==, "Northwire");
  snippet = crb_search_hit_format_snippet (hits->pdata[0], "[", "]", FALSE);
  g_assert_nonnull (strstr (snippet, "[Sadykov]"));
}

static void
test_cyrillic (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) hits = search (fixture, "садыков");
  g_autoptr (GPtrArray) kazakh = search (fixture, "Садықов");
  g_autoptr (GPtrArray) prefix = search (fixture, "плотин*");

  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (has_document (hits, fixture->russian));
  g_assert_true (has_document (kazakh, fixture->kazakh));
  g_assert_true (has_document (prefix, fixture->russian));
}

static void
test_diacritics (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) plain = search (fixture, "Karaozek");
  g_autoptr (GPtrArray) cafe = search (fixture, "cafe");

  g_assert_true (has_document (plain, fixture->daily));
  g_assert_true (has_document (cafe, fixture->daily));
}

static void
test_phrase_and_prefix (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) phrase = search (fixture, "\"dam failed\"");
  g_autoptr (GPtrArray) not_phrase = search (fixture, "\"failed dam\"");
  g_autoptr (GPtrArray) prefix = search (fixture, "resc*");
  g_autoptr (GPtrArray) both = search (fixture, "dam Ilmet");
  g_autoptr (GPtrArray) either = search (fixture, "Omarova OR Sadykov");
  g_autoptr (GPtrArray) excluded = search (fixture, "dam NOT Omarova");

  g_assert_cmpuint (phrase->len, ==, 1);
  g_assert_cmpuint (not_phrase->len, ==, 0);
  g_assert_true (has_document (prefix, fixture->wire));
  g_assert_cmpuint (both->len, ==, 2);
  g_assert_cmpuint (either->len, ==, 2);
  g_assert_true (has_document (excluded, fixture->wire));
  g_assert_false (has_document (excluded, fixture->daily));
}

static void
test_hostile_queries (Fixture *fixture, gconstpointer data)
{
  /* What people paste must never be an FTS5 syntax error. */
  static const char *queries[] = { "Nur-Sultan", "04:10", "\"unclosed", "NOT", "OR dam",
                                   "dam AND", "*", "(((", "title:dam", "dam^", "'quote'",
                                   "NEAR(dam failed)", "" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GPtrArray) hits = search (fixture, queries[i]);
      g_test_message ("%s: %u hits", queries[i], hits->len);
    }
  {
    g_autoptr (GPtrArray) hits = search (fixture, "Nur-Sultan");
    g_assert_true (has_document (hits, fixture->wire));
  }
}

static void
test_notes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = crb_project_add_claim_by_quote (
      fixture->project, fixture->daily, "About 20 people", 1, "claim",
      "Conflicts with the wire's casualty count", &error);
  g_autoptr (GPtrArray) hits = NULL;
  CrbSearchHit *hit;

  g_assert_no_error (error);
  hits = search (fixture, "casualty");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->claim_uuid, ==, crb_record_get_uuid (CRB_RECORD (claim)));
  g_assert_cmpstr (hit->document_uuid, ==, fixture->daily);
}

static void
test_ranking (Fixture *fixture, gconstpointer data)
{
  g_autofree char *many = crb_test_add_document (
      fixture->project, "Dam explainer",
      "Dam safety. The dam, the dam operator, the dam inspection: every dam needs a dam plan.");
  g_autoptr (GPtrArray) hits = search (fixture, "dam");

  g_assert_cmpuint (hits->len, >=, 3);
  g_assert_cmpstr (((CrbSearchHit *) hits->pdata[0])->document_uuid, ==, many);
}

static void
test_markup (Fixture *fixture, gconstpointer data)
{
  g_autofree char *tricky = crb_test_add_document (fixture->project, "Markup",
                                                   "Beware <b>bold</b> & the unescaped omen.");
  g_autoptr (GPtrArray) hits = search (fixture, "omen");
  g_autofree char *markup = crb_search_hit_format_snippet (hits->pdata[0], "<b>", "</b>", TRUE);

  g_assert_nonnull (strstr (markup, "&lt;b&gt;bold&lt;/b&gt; &amp;"));
  g_assert_nonnull (strstr (markup, "<b>omen</b>"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/crb/search/words-with-snippet", test_words);
  ADD ("/crb/search/cyrillic", test_cyrillic);
  ADD ("/crb/search/diacritics-folded", test_diacritics);
  ADD ("/crb/search/phrase-prefix-operators", test_phrase_and_prefix);
  ADD ("/crb/search/hostile-queries", test_hostile_queries);
  ADD ("/crb/search/claim-notes", test_notes);
  ADD ("/crb/search/ranking", test_ranking);
  ADD ("/crb/search/snippet-markup", test_markup);
#undef ADD
  return g_test_run ();
}
