/* test-mention-detect.c: mentions of known entities suggested across the
 * corpus and on import, reviewed, never revived; an entity's sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "accounts-samples.h"
#include "crb-alias.h"
#include "crb-claim-entity.h"
#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-entity.h"
#include "crb-mention-detect.h"
#include "crb-mention.h"
#include "crb-record.h"
#include "crb-test-project.h"

static CrbEntity *
add_kholodov (CrbProject *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbAlias) latin = NULL;
  g_autoptr (CrbAlias) cyrillic = NULL;
  CrbEntity *entity = crb_project_add_entity (project, "person", "Yevgeny Kholodov",
                                              "Regional emergencies chief", NULL, &error);

  g_assert_no_error (error);
  latin = crb_project_add_alias (project, crb_record_get_uuid (CRB_RECORD (entity)),
                                 "Evgeniy Holodov", "en", &error);
  g_assert_no_error (error);
  cyrillic = crb_project_add_alias (project, crb_record_get_uuid (CRB_RECORD (entity)),
                                    "Евгений Холодов", "ru", &error);
  g_assert_no_error (error);
  return entity;
}

static CrbMention *
mention_in (GPtrArray *mentions, const char *document_uuid)
{
  for (guint i = 0; i < mentions->len; i++)
    if (g_str_equal (crb_mention_get_document_uuid (g_ptr_array_index (mentions, i)),
                     document_uuid))
      return g_ptr_array_index (mentions, i);
  return NULL;
}

static void
test_detect_corpus (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char      *uuid;
  CrbMention      *mention;
  guint            added = 0;

  samples_load (&samples);
  entity = add_kholodov (samples.project);
  uuid = crb_record_get_uuid (CRB_RECORD (entity));

  crb_assert_ok (crb_project_detect_mentions (samples.project, NULL, NULL, &added, &error));
  /* The full name in four English reports, the clumsy transliteration in
   * the machine translation and the Cyrillic name in the original. */
  g_assert_cmpuint (added, ==, 6);
  mentions = crb_project_list_mentions (samples.project, NULL, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 6);
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpstr (crb_mention_get_status (g_ptr_array_index (mentions, i)), ==, "suggested");
  g_assert_null (mention_in (mentions, samples.uuids[SAMPLE_GAZETTE]));
  mention = mention_in (mentions, samples.uuids[SAMPLE_VESTI_MT]);
  g_assert_nonnull (mention);
  g_assert_cmpstr (crb_mention_get_exact (mention), ==, "Evgeniy Holodov");
  g_assert_cmpstr (crb_mention_get_exact (mention_in (mentions, samples.uuids[SAMPLE_VESTI_RU])),
                   ==, "Евгений Холодов");

  /* The analyst rejects one; detection run again adds nothing and
   * leaves the rejection standing. */
  crb_assert_ok (crb_project_set_field (samples.project, "mention",
                                        crb_record_get_uuid (CRB_RECORD (mention)), "status",
                                        "rejected", &error));
  before = crb_test_dump (samples.project);
  crb_assert_ok (crb_project_detect_mentions (samples.project, uuid, NULL, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  after = crb_test_dump (samples.project);
  g_assert_cmpstr (before, ==, after);
  again = crb_project_list_mentions (samples.project, samples.uuids[SAMPLE_VESTI_MT], uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (crb_mention_get_status (g_ptr_array_index (again, 0)), ==, "rejected");
}

static void
test_detect_one_undo_step (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  guint            added = 0;

  samples_load (&samples);
  entity = add_kholodov (samples.project);
  before = crb_test_dump (samples.project);
  crb_assert_ok (crb_project_detect_mentions (samples.project, NULL, samples.uuids[SAMPLE_WIRE],
                                              &added, &error));
  g_assert_cmpuint (added, ==, 1);
  crb_assert_ok (crb_project_undo (samples.project, &label, &error));
  g_assert_cmpstr (label, ==, "Detect mentions");
  after = crb_test_dump (samples.project);
  g_assert_cmpstr (before, ==, after);
  mentions = crb_project_list_mentions (samples.project, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 0);
}

static void
test_detect_on_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (NULL);
  g_autoptr (CrbEntity) entity = add_kholodov (project);
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (GPtrArray) after_undo = NULL;
  g_autofree char *document = NULL;
  g_autofree char *label = NULL;

  document = crb_test_add_document (project, "Evening update",
                                    "Colonel Yevgeny Kholodov said the search would go on. "
                                    "Later, KHOLODOV — or rather Yevgeny\nKholodov — "
                                    "spoke again.");
  mentions = crb_project_list_mentions (project, document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 2);
  g_assert_cmpuint (crb_mention_get_start (g_ptr_array_index (mentions, 0)), ==, 8);
  g_assert_cmpuint (crb_mention_get_end (g_ptr_array_index (mentions, 0)), ==, 24);
  g_assert_cmpstr (crb_mention_get_exact (g_ptr_array_index (mentions, 1)), ==,
                   "Yevgeny\nKholodov");
  g_assert_cmpstr (crb_mention_get_status (g_ptr_array_index (mentions, 1)), ==, "suggested");

  /* The mentions belong to the import: one undo takes both away. */
  crb_assert_ok (crb_project_undo (project, &label, &error));
  g_assert_cmpstr (label, ==, "Import document");
  after_undo = crb_project_list_mentions (project, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_undo->len, ==, 0);
}

static void
test_entity_sources (void)
{
  g_auto (Samples) samples = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbClaimEntity) link = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  const CrbEntitySource *first;

  samples_load (&samples);
  entity = add_kholodov (samples.project);
  crb_assert_ok (crb_project_detect_mentions (samples.project, NULL, NULL, NULL, &error));
  claim =
      crb_project_add_claim_by_quote (samples.project, samples.uuids[SAMPLE_WIRE],
                                      "Six people were still missing", 1, "claim", NULL, &error);
  g_assert_no_error (error);
  link =
      crb_project_link_claim_entity (samples.project, crb_record_get_uuid (CRB_RECORD (claim)),
                                     crb_record_get_uuid (CRB_RECORD (entity)), "speaker", &error);
  g_assert_no_error (error);

  sources = crb_project_list_entity_sources (samples.project, "Yevgeny Kholodov", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 6);
  /* Earliest first: the wire, with its claim and its mention. */
  first = g_ptr_array_index (sources, 0);
  g_assert_cmpstr (first->document_uuid, ==, samples.uuids[SAMPLE_WIRE]);
  g_assert_cmpstr (first->title, ==, "Meridian Press Agency");
  g_assert_cmpuint (first->claims->len, ==, 1);
  g_assert_cmpuint (first->mentions->len, ==, 1);
  for (guint i = 1; i < sources->len; i++)
    {
      const CrbEntitySource *source = g_ptr_array_index (sources, i);

      g_assert_cmpstr (((CrbEntitySource *) g_ptr_array_index (sources, i - 1))->published_at, <=,
                       source->published_at);
      g_assert_cmpuint (source->claims->len, ==, 0);
      g_assert_cmpuint (source->mentions->len, ==, 1);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crb/accounts/mentions/detect-corpus", test_detect_corpus);
  g_test_add_func ("/crb/accounts/mentions/one-undo-step", test_detect_one_undo_step);
  g_test_add_func ("/crb/accounts/mentions/on-import", test_detect_on_import);
  g_test_add_func ("/crb/accounts/mentions/entity-sources", test_entity_sources);
  return g_test_run ();
}
