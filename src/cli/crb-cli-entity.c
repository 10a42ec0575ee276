/* crb-cli-entity.c: people, organisations, places — entity add, list, show,
 * alias, link, mention, merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-alias.h"
#include "crb-claim-entity.h"
#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-entity.h"
#include "crb-mention.h"

static void
add_entity_members (JsonBuilder *builder, CrbEntity *entity)
{
  crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (entity)));
  crb_cli_json_string (builder, "name", crb_entity_get_name (entity));
  crb_cli_json_string (builder, "kind", crb_entity_get_kind (entity));
  crb_cli_json_string (builder, "description", crb_entity_get_description (entity));
  crb_cli_json_string (builder, "external_id", crb_entity_get_external_id (entity));
  crb_cli_json_int (builder, "claims", crb_entity_get_claim_count (entity));
}

static gboolean
add_aliases (JsonBuilder *builder, CrbProject *project, CrbEntity *entity, GError **error)
{
  g_autoptr (GPtrArray) aliases = NULL;

  aliases = crb_project_list_aliases (project, crb_record_get_uuid (CRB_RECORD (entity)), error);
  if (aliases == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < aliases->len; i++)
    {
      CrbAlias *alias = g_ptr_array_index (aliases, i);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (alias)));
      crb_cli_json_string (builder, "name", crb_alias_get_name (alias));
      crb_cli_json_string (builder, "language", crb_alias_get_language (alias));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static int
entity_add (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *kind = NULL;
  g_autofree char   *description = NULL;
  g_autofree char   *external_id = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      "person (the default), organisation, place, event or other", "KIND" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, "Who or what it is", "TEXT" },
    { "external-id", 0, 0, G_OPTION_ARG_STRING, &external_id,
      "A Wikidata identifier (Q…) or a web address", "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the new entity as a JSON object", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("entity add", "FILE NAME",
                              "Adds a person, organisation, place, event or other named thing "
                              "and prints its identifier.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The name", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  entity = crb_project_add_entity (project, kind ? kind : "person", argv[2], description,
                                   external_id, &error);
  if (entity == NULL)
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_entity_members (builder, entity);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
    }
  else
    printf ("%s\n", crb_record_get_uuid (CRB_RECORD (entity)));
  return CRB_CLI_EXIT_OK;
}

static int
entity_list (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON array of entities with aliases", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("entity list", "FILE", "Lists the entities by name.", entries, 1, 1,
                              &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(entities = crb_project_list_entities (project, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < entities->len; i++)
        {
          json_builder_begin_object (builder);
          add_entity_members (builder, g_ptr_array_index (entities, i));
          if (!add_aliases (builder, project, g_ptr_array_index (entities, i), &error))
            return crb_cli_fail (error);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      crb_cli_print_builder (builder);
    }
  else
    {
      g_autoptr (CrbCliTable) table =
          crb_cli_table_new ("ID", "KIND", "CLAIMS", "NAME", "EXTERNAL ID", NULL);

      for (guint i = 0; i < entities->len; i++)
        {
          CrbEntity       *entity = g_ptr_array_index (entities, i);
          g_autofree char *id = crb_cli_short_id (crb_record_get_uuid (CRB_RECORD (entity)));
          g_autofree char *claims = g_strdup_printf ("%u", crb_entity_get_claim_count (entity));
          g_autofree char *name = crb_cli_one_line (crb_entity_get_name (entity), 50);

          crb_cli_table_add_row (table, id, crb_entity_get_kind (entity), claims, name,
                                 crb_entity_get_external_id (entity));
        }
      if (crb_cli_table_get_rows (table) > 0)
        crb_cli_table_print (table);
    }
  return CRB_CLI_EXIT_OK;
}

static void
add_links (JsonBuilder *builder, GPtrArray *links)
{
  json_builder_set_member_name (builder, "claim_links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < links->len; i++)
    {
      CrbClaimEntity *link = g_ptr_array_index (links, i);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "link_id", crb_record_get_uuid (CRB_RECORD (link)));
      crb_cli_json_string (builder, "claim_id", crb_claim_entity_get_claim_uuid (link));
      crb_cli_json_string (builder, "role", crb_claim_entity_get_role (link));
      crb_cli_json_string (builder, "document_id", crb_claim_entity_get_document_uuid (link));
      crb_cli_json_string (builder, "quote", crb_claim_entity_get_exact (link));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_mentions (JsonBuilder *builder, GPtrArray *mentions)
{
  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      CrbMention *mention = g_ptr_array_index (mentions, i);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (mention)));
      crb_cli_json_string (builder, "document_id", crb_mention_get_document_uuid (mention));
      crb_cli_json_int (builder, "start", crb_mention_get_start (mention));
      crb_cli_json_int (builder, "end", crb_mention_get_end (mention));
      crb_cli_json_string (builder, "text", crb_mention_get_exact (mention));
      crb_cli_json_string (builder, "status", crb_mention_get_status (mention));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
entity_show (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON object", NULL },
    { NULL },
  };
  const char *uuid;

  if (!crb_cli_parse_options ("entity show", "FILE ENTITY",
                              "Shows an entity (by identifier, name or alias) with its aliases, "
                              "the claims that name it and its mentions in documents.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The entity", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(entity = crb_project_find_entity (project, argv[2], &error)))
    return crb_cli_fail (error);
  uuid = crb_record_get_uuid (CRB_RECORD (entity));
  if (!(links = crb_project_list_entity_claims (project, uuid, &error)) ||
      !(mentions = crb_project_list_mentions (project, NULL, uuid, &error)))
    return crb_cli_fail (error);

  json_builder_begin_object (builder);
  add_entity_members (builder, entity);
  if (!add_aliases (builder, project, entity, &error))
    return crb_cli_fail (error);
  add_links (builder, links);
  add_mentions (builder, mentions);
  json_builder_end_object (builder);
  if (json)
    {
      crb_cli_print_builder (builder);
      return CRB_CLI_EXIT_OK;
    }

  printf ("%s (%s)\n%s\n", crb_entity_get_name (entity), crb_entity_get_kind (entity), uuid);
  if (crb_entity_get_external_id (entity))
    printf ("External ID: %s\n", crb_entity_get_external_id (entity));
  if (crb_entity_get_description (entity) && *crb_entity_get_description (entity))
    printf ("\n%s\n", crb_entity_get_description (entity));
  for (guint i = 0; i < links->len; i++)
    {
      CrbClaimEntity  *link = g_ptr_array_index (links, i);
      g_autofree char *claim = crb_cli_short_id (crb_claim_entity_get_claim_uuid (link));
      g_autofree char *quote = crb_cli_one_line (crb_claim_entity_get_exact (link), 70);

      printf ("%s  claim %s  %s: “%s”\n", i == 0 ? "\nClaims:\n" : "", claim,
              crb_claim_entity_get_role (link), quote);
    }
  for (guint i = 0; i < mentions->len; i++)
    {
      CrbMention      *mention = g_ptr_array_index (mentions, i);
      g_autofree char *document = crb_cli_short_id (crb_mention_get_document_uuid (mention));

      printf ("%s  document %s  %u–%u  %s: “%s”\n", i == 0 ? "\nMentions:\n" : "", document,
              crb_mention_get_start (mention), crb_mention_get_end (mention),
              crb_mention_get_status (mention), crb_mention_get_exact (mention));
    }
  return CRB_CLI_EXIT_OK;
}

static int
entity_alias (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbAlias) alias = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *language = NULL;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, "The alias's language, e.g. ru or ru-Latn",
      "TAG" },
    { NULL },
  };

  if (!crb_cli_parse_options ("entity alias", "FILE ENTITY NAME",
                              "Gives an entity another name (a spelling, transliteration or "
                              "nickname) and prints the alias's identifier.",
                              entries, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The entity", argv[2]) || !crb_cli_check_text ("The alias", argv[3]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(alias = crb_project_add_alias (project, argv[2], argv[3], language, &error)))
    return crb_cli_fail (error);
  printf ("%s\n", crb_record_get_uuid (CRB_RECORD (alias)));
  return CRB_CLI_EXIT_OK;
}

static int
entity_link (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbClaimEntity) link = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *role = NULL;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      "subject, object, mentioned (the default), location or speaker", "ROLE" },
    { NULL },
  };

  if (!crb_cli_parse_options ("entity link", "FILE CLAIM-ID ENTITY",
                              "Links a claim to an entity in a role and prints the link's "
                              "identifier.",
                              entries, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The claim identifier", argv[2]) ||
      !crb_cli_check_text ("The entity", argv[3]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  link =
      crb_project_link_claim_entity (project, argv[2], argv[3], role ? role : "mentioned", &error);
  if (link == NULL)
    return crb_cli_fail (error);
  printf ("%s\n", crb_record_get_uuid (CRB_RECORD (link)));
  return CRB_CLI_EXIT_OK;
}

static int
entity_mention (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbMention) mention = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *status = NULL;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      "suggested (the default), confirmed or rejected", "STATUS" },
    { NULL },
  };
  guint start, end;

  if (!crb_cli_parse_options ("entity mention", "FILE ENTITY DOC-ID START END",
                              "Records that a document names an entity between START and END "
                              "(in characters from the beginning of its text) and prints the "
                              "mention's identifier.",
                              entries, 5, 5, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The entity", argv[2]) ||
      !crb_cli_check_text ("The document identifier", argv[3]) ||
      !crb_cli_parse_uint ("START", argv[4], 0, G_MAXINT32, &start) ||
      !crb_cli_parse_uint ("END", argv[5], 0, G_MAXINT32, &end))
    return CRB_CLI_EXIT_USAGE;
  if (end <= start)
    return crb_cli_usage_error ("END must be after START.");

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  mention = crb_project_add_mention (project, argv[2], argv[3], start, end, status, &error);
  if (mention == NULL)
    return crb_cli_fail (error);
  printf ("%s\n", crb_record_get_uuid (CRB_RECORD (mention)));
  return CRB_CLI_EXIT_OK;
}

static int
entity_merge (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;

  if (!crb_cli_parse_options ("entity merge", "FILE FROM INTO",
                              "Folds the duplicate entity FROM into INTO: its aliases, claims and "
                              "mentions move over, its name becomes an alias, and FROM is "
                              "deleted.",
                              NULL, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The entity", argv[2]) || !crb_cli_check_text ("The entity", argv[3]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!crb_project_merge_entities (project, argv[2], argv[3], &error))
    return crb_cli_fail (error);
  return CRB_CLI_EXIT_OK;
}

static const CrbCliVerb entity_verbs[] = {
  { "add", entity_add, "FILE NAME", "Add a person, organisation, place…" },
  { "list", entity_list, "FILE", "List the entities" },
  { "show", entity_show, "FILE ENTITY", "Show an entity with its claims and mentions" },
  { "alias", entity_alias, "FILE ENTITY NAME", "Give an entity another name" },
  { "link", entity_link, "FILE CLAIM-ID ENTITY", "Link a claim to an entity (--role)" },
  { "mention", entity_mention, "FILE ENTITY DOC-ID START END", "Record a mention in a text" },
  { "merge", entity_merge, "FILE FROM INTO", "Fold a duplicate into another entity" },
  { "mentions", crb_cli_entity_mentions, "FILE [ENTITY]", "List (--detect: find) mentions" },
  { "suggest", crb_cli_entity_suggest, "FILE", "Suggest aliases and new entities" },
  { NULL },
};

int
crb_cli_entity (int argc, char **argv)
{
  return crb_cli_dispatch ("entity", "People, organisations, places and other named things.",
                           entity_verbs, argc, argv);
}
