/* crb-comparison.h: one document against another (DESIGN.md §7.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"
#include "crb-reuse-relation.h"
#include "crb-word-diff.h"

G_BEGIN_DECLS

/* A stretch of A aligned with a stretch of B, for side-by-side display. */
typedef struct
{
  guint32 a_start; /* code points of A's text (end exclusive) */
  guint32 a_end;
  guint32 b_start; /* code points of B's text */
  guint32 b_end;
  guint32 n_equal;  /* words equal on both sides */
  double  identity; /* equal words / alignment columns */
  GArray *runs;     /* CrbWordDiffRun: the word-level differences, in order */
} CrbComparisonPassage;

typedef struct
{
  char      *document_a; /* UUIDs; NULL when compared as bare texts */
  char      *document_b;
  GPtrArray *passages; /* CrbComparisonPassage, in order of A */
  /* CrbSubstitution, most frequent first: replacements made consistently
   * (count ≥ 2, or applied throughout), and every single replacement of a
   * name or a figure ("pyotr sokol" → "pavel sokolov", "2,300" → "3,200"),
   * which is what a silent edit of a copied text changes. */
  GPtrArray *substitutions;
  guint32    n_words_a; /* words in each whole document */
  guint32    n_words_b;
  double     coverage_a; /* share of A's words found in B, 0…1 */
  double     coverage_b; /* share of B's words found in A */
} CrbComparison;

void crb_comparison_free (CrbComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbComparison, crb_comparison_free)

/* Aligns two texts (NULL document UUIDs) and describes what they share;
 * a comparison without passages when they share nothing. */
CrbComparison *crb_comparison_new (const char *text_a, const char *text_b);
/* The same from passages already found (by the reuse index, or stored as
 * a relation's evidence): only their code-point offsets are used. */
CrbComparison *crb_comparison_new_from_passages (const char *text_a, const char *text_b,
                                                 const CrbReusePassage *passages, guint n_passages);

/* Compares the current texts of two documents (UUIDs, prefixes or titles
 * as crb_project_find_document() takes them). */
CrbComparison *crb_project_compare_documents (CrbProject *project, const char *document_a,
                                              const char *document_b, GError **error);

/* A short name of an alignment kind: "equal", "replace", "delete", "insert". */
const char *crb_comparison_kind_to_string (CrbAlignKind kind);

G_END_DECLS
