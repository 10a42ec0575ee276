/* crb-synth-corpus.c: deterministic synthetic corpora with planted reuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents are regenerated from their own seed whenever a target needs the
 * words of its source, so the generator holds only a couple of documents'
 * words besides the text itself.
 */
#include "crb-synth-corpus.h"

#include <string.h>

#include "crb-reuse-relation.h"

#define VOCABULARY 50000
#define MIN_BYTES  2500
#define MAX_BYTES  7500
#define MIN_WORDS  40
#define MAX_WORDS  240
#define N_NAMES_IN_PASSAGE 3
/* Word IDs at and above this stand for names. */
#define NAME_BASE  VOCABULARY

static const char *const names[] = {
  "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Tokayev", "Mirziyoyev",
  "Central Asia", "Turkestan Turkic Union", "Astana", "Almaty", "Nur-Sultan", "Shymkent",
};

typedef struct
{
  guint64 state;
} Random;

static inline guint64
random_next (Random *random)
{
  /* xorshift64* */
  random->state ^= random->state >> 12;
  random->state ^= random->state << 25;
  random->state ^= random->state >> 27;
  return random->state * G_GUINT64_CONSTANT (2685821657736338717);
}

static inline guint
random_range (Random *random,
              guint   low,
              guint   high)
{
  return low + random_next (random) % (high - low + 1);
}

static inline double
random_unit (Random *random)
{
  return (random_next (random) >> 11) * (1.0 / 9007199254740992.0);
}

/* An independent stream for each purpose and document. */
static Random
random_for (guint64 seed,
            guint64 purpose,
            guint64 index)
{
  Random random = { (seed + 1) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)
                    ^ (purpose * G_GUINT64_CONSTANT (0x632be59bd9b4e019) + index * 0x2545f491u + 7) };

  for (guint i = 0; i < 8; i++)
    random_next (&random);
  return random;
}

enum { STREAM_VOCABULARY, STREAM_PLAN, STREAM_WORDS, STREAM_LAYOUT, STREAM_SLICE, STREAM_COPY };

typedef struct
{
  guint source_of;  /* passage index + 1, or 0 */
  guint target_of;
} Role;

typedef struct
{
  guint name_from;
  guint name_to;
} Plan;

typedef struct
{
  guint64         seed;
  char          **words;
  double         *cumulative;  /* Zipf, s = 1 */
  Role           *roles;
  Plan           *plans;
  CrbSynthCorpus *corpus;
} Generator;

static void
make_vocabulary (Generator *generator)
{
  Random random = random_for (generator->seed, STREAM_VOCABULARY, 0);
  double sum = 0;

  generator->words = g_new (char *, VOCABULARY);
  generator->cumulative = g_new (double, VOCABULARY);
  for (guint i = 0; i < VOCABULARY; i++)
    {
      guint length = random_range (&random, 2, 9);
      char *word = g_malloc (length + 1);

      for (guint k = 0; k < length; k++)
        word[k] = 'a' + random_next (&random) % 26;
      word[length] = '\0';
      generator->words[i] = word;
      sum += 1.0 / (i + 1);
      generator->cumulative[i] = sum;
    }
  for (guint i = 0; i < VOCABULARY; i++)
    generator->cumulative[i] /= sum;
}

static guint32
zipf_word (Generator *generator,
           Random    *random)
{
  double u = random_unit (random);
  guint low = 0, high = VOCABULARY - 1;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (generator->cumulative[middle] < u)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static const char *
word_text (Generator *generator,
           guint32    word)
{
  return word >= NAME_BASE ? names[word - NAME_BASE] : generator->words[word];
}

static CrbSynthPassage *
passage_at (Generator *generator,
            guint      index)
{
  return &g_array_index (generator->corpus->passages, CrbSynthPassage, index);
}

/* The words of @document before anything is planted in it.  For a source,
 * *@first_word is where its passage starts, and the passage carries the
 * names it is to have. */
static GArray *
base_words (Generator *generator,
            guint      document,
            guint     *first_word)
{
  Random random = random_for (generator->seed, STREAM_WORDS, document);
  guint target_bytes = random_range (&random, MIN_BYTES, MAX_BYTES);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint source_of = generator->roles[document].source_of;
  guint bytes = 0;

  while (bytes < target_bytes)
    {
      guint32 word = zipf_word (generator, &random);

      g_array_append_val (words, word);
      bytes += strlen (generator->words[word]) + 1;
    }

  if (source_of > 0)
    {
      const CrbSynthPassage *passage = passage_at (generator, source_of - 1);
      Random slice = random_for (generator->seed, STREAM_SLICE, source_of - 1);

      *first_word = random_range (&slice, 0, words->len - passage->n_words);
      if (passage->kind == CRB_SYNTH_SUBSTITUTED)
        for (guint k = 0; k < passage->n_names; k++)
          g_array_index (words, guint32, *first_word + 3 + (passage->n_words - 6) * k / passage->n_names)
            = NAME_BASE + generator->plans[source_of - 1].name_from;
    }
  return words;
}

/* What the target receives: the source's words, changed as the kind says. */
static GArray *
copy_words (Generator             *generator,
            const CrbSynthPassage *passage,
            guint                  index)
{
  guint first = 0;
  g_autoptr(GArray) source = base_words (generator, passage->source, &first);
  Random random = random_for (generator->seed, STREAM_COPY, index);
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = first; i < first + passage->n_words; i++)
    {
      guint32 word = g_array_index (source, guint32, i);
      double r = random_unit (&random);

      if (passage->kind == CRB_SYNTH_EDITED && r < 0.03)
        word = zipf_word (generator, &random);
      else if (passage->kind == CRB_SYNTH_EDITED && r < 0.04)
        continue;
      if (passage->kind == CRB_SYNTH_SUBSTITUTED && word == NAME_BASE + generator->plans[index].name_from)
        word = NAME_BASE + generator->plans[index].name_to;
      g_array_append_val (copy, word);
      if (passage->kind == CRB_SYNTH_EDITED && r >= 0.04 && r < 0.05)
        {
          guint32 inserted = zipf_word (generator, &random);

          g_array_append_val (copy, inserted);
        }
    }
  return copy;
}

/* Appends @words as sentences.  With @damage, some words are hyphenated
 * across a line end and some spaces become line breaks, as a careless
 * extraction leaves them.  The code point range of word @mark_first up to
 * @mark_last goes to @range. */
static void
render (Generator *generator,
        GString   *out,
        gsize      document_start,
        GArray    *words,
        Random    *layout,
        gboolean   damage,
        guint      mark_first,
        guint      mark_last,
        guint32    range[2])
{
  guint until_sentence_end = random_range (layout, 6, 22);
  gboolean capital = TRUE;
  gboolean new_paragraph = TRUE;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = word_text (generator, g_array_index (words, guint32, i));
      gsize length = strlen (word);
      gsize start;

      if (!new_paragraph)
        g_string_append_c (out, damage && random_unit (layout) < 0.1 ? '\n' : ' ');
      new_paragraph = FALSE;
      start = out->len;
      if (i == mark_first)
        range[0] = start - document_start;
      if (damage && length >= 5 && random_unit (layout) < 0.08)
        {
          gsize cut = random_range (layout, 2, length - 2);

          g_string_append_len (out, word, cut);
          g_string_append (out, "-\n");
          g_string_append (out, word + cut);
        }
      else
        g_string_append (out, word);
      if (capital)
        out->str[start] = g_ascii_toupper (out->str[start]);
      if (i == mark_last)
        range[1] = out->len - document_start;
      capital = FALSE;
      if (--until_sentence_end == 0 || i + 1 == words->len)
        {
          g_string_append_c (out, '.');
          capital = TRUE;
          until_sentence_end = random_range (layout, 6, 22);
          if (random_unit (layout) < 0.25 && i + 1 < words->len)
            {
              g_string_append (out, "\n\n");
              new_paragraph = TRUE;
            }
        }
    }
}

static void
render_document (Generator *generator,
                 guint      document)
{
  CrbSynthCorpus *corpus = generator->corpus;
  Role *role = &generator->roles[document];
  Random layout = random_for (generator->seed, STREAM_LAYOUT, document);
  guint first = 0;
  g_autoptr(GArray) words = base_words (generator, document, &first);
  gsize start = corpus->text->len;
  guint32 ignored[2];

  if (role->source_of > 0)
    {
      CrbSynthPassage *passage = passage_at (generator, role->source_of - 1);
      guint32 range[2] = { 0, 0 };

      render (generator, corpus->text, start, words, &layout, FALSE, first,
              first + passage->n_words - 1, range);
      passage->source_start = range[0];
      passage->source_end = range[1];
    }
  else if (role->target_of > 0)
    {
      CrbSynthPassage *passage = passage_at (generator, role->target_of - 1);
      g_autoptr(GArray) copy = copy_words (generator, passage, role->target_of - 1);
      guint split = random_range (&layout, 0, words->len);
      g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint32 range[2] = { 0, 0 };

      g_array_append_vals (before, words->data, split);
      g_array_append_vals (after, (guint32 *) words->data + split, words->len - split);
      render (generator, corpus->text, start, before, &layout, FALSE, G_MAXUINT, G_MAXUINT, ignored);
      g_string_append (corpus->text, "\n\n");
      render (generator, corpus->text, start, copy, &layout, passage->kind == CRB_SYNTH_DAMAGED,
              0, copy->len - 1, range);
      g_string_append (corpus->text, "\n\n");
      render (generator, corpus->text, start, after, &layout, FALSE, G_MAXUINT, G_MAXUINT, ignored);
      passage->target_start = range[0];
      passage->target_end = range[1];
    }
  else
    render (generator, corpus->text, start, words, &layout, FALSE, G_MAXUINT, G_MAXUINT, ignored);
  g_string_append_c (corpus->text, '\n');
}

CrbSynthCorpus *
crb_synth_corpus_new (guint   n_documents,
                      guint   n_passages,
                      guint64 seed)
{
  CrbSynthCorpus *corpus = g_new0 (CrbSynthCorpus, 1);
  Generator generator = { seed };
  Random plan = random_for (seed, STREAM_PLAN, 0);
  g_autofree guint *order = g_new (guint, n_documents + 1);

  g_return_val_if_fail (2 * n_passages <= n_documents, NULL);

  corpus->text = g_string_sized_new ((gsize) n_documents * (MIN_BYTES + MAX_BYTES) / 2 + 1024);
  corpus->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  corpus->passages = g_array_new (FALSE, FALSE, sizeof (CrbSynthPassage));
  generator.corpus = corpus;
  generator.roles = g_new0 (Role, n_documents);
  generator.plans = g_new0 (Plan, n_passages + 1);
  make_vocabulary (&generator);

  /* Every passage gets its own source and target document. */
  for (guint i = 0; i < n_documents; i++)
    order[i] = i;
  for (guint i = n_documents; i > 1; i--)
    {
      guint j = random_next (&plan) % i;
      guint swap = order[i - 1];

      order[i - 1] = order[j];
      order[j] = swap;
    }
  for (guint p = 0; p < n_passages; p++)
    {
      CrbSynthPassage passage = { 0 };

      passage.source = order[2 * p];
      passage.target = order[2 * p + 1];
      passage.kind = p % CRB_SYNTH_N_KINDS;
      passage.n_words = random_range (&plan, MIN_WORDS, MAX_WORDS);
      if (passage.kind == CRB_SYNTH_SUBSTITUTED)
        {
          Plan *names_plan = &generator.plans[p];

          names_plan->name_from = random_next (&plan) % G_N_ELEMENTS (names);
          names_plan->name_to = (names_plan->name_from + 1 + random_next (&plan) % (G_N_ELEMENTS (names) - 1))
                                % G_N_ELEMENTS (names);
          passage.name_from = names[names_plan->name_from];
          passage.name_to = names[names_plan->name_to];
          passage.n_names = N_NAMES_IN_PASSAGE;
        }
      g_array_append_val (corpus->passages, passage);
      generator.roles[passage.source].source_of = p + 1;
      generator.roles[passage.target].target_of = p + 1;
    }

  for (guint d = 0; d < n_documents; d++)
    {
      gsize offset = corpus->text->len;

      g_array_append_val (corpus->offsets, offset);
      render_document (&generator, d);
    }
  g_array_append_val (corpus->offsets, corpus->text->len);

  for (guint i = 0; i < VOCABULARY; i++)
    g_free (generator.words[i]);
  g_free (generator.words);
  g_free (generator.cumulative);
  g_free (generator.roles);
  g_free (generator.plans);
  return corpus;
}

void
crb_synth_corpus_free (CrbSynthCorpus *corpus)
{
  if (corpus == NULL)
    return;
  g_string_free (corpus->text, TRUE);
  g_array_unref (corpus->offsets);
  g_array_unref (corpus->passages);
  g_free (corpus);
}

const char *
crb_synth_corpus_get_text (CrbSynthCorpus *corpus,
                           guint           document,
                           gsize          *length)
{
  gsize start = g_array_index (corpus->offsets, gsize, document);
  gsize end = g_array_index (corpus->offsets, gsize, document + 1);

  if (length != NULL)
    *length = end - start;
  return corpus->text->str + start;
}

static guint32
overlap (guint32 start_a,
         guint32 end_a,
         guint32 start_b,
         guint32 end_b)
{
  guint32 start = MAX (start_a, start_b), end = MIN (end_a, end_b);

  return end > start ? end - start : 0;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const guint32 *x = a, *y = b;

  return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* The planted passage of the pair (@a, @b), or NULL. */
static const CrbSynthPassage *
planted_between (CrbSynthCorpus *corpus,
                 GHashTable     *by_pair,
                 gint64          a,
                 gint64          b)
{
  gpointer index = g_hash_table_lookup (by_pair, GSIZE_TO_POINTER ((MIN (a, b) << 32) | MAX (a, b)));

  return index == NULL ? NULL
                       : &g_array_index (corpus->passages, CrbSynthPassage, GPOINTER_TO_SIZE (index) - 1);
}

void
crb_synth_corpus_score (CrbSynthCorpus *corpus,
                        GPtrArray      *relations,
                        double         *recall,
                        double         *precision,
                        guint          *unrelated_pairs)
{
  g_autoptr(GHashTable) by_pair = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree guint32 *covered = g_new0 (guint32, corpus->passages->len + 1);
  guint n_reported = 0, n_correct = 0, n_recalled = 0, n_unrelated = 0;

  for (guint p = 0; p < corpus->passages->len; p++)
    {
      const CrbSynthPassage *passage = &g_array_index (corpus->passages, CrbSynthPassage, p);
      gsize key = ((gsize) MIN (passage->source, passage->target) << 32) | MAX (passage->source, passage->target);

      g_hash_table_insert (by_pair, GSIZE_TO_POINTER (key), GSIZE_TO_POINTER (p + 1));
    }

  for (guint r = 0; r < relations->len; r++)
    {
      const CrbReuseRelation *relation = g_ptr_array_index (relations, r);
      const CrbSynthPassage *planted = planted_between (corpus, by_pair, relation->document_a,
                                                        relation->document_b);
      gboolean target_is_a = planted != NULL && (gint64) planted->target == relation->document_a;
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
      guint32 reach = 0;

      n_reported += relation->passages->len;
      if (planted == NULL)
        {
          n_unrelated++;
          continue;
        }
      for (guint k = 0; k < relation->passages->len; k++)
        {
          const CrbReusePassage *found = &g_array_index (relation->passages, CrbReusePassage, k);
          guint32 t_start = target_is_a ? found->a_start : found->b_start;
          guint32 t_end = target_is_a ? found->a_end : found->b_end;
          guint32 s_start = target_is_a ? found->b_start : found->a_start;
          guint32 s_end = target_is_a ? found->b_end : found->a_end;

          if (overlap (t_start, t_end, planted->target_start, planted->target_end) > 0
              && overlap (s_start, s_end, planted->source_start, planted->source_end) > 0)
            n_correct++;
          g_array_append_vals (spans, (guint32[2]) { t_start, t_end }, 1);
        }
      /* Union of the target sides, clipped to the planted passage. */
      g_array_sort (spans, compare_spans);
      for (guint k = 0; k < spans->len; k++)
        {
          const guint32 *span = (const guint32 *) spans->data + 2 * k;
          guint32 start = MAX (span[0], reach);

          covered[planted - (const CrbSynthPassage *) corpus->passages->data]
            += overlap (start, span[1], planted->target_start, planted->target_end);
          reach = MAX (reach, span[1]);
        }
    }

  for (guint p = 0; p < corpus->passages->len; p++)
    {
      const CrbSynthPassage *passage = &g_array_index (corpus->passages, CrbSynthPassage, p);

      if (2 * covered[p] >= passage->target_end - passage->target_start)
        n_recalled++;
    }

  *recall = corpus->passages->len > 0 ? (double) n_recalled / corpus->passages->len : 1.0;
  *precision = n_reported > 0 ? (double) n_correct / n_reported : 1.0;
  *unrelated_pairs = n_unrelated;
}
