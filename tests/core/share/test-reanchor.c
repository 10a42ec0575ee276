/* test-reanchor.c: annotations follow a document to its new revision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-claim.h"
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-mention.h"
#include "crb-entity.h"
#include "crb-reanchor-private.h"
#include "crb-test-project.h"

/* Locates the first occurrence of `quote` in `old_text` (with 32
 * characters of context, as claims store it) in `new_text`. */
static CrbAnchorStatus
locate (const char *old_text, const char *quote, guint occurrence, const char *new_text,
        guint *start_out, guint *end_out, guint *old_start_out)
{
  g_autoptr (CrbReanchorTexts) texts = _crb_reanchor_texts_new (old_text, new_text);
  const char      *at = old_text;
  g_autofree char *prefix = NULL, *suffix = NULL;
  guint            start, end;
  glong            length = g_utf8_strlen (old_text, -1);

  for (guint i = 0; i < occurrence; i++)
    {
      at = strstr (i == 0 ? at : at + 1, quote);
      g_assert_nonnull (at);
    }
  start = g_utf8_pointer_to_offset (old_text, at);
  end = start + g_utf8_strlen (quote, -1);
  {
    const char *p = g_utf8_offset_to_pointer (old_text, start > 32 ? start - 32 : 0);
    const char *e = g_utf8_offset_to_pointer (old_text, end);
    const char *q = g_utf8_offset_to_pointer (old_text, MIN ((glong) end + 32, length));

    prefix = g_strndup (p, at - p);
    suffix = g_strndup (e, q - e);
  }
  *start_out = *end_out = G_MAXUINT;
  if (old_start_out)
    *old_start_out = start;
  return _crb_reanchor_locate (texts, start, end, quote, prefix, suffix, start_out, end_out);
}

static char *
text_at (const char *text, guint start, guint end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (text, end);

  return g_strndup (s, e - s);
}

static void
test_unchanged_anchored (void)
{
  const char *text = "Officials said the dam at Ilmet failed at 04:10 on Tuesday.";
  guint       start, end, old_start;

  g_assert_cmpint (locate (text, "failed at 04:10", 1, text, &start, &end, &old_start), ==,
                   CRB_ANCHOR_ANCHORED);
  g_assert_cmpuint (start, ==, old_start);
}

static void
test_insertion_before (void)
{
  const char      *old_text = "The river rose overnight. The dam at Ilmet failed at 04:10.\n\n"
                              "Rescue teams arrived by noon.";
  const char      *new_text = "UPDATE: this story has been corrected.\n\n"
                              "The river rose overnight. The dam at Ilmet failed at 04:10.\n\n"
                              "Rescue teams arrived by noon.";
  guint            start, end, old_start;
  g_autofree char *found = NULL;

  g_assert_cmpint (locate (old_text, "dam at Ilmet failed", 1, new_text, &start, &end, &old_start),
                   ==, CRB_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==,
                    old_start + g_utf8_strlen ("UPDATE: this story has been "
                                               "corrected.\n\n",
                                               -1));
  found = text_at (new_text, start, end);
  g_assert_cmpstr (found, ==, "dam at Ilmet failed");
}

static void
test_deletion_before (void)
{
  const char *old_text = "Первый абзац, который потом убрали целиком.\n\n"
                         "Плотина в Ильмете прорвалась в 04:10, сообщили власти.";
  const char      *new_text = "Плотина в Ильмете прорвалась в 04:10, сообщили власти.";
  guint            start, end, old_start;
  g_autofree char *found = NULL;

  g_assert_cmpint (locate (old_text, "прорвалась в 04:10", 1, new_text, &start, &end, &old_start),
                   ==, CRB_ANCHOR_MOVED);
  found = text_at (new_text, start, end);
  g_assert_cmpstr (found, ==, "прорвалась в 04:10");
  g_assert_cmpuint (start, ==,
                    old_start - g_utf8_strlen ("Первый абзац, который потом убрали "
                                               "целиком.\n\n",
                                               -1));
}

static void
test_small_edit_inside (void)
{
  const char      *old_text = "According to the ministry, the dam at Ilmet failed at 04:10 after "
                              "days of rain, flooding two villages downstream.";
  const char      *new_text = "According to the ministry, the dam at Ilmet failed at 04:15 after "
                              "days of rain, flooding two villages downstream.";
  guint            start, end, old_start;
  g_autofree char *found = NULL;

  g_assert_cmpint (locate (old_text, "the dam at Ilmet failed at 04:10 after days", 1, new_text,
                           &start, &end, &old_start),
                   ==, CRB_ANCHOR_MOVED);
  found = text_at (new_text, start, end);
  g_assert_cmpstr (found, ==, "the dam at Ilmet failed at 04:15 after days");
}

static void
test_moved_paragraph (void)
{
  const char      *old_text = "First, the background of the region and its rivers.\n\n"
                              "Second, witnesses described a loud crack before the water came.\n\n"
                              "Third, the government promised an inquiry within a month.";
  const char      *new_text = "First, the background of the region and its rivers.\n\n"
                              "Third, the government promised an inquiry within a month.\n\n"
                              "Second, witnesses described a loud crack before the water came.";
  guint            start, end, old_start;
  g_autofree char *found = NULL;
  CrbAnchorStatus  status;

  status = locate (old_text, "described a loud crack", 1, new_text, &start, &end, &old_start);
  g_assert_cmpint (status, ==, CRB_ANCHOR_MOVED);
  found = text_at (new_text, start, end);
  g_assert_cmpstr (found, ==, "described a loud crack");
  g_assert_cmpuint (start, !=, old_start);

  g_clear_pointer (&found, g_free);
  status = locate (old_text, "promised an inquiry", 1, new_text, &start, &end, &old_start);
  g_assert_cmpint (status, ==, CRB_ANCHOR_MOVED);
  found = text_at (new_text, start, end);
  g_assert_cmpstr (found, ==, "promised an inquiry");
}

static void
test_repeated_phrase_ambiguous (void)
{
  /* The sentence around the quote was rewritten and the phrase now
   * occurs twice with equally (un)familiar surroundings. */
  const char *old_text = "Officials said the dam held firm. Later the river rose again.";
  const char *new_text = "One report: the dam held firm. Two reports: the dam held firm. Three.";
  guint       start, end, old_start;

  g_assert_cmpint (locate (old_text, "the dam held firm", 1, new_text, &start, &end, &old_start),
                   ==, CRB_ANCHOR_AMBIGUOUS);
  /* Nothing was guessed. */
  g_assert_cmpuint (start, ==, G_MAXUINT);
}

static void
test_repeated_phrase_resolved_by_context (void)
{
  /* The same phrase twice; the claim is on the second, the text before
   * both changed, and the second's context still tells them apart. */
  const char *old_text = "Morning: the dam held firm, said the mayor. "
                         "Evening: the dam held firm, said the engineer.";
  const char *new_text =
      "New introduction. Morning, local time: the dam held firm, said the mayor. "
      "Evening: the dam held firm, said the engineer.";
  guint            start, end, old_start;
  g_autofree char *after = NULL;

  g_assert_cmpint (locate (old_text, "the dam held firm", 2, new_text, &start, &end, &old_start),
                   ==, CRB_ANCHOR_MOVED);
  after = text_at (new_text, end, end + 18);
  g_assert_cmpstr (after, ==, ", said the enginee");
}

static void
test_repeated_phrase_follows_diff (void)
{
  /* Identical repeated sentences: the diff (unchanged surroundings) says
   * which is which, so an insertion before them is not an ambiguity. */
  const char *old_text = "Intro.\n\nThe dam held. The dam held. The dam held.\n\nEnd of report.";
  const char *new_text = "Intro with more words.\n\nThe dam held. The dam held. The dam held.\n\n"
                         "End of report.";
  guint       start, end, old_start;

  g_assert_cmpint (locate (old_text, "The dam held", 2, new_text, &start, &end, &old_start), ==,
                   CRB_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, old_start + g_utf8_strlen (" with more words", -1));
}

static void
test_gone_orphaned (void)
{
  const char *old_text = "The dam at Ilmet failed at 04:10, officials said.";
  const char *new_text = "An entirely different article about the harvest festival.";
  guint       start, end, old_start;

  g_assert_cmpint (locate (old_text, "failed at 04:10", 1, new_text, &start, &end, &old_start), ==,
                   CRB_ANCHOR_ORPHANED);
}

static void
test_fuzzy_quote (void)
{
  /* Rewritten around and slightly inside: found by approximate search. */
  const char      *old_text = "Yesterday the regional governor confirmed that eleven people were "
                              "missing after the flood.";
  const char      *new_text = "In a late statement, a spokesman confirmed that eleven persons were "
                              "missing after the flood, and search teams were sent.";
  guint            start, end, old_start;
  g_autofree char *found = NULL;

  g_assert_cmpint (locate (old_text, "confirmed that eleven people were missing", 1, new_text,
                           &start, &end, &old_start),
                   ==, CRB_ANCHOR_MOVED);
  found = text_at (new_text, start, end);
  g_assert_cmpstr (found, ==, "confirmed that eleven persons were missing");
}

/* Through the import path: a re-import of an updated file carries the
 * claims over in the same action, and keeps what cannot be placed. */
static void
test_import_reanchors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (NULL);
  g_autofree char *uuid = crb_test_add_document (project, "Report",
                                                 "The dam at Ilmet failed at 04:10.\n\n"
                                                 "Witnesses heard a loud crack.\n\n"
                                                 "The mayor resigned on Friday.");
  g_autoptr (CrbClaim) kept =
      crb_project_add_claim_by_quote (project, uuid, "loud crack", 1, "claim", "kept", &error);
  g_autoptr (CrbClaim) gone =
      crb_project_add_claim_by_quote (project, uuid, "mayor resigned", 1, "claim", "gone", &error);
  g_autoptr (CrbEntity) entity =
      crb_project_add_entity (project, "place", "Ilmet", NULL, NULL, &error);
  g_autoptr (CrbMention) mention = NULL;
  g_autoptr (CrbClaim) after = NULL;
  g_autoptr (CrbClaim) orphan = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (CrbDocument) document = NULL;
  g_autofree char *same = NULL;
  g_autofree char *label = NULL;

  g_assert_no_error (error);
  mention = crb_project_add_mention (project, crb_record_get_uuid (CRB_RECORD (entity)), uuid, 11,
                                     16, "confirmed", &error);
  g_assert_no_error (error);

  same = crb_test_add_document (project, "Report",
                                "Correction appended.\n\nThe dam at Ilmet failed at 04:10.\n\n"
                                "Witnesses heard a loud crack.");
  g_assert_cmpstr (same, ==, uuid);
  document = crb_project_find_document (project, uuid, &error);
  g_assert_cmpuint (crb_document_get_revision (document), ==, 2);

  after = crb_project_find_claim (project, crb_record_get_uuid (CRB_RECORD (kept)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_claim_get_anchor_status (after), ==, "moved");
  g_assert_cmpstr (crb_claim_get_revision_uuid (after), ==,
                   crb_document_get_revision_uuid (document));
  g_assert_cmpstr (crb_claim_get_exact (after), ==, "loud crack");
  g_assert_cmpstr (crb_claim_get_note (after), ==, "kept");

  orphan = crb_project_find_claim (project, crb_record_get_uuid (CRB_RECORD (gone)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_claim_get_anchor_status (orphan), ==, "orphaned");
  g_assert_cmpstr (crb_claim_get_revision_uuid (orphan), ==, crb_claim_get_revision_uuid (gone));
  g_assert_cmpuint (crb_claim_get_start (orphan), ==, crb_claim_get_start (gone));
  g_assert_cmpstr (crb_claim_get_note (orphan), ==, "gone");

  mentions = crb_project_list_mentions (project, uuid, NULL, &error);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpstr (crb_mention_get_revision_uuid (g_ptr_array_index (mentions, 0)), ==,
                   crb_document_get_revision_uuid (document));
  g_assert_cmpstr (crb_mention_get_exact (g_ptr_array_index (mentions, 0)), ==, "Ilmet");

  crb_assert_ok (crb_project_check (project, &error));

  /* One action: undoing the import puts the claims back as they were. */
  crb_assert_ok (crb_project_undo (project, &label, &error));
  g_clear_object (&after);
  after = crb_project_find_claim (project, crb_record_get_uuid (CRB_RECORD (kept)), &error);
  g_assert_cmpstr (crb_claim_get_anchor_status (after), ==, "anchored");
  g_assert_cmpstr (crb_claim_get_revision_uuid (after), ==, crb_claim_get_revision_uuid (kept));
  crb_assert_ok (crb_project_check (project, &error));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crb/reanchor/unchanged", test_unchanged_anchored);
  g_test_add_func ("/crb/reanchor/insertion-before", test_insertion_before);
  g_test_add_func ("/crb/reanchor/deletion-before", test_deletion_before);
  g_test_add_func ("/crb/reanchor/small-edit-inside", test_small_edit_inside);
  g_test_add_func ("/crb/reanchor/moved-paragraph", test_moved_paragraph);
  g_test_add_func ("/crb/reanchor/repeated-phrase-ambiguous", test_repeated_phrase_ambiguous);
  g_test_add_func ("/crb/reanchor/repeated-phrase-context",
                   test_repeated_phrase_resolved_by_context);
  g_test_add_func ("/crb/reanchor/repeated-phrase-diff", test_repeated_phrase_follows_diff);
  g_test_add_func ("/crb/reanchor/orphaned", test_gone_orphaned);
  g_test_add_func ("/crb/reanchor/fuzzy-quote", test_fuzzy_quote);
  g_test_add_func ("/crb/reanchor/import", test_import_reanchors);

  return g_test_run ();
}
