/* test-reuse-corpus.c: reuse between the real documents of the shared corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read by hand, the five documents share text in exactly two places:
 *  - 000 rewrites the NATO study that 004 summarises in garbled, column-
 *    interleaved form, and says "Turkestan (Turkic Union)" wherever the
 *    study says "Central Asia" (and "defense" for its "defence");
 *  - 000 and 001 carry the same news passage on Nikonov's and Fedorov's
 *    remarks and the summoning of the Russian chargé d'affaires, edited.
 * 002 (a machine translation) and 003 (a news site's analysis) only share
 * topics, names and figures with the others, not text.
 */
#include <glib.h>
#include <string.h>

#include "crb-reuse-index.h"

#define N_FILES 5

static char *texts[N_FILES];

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
load_corpus (void)
{
  const char *folder = g_getenv ("CORROBORATE_SHARED_CORPUS");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (texts[0] != NULL)
    return TRUE;
  if (folder == NULL || (dir = g_dir_open (folder, 0, NULL)) == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  if (names->len != N_FILES)
    return FALSE;
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (!g_file_get_contents (path, &texts[i], NULL, NULL))
        return FALSE;
    }
  return TRUE;
}

static GBytes *
corpus_text (gint64   document,
             gpointer user_data)
{
  return g_bytes_new_static (texts[document], strlen (texts[document]));
}

static const CrbReuseRelation *
find_relation (GPtrArray *relations,
               gint64     a,
               gint64     b)
{
  for (guint i = 0; i < relations->len; i++)
    {
      const CrbReuseRelation *relation = g_ptr_array_index (relations, i);

      if (relation->document_a == a && relation->document_b == b)
        return relation;
    }
  return NULL;
}

/* TRUE when one passage quotes @needle_a on side A and @needle_b on side B. */
static gboolean
has_passage (const CrbReuseRelation *relation,
             const char             *needle_a,
             const char             *needle_b)
{
  for (guint i = 0; i < relation->passages->len; i++)
    {
      const CrbReusePassage *passage = &g_array_index (relation->passages, CrbReusePassage, i);
      g_autofree char *a = g_utf8_substring (texts[relation->document_a], passage->a_start, passage->a_end);
      g_autofree char *b = g_utf8_substring (texts[relation->document_b], passage->b_start, passage->b_end);

      if (strstr (a, needle_a) != NULL && strstr (b, needle_b) != NULL)
        return TRUE;
    }
  return FALSE;
}

static const CrbSubstitution *
find_substitution (const CrbReuseRelation *relation,
                   const char             *a,
                   const char             *b)
{
  for (guint i = 0; i < relation->substitutions->len; i++)
    {
      const CrbSubstitution *substitution = g_ptr_array_index (relation->substitutions, i);

      if (g_str_equal (substitution->a, a) && g_str_equal (substitution->b, b))
        return substitution;
    }
  return NULL;
}

static void
test_relations (void)
{
  g_autoptr(CrbReuseIndex) index = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  const gint64 ids[N_FILES] = { 0, 1, 2, 3, 4 };
  const CrbReuseRelation *study, *news;
  const CrbSubstitution *substitution;

  if (!load_corpus ())
    {
      g_test_skip ("the shared corpus (CORROBORATE_SHARED_CORPUS) is not available");
      return;
    }

  index = crb_reuse_index_new (NULL, corpus_text, NULL, NULL);
  crb_reuse_index_add_many (index, ids, N_FILES);
  relations = crb_reuse_index_analyse (index, NULL);

  /* Exactly the two true relations, nothing spurious. */
  g_assert_cmpuint (relations->len, ==, 2);
  study = find_relation (relations, 0, 4);
  news = find_relation (relations, 0, 1);
  g_assert_nonnull (study);
  g_assert_nonnull (news);

  /* The study's sentences survive in 004 only in pieces, between fragments
   * of the other column. */
  g_assert_cmpuint (study->passages->len, >=, 6);
  g_assert_true (has_passage (study, "only state in Turkestan (Turkic Union) bordering Russia",
                              "only state in Central Asia bordering Russia"));
  g_assert_true (has_passage (study, "is still in the process of being demarcated",
                              "is still in the process of being demarcated"));
  g_assert_true (has_passage (study, "Kazakhstan has actually shown over the years",
                              "Kazakhstan has actually shown over the years"));
  g_assert_true (has_passage (study, "allies in terms of foreign, defense and security",
                              "allies in terms of foreign, defence and security"));
  g_assert_cmpfloat (study->coverage_a, >, 0.08);
  g_assert_cmpfloat (study->coverage_a, <, 0.5);
  g_assert_cmpfloat (study->coverage_b, <, study->coverage_a);

  /* 000 swapped the region's name throughout. */
  substitution = find_substitution (study, "turkestan turkic union", "central asia");
  g_assert_nonnull (substitution);
  g_assert_cmpuint (substitution->kept, ==, 0);
  g_assert_cmpuint (substitution->a_total, >=, 10);
  g_assert_cmpuint (substitution->b_total, >=, 10);
  g_assert_nonnull (find_substitution (study, "defense", "defence"));
  g_assert_cmpuint (study->substitutions->len, ==, 2);

  g_assert_cmpuint (news->passages->len, >=, 2);
  g_assert_true (has_passage (news, "is a great gift from Russia and the Soviet Union",
                              "is a great gift from Russia and the Soviet Union"));
  g_assert_true (has_passage (news, "Kazakhstan should give its territory to Russia",
                              "Kazakhstan should give its territory to Russia"));
  g_assert_true (has_passage (news, "to the Ministry of Foreign Affairs of Kazakhstan",
                              "to the Ministry of foreign affairs of Kazakhstan"));
  /* Edited wording, but no name swapped throughout. */
  g_assert_cmpuint (news->substitutions->len, ==, 0);
}

static void
test_incremental_agrees (void)
{
  g_autoptr(CrbReuseIndex) index = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  const gint64 ids[N_FILES - 1] = { 1, 2, 3, 4 };

  if (!load_corpus ())
    {
      g_test_skip ("the shared corpus (CORROBORATE_SHARED_CORPUS) is not available");
      return;
    }

  /* Importing 000 last finds the same two relations from its side. */
  index = crb_reuse_index_new (NULL, corpus_text, NULL, NULL);
  crb_reuse_index_add_many (index, ids, N_FILES - 1);
  relations = crb_reuse_index_query (index, 0, texts[0], -1);
  g_assert_cmpuint (relations->len, ==, 2);
  g_assert_nonnull (find_relation (relations, 0, 1));
  g_assert_nonnull (find_relation (relations, 0, 4));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/compare/reuse-corpus/relations", test_relations);
  g_test_add_func ("/crb/compare/reuse-corpus/incremental-agrees", test_incremental_agrees);
  status = g_test_run ();
  for (guint i = 0; i < N_FILES; i++)
    g_free (texts[i]);
  return status;
}
