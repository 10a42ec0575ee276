/* crb-cli-mentions.c: entity mentions detected in a source, and entities
 * suggested from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-document.h"
#include "crb-entity-suggest.h"
#include "crb-entity.h"
#include "crb-mention-detect.h"
#include "crb-mention.h"
#include "crb-record.h"

static const char *
entity_name (GHashTable *names, CrbProject *project, const char *uuid)
{
  const char *name = g_hash_table_lookup (names, uuid);

  if (name == NULL)
    {
      g_autoptr (CrbEntity) entity = crb_project_find_entity (project, uuid, NULL);

      name = entity ? crb_entity_get_name (entity) : uuid;
      g_hash_table_insert (names, g_strdup (uuid), g_strdup (name));
      name = g_hash_table_lookup (names, uuid);
    }
  return name;
}

int
crb_cli_entity_mentions (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (CrbCliTable) table =
      crb_cli_table_new ("ID", "ENTITY", "DOCUMENT", "AT", "TEXT", "STATUS", NULL);
  gboolean           json = FALSE, detect = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the mentions as a JSON array", NULL },
    { "detect", 0, 0, G_OPTION_ARG_NONE, &detect,
      "First look for every name and alias in every document and suggest new mentions", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("entity mentions", "FILE [ENTITY]",
                              "Lists where entities are named (suggested, confirmed or rejected).",
                              entries, 1, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (argc > 2 && !(entity = crb_project_find_entity (project, argv[2], &error)))
    return crb_cli_fail (error);
  if (detect)
    {
      guint added = 0;

      if (!crb_project_detect_mentions (project, argc > 2 ? argv[2] : NULL, NULL, &added, &error))
        return crb_cli_fail (error);
      fprintf (stderr, "%u new mention%s suggested.\n", added, added == 1 ? "" : "s");
    }
  if (!(mentions = crb_project_list_mentions (
            project, NULL, entity ? crb_record_get_uuid (CRB_RECORD (entity)) : NULL, &error)))
    return crb_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      CrbMention *mention = g_ptr_array_index (mentions, i);
      const char *name = entity_name (names, project, crb_mention_get_entity_uuid (mention));

      if (json)
        {
          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (mention)));
          crb_cli_json_string (builder, "entity_id", crb_mention_get_entity_uuid (mention));
          crb_cli_json_string (builder, "entity", name);
          crb_cli_json_string (builder, "document_id", crb_mention_get_document_uuid (mention));
          crb_cli_json_int (builder, "start", crb_mention_get_start (mention));
          crb_cli_json_int (builder, "end", crb_mention_get_end (mention));
          crb_cli_json_string (builder, "text", crb_mention_get_exact (mention));
          crb_cli_json_string (builder, "status", crb_mention_get_status (mention));
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *id = crb_cli_short_id (crb_record_get_uuid (CRB_RECORD (mention)));
          g_autofree char *document = crb_cli_short_id (crb_mention_get_document_uuid (mention));
          g_autofree char *at = g_strdup_printf ("%u", crb_mention_get_start (mention));
          g_autofree char *text = crb_cli_one_line (crb_mention_get_exact (mention), 40);

          crb_cli_table_add_row (table, id, name, document, at, text,
                                 crb_mention_get_status (mention));
        }
    }
  json_builder_end_array (builder);
  if (json)
    crb_cli_print_builder (builder);
  else if (crb_cli_table_get_rows (table) > 0)
    crb_cli_table_print (table);
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_entity_suggest (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) aliases = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  int                min_documents = 2;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the suggestions as a JSON object", NULL },
    { "min-documents", 0, 0, G_OPTION_ARG_INT, &min_documents,
      "New entities must recur in this many documents (2)", "N" },
    { NULL },
  };

  if (!crb_cli_parse_options ("entity suggest", "FILE",
                              "Suggests aliases (other spellings of known names found in the "
                              "documents) and new entities (names that recur across sources).",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (min_documents < 1)
    return crb_cli_usage_error ("--min-documents must be at least 1.");
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(aliases = crb_project_suggest_aliases (project, NULL, &error)) ||
      !(entities = crb_project_suggest_entities (project, min_documents, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint i = 0; i < aliases->len; i++)
        {
          const CrbAliasSuggestion *suggestion = g_ptr_array_index (aliases, i);

          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "entity_id", suggestion->entity_uuid);
          crb_cli_json_string (builder, "entity", suggestion->entity_name);
          crb_cli_json_string (builder, "matches", suggestion->matched_name);
          crb_cli_json_string (builder, "variant", suggestion->variant);
          crb_cli_json_double (builder, "score", suggestion->score);
          crb_cli_json_int (builder, "occurrences", suggestion->n_occurrences);
          crb_cli_json_strings (builder, "documents", suggestion->documents);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "entities");
      json_builder_begin_array (builder);
      for (guint i = 0; i < entities->len; i++)
        {
          const CrbEntityCandidate *candidate = g_ptr_array_index (entities, i);

          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "name", candidate->name);
          crb_cli_json_int (builder, "documents", candidate->n_documents);
          crb_cli_json_int (builder, "occurrences", candidate->n_occurrences);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
      return CRB_CLI_EXIT_OK;
    }

  printf ("Aliases:\n");
  for (guint i = 0; i < aliases->len; i++)
    {
      const CrbAliasSuggestion *suggestion = g_ptr_array_index (aliases, i);

      printf ("  %s → %s  (%.2f, %u document%s)\n", suggestion->variant, suggestion->entity_name,
              suggestion->score, suggestion->documents->len,
              suggestion->documents->len == 1 ? "" : "s");
    }
  printf ("New entities:\n");
  for (guint i = 0; i < entities->len; i++)
    {
      const CrbEntityCandidate *candidate = g_ptr_array_index (entities, i);

      printf ("  %s  (%u documents, %u times)\n", candidate->name, candidate->n_documents,
              candidate->n_occurrences);
    }
  return CRB_CLI_EXIT_OK;
}
