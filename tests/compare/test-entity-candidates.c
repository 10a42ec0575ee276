/* test-entity-candidates.c: recurring names suggested as entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "crb-entity-candidates.h"

static const CrbEntityCandidate *
find (GPtrArray  *candidates,
      const char *name)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const CrbEntityCandidate *candidate = g_ptr_array_index (candidates, i);

      if (g_str_equal (candidate->name, name))
        return candidate;
    }
  return NULL;
}

static void
test_ranking (void)
{
  const char *documents[] = {
    "The Collective Security Treaty Organization met in Astana. However, Kassym-Jomart Tokayev "
    "spoke first. The Ministry of Foreign Affairs agreed. WHAT ARE YOU LOOKING FOR",
    "Kassym-Jomart Tokayev visited Central Asia. In March the Collective Security Treaty "
    "Organization said nothing. This Monday Mr Frank-Walter Steinmeier called.",
    "Officials in Central Asia and Kassym-Jomart Tokayev. The Ministry of Foreign Affairs "
    "replied, and the Ministry of Foreign Affairs of Kazakhstan later. However, nobody else. "
    "WHAT ARE YOU LOOKING FOR",
    "Қасым-Жомарт Тоқаев и Касым-Жомарт Токаев. В Центральной Азии тихо.",
  };
  g_autoptr(CrbEntityCandidates) finder = crb_entity_candidates_new ();
  g_autoptr(GPtrArray) candidates = NULL;
  const CrbEntityCandidate *tokayev, *csto, *ministry, *asia;

  crb_entity_candidates_ignore (finder, "Astana");
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    crb_entity_candidates_add_document (finder, documents[i], -1);
  candidates = crb_entity_candidates_get (finder, 2, 2);

  /* Spellings in three scripts count as one name, in four documents. */
  tokayev = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (tokayev->name, ==, "Kassym-Jomart Tokayev");
  g_assert_cmpuint (tokayev->n_documents, ==, 4);
  g_assert_cmpuint (tokayev->n_occurrences, ==, 5);
  g_assert_cmpuint (tokayev->n_words, ==, 3);

  csto = find (candidates, "Collective Security Treaty Organization");
  ministry = find (candidates, "Ministry of Foreign Affairs");
  asia = find (candidates, "Central Asia");
  g_assert_nonnull (csto);
  g_assert_cmpuint (csto->n_documents, ==, 2);
  g_assert_nonnull (ministry);
  g_assert_cmpuint (ministry->n_documents, ==, 2);
  g_assert_nonnull (asia);

  /* Sentence openers, shouting, titles, one-document names and known
   * names are not suggested. */
  g_assert_null (find (candidates, "The Collective Security Treaty Organization"));
  g_assert_null (find (candidates, "However"));
  g_assert_null (find (candidates, "WHAT ARE YOU LOOKING FOR"));
  g_assert_null (find (candidates, "Frank-Walter Steinmeier"));
  g_assert_null (find (candidates, "Mr Frank-Walter Steinmeier"));
  g_assert_null (find (candidates, "Astana"));
  g_assert_null (find (candidates, "Ministry of Foreign Affairs of Kazakhstan"));
  for (guint i = 1; i < candidates->len; i++)
    g_assert_cmpuint (((CrbEntityCandidate *) g_ptr_array_index (candidates, i - 1))->n_documents, >=,
                      ((CrbEntityCandidate *) g_ptr_array_index (candidates, i))->n_documents);
}

static void
test_single_words (void)
{
  g_autoptr(CrbEntityCandidates) finder = crb_entity_candidates_new ();
  g_autoptr(GPtrArray) candidates = NULL;

  crb_entity_candidates_add_document (finder, "Russia and Kazakhstan. In April, NATO met.", -1);
  crb_entity_candidates_add_document (finder, "Kazakhstan, NATO and the EU. April came.", -1);
  candidates = crb_entity_candidates_get (finder, 2, 1);
  g_assert_nonnull (find (candidates, "Kazakhstan"));
  g_assert_nonnull (find (candidates, "NATO"));
  g_assert_null (find (candidates, "April"));
  g_assert_null (find (candidates, "In"));
  g_assert_cmpuint (candidates->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/compare/entity-candidates/ranking", test_ranking);
  g_test_add_func ("/crb/compare/entity-candidates/single-words", test_single_words);
  return g_test_run ();
}
