/* test-model-entity.c: entities, aliases, claim links, mentions, merging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-alias.h"
#include "crb-claim-entity.h"
#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-entity.h"
#include "crb-mention.h"
#include "crb-project-private.h"
#include "model-fixture.h"

#define TEXT                                                                          \
  "Мер Олена Петренко said the Ilmet dam failed at dawn. Petrenko blamed Hydroservice " \
  "LLC, the operator."

static const char *
uuid_of (gpointer record)
{
  return crb_record_get_uuid (CRB_RECORD (record));
}

/* Code-point span of the first `word` in TEXT. */
static void
span (const char *word, guint *start, guint *end)
{
  const char *at = strstr (TEXT, word);

  g_assert_nonnull (at);
  *start = g_utf8_pointer_to_offset (TEXT, at);
  *end = *start + g_utf8_strlen (word, -1);
}

static CrbEntity *
add_entity (CrbProject *project, const char *kind, const char *name)
{
  g_autoptr (GError) error = NULL;
  CrbEntity *entity = crb_project_add_entity (project, kind, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entity);
  return entity;
}

static CrbClaim *
add_claim (CrbProject *project, const char *document, const char *quote)
{
  g_autoptr (GError) error = NULL;
  CrbClaim *claim = crb_project_add_claim_by_quote (project, document, quote, 1, NULL, NULL,
                                                    &error);

  g_assert_no_error (error);
  return claim;
}

static CrbMention *
add_mention (CrbProject *project, CrbEntity *entity, const char *document, const char *word,
             const char *status)
{
  g_autoptr (GError) error = NULL;
  guint start, end;
  CrbMention *mention;

  span (word, &start, &end);
  mention = crb_project_add_mention (project, uuid_of (entity), document, start, end, status,
                                     &error);
  g_assert_no_error (error);
  return mention;
}

/* The merged_into column is not shown by the model (merged entities are
 * gone); read it as another program would. */
static char *
merged_into (CrbProject *project, const char *uuid)
{
  sqlite3_stmt *stmt = NULL;
  char *into = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_crb_project_get_db (project),
                                       "SELECT merged_into, deleted FROM entity WHERE uuid = ?1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  if (sqlite3_column_text (stmt, 0))
    into = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return into;
}

static void
test_new_and_destroy (void)
{
  GType types[] = { CRB_TYPE_ENTITY, CRB_TYPE_ALIAS, CRB_TYPE_CLAIM_ENTITY, CRB_TYPE_MENTION };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GObject *object = g_object_new (types[i], NULL);

      g_assert_true (CRB_IS_RECORD (object));
      g_assert_null (crb_record_get_uuid (CRB_RECORD (object)));
      g_assert_finalize_object (object);
    }
}

static void
test_loaded_and_destroy (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Report", TEXT);
  CrbEntity *entity = add_entity (fixture->project, "person", "Olena Petrenko");
  CrbClaim *claim = add_claim (fixture->project, document, "the Ilmet dam failed");
  CrbAlias *alias = crb_project_add_alias (fixture->project, uuid_of (entity), "Petrenko", NULL,
                                           &error);
  CrbClaimEntity *link = crb_project_link_claim_entity (fixture->project, uuid_of (claim),
                                                        uuid_of (entity), "speaker", &error);
  CrbMention *mention = add_mention (fixture->project, entity, document, "Petrenko", NULL);

  g_assert_no_error (error);
  g_assert_finalize_object (mention);
  g_assert_finalize_object (link);
  g_assert_finalize_object (alias);
  g_assert_finalize_object (claim);
  g_assert_finalize_object (entity);
}

static void
test_add (ModelFixture *fixture, gconstpointer data)
{
  static const char *bad_ids[] = { "Q0", "q42", "Q42x", "ftp://example.org/x", "wikidata",
                                   "https://" };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEntity) person = NULL;
  g_autoptr (CrbEntity) company = NULL;
  g_autoptr (CrbEntity) found = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);

  person = crb_project_add_entity (fixture->project, "person", " Olena Petrenko ",
                                   "Mayor of Ilmet", "Q42", &error);
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  company = crb_project_add_entity (fixture->project, "organisation", "Hydroservice LLC", NULL,
                                    "https://example.org/registry/hydroservice", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_entity_get_name (person), ==, "Olena Petrenko");
  g_assert_cmpstr (crb_entity_get_description (company), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_autoptr (CrbEntity) refused = crb_project_add_entity (fixture->project, "person", "X",
                                                              NULL, bad_ids[i], &error);

      g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Wikidata"));
      g_assert_null (refused);
      g_clear_error (&error);
    }
  g_assert_null (crb_project_add_entity (fixture->project, "ship", "Ilmet", NULL, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "organisation"));
  g_clear_error (&error);
  g_assert_null (crb_project_add_entity (fixture->project, "place", " ", NULL, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  model_fixture_reopen (fixture);
  entities = crb_project_list_entities (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entities->len, ==, 2);
  g_assert_cmpstr (crb_entity_get_name (entities->pdata[0]), ==, "Hydroservice LLC");
  g_assert_cmpstr (crb_entity_get_kind (entities->pdata[0]), ==, "organisation");
  g_assert_cmpstr (crb_entity_get_external_id (entities->pdata[0]), ==,
                   "https://example.org/registry/hydroservice");
  g_assert_cmpstr (crb_entity_get_name (entities->pdata[1]), ==, "Olena Petrenko");
  g_assert_cmpstr (crb_entity_get_description (entities->pdata[1]), ==, "Mayor of Ilmet");
  g_assert_cmpstr (crb_entity_get_external_id (entities->pdata[1]), ==, "Q42");

  found = crb_project_find_entity (fixture->project, "olena petrenko", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid_of (found), ==, uuid_of (person));
}

static void
test_edit (ModelFixture *fixture, gconstpointer data)
{
  static const char *edits[][2] = {
    { "name", "Olena M. Petrenko" },
    { "kind", "other" },
    { "description", "Mayor since 2019" },
    { "external_id", "Q1234567" },
    { "external_id", NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEntity) entity = add_entity (fixture->project, "person", "Olena Petrenko");
  g_autoptr (CrbEntity) reloaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *before = crb_test_dump (fixture->project);

      g_assert_true (crb_project_set_field (fixture->project, "entity", uuid_of (entity),
                                            edits[i][0], edits[i][1], &error));
      g_assert_no_error (error);
      model_assert_undo_redo (fixture->project, before);
    }
  g_assert_false (crb_project_set_field (fixture->project, "entity", uuid_of (entity), "kind",
                                         "ship", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  model_fixture_reopen (fixture);
  reloaded = crb_project_find_entity (fixture->project, uuid_of (entity), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_entity_get_name (reloaded), ==, "Olena M. Petrenko");
  g_assert_cmpstr (crb_entity_get_kind (reloaded), ==, "other");
  g_assert_cmpstr (crb_entity_get_description (reloaded), ==, "Mayor since 2019");
  g_assert_null (crb_entity_get_external_id (reloaded));
}

static void
test_aliases (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbEntity) entity = add_entity (fixture->project, "person", "Olena Petrenko");
  g_autoptr (CrbAlias) alias = NULL;
  g_autoptr (CrbAlias) second = NULL;
  g_autoptr (CrbAlias) refused = NULL;
  g_autoptr (CrbEntity) by_alias = NULL;
  g_autoptr (GPtrArray) aliases = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);

  alias = crb_project_add_alias (fixture->project, uuid_of (entity), "Олена Петренко", "uk",
                                 &error);
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  g_assert_cmpstr (crb_alias_get_entity_uuid (alias), ==, uuid_of (entity));
  g_assert_cmpstr (crb_alias_get_language (alias), ==, "uk");
  second = crb_project_add_alias (fixture->project, "Olena Petrenko", "Mayor Petrenko", NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_null (crb_alias_get_language (second));

  refused = crb_project_add_alias (fixture->project, uuid_of (entity), "OLENA PETRENKO", NULL,
                                   &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);
  refused = crb_project_add_alias (fixture->project, uuid_of (entity), "олена петренко", NULL,
                                   &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_DUPLICATE);
  g_clear_error (&error);
  refused = crb_project_add_alias (fixture->project, uuid_of (entity), "", NULL, &error);
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_set_field (fixture->project, "alias", uuid_of (second), "language",
                                        "en", &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  aliases = crb_project_list_aliases (fixture->project, uuid_of (entity), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aliases->len, ==, 2);
  g_assert_cmpstr (crb_alias_get_name (aliases->pdata[0]), ==, "Mayor Petrenko");
  g_assert_cmpstr (crb_alias_get_language (aliases->pdata[0]), ==, "en");
  g_assert_cmpstr (crb_alias_get_name (aliases->pdata[1]), ==, "Олена Петренко");
  by_alias = crb_project_find_entity (fixture->project, "mayor petrenko", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid_of (by_alias), ==, uuid_of (entity));
  g_clear_pointer (&aliases, g_ptr_array_unref);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_delete_record (fixture->project, "alias", uuid_of (second), &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  aliases = crb_project_list_aliases (fixture->project, uuid_of (entity), &error);
  g_assert_cmpuint (aliases->len, ==, 1);
}

static void
test_claim_links (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Report", TEXT);
  g_autoptr (CrbClaim) claim = add_claim (fixture->project, document, "Petrenko blamed");
  g_autoptr (CrbEntity) mayor = add_entity (fixture->project, "person", "Olena Petrenko");
  g_autoptr (CrbEntity) company = add_entity (fixture->project, "organisation", "Hydroservice");
  g_autoptr (CrbClaimEntity) speaker = NULL;
  g_autoptr (CrbClaimEntity) again = NULL;
  g_autoptr (CrbClaimEntity) object = NULL;
  g_autoptr (CrbClaimEntity) subject = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);
  g_autofree char *linked = NULL;
  g_autofree char *after_again = NULL;
  g_autofree char *label = NULL;

  speaker = crb_project_link_claim_entity (fixture->project, uuid_of (claim), uuid_of (mayor),
                                           "speaker", &error);
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  g_assert_cmpstr (crb_claim_entity_get_role (speaker), ==, "speaker");
  g_assert_cmpstr (crb_claim_entity_get_entity_name (speaker), ==, "Olena Petrenko");
  g_assert_cmpstr (crb_claim_entity_get_document_uuid (speaker), ==, document);
  g_assert_cmpstr (crb_claim_entity_get_exact (speaker), ==, "Petrenko blamed");

  /* The same link again: the same record, no new step. */
  linked = crb_test_dump (fixture->project);
  again = crb_project_link_claim_entity (fixture->project, uuid_of (claim), "olena petrenko",
                                         "speaker", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid_of (again), ==, uuid_of (speaker));
  after_again = crb_test_dump (fixture->project);
  g_assert_cmpstr (after_again, ==, linked);
  label = crb_project_dup_undo_label (fixture->project);
  g_assert_cmpstr (label, ==, "Link entity");

  g_assert_null (crb_project_link_claim_entity (fixture->project, uuid_of (claim),
                                                uuid_of (mayor), "boss", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "subject, object, mentioned, location or speaker"));
  g_clear_error (&error);

  /* One entity in two roles is two links. */
  subject = crb_project_link_claim_entity (fixture->project, uuid_of (claim), uuid_of (mayor),
                                           "subject", &error);
  g_assert_no_error (error);
  object = crb_project_link_claim_entity (fixture->project, uuid_of (claim), uuid_of (company),
                                          "object", &error);
  g_assert_no_error (error);

  model_fixture_reopen (fixture);
  links = crb_project_list_claim_entities (fixture->project, uuid_of (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_cmpstr (crb_claim_entity_get_role (links->pdata[0]), ==, "subject");
  g_assert_cmpstr (crb_claim_entity_get_role (links->pdata[1]), ==, "object");
  g_assert_cmpstr (crb_claim_entity_get_entity_kind (links->pdata[1]), ==, "organisation");
  g_assert_cmpstr (crb_claim_entity_get_role (links->pdata[2]), ==, "speaker");
  g_clear_pointer (&links, g_ptr_array_unref);
  links = crb_project_list_entity_claims (fixture->project, uuid_of (mayor), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  g_clear_pointer (&links, g_ptr_array_unref);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_set_field (fixture->project, "claim_entity", uuid_of (object), "role",
                                        "mentioned", &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_delete_record (fixture->project, "claim_entity", uuid_of (subject),
                                            &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  links = crb_project_list_claim_entities (fixture->project, uuid_of (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (crb_claim_entity_get_role (links->pdata[0]), ==, "speaker");
  g_assert_cmpstr (crb_claim_entity_get_role (links->pdata[1]), ==, "mentioned");
}

static void
test_mentions (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Report", TEXT);
  g_autoptr (CrbEntity) mayor = add_entity (fixture->project, "person", "Olena Petrenko");
  g_autoptr (CrbEntity) dam = add_entity (fixture->project, "place", "Ilmet dam");
  g_autoptr (CrbMention) cyrillic = NULL;
  g_autoptr (CrbMention) latin = NULL;
  g_autoptr (CrbMention) place = NULL;
  g_autoptr (CrbMention) again = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);
  guint start, end;

  cyrillic = add_mention (fixture->project, mayor, document, "Олена Петренко", NULL);
  model_assert_undo_redo (fixture->project, before);
  span ("Олена Петренко", &start, &end);
  g_assert_cmpuint (crb_mention_get_start (cyrillic), ==, start);
  g_assert_cmpuint (crb_mention_get_start (cyrillic), ==, 4);
  g_assert_cmpuint (crb_mention_get_end (cyrillic), ==, end);
  g_assert_cmpstr (crb_mention_get_exact (cyrillic), ==, "Олена Петренко");
  g_assert_cmpstr (crb_mention_get_status (cyrillic), ==, "suggested");
  g_assert_cmpstr (crb_mention_get_document_uuid (cyrillic), ==, document);
  g_assert_nonnull (crb_mention_get_revision_uuid (cyrillic));

  latin = add_mention (fixture->project, mayor, document, "Petrenko blamed", "confirmed");
  g_assert_cmpstr (crb_mention_get_status (latin), ==, "confirmed");
  place = add_mention (fixture->project, dam, document, "Ilmet dam", NULL);

  g_assert_null (crb_project_add_mention (fixture->project, uuid_of (mayor), document, 4, 18,
                                          "maybe", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (crb_project_add_mention (fixture->project, uuid_of (mayor), document, 90, 9000,
                                          NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (crb_project_add_mention (fixture->project, uuid_of (mayor), "no-such-document",
                                          0, 3, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_set_field (fixture->project, "mention", uuid_of (cyrillic), "status",
                                        "rejected", &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  /* Detection suggesting it again does not undo the analyst's review. */
  again = add_mention (fixture->project, mayor, document, "Олена Петренко", "suggested");
  g_assert_cmpstr (uuid_of (again), ==, uuid_of (cyrillic));
  g_assert_cmpstr (crb_mention_get_status (again), ==, "rejected");

  model_fixture_reopen (fixture);
  mentions = crb_project_list_mentions (fixture->project, document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 3);
  g_assert_cmpstr (crb_mention_get_exact (mentions->pdata[0]), ==, "Олена Петренко");
  g_assert_cmpstr (crb_mention_get_status (mentions->pdata[0]), ==, "rejected");
  g_assert_cmpstr (crb_mention_get_exact (mentions->pdata[1]), ==, "Ilmet dam");
  g_assert_cmpstr (crb_mention_get_exact (mentions->pdata[2]), ==, "Petrenko blamed");
  g_clear_pointer (&mentions, g_ptr_array_unref);
  mentions = crb_project_list_mentions (fixture->project, NULL, uuid_of (dam), &error);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_clear_pointer (&mentions, g_ptr_array_unref);

  g_free (before);
  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_delete_record (fixture->project, "mention", uuid_of (place), &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);
  mentions = crb_project_list_mentions (fixture->project, NULL, NULL, &error);
  g_assert_cmpuint (mentions->len, ==, 2);
}

static void
test_delete (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Report", TEXT);
  g_autoptr (CrbClaim) claim = add_claim (fixture->project, document, "Petrenko blamed");
  g_autoptr (CrbEntity) mayor = add_entity (fixture->project, "person", "Olena Petrenko");
  g_autoptr (CrbAlias) alias = crb_project_add_alias (fixture->project, uuid_of (mayor),
                                                      "Petrenko", NULL, &error);
  g_autoptr (CrbClaimEntity) link = crb_project_link_claim_entity (
      fixture->project, uuid_of (claim), uuid_of (mayor), "speaker", &error);
  g_autoptr (CrbMention) mention = add_mention (fixture->project, mayor, document, "Petrenko",
                                                NULL);
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *before = crb_test_dump (fixture->project);

  g_assert_no_error (error);
  g_assert_true (crb_project_delete_record (fixture->project, "entity", uuid_of (mayor), &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  rows = crb_project_list_entities (fixture->project, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = crb_project_list_aliases (fixture->project, uuid_of (mayor), &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = crb_project_list_claim_entities (fixture->project, uuid_of (claim), &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = crb_project_list_mentions (fixture->project, document, NULL, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_no_error (error);
}

static void
test_merge (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Report", TEXT);
  g_autoptr (CrbClaim) said = add_claim (fixture->project, document, "the Ilmet dam failed");
  g_autoptr (CrbClaim) blamed = add_claim (fixture->project, document, "Petrenko blamed");
  g_autoptr (CrbEntity) from = NULL;
  g_autoptr (CrbEntity) into = add_entity (fixture->project, "person", "Olena Petrenko");
  g_autoptr (CrbEntity) merged = NULL;
  g_autoptr (CrbAlias) alias = NULL;
  g_autoptr (CrbAlias) shared_alias = NULL;
  g_autoptr (CrbAlias) into_alias = NULL;
  g_autoptr (CrbClaimEntity) l1 = NULL, l2 = NULL, l3 = NULL;
  g_autoptr (CrbMention) m1 = NULL, m2 = NULL, m3 = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *before = NULL;
  g_autofree char *pointer = NULL;

  from = crb_project_add_entity (fixture->project, "person", "O. Petrenko", "Mayor of Ilmet",
                                 "Q4115189", &error);
  g_assert_no_error (error);
  alias = crb_project_add_alias (fixture->project, uuid_of (from), "Мер Петренко", "uk", &error);
  shared_alias = crb_project_add_alias (fixture->project, uuid_of (from), "Petrenko", NULL, &error);
  into_alias = crb_project_add_alias (fixture->project, uuid_of (into), "petrenko", NULL, &error);
  l1 = crb_project_link_claim_entity (fixture->project, uuid_of (said), uuid_of (from), "speaker",
                                      &error);
  l2 = crb_project_link_claim_entity (fixture->project, uuid_of (blamed), uuid_of (from),
                                      "speaker", &error);
  l3 = crb_project_link_claim_entity (fixture->project, uuid_of (blamed), uuid_of (into),
                                      "speaker", &error);
  g_assert_no_error (error);
  m1 = add_mention (fixture->project, from, document, "Олена Петренко", NULL);
  m2 = add_mention (fixture->project, from, document, "Petrenko blamed", "confirmed");
  m3 = add_mention (fixture->project, into, document, "Petrenko blamed", NULL);

  g_assert_false (crb_project_merge_entities (fixture->project, uuid_of (into), "Olena Petrenko",
                                              &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  before = crb_test_dump (fixture->project);
  g_assert_true (crb_project_merge_entities (fixture->project, uuid_of (from), uuid_of (into),
                                             &error));
  g_assert_no_error (error);
  model_assert_undo_redo (fixture->project, before);

  model_fixture_reopen (fixture);
  rows = crb_project_list_entities (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  merged = g_object_ref (rows->pdata[0]);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpstr (uuid_of (merged), ==, uuid_of (into));
  g_assert_cmpstr (crb_entity_get_name (merged), ==, "Olena Petrenko");
  g_assert_cmpstr (crb_entity_get_description (merged), ==, "Mayor of Ilmet");
  g_assert_cmpstr (crb_entity_get_external_id (merged), ==, "Q4115189");
  pointer = merged_into (fixture->project, uuid_of (from));
  g_assert_cmpstr (pointer, ==, uuid_of (into));

  /* Names: into's own alias, from's Ukrainian alias, from's name; the
   * doubled "Petrenko" once. */
  rows = crb_project_list_aliases (fixture->project, uuid_of (into), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (crb_alias_get_name (rows->pdata[0]), ==, "O. Petrenko");
  g_assert_cmpstr (crb_alias_get_name (rows->pdata[1]), ==, "petrenko");
  g_assert_cmpstr (crb_alias_get_name (rows->pdata[2]), ==, "Мер Петренко");
  g_assert_cmpstr (crb_alias_get_language (rows->pdata[2]), ==, "uk");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = crb_project_list_entity_claims (fixture->project, uuid_of (into), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* The doubled mention keeps the review made on the merged entity. */
  rows = crb_project_list_mentions (fixture->project, NULL, uuid_of (into), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (crb_mention_get_exact (rows->pdata[1]), ==, "Petrenko blamed");
  g_assert_cmpstr (uuid_of (rows->pdata[1]), ==, uuid_of (m3));
  g_assert_cmpstr (crb_mention_get_status (rows->pdata[1]), ==, "confirmed");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = crb_project_list_mentions (fixture->project, NULL, uuid_of (from), &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_true (crb_project_check (fixture->project, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, ModelFixture, NULL, model_fixture_setup, func, model_fixture_teardown)

  g_test_add_func ("/crb/model/entity/new-and-destroy", test_new_and_destroy);
  ADD ("/crb/model/entity/loaded-and-destroy", test_loaded_and_destroy);
  ADD ("/crb/model/entity/add", test_add);
  ADD ("/crb/model/entity/edit", test_edit);
  ADD ("/crb/model/entity/aliases", test_aliases);
  ADD ("/crb/model/entity/claim-links", test_claim_links);
  ADD ("/crb/model/entity/mentions", test_mentions);
  ADD ("/crb/model/entity/delete", test_delete);
  ADD ("/crb/model/entity/merge", test_merge);
  return g_test_run ();
}
