/* crb-cli-claim.c: claims, highlights and questions — add, list, edit,
 * delete, move
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-claim.h"
#include "crb-claim-entity.h"
#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-tag.h"

static void
add_claim_members (JsonBuilder *builder, CrbClaim *claim)
{
  CrbRecord *record = CRB_RECORD (claim);

  crb_cli_json_string (builder, "id", crb_record_get_uuid (record));
  crb_cli_json_string (builder, "document_id", crb_claim_get_document_uuid (claim));
  crb_cli_json_string (builder, "revision_id", crb_claim_get_revision_uuid (claim));
  crb_cli_json_int (builder, "start", crb_claim_get_start (claim));
  crb_cli_json_int (builder, "end", crb_claim_get_end (claim));
  crb_cli_json_string (builder, "quote", crb_claim_get_exact (claim));
  crb_cli_json_string (builder, "prefix", crb_claim_get_prefix (claim));
  crb_cli_json_string (builder, "suffix", crb_claim_get_suffix (claim));
  crb_cli_json_string (builder, "anchor", crb_claim_get_anchor_status (claim));
  crb_cli_json_string (builder, "kind", crb_claim_get_kind (claim));
  crb_cli_json_string (builder, "note", crb_claim_get_note (claim));
  json_builder_set_member_name (builder, "credibility");
  if (crb_claim_get_credibility (claim) > 0)
    json_builder_add_int_value (builder, crb_claim_get_credibility (claim));
  else
    json_builder_add_null_value (builder);
  crb_cli_json_bool (builder, "private", crb_claim_get_private (claim));
  crb_cli_json_string (builder, "author", crb_record_get_author (record));
  crb_cli_json_time (builder, "created", crb_record_get_created_at (record));
  crb_cli_json_time (builder, "modified", crb_record_get_modified_at (record));
  crb_cli_json_string (builder, "modified_by", crb_claim_get_modified_by (claim));
}

/* What hangs from a claim: its tags and the entities it names. */
static gboolean
add_claim_links (JsonBuilder *builder, CrbProject *project, CrbClaim *claim, GError **error)
{
  const char *uuid = crb_record_get_uuid (CRB_RECORD (claim));
  g_autoptr (GPtrArray) tags = crb_project_list_claim_tags (project, uuid, error);
  g_autoptr (GPtrArray) entities = NULL;

  if (tags == NULL || !(entities = crb_project_list_claim_entities (project, uuid, error)))
    return FALSE;

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tags->len; i++)
    {
      CrbTag *tag = g_ptr_array_index (tags, i);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (tag)));
      crb_cli_json_string (builder, "name", crb_tag_get_name (tag));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entities->len; i++)
    {
      CrbClaimEntity *link = g_ptr_array_index (entities, i);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "link_id", crb_record_get_uuid (CRB_RECORD (link)));
      crb_cli_json_string (builder, "entity_id", crb_claim_entity_get_entity_uuid (link));
      crb_cli_json_string (builder, "name", crb_claim_entity_get_entity_name (link));
      crb_cli_json_string (builder, "role", crb_claim_entity_get_role (link));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static int
claim_add (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *quote = NULL;
  g_autofree char   *note = NULL;
  g_autofree char   *kind = NULL;
  gboolean           json = FALSE;
  int                occurrence = 1;
  int                start = -1, end = -1;
  const GOptionEntry entries[] = {
    { "quote", 'q', 0, G_OPTION_ARG_STRING, &quote,
      "The passage, as it reads in the text (any run of white space matches any other)", "TEXT" },
    { "occurrence", 0, 0, G_OPTION_ARG_INT, &occurrence,
      "Which appearance of the quote to take when it occurs more than once (default 1)", "N" },
    { "start", 0, 0, G_OPTION_ARG_INT, &start,
      "Instead of a quote: where the passage starts, in characters from the beginning", "N" },
    { "end", 0, 0, G_OPTION_ARG_INT, &end, "Instead of a quote: where the passage ends (exclusive)",
      "N" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "A note on the claim", "TEXT" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, "claim (the default), highlight or question",
      "KIND" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the new claim as a JSON object", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("claim add", "FILE DOC-ID",
                              "Marks a passage of a document as a claim, highlight or question "
                              "and prints the new claim's identifier. Give the passage with "
                              "--quote, or with --start and --end.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The document identifier", argv[2]))
    return CRB_CLI_EXIT_USAGE;
  if ((quote == NULL) == (start < 0 && end < 0))
    return crb_cli_usage_error ("Give the passage either with --quote or with --start and --end.");
  if (quote == NULL && (start < 0 || end <= start))
    return crb_cli_usage_error ("--start and --end must be given together, with start < end.");
  if (occurrence < 1)
    return crb_cli_usage_error ("--occurrence counts from 1.");

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (quote)
    claim = crb_project_add_claim_by_quote (project, argv[2], quote, (guint) occurrence, kind, note,
                                            &error);
  else
    claim =
        crb_project_add_claim (project, argv[2], (guint) start, (guint) end, kind, note, &error);
  if (claim == NULL)
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_claim_members (builder, claim);
      if (!add_claim_links (builder, project, claim, &error))
        return crb_cli_fail (error);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
    }
  else
    printf ("%s\n", crb_record_get_uuid (CRB_RECORD (claim)));
  return CRB_CLI_EXIT_OK;
}

static int
claim_list (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbDocument) document = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON array of claims", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("claim list", "FILE [DOC-ID]",
                              "Lists the claims of one document, or of every document, in the "
                              "order of the text.",
                              entries, 1, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (argc > 2 && !crb_cli_check_text ("The document identifier", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (argc > 2 && !(document = crb_project_find_document (project, argv[2], &error)))
    return crb_cli_fail (error);
  claims = crb_project_list_claims (
      project, document ? crb_record_get_uuid (CRB_RECORD (document)) : NULL, &error);
  if (claims == NULL)
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < claims->len; i++)
        {
          json_builder_begin_object (builder);
          add_claim_members (builder, g_ptr_array_index (claims, i));
          if (!add_claim_links (builder, project, g_ptr_array_index (claims, i), &error))
            return crb_cli_fail (error);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      crb_cli_print_builder (builder);
    }
  else
    {
      g_autoptr (CrbCliTable) table =
          crb_cli_table_new ("ID", "DOCUMENT", "KIND", "CRED", "ANCHOR", "QUOTE", "NOTE", NULL);

      for (guint i = 0; i < claims->len; i++)
        {
          CrbClaim        *claim = g_ptr_array_index (claims, i);
          g_autofree char *id = crb_cli_short_id (crb_record_get_uuid (CRB_RECORD (claim)));
          g_autofree char *doc = crb_cli_short_id (crb_claim_get_document_uuid (claim));
          g_autofree char *credibility =
              crb_claim_get_credibility (claim) > 0
                  ? g_strdup_printf ("%u", crb_claim_get_credibility (claim))
                  : NULL;
          g_autofree char *quote = crb_cli_one_line (crb_claim_get_exact (claim), 50);
          g_autofree char *note = crb_cli_one_line (crb_claim_get_note (claim), 40);

          crb_cli_table_add_row (table, id, doc, crb_claim_get_kind (claim), credibility,
                                 crb_claim_get_anchor_status (claim), quote, note);
        }
      if (crb_cli_table_get_rows (table) > 0)
        crb_cli_table_print (table);
    }
  return CRB_CLI_EXIT_OK;
}

/* The claim's full UUID, for the edits that take no prefix. */
static char *
resolve_claim (CrbProject *project, const char *id, GError **error)
{
  g_autoptr (CrbClaim) claim = crb_project_find_claim (project, id, error);

  return claim ? g_strdup (crb_record_get_uuid (CRB_RECORD (claim))) : NULL;
}

static int
claim_edit (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *note = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *credibility = NULL;
  g_autofree char *private = NULL;
  const char        *private_value = NULL;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "Replace the note (\"\" clears it)", "TEXT" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, "claim, highlight or question", "KIND" },
    { "credibility", 0, 0, G_OPTION_ARG_STRING, &credibility,
      "Admiralty credibility: 1 (confirmed) … 5 (improbable), 6 (cannot be judged), or none",
      "1-6" },
    { "private", 0, 0, G_OPTION_ARG_STRING, &private,
      "yes: leave the note out of copies made with --drop-private", "yes|no" },
    { NULL },
  };
  const char *fields[5], *values[5];
  guint       n_changes = 0;

  if (!crb_cli_parse_options ("claim edit", "FILE CLAIM-ID",
                              "Changes a claim's note, kind, credibility or privacy. Each change "
                              "is one step for undo.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The claim identifier", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (credibility && !g_str_equal (credibility, "none"))
    {
      guint grade;

      if (!crb_cli_parse_uint ("The credibility", credibility, 1, 6, &grade))
        return CRB_CLI_EXIT_USAGE;
    }
  if (private && (g_str_equal (private, "yes") || g_str_equal (private, "true")))
    private_value = "1";
  else if (private && (g_str_equal (private, "no") || g_str_equal (private, "false")))
    private_value = "0";
  else if (private)
    return crb_cli_usage_error ("--private takes yes or no, not “%s”.", private);

  /* Changes in a fixed order: note, kind, credibility (NULL clears it),
   * privacy. */
  values[n_changes] = note;
  fields[n_changes] = "note";
  n_changes += note != NULL;
  values[n_changes] = kind;
  fields[n_changes] = "kind";
  n_changes += kind != NULL;
  values[n_changes] = g_strcmp0 (credibility, "none") == 0 ? NULL : credibility;
  fields[n_changes] = "credibility";
  n_changes += credibility != NULL;
  values[n_changes] = private_value;
  fields[n_changes] = "private";
  n_changes += private_value != NULL;
  if (n_changes == 0)
    return crb_cli_usage_error ("Say what to change: --note, --kind, --credibility or --private.");

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(uuid = resolve_claim (project, argv[2], &error)))
    return crb_cli_fail (error);
  for (guint i = 0; i < n_changes; i++)
    if (!crb_project_set_field (project, "claim", uuid, fields[i], values[i], &error))
      return crb_cli_fail (error);
  return CRB_CLI_EXIT_OK;
}

static int
claim_delete (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (!crb_cli_parse_options ("claim delete", "FILE CLAIM-ID",
                              "Deletes a claim with its tags, entity links and event links (undo "
                              "brings them back).",
                              NULL, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The claim identifier", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(uuid = resolve_claim (project, argv[2], &error)) ||
      !crb_project_delete_record (project, "claim", uuid, &error))
    return crb_cli_fail (error);
  return CRB_CLI_EXIT_OK;
}

static int
claim_move (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  guint            start, end;

  if (!crb_cli_parse_options ("claim move", "FILE CLAIM-ID START END",
                              "Moves a claim's boundaries to START and END (in characters from "
                              "the beginning of the text, END exclusive); the quote follows.",
                              NULL, 4, 4, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The claim identifier", argv[2]) ||
      !crb_cli_parse_uint ("START", argv[3], 0, G_MAXINT32, &start) ||
      !crb_cli_parse_uint ("END", argv[4], 0, G_MAXINT32, &end))
    return CRB_CLI_EXIT_USAGE;
  if (end <= start)
    return crb_cli_usage_error ("END must be after START.");

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(uuid = resolve_claim (project, argv[2], &error)) ||
      !crb_project_move_claim (project, uuid, start, end, &error))
    return crb_cli_fail (error);
  return CRB_CLI_EXIT_OK;
}

static const CrbCliVerb claim_verbs[] = {
  { "add", claim_add, "FILE DOC-ID --quote TEXT", "Mark a passage as a claim" },
  { "list", claim_list, "FILE [DOC-ID]", "List claims" },
  { "edit", claim_edit, "FILE CLAIM-ID", "Change a claim's note, kind, credibility, privacy" },
  { "delete", claim_delete, "FILE CLAIM-ID", "Delete a claim" },
  { "move", claim_move, "FILE CLAIM-ID START END", "Move a claim's boundaries" },
  { NULL },
};

int
crb_cli_claim (int argc, char **argv)
{
  return crb_cli_dispatch ("claim", "Claims, highlights and questions anchored in documents.",
                           claim_verbs, argc, argv);
}
