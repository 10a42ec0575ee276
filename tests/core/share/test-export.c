/* test-export.c: Web Annotation JSON-LD out and in, CSV, event briefings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "crb-annotation-import.h"
#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-entity.h"
#include "crb-claim-entity.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-export.h"
#include "crb-facet.h"
#include "crb-tag.h"
#include "crb-test-project.h"

#define TEXT                                                                                       \
  "The dam at Ilmet failed at 04:10 on Tuesday, officials said. Witnesses heard a loud crack, "    \
  "then the water came. The governor said eleven people were missing; the mayor said nine."

typedef struct
{
  CrbProject *project;
  char       *document;
  char       *claim;
  char       *highlight;
  char       *question;
  char       *secret;
  char       *event;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = NULL, highlight = NULL, question = NULL, secret = NULL;
  g_autoptr (CrbTag) tag = NULL;
  g_autoptr (CrbEntity) place = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbFacet) when = NULL, toll = NULL, cause = NULL;
  g_autoptr (CrbEventClaim) link1 = NULL, link2 = NULL;
  g_autoptr (CrbClaimEntity) link3 = NULL;

  fixture->project = crb_test_new_project (NULL);
  crb_project_set_author (fixture->project, "Alice Analyst");
  fixture->document = crb_test_add_document (fixture->project, "Ilmet report", TEXT);
  claim = crb_project_add_claim_by_quote (fixture->project, fixture->document, "failed at 04:10", 1,
                                          "claim", "Time, per \"officials\",\nunconfirmed", &error);
  highlight = crb_project_add_claim_by_quote (fixture->project, fixture->document, "loud crack", 1,
                                              "highlight", NULL, &error);
  question = crb_project_add_claim_by_quote (fixture->project, fixture->document,
                                             "eleven people were missing", 1, "question",
                                             "=HYPERLINK(\"x\") <script>alert(1)</script>", &error);
  secret = crb_project_add_claim_by_quote (fixture->project, fixture->document, "the mayor said", 1,
                                           "claim", "Informant Kestrel-9", &error);
  g_assert_no_error (error);
  fixture->claim = g_strdup (crb_record_get_uuid (CRB_RECORD (claim)));
  fixture->highlight = g_strdup (crb_record_get_uuid (CRB_RECORD (highlight)));
  fixture->question = g_strdup (crb_record_get_uuid (CRB_RECORD (question)));
  fixture->secret = g_strdup (crb_record_get_uuid (CRB_RECORD (secret)));
  crb_assert_ok (
      crb_project_set_field (fixture->project, "claim", fixture->secret, "private", "1", &error));
  crb_assert_ok (crb_project_set_field (fixture->project, "claim", fixture->claim, "credibility",
                                        "2", &error));
  crb_assert_ok (crb_project_set_field (fixture->project, "document", fixture->document,
                                        "reliability", "B", &error));

  tag = crb_project_add_tag (fixture->project, "timing", "#3366ff", NULL, &error);
  g_assert_no_error (error);
  crb_assert_ok (crb_project_tag_claim (fixture->project, fixture->claim,
                                        crb_record_get_uuid (CRB_RECORD (tag)), &error));
  place = crb_project_add_entity (fixture->project, "place", "Ilmet", NULL, NULL, &error);
  link3 =
      crb_project_link_claim_entity (fixture->project, fixture->claim,
                                     crb_record_get_uuid (CRB_RECORD (place)), "location", &error);
  event = crb_project_add_event (fixture->project, "Ilmet dam failure", "2026-03-03", NULL, "Ilmet",
                                 "The dam <gave way> overnight.", &error);
  g_assert_no_error (error);
  fixture->event = g_strdup (crb_record_get_uuid (CRB_RECORD (event)));
  when = crb_project_add_facet (fixture->project, fixture->event, "When", &error);
  toll = crb_project_add_facet (fixture->project, fixture->event, "How many missing", &error);
  cause = crb_project_add_facet (fixture->project, fixture->event, "Cause", &error);
  link1 =
      crb_project_link_claim_event (fixture->project, fixture->claim, fixture->event,
                                    crb_record_get_uuid (CRB_RECORD (when)), "supports", &error);
  link2 =
      crb_project_link_claim_event (fixture->project, fixture->question, fixture->event,
                                    crb_record_get_uuid (CRB_RECORD (toll)), "disputes", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->document);
  g_free (fixture->claim);
  g_free (fixture->highlight);
  g_free (fixture->question);
  g_free (fixture->secret);
  g_free (fixture->event);
}

static JsonObject *
parse_object (const char *json, JsonParser *parser)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
member_string (JsonObject *object, const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_string_member (object, name);
}

static void
assert_iso_time (const char *value)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (value, NULL);

  g_assert_nonnull (time);
}

static void
assert_urn_uuid (const char *value)
{
  g_assert_true (g_str_has_prefix (value, "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (value + 9));
}

/* The Web Annotation model's required parts (W3C Recommendation, sections
 * 3.1–3.2, 4.2.1, 4.2.4, 4.3.1), checked on each annotation. */
static void
assert_valid_annotation (JsonObject *annotation)
{
  static const char *motivations[] = { "commenting", "highlighting", "questioning", NULL };
  static const char *purposes[] = { "commenting", "questioning", "tagging", NULL };
  JsonObject        *target, *creator;
  JsonArray         *selectors;
  gboolean           quote = FALSE, position = FALSE;

  g_assert_cmpstr (member_string (annotation, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
  assert_urn_uuid (member_string (annotation, "id"));
  g_assert_cmpstr (member_string (annotation, "type"), ==, "Annotation");
  g_assert_true (g_strv_contains (motivations, member_string (annotation, "motivation")));
  assert_iso_time (member_string (annotation, "created"));
  assert_iso_time (member_string (annotation, "modified"));
  creator = json_object_get_object_member (annotation, "creator");
  g_assert_cmpstr (member_string (creator, "type"), ==, "Person");
  g_assert_cmpstr (member_string (creator, "name"), ==, "Alice Analyst");

  if (json_object_has_member (annotation, "body"))
    {
      JsonArray *bodies = json_object_get_array_member (annotation, "body");

      g_assert_cmpuint (json_array_get_length (bodies), >, 0);
      for (guint i = 0; i < json_array_get_length (bodies); i++)
        {
          JsonObject *body = json_array_get_object_element (bodies, i);

          g_assert_cmpstr (member_string (body, "type"), ==, "TextualBody");
          g_assert_cmpstr (member_string (body, "value"), !=, "");
          g_assert_true (g_strv_contains (purposes, member_string (body, "purpose")));
        }
    }

  target = json_object_get_object_member (annotation, "target");
  g_assert_nonnull (target);
  g_assert_true (g_str_has_prefix (member_string (target, "source"), "urn:uuid:") ||
                 g_str_has_prefix (member_string (target, "source"), "http"));
  selectors = json_object_get_array_member (target, "selector");
  g_assert_nonnull (selectors);
  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *selector = json_array_get_object_element (selectors, i);
      const char *type = member_string (selector, "type");

      if (g_str_equal (type, "TextQuoteSelector"))
        {
          quote = TRUE;
          g_assert_cmpstr (member_string (selector, "exact"), !=, "");
          g_assert_nonnull (member_string (selector, "prefix"));
          g_assert_nonnull (member_string (selector, "suffix"));
        }
      else if (g_str_equal (type, "TextPositionSelector"))
        {
          position = TRUE;
          g_assert_cmpint (json_object_get_int_member (selector, "start"), >=, 0);
          g_assert_cmpint (json_object_get_int_member (selector, "end"), >,
                           json_object_get_int_member (selector, "start"));
        }
      else
        g_assert_not_reached ();
    }
  g_assert_true (quote && position);
  {
    JsonObject *state = json_object_get_object_member (target, "state");

    g_assert_cmpstr (member_string (state, "type"), ==, "TimeState");
    assert_iso_time (member_string (state, "sourceDate"));
  }
}

static void
test_jsonld_valid (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = crb_project_export (fixture->project, CRB_EXPORT_JSONLD, NULL, &error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject      *collection, *page;
  JsonArray       *items;
  g_autofree char *claim_id = g_strdup_printf ("urn:uuid:%s", fixture->claim);
  gboolean         saw_tag = FALSE, saw_question = FALSE;

  g_assert_no_error (error);
  collection = parse_object (json, parser);
  g_assert_cmpstr (member_string (collection, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (member_string (collection, "type"), ==, "AnnotationCollection");
  assert_urn_uuid (member_string (collection, "id"));
  page = json_object_get_object_member (collection, "first");
  g_assert_cmpstr (member_string (page, "type"), ==, "AnnotationPage");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 4);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *annotation = json_array_get_object_element (items, i);

      assert_valid_annotation (annotation);
      if (g_str_equal (member_string (annotation, "id"), claim_id))
        {
          JsonArray *bodies = json_object_get_array_member (annotation, "body");

          for (guint b = 0; b < json_array_get_length (bodies); b++)
            saw_tag |= g_str_equal (
                member_string (json_array_get_object_element (bodies, b), "purpose"), "tagging");
        }
      saw_question |= g_str_equal (member_string (annotation, "motivation"), "questioning");
    }
  g_assert_true (saw_tag);
  g_assert_true (saw_question);
  /* Private notes stay home. */
  g_assert_null (strstr (json, "Kestrel-9"));
}

static guint
count_claims (CrbProject *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) claims = crb_project_list_claims (project, NULL, &error);

  g_assert_no_error (error);
  return claims->len;
}

static void
test_jsonld_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = crb_project_export (fixture->project, CRB_EXPORT_JSONLD, NULL, &error);
  g_autoptr (CrbProject) other = crb_test_new_project (NULL);
  g_autofree char *copy = crb_test_add_document (other, "Same report elsewhere", TEXT);
  g_autoptr (CrbAnnotationImport) report = NULL;
  g_autoptr (CrbAnnotationImport) again = NULL;
  g_autoptr (CrbClaim) original = NULL;
  g_autoptr (CrbClaim) imported = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autofree char *json_back = NULL;

  /* Another project with the same text under another identity: found by
   * the quote. */
  report = crb_project_import_annotations (other, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 4);
  g_assert_cmpuint (report->unmatched->len, ==, 0);
  g_assert_cmpuint (count_claims (other), ==, 4);

  original = crb_project_find_claim (fixture->project, fixture->claim, &error);
  imported = crb_project_find_claim (other, fixture->claim, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_claim_get_document_uuid (imported), ==, copy);
  g_assert_cmpuint (crb_claim_get_start (imported), ==, crb_claim_get_start (original));
  g_assert_cmpuint (crb_claim_get_end (imported), ==, crb_claim_get_end (original));
  g_assert_cmpstr (crb_claim_get_exact (imported), ==, crb_claim_get_exact (original));
  g_assert_cmpstr (crb_claim_get_prefix (imported), ==, crb_claim_get_prefix (original));
  g_assert_cmpstr (crb_claim_get_note (imported), ==, crb_claim_get_note (original));
  g_assert_cmpstr (crb_claim_get_kind (imported), ==, "claim");
  g_assert_cmpstr (crb_record_get_author (CRB_RECORD (imported)), ==, "Alice Analyst");
  g_assert_cmpint (crb_record_get_created_at (CRB_RECORD (imported)) / 1000, ==,
                   crb_record_get_created_at (CRB_RECORD (original)) / 1000);
  tags = crb_project_list_claim_tags (other, fixture->claim, &error);
  g_assert_cmpuint (tags->len, ==, 1);
  g_assert_cmpstr (crb_tag_get_name (g_ptr_array_index (tags, 0)), ==, "timing");
  {
    g_autoptr (CrbClaim) question = crb_project_find_claim (other, fixture->question, &error);
    g_autoptr (CrbClaim) highlight = crb_project_find_claim (other, fixture->highlight, &error);

    g_assert_cmpstr (crb_claim_get_kind (question), ==, "question");
    g_assert_cmpstr (crb_claim_get_kind (highlight), ==, "highlight");
  }
  crb_assert_ok (crb_project_check (other, &error));

  /* And out again: the same annotations. */
  json_back = crb_project_export (other, CRB_EXPORT_JSONLD, NULL, &error);
  g_assert_nonnull (strstr (json_back, fixture->claim));

  /* Importing twice adds nothing. */
  again = crb_project_import_annotations (other, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->already_present, ==, 4);
  g_assert_cmpuint (count_claims (other), ==, 4);
}

static void
test_import_unmatched (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbAnnotationImport) report = NULL;
  g_autofree char *twice =
      crb_test_add_document (fixture->project, "Repeats", "Nine dead. Later: Nine dead. End.");
  const char *json =
      "[{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"id\":\"urn:uuid:"
      "0b5a6a9e-1111-4a4a-8a8a-000000000001\",\"type\":\"Annotation\",\"target\":{\"source\":"
      "\"https://example.org/elsewhere\",\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":"
      "\"a sentence no document here contains\"}}},"
      "{\"id\":\"urn:uuid:0b5a6a9e-1111-4a4a-8a8a-000000000002\",\"type\":\"Annotation\","
      "\"target\":{\"source\":\"urn:uuid:00000000-0000-4000-8000-000000000000\",\"selector\":"
      "{\"type\":\"TextQuoteSelector\",\"exact\":\"Nine dead\"}}},"
      "{\"id\":\"urn:uuid:0b5a6a9e-1111-4a4a-8a8a-000000000003\",\"type\":\"Annotation\","
      "\"motivation\":\"highlighting\",\"target\":{\"source\":\"https://example.org/x\","
      "\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"Nine dead\",\"prefix\":"
      "\"Later: \",\"suffix\":\". End\"},{\"type\":\"TextPositionSelector\",\"start\":0,"
      "\"end\":4}]}},"
      "{\"type\":\"Annotation\",\"target\":\"https://example.org/no-selector\"},"
      "{\"type\":\"Comment\"}]";
  guint before = count_claims (fixture->project);

  report = crb_project_import_annotations (fixture->project, json, -1, &error);
  g_assert_no_error (error);
  /* Only the third: its context tells the two places apart. */
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpuint (report->unmatched->len, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (report->unmatched, 0), "no document"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->unmatched, 1), "several places"));
  g_assert_cmpuint (count_claims (fixture->project), ==, before + 1);
  {
    g_autoptr (CrbClaim) claim =
        crb_project_find_claim (fixture->project, "0b5a6a9e-1111-4a4a-8a8a-000000000003", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (crb_claim_get_start (claim), ==, 18);
    g_assert_cmpstr (crb_claim_get_kind (claim), ==, "highlight");
  }

  g_assert_null (crb_project_import_annotations (fixture->project, "{not json", -1, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
}

/* A small RFC 4180 reader, to check the writer. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray  *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray  *row = g_ptr_array_new_with_free_func (g_free);
  GString    *field = g_string_new (NULL);
  const char *p = csv;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; *p && !(*p == '"' && p[1] != '"'); p++)
            {
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          g_assert_true (*p == '"');
          p++;
        }
      else
        while (*p && *p != ',' && *p != '\r')
          {
            g_assert_true (*p != '"' && *p != '\n');
            g_string_append_c (field, *p++);
          }
      g_ptr_array_add (row, g_string_free (field, FALSE));
      field = g_string_new (NULL);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static void
test_csv (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = crb_project_export (fixture->project, CRB_EXPORT_CSV, NULL, &error);
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *header;
  gboolean   found = FALSE;

  g_assert_no_error (error);
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 5);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, 17);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "claim id");
  g_assert_cmpstr (g_ptr_array_index (header, 16), ==, "anchor status");
  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      g_assert_cmpuint (row->len, ==, 17);
      if (g_str_equal (g_ptr_array_index (row, 0), fixture->claim))
        {
          found = TRUE;
          g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "Ilmet report");
          g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "failed at 04:10");
          g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "Time, per \"officials\",\nunconfirmed");
          g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "2");
          g_assert_cmpstr (g_ptr_array_index (row, 9), ==, "B");
          g_assert_cmpstr (g_ptr_array_index (row, 10), ==, "timing");
          g_assert_cmpstr (g_ptr_array_index (row, 11), ==, "Ilmet (location)");
          g_assert_cmpstr (g_ptr_array_index (row, 12), ==, "Ilmet dam failure: When (supports)");
          g_assert_cmpstr (g_ptr_array_index (row, 13), ==, "Alice Analyst");
          g_assert_cmpstr (g_ptr_array_index (row, 16), ==, "anchored");
        }
      if (g_str_equal (g_ptr_array_index (row, 0), fixture->question))
        /* A formula from a hostile source does not run in a spreadsheet. */
        g_assert_true (g_str_has_prefix (g_ptr_array_index (row, 6), "'=HYPERLINK"));
    }
  g_assert_true (found);
  g_assert_null (strstr (csv, "Kestrel-9"));
}

static void
test_briefing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *markdown =
      crb_project_export (fixture->project, CRB_EXPORT_MARKDOWN, fixture->event, &error);
  g_autofree char *html = NULL;
  const char      *when, *toll;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (markdown, "# Ilmet dam failure\n"));
  when = strstr (markdown, "### When\n");
  toll = strstr (markdown, "### How many missing\n");
  g_assert_nonnull (when);
  g_assert_nonnull (toll);
  g_assert_true (when < toll);
  g_assert_nonnull (strstr (markdown, "## Accounts\n\n| Source |"));
  g_assert_nonnull (strstr (markdown, "- **Ilmet report**"));
  g_assert_nonnull (strstr (markdown, "failed at 04:10"));
  g_assert_nonnull (strstr (markdown, "(disputes)"));
  g_assert_nonnull (strstr (markdown, "2 accounts from 1 source."));
  g_assert_nonnull (strstr (markdown, "### Not yet answered by any source\n\nCause"));
  g_assert_nonnull (strstr (markdown, "## Sources"));
  g_assert_nonnull (strstr (markdown, "reliability B"));
  g_assert_nonnull (strstr (markdown, "noted by: Alice Analyst"));
  /* Markdown in notes is shown, not interpreted. */
  g_assert_nonnull (strstr (markdown, "\\<script\\>"));

  html = crb_project_export (fixture->project, CRB_EXPORT_HTML, fixture->event, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<h3>How many missing</h3>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "The dam &lt;gave way&gt; overnight."));
  g_assert_null (strstr (html, "<script>"));
  /* Self-contained: nothing fetched from elsewhere. */
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "<link"));

  g_assert_null (crb_project_export (fixture->project, CRB_EXPORT_HTML, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/crb/export/jsonld/valid", test_jsonld_valid);
  ADD ("/crb/export/jsonld/round-trip", test_jsonld_round_trip);
  ADD ("/crb/export/jsonld/import-unmatched", test_import_unmatched);
  ADD ("/crb/export/csv", test_csv);
  ADD ("/crb/export/briefing", test_briefing);
#undef ADD

  return g_test_run ();
}
