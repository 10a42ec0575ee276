/* crb-cli-search.c: full-text search over documents and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-search.h"

#define DEFAULT_LIMIT 20

int
crb_cli_search (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *query = NULL;
  gboolean           json = FALSE;
  int                limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print a JSON array of {document_id, title, claim_id, snippet, rank}", NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, "Show at most N results (default 20)", "N" },
    { NULL },
  };

  if (!crb_cli_parse_options ("search", "FILE QUERY…",
                              "Searches the text of the documents and the quotes and notes of "
                              "the claims, best matches first. Words match whatever their case "
                              "or accents; \"quoted words\" match a phrase, word* any word "
                              "starting so, and OR and NOT combine words. Matches are shown in "
                              "[brackets].",
                              entries, 2, G_MAXINT, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (limit < 1)
    return crb_cli_usage_error ("The limit must be at least 1.");

  /* Several words on the command line are one query, as if quoted whole
   * by the shell. */
  query = g_strjoinv (" ", argv + 2);
  if (!crb_cli_check_text ("The query", query))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(hits = crb_project_search (project, query, (guint) limit, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          CrbSearchHit    *hit = g_ptr_array_index (hits, i);
          g_autofree char *snippet = crb_search_hit_format_snippet (hit, "[", "]", FALSE);

          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "document_id", hit->document_uuid);
          crb_cli_json_string (builder, "title", hit->title);
          crb_cli_json_string (builder, "claim_id", hit->claim_uuid);
          crb_cli_json_string (builder, "snippet", snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, hit->rank);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      crb_cli_print_builder (builder);
      return CRB_CLI_EXIT_OK;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      CrbSearchHit    *hit = g_ptr_array_index (hits, i);
      g_autofree char *snippet = crb_search_hit_format_snippet (hit, "[", "]", FALSE);
      g_autofree char *line = crb_cli_one_line (snippet, 400);
      g_autofree char *document = crb_cli_short_id (hit->document_uuid);
      g_autofree char *claim = crb_cli_short_id (hit->claim_uuid);

      if (hit->claim_uuid)
        printf ("%s  %s (claim %s)\n    %s\n", document, hit->title, claim, line);
      else
        printf ("%s  %s\n    %s\n", document, hit->title, line);
    }
  if (hits->len == 0)
    fprintf (stderr, "Nothing found.\n");
  return CRB_CLI_EXIT_OK;
}
