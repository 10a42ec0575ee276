/* test-model-validate.c: checks of typed field values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-project.h"
#include "crb-validate.h"

typedef struct
{
  const char *table;
  const char *field;
  const char *value;
  gboolean    valid;
} Case;

static const Case cases[] = {
  { "tag", "color", "#3584e4", TRUE },
  { "tag", "color", "#3584E4", TRUE },
  { "tag", "color", NULL, TRUE },
  { "tag", "color", "3584e4", FALSE },
  { "tag", "color", "#3584e", FALSE },
  { "tag", "color", "#3584e4f", FALSE },
  { "tag", "color", "#ggggggg", FALSE },
  { "tag", "color", "blue", FALSE },
  { "entity", "external_id", "Q42", TRUE },
  { "entity", "external_id", "Q4115189", TRUE },
  { "entity", "external_id", "https://www.wikidata.org/wiki/Q42", TRUE },
  { "entity", "external_id", "http://example.org/person/7", TRUE },
  { "entity", "external_id", "HTTPS://EXAMPLE.ORG/", TRUE },
  { "entity", "external_id", NULL, TRUE },
  { "entity", "external_id", "Q", FALSE },
  { "entity", "external_id", "Q042", FALSE },
  { "entity", "external_id", "P31", FALSE },
  { "entity", "external_id", "mailto:a@example.org", FALSE },
  { "entity", "external_id", "https:///path", FALSE },
  { "entity", "external_id", "javascript:alert(1)", FALSE },
  { "entity", "kind", "organisation", TRUE },
  { "entity", "kind", "organization", FALSE },
  { "entity", "kind", NULL, FALSE },
  { "event", "date_start", "2024", TRUE },
  { "event", "date_start", "2024-02", TRUE },
  { "event", "date_start", "2024-02-29", TRUE },
  { "event", "date_start", "2024-02-29T23:59", TRUE },
  { "event", "date_start", "2024-02-29T23:59:30Z", TRUE },
  { "event", "date_start", "2024-02-29T23:59:30.5+02:00", TRUE },
  { "event", "date_start", "2023-02-29", FALSE },
  { "document", "published_at", "2026-04-18T19:05:00+03:00", TRUE },
  { "document", "published_at", "18 April 2026", FALSE },
  { "event", "date_start", "2024-00", FALSE },
  { "event", "date_start", "2024-1-5", FALSE },
  { "event", "date_start", "24-01-05", FALSE },
  { "event", "date_start", "2024-01-05T25:00", FALSE },
  { "event", "date_start", "3 May 2024", FALSE },
  { "mention", "status", "confirmed", TRUE },
  { "mention", "status", "Confirmed", FALSE },
  { "claim_entity", "role", "speaker", TRUE },
  { "event_claim", "stance", "context", TRUE },
  { "event_claim", "stance", "neutral", FALSE },
  { "relation", "kind", "translates", TRUE },
  { "relation", "kind", "translated", FALSE },
  { "relation", "evidence", "[]", TRUE },
  { "relation", "evidence", "[{\"from\": [1, 2]}]", TRUE },
  { "relation", "evidence", "{}", FALSE },
  { "relation", "evidence", "", FALSE },
  { "document", "title", "anything at all", TRUE },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean valid = crb_validate_field (cases[i].table, cases[i].field, cases[i].value, &error);

      g_test_message ("%s.%s = %s", cases[i].table, cases[i].field,
                      cases[i].value ? cases[i].value : "NULL");
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        g_assert_no_error (error);
      else
        g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
    }
}

static void
test_messages (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (crb_validate_field ("tag", "color", "blue", &error));
  g_assert_nonnull (strstr (error->message, "#rrggbb"));
  g_clear_error (&error);
  g_assert_false (crb_validate_field ("entity", "external_id", "P31", &error));
  g_assert_nonnull (strstr (error->message, "Q42"));
  g_clear_error (&error);
  g_assert_false (crb_validate_field ("event", "date_end", "soon", &error));
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);
  g_assert_false (crb_validate_field ("entity", "kind", "ship", &error));
  g_assert_cmpstr (error->message, ==,
                   "“ship” is not a kind of entity; use person, organisation, place, event or "
                   "other.");
}

static void
test_choices (void)
{
  const char * const *stances = crb_validate_choices ("event_claim", "stance");

  g_assert_nonnull (stances);
  g_assert_cmpuint (g_strv_length ((char **) stances), ==, 4);
  g_assert_cmpstr (stances[0], ==, "supports");
  g_assert_null (crb_validate_choices ("tag", "color"));
  g_assert_null (crb_validate_choices ("nothing", "here"));
}

static void
test_date_range (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_validate_date_range ("2024-05-01", "2024-05-03", NULL));
  g_assert_true (crb_validate_date_range ("2024-05", "2024-05-03", NULL));
  g_assert_true (crb_validate_date_range ("2024-05-03", "2024-05", NULL));
  g_assert_true (crb_validate_date_range ("2024-05-03", "2024-05-03T10:00", NULL));
  g_assert_true (crb_validate_date_range (NULL, "2024", NULL));
  g_assert_true (crb_validate_date_range ("2024", NULL, NULL));
  g_assert_false (crb_validate_date_range ("2024-05-03", "2024-05-02", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (crb_validate_date_range ("2024", "2023-12-31", &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/model/validate/cases", test_cases);
  g_test_add_func ("/crb/model/validate/messages", test_messages);
  g_test_add_func ("/crb/model/validate/choices", test_choices);
  g_test_add_func ("/crb/model/validate/date-range", test_date_range);
  return g_test_run ();
}
