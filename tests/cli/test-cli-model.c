/* test-cli-model.c: corroborate-cli tag, entity and event flows, checked
 * through their JSON listings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cli-test-util.h"

static const char *const reports[] = {
  "Dam breach at Ilmet\n\n"
  "The dam on the Ilmet river failed at 04:10 on Tuesday, said Governor Arman Seitov. "
  "Officials said twelve people died.\n",
  "Flood reaches Kosh\n\n"
  "Governor Seitov told reporters that nine people died when the Ilmet dam gave way at dawn.\n",
  NULL,
};

typedef struct
{
  char *path;
  char *first; /* document ids, in the order of `reports` */
  char *second;
} Project;

static void
project_clear (Project *project)
{
  g_free (project->path);
  g_free (project->first);
  g_free (project->second);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Project, project_clear)

static void
make_project (CliFixture *fixture, Project *project)
{
  g_autoptr (JsonNode) list = NULL;

  project->path = cli_make_project (fixture, "model.corroborate", reports);
  list = cli_run_json (fixture, "list", project->path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 2);
  project->first = g_strdup (
      json_object_get_string_member (cli_json_find (list, "title", "Dam breach at Ilmet"), "id"));
  project->second = g_strdup (
      json_object_get_string_member (cli_json_find (list, "title", "Flood reaches Kosh"), "id"));
}

static char *
run_id (CliFixture *fixture, const char *const *args)
{
  g_autoptr (CliRun) run = cli_runv (fixture, args);

  if (run->status != 0)
    g_error ("%s failed: %s", args[0], run->err);
  g_strstrip (run->out);
  g_assert_true (g_uuid_string_is_valid (run->out));
  return g_steal_pointer (&run->out);
}

static char *
add_claim (CliFixture *fixture, const char *path, const char *document, const char *quote)
{
  const char *args[] = { "claim", "add", path, document, "--quote", quote, NULL };

  return run_id (fixture, args);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names of a claim's tags, sorted and joined with commas. */
static char *
claim_tags (CliFixture *fixture, const char *path, const char *claim_id)
{
  g_autoptr (JsonNode) claims = cli_run_json (fixture, "claim", "list", path, NULL);
  JsonObject *claim = cli_json_find (claims, "id", claim_id);
  JsonArray  *tags;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_assert_nonnull (claim);
  tags = json_object_get_array_member (claim, "tags");
  for (guint i = 0; i < json_array_get_length (tags); i++)
    g_ptr_array_add (names, (gpointer) json_object_get_string_member (
                                json_array_get_object_element (tags, i), "name"));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
test_tags (CliFixture *fixture, gconstpointer data)
{
  g_auto (Project) project = { 0 };
  g_autofree char *claim = NULL;
  g_autofree char *casualties = NULL;
  g_autofree char *official = NULL;
  g_autofree char *deaths = NULL;
  g_autofree char *tags = NULL;
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (CliRun) duplicate = NULL;
  JsonObject *tag;

  make_project (fixture, &project);
  claim = add_claim (fixture, project.path, project.first, "twelve people died");
  {
    const char *a[] = { "tag", "add", project.path, "Casualties", "--color", "#cc0000", NULL };
    const char *b[] = { "tag",      "add",        project.path, "Official figure",
                        "--parent", "Casualties", NULL };
    const char *c[] = { "tag", "add", project.path, "Deaths", NULL };

    casualties = run_id (fixture, a);
    official = run_id (fixture, b);
    deaths = run_id (fixture, c);
  }

  list = cli_run_json (fixture, "tag", "list", project.path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 3);
  tag = cli_json_find (list, "id", official);
  g_assert_cmpstr (json_object_get_string_member (tag, "parent_id"), ==, casualties);
  g_assert_cmpint (json_object_get_int_member (tag, "depth"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (cli_json_find (list, "id", casualties), "color"),
                   ==, "#cc0000");

  duplicate = cli_run (fixture, "tag", "add", project.path, "deaths", NULL);
  g_assert_cmpint (duplicate->status, ==, 1);

  /* Tags by name or by identifier prefix. */
  g_free (cli_run_ok (fixture, "tag", "apply", project.path, claim, "Official figure", NULL));
  {
    g_autofree char *prefix = g_strndup (deaths, 8);

    g_free (cli_run_ok (fixture, "tag", "apply", project.path, claim, prefix, NULL));
  }
  tags = claim_tags (fixture, project.path, claim);
  g_assert_cmpstr (tags, ==, "Deaths,Official figure");

  g_free (cli_run_ok (fixture, "tag", "remove", project.path, claim, "Official figure", NULL));
  g_free (tags);
  tags = claim_tags (fixture, project.path, claim);
  g_assert_cmpstr (tags, ==, "Deaths");
  g_free (cli_run_ok (fixture, "undo", project.path, NULL));
  g_free (tags);
  tags = claim_tags (fixture, project.path, claim);
  g_assert_cmpstr (tags, ==, "Deaths,Official figure");

  /* Merging Deaths into Casualties: the claim keeps one tag for both. */
  g_free (cli_run_ok (fixture, "tag", "merge", project.path, "Deaths", "Casualties", NULL));
  g_free (tags);
  tags = claim_tags (fixture, project.path, claim);
  g_assert_cmpstr (tags, ==, "Casualties,Official figure");
  g_clear_pointer (&list, json_node_unref);
  list = cli_run_json (fixture, "tag", "list", project.path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 2);
  g_assert_cmpint (json_object_get_int_member (cli_json_find (list, "id", casualties), "claims"),
                   ==, 1);
  g_free (cli_run_ok (fixture, "undo", project.path, NULL));
  g_free (tags);
  tags = claim_tags (fixture, project.path, claim);
  g_assert_cmpstr (tags, ==, "Deaths,Official figure");

  /* Deleting a parent takes its sub-tags and their marks with it. */
  g_free (cli_run_ok (fixture, "tag", "delete", project.path, "Casualties", NULL));
  g_free (tags);
  tags = claim_tags (fixture, project.path, claim);
  g_assert_cmpstr (tags, ==, "Deaths");
}

static void
test_entities (CliFixture *fixture, gconstpointer data)
{
  g_auto (Project) project = { 0 };
  g_autofree char *first_claim = NULL;
  g_autofree char *second_claim = NULL;
  g_autofree char *seitov = NULL;
  g_autofree char *duplicate = NULL;
  g_autofree char *mention = NULL;
  g_autoptr (JsonNode) shown = NULL;
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) claims = NULL;
  g_autoptr (CliRun) bad_role = NULL;
  JsonObject *entity;
  JsonArray  *aliases;
  JsonArray  *links;

  make_project (fixture, &project);
  first_claim =
      add_claim (fixture, project.path, project.first, "Officials said twelve people died");
  second_claim = add_claim (fixture, project.path, project.second, "nine people died");
  {
    const char *a[] = { "entity",
                        "add",
                        project.path,
                        "Arman Seitov",
                        "--kind",
                        "person",
                        "--description",
                        "Governor of the region",
                        "--external-id",
                        "Q4242",
                        NULL };
    const char *b[] = { "entity", "add", project.path, "Governor Seitov", NULL };
    const char *alias[] = { "entity",       "alias",      project.path, "Arman Seitov",
                            "Арман Сеитов", "--language", "ru",         NULL };
    /* Found by its alias, in Cyrillic. */
    const char *link[] = { "entity",       "link",   project.path, first_claim,
                           "Арман Сеитов", "--role", "speaker",    NULL };

    seitov = run_id (fixture, a);
    duplicate = run_id (fixture, b);
    g_free (run_id (fixture, alias));
    g_free (run_id (fixture, link));
  }

  bad_role = cli_run (fixture, "entity", "link", project.path, second_claim, seitov, "--role",
                      "victim", NULL);
  g_assert_cmpint (bad_role->status, ==, 1);
  g_assert_true (g_str_has_prefix (bad_role->err, "corroborate-cli: "));

  /* The duplicate has its own claim and a mention. */
  {
    g_autofree char *start = NULL;
    const char      *link[] = { "entity",  "link",   project.path, second_claim,
                                duplicate, "--role", "subject",    NULL };
    const char      *at[] = { "entity", "mention", project.path, duplicate,   project.second,
                              "0",      "0",       "--status",   "confirmed", NULL };
    g_autofree char *end = NULL;
    g_autoptr (JsonNode) doc = cli_run_json (fixture, "show", project.path, project.second, NULL);
    const char *text = json_object_get_string_member (json_node_get_object (doc), "text");
    const char *found = strstr (text, "Governor Seitov");

    g_assert_nonnull (found);
    start = g_strdup_printf ("%ld", g_utf8_pointer_to_offset (text, found));
    end = g_strdup_printf ("%ld", g_utf8_pointer_to_offset (text, found) + 15);
    at[5] = start;
    at[6] = end;
    g_free (run_id (fixture, link));
    mention = run_id (fixture, at);
  }

  /* Merge the duplicate: its name becomes an alias, its claim and mention
   * move over. */
  g_free (cli_run_ok (fixture, "entity", "merge", project.path, duplicate, seitov, NULL));
  list = cli_run_json (fixture, "entity", "list", project.path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 1);
  shown = cli_run_json (fixture, "entity", "show", project.path, seitov, NULL);
  entity = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (entity, "name"), ==, "Arman Seitov");
  g_assert_cmpstr (json_object_get_string_member (entity, "external_id"), ==, "Q4242");
  g_assert_cmpint (json_object_get_int_member (entity, "claims"), ==, 2);
  aliases = json_object_get_array_member (entity, "aliases");
  g_assert_cmpuint (json_array_get_length (aliases), ==, 2);
  links = json_object_get_array_member (entity, "claim_links");
  g_assert_cmpuint (json_array_get_length (links), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entity, "mentions")), ==,
                    1);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (entity, "mentions"), 0),
          "text"),
      ==, "Governor Seitov");

  /* The claims list names the entity with its role. */
  claims = cli_run_json (fixture, "claim", "list", project.path, project.first, NULL);
  {
    JsonArray  *named = json_object_get_array_member (cli_json_element (claims, 0), "entities");
    JsonObject *link;

    g_assert_cmpuint (json_array_get_length (named), ==, 1);
    link = json_array_get_object_element (named, 0);
    g_assert_cmpstr (json_object_get_string_member (link, "entity_id"), ==, seitov);
    g_assert_cmpstr (json_object_get_string_member (link, "role"), ==, "speaker");
  }

  /* Undoing the merge brings the duplicate back. */
  g_free (cli_run_ok (fixture, "undo", project.path, NULL));
  g_clear_pointer (&list, json_node_unref);
  list = cli_run_json (fixture, "entity", "list", project.path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 2);
}

static void
test_events (CliFixture *fixture, gconstpointer data)
{
  g_auto (Project) project = { 0 };
  g_autofree char *twelve = NULL;
  g_autofree char *nine = NULL;
  g_autofree char *dawn = NULL;
  g_autofree char *event = NULL;
  g_autofree char *deaths = NULL;
  g_autoptr (JsonNode) shown = NULL;
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (CliRun) bad = NULL;
  JsonObject *object;
  JsonArray  *accounts;

  make_project (fixture, &project);
  twelve = add_claim (fixture, project.path, project.first, "twelve people died");
  nine = add_claim (fixture, project.path, project.second, "nine people died");
  dawn = add_claim (fixture, project.path, project.second, "gave way at dawn");
  {
    const char *add[] = { "event",   "add",        project.path, "Ilmet dam breach",
                          "--start", "2026-03-03", "--place",    "Ilmet",
                          NULL };
    const char *facet[] = { "event", "facet", project.path, "Ilmet dam breach", "Deaths", NULL };
    const char *time[] = { "event", "facet", project.path, "Ilmet dam breach", "Time", NULL };
    const char *link_twelve[] = { "event",   "link",   project.path, twelve, "ilmet dam breach",
                                  "--facet", "Deaths", NULL };
    const char *link_nine[] = { "event",   "link", project.path, nine,       NULL,
                                "--facet", NULL,   "--stance",   "disputes", NULL };
    const char *link_dawn[] = { "event",   "link", project.path, dawn,      NULL,
                                "--facet", "Time", "--stance",   "partial", NULL };

    event = run_id (fixture, add);
    deaths = run_id (fixture, facet);
    g_free (run_id (fixture, time));
    g_free (run_id (fixture, link_twelve));
    /* By identifier prefixes this time. */
    link_nine[4] = link_dawn[4] = g_strndup (event, 8);
    link_nine[6] = deaths;
    g_free (run_id (fixture, link_nine));
    g_free (run_id (fixture, link_dawn));
    g_free ((char *) link_nine[4]);
  }

  list = cli_run_json (fixture, "event", "list", project.path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 1);
  object = cli_json_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "date_start"), ==, "2026-03-03");
  g_assert_cmpint (json_object_get_int_member (object, "claims"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "documents"), ==, 2);

  shown = cli_run_json (fixture, "event", "show", project.path, event, NULL);
  object = json_node_get_object (shown);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "facets")), ==, 2);
  accounts = json_object_get_array_member (object, "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      const char *claim = json_object_get_string_member (account, "claim_id");
      const char *stance = json_object_get_string_member (account, "stance");
      const char *facet = json_object_get_string_member (account, "facet");

      if (g_str_equal (claim, twelve))
        {
          g_assert_cmpstr (stance, ==, "supports");
          g_assert_cmpstr (facet, ==, "Deaths");
        }
      else if (g_str_equal (claim, nine))
        {
          g_assert_cmpstr (stance, ==, "disputes");
          g_assert_cmpstr (facet, ==, "Deaths");
          g_assert_cmpstr (json_object_get_string_member (account, "document_id"), ==,
                           project.second);
        }
      else
        {
          g_assert_cmpstr (claim, ==, dawn);
          g_assert_cmpstr (stance, ==, "partial");
          g_assert_cmpstr (facet, ==, "Time");
        }
    }

  bad = cli_run (fixture, "event", "link", project.path, twelve, event, "--stance", "maybe", NULL);
  g_assert_cmpint (bad->status, ==, 1);
  g_assert_true (g_str_has_prefix (bad->err, "corroborate-cli: "));

  /* Deleting the claim takes it out of the event; undo puts it back. */
  g_free (cli_run_ok (fixture, "claim", "delete", project.path, nine, NULL));
  g_clear_pointer (&shown, json_node_unref);
  shown = cli_run_json (fixture, "event", "show", project.path, event, NULL);
  accounts = json_object_get_array_member (json_node_get_object (shown), "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  g_free (cli_run_ok (fixture, "undo", project.path, NULL));
  g_clear_pointer (&shown, json_node_unref);
  shown = cli_run_json (fixture, "event", "show", project.path, event, NULL);
  accounts = json_object_get_array_member (json_node_get_object (shown), "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func)                                                                            \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)
  ADD ("/crb/cli/tag/add-apply-merge-delete", test_tags);
  ADD ("/crb/cli/entity/add-alias-link-mention-merge", test_entities);
  ADD ("/crb/cli/event/add-facet-link-stance", test_events);
#undef ADD

  return g_test_run ();
}
