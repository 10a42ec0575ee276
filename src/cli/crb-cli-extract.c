/* crb-cli-extract.c: corroborate-cli extract — what import would keep of a
 * file or web page, without a project
 *
 * The same sandboxed helper and the same fetcher as import, so that
 * extraction quality measured here is the quality analysts get.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-extractor.h"
#include "crb-fetcher.h"

static gboolean
is_web_address (const char *source)
{
  return g_ascii_strncasecmp (source, "http://", 7) == 0 ||
         g_ascii_strncasecmp (source, "https://", 8) == 0;
}

static void
json_offsets (JsonBuilder *builder, const char *member, GArray *offsets)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; offsets && i < offsets->len; i++)
    json_builder_add_int_value (builder, g_array_index (offsets, guint, i));
  json_builder_end_array (builder);
}

static void
print_json (CrbExtractResult *result, const char *source, CrbFetchResult *fetched)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  crb_cli_json_string (builder, "source", source);
  crb_cli_json_string (builder, "final_url", fetched ? fetched->final_url : NULL);
  crb_cli_json_string (builder, "kind", result->kind);
  crb_cli_json_string (builder, "title", result->title);
  crb_cli_json_string (builder, "author", result->author);
  crb_cli_json_string (builder, "publisher", result->publisher);
  crb_cli_json_string (builder, "published", result->published);
  crb_cli_json_string (builder, "language", result->language);
  crb_cli_json_string (builder, "encoding", result->encoding);
  crb_cli_json_int (builder, "chars", g_utf8_strlen (result->text->str, result->text->len));
  json_offsets (builder, "pages", result->pages);
  json_offsets (builder, "paragraphs", result->paragraphs);
  crb_cli_json_strings (builder, "warnings", result->warnings);
  crb_cli_json_strings (builder, "removed", result->removed);
  crb_cli_json_string (builder, "text", result->text->str);
  json_builder_end_object (builder);
  crb_cli_print_builder (builder);
}

int
crb_cli_extract (int argc, char **argv)
{
  g_autoptr (CrbExtractor) extractor = NULL;
  g_autoptr (CrbExtractResult) result = NULL;
  g_autoptr (CrbFetchResult) fetched = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE, allow_private = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print a JSON object with the text and what was found about the source", NULL },
    { "allow-private", 0, 0, G_OPTION_ARG_NONE, &allow_private,
      "Allow web addresses on this computer or the local network", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("extract", "PATH|URL",
                              "Extracts the text of one file or web page as import would, without "
                              "a project: the text, or with --json the text, its title, author, "
                              "publisher, date and language, page and paragraph offsets, and what "
                              "was removed as boilerplate.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The file or web address", argv[1]))
    return CRB_CLI_EXIT_USAGE;

  extractor = crb_extractor_new ();
  if (is_web_address (argv[1]))
    {
      g_autoptr (CrbFetcher) fetcher = crb_fetcher_new ();

      crb_fetcher_set_allow_private (fetcher, allow_private);
      if (!(fetched = crb_fetcher_fetch (fetcher, argv[1], NULL, &error)))
        return crb_cli_fail (error);
      result = crb_extractor_extract (extractor, fetched->body, fetched->final_url,
                                      fetched->content_type, fetched->charset, NULL, &error);
    }
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[1]);

      result = crb_extractor_extract_file (extractor, file, NULL, NULL, &error);
    }
  if (result == NULL)
    return crb_cli_failf ("%s: %s", argv[1], error->message);

  if (json)
    print_json (result, argv[1], fetched);
  else
    {
      fputs (result->text->str, stdout);
      if (result->text->len > 0 && result->text->str[result->text->len - 1] != '\n')
        fputc ('\n', stdout);
      for (guint i = 0; i < result->warnings->len; i++)
        crb_cli_warnf ("%s", (char *) g_ptr_array_index (result->warnings, i));
    }
  return CRB_CLI_EXIT_OK;
}
