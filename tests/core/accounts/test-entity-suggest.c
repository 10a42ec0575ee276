/* test-entity-suggest.c: alias variants of known names and candidate
 * entities, on the sample project and the shared corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "accounts-samples.h"
#include "crb-entity-suggest.h"
#include "crb-entity.h"
#include "crb-name-variant.h"
#include "crb-record.h"
#include "crb-test-project.h"

static const CrbAliasSuggestion *
find_suggestion (GPtrArray *suggestions, const char *entity_name, const char *variant)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      const CrbAliasSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (g_str_equal (suggestion->entity_name, entity_name) &&
          g_str_equal (suggestion->variant, variant))
        return suggestion;
    }
  return NULL;
}

static gboolean
has_document (const CrbAliasSuggestion *suggestion, const char *uuid)
{
  for (guint i = 0; i < suggestion->documents->len; i++)
    if (g_str_equal (g_ptr_array_index (suggestion->documents, i), uuid))
      return TRUE;
  return FALSE;
}

static void
add_entity (CrbProject *project, const char *kind, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEntity) entity = crb_project_add_entity (project, kind, name, NULL, NULL, &error);

  g_assert_no_error (error);
}

static void
test_alias_variants (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autoptr (GPtrArray) only = NULL;
  const CrbAliasSuggestion *holodov, *saidashev, *cyrillic;

  samples_load (&samples);
  add_entity (samples.project, "person", "Yevgeny Kholodov");
  add_entity (samples.project, "person", "Timur Saydashev");
  add_entity (samples.project, "person", "Pyotr Sokol");

  suggestions = crb_project_suggest_aliases (samples.project, NULL, &error);
  g_assert_no_error (error);

  /* The machine translation's transliterations, found where they occur. */
  holodov = find_suggestion (suggestions, "Yevgeny Kholodov", "Evgeniy Holodov");
  g_assert_nonnull (holodov);
  g_assert_cmpfloat (holodov->score, >=, CRB_NAME_VARIANT_THRESHOLD);
  g_assert_cmpuint (holodov->documents->len, ==, 1);
  g_assert_true (has_document (holodov, samples.uuids[SAMPLE_VESTI_MT]));
  saidashev = find_suggestion (suggestions, "Timur Saydashev", "Timur Saidashev");
  g_assert_nonnull (saidashev);
  g_assert_true (has_document (saidashev, samples.uuids[SAMPLE_VESTI_MT]));
  /* The other script is another spelling too. */
  cyrillic = find_suggestion (suggestions, "Yevgeny Kholodov", "Евгений Холодов");
  g_assert_nonnull (cyrillic);
  g_assert_true (has_document (cyrillic, samples.uuids[SAMPLE_VESTI_RU]));

  /* "Peter Falcon" is Sokol translated, not spelt differently; "Kholodov"
   * alone is a shortening; "Colonel Yevgeny Kholodov" holds the name. */
  g_assert_null (find_suggestion (suggestions, "Pyotr Sokol", "Peter Falcon"));
  g_assert_null (find_suggestion (suggestions, "Pyotr Sokol", "Pavel Sokolov"));
  g_assert_null (find_suggestion (suggestions, "Yevgeny Kholodov", "Kholodov"));
  g_assert_null (find_suggestion (suggestions, "Yevgeny Kholodov", "Colonel Yevgeny Kholodov"));
  for (guint i = 0; i < suggestions->len; i++)
    {
      const CrbAliasSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_assert_cmpfloat (suggestion->score, >=, CRB_NAME_VARIANT_THRESHOLD);
      g_assert_cmpuint (suggestion->documents->len, >, 0);
      if (i > 0)
        g_assert_cmpfloat (((CrbAliasSuggestion *) g_ptr_array_index (suggestions, i - 1))->score,
                           >=, suggestion->score);
    }

  /* Asked about one entity, only its variants come back. */
  only = crb_project_suggest_aliases (samples.project, "Timur Saydashev", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (only->len, >, 0);
  for (guint i = 0; i < only->len; i++)
    g_assert_cmpstr (((CrbAliasSuggestion *) g_ptr_array_index (only, i))->entity_name, ==,
                     "Timur Saydashev");
}

static gint
rank_of (GPtrArray *candidates, const char *name)
{
  for (guint i = 0; i < candidates->len; i++)
    if (g_str_equal (((CrbEntityCandidate *) g_ptr_array_index (candidates, i))->name, name))
      return i;
  return -1;
}

static void
test_candidate_entities (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) candidates = NULL;

  samples_load (&samples);
  add_entity (samples.project, "person", "Yevgeny Kholodov");
  add_entity (samples.project, "place", "Sovrany");

  candidates = crb_project_suggest_entities (samples.project, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, >, 5);

  /* The village and the dam's operator are in every report. */
  g_assert_cmpint (rank_of (candidates, "Brezhki"), >=, 0);
  g_assert_cmpint (rank_of (candidates, "Ilmet Hydro"), >=, 0);
  g_assert_cmpint (rank_of (candidates, "Brezhki"), <, rank_of (candidates, "Grigory Lantsov"));
  g_assert_cmpint (rank_of (candidates, "Pyotr Sokol"), >=, 0);
  /* Known entities, their variants and titled forms are not new. */
  g_assert_cmpint (rank_of (candidates, "Sovrany"), ==, -1);
  g_assert_cmpint (rank_of (candidates, "Kholodov"), ==, -1);
  g_assert_cmpint (rank_of (candidates, "Colonel Yevgeny Kholodov"), ==, -1);
  g_assert_cmpint (rank_of (candidates, "Evgeniy Holodov"), ==, -1);
  /* Words the corpus also writes in lower case are no names. */
  g_assert_cmpint (rank_of (candidates, "Water"), ==, -1);
  g_assert_cmpint (rank_of (candidates, "Volunteers"), ==, -1);

  for (guint i = 0; i < candidates->len; i++)
    {
      const CrbEntityCandidate *candidate = g_ptr_array_index (candidates, i);

      g_assert_cmpuint (candidate->n_documents, >=, 2);
      if (i > 0)
        g_assert_cmpuint (
            ((CrbEntityCandidate *) g_ptr_array_index (candidates, i - 1))->n_documents, >=,
            candidate->n_documents);
    }
}

static void
test_corpus_garbled_name (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autofree char          *uuids[5] = { NULL };
  char                     *texts[5] = { NULL };
  const CrbAliasSuggestion *garbled;

  if (!corpus_read (texts))
    {
      g_test_skip ("the shared corpus (CORROBORATE_SHARED_CORPUS) is not available");
      return;
    }
  project = crb_test_new_project (NULL);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("corpus %03u", i);

      uuids[i] = crb_test_add_document (project, title, texts[i]);
      g_free (texts[i]);
    }
  add_entity (project, "person", "Kassym-Jomart Tokayev");

  suggestions = crb_project_suggest_aliases (project, NULL, &error);
  g_assert_no_error (error);
  garbled = find_suggestion (suggestions, "Kassym-Jomart Tokayev", "Qasim-Skomart Tokaye");
  g_assert_nonnull (garbled);
  g_assert_cmpuint (garbled->documents->len, ==, 1);
  g_assert_true (has_document (garbled, uuids[2]));
  g_assert_cmpfloat (garbled->score, <, 1.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crb/accounts/suggest/alias-variants", test_alias_variants);
  g_test_add_func ("/crb/accounts/suggest/candidate-entities", test_candidate_entities);
  g_test_add_func ("/crb/accounts/suggest/corpus-garbled-name", test_corpus_garbled_name);
  return g_test_run ();
}
