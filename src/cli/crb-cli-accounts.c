/* crb-cli-accounts.c: the accounts grid of an event and the figures of a
 * text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-accounts.h"
#include "crb-briefing.h"
#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-document.h"
#include "crb-record.h"

static void
json_value (JsonBuilder *builder, const CrbQuantity *value, const char *text)
{
  g_autofree char *label = crb_accounts_value_label (value);

  crb_cli_json_string (builder, "text", text);
  crb_cli_json_string (builder, "kind", value->kind == CRB_QUANTITY_DATE ? "date" : "number");
  crb_cli_json_double (builder, "value", value->value);
  crb_cli_json_double (builder, "value_max", value->value_max);
  crb_cli_json_string (builder, "unit", value->unit);
  crb_cli_json_string (builder, "qualifier", crb_qualifier_to_string (value->qualifier));
  crb_cli_json_string (builder, "iso", value->kind == CRB_QUANTITY_DATE ? value->iso : NULL);
  crb_cli_json_string (builder, "label", label);
}

int
crb_cli_quantities (int argc, char **argv)
{
  g_autoptr (GArray) values = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the figures as a JSON array", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("quantities", "TEXT",
                              "Reads the figures of a text as the accounts grid does: counts, "
                              "measures, sums, dates and times of day, normalised.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The text", argv[1]))
    return CRB_CLI_EXIT_USAGE;
  values = crb_accounts_find_values (argv[1]);
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    {
      const CrbQuantity *value = &g_array_index (values, CrbQuantity, i);
      g_autofree char   *text = g_utf8_substring (argv[1], value->start, value->end);
      g_autofree char   *label = crb_accounts_value_label (value);

      if (!json)
        {
          printf ("%s\t%s\n", text, label);
          continue;
        }
      json_builder_begin_object (builder);
      crb_cli_json_int (builder, "start", value->start);
      crb_cli_json_int (builder, "end", value->end);
      json_value (builder, value, text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (json)
    crb_cli_print_builder (builder);
  return CRB_CLI_EXIT_OK;
}

static void
json_grid (JsonBuilder *builder, CrbAccountsGrid *grid)
{
  json_builder_begin_object (builder);
  crb_cli_json_string (builder, "event_id", grid->event_uuid);
  crb_cli_json_string (builder, "title", grid->title);
  crb_cli_json_string (builder, "date_start", grid->date_start);
  crb_cli_json_string (builder, "date_end", grid->date_end);
  crb_cli_json_string (builder, "place", grid->place);
  json_builder_set_member_name (builder, "facets");
  json_builder_begin_array (builder);
  for (guint f = 0; f < grid->facets->len; f++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, f);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "facet_id", facet->facet_uuid);
      crb_cli_json_string (builder, "name", facet->name);
      crb_cli_json_int (builder, "sources", facet->n_sources);
      crb_cli_json_int (builder, "independent", facet->n_independent);
      crb_cli_json_bool (builder, "disagreement", facet->disagreement);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint s = 0; s < grid->sources->len; s++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "document_id", source->document_uuid);
      crb_cli_json_string (builder, "title", source->title);
      crb_cli_json_string (builder, "published_at", source->published_at);
      crb_cli_json_string (builder, "reliability", source->reliability);
      crb_cli_json_strings (builder, "copies", source->copies);
      json_builder_set_member_name (builder, "accounts");
      json_builder_begin_array (builder);
      for (guint f = 0; f < grid->facets->len; f++)
        {
          GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, f);

          for (guint a = 0; a < cell->len; a++)
            {
              CrbAccount *account = g_ptr_array_index (cell, a);

              json_builder_begin_object (builder);
              crb_cli_json_string (
                  builder, "facet",
                  ((CrbAccountsFacet *) g_ptr_array_index (grid->facets, f))->name);
              crb_cli_json_string (builder, "claim_id", account->claim_uuid);
              crb_cli_json_string (builder, "quote", account->exact);
              crb_cli_json_string (builder, "stance", account->stance);
              json_builder_set_member_name (builder, "value");
              if (account->has_value)
                {
                  json_builder_begin_object (builder);
                  json_value (builder, &account->value, account->value_text);
                  json_builder_end_object (builder);
                }
              else
                json_builder_add_null_value (builder);
              crb_cli_json_bool (builder, "disagrees", account->disagrees);
              crb_cli_json_string (builder, "copied_from", account->copied_from);
              json_builder_end_object (builder);
            }
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_grid (CrbAccountsGrid *grid)
{
  GString *line = g_string_new (NULL);

  printf ("%s\n\n", grid->title);
  for (guint s = 0; s < grid->sources->len; s++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);

      printf ("%s\n", source->title);
      for (guint f = 0; f < grid->facets->len; f++)
        {
          GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, f);

          for (guint a = 0; a < cell->len; a++)
            {
              CrbAccount      *account = g_ptr_array_index (cell, a);
              g_autofree char *quote = crb_cli_one_line (account->exact, 60);

              g_string_printf (line, "  %s: %s%s",
                               ((CrbAccountsFacet *) g_ptr_array_index (grid->facets, f))->name,
                               account->disagrees ? "! " : "",
                               account->has_value ? account->value_label : quote);
              if (account->copied_from)
                g_string_append (line, " (copied)");
              printf ("%s\n", line->str);
            }
        }
    }
  printf ("\n");
  for (guint f = 0; f < grid->facets->len; f++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, f);

      printf ("%s: %u independent of %u sources%s\n", facet->name, facet->n_independent,
              facet->n_sources, facet->disagreement ? ", figures disagree" : "");
    }
  g_string_free (line, TRUE);
}

int
crb_cli_accounts (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbAccountsGrid) grid = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE, markdown = FALSE, html = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the grid as a JSON object", NULL },
    { "markdown", 0, 0, G_OPTION_ARG_NONE, &markdown, "Print a Markdown briefing", NULL },
    { "html", 0, 0, G_OPTION_ARG_NONE, &html, "Print a self-contained HTML briefing", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("accounts", "FILE EVENT-ID",
                              "The accounts grid of an event: each source's figure per facet, "
                              "disagreements, copies, and independent sources.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (json + markdown + html > 1)
    return crb_cli_usage_error ("Choose one of --json, --markdown and --html.");
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(grid = crb_project_build_accounts (project, argv[2], NULL, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_grid (builder, grid);
      crb_cli_print_builder (builder);
    }
  else if (markdown || html)
    {
      g_autofree char *briefing =
          markdown ? crb_accounts_grid_to_markdown (grid) : crb_accounts_grid_to_html (grid);

      fputs (briefing, stdout);
    }
  else
    print_grid (grid);
  return CRB_CLI_EXIT_OK;
}
