/* crb-cli-tag.c: the codebook — tag add, list, apply, remove, merge, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-claim.h"
#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-edit.h"
#include "crb-tag.h"

static void
add_tag_members (JsonBuilder *builder, CrbTag *tag)
{
  crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (tag)));
  crb_cli_json_string (builder, "name", crb_tag_get_name (tag));
  crb_cli_json_string (builder, "color", crb_tag_get_color (tag));
  crb_cli_json_string (builder, "parent_id", crb_tag_get_parent_uuid (tag));
  crb_cli_json_string (builder, "description", crb_tag_get_description (tag));
  crb_cli_json_int (builder, "depth", crb_tag_get_depth (tag));
  crb_cli_json_int (builder, "claims", crb_tag_get_claim_count (tag));
}

static int
tag_add (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbTag) tag = NULL;
  g_autoptr (CrbTag) parent = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *color = NULL;
  g_autofree char   *parent_id = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, "The tag's colour, as #rrggbb", "COLOUR" },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent_id,
      "Put the tag under another (its identifier or name)", "TAG" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the new tag as a JSON object", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("tag add", "FILE NAME",
                              "Adds a tag to the project's codebook and prints its identifier.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The name", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (parent_id && !(parent = crb_project_find_tag (project, parent_id, &error)))
    return crb_cli_fail (error);
  tag = crb_project_add_tag (project, argv[2], color,
                             parent ? crb_record_get_uuid (CRB_RECORD (parent)) : NULL, &error);
  if (tag == NULL)
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_tag_members (builder, tag);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
    }
  else
    printf ("%s\n", crb_record_get_uuid (CRB_RECORD (tag)));
  return CRB_CLI_EXIT_OK;
}

static int
tag_list (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON array of tags", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("tag list", "FILE",
                              "Lists the codebook as a tree: each tag under its parent, with the "
                              "number of claims it marks.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(tags = crb_project_list_tags (project, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < tags->len; i++)
        {
          json_builder_begin_object (builder);
          add_tag_members (builder, g_ptr_array_index (tags, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      crb_cli_print_builder (builder);
    }
  else
    {
      g_autoptr (CrbCliTable) table = crb_cli_table_new ("ID", "CLAIMS", "COLOUR", "TAG", NULL);

      for (guint i = 0; i < tags->len; i++)
        {
          CrbTag          *tag = g_ptr_array_index (tags, i);
          g_autofree char *id = crb_cli_short_id (crb_record_get_uuid (CRB_RECORD (tag)));
          g_autofree char *claims = g_strdup_printf ("%u", crb_tag_get_claim_count (tag));
          g_autofree char *indent = g_strnfill (crb_tag_get_depth (tag) * 2, ' ');
          g_autofree char *name = g_strconcat (indent, crb_tag_get_name (tag), NULL);

          crb_cli_table_add_row (table, id, claims, crb_tag_get_color (tag), name);
        }
      if (crb_cli_table_get_rows (table) > 0)
        crb_cli_table_print (table);
    }
  return CRB_CLI_EXIT_OK;
}

static int
tag_apply_or_remove (gboolean apply, int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  gboolean done;

  if (!crb_cli_parse_options (apply ? "tag apply" : "tag remove", "FILE CLAIM-ID TAG",
                              apply ? "Marks a claim with a tag (given by identifier or name)."
                                    : "Takes a tag off a claim.",
                              NULL, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The claim identifier", argv[2]) ||
      !crb_cli_check_text ("The tag", argv[3]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  done = apply ? crb_project_tag_claim (project, argv[2], argv[3], &error)
               : crb_project_untag_claim (project, argv[2], argv[3], &error);
  return done ? CRB_CLI_EXIT_OK : crb_cli_fail (error);
}

static int
tag_apply (int argc, char **argv)
{
  return tag_apply_or_remove (TRUE, argc, argv);
}

static int
tag_remove (int argc, char **argv)
{
  return tag_apply_or_remove (FALSE, argc, argv);
}

static int
tag_merge (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;

  if (!crb_cli_parse_options ("tag merge", "FILE FROM INTO",
                              "Folds the tag FROM into INTO: FROM's claims get INTO, its sub-tags "
                              "move under INTO, and FROM is deleted.",
                              NULL, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The tag", argv[2]) || !crb_cli_check_text ("The tag", argv[3]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!crb_project_merge_tags (project, argv[2], argv[3], &error))
    return crb_cli_fail (error);
  return CRB_CLI_EXIT_OK;
}

static int
tag_delete (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbTag) tag = NULL;
  g_autoptr (GError) error = NULL;

  if (!crb_cli_parse_options ("tag delete", "FILE TAG",
                              "Deletes a tag with its sub-tags and takes it off its claims.", NULL,
                              2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The tag", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(tag = crb_project_find_tag (project, argv[2], &error)) ||
      !crb_project_delete_record (project, "tag", crb_record_get_uuid (CRB_RECORD (tag)), &error))
    return crb_cli_fail (error);
  return CRB_CLI_EXIT_OK;
}

static const CrbCliVerb tag_verbs[] = {
  { "add", tag_add, "FILE NAME", "Add a tag to the codebook" },
  { "list", tag_list, "FILE", "Show the codebook" },
  { "apply", tag_apply, "FILE CLAIM-ID TAG", "Mark a claim with a tag" },
  { "remove", tag_remove, "FILE CLAIM-ID TAG", "Take a tag off a claim" },
  { "merge", tag_merge, "FILE FROM INTO", "Fold one tag into another" },
  { "delete", tag_delete, "FILE TAG", "Delete a tag" },
  { NULL },
};

int
crb_cli_tag (int argc, char **argv)
{
  return crb_cli_dispatch ("tag", "The codebook: hierarchical, coloured tags for claims.",
                           tag_verbs, argc, argv);
}
