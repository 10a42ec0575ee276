/* crb-synth-corpus.h: deterministic synthetic corpora with planted reuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CRB_SYNTH_VERBATIM,     /* copied as is */
  CRB_SYNTH_EDITED,       /* ~3% words replaced, ~1% deleted, ~1% inserted */
  CRB_SYNTH_SUBSTITUTED,  /* a name swapped for another at every occurrence */
  CRB_SYNTH_DAMAGED,      /* words re-hyphenated across line ends, lines broken */
  CRB_SYNTH_N_KINDS
} CrbSynthKind;

/* A passage of document `source` copied into document `target`; ranges are
 * code points of each text. */
typedef struct
{
  guint         source;
  guint         target;
  CrbSynthKind  kind;
  guint         n_words;
  guint32       source_start;
  guint32       source_end;
  guint32       target_start;
  guint32       target_end;
  const char   *name_from;   /* CRB_SYNTH_SUBSTITUTED: the name in the source… */
  const char   *name_to;     /* …and what the copy says instead */
  guint         n_names;     /* occurrences of the name in the passage */
} CrbSynthPassage;

typedef struct
{
  GString *text;        /* every document, one after the other */
  GArray  *offsets;     /* gsize: where each document starts in `text`, plus the end */
  GArray  *passages;    /* CrbSynthPassage */
} CrbSynthCorpus;

/* Generates @n_documents documents of 2.5–7.5 KB of Zipf-distributed words
 * from a 50,000-word vocabulary, and plants @n_passages passages of 40–240
 * words, each from its own source into its own target document (so
 * 2 × @n_passages ≤ @n_documents).  Equal @seed, equal corpus. */
CrbSynthCorpus *crb_synth_corpus_new      (guint    n_documents,
                                           guint    n_passages,
                                           guint64  seed);

void            crb_synth_corpus_free     (CrbSynthCorpus *corpus);

/* The text of document @document (ASCII, so bytes are code points). */
const char     *crb_synth_corpus_get_text (CrbSynthCorpus *corpus,
                                           guint           document,
                                           gsize          *length);

/* Scores reuse relations (GPtrArray of CrbReuseRelation) against the plan:
 * a planted passage is recalled when passages of the right pair cover at
 * least half of it on the target side; a reported passage is correct when
 * it overlaps a planted one on both sides.  @unrelated_pairs counts
 * relations between documents that share nothing. */
void            crb_synth_corpus_score    (CrbSynthCorpus *corpus,
                                           GPtrArray      *relations,
                                           double         *recall,
                                           double         *precision,
                                           guint          *unrelated_pairs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbSynthCorpus, crb_synth_corpus_free)

G_END_DECLS
