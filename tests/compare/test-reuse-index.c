/* test-reuse-index.c: reuse detection on synthetic corpora with planted passages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "crb-reuse-index.h"
#include "crb-synth-corpus.h"

#define N_DOCUMENTS 200
#define N_PASSAGES  60

static GBytes *
corpus_text (gint64   document,
             gpointer user_data)
{
  CrbSynthCorpus *corpus = user_data;
  gsize length;
  const char *text = crb_synth_corpus_get_text (corpus, document, &length);

  return g_bytes_new_static (text, length);
}

static CrbReuseIndex *
index_corpus (CrbSynthCorpus *corpus,
              guint           n_threads,
              gint64          skip)
{
  CrbReuseOptions options;
  CrbReuseIndex *index;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  crb_reuse_options_init (&options);
  options.n_threads = n_threads;
  index = crb_reuse_index_new (&options, corpus_text, corpus, NULL);
  for (gint64 d = 0; d < (gint64) corpus->offsets->len - 1; d++)
    if (d != skip)
      g_array_append_val (ids, d);
  crb_reuse_index_add_many (index, (const gint64 *) ids->data, ids->len);
  return index;
}

static const CrbReuseRelation *
find_relation (GPtrArray *relations,
               gint64     a,
               gint64     b)
{
  for (guint i = 0; i < relations->len; i++)
    {
      const CrbReuseRelation *relation = g_ptr_array_index (relations, i);

      if ((relation->document_a == a && relation->document_b == b)
          || (relation->document_a == b && relation->document_b == a))
        return relation;
    }
  return NULL;
}

static void
test_synthetic (void)
{
  g_autoptr(CrbSynthCorpus) corpus = crb_synth_corpus_new (N_DOCUMENTS, N_PASSAGES, 20240501);
  g_autoptr(CrbReuseIndex) index = index_corpus (corpus, 2, -1);
  g_autoptr(GPtrArray) relations = crb_reuse_index_analyse (index, NULL);
  guint found_by_kind[CRB_SYNTH_N_KINDS] = { 0 };
  double recall, precision;
  guint unrelated;

  g_assert_nonnull (relations);
  g_assert_cmpuint (crb_reuse_index_get_n_documents (index), ==, N_DOCUMENTS);
  crb_synth_corpus_score (corpus, relations, &recall, &precision, &unrelated);
  g_test_message ("recall %.3f precision %.3f unrelated %u relations %u", recall, precision,
                  unrelated, relations->len);
  g_assert_cmpfloat (recall, >=, 0.98);
  g_assert_cmpfloat (precision, >=, 0.98);
  g_assert_cmpuint (unrelated, ==, 0);

  for (guint p = 0; p < corpus->passages->len; p++)
    {
      const CrbSynthPassage *planted = &g_array_index (corpus->passages, CrbSynthPassage, p);
      const CrbReuseRelation *relation = find_relation (relations, planted->source, planted->target);

      if (relation == NULL)
        continue;
      found_by_kind[planted->kind]++;
      if (planted->kind == CRB_SYNTH_SUBSTITUTED)
        {
          /* The relation knows which side has which name. */
          gboolean source_is_a = relation->document_a == (gint64) planted->source;
          g_autofree char *from = g_utf8_strdown (source_is_a ? planted->name_from : planted->name_to, -1);
          g_autofree char *to = g_utf8_strdown (source_is_a ? planted->name_to : planted->name_from, -1);
          const CrbSubstitution *top;

          g_strdelimit (from, "-", ' ');
          g_strdelimit (to, "-", ' ');
          g_assert_cmpuint (relation->substitutions->len, >=, 1);
          top = g_ptr_array_index (relation->substitutions, 0);
          g_assert_cmpstr (top->a, ==, from);
          g_assert_cmpstr (top->b, ==, to);
          g_assert_cmpuint (top->count, ==, planted->n_names);
          g_assert_cmpuint (top->kept, ==, 0);
        }
      else if (planted->kind == CRB_SYNTH_VERBATIM)
        {
          g_assert_cmpuint (relation->passages->len, ==, 1);
          g_assert_cmpfloat (g_array_index (relation->passages, CrbReusePassage, 0).identity, ==, 1.0);
          g_assert_cmpuint (relation->substitutions->len, ==, 0);
        }
    }
  /* Every kind of reuse is found, not just the easy ones. */
  for (guint k = 0; k < CRB_SYNTH_N_KINDS; k++)
    g_assert_cmpuint (found_by_kind[k], >=, N_PASSAGES / CRB_SYNTH_N_KINDS - 1);
}

static void
test_threads_agree (void)
{
  g_autoptr(CrbSynthCorpus) corpus = crb_synth_corpus_new (60, 20, 7);
  g_autoptr(CrbReuseIndex) one = index_corpus (corpus, 1, -1);
  g_autoptr(CrbReuseIndex) two = index_corpus (corpus, 2, -1);
  g_autoptr(GPtrArray) first = crb_reuse_index_analyse (one, NULL);
  g_autoptr(GPtrArray) second = crb_reuse_index_analyse (two, NULL);

  g_assert_cmpuint (first->len, ==, second->len);
  g_assert_cmpuint (first->len, >=, 19);
  for (guint i = 0; i < first->len; i++)
    {
      const CrbReuseRelation *x = g_ptr_array_index (first, i);
      const CrbReuseRelation *y = g_ptr_array_index (second, i);

      g_assert_cmpint (x->document_a, ==, y->document_a);
      g_assert_cmpint (x->document_b, ==, y->document_b);
      g_assert_cmpuint (x->passages->len, ==, y->passages->len);
      g_assert_cmpmem (x->passages->data, x->passages->len * sizeof (CrbReusePassage),
                       y->passages->data, y->passages->len * sizeof (CrbReusePassage));
    }
}

static void
test_incremental (void)
{
  g_autoptr(CrbSynthCorpus) corpus = crb_synth_corpus_new (80, 20, 99);
  const CrbSynthPassage *planted = &g_array_index (corpus->passages, CrbSynthPassage, 0);
  g_autoptr(CrbReuseIndex) index = index_corpus (corpus, 2, planted->target);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) after_removal = NULL;
  const CrbReuseRelation *relation;
  const CrbReusePassage *passage;
  gsize length;
  const char *text = crb_synth_corpus_get_text (corpus, planted->target, &length);

  /* The new document is compared without being added… */
  relations = crb_reuse_index_query (index, planted->target, text, length);
  g_assert_cmpuint (relations->len, ==, 1);
  relation = g_ptr_array_index (relations, 0);
  g_assert_cmpint (relation->document_a, ==, planted->target);
  g_assert_cmpint (relation->document_b, ==, planted->source);
  passage = &g_array_index (relation->passages, CrbReusePassage, 0);
  g_assert_cmpuint (passage->a_start, <=, planted->target_start + 20);
  g_assert_cmpuint (passage->b_start, <=, planted->source_start + 20);
  g_assert_cmpfloat (relation->coverage_a, >, 0.0);
  g_assert_cmpuint (crb_reuse_index_get_n_documents (index), ==, 79);

  /* …then added, and its relation shows up in the whole-corpus pass. */
  g_assert_true (crb_reuse_index_add (index, planted->target, text, length));
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = crb_reuse_index_analyse (index, NULL);
  g_assert_nonnull (find_relation (relations, planted->source, planted->target));

  /* A removed document relates to nothing any more. */
  g_assert_true (crb_reuse_index_remove (index, planted->source));
  g_assert_false (crb_reuse_index_remove (index, planted->source));
  after_removal = crb_reuse_index_query (index, planted->target, text, length);
  g_assert_cmpuint (after_removal->len, ==, 0);
}

static void
test_revision_replaces (void)
{
  const char *text = "the quick brown fox jumps over the lazy dog near the quiet river bank today "
                     "while seven grey geese fly south across the valley of the old mill";
  CrbReuseIndex *index = crb_reuse_index_new (NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) relations = NULL;

  g_assert_true (crb_reuse_index_add (index, 1, text, -1));
  g_assert_true (crb_reuse_index_add (index, 1, "something else entirely", -1));
  g_assert_cmpuint (crb_reuse_index_get_n_documents (index), ==, 1);
  /* Document 1's old revision is gone, so nothing matches. */
  relations = crb_reuse_index_query (index, 2, text, -1);
  g_assert_cmpuint (relations->len, ==, 0);
  g_assert_cmpuint (crb_reuse_index_get_memory_size (index), >, 0);
  crb_reuse_index_free (index);
}

static void
test_compare_texts (void)
{
  const char *a = "Kazakhstan is the only state in Central Asia bordering Russia. The border "
                  "between the two countries is the longest in the world and is still in the "
                  "process of being demarcated. Unrelated closing words follow here.";
  const char *b = "Preface. Kazakhstan is the only state in Turkestan (Turkic Union) bordering "
                  "Russia. The border between the two coun-\ntries is the longest in the world "
                  "and is still in the process of being demarcated.";
  g_autoptr(CrbReuseRelation) relation = crb_reuse_relation_compare (NULL, 10, a, 20, b);
  g_autoptr(CrbReuseRelation) none = crb_reuse_relation_compare (NULL, 10, a, 30,
                                                                 "Nothing in common at all here.");
  const CrbReusePassage *passage;
  g_autofree char *quote_a = NULL;
  g_autofree char *quote_b = NULL;

  g_assert_null (none);
  g_assert_nonnull (relation);
  g_assert_cmpint (relation->document_a, ==, 10);
  g_assert_cmpuint (relation->passages->len, ==, 1);
  passage = &g_array_index (relation->passages, CrbReusePassage, 0);
  quote_a = g_utf8_substring (a, passage->a_start, passage->a_end);
  quote_b = g_utf8_substring (b, passage->b_start, passage->b_end);
  g_assert_true (g_str_has_prefix (quote_a, "Kazakhstan is the only"));
  g_assert_true (g_str_has_suffix (quote_a, "demarcated"));
  g_assert_true (g_str_has_prefix (quote_b, "Kazakhstan is the only"));
  g_assert_true (g_str_has_suffix (quote_b, "demarcated"));
  g_assert_cmpuint (passage->n_equal, ==, 29);
  g_assert_cmpfloat (relation->coverage_b, >, 0.9);
  g_assert_cmpfloat (relation->coverage_a, <, 0.9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/compare/reuse/synthetic", test_synthetic);
  g_test_add_func ("/crb/compare/reuse/threads-agree", test_threads_agree);
  g_test_add_func ("/crb/compare/reuse/incremental", test_incremental);
  g_test_add_func ("/crb/compare/reuse/revision-replaces", test_revision_replaces);
  g_test_add_func ("/crb/compare/reuse/compare-texts", test_compare_texts);
  return g_test_run ();
}
