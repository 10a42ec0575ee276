/* crb-cli-event.c: events and their accounts — event add, list, show,
 * facet, link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"

static void
add_event_members (JsonBuilder *builder, CrbEvent *event)
{
  crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (event)));
  crb_cli_json_string (builder, "title", crb_event_get_title (event));
  crb_cli_json_string (builder, "date_start", crb_event_get_date_start (event));
  crb_cli_json_string (builder, "date_end", crb_event_get_date_end (event));
  crb_cli_json_string (builder, "place", crb_event_get_place (event));
  crb_cli_json_string (builder, "description", crb_event_get_description (event));
  crb_cli_json_int (builder, "claims", crb_event_get_claim_count (event));
  crb_cli_json_int (builder, "documents", crb_event_get_document_count (event));
}

static int
event_add (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *date_start = NULL;
  g_autofree char   *date_end = NULL;
  g_autofree char   *place = NULL;
  g_autofree char   *description = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &date_start,
      "When it happened or began: YYYY, YYYY-MM, YYYY-MM-DD or with a time", "DATE" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &date_end, "When it ended, for a span of time", "DATE" },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, "Where it happened", "PLACE" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, "What happened", "TEXT" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the new event as a JSON object", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("event add", "FILE TITLE",
                              "Adds an event — something that happened, or is said to have — "
                              "and prints its identifier.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The title", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  event =
      crb_project_add_event (project, argv[2], date_start, date_end, place, description, &error);
  if (event == NULL)
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_event_members (builder, event);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
    }
  else
    printf ("%s\n", crb_record_get_uuid (CRB_RECORD (event)));
  return CRB_CLI_EXIT_OK;
}

static int
event_list (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON array of events", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("event list", "FILE", "Lists the events by date, then title.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(events = crb_project_list_events (project, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < events->len; i++)
        {
          json_builder_begin_object (builder);
          add_event_members (builder, g_ptr_array_index (events, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      crb_cli_print_builder (builder);
    }
  else
    {
      g_autoptr (CrbCliTable) table =
          crb_cli_table_new ("ID", "DATE", "CLAIMS", "SOURCES", "TITLE", "PLACE", NULL);

      for (guint i = 0; i < events->len; i++)
        {
          CrbEvent        *event = g_ptr_array_index (events, i);
          g_autofree char *id = crb_cli_short_id (crb_record_get_uuid (CRB_RECORD (event)));
          g_autofree char *claims = g_strdup_printf ("%u", crb_event_get_claim_count (event));
          g_autofree char *sources = g_strdup_printf ("%u", crb_event_get_document_count (event));
          g_autofree char *title = crb_cli_one_line (crb_event_get_title (event), 50);
          g_autofree char *date = crb_event_get_date_end (event)
                                      ? g_strdup_printf ("%s – %s",
                                                         crb_event_get_date_start (event)
                                                             ? crb_event_get_date_start (event)
                                                             : "",
                                                         crb_event_get_date_end (event))
                                      : g_strdup (crb_event_get_date_start (event));

          crb_cli_table_add_row (table, id, date, claims, sources, title,
                                 crb_event_get_place (event));
        }
      if (crb_cli_table_get_rows (table) > 0)
        crb_cli_table_print (table);
    }
  return CRB_CLI_EXIT_OK;
}

static void
add_facets (JsonBuilder *builder, GPtrArray *facets)
{
  json_builder_set_member_name (builder, "facets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < facets->len; i++)
    {
      CrbFacet *facet = g_ptr_array_index (facets, i);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (facet)));
      crb_cli_json_string (builder, "name", crb_facet_get_name (facet));
      crb_cli_json_int (builder, "position", crb_facet_get_position (facet));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_accounts (JsonBuilder *builder, GPtrArray *links)
{
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < links->len; i++)
    {
      CrbEventClaim *link = g_ptr_array_index (links, i);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "link_id", crb_record_get_uuid (CRB_RECORD (link)));
      crb_cli_json_string (builder, "claim_id", crb_event_claim_get_claim_uuid (link));
      crb_cli_json_string (builder, "facet_id", crb_event_claim_get_facet_uuid (link));
      crb_cli_json_string (builder, "facet", crb_event_claim_get_facet_name (link));
      crb_cli_json_string (builder, "stance", crb_event_claim_get_stance (link));
      crb_cli_json_string (builder, "document_id", crb_event_claim_get_document_uuid (link));
      crb_cli_json_string (builder, "document_title", crb_event_claim_get_document_title (link));
      crb_cli_json_string (builder, "quote", crb_event_claim_get_exact (link));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_event (CrbEvent *event, GPtrArray *facets, GPtrArray *links)
{
  printf ("%s\n%s\n", crb_event_get_title (event), crb_record_get_uuid (CRB_RECORD (event)));
  if (crb_event_get_date_start (event))
    printf ("Date: %s%s%s\n", crb_event_get_date_start (event),
            crb_event_get_date_end (event) ? " – " : "",
            crb_event_get_date_end (event) ? crb_event_get_date_end (event) : "");
  if (crb_event_get_place (event))
    printf ("Place: %s\n", crb_event_get_place (event));
  if (crb_event_get_description (event) && *crb_event_get_description (event))
    printf ("\n%s\n", crb_event_get_description (event));
  for (guint i = 0; i < facets->len; i++)
    printf ("%s  %s\n", i == 0 ? "\nFacets:\n" : "",
            crb_facet_get_name (g_ptr_array_index (facets, i)));
  for (guint i = 0; i < links->len; i++)
    {
      CrbEventClaim   *link = g_ptr_array_index (links, i);
      g_autofree char *claim = crb_cli_short_id (crb_event_claim_get_claim_uuid (link));
      g_autofree char *quote = crb_cli_one_line (crb_event_claim_get_exact (link), 60);
      const char      *facet = crb_event_claim_get_facet_name (link);

      printf ("%s  [%s] %s: %s (claim %s): “%s”\n", i == 0 ? "\nAccounts:\n" : "",
              facet ? facet : "whole event", crb_event_claim_get_stance (link),
              crb_event_claim_get_document_title (link), claim, quote);
    }
}

static int
event_show (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (GPtrArray) facets = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON object", NULL },
    { NULL },
  };
  const char *uuid;

  if (!crb_cli_parse_options ("event show", "FILE EVENT",
                              "Shows an event (by identifier or title) with its facets and the "
                              "claims that give an account of it.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The event", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(event = crb_project_find_event (project, argv[2], &error)))
    return crb_cli_fail (error);
  uuid = crb_record_get_uuid (CRB_RECORD (event));
  if (!(facets = crb_project_list_facets (project, uuid, &error)) ||
      !(links = crb_project_list_event_claims (project, uuid, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_event_members (builder, event);
      add_facets (builder, facets);
      add_accounts (builder, links);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
    }
  else
    print_event (event, facets, links);
  return CRB_CLI_EXIT_OK;
}

static int
event_facet (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbFacet) facet = NULL;
  g_autoptr (GError) error = NULL;

  if (!crb_cli_parse_options ("event facet", "FILE EVENT NAME",
                              "Adds a facet to an event — a question its accounts answer, such "
                              "as “Deaths” or “Time of the breach” — and prints its identifier.",
                              NULL, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The event", argv[2]) || !crb_cli_check_text ("The name", argv[3]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(facet = crb_project_add_facet (project, argv[2], argv[3], &error)))
    return crb_cli_fail (error);
  printf ("%s\n", crb_record_get_uuid (CRB_RECORD (facet)));
  return CRB_CLI_EXIT_OK;
}

static int
event_link (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbEventClaim) link = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *facet = NULL;
  g_autofree char   *stance = NULL;
  const GOptionEntry entries[] = {
    { "facet", 0, 0, G_OPTION_ARG_STRING, &facet,
      "The facet the claim answers (its identifier or name)", "FACET" },
    { "stance", 0, 0, G_OPTION_ARG_STRING, &stance,
      "supports (the default), disputes, partial or context", "STANCE" },
    { NULL },
  };

  if (!crb_cli_parse_options ("event link", "FILE CLAIM-ID EVENT",
                              "Counts a claim as an account of an event, optionally of one of "
                              "its facets, with a stance; prints the link's identifier. Linking "
                              "again with another stance changes it.",
                              entries, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The claim identifier", argv[2]) ||
      !crb_cli_check_text ("The event", argv[3]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  link = crb_project_link_claim_event (project, argv[2], argv[3], facet,
                                       stance ? stance : "supports", &error);
  if (link == NULL)
    return crb_cli_fail (error);
  printf ("%s\n", crb_record_get_uuid (CRB_RECORD (link)));
  return CRB_CLI_EXIT_OK;
}

static const CrbCliVerb event_verbs[] = {
  { "add", event_add, "FILE TITLE", "Add an event" },
  { "list", event_list, "FILE", "List the events" },
  { "show", event_show, "FILE EVENT", "Show an event's facets and accounts" },
  { "facet", event_facet, "FILE EVENT NAME", "Add a question the accounts answer" },
  { "link", event_link, "FILE CLAIM-ID EVENT", "Count a claim as an account (--stance, --facet)" },
  { NULL },
};

int
crb_cli_event (int argc, char **argv)
{
  return crb_cli_dispatch ("event",
                           "Events, their facets and the claims that give accounts of "
                           "them.",
                           event_verbs, argc, argv);
}
